"""Column suggestions: a classifier trained on the archive, combined with rules an editor
can read.

The model is scikit-learn logistic regression over two TF-IDF views of title + body:
jieba words (what it is about) and character 1–3-grams (robust to segmentation errors and
to names jieba does not know). The archive's imported issues are its labelled examples,
and so are the editor's later decisions (``newsdesk train``).

The rules encode what the house format says each column is for; each one that fires adds
weight to its column and a reason the editor can check:

* figure-dense reports → 数据观察
* a ministry, the State Council or a regulator issuing 《…意见/办法/规范/规定…》 → 政策法规
* commentary (experts, scholars, opinion verbs, an author note) → 专家视点
* a book notice (内容简介, 本书, 作者) → 悦读电商
"""

from __future__ import annotations

import io
import pickle
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from newsdesk.text.book_notice import book_notice_signals
from newsdesk.text.commentary import commentary_score
from newsdesk.text.figures import Figure, extract_figures, figure_density
from newsdesk.text.script import to_simplified

INDUSTRY = "行业资讯"
POLICY = "政策法规"
DATA = "数据观察"
VIEWPOINT = "专家视点"
READING = "悦读电商"
HOUSE_COLUMNS = (INDUSTRY, POLICY, DATA, VIEWPOINT, READING)

_ISSUER = (
    r"(?:国务院|国务院办公厅|国办|中共中央|中办|党中央|全国人大|人大常委会|"
    r"[\u4e00-\u9fa5]{0,12}(?:部|委|局|总局|署|办|银保监会|证监会|网信办|监管总局|广电总局|人民银行)|[\u4e00-\u9fa5]{1,6}(?:省|市)(?:政府|人民政府)?|五部门|四部门|三部门|多部门|[\u4e00-\u9fa5]{1,3}部门)"
)
_DOCUMENT = r"《[^》]{2,60}(?:意见|办法|规范|规定|条例|方案|规划|通知|指引|指南|细则|公告|批复|法|决定|纲要|标准|措施)(?:（[^）]{0,20}）)?》"
_POLICY_ISSUE = re.compile(
    rf"{_ISSUER}[^。，；]{{0,12}}(?:印发|发布|出台|公布|联合发布|联合印发|制定|修订|施行|审议通过|批复|颁布)[^。]{{0,8}}{_DOCUMENT}"
)
_POLICY_DOC = re.compile(_DOCUMENT)
_POLICY_WORDS = re.compile(
    r"(?:自\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日起施行|起施行|征求意见稿|予以公布|监管事宜|明确要求)"
)
_EXPERT = re.compile(r"(?:专家|学者|教授|研究员|分析师|首席经济学家|评论员|（作者系[^）]*）)")
_OPINION = re.compile(
    r"(?:认为|指出|建议|在他看来|在她看来|看来|坦言|呼吁|提醒|不能只|应当|必须|关键在于|值得注意的是|要看到|也要看到)"
)
# Experts speaking again and again ("与会专家表示", "专家指出"): a forum or analysis piece.
_EXPERTS_SAY = re.compile(
    r"(?:专家|学者|教授|研究员|分析师|经济学家|业内人士|分析人士)[^。，；]{0,6}(?:表示|指出|认为|建议|强调|坦言|分析)"
)


@dataclass
class ColumnSuggestion:
    column: str
    confidence: float
    reasons: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"column": self.column, "confidence": round(self.confidence, 3), "reasons": self.reasons}


@dataclass(frozen=True)
class LabelledText:
    title: str
    body: str
    column: str
    group: str | None = None  # texts of one story share a group (kept together in cross-validation)


@dataclass
class RuleHit:
    column: str
    weight: float
    reason: str


