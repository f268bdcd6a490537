"""Column suggestions: a classifier trained on the archive, combined with rules an editor
can read.

The model is scikit-learn logistic regression over two TF-IDF views of title + body:
jieba words (what it is about) and character 1–3-grams (robust to segmentation errors and
to names jieba does not know). The archive's imported issues are its labelled examples,
and so are the editor's later decisions (``newsdesk train``).

The rules encode what the house format says each column is for; each one that fires adds
weight to its column and a reason the editor can check:

* an item built around figures — the headline states a measured figure, the text gives
  several — → 数据观察, whoever's figures they are (a statistics release, a research firm's
  report, a platform's 战报, a company's results); an amount offered or invested, or a share
  price, is news
* a ministry, the State Council or a regulator issuing 《…意见/办法/规范/规定…》 → 政策法规
* an authority acting — 约谈, 专项行动, a penalty, a court's ruling, a meeting that 部署
  work — with no document issued → 行业资讯
* commentary (experts, scholars, opinion verbs, an author note, an expert interviewed) →
  专家视点; a news report that quotes views stays news
* a book notice (内容简介, 本书, 作者) → 悦读电商
"""

from __future__ import annotations

import io
import pickle
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

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
_DOCUMENT = r"《[^》]{2,60}(?:意见|办法|规范|规定|条例|方案|规划|通知|指引|指南|细则|公告|批复|法|决定|纲要|标准|措施|计划|政策|规则|清单)(?:（[^）]{0,20}）)?》"
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


# 数据观察 is for items built around figures, whoever's they are: a statistics office's
# release, a research firm's report, a platform's 战报 or a listed company's results alike
# (京东公布11.11战报…, 阿里巴巴季度财报…). The real issue's one such item says what they share:
# the headline states the figure (我国数字经济规模超45万亿元 占GDP比重提升至39.8%) and the
# text is one figure after another. A company's news that mentions an amount (投资7.5亿,
# 发放5000万元消费券, 千亿扶持计划) is news of what it does: 行业资讯.
_MEASURED = re.compile(
    r"营收|收入|利润|亏损|成交|销售额|销量|交易额|交易规模|零售额|业务量|揽收|揽件|包裹|单量|下单|订单|"
    r"GMV|规模|用户|网民|会员|进出口|出口|进口|增长|增速|增逾|增超|增近|同比|环比|占比|比重|翻番|"
    r"创新高|创历史|指数|[^费税利]率|份额|受访|企业数|商家数|买家|活跃|人次|人数|客流|吞吐量|数量|投诉|申诉|受理|挽回"
)
_DATA_RELEASE = re.compile(r"战报|财报|业绩|数据|成绩单|报告|调查|统计|监测|指数|测算|预测")
_FIGURE_WORDS = re.compile(
    r"翻番|过半|近半|创新高|创历史新高|破亿|过亿|[一二三四五六七八九十两几半]成|[一二两三四五六七八九十百千万亿]+(?:倍|亿|万)"
    r"|\d[\d.]*(?:[万亿]+|%)[\u4e00-\u9fa5]{0,2}"
)
# what a company or an authority does with an amount: news, not a data item
_OFFER = re.compile(
    r"发放|投资|投入|奖励|补贴|补助|免佣|减免|立减|收取|扶持|计划|目标|拟|募资|融资|罚|挂牌|上市|收涨|股价|"
    r"推出|上线|开设|启用|签约|收购|出台|印发|发布《|最高给予|关税|税率|费率|加征|下调至|上调至|消费券|红包|"
    r"优惠券|到20\d\d年|扩到|扩至|"
    # the stock market's news: 股价, 港股收涨, 快递股集体走强
    r"股票|美股|港股|A股|快递股|概念股|板块|券商|市值|收跌|涨停|跌停"
)
# an expert interviewed: 专访对外经贸大学教授：…
_INTERVIEW = re.compile(
    r"(?:专访|访谈|对话)[^：:，。]{0,16}(?:教授|专家|学者|研究员|院长|所长|经济学家|首席|分析师)"
    r"|(?:教授|专家|学者|研究员|经济学家|分析师)[^：:，。]{0,6}(?:专访|访谈)"
)
# the stock market's day: a company's shares or a sector moving is news of the trade
_MARKET_NEWS = re.compile(
    r"(?:股价|美股|港股|A股|盘前|盘中|午后|一夜|单日|首日)[^，。！？]{0,8}(?:收涨|收跌|大涨|大跌|跌超|涨超|跌逾|涨逾|跌近|涨近|走强|走弱|跳水)|"
    r"(?:快递股|概念股|板块|股)[^，。！？]{0,4}(?:集体|午后|盘中)?(?:走强|走弱|大涨|大跌|拉升|跳水)|"
    r"(?:收涨|收跌|涨停|跌停)"
)
_ACTION_TITLE = re.compile(
    r"推出|上线|开设|开通|启用|投资|发放|启动|举办|签约|收购|开业|落地|挂牌|上市|宣布|设立|建设|打造|升级|扩大|布局|"
    r"新建|新开|建成|投用|投运|开幕"
)


