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

import numpy as np

from newsdesk.editorial.figures import Figure, extract_figures, figure_density

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
_BOOK = re.compile(r"(?:内容简介|本书|作者简介|全书|该书|书中|出版社|著者|编著|适合[^。]{0,20}阅读)")


def book_notice_signals(title: str, body: str) -> list[str]:
    """What shows a book notice (内容简介, 本书, 出版社 …), or nothing: it needs 内容简介 near
    the top or two mentions of such words."""
    head = title + "\n" + body[:300]
    found = _BOOK.findall(head + body[:600])
    if "内容简介" in head or len(found) >= 2:
        return list(dict.fromkeys(found)) or ["内容简介"]
    return []


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


def rule_hits(title: str, body: str, figures: Sequence[Figure] | None = None) -> list[RuleHit]:
    hits: list[RuleHit] = []
    head = title + "\n" + body[:300]
    figs = list(figures) if figures is not None else extract_figures(body, title)
    # counts like 33 个城市 or 第七批 are everywhere; money, shares, changes and big counts are data
    figs = [f for f in figs if f.kind in ("amount", "percent", "change") or (f.value or 0) >= 10_000]
    density = figure_density(title + body, figs)
    title_figures = [f for f in figs if f.sentence == title]
    if len(figs) >= 4 and density >= 1.2:
        hits.append(
            RuleHit(DATA, 0.6, f"figure-dense: {len(figs)} figures, {density:.1f} per 100 characters")
        )
    elif len(figs) >= 3 and title_figures:
        hits.append(
            RuleHit(DATA, 0.4, f"figures in the title ({title_figures[0].text}) and {len(figs)} in the text")
        )
    m = _POLICY_ISSUE.search(head)
    if m:
        hits.append(RuleHit(POLICY, 0.7, f"issuer and document: {m.group(0)[:40]}"))
    elif _POLICY_DOC.search(title):
        hits.append(
            RuleHit(POLICY, 0.35, f"a policy document in the title: {_POLICY_DOC.search(title).group(0)}")
        )
    if _POLICY_WORDS.search(body):
        hits.append(RuleHit(POLICY, 0.2, f"regulatory wording: {_POLICY_WORDS.search(body).group(0)}"))
    experts = _EXPERT.findall(body)
    opinions = _OPINION.findall(body)
    expert_statements = _EXPERTS_SAY.findall(body)
    if experts and len(opinions) >= 2:
        sample = "、".join(dict.fromkeys([*experts, *opinions]))
        weight = 0.35 + 0.05 * min(len(opinions) - 2, 5) + 0.1 * min(len(expert_statements), 3)
        hits.append(RuleHit(VIEWPOINT, weight, f"commentary: {sample[:30]}"))
    elif len(expert_statements) >= 3:
        sample = "、".join(dict.fromkeys(expert_statements))
        hits.append(RuleHit(VIEWPOINT, 0.5, f"experts speak {len(expert_statements)} times: {sample[:30]}"))
    book = book_notice_signals(title, body)
    if book:
        hits.append(RuleHit(READING, 0.9, f"book notice: {'、'.join(book)[:30]}"))
    return hits


def _text_of(title: str, body: str) -> str:
    # the title says most about the column: count it twice
    return f"{title}\n{title}\n{body}"


class ColumnModel:
    """TF-IDF (jieba words + character n-grams) → logistic regression."""

    def __init__(self) -> None:
        self._names = None
        self.pipeline = None
        self.columns: list[str] = []
        self.examples = 0

    @staticmethod
    def _build():
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import FeatureUnion, Pipeline

        from newsdesk.editorial.tokens import analyzer

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

    def fit(self, examples: Sequence[LabelledText]) -> ColumnModel:
        labels = [e.column for e in examples]
        if len(set(labels)) < 2:
            raise ValueError("training needs labelled examples of at least two columns")
        self.pipeline = self._build()
        self.pipeline.fit([_text_of(e.title, e.body) for e in examples], labels)
        self.columns = list(self.pipeline.classes_)
        self.examples = len(examples)
        return self

    def features(self, texts: Sequence[tuple[str, str]]):
        assert self.pipeline is not None
        return self.pipeline.named_steps["features"].transform([_text_of(t, b) for t, b in texts]).tocsr()

    def probabilities(self, texts: Sequence[tuple[str, str]], x=None) -> np.ndarray:
        assert self.pipeline is not None
        x = self.features(texts) if x is None else x
        return self.pipeline.named_steps["clf"].predict_proba(x)

    def top_terms(self, title: str, body: str, column: str, n: int = 3, row=None) -> list[str]:
        """The features that pushed this text towards ``column`` the most."""
        assert self.pipeline is not None
        features = self.pipeline.named_steps["features"]
        clf = self.pipeline.named_steps["clf"]
        if row is None:
            row = self.features([(title, body)])
        k = self.columns.index(column)
        coef = clf.coef_[k] if clf.coef_.shape[0] > 1 else clf.coef_[0] * (1 if k == 1 else -1)
        contributions = row.multiply(coef).toarray()[0]
        if getattr(self, "_names", None) is None:
            self._names = features.get_feature_names_out()
        names = self._names
        k_best = min(n * 4, len(contributions) - 1)
        top = (
            np.argpartition(-contributions, k_best)[:k_best] if k_best > 0 else np.arange(len(contributions))
        )
        best = top[np.argsort(-contributions[top])]
        terms: list[str] = []
        for i in best:
            if contributions[i] <= 0:
                break
            name = names[i].split("__", 1)[-1].strip()
            if len(name) < 2 or any(name in t or t in name for t in terms):
                continue
            terms.append(name)
            if len(terms) == n:
                break
        return terms

    def dumps(self) -> bytes:
        buf = io.BytesIO()
        pickle.dump({"pipeline": self.pipeline, "columns": self.columns, "examples": self.examples}, buf)
        return buf.getvalue()

    @classmethod
    def loads(cls, blob: bytes) -> ColumnModel:
        data = pickle.loads(blob)  # our own model file, written by ``dumps``
        model = cls()
        model.pipeline, model.columns, model.examples = data["pipeline"], data["columns"], data["examples"]
        model._names = None
        return model


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
        model = ColumnModel().fit([examples[i] for i in train_idx])
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