# Whose figures: a statistics release about a market, a trade or the country (数据观察), or
# one company's own results (行业资讯, as the house files them: 拼多多二季度营收…).
_STATISTICS = re.compile(
    r"国家统计局|统计局|海关总署|国家邮政局|中国互联网络信息中心|CNNIC|统计显示|监测数据|统计数据|调查显示|测算|指数"
)
_AGGREGATE = re.compile(
    r"全国|我国|全球|全行业|行业|市场规模|交易规模|规模以上|网民|社会消费品|网上零售额|网络零售额|快递业务量|进出口"
)
_COMPANY_RESULTS = re.compile(
    r"营收|营业收入|净利润|净亏损|财报|业绩|季度收入|战报|股价|收盘|港交所|纳斯达克|市值|经调整|归母|毛利率|每股"
)
_COMPANY_SHAPE = re.compile(
    r"^[“\"]?[\u4e00-\u9fa5A-Za-z]{2,10}?(?:集团|股份|控股|速递|快递|物流|科技|公司|创新|闪购|电商)(?![\u4e00-\u9fa5]{0,2}(?:行业|市场))"
)


@lru_cache(maxsize=1)
def _platform_names() -> tuple[str, ...]:
    from newsdesk.text.tokens import dictionary

    return tuple(sorted((n for n, kind in dictionary().items() if kind == "platform"), key=len, reverse=True))


def _company_headline(title: str) -> str | None:
    """The company or platform a headline opens with (京东618收官…, 顺丰控股10月…)."""
    head = title.lstrip('“"「')
    for name in _platform_names():
        if head.startswith(name):
            return name
    m = _COMPANY_SHAPE.match(head)
    return m.group(0) if m else None


# A regulator's or a court's action on a case: 政策法规 in the house practice.
_ENFORCER = (
    r"(?:市场监管|监管局|监管总局|网信办|网信部门|法院|检察院|公安|商务部|海关|税务|消保委|邮政管理局|执法)"
)
_ENFORCEMENT = re.compile(
    rf"{_ENFORCER}[^。]{{0,40}}(?:行政处罚|处以|罚款|罚没|约谈|立案|审结|判决|判处|判令|一审|二审|通报|典型案例|责令)"
    r"|(?:被罚|获刑|退一赔三|典型案例|司法解释)"
)
# A document named without brackets in the headline: 湖南发布电商发展三年行动计划
_TITLE_DOCUMENT = re.compile(
    r"(?:印发|发布|出台|公布|修订|施行|实施|征求意见)[^，。]{0,20}"
    r"(?:行动计划|行动方案|实施方案|若干措施|措施|实施意见|指导意见|意见|管理办法|办法|规定|条例|规划|通知|公告|指引|细则|新规|新政)"
)