def figure_led(title: str, figures: Sequence[Figure], density: float) -> str | None:
    """Why the item is built around its figures (the headline states a measured figure and
    the text gives several), or None."""
    if len(figures) < 3 or density < 1.2:
        return None
    if not (_MEASURED.search(title) or _DATA_RELEASE.search(title)) or _OFFER.search(title):
        return None
    shown = [f.text for f in figures if f.sentence == title]
    if shown:
        return f"the headline states figures ({'、'.join(shown[:2])}) and the text gives {len(figures)}"
    m = _FIGURE_WORDS.search(title)
    if m:
        return f"the headline reports figures ({m.group(0)}) and the text gives {len(figures)}"
    m = _DATA_RELEASE.search(title)
    if m:
        return f"a data release ({m.group(0)}) giving {len(figures)} figures"
    return None


# An authority acting — a 约谈, a campaign (专项行动), a penalty, a court's ruling, a meeting
# that 部署 work — is news of the trade (行业资讯: the real issue opens with 公安部：启动打击
# 整治“网络水军”专项工作); 政策法规 is for documents: laws, rules, plans, 意见 and 办法.
_AUTHORITY = (
    r"(?:市场监管|监管局|监管总局|网信办|网信部门|法院|检察院|公安|商务部|海关|税务|消协|消保委|邮政局|"
    r"邮政管理|执法|委员会|欧盟|欧委会|政府|部门|总局)"
)
_AUTHORITY_ACTION = re.compile(
    rf"{_AUTHORITY}[^。]{{0,40}}?(?P<act>行政处罚|处以|罚款|罚没|约谈|立案|查处|审结|判决|判处|判令|一审|二审|"
    r"典型案例|责令|初步认定|专项行动|专项整治|专项工作|整治|部署|召开[^。]{0,10}会议)"
    r"|(?P<case>被罚|获刑|退一赔三|典型案例|专项行动|专项整治|专项工作|约谈)"
)


def _authority_action(head: str) -> str | None:
    """What an authority does in the title or lead (约谈, 专项行动, 审结, 部署…), or None."""
    m = _AUTHORITY_ACTION.search(head)
    return (m.group("act") or m.group("case"))[:12] if m else None


# a document cited, not issued: 违反《数字服务法》, 依据《电子商务法》
_CITED_DOCUMENT = re.compile(r"(?:违反|违背|涉嫌|依据|根据|依照|按照|适用)[^《，。]{0,6}《")
# how a news report opens: when, who, what was done (近日，京东方面介绍…; 5月13日，市场监督管理总局约谈…)
_NEWS_LEAD = re.compile(
    r"^(?:[^。]{0,14}(?:电|讯)\s*)?(?:据[^，。]{1,12}(?:报道|消息)[，,])?[^。，；]{0,16}?(?:近日|日前|昨日|昨天|今天|今日|本周|上周|\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月\d{1,2}日)"
    r"(?:[^。]{0,30}?)(?:宣布|推出|介绍|发布|公布|上线|启动|召开|举行|举办|开设|启用|开通|签约|成立|开幕|闭幕|"
    r"投运|投入运营|正式|约谈|部署|开展|审结)(?!的)"
)
# A document named without brackets in the headline: 湖南发布电商发展三年行动计划
_TITLE_DOCUMENT = re.compile(
    r"(?:印发|发布|出台|公布|修订|施行|实施|征求意见)[^，。]{0,20}"
    r"(?:行动计划|行动方案|实施方案|若干措施|措施|实施意见|指导意见|意见|管理办法|办法|规定|条例|规划|通知|公告|"
    r"指引|细则|新规|新政|司法解释)"
)
# a headline that is a document's own title or says what is done with one: 海关总署公告2024年第127号,
# 关于…的通知, 就…公开征求意见, 修改后的反垄断法8月1日起施行
_DOCUMENT_HEADLINE = re.compile(
    r"(?:公告|通告)(?:\d{4}年)?第\d+号|关于[^，。！？：]{2,50}的(?:通知|公告|通告|决定|意见|批复)|"
    r"公开征求意见|征求意见稿|新规征求意见|起施行|正式施行"
)


# a notice issued without its title in brackets: 商务部办公厅日前印发通知，部署…
_NOTICE_ISSUED = re.compile(
    rf"{_ISSUER}[^。，；]{{0,12}}(?:印发|下发|发布|出台)了?(?:通知|意见|实施意见|方案|实施方案|办法|规定|公告)"
)


# the State Council approving (国务院批复同意…设立综试区, 国务院再批27个…) issues a 批复
_APPROVAL = re.compile(r"国务院[^。，]{0,8}(?:批复|同意|再批|关于同意)|国务院[^。]{0,10}印发的批复")


def _document(title: str, head: str) -> tuple[re.Match | None, float, str]:
    """A document issued (政策法规), its weight and what it is, from the title and lead."""
    m = _POLICY_ISSUE.search(head)
    if m:
        return m, 0.7, "issuer and document"
    m = _NOTICE_ISSUED.search(head)
    if m:
        return m, 0.5, "a document issued"
    m = _APPROVAL.search(head)
    if m:
        return m, 0.5, "the State Council's approval"
    m = _POLICY_DOC.search(title)
    if m and not _CITED_DOCUMENT.search(title):
        return m, 0.35, "a policy document in the title"
    m = _TITLE_DOCUMENT.search(title)
    if m:
        return m, 0.5, "a document issued"
    m = _DOCUMENT_HEADLINE.search(title)
    if m and re.search(rf"{_ISSUER}|法|条例|新规", title):  # a platform's 公告 is its news
        return m, 0.5, "a document in the headline"
    return None, 0.0, ""


def _data_figures(
    title: str, body: str, figures: Sequence[Figure] | None = None
) -> tuple[list[Figure], float]:
    """The figures that make data — money, shares, changes, big counts; 33 个城市 or 第七批
    are everywhere — and how many there are per 100 characters."""
    found = list(figures) if figures is not None else extract_figures(body, title)
    figs = [f for f in found if f.kind in ("amount", "percent", "change") or (f.value or 0) >= 10_000]
    return figs, figure_density(title + body, figs)


def house_filing(title: str, body: str, column: str) -> tuple[str, str | None]:
    """The column the house files an item under, given the column another writer gave it,
    and why it differs (None when it does not). Used on the shipped examples, whose writers
    filed a company's own figures under 行业资讯 and an authority's 约谈 or campaign under
    政策法规, where the house puts them under 数据观察 and 行业资讯."""
    if column in (INDUSTRY, POLICY):
        figs, density = _data_figures(title, body)
        led = figure_led(title, figs, density)
        if led and not (column == POLICY and _document(title, title + "\n" + body[:300])[0]):
            return DATA, f"built around figures: {led}"
    if column == POLICY:
        head = title + "\n" + body[:300]
        action = _authority_action(head)
        if action and not _document(title, head)[0]:
            return INDUSTRY, f"an authority acting ({action}), no document issued"
    return column, None