def rule_hits(title: str, body: str, figures: Sequence[Figure] | None = None) -> list[RuleHit]:
    hits: list[RuleHit] = []
    head = title + "\n" + body[:300]
    figs = list(figures) if figures is not None else extract_figures(body, title)
    # counts like 33 个城市 or 第七批 are everywhere; money, shares, changes and big counts are data
    figs = [f for f in figs if f.kind in ("amount", "percent", "change") or (f.value or 0) >= 10_000]
    density = figure_density(title + body, figs)
    title_figures = [f for f in figs if f.sentence == title]
    # Commentary argues about figures and laws as much as reports give them: its voice
    # decides, and a report that quotes an expert stays news.
    commentary = commentary_score(title, body)
    enforcement = _ENFORCEMENT.search(head)
    company = _COMPANY_RESULTS.search(head) or _company_headline(title)
    data_weight, data_reason = 0.0, ""
    if len(figs) >= 4 and density >= 1.2:
        data_weight = 0.6 if _AGGREGATE.search(head) else 0.4
        data_reason = f"figure-dense: {len(figs)} figures, {density:.1f} per 100 characters"
    elif len(figs) >= 3 and title_figures:
        data_weight = 0.4
        data_reason = f"figures in the title ({title_figures[0].text}) and {len(figs)} in the text"
    if data_weight and company and not _STATISTICS.search(head):
        whose = company if isinstance(company, str) else company.group(0)
        hits.append(RuleHit(INDUSTRY, 0.35, f"a company's own figures ({whose}): {data_reason}"))
    elif data_weight and enforcement:
        hits.append(RuleHit(DATA, 0.15, f"{data_reason}, but the figures are a case's"))
    elif data_weight:
        hits.append(RuleHit(DATA, data_weight, data_reason))
    m = _POLICY_ISSUE.search(head)
    if m:
        hits.append(RuleHit(POLICY, 0.7, f"issuer and document: {m.group(0)[:40]}"))
    elif _POLICY_DOC.search(title):
        hits.append(
            RuleHit(POLICY, 0.35, f"a policy document in the title: {_POLICY_DOC.search(title).group(0)}")
        )
    elif _TITLE_DOCUMENT.search(title):
        hits.append(RuleHit(POLICY, 0.5, f"a document issued: {_TITLE_DOCUMENT.search(title).group(0)}"))
    if enforcement:
        hits.append(RuleHit(POLICY, 0.5, f"a regulator's or a court's case: {enforcement.group(0)[-20:]}"))
    if _POLICY_WORDS.search(body):
        hits.append(RuleHit(POLICY, 0.2, f"regulatory wording: {_POLICY_WORDS.search(body).group(0)}"))
    if commentary.score >= 1.5:
        weight = 0.9 + 0.1 * min(commentary.score - 1.5, 3)
        hits.append(RuleHit(VIEWPOINT, weight, f"commentary: {'; '.join(commentary.reasons[:2])[:40]}"))
    else:
        # a forum's experts speaking again and again (与会专家指出…与会专家表示…), or an
        # analysis with experts' views and no news lead; one expert quoted is still news
        statements = _EXPERTS_SAY.findall(body)
        if len(statements) >= 3 or (commentary.score >= 1.0 and len(statements) >= 2):
            sample = "、".join(dict.fromkeys(statements))
            hits.append(RuleHit(VIEWPOINT, 0.5, f"experts speak {len(statements)} times: {sample[:30]}"))
    book = book_notice_signals(title, body)
    if book:
        hits.append(RuleHit(READING, 0.9, f"book notice: {'、'.join(book)[:30]}"))
    # a reason is one line, whatever the text it quotes
    return [RuleHit(h.column, h.weight, " ".join(h.reason.split())) for h in hits]


# Below this many archive items and decisions the shipped examples are added to them: a
# fresh install (or one with a few imported issues) does not start from the rules alone.
BUNDLED_UNTIL = 500


def bundled_examples() -> list[LabelledText]:
    """The labelled items shipped with the package (``data/column_examples.jsonl.gz``,
    written by ``bench/column_examples.py``): the sample issues' items and one report of
    each development story, filed as the house files them."""
    import gzip
    import json
    from importlib import resources

    source = resources.files("newsdesk.editorial").joinpath("data/column_examples.jsonl.gz")
    if not source.is_file():
        return []
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [LabelledText(r["title"], r["body"], r["column"], f"bundled{i}") for i, r in enumerate(rows)]


def with_bundled(examples: Sequence[LabelledText]) -> list[LabelledText]:
    """``examples`` and, while they are few, the shipped ones whose titles they lack."""
    out = list(examples)
    if len(out) >= BUNDLED_UNTIL:
        return out
    titles = {e.title for e in out}
    return out + [e for e in bundled_examples() if e.title not in titles]


def _text_of(title: str, body: str) -> str:
    # the title says most about the column: count it twice
    return f"{title}\n{title}\n{body}"


# A model file: this line, the length of the compact part, the compact part (numbers only:
# numpy arrays and dicts), then the scikit-learn pipeline. Older files are the pipeline alone.
_MODEL_FILE_MAGIC = b"newsdesk column model 2\n"
_COMPACT_FORMAT = 1
_WHITE_SPACES = re.compile(r"\s\s+")


def _char_ngrams(text: str, min_n: int, max_n: int) -> list[str]:
    """scikit-learn's ``analyzer="char"``: lower case, runs of white space as one space."""
    text = _WHITE_SPACES.sub(" ", text.lower())
    grams = list(text) if min_n == 1 else []
    for n in range(max(min_n, 2), min(max_n, len(text)) + 1):
        grams += [text[i : i + n] for i in range(len(text) - n + 1)]
    return grams


class _CompactModel:
    """The fitted pipeline's numbers — vocabularies, IDF weights, coefficients — and the
    arithmetic of its transform and predict_proba, in numpy: a command that classifies a
    few texts does not import scikit-learn and SciPy (about two seconds). Used only when it
    gives what the pipeline gives on the training texts (see ``ColumnModel.fit``)."""

    def __init__(self, data: dict) -> None:
        self.data = data
        self.words_vocab: dict[str, int] = data["words_vocab"]
        self.chars_vocab: dict[str, int] = data["chars_vocab"]
        self.words_idf = np.asarray(data["words_idf"], dtype=np.float64)
        self.chars_idf = np.asarray(data["chars_idf"], dtype=np.float64)
        self.coef = np.asarray(data["coef"], dtype=np.float64)
        self.intercept = np.asarray(data["intercept"], dtype=np.float64)
        self.ngram_range = tuple(data["ngram_range"])
        self._names: list[str] | None = None

    @classmethod
    def from_pipeline(cls, pipeline, columns: list[str], examples: int) -> _CompactModel | None:
        """The numbers of a pipeline built by ``ColumnModel._build``, or None if it is not one."""
        from newsdesk.text.tokens import analyzer

        try:
            union = pipeline.named_steps["features"]
            views = dict(union.transformer_list)
            words, chars, clf = views["words"], views["chars"], pipeline.named_steps["clf"]
            expected = (
                union.transformer_weights is None
                and words.analyzer is analyzer
                and chars.analyzer == "char"
                and chars.lowercase
                and chars.preprocessor is None
                and chars.strip_accents is None
                and all(
                    v.norm == "l2" and v.use_idf and v.sublinear_tf and not v.binary for v in (words, chars)
                )
            )
            if not expected:
                return None
            data = {
                "format": _COMPACT_FORMAT,
                "columns": list(columns),
                "examples": examples,
                "words_vocab": {str(k): int(v) for k, v in words.vocabulary_.items()},
                "chars_vocab": {str(k): int(v) for k, v in chars.vocabulary_.items()},
                "words_idf": np.asarray(words.idf_, dtype=np.float64),
                "chars_idf": np.asarray(chars.idf_, dtype=np.float64),
                "ngram_range": tuple(chars.ngram_range),
                "coef": np.asarray(clf.coef_, dtype=np.float64),
                "intercept": np.asarray(clf.intercept_, dtype=np.float64),
            }
        except (AttributeError, KeyError, TypeError):
            return None
        return cls(data)

    @staticmethod
    def _tfidf(tokens: list[str], vocab: dict[str, int], idf: np.ndarray, offset: int):
        counts: dict[int, int] = {}
        for token in tokens:
            j = vocab.get(token)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        idx = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
        values = (np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts))) + 1.0) * idf[idx]
        norm = np.sqrt(np.dot(values, values))
        if norm > 0:
            values /= norm
        return idx + offset, values

    def row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The text's features: indices and values of its non-zero TF-IDF weights."""
        from newsdesk.text.tokens import analyzer

        w_idx, w_val = self._tfidf(analyzer(text), self.words_vocab, self.words_idf, 0)
        c_idx, c_val = self._tfidf(
            _char_ngrams(text, *self.ngram_range), self.chars_vocab, self.chars_idf, len(self.words_vocab)
        )
        return np.concatenate([w_idx, c_idx]), np.concatenate([w_val, c_val])

    def probabilities(self, rows: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        decision = (
            np.array([self.coef[:, idx] @ values for idx, values in rows]).reshape(
                len(rows), self.coef.shape[0]
            )
            + self.intercept
        )
        if self.coef.shape[0] == 1:  # two columns: the logistic function of one score
            p = 1.0 / (1.0 + np.exp(-decision[:, 0]))
            return np.column_stack([1.0 - p, p])
        decision -= decision.max(axis=1, keepdims=True)
        np.exp(decision, out=decision)
        return decision / decision.sum(axis=1, keepdims=True)

    def contributions(self, row: tuple[np.ndarray, np.ndarray], k: int) -> tuple[np.ndarray, np.ndarray]:
        idx, values = row
        coef = self.coef[k] if self.coef.shape[0] > 1 else self.coef[0] * (1 if k == 1 else -1)
        return idx, values * coef[idx]

    def names(self) -> list[str]:
        if self._names is None:
            names = [""] * (len(self.words_vocab) + len(self.chars_vocab))
            for term, j in self.words_vocab.items():
                names[j] = term
            offset = len(self.words_vocab)
            for term, j in self.chars_vocab.items():
                names[offset + j] = term
            self._names = names
        return self._names


class ColumnModel:
    """TF-IDF (jieba words + character n-grams) → logistic regression."""

    def __init__(self) -> None:
        self._names = None
        self.pipeline = None
        self.compact: _CompactModel | None = None
        self._pipeline_blob: bytes | None = None  # a loaded file's pipeline, unpickled if needed
        self.columns: list[str] = []
        self.examples = 0

    @staticmethod
    def _build():
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import FeatureUnion, Pipeline

        from newsdesk.text.tokens import analyzer

        features = FeatureUnion(
            [
                ("words", TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, min_df=1)),
                (
                    "chars",
                    TfidfVectorizer(
                        analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=2, max_features=60000
                    ),
                ),
            ]
        )
        return Pipeline(
            [
                ("features", features),
                (
                    "clf",
                    LogisticRegression(C=20.0, solver="newton-cg", max_iter=500, class_weight="balanced"),
                ),
            ]
        )

    def fit(self, examples: Sequence[LabelledText], compact: bool = True) -> ColumnModel:
        """Fit the pipeline; with ``compact``, also keep its numbers for numpy-only prediction
        when they give the same results on the training texts."""
        labels = [e.column for e in examples]
        if len(set(labels)) < 2:
            raise ValueError("training needs labelled examples of at least two columns")
        self.pipeline = self._build()
        self.pipeline.fit([_text_of(e.title, e.body) for e in examples], labels)
        self.columns = list(self.pipeline.classes_)
        self.examples = len(examples)
        self.compact = None
        self._pipeline_blob = None
        if compact:
            numbers = _CompactModel.from_pipeline(self.pipeline, self.columns, self.examples)
            if numbers is not None and self._agrees(numbers, [(e.title, e.body) for e in examples[:60]]):
                self.compact = numbers
        return self

    def _agrees(self, compact: _CompactModel, texts: list[tuple[str, str]]) -> bool:
        """Whether the compact form gives the pipeline's probabilities and reasons."""
        x = self._pipeline_features(texts)
        expected = self.pipeline.named_steps["clf"].predict_proba(x)
        rows = [compact.row(_text_of(t, b)) for t, b in texts]
        if not np.allclose(compact.probabilities(rows), expected, rtol=0, atol=1e-9):
            return False
        for i in range(len(texts)):
            column = self.columns[int(expected[i].argmax())]
            if self._pipeline_top_terms(column, 3, x[i]) != self._compact_top_terms(
                compact, column, 3, rows[i]
            ):
                return False
        return True

    def _ensure_pipeline(self) -> None:
        if self.pipeline is None and self._pipeline_blob is not None:
            data = pickle.loads(self._pipeline_blob)  # our own model file, written by ``dumps``
            self.pipeline = data["pipeline"]

    def _pipeline_features(self, texts: Sequence[tuple[str, str]]):
        self._ensure_pipeline()
        assert self.pipeline is not None
        return self.pipeline.named_steps["features"].transform([_text_of(t, b) for t, b in texts]).tocsr()

    def features(self, texts: Sequence[tuple[str, str]]):
        """The texts' features: rows for ``probabilities`` and ``top_terms``."""
        if self.compact is not None:
            return [self.compact.row(_text_of(t, b)) for t, b in texts]
        return self._pipeline_features(texts)

    def probabilities(self, texts: Sequence[tuple[str, str]], x=None) -> np.ndarray:
        x = self.features(texts) if x is None else x
        if self.compact is not None:
            return self.compact.probabilities(x)
        return self.pipeline.named_steps["clf"].predict_proba(x)

    def top_terms(self, title: str, body: str, column: str, n: int = 3, row=None) -> list[str]:
        """The features that pushed this text towards ``column`` the most."""
        if row is None:
            row = self.features([(title, body)])[0]
        if self.compact is not None:
            return self._compact_top_terms(self.compact, column, n, row)
        return self._pipeline_top_terms(column, n, row)

    def _compact_top_terms(self, compact: _CompactModel, column: str, n: int, row) -> list[str]:
        idx, contributions = compact.contributions(row, self.columns.index(column))
        return _ranked_terms(idx, contributions, compact.names(), n)

    def _pipeline_top_terms(self, column: str, n: int, row) -> list[str]:
        self._ensure_pipeline()
        features = self.pipeline.named_steps["features"]
        clf = self.pipeline.named_steps["clf"]
        k = self.columns.index(column)
        coef = clf.coef_[k] if clf.coef_.shape[0] > 1 else clf.coef_[0] * (1 if k == 1 else -1)
        if getattr(self, "_names", None) is None:
            self._names = [name.split("__", 1)[-1] for name in features.get_feature_names_out()]
        row = row.tocsr()
        return _ranked_terms(row.indices, row.data * coef[row.indices], self._names, n)

    def dumps(self) -> bytes:
        if self.pipeline is None and self._pipeline_blob is not None:
            full = self._pipeline_blob
        else:
            buf = io.BytesIO()
            pickle.dump({"pipeline": self.pipeline, "columns": self.columns, "examples": self.examples}, buf)
            full = buf.getvalue()
        compact = pickle.dumps(self.compact.data) if self.compact is not None else b""
        return _MODEL_FILE_MAGIC + len(compact).to_bytes(8, "little") + compact + full

    @classmethod
    def loads(cls, blob: bytes) -> ColumnModel:
        """Read a model file. Its compact part needs only numpy; the scikit-learn pipeline is
        unpickled only when there is no compact part (an older file, or one that did not
        agree with its pipeline)."""
        model = cls()
        if blob.startswith(_MODEL_FILE_MAGIC):
            start = len(_MODEL_FILE_MAGIC) + 8
            size = int.from_bytes(blob[len(_MODEL_FILE_MAGIC) : start], "little")
            full = blob[start + size :]
            if size:
                data = pickle.loads(blob[start : start + size])  # our own model file
                if data.get("format") == _COMPACT_FORMAT:
                    model.compact = _CompactModel(data)
                    model.columns, model.examples = list(data["columns"]), data["examples"]
                    model._pipeline_blob = full
                    return model
            blob = full
        data = pickle.loads(blob)  # our own model file, written by ``dumps``
        model.pipeline, model.columns, model.examples = data["pipeline"], data["columns"], data["examples"]
        model._names = None
        return model