def rule_hits(title: str, body: str, figures: Sequence[Figure] | None = None) -> list[RuleHit]:
    hits: list[RuleHit] = []
    head = title + "\n" + body[:300]
    figs, density = _data_figures(title, body, figures)
    title_figures = [f for f in figs if f.sentence == title]
    led = figure_led(title, figs, density)
    market = _MARKET_NEWS.search(title)
    if market:
        hits.append(RuleHit(INDUSTRY, 0.4, f"the stock market's news ({market.group(0)})"))
    elif led:
        hits.append(RuleHit(DATA, 0.6, f"built around figures: {led}"))
    elif len(figs) >= 4 and density >= 1.2:
        dense = f"{len(figs)} figures, {density:.1f} per 100 characters"
        action = _ACTION_TITLE.search(title)
        if action:
            hits.append(
                RuleHit(INDUSTRY, 0.3, f"news of what was done ({action.group(0)}), told with {dense}")
            )
        elif not _OFFER.search(title):
            hits.append(RuleHit(DATA, 0.4, f"figure-dense: {dense}"))
    elif len(figs) >= 3 and title_figures and not (_OFFER.search(title) or _ACTION_TITLE.search(title)):
        hits.append(
            RuleHit(DATA, 0.4, f"figures in the title ({title_figures[0].text}) and {len(figs)} in the text")
        )
    elif len(figs) >= 2 and _ACTION_TITLE.search(title):
        # the figures of a report about what was done are not what it is about
        what = _ACTION_TITLE.search(title).group(0)
        hits.append(RuleHit(INDUSTRY, 0.3, f"news of what was done ({what}), told with {len(figs)} figures"))
    document, weight, what = _document(title, head)
    if document:
        hits.append(RuleHit(POLICY, weight, f"{what}: {document.group(0)[:40]}"))
    action = _authority_action(title) or _authority_action(head)
    if action and not document and not led:
        # in the headline it is what the item reports; in the lead, perhaps what it comments on
        weight = 0.5 if _authority_action(title) else 0.25
        hits.append(RuleHit(INDUSTRY, weight, f"an authority acting ({action}), no document issued"))
    if _POLICY_WORDS.search(body):
        hits.append(RuleHit(POLICY, 0.2, f"regulatory wording: {_POLICY_WORDS.search(body).group(0)}"))
    # Commentary argues about figures and laws as much as reports give them: its voice
    # decides. A report — a plain headline over a news lead (近日，京东方面介绍…) — that
    # quotes someone's views is still news: only a strong voice makes it a viewpoint.
    commentary = commentary_score(title, body)
    first = re.split(r"[。！？\n]", body.strip(), maxsplit=1)[0]
    lead = _NEWS_LEAD.search(first)
    report = lead is not None and commentary_score(title, "").score <= 1.0
    statements = _EXPERTS_SAY.findall(body)
    interview = _INTERVIEW.search(title)
    if interview:
        hits.append(RuleHit(VIEWPOINT, 0.9, f"an expert interviewed ({interview.group(0)})"))
    elif commentary.score >= (2.5 if report else 1.5):
        weight = 0.9 + 0.1 * min(commentary.score - 1.5, 3)
        hits.append(RuleHit(VIEWPOINT, weight, f"commentary: {'; '.join(commentary.reasons[:2])[:40]}"))
    elif len(statements) >= 3 or (not report and commentary.score >= 1.0 and len(statements) >= 2):
        # a forum's experts speaking again and again (与会专家指出…与会专家表示…), or an
        # analysis with experts' views and no news lead
        sample = "、".join(dict.fromkeys(statements))
        hits.append(RuleHit(VIEWPOINT, 0.5, f"experts speak {len(statements)} times: {sample[:30]}"))
    elif report and commentary.score >= 1.0:
        hits.append(RuleHit(INDUSTRY, 0.3, f"a news report ({lead.group(0)[:16]}) quoting views"))
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
        # looked up and counted in C (map, Counter), not in a Python loop over a text's few
        # thousand character n-grams; insertion order is first occurrence either way, so
        # the sums are the loop's to the last bit.
        counts = Counter(map(vocab.get, tokens))
        counts.pop(None, None)
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