def _ranked_terms(idx: np.ndarray, contributions: np.ndarray, names: Sequence[str], n: int) -> list[str]:
    """Up to n distinct terms of two characters or more, none inside another, from the
    features (indices into ``names``) that push the most; the best 4n are considered. Equal
    contributions (rounded: two ways of computing them differ in the last digit) rank by
    feature order."""
    k_best = min(n * 4, len(names) - 1)
    order = np.lexsort((idx, -np.round(contributions, 12)))
    order = order[:k_best] if k_best > 0 else order
    terms: list[str] = []
    for j in order:
        if contributions[j] <= 0:
            break
        name = names[idx[j]].strip()
        if len(name) < 2 or any(name in t or t in name for t in terms):
            continue
        terms.append(name)
        if len(terms) == n:
            break
    return terms


class ColumnClassifier:
    """Model probabilities plus rule weights → one suggestion with reasons."""

    def __init__(self, model: ColumnModel | None = None, columns: Sequence[str] = HOUSE_COLUMNS) -> None:
        self.model = model
        self.columns = list(dict.fromkeys([*(model.columns if model else []), *columns]))

    def suggest(self, title: str, body: str, figures: Sequence[Figure] | None = None) -> ColumnSuggestion:
        return self.suggest_many([(title, body)], [figures] if figures is not None else None)[0]

    def suggest_many(
        self, texts: Sequence[tuple[str, str]], figures: Sequence[Sequence[Figure] | None] | None = None
    ) -> list[ColumnSuggestion]:
        # a Traditional reprint is classified (and its reasons quoted) in Simplified
        texts = [(to_simplified(t), to_simplified(b)) for t, b in texts]
        x = self.model.features(texts) if self.model and texts else None
        probs = self.model.probabilities(texts, x) if x is not None else None
        out: list[ColumnSuggestion] = []
        for i, (title, body) in enumerate(texts):
            scores = dict.fromkeys(self.columns, 0.0)
            reasons: list[str] = []
            if probs is not None:
                for col, p in zip(self.model.columns, probs[i], strict=True):
                    scores[col] = float(p)
            else:
                # no model: industry news is the default column of the house format
                scores[INDUSTRY] = 0.3
            hits = rule_hits(title, body, figures[i] if figures else None)
            for hit in hits:
                if hit.column in scores:
                    scores[hit.column] += hit.weight
            total = sum(scores.values()) or 1.0
            scores = {c: s / total for c, s in scores.items()}
            best = max(scores, key=scores.get)
            for hit in hits:
                if hit.column == best:
                    reasons.append(f"rule: {hit.reason}")
            if probs is not None:
                p = float(probs[i][self.model.columns.index(best)]) if best in self.model.columns else 0.0
                terms = (
                    self.model.top_terms(title, body, best, row=x[i]) if best in self.model.columns else []
                )
                reasons.append(f"model: {p:.2f} for {best}" + (f" ({'、'.join(terms)})" if terms else ""))
            else:
                reasons.append("no trained model: rules only")
            for hit in hits:
                if hit.column != best:
                    reasons.append(f"also: {hit.column} — {hit.reason}")
            out.append(ColumnSuggestion(best, scores[best], reasons, scores))
        return out


def cross_validate(examples: Sequence[LabelledText], folds: int = 5, use_rules: bool = True) -> dict:
    """Accuracy and confusion matrix of model+rules, texts of one story kept in one fold."""
    from sklearn.model_selection import GroupKFold, StratifiedKFold

    labels = np.array([e.column for e in examples])
    groups = [e.group or f"#{i}" for i, e in enumerate(examples)]
    if any(e.group for e in examples):
        splitter = GroupKFold(n_splits=folds)
        splits = splitter.split(np.zeros(len(examples)), labels, groups)
    else:
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
        splits = splitter.split(np.zeros(len(examples)), labels)
    predicted = np.empty(len(examples), dtype=object)
    for train_idx, test_idx in splits:
        model = ColumnModel().fit([examples[i] for i in train_idx], compact=False)
        if use_rules:
            clf = ColumnClassifier(model)
            suggestions = clf.suggest_many([(examples[i].title, examples[i].body) for i in test_idx])
            predicted[test_idx] = [s.column for s in suggestions]
        else:
            probs = model.probabilities([(examples[i].title, examples[i].body) for i in test_idx])
            predicted[test_idx] = [model.columns[j] for j in probs.argmax(axis=1)]
    columns = [c for c in HOUSE_COLUMNS if c in set(labels)] + sorted(set(labels) - set(HOUSE_COLUMNS))
    matrix = [[int(np.sum((labels == a) & (predicted == b))) for b in columns] for a in columns]
    return {
        "accuracy": float(np.mean(labels == predicted)),
        "columns": columns,
        "confusion": matrix,
        "examples": len(examples),
        "predicted": list(predicted),
    }
