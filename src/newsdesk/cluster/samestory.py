"""The finer same-story decision for a candidate pair of articles.

MinHash LSH finds near-duplicates cheaply; whether two articles report *the same event*
needs more than overlap of wording. Reprints and light rewrites share most of their
character shingles; a follow-up that adds little contains most of the original; an
independent rewrite of the same news shares the event's figures, names and title words
while its wording differs. Hard negatives look alike on the surface and are told apart
by what they do *not* share: the same company announcing a different thing has other
figures and other title words; two reports on the same topic (two different policy
documents on 跨境电商) share vocabulary but not the event's particulars.
"""

from __future__ import annotations

import calendar
import datetime as dt
import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np

from newsdesk.cluster.pairmodel import CONFIDENT, THRESHOLD, UNSURE, days_between, probability_same
from newsdesk.cluster.shingles import containment, jaccard, normalise, shared_count, shingle_hashes
from newsdesk.text.book_notice import book_notice_signals
from newsdesk.text.commentary import AUTHOR_NOTE, commentary_score, headline_argues, is_opinion_piece
from newsdesk.text.commentary import THRESHOLD as COMMENTARY
from newsdesk.text.figures import extract_figures, parse_number
from newsdesk.text.script import to_simplified
from newsdesk.text.tags import tag_kind
from newsdesk.text.tokens import dictionary, word_idf, words

FINE_K = 3
UNDATED = -0.1  # the "days apart" signal when either article has no date
KEYWORDS = 8
# title words that say nothing about which event it is
_TITLE_STOPWORDS = {
    "发布", "推出", "启动", "召开", "举行", "印发", "开展", "加强", "推进", "推动", "实现", "增长", "同比",
    "我国", "中国", "全国", "首次", "正式", "关于", "进一步", "持续", "今年", "上半年", "年", "月", "日",
    "亿元", "万亿元", "万元", "万", "亿", "超", "达", "将", "在", "的", "了", "与", "和", "及", "为", "等",
    "电商", "电子商务", "平台", "数字", "经济", "数字经济", "发展", "企业", "市场", "消费", "行业",
}  # fmt: skip
_DIGITS = re.compile(r"\d")
# The particulars of an event that a rewrite keeps even in other words: a quoted slogan or
# name (“品质年货 欢乐过年”; a host's or a company's name, which Hong Kong and Taiwan quote in
# 「」: “陈小鹿” and 「陳小鹿」), a document title (《…办法》), a day (1月10日). A short quoted
# figure (“双11”, “618”) names a season, not an event.
_QUOTED = re.compile(r"“([^”]{2,30})”|「([^」]{2,30})」|『([^』]{2,30})』")
_DOCUMENT = re.compile(r"《([^》]{2,40})》")
_OWN_PLACE = re.compile(r"我省|本省|我市|本市|我区|本区")
_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# a listed company's stock code, which Taiwan and Hong Kong papers put after its name
# (富邦媒（8454）, 京东物流（2618.HK）): the company under any of its names
_STOCK_CODE = re.compile(
    r"[（(]\s*(\d{4,6}(?:\s*\.\s*(?:HK|SZ|SH|TW|TWO))?|[A-Z]{2,5}\s*\.\s*(?:US|O|N))\s*[）)]"
)
_SPACE = re.compile(r"\s+")


# When a headline says which period (上半年, 1—5月, 一季度, 2021年), two reports of the same
# release for different periods are different stories however alike their wording.
# 第三季度, 三季度, Q3, and Hong Kong's 第三季 / 次季 (the second) / 首季 (the first)
_QUARTER = r"(?:第\s*)?[一二三四1-4]\s*季度|[Qq][1-4]|第\s*[一二三四1-4]\s*财?季(?!度)|[次首]季(?!度)"
# a month of its own (10月, 9月份) but not a day (11月1日起) or a festival (双11)
_MONTH = r"(?<![\d双—–\-~～至到])\d{1,2}\s*月份?(?!\s*\d{1,2}\s*[日号])(?![底末初中])"
_PERIOD = re.compile(
    # (陸前三季出口, 首三季: the first three quarters as Taiwan and Hong Kong write them)
    r"(?:\d{4}\s*(?:财)?年(?:度)?(?:的)?)?\s*(?:[前首]\s*[三3]\s*季度?|[上下]半年|"
    + _QUARTER
    + r"|[前首]\s*[0-9一二两三四五六七八九十]{1,3}\s*个?月|\d{1,2}\s*[—–\-~～至到]\s*\d{1,2}\s*月份?|全年|"
    + _MONTH
    + r")|\d{4}\s*(?:财)?年(?:度)?(?![\d—–\-至到])"
)
_YEAR = re.compile(r"(\d{4})\s*(?:财)?年(?:度)?(?:的)?")
_NUMERAL = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}


def _count(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _NUMERAL.get(text[1:], 0)
    if text.endswith("十"):
        return 10 * _NUMERAL.get(text[:-1], 0)
    return _NUMERAL.get(text, 0)


def _span(text: str) -> str:
    """One period, one spelling: 第三季度 = 三季度 = Q3 = 3季度; 前5月 = 1—5月; 上半年 = 1—6月;
    前三季度 = 1—9月."""
    if re.fullmatch(r"[前首][三3]季度?", text):
        return "1—9月"
    text = text.removesuffix("份")
    if text in ("次季", "首季"):
        return "二季度" if text == "次季" else "一季度"
    quarter = re.fullmatch(r"(?:第)?([一二三四1-4])财?季度?|[Qq]([1-4])", text)
    if quarter:
        return f"{'一二三四'[_count(quarter.group(1) or quarter.group(2)) - 1]}季度"
    month = re.fullmatch(r"(\d{1,2})月", text)
    if month:
        return f"{int(month.group(1))}月"
    if text in ("上半年", "下半年"):
        return "1—6月" if text == "上半年" else "7—12月"
    first = re.fullmatch(r"[前首]([0-9一二两三四五六七八九十]{1,3})个?月", text)
    if first:
        return f"1—{_count(first.group(1))}月"
    months = re.fullmatch(r"(\d{1,2})[—–\-~～至到](\d{1,2})月", text)
    if months:
        return f"{int(months.group(1))}—{int(months.group(2))}月"
    return text


# 第50次 report, 第七批 pilot zones, 第五届 summit: a different number is another edition;
# 首批 / 首届 is the first (not 首次, which says "for the first time": 首次突破1900亿件)
_ORDINAL = re.compile(r"第\s*([0-9]+|[一二三四五六七八九十百]+)\s*(次|届|批|期|轮)|(首)(届|批|期|轮)")


def ordinals(text: str) -> frozenset[str]:
    """The editions a text names, one spelling each: 第一批 = 第1批 = 首批 → ``1批``."""
    found = set()
    for number, kind, first, first_kind in _ORDINAL.findall(text):
        if first:
            number, kind = "1", first_kind
        count = int(number) if number.isdigit() else _count(number) or parse_number(number)
        found.add(f"{int(count) if count else number}{kind}")  # 第一百四十一届 = 第141届
    return frozenset(found)


def title_periods(title: str) -> frozenset[str]:
    """The periods a headline names, each as ``2025年三季度``, ``三季度`` (no year given),
    ``2025年`` (a year alone) or ``1—6月``."""
    return frozenset(_periods_named(title))


def _periods_named(text: str) -> list[str]:
    """The periods a text names, in order, each spelt as ``title_periods`` spells them."""
    periods = []
    for match in _PERIOD.finditer(text):
        if _COMPARED_WITH.search(text, max(0, match.start() - 12), match.start()):
            continue  # 中国11月社零年增3.6% 逊于10月: October is what November is measured against
        found = _SPACE.sub("", match.group(0))
        year = _YEAR.match(found)
        rest = found[year.end() :] if year else found
        period = (f"{year.group(1)}年" if year else "") + (_span(rest) if rest else "")
        # a company's fiscal year is not the calendar's (阿里巴巴's 2026财年第二季度 ends in
        # September 2025): marked, so that it is compared with fiscal periods only
        periods.append(_FISCAL + period if "财" in found else period)
    return periods


_FISCAL = "财年"
# a period a figure is compared with (较一季度, 比10月份, 逊于10月, 高于2026年同期) is not the
# period the report is about
_COMPARED_WITH = re.compile(r"(?:较|比|[逊高低快慢优好差强弱]于|不及)\s*(?:\d{4}\s*年)?\s*$")


_PERIOD_PARTS = re.compile(r"^(\d{4}年)?(.*)$")


def _periods_compatible(a: str, b: str) -> bool:
    """The same period as far as both say: 2025年三季度 and 三季度 agree, 2025年 and 2025年三季度
    agree (one gives no quarter), 一季度 and 三季度 do not, nor 2023年 and 2024年."""
    if a.startswith(_FISCAL) != b.startswith(_FISCAL):
        return True  # a fiscal quarter beside a calendar one: nothing to tell
    a, b = a.removeprefix(_FISCAL), b.removeprefix(_FISCAL)
    year_a, span_a = _PERIOD_PARTS.match(a).groups()
    year_b, span_b = _PERIOD_PARTS.match(b).groups()
    if year_a and year_b and year_a != year_b:
        return False
    if not span_a or not span_b or span_a == span_b:
        return True
    # one monthly or quarterly release gives the month and the year to date: 11月 with
    # 1—11月, 三季度 with 1—9月 (前三季度)
    return _release_end(span_a) == _release_end(span_b) is not None


_RELEASE = re.compile(r"^(?:1—)?(\d{1,2})月$|^([一二三四])季度$")


def _release_end(span: str) -> int | None:
    """The last month a period covers, for a month, a quarter or a span from January."""
    found = _RELEASE.match(span)
    if not found:
        return None
    if found.group(1):
        return int(found.group(1))
    return 3 * ("一二三四".index(found.group(2)) + 1)


def _month_end(span: str) -> int | None:
    """The last month of a month or a span of months from January (no quarter)."""
    return _release_end(span) if "季" not in span else None


# Hong Kong and Taiwan papers tell a mainland release in their own words, which the
# conversion to Simplified script leaves as they are: 陸10月社零年增2.9% for 10月份社零同比增长
# 2.9%, 經營溢利23.4億元人民幣 for 经营利润23.4亿元, 外送補貼戰 for 外卖补贴战, 個資 and 相簿 for
# 个人信息 and 相册, 網購佔比 for 网上零售额占比. For the comparison of words only (the text
# printed and its figures are left as written), each is read as the mainland term, and an
# amount's conversion (約新台幣20.3兆元), which mainland reports never write, is left out. 年增
# (年增长) is the regional word only after no year or period of its own (今年增长, 2025年增长,
# 全年增长 are mainland Chinese). (Leaving out the currency after an amount, 23.4亿元人民币, too
# lost the clustering a pair of round 9 and gained nothing: each round left out in turn.)
# A conversion in brackets after an amount (1.86亿元人民币（约2.03亿港元）, 新台币100亿元（约
# 3.1亿美元）) is the outlet's help to its readers, not one of the event's figures; either
# script, since the pipeline passes the figures of the text as published
_CURRENCY_CONVERSION = re.compile(
    r"[（(][^（）()]{0,16}?"
    r"(?:新台币|新台幣|新臺幣|港元|港币|港幣|美元|人民币|人民幣|澳门元|澳門元|澳元|欧元|歐元|日元|日圓)"
    r"[^（）()]{0,8}[）)]"
)
_MAINLAND_TERMS = (
    (_CURRENCY_CONVERSION, ""),
    (re.compile(r"按年"), "同比"),
    (re.compile(r"按季"), "环比"),
    (re.compile(r"(?<![\d今去明当全上本每近前该同半首整一二三四五六七八九十])年(增|减|跌|升)"), r"同比\1"),
    (re.compile(r"溢利"), "利润"),
    (re.compile(r"纯利"), "净利润"),
    (re.compile(r"季绩"), "季度业绩"),
    (re.compile(r"网购"), "网上零售"),
    # and the newsroom's short names for a release's measures: 社零 is 社会消费品零售总额
    (re.compile(r"社零(?:总额)?"), "社会消费品零售总额"),
    (re.compile(r"网零"), "网上零售额"),
    (re.compile(r"外送"), "外卖"),
    (re.compile(r"个资"), "个人信息"),
    (re.compile(r"(?<=[收件个人])资讯"), "信息"),
    (re.compile(r"相簿"), "相册"),
    (re.compile(r"网售"), "网络销售"),
    (re.compile(r"数位|数码(?=服务法|市场法)"), "数字"),
    (re.compile(r"网路"), "网络"),
    (re.compile(r"演算法"), "算法"),
    (re.compile(r"软体"), "软件"),
    (re.compile(r"营运"), "运营"),
    (re.compile(r"透过"), "通过"),
    (re.compile(r"市监总局"), "市场监管总局"),
    # (文旅部数据出来了: the ministry under its short name; the segmenter splits 文旅 from 部)
    (re.compile(r"文旅部"), "文化和旅游部"),
)


def mainland_terms(text: str) -> str:
    """The text with Hong Kong's and Taiwan's words for a release read as the mainland's
    (``_MAINLAND_TERMS``), for comparing words only."""
    for pattern, mainland in _MAINLAND_TERMS:
        text = pattern.sub(mainland, text)
    return text


def term_vector(title: str, text: str) -> dict[str, float]:
    """Unit-length TF-IDF vector of the jieba words (the title counted twice), regional
    words read as the mainland's."""
    idf, unknown = word_idf()
    title, text = mainland_terms(title), mainland_terms(text)
    counts = Counter(w for w in words(f"{title}\n{title}\n{text}") if len(w) >= 2)
    vector = {w: n * idf.get(w, unknown) for w, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {w: v / norm for w, v in vector.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    # only the words in both: the others add 0.0, which leaves the sum as it is, bit for bit
    return sum(v * b[w] for w, v in a.items() if w in b)


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    return frozenset(name for name, kind in dictionary().items() if kind == "place")


def _days(text: str) -> frozenset[str]:
    return frozenset(f"{int(m)}月{int(d)}日" for m, d in _DAY.findall(text))


def particulars(text: str) -> frozenset[str]:
    quoted = (_SPACE.sub("", "".join(q)) for q in _QUOTED.findall(text))
    found = {q for q in quoted if len(q) >= 4 or not _DIGITS.search(q)}
    found |= {_SPACE.sub("", d) for d in _DOCUMENT.findall(text)}
    # a rule's name is in 《》 on the mainland and in 「」 in Taiwan (「網路交易平台服務收費行為
    # 規則」), in the region's words: one name, whatever the brackets
    codes = {"股票代码" + _SPACE.sub("", code) for code in _STOCK_CODE.findall(text)}
    return frozenset(mainland_terms(q) for q in found) | _days(text) | codes


# One agency or company under its short and full names (市场监管总局 in the news, 国家市场监督
# 管理总局 in a Hong Kong paper; 央行 and 中国人民银行): the names of who the event is about
# are compared as one
_ACTOR_ALIASES = {
    alias: name
    for name, aliases in {
        "国家市场监督管理总局": ("市场监管总局", "市场监督管理总局", "市监总局", "国家市场监管总局"),
        "国家发展改革委": ("国家发展和改革委员会", "国家发改委", "发改委", "发展改革委"),
        "国家互联网信息办公室": ("国家网信办", "网信办"),
        "中国人民银行": ("人民银行", "央行", "人行"),
        "国家统计局": ("统计局",),
        "国家邮政局": ("邮政局",),
        "工业和信息化部": ("工信部",),
        "国家药品监督管理局": ("国家药监局", "药监局"),
        "国家税务总局": ("税务总局",),
        "海关总署": ("海关",),
        "中国消费者协会": ("中消协",),
        "中国信息通信研究院": ("中国信通院", "信通院"),
        "阿里巴巴": ("阿里", "阿里巴巴集团"),
        "京东": ("京东集团",),
    }.items()
    for alias in aliases
}


@dataclass(frozen=True)
class StoryFeatures:
    title: str
    shingles: np.ndarray  # sorted unique FINE_K-shingle hashes of title + body
    figures: frozenset[str]  # normalised "value unit" of every figure
    title_words: frozenset[str]
    published_at: dt.datetime | None = None
    length: int = 0
    particulars: frozenset[str] = frozenset()
    periods: frozenset[str] = frozenset()  # periods the title names
    editions: frozenset[str] = frozenset()  # 第N次/届/批 the text names
    text: str = field(default="", repr=False, compare=False)
    _terms: dict[str, float] | None = field(default=None, repr=False, compare=False)
    _actors: frozenset[str] | None = field(default=None, repr=False, compare=False)
    _commentary: float | None = field(default=None, repr=False, compare=False)
    _book: bool | None = field(default=None, repr=False, compare=False)
    _places: frozenset[str] | None = field(default=None, repr=False, compare=False)
    _lead_figures: frozenset[str] | None = field(default=None, repr=False, compare=False)

    @property
    def terms(self) -> dict[str, float]:
        """TF-IDF word vector, computed on first use: segmenting every article would cost
        more than all the rest of clustering, and only candidate pairs need it."""
        if self._terms is None:
            object.__setattr__(self, "_terms", term_vector(self.title, self.text))
        return self._terms

    @property
    def keywords(self) -> frozenset[str]:
        """The words that weigh most in the word vector, figures aside."""
        terms = self.terms
        ranked = heapq.nlargest(2 * KEYWORDS, terms, key=terms.__getitem__)
        return frozenset([w for w in ranked if not _DIGITS.search(w)][:KEYWORDS])

    @property
    def book_notice(self) -> bool:
        """A book notice (悦读电商): never another report of a news event."""
        if self._book is None:
            object.__setattr__(self, "_book", bool(book_notice_signals(self.title, self.text)))
        return self._book

    @property
    def commentary(self) -> float:
        """How much it reads as commentary rather than a report (``text.commentary``);
        worked out when a candidate pair first needs it."""
        if self._commentary is None:
            found = commentary_score(self.title, self.text)
            score = found.score
            # a signed opinion (an author's note or a columnist's signature) is never a
            # repost, whatever its headline states
            signed = AUTHOR_NOTE in found.reasons
            if (
                score >= COMMENTARY
                and not signed
                and (
                    # 10月社零才涨3%出头，双十一提前开跑也没拉动？ …家人们…我的看法…评论区聊聊👇:
                    # a self-media account's chatter and questions around the figures it
                    # retells; every such repost of the labelled rounds reports its event
                    self.self_media_voice
                    or _CLICKBAIT_OPENING.match(self.title)
                    or (
                        (_headline_states_a_precise_figure(self.title) or _FIGURE_FIRST.match(self.title))
                        and not _argues_beyond_asking(self.title)
                    )
                )
            ):
                # 刚刚，京东财报出炉！营收暴涨22%，…: a self-media repost, chatty and asking its
                # readers, still reports the event; so does a headline stating the event's
                # figure, unless it argues (1320亿件之后，快递业要算好“质量账”) — an opinion
                # piece never opens with 重磅！ and rounds its figures (近2000亿件), nor
                # exclaims one as the repost's opening (600多个品牌破亿！). A question
                # on the figure (7.6亿多人次出门，人均花了多少？ 有1.5亿人在用了？) is the
                # repost's hook to read on, not an argument.
                score = 0.0
            object.__setattr__(self, "_commentary", score)
        return self._commentary

    @cached_property
    def self_media_voice(self) -> bool:
        """Written as a self-media account retells news: a hook or the figure opening the
        headline (刚刚，… / 136亿件！…), emoji, its readers addressed. Read once: the
        clusterer asks it of both sides of every pair it decides."""
        return bool(
            _CLICKBAIT_OPENING.match(self.title)
            or _FIGURE_FIRST.match(self.title)
            or _EMOJI.search(self.title)
            or _EMOJI.search(self.text)
            or _READERS_ADDRESSED.search(self.text)
        )

    @cached_property
    def day_told(self) -> tuple[int, int] | None:
        """(month, day) the first paragraph says the news broke on (统计局今天（3月16日）发了…):
        what an undated page has for a date. Read once: the clusterer asks it of pairs across
        clusters."""
        first = self.text.split("\n", 1)[0][:_LEAD_CHARS]
        told = _TOLD_TODAY.search(first) or _TOLD_RELEASED.search(first)
        return (int(told.group(1)), int(told.group(2))) if told else None

    @cached_property
    def event_day(self) -> tuple[int, int] | None:
        """(month, day) the first lines say the event took place (10月11日，…召开…; a wire
        report's 10月14日电…当日召开), past a byline (文｜…, 编辑｜…) and a line of scene-setting."""
        lines = [line for line in self.text.split("\n") if len(line.strip()) >= _BYLINE_CHARS][:2]
        for line in lines:
            lead = line[:_LEAD_CHARS]
            told = _EVENT_DAY.search(lead) or _DATELINE_SAME_DAY.search(lead)
            if told:
                return (int(told.group(1)), int(told.group(2)))
        return None

    @cached_property
    def headline_figures(self) -> frozenset[str]:
        """The figures the headline gives ("value unit")."""
        return figure_keys(self.title, "")

    @cached_property
    def headline_measures(self) -> tuple[tuple[str, str, str | None], ...]:
        """(what is measured, "value unit", the period as title_periods spells it) of each
        figure the headline gives."""
        return tuple(
            (f.subject, _figure_key(f), _one_period(f.period))
            for f in extract_figures("", self.title)
            if f.value is not None and f.subject
        )

    @cached_property
    def measures(self) -> dict[tuple[str, str, str], frozenset[str]]:
        """The report's figures by what they measure: (subject, period, unit) → "value unit"
        of each, for figures whose subject and period are told. Worked out only when a pair
        found the same needs it (``_statistics_contradict``)."""
        found: dict[tuple[str, str, str], set[str]] = {}
        # (a post's list under 上半年成绩单出炉 gives its figures no period of their own: the
        # one its headline names is theirs)
        headline_period = next(iter(self.periods)) if len(self.periods) == 1 else None
        for f in extract_figures(self.text, self.title):
            if f.value is None or not f.subject or f.period in _PRIOR_PERIODS:
                continue
            period = _one_period(f.period) if f.period else headline_period
            if not period:
                continue
            unit = _ONE_COUNT.get(f.unit, f.unit)
            found.setdefault((_national_account(f.subject), period, unit), set()).add(_figure_key(f))
        return {key: frozenset(values) for key, values in found.items()}

    @property
    def lead(self) -> str:
        """The headline and the first paragraph: where a report gives the event's figures."""
        return self.title + "\n" + self.text.split("\n", 1)[0][:_LEAD_CHARS]

    @property
    def lead_figures(self) -> frozenset[str]:
        """The figures of the headline and the first paragraph (worked out when a pair
        first needs them)."""
        if self._lead_figures is None:
            object.__setattr__(self, "_lead_figures", figure_keys("", self.lead))
        return self._lead_figures

    @property
    def actors(self) -> frozenset[str]:
        """Organisations, platforms and places the text names (the tag dictionary and the
        shapes of agencies and places): who the event is about."""
        if self._actors is None:
            # from the words the vector was made of: no second segmentation
            known = dictionary()
            found = frozenset(_ACTOR_ALIASES.get(w, w) for w in self.terms if tag_kind(w, known))
            # (富邦媒（8454）and momo: a listed company, whatever it is called, by its stock code)
            found |= {p for p in self.particulars if p.startswith("股票代码")}
            object.__setattr__(self, "_actors", found)
        return self._actors

    @property
    def places_mentioned(self) -> frozenset[str]:
        """Places of the tag dictionary named anywhere in the text."""
        if self._places is None:
            found = _places_in(self.terms)
            implied = frozenset(p for p, words in _PLACE_AS_LOCALS_SAY.items() if words.search(self.text))
            object.__setattr__(self, "_places", found | implied)
        return self._places

    @property
    def lead_year(self) -> str | None:
        """The year the report is about: its headline's (2025年我国快递业务量…), else the first
        its lead sentence names (去年快递量1745亿件 over 2024年全国快递业务量…); a year it
        compares with (比2023年, 相比2023年的) is not it."""
        years = {p[:5] for p in self.periods if _YEAR_OF_PERIOD.match(p)}
        if len(years) == 1:
            return years.pop()
        if years:
            return None  # a headline of two years: no one year
        lead = _lead_sentence(self.text)
        found = _LEAD_YEAR.search(lead)
        if found:
            return f"{found.group(1)}年"
        # 内地去年快递业务量…, published in January 2026: 2025
        relative = _RELATIVE_YEAR.search(self.title + "。" + lead)
        if relative and self.published_at is not None:
            return f"{self.published_at.year + _RELATIVE_YEARS[relative.group(0)]}年"
        return None

    @property
    def release_month(self) -> int | None:
        """The last month of the period the report is about: the month its headline names
        (1—10月 and 10月 are one release: 10), else the day its lead says the period closed
        on (截至2025年12月31日的2026财年第三季度: 12), else the month its lead names first.
        A quarter alone tells no month: 阿里Q2 is a fiscal quarter, closing in September."""
        ends = {
            _month_end(_PERIOD_PARTS.match(p).group(2)) for p in self.periods if not p.startswith(_FISCAL)
        }
        ends.discard(None)
        if ends:
            return ends.pop() if len(ends) == 1 else None
        lead = _lead_sentence(self.text)
        closing = _CLOSING_MONTH.search(lead)
        if closing:
            return int(closing.group(1))
        for period in _periods_named(lead):
            span = _PERIOD_PARTS.match(period).group(2)
            if span and not period.startswith(_FISCAL):
                return _month_end(span)
        return None

    @property
    def headline_platforms(self) -> frozenset[str]:
        """The platforms of the tag dictionary the headline names (抖音电商, 京东, 淘宝)."""
        known = dictionary()
        return frozenset(w for w in self.title_words if known.get(w) == "platform")

    @cached_property
    def headline_places(self) -> frozenset[str]:
        """Places of the tag dictionary the headline names (南京市 as 南京); not a Taiwan or
        Hong Kong paper's own sellers, named for its readers in a headline on another place's
        event (美降陸小包關稅至30%　台灣跨境賣家憂價格戰再起: the event is the US tariff's)."""
        places = _places_in(self.title_words)
        quoted = _VOX_POP.search(self.title)
        if quoted and places:
            # (暑假港人北上逾1,600萬人次 市民：深圳食買玩平一半: a passer-by's words, not the
            # event's place)
            places = _places_in(words(mainland_terms(self.title[: quoted.start()])))
        local = _LOCAL_SELLERS.search(self.title)
        return places - {local.group(1)} if local else places


# a passer-by's or a trade's words quoted after a headline's news: …　市民：深圳食買玩平一半
_VOX_POP = re.compile(r"[\s　](?:市民|港人|居民|网友|商户|商家|业界|业者|店主|老板|消费者|旅客|家长)[：:]")
# a Taiwan, Hong Kong or Macau paper's own sellers, in a headline framing another place's event
_LOCAL_SELLERS = re.compile(r"(台湾|香港|澳门)(?:跨境)?(?:电商)?(?:卖家|业者|商家)")
# A Hong Kong, Macau or Taiwan paper seldom names its own place: 本港, 访港旅客, 政府统计处
# (Hong Kong's), 港元 say 香港 (本澳, 旅游局 of 澳门; 全台, 新台币 of 台湾)
_PLACE_AS_LOCALS_SAY = {
    "香港": re.compile(r"本港|全港|访港|来港|港人|港府|港元|港币|港股|政府统计处|特区政府"),
    "澳门": re.compile(r"本澳|全澳|访澳|来澳|澳门元|澳府"),
    "台湾": re.compile(r"全台|新台币|台股|行政院|经济部统计处"),
}


def _places_in(words: Iterable[str]) -> frozenset[str]:
    """The places of the tag dictionary among words, 南京市 and 浙江省 as 南京 and 浙江."""
    places = _place_names()
    found = set()
    for word in words:
        if word in places:
            found.add(word)
        elif len(word) > 2 and word[-1] in "市省" and word[:-1] in places:
            found.add(word[:-1])
    return frozenset(found)


def _of_a_size(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two headlines give a figure of one unit and like size (超210亿件 / 227亿件): the same
    measure, forecast and outcome; 有望破2万亿元 beside 签约156亿元 is another measure."""
    for unit, mine in _by_unit(a).items():
        for value, *_ in mine:
            if any(0.5 <= value / other <= 2.0 for other, *_ in _comparable(b, unit)):
                return True
    return False


_FORECAST = re.compile(r"预计|预测|预估|有望|料将|将(?:超|达|突破|破)|或(?:达|近|超|将|破|突破|接近)")
_FINAL_RULE = re.compile(
    r"(?<![拟将划备])(?:施行|实施|生效|落地|上路|正式(?:公布|发布|印发|出台)|印发|出台|公布(?!.*征求意见))"
)  # (拟出台, 将实施: a plan, told with its draft; 新规3月上路: in force from March)
# a draft for comment, or a regulator's proposal as a repost headlines it (陆拟规范大型网络平台
# 个资, 拟须设独立监督机构, 拟出台专门办法); a company's plan (拟收购) is no rule
_DRAFT_RULE = re.compile(
    r"征求意见|意见稿|草案|(?<![虚模])拟(?:规范|规定|出台|出|订|制定|要求|须|明确|禁止|限制|放宽|收紧|列|纳入|"
    r"延长|延至|调整|提高|降低|取消|增加|上调|下调)"
)
_RULE_NOUN = re.compile(r"办法|规定|条例|新规|细则|指引|规则|基本法|法规|标准|意见|通知|方案|计划|征求")


def _forecast_and_outcome(a: StoryFeatures, b: StoryFeatures) -> str | None:
    """A forecast (预计…将超过210亿件, 峰值或近8亿件) and the outcome told later (揽收量达227亿件):
    two events, whose headlines give other figures of one measure."""
    forecasts = [x for x in (a, b) if _FORECAST.search(x.title)]
    if len(forecasts) != 1:
        return None
    forecast = forecasts[0]
    outcome = b if forecast is a else a
    forecast_told, outcome_told = forecast.headline_figures, outcome.headline_figures
    if not forecast_told or not outcome_told:
        return None
    if _of_a_size(forecast_told, outcome_told):
        # the outcome's headline may recall the forecast's round figure (2000亿大关没冲过去)
        # or round its own (近2000亿件, told as 1990.7亿件 below), but its precise figure
        # (1982亿件) is nowhere in the forecast (whose 近2000亿 rounds it: only the same
        # figure exactly counts)
        precise_outcome = any(
            (v := _figure_value(k)) is not None and v.significant >= 3 and k not in forecast.figures
            for k in outcome_told | _told_precisely(outcome_told, outcome.figures)
        )
        # A repost of the forecast may headline another of its figures (携程预测：机酒预订
        # 增22% / 携程：出境游预订升31%): every figure of the "outcome" headline is one the
        # forecast's own lead gives, and no outcome told later
        forecasts_own = shared_figure_count(outcome_told, forecast.lead_figures) == len(outcome_told)
        differ = (
            not shared_figure_count(forecast_told, outcome_told) and not forecasts_own
        ) or precise_outcome
    else:
        # a forecast of the daily volume (日均超6亿件) beside the season's total (共揽收
        # 136.4亿件): a measure of one unit that the forecast, told before, never gives; a
        # figure the forecast's own report gives (报告预计…有望破2万亿元 / 大会签约156亿元) is
        # of one event
        same_unit = any(_comparable(forecast_told, unit) for unit in _by_unit(outcome_told))
        differ = same_unit and not shared_figure_count(outcome_told, forecast.figures)
    return "a forecast beside an outcome (their headlines' figures differ)" if differ else None


def _told_precisely(rounded: frozenset[str], figures: frozenset[str]) -> frozenset[str]:
    """The figures of a report that its rounded ones stand for (1990.7亿件 behind 近2000亿件)."""
    found = set()
    for key in rounded:
        mine = _figure_value(key)
        if mine is None or mine.value <= 0:
            continue
        as_rounded = [(mine.value, mine.significant, mine.place, key)]
        for value, significant, place, f in _comparable(figures, mine.unit):
            if significant > mine.significant and _rounds_to(
                value, significant, place, as_rounded, frozenset()
            ):
                found.add(f)
    return frozenset(found)


def _rule_stage(title: str) -> str | None:
    """Whether a headline tells of a rule's draft for comment or of the rule as published
    (a published rule's headline may recall its draft: 落地：比征求意见稿多了4条). A draft's
    headline says so in itself; a rule's must name one (12大领域场景落地 speaks of none)."""
    if _RULE_NOUN.search(title) and _FINAL_RULE.search(title):
        return "final"
    if _DRAFT_RULE.search(title):
        return "draft"
    return None


# A regulator's case in its stages: an investigation opened (立案调查, 启动正式调查), a
# preliminary finding (初步认定违规, 或罚营业额6%) and the penalty decided months later (处以
# 2.3亿欧元罚款, 开罚, 被欧盟罚了) are each an event. A penalty's headline may recall the
# investigation (经立案调查，罚款…): the later stage named wins.
_PRELIMINARY = re.compile(r"初步(?:认定|裁定|调查结果|结论|调查)|(?:或|拟|可能|恐)罚")
_PENALTY = re.compile(r"(?<![或拟恐能])(?:处以|开罚|罚款|罚没|重罚|被罚|罚了|罚\s*\d)")
_INVESTIGATION_OPENED = re.compile(
    r"(?:立案|正式|启动|展开|开展|发起)[^，,。；;！!？?]{0,15}调查(?!显示|报告|发现|结果|数据)"
)


def _first_stage_named(title: str, stages: tuple[tuple[str, re.Pattern], ...]) -> str | None:
    """The first of the stages (the later ones first) whose words the headline uses."""
    return next((stage for stage, named in stages if named.search(title)), None)


def _enforcement_stage(title: str) -> str | None:
    return _first_stage_named(
        title,
        (("preliminary", _PRELIMINARY), ("penalty", _PENALTY), ("investigation", _INVESTIGATION_OPENED)),
    )


# A lawsuit in its stages: filed (起诉…索赔1200万元, 获立案) and ruled on months later (判赔386
# 万元, 一审宣判) are two events, told with the same parties and the same claim. A ruling's
# headline may recall the claim (索赔1200万 一审判赔386万): the ruling wins.
# (统一审核, 逐一审查: no trial)
_RULING = re.compile(r"判赔|判决|宣判|判令|被判|(?<![统逐])一审(?![核批查议])|二审|终审|胜诉|败诉")
_LAWSUIT_FILED = re.compile(r"起诉|索赔|状告|诉至|提起诉讼|获立案")


def _litigation_stage(title: str) -> str | None:
    return _first_stage_named(title, (("ruling", _RULING), ("filed", _LAWSUIT_FILED)))


# A shopping festival's first day (双12首日：GMV同比增长32%, 开门红) and its close (收官, 落幕,
# 全周期) are two reports of two days, the closing one often recalling the first day's figures.
_FESTIVAL_OPENING = re.compile(r"首日|首小时|首[一二两三]?[天周]|开门红|开卖首|开售首|首波|首轮战报")
_FESTIVAL_CLOSE = re.compile(r"收官|落幕|闭幕|全周期|收尾|圆满结束")


# A holiday's first days counted (五一假期前两天, 头三天, 首两日): the first day's figures and the
# first two days' are two releases, the close a third. Only beside a festival or holiday
# named in the headline: 前两天 alone also says "a couple of days ago".
_FIRST_DAYS = re.compile(r"(?:前|头|首)([两二三四五六七八九2-9])[天日]")
_FESTIVAL_NAMED = re.compile(
    r"假期|假日|黄金周|[节档]|双1[12]|双十[一二]|618|大促|五一|国庆|春节|元旦|清明|端午|中秋"
)


def _festival_stage(title: str) -> str | None:
    stage = _first_stage_named(title, (("close", _FESTIVAL_CLOSE), ("opening", _FESTIVAL_OPENING)))
    days = _FIRST_DAYS.search(title)
    if stage != "close" and days and _FESTIVAL_NAMED.search(title):
        return f"first {_count(days.group(1))} days"
    return stage


# One matter at two stages is two events however much wording they share: a rule's draft
# put out for comment and the rule itself, published months later (公开征求意见 / 公布，6月1日
# 起施行), a regulator's case, a lawsuit.
_STAGES_OF_A_MATTER = (
    (_rule_stage, "a draft for comment beside the rule as published"),
    (_enforcement_stage, "a regulator's case at another stage"),
    (_litigation_stage, "a lawsuit at another stage"),
    (_festival_stage, "a festival's first day or days beside its close"),
)


# A listed company's capital actions are each an event, though announced the same day and
# told with the same company and sums: a buyback (回购), a dividend (股息, 派息, 分红), a share
# placement (配售, 增发). Two headlines naming actions, none of one in the other, are two.
_CAPITAL_ACTIONS = (
    ("buyback", re.compile(r"回购")),
    ("dividend", re.compile(r"股息|派息|分红|特别息")),
    ("placement", re.compile(r"配售|增发|定增|供股")),
)


def _capital_actions(title: str) -> frozenset[str]:
    return frozenset(action for action, named in _CAPITAL_ACTIONS if named.search(title))


def _capital_actions_differ(a: StoryFeatures, b: StoryFeatures) -> str | None:
    mine, theirs = _capital_actions(a.title), _capital_actions(b.title)
    if mine and theirs and not mine & theirs:
        return f"two capital actions ({'、'.join(sorted(mine))} / {'、'.join(sorted(theirs))})"
    return None


def _stages_differ(a: StoryFeatures, b: StoryFeatures) -> str | None:
    for stage_of, reason in _STAGES_OF_A_MATTER:
        mine, theirs = stage_of(a.title), stage_of(b.title)
        if mine and theirs and mine != theirs:
            return f"{reason} ({mine} / {theirs})"
    return None


# One action done again (再次约谈, 二度约谈, 又被约谈, 第二次被约谈), the action's word
# captured; 又一主播翻车 is "another streamer", no repeat
_REPEATED = re.compile(r"(?:再次|再度|二度|两度|第二次|又一次|又(?!一)|再)[被遭]?([\u4e00-\u9fff]{2})")
# how a report of a later round says so, in its headline or in its text (这是继10月24日约谈
# 后…第二次; 一个多月内二度; 第二批典型案例)
_REPEAT_TOLD = re.compile(
    r"再次|再度|二度|两度|又一次|[又再][被遭]|继.{1,20}后|第\s*(?:[二三四五六七八九十]|[2-9]|\d{2,})\s*[次批轮]"
)


def _first_and_repeat(a: StoryFeatures, b: StoryFeatures) -> str | None:
    """One headline tells of an action done again, the other of that action with no word of
    a repeat anywhere in it: the first round and the second, two events (a report of the
    second round recalls the first) — unless the days tell otherwise. A wire may headline
    the second round without 再 (市场监管总局约谈美团…) while its reposts say 再被约谈: when
    both reports' own days are known and close, or the report of the repeat recalls no
    earlier round the other's day fits, nothing says the other is the first round."""
    for mine, theirs in ((a, b), (b, a)):
        for action in _REPEATED.findall(mine.title):
            if (
                action in theirs.title
                and not _REPEATED.search(theirs.title)  # both tell of the repeat: one round
                and not _REPEAT_TOLD.search(theirs.title + theirs.text)
                and _other_rounds(mine, theirs)
            ):
                return f"the first {action} beside its repeat"
    return None


# A day as a report gives it: 7月24日, or the day alone as Hong Kong and Taiwan papers write
# it (周五（5日）, 24日约谈); not a deadline (30日内, 1日起). A month alone (上次（10月）, 5月份)
# is how a report of the repeat may recall the first round.
_DAY_GIVEN = re.compile(r"(?<![\d.月])(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*[日号](?![内起前后间])")
_MONTH_GIVEN = re.compile(r"(?<![\d.])(\d{1,2})\s*月份?(?![\d底末初中])")
# how a report of the repeat recalls the round before (上次（10月）, 上一次是5月13日, 继10月24日
# 约谈后, 距离5月13日的那次, 5月13日…曾约谈)
_EARLIER_ROUND = re.compile(r"上一?[次回]|前次|继|距离?|曾|此前")
_CLAUSE = re.compile(r"[^，,。；;！!？?\n]+")
_SAME_ROUND_DAYS = 3  # reports of one round come out within days; two rounds are weeks apart

_Day = tuple[int | None, int | None]  # (month, day of the month), either unknown


def _own_day(report: StoryFeatures) -> _Day | None:
    """The day a report tells of: its publication day, else the first day its opening gives."""
    if report.published_at is not None:
        return report.published_at.month, report.published_at.day
    found = _DAY_GIVEN.search(report.title + "\n" + report.text[:_LEAD_CHARS])
    if not found:
        return None
    month, day = found.groups()
    return (int(month) if month else None), int(day)


def _recalled_rounds(report: StoryFeatures) -> list[_Day]:
    """The days or months a report recalls an earlier round by."""
    recalled: list[_Day] = []
    for clause in _CLAUSE.findall(report.text):
        if not _EARLIER_ROUND.search(clause):
            continue
        days = _DAY_GIVEN.findall(clause)
        recalled += [(int(month) if month else None, int(day)) for month, day in days]
        if not days:
            recalled += [(int(m), None) for m in _MONTH_GIVEN.findall(clause)]
    return recalled


def _days_agree(x: _Day, y: _Day) -> bool:
    """Two days within a few of each other as far as both tell (a month alone agrees with
    every day of it; a day alone with that day of any month)."""
    (month_x, day_x), (month_y, day_y) = x, y
    if month_x and month_y and day_x and day_y:
        try:
            apart = abs((dt.date(2000, month_x, day_x) - dt.date(2000, month_y, day_y)).days)
        except ValueError:
            return False
        return min(apart, 366 - apart) <= _SAME_ROUND_DAYS  # (12月30日 and 1月2日 are close)
    if month_x and month_y and month_x != month_y:
        return False
    return not (day_x and day_y) or abs(day_x - day_y) <= _SAME_ROUND_DAYS


def _other_rounds(repeat: StoryFeatures, other: StoryFeatures) -> bool:
    """Whether the report of the repeat and the other tell of two rounds, as far as their
    days tell: their own days far apart; or, the repeat's own day unknown (an undated
    repost: 刚刚，…又被约谈), it recalls an earlier round the other's day fits; or nothing
    known of the other's day (the headline's word is all there is)."""
    mine, theirs = _own_day(repeat), _own_day(other)
    if theirs is None:
        return True
    if mine is not None:
        return not _days_agree(mine, theirs)
    return any(_days_agree(recalled, theirs) for recalled in _recalled_rounds(repeat))


# how a self-media repost opens its headline: 刚刚，… 重磅！… 震惊！…
_CLICKBAIT_OPENING = re.compile(r"^(?:刚刚|重磅|震惊|速看|突发|最新|官宣|炸裂|定了|好消息|注意)[！!，,：:]")


# How a self-media account (公众号, 头条号, 小红书) retells the news, besides such an opening:
# emoji, a headline that opens on the event's figure (136亿件！…, 6000多亿!…), its readers
# addressed in the text (家人们, 姐妹们, 评论区聊聊, 说实话); the figure may lead a short
# exclaimed clause (600多个品牌破亿！). Its question headline (到底谁赚到了?
# 要凉了?) is a hook to read on, not an argument: alone it keeps the commentary score under
# the threshold, which an opinion piece's argued text, byline and prescriptions pass.
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\u2b50\u203c\u2049]")
_FIGURE_FIRST = re.compile(r"^\d[\d.]*[多余]?[^！!？?，,。：:\s]{0,8}[！!]")
_READERS_ADDRESSED = re.compile(r"家人们|姐妹们|兄弟们|宝子们|小伙伴们|小编|评论区|咱们|说实话|刚看到")
_LEAD_CHARS = 200  # of the first paragraph, read as the report's lead


def _lead_sentence(text: str) -> str:
    """The report's first sentence, within its lead: where it says what period it reports."""
    return text[:_LEAD_CHARS].split("。", 1)[0]


def _argues_beyond_asking(title: str) -> bool:
    """The headline argues (能否…, 要算好…账, 之后，…) with its question marks left out."""
    return headline_argues(_QUESTION_MARK.sub("", title))


_QUESTION_MARK = re.compile(r"[？?]")


def _headline_states_a_precise_figure(title: str) -> bool:
    """A figure of two or more significant digits in the headline (22%, 2.56万亿, 147.8亿元)."""
    for key in figure_keys(title, ""):
        value = _figure_value(key)
        if value is not None and value.significant >= 2:
            return True
    return False


# 截至2025年9月30日的…, 截至今年9月底止第二财季: the month a reported period closes on
_CLOSING_MONTH = re.compile(
    r"截至\s*(?:\d{4}\s*年|今年|去年|上年)?\s*(\d{1,2})\s*月\s*(?:\d{1,2}\s*日|底|末)"
)
_RELATIVE_YEAR = re.compile(r"(?<![比较与同于是从由至到])(?:去年|今年|上年|明年)")
_RELATIVE_YEARS = {"去年": -1, "上年": -1, "今年": 0, "明年": 1}
_YEAR_OF_PERIOD = re.compile(r"^\d{4}年")
_LEAD_YEAR = re.compile(r"(?<![比较与同于是从由至到])(\d{4})\s*年(?!的|以前|之前|以来|底前)")


@dataclass(frozen=True)
class PairDecision:
    same: bool
    score: float
    reasons: list[str] = field(default_factory=list)
    # Joined on similar words and a shared detail, not on shared wording, headline or
    # figures: right for most rewrites, but on a busy day (every 双11 report names the
    # same platforms and the day's express volume) it also joins different events, so
    # the clusterer checks such a link against the rest of the cluster.
    weak: bool = False


def figure_keys(title: str, text: str, figures=None) -> frozenset[str]:
    """Normalised "value unit" of the figures (extracted here unless given)."""
    found = extract_figures(text, title) if figures is None else figures
    # (the figures read a Traditional text in Simplified)
    conversions = [to_simplified(m.group(0)) for m in _CURRENCY_CONVERSION.finditer(text)]
    # the same period last year's figures, which this year's release recalls (去年同期为
    # 8556亿元), are the figures of last year's story (but a report of 去年 in January
    # gives that year's own figures)
    return frozenset(
        _figure_key(f)
        for f in found
        if f.value is not None
        and f.period not in _PRIOR_PERIODS
        and not (conversions and any(f.text in c for c in conversions))
    )


def _figure_key(figure) -> str:
    """A figure as "value unit", its unit named one way (``_ONE_COUNT``)."""
    return f"{figure.value:.6g}{_ONE_COUNT.get(figure.unit, figure.unit)}"


def _one_period(period: str | None) -> str | None:
    """A figure's period as title_periods spells it, where it names just one."""
    named = _periods_named(period) if period else []
    return named[0] if len(named) == 1 else None


_PRIOR_PERIODS = frozenset({"去年同期", "上年同期"})
# Orders and transactions are counted in 单 on the mainland, in 筆 in Taiwan and 宗 in Hong
# Kong: 日订单峰值1.58亿单 and 日訂單衝1.58億筆 are one figure; cars in 辆, and in 台 when
# told in speech (交付4.18万辆, 卖了4.18万台)
# Taiwan's papers write 元 for the New Taiwan dollar as often as 新台币 (免税额从2000元降至1000元
# beside 由新台币2000元调降为1000元): one amount, whichever they wrote
_ONE_COUNT = {"笔": "单", "宗": "单", "辆": "台", "新台币": "元"}


# A month's figures (11月份社零, 11月业务量, 1—11月) are published once the month is over, and
# a tally 截至12月8日 after that day: a copy dated before the period it reports had closed
# carries another page's date (a repost dated a month early, a feed's wrong day), and its
# calendar would keep it from the release it copies. A month that starts something
# (5月起发放, 2月起施行) or a book's month of publication (2023年11月出版) reports nothing.
_REPORTED_MONTH = re.compile(
    r"(?:(\d{4})\s*年\s*)?(?:1\s*[—–\-~～至到]\s*)?(?<![\d双])(\d{1,2})\s*月份?"
    r"(?![\d日号底末初中旬起])(?!.{0,4}(?:起|以来|开始|出版|发放|施行|实施|上市))"
)
_CLOSING_DAY = re.compile(
    r"截至\s*(?:(\d{4})\s*年|(今年))?\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|底|末)"
)  # (截至今年9月底止第三季業績: the last day of September)
# a calendar quarter's results (2026年第三季度, Q3), not a fiscal one (2026财年第二季度)
_REPORTED_QUARTER = re.compile(
    r"(?:(\d{4})\s*年\s*)?(?<![财財])(?:第\s*)?([一二三四1-4])\s*季度|[Qq]([1-4])(?![\d])"
)


def dated_before_its_period(title: str, text: str, published_at: dt.datetime) -> bool:
    """Whether the report is dated before the period its headline (else its lead sentence)
    reports had closed — a wrong date, unless the report looks ahead (预计, 有望)."""
    lead = _lead_sentence(text)
    if _FORECAST.search(title) or _FORECAST.search(lead):
        return False
    # the first found of: the day its lead closes on, a month, a calendar quarter
    if closing := _CLOSING_DAY.search(lead):
        this_year = str(published_at.year) if closing.group(2) else None
        year, month = closing.group(1) or this_year, int(closing.group(3))
        day = int(closing.group(4)) if closing.group(4) else None
    elif month_found := _REPORTED_MONTH.search(title) or _REPORTED_MONTH.search(lead):
        year, month, day = month_found.group(1), int(month_found.group(2)), None
    elif (
        quarter_found := _REPORTED_QUARTER.search(title) or _REPORTED_QUARTER.search(lead)
    ) and "财" not in title + lead[:100]:
        quarter = quarter_found.group(2) or quarter_found.group(3)
        year, month, day = quarter_found.group(1), 3 * (_count(quarter) or int(quarter)), None
    else:
        return False
    published = published_at.date()
    if not 1 <= month <= 12:
        return False
    if year is None:
        if month > published.month:
            return False  # 12月 in a January report: last December
        year = published.year
    year = int(year)
    try:
        closed = dt.date(year, month, day or calendar.monthrange(year, month)[1])
    except ValueError:
        return False  # not a day (2月30日)
    return closed > published


# What a report announces as still to come (将于12月22日起, 市民可在12月22日至24日预约) lies
# after the day it was written: a copy dated more than MAX_ANNOUNCED_PAST days after such a
# day is a repost dated when it was copied (a portal's 2027-01-06 for a notice of 12月18日).
_ANNOUNCED_DAY = re.compile(
    r"(?:将于?|将在|可在|可于|拟于?|计划于?)[^。，；\d]{0,12}?(?:(\d{4})\s*年|(明年))?\s*(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日"
)
_MAX_ANNOUNCED_PAST = 10


def dated_after_what_it_announces(title: str, text: str, published_at: dt.datetime) -> bool:
    """Whether the report announces as to come a day already more than ten days past on
    the date it carries. A day without its year is read in the year nearest the date
    (1月8日 told in December is next January's)."""
    for found in _ANNOUNCED_DAY.finditer(title + "。" + text):
        year, next_year, month, day = found.groups()
        if year or next_year:
            years = [int(year) if year else published_at.year + 1]
        else:
            years = [published_at.year - 1, published_at.year, published_at.year + 1]
        try:
            days = [dt.datetime(y, int(month), int(day), tzinfo=published_at.tzinfo) for y in years]
        except ValueError:
            continue
        announced = min(days, key=lambda d: abs((d - published_at).days))
        if (published_at - announced).days > _MAX_ANNOUNCED_PAST:
            return True
    return False


def story_features(
    title: str,
    text: str,
    published_at: dt.datetime | None = None,
    shingles: np.ndarray | None = None,
    figures: frozenset[str] | None = None,
    terms: dict[str, float] | None = None,
    normalised: str | None = None,
    simplified: bool = False,
) -> StoryFeatures:
    # idempotent on Simplified text: articles of earlier runs come back with the title they
    # were published under (``simplified``: the caller has converted them already)
    if not simplified:
        title, text = to_simplified(title), to_simplified(text)
    norm = normalised if normalised is not None else normalise(title + text)
    if published_at is not None and (
        dated_before_its_period(title, text, published_at)
        or dated_after_what_it_announces(title, text, published_at)
    ):
        published_at = None  # the calendar is not trusted: decided as an undated copy
    return StoryFeatures(
        title=title,
        shingles=shingles if shingles is not None else shingle_hashes(norm, FINE_K, normalised=True),
        figures=figures if figures is not None else figure_keys(title, text),
        title_words=frozenset(
            w
            for w in words(mainland_terms(title))
            if len(w) >= 2 and w not in _TITLE_STOPWORDS and not _DIGITS.search(w)
        ),
        published_at=published_at,
        length=len(norm),
        particulars=particulars(title + "\n" + text),
        periods=title_periods(title),
        editions=ordinals(title + "\n" + text),
        text=text,
        _terms=terms,
    )


_FIGURE_KEY = re.compile(r"^([-+]?[\d.]+(?:e[-+]?\d+)?)(.*)$")


@dataclass(frozen=True)
class _FigureValue:
    value: float
    unit: str
    significant: int  # significant digits: 1.05e12 → 3
    place: float  # place value of the last one: 1.05e12 → 1e10


@lru_cache(maxsize=200_000)
def _figure_value(key: str) -> _FigureValue | None:
    match = _FIGURE_KEY.match(key)
    if not match:
        return None
    try:
        value = float(match.group(1))
    except ValueError:
        return None
    mantissa, _, exponent = f"{abs(value):.6e}".partition("e")
    digits = mantissa.replace(".", "").rstrip("0") or "0"
    return _FigureValue(value, match.group(2), len(digits), 10.0 ** (int(exponent) - (len(digits) - 1)))


# (value, significant digits, place value of the last one, the figure) of a set's positive
# figures, by unit: a pair of reports compares figures of one unit only, with arithmetic
# instead of a call per pair of figures (the clusterer weighs millions of such pairs)
_Parsed = dict[str, list[tuple[float, int, float, str]]]


# A bare amount (5个亿, 2.7万亿: the unit the extractor gives as "") is one whose writer left
# off 元 or 件, as a chatty repost does: it is compared with the other report's amounts of
# every unit, and they with it.
_BARE = ""
_BARE_AMOUNT = 1e4  # 万 and above


@lru_cache(maxsize=50_000)
def _by_unit(figures: frozenset[str]) -> _Parsed:
    table: _Parsed = {}
    for f in figures:
        v = _figure_value(f)
        if v is not None and v.value > 0:
            table.setdefault(v.unit, []).append((v.value, v.significant, v.place, f))
    return table


@lru_cache(maxsize=50_000)
def _amounts(figures: frozenset[str]) -> list[tuple[float, int, float, str]]:
    """A set's figures, of every unit, large enough to be what a bare amount stands for."""
    return [parsed for mine in _by_unit(figures).values() for parsed in mine if parsed[0] >= _BARE_AMOUNT]


def rounded_figure(key: str) -> str:
    """A figure as a rewrite may round it, to index reports by: an amount (万 and above) to
    two significant digits, its unit left off (2990.6亿元 and 差不多3000亿, 16950亿元 and
    近1.7万亿, 5亿元 and 5个亿 alike). Smaller figures stay as they are: rounded, 14.1% and
    13.8% would be one."""
    v = _figure_value(key)
    if v is None or abs(v.value) < _BARE_AMOUNT:
        return key
    return f"{v.value:.2g}"


def _comparable(figures: frozenset[str], unit: str) -> list[tuple[float, int, float, str]]:
    """The figures of a set that one of ``unit`` may be: of that unit, or bare amounts."""
    if unit == _BARE:
        return _amounts(figures)
    theirs = _by_unit(figures)
    own, bare = theirs.get(unit, []), theirs.get(_BARE, [])
    if unit in _YUAN_KIN:
        # 323億元 in a Hong Kong paper is 323亿港元: a precise amount keeps its digits when a
        # repost drops or misreads the local currency (three or more significant digits)
        own = own + [o for kin in _YUAN_KIN - {unit} for o in theirs.get(kin, []) if o[1] >= 3]
    return own + bare if own and bare else own or bare


# the currencies a Chinese report may write as plain 元
_YUAN_KIN = frozenset({"元", "港元", "澳门元", "新台币"})


def _rounds_to(
    value: float, significant: int, place: float, others, skip: frozenset[str], rounded_up_near: bool = False
) -> bool:
    """Whether one of ``others`` (same unit, or bare amounts) is this figure, exactly or as a rounded mention
    of it: a rewrite writes 1.05万亿元 as 超1万亿元, 182.28亿元 as 182亿元 and 69.6亿 as 近70亿.
    The rounder of the two has fewer significant digits and is the other cut down or up at
    its own last digit; two figures as precise as each other (83个 / 87个, 60% / 70%) are
    the same only when they are equal, which the caller checks on the text."""
    for value2, significant2, place2, key2 in others:
        if key2 in skip:
            continue
        if value2 == value:
            return True  # (only ever another unit's key: 5e+08 of 5个亿 beside 5e+08元)
        if significant2 == significant:
            continue
        if significant < significant2:
            steps = value2 / place
            rounder, unit_place = value, place
        else:
            steps = value / place2
            rounder, unit_place = value2, place2
        if math.isclose(rounder, math.floor(steps) * unit_place, rel_tol=1e-9):
            return True  # cut down: 超1亿 of 1.2亿
        # cut up (近70亿 of 69.6亿); ``rounded_up_near`` only as far as rounding goes: 2亿 is
        # no mention of 1.2亿
        if (not rounded_up_near or steps - math.floor(steps) >= 0.5 - 1e-9) and math.isclose(
            rounder, math.ceil(steps) * unit_place, rel_tol=1e-9
        ):
            return True
    return False


def shared_figure_count(a: frozenset[str], b: frozenset[str]) -> int:
    """Figures of the smaller set that the other report also gives, exactly or rounded."""
    if len(a) == len(b) and a != b:
        # of two sets as large, neither is "the smaller": the count must not depend on
        # which report is asked first, so the stricter of the two ways is taken
        return min(_shared_one_way(a, b), _shared_one_way(b, a))
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return _shared_one_way(small, large)


def _shared_one_way(small: frozenset[str], large: frozenset[str], rounded_up_near: bool = False) -> int:
    exact = small & large
    count = len(exact)
    if len(exact) == len(small):
        return count
    for unit, mine in _by_unit(small).items():
        others = _comparable(large, unit)
        if others:
            count += sum(
                1
                for value, significant, place, f in mine
                if f not in exact and _rounds_to(value, significant, place, others, exact, rounded_up_near)
            )
    return count


def _precise_shared(a: frozenset[str], b: frozenset[str]) -> int:
    """Figures given precisely in both (two or more significant digits each), exactly or
    one rounded from the other: 2364.5亿元 / 2364.54亿元, 23.6% / 23.6%. The stricter of the
    two ways, so that the count does not depend on which report is asked first (1176.3亿元
    and 1176亿元 in one report are one figure of the other's 1176.3亿元, not two)."""
    return min(_precise_one_way(a, b), _precise_one_way(b, a))


def _precise_one_way(a: frozenset[str], b: frozenset[str]) -> int:
    count = 0
    for f in a:
        mine = _figure_value(f)
        if mine is None or mine.significant < 2:
            continue
        if f in b:
            count += 1
        elif mine.value > 0:
            others = [o for o in _comparable(b, mine.unit) if o[1] >= 2]
            if others and _rounds_to(mine.value, mine.significant, mine.place, others, frozenset()):
                count += 1
    return count


class PairOverlap:
    """What two articles have in common, each measure worked out once and only when asked:
    the decision, the model's signals and the rules all read the same pair."""

    def __init__(self, a: StoryFeatures, b: StoryFeatures) -> None:
        self.a, self.b = a, b

    @cached_property
    def shared_shingles(self) -> int:
        return shared_count(self.a.shingles, self.b.shingles)

    @cached_property
    def jaccard(self) -> float:
        return jaccard(self.a.shingles, self.b.shingles, self.shared_shingles)

    @cached_property
    def containment(self) -> float:
        return containment(self.a.shingles, self.b.shingles, self.shared_shingles)

    @cached_property
    def shared_figures(self) -> int:
        return shared_figure_count(self.a.figures, self.b.figures)

    @cached_property
    def precise_figures(self) -> int:
        return _precise_shared(self.a.figures, self.b.figures)

    @cached_property
    def similarity(self) -> float:
        return cosine(self.a.terms, self.b.terms)

    @property
    def figure_agreement(self) -> float | None:
        """Shared figures over the smaller figure set; None when either gives none."""
        few = min(len(self.a.figures), len(self.b.figures))
        return self.shared_figures / few if few else None

    @cached_property
    def figures_disagree(self) -> bool:
        """Both give three or more figures and under a third agree — unless one tells its money
        in 美元 and the other only in 元 and they still share two precise figures: a company's
        results told on the other basis give other amounts (1286.4亿元 / 184.9亿美元) but the
        same headline figures. When the bases differ, sums of money are not compared at all:
        拼多多Q4營收201億美元 can never agree with 营收1462亿元, so only its rates and counts
        (增速3.8%, 跌逾8%) can say whether the two reports disagree."""
        a, b = self.a.figures, self.b.figures
        if _currency_basis_differs(a, b):
            if self.precise_figures >= 2:
                return False
            a, b = _without_money(a), _without_money(b)
            shared = shared_figure_count(a, b)
        else:
            shared = self.shared_figures
        few = min(len(a), len(b))
        return few >= 3 and shared / few < 0.34


def _in_dollars(figures: frozenset[str]) -> bool:
    return any(f.endswith("美元") for f in figures)


def _without_money(figures: frozenset[str]) -> frozenset[str]:
    return frozenset(f for f in figures if not f.endswith("元"))


def _currency_basis_differs(a: frozenset[str], b: frozenset[str]) -> bool:
    """One report gives amounts in 美元 and the other none."""
    return _in_dollars(a) != _in_dollars(b)


def _periods_differ(a: StoryFeatures, b: StoryFeatures) -> bool:
    """Both headlines name periods and none of one agrees with any of the other."""
    return bool(
        a.periods and b.periods and not any(_periods_compatible(x, y) for x in a.periods for y in b.periods)
    )


def _mentions(report: StoryFeatures, name: str) -> bool:
    """Whether the report names a platform anywhere, or its first two characters (抖音 of
    抖音电商, 京东 of 京东物流)."""
    full = report.title + report.text
    return name in full or (len(name) > 2 and name[:2] in full)


def _unmentioned_headline_places(mine: StoryFeatures, theirs: StoryFeatures) -> frozenset[str]:
    """Places my headline names that the other report never mentions."""
    places = mine.headline_places
    return places if places and not places & theirs.places_mentioned else frozenset()


def _title_overlap(a: StoryFeatures, b: StoryFeatures) -> float:
    if not a.title_words or not b.title_words:
        return 0.0
    return len(a.title_words & b.title_words) / min(len(a.title_words), len(b.title_words))


def two_events(a: StoryFeatures, b: StoryFeatures) -> str | None:
    """Why two articles are two events whatever else they share, or None: another edition
    or stage of one matter, other years or periods, two headlines' own places or counts.
    Cheap (the features' own fields), so the clusterer also asks it across two clusters
    before an article joins them: a report that names no stage (an 抖音 round-up of 双12)
    may be the same story as both the first day's report and the close's, and must not
    chain the two events into one cluster. (Time apart is the pair's alone: a story's
    reports span more than the days apart of any pair through its late copies.)"""
    # another edition, another stage of one matter, the first action beside its repeat, a
    # forecast beside its outcome: two events whatever the wording
    for differ in (
        _editions_differ,
        _stages_differ,
        _capital_actions_differ,
        _first_and_repeat,
        _forecast_and_outcome,
    ):
        reason = differ(a, b)
        if reason:
            return reason
    # Without a date on both, nothing else tells this year's release from last year's
    # (去年快递量1745亿件, undated, beside 2025年快递业务量1990.7亿件, which recalls 2024's
    # 1745.1亿件): the years their headlines or leads report differ, however much wording
    # two years' releases share.
    if a.published_at is None or b.published_at is None:
        year_a, year_b = a.lead_year, b.lead_year
        if year_a and year_b and year_a != year_b:
            return f"reports of other years ({year_a} / {year_b})"
        # nor October's release from November's (1—10月 / 1—11月), nor one quarter's
        # results from the next (截至9月30日 / 截至12月31日)
        month_a, month_b = a.release_month, b.release_month
        if month_a and month_b and month_a != month_b:
            return f"reports of other periods (to {month_a}月 / to {month_b}月)"
        # nor a release from one two months on, by the days their first lines say the news
        # broke (统计局今天（3月16日）发了… / 1月16日，国家统计局发布…): further apart than
        # any late copy runs
        told = _days_from_day_told(a, b)
        if told is not None and told > _LATE_COPY_DAYS:
            return f"{told:.0f} days between the days they tell"
    # One statistic released for two periods (一季度 / 前5个月, 首季 / 1—5月) is two stories,
    # however alike their wording and however the rounder's figures fit the other's (近8%
    # is 7.8% and 7.3% alike); a forecast's headline names the year it looks to instead
    # (预计2026年破万亿元, told in a report of 2023's market)
    if _periods_differ(a, b) and not (_FORECAST.search(a.title) or _FORECAST.search(b.title)):
        return f"periods differ ({'、'.join(a.periods)} / {'、'.join(b.periods)})"
    # Two reports whose first lines each tell the day their event took place, days apart,
    # neither day told in the other (10月11日，市场监管总局召开… / 10月14日，市场监管总局召集…):
    # the same body's two meetings, however alike the wording
    if reason := _event_days_differ(a, b):
        return reason
    # What no shared wording overrides: two cities' policies may be one template word for
    # word, with their own place and count in the headline (and one sale opening on 10月15日
    # beside one opening its pre-sale on 10月14日: the days two headlines name, neither told
    # in the other's first lines, are two events' days)
    return _headlines_veto(a, b) or _headline_days_differ(a, b)


# a day as headlines write it (10月15日, 10月15号)
_NAMED_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")


def _named_days(text: str) -> frozenset[str]:
    return frozenset(f"{int(m)}月{int(d)}日" for m, d in _NAMED_DAY.findall(text))


# the day a report is filed on, as its first line says (亿邦动力讯 10月14日消息, 新华社北京10月18日电)
_DATELINE_DAY = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:消息|电|讯)")


def _told_days(lead: str) -> frozenset[str]:
    """The days a report's first lines tell of, less the day it was filed on."""
    return _named_days(_DATELINE_DAY.sub("", lead))


def _headline_days_differ(a: StoryFeatures, b: StoryFeatures) -> str | None:
    """Both headlines name a day, no day in common, and neither headline's day is told in the
    other report's first lines (天猫双11定档10月15日开售 / 天猫双11预售10月14日晚8点开启)."""
    days_a, days_b = _named_days(a.title), _named_days(b.title)
    if not days_a or not days_b or days_a & days_b:
        return None
    if days_a & _told_days(b.lead) or days_b & _told_days(a.lead):
        return None
    return f"headlines name other days ({'、'.join(sorted(days_a))} / {'、'.join(sorted(days_b))})"


# the day an undated page says its news broke: 统计局今天（3月16日）发了…, 3月16日，国家统计局发布…
_TOLD_TODAY = re.compile(r"(?:今天|今日|昨天|昨日)\s*[（(]\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]")
_TOLD_RELEASED = re.compile(
    r"^[^。\n]{0,16}?(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[，,]?\s*[^，,。\n\d]{0,14}?(?:发布|公布|披露|宣布|通报)"
)


# the day a report's first line says its event took place: 10月11日，市场监管总局召开…
_EVENT_VERBS = r"(?:召开|召集|举行|举办|约谈|发布|公布|披露|宣布|通报|启动|开幕)"
_EVENT_DAY = re.compile(
    r"^[^。\n]{0,16}?(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[，,]\s*[^，,。\n\d]{0,14}?" + _EVENT_VERBS
)
# a wire report's dateline, its event told as that day's: 北京10月14日电…市场监管总局当日召开
_DATELINE_SAME_DAY = re.compile(
    r"(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*电[^。\n]{0,40}?(?:当日|当天|今天|今日)" + _EVENT_VERBS
)
# a line shorter than this is a byline or an editor's credit (文｜周嘉宁), not the lead
_BYLINE_CHARS = 16
# a meeting a day or so either side is still told as one (a report filed after midnight)
_EVENT_DAYS_APART = 2


def _event_days_differ(a: StoryFeatures, b: StoryFeatures) -> str | None:
    """Both first lines tell the day of their event, the days are two or more apart, and
    neither day is named in the other report."""
    day_a, day_b = a.event_day, b.event_day
    if day_a is None or day_b is None:
        return None
    try:
        apart = abs((dt.date(2000, *day_a) - dt.date(2000, *day_b)).days)
    except ValueError:
        return None
    if apart < _EVENT_DAYS_APART:
        return None
    named_a, named_b = f"{day_a[0]}月{day_a[1]}日", f"{day_b[0]}月{day_b[1]}日"
    if named_a in _named_days(b.title + b.text) or named_b in _named_days(a.title + a.text):
        return None
    return f"first lines tell other days ({named_a} / {named_b})"


def _days_from_day_told(a: StoryFeatures, b: StoryFeatures) -> float | None:
    """Days between a dated report and the day an undated one says its news broke, or the
    days two undated ones say theirs broke (in the years that bring the two nearest): a
    page without a date still tells its day."""
    if a.published_at is not None and b.published_at is not None:
        return None
    undated, dated = (a, b) if a.published_at is None else (b, a)
    told = undated.day_told
    if told is None:
        return None
    if dated.published_at is not None:
        when = dated.published_at.date()
    elif other := dated.day_told:
        when = dt.date(2000, *other)  # (a leap year: any day told is a day of it)
    else:
        return None
    days = []
    for year in (when.year - 1, when.year, when.year + 1):
        try:
            days.append(abs((dt.date(year, *told) - when).days))
        except ValueError:  # (2月29日 of a year without one)
            continue
    return float(min(days)) if days else None


# the most days a late copy runs after its original (three times the days of one story)
_LATE_COPY_DAYS = 30


def decide(a: StoryFeatures, b: StoryFeatures, max_days_apart: int = 10) -> PairDecision:
    """Whether two articles report the same event (``_decide_pair``), unless, found the same
    on anything short of near-duplicate wording, they give one statistic other values
    (``_statistics_contradict``)."""
    decision = _decide_pair(a, b, max_days_apart)
    if decision.same and "near-duplicate wording" not in decision.reasons:
        contradicted = _statistics_contradict(a, b)
        if contradicted:
            return PairDecision(False, 0.0, [*decision.reasons, contradicted])
    return decision


# a statistic two reports of one release both give can differ at most by a rewrite's rounding;
# two or more that differ outright are two writers' other releases (or other periods' figures
# told alike), not one event
_CONTRADICTED_MEASURES = 2


def _statistics_contradict(a: StoryFeatures, b: StoryFeatures) -> str | None:
    """Both reports give values of the same statistics for the same period, and on two or
    more of them no value of one is the other's, as given or rounded (上半年全国网上零售额
    74180亿元、增长8.3% / 79450亿元、增长8.1%): two releases, however alike their wording."""
    if not a.measures or not b.measures:
        return None
    differ = sorted(
        {
            key[0]
            for key, mine in a.measures.items()
            if (theirs := b.measures.get(key)) and not shared_figure_count(mine, theirs)
        }
    )
    if len(differ) < _CONTRADICTED_MEASURES:
        return None
    return f"the same statistics differ ({'、'.join(differ[:3])})"


def releases_contradict(a: StoryFeatures, b: StoryFeatures) -> str | None:
    """Two reports of one period's release (their headlines name a period in common and give
    figures) whose statistics differ (``_statistics_contradict``): what the clusterer asks
    across two clusters besides ``two_events``, so that copies giving no comparable
    statistic (a post, a Hong Kong paper led by another figure) do not chain two writers'
    releases of the same day together. Only such reports have their figures read by what
    they measure."""
    if not a.periods & b.periods or not a.headline_measures or not b.headline_measures:
        return None
    return _statistics_contradict(a, b)


def _decide_pair(a: StoryFeatures, b: StoryFeatures, max_days_apart: int = 10) -> PairDecision:
    """Whether two articles report the same event. Too far apart in time (unless one is a
    late copy giving the release's figures, ``_late_copy``), or two events whatever else
    they share (``two_events``), they are never the same story; otherwise the
    learned model (``pairmodel``) decides over the signals, and the rules' findings are given
    as the reasons."""
    days = days_between(a.published_at, b.published_at)
    # (what the pair shares is worked out lazily, once, for whichever check asks first)
    overlap = PairOverlap(a, b)
    # (开年消费成绩单, undated, whose first line says 统计局今天（3月16日）发了…, beside the
    # year's release of 1月16日: the day it tells is as good as a date)
    told = _days_from_day_told(a, b) if days is None else None
    apart = days if days is not None else told
    if (
        apart is not None
        and apart > max_days_apart
        and not (apart <= 3 * max_days_apart and _late_copy(a, b, overlap))
    ):
        why = (
            f"{days:.0f} days apart"
            if days is not None
            else f"{told:.0f} days from the day the undated one tells"
        )
        return PairDecision(False, 0.0, [why])
    reason = two_events(a, b)
    if reason:
        return PairDecision(False, 0.0, [reason])
    # The cheap signals first: most candidate pairs are settled by them, before the words
    # are cut for the TF-IDF vector (the dearest step). In the development pairs every one
    # with jaccard ≥ 0.7 is the same story, and none with containment < 0.05 and no figure
    # in common is.
    jac, cont, shared = overlap.jaccard, overlap.containment, overlap.shared_figures
    if jac >= 0.7:
        return PairDecision(True, jac, [f"jaccard {jac:.2f}", "near-duplicate wording"])
    if cont < 0.05 and not shared:
        return PairDecision(False, 0.0, [f"little in common: containment {cont:.2f}, no figures"])
    # Most of one text inside the other (all 56 development pairs like that are the same
    # story), unless the headlines name other periods or the figures disagree.
    if cont >= 0.5 and not _periods_differ(a, b) and not overlap.figures_disagree:
        return PairDecision(True, cont, [f"containment {cont:.2f}", "most of the wording shared"])
    signals = pair_signals(a, b, overlap)
    similarity = overlap.similarity
    if (
        cont < 0.1
        and similarity < 0.3
        and not shared
        and not overlap.precise_figures
        and not _release_in_other_currency(a, b)
    ):
        # none of the development pairs like this is the same story either
        return PairDecision(
            False, 0.0, [f"little in common: containment {cont:.2f}, similarity {similarity:.2f}, no figures"]
        )
    veto = _categorical_veto(a, b)
    rules = rule_decision(a, b, max_days_apart, overlap)
    if veto:
        return PairDecision(False, 0.0, [veto, *rules.reasons])
    probability = probability_same(signals)
    if probability is None:
        return rules
    same = probability >= THRESHOLD
    verdict = "same" if rules.same else "different"
    reasons = [f"same-story probability {probability:.2f} (the rules say {verdict})", *rules.reasons]
    if _recalls_another_event(a, b):
        # 单日10.6亿件！双11快递量又破纪录 beside 前三季度快递量增9.2%: the post's headline figure
        # is nowhere in the report, and the report's is not in the post's first lines; the
        # quarter's figures it gives further down are background to another event
        # (scored nil, as two events are: the post is not to be attached to this report's
        # cluster as the one nearest it)
        return PairDecision(False, 0.0, [*reasons, "a self-media post of another event, recalling this one"])
    if not same and _retells_the_figures(a, b, overlap):
        # A chatty repost in words of its own (京东Q3：赚的钱一半喂给了外卖) shares too little
        # wording for the model, whose examples have few such; what it keeps is the
        # release's figures, rounded (收入差不多3000亿, 净利润只有53亿, 亏了157亿). In every
        # labelled pair giving three precise figures in common, most of either's figures,
        # and neither commentary, both report one event (a forecast beside its outcome is
        # told apart above). Weak: the clusterer checks it against the rest of the cluster.
        return PairDecision(True, probability, [*reasons, "the event's figures retold"], weak=True)
    if not same and _self_media_retelling(a, b, overlap):
        # 9248亿!今年618到底谁赚到了?🤔 beside 星图数据:今年618全网销售额9248亿元: a repost in
        # words of its own, its figures rounded (9200多亿, 300多亿, 涨了快两成), shares almost
        # no wording with the report, and the model has few examples of it. Weak: the
        # clusterer checks it against the rest of the cluster.
        return PairDecision(
            True, probability, [*reasons, "a self-media repost retelling the report"], weak=True
        )
    if not same and _release_in_other_currency(a, b):
        # 一季度我国货物贸易进出口总值10.93万亿元 beside 一季度出口美元计增5.2%: one customs release
        # told in 元 by one outlet and in 美元 by another shares no figure at all, yet the same
        # agency, the same period and the same days say it is one event. Weak: the clusterer
        # checks it against the rest of the cluster.
        return PairDecision(True, probability, [*reasons, "one release told in another currency"], weak=True)
    if not same and _results_in_other_currency(a, b, overlap):
        # 拼多多二季度营收1312亿元 beside a Taiwan paper's 拼多多Q2獲利不如預期 美股重挫7.9%: one
        # company's results for one quarter, told in 元 by one and in 美元 (and the shares'
        # fall) by the other, the day after; they share a growth rate or two and little
        # wording. Weak: the clusterer checks it against the rest of the cluster.
        return PairDecision(
            True, probability, [*reasons, "one company's results told in another currency"], weak=True
        )
    if not same and _one_summons(a, b):
        # 市场监管总局约谈多家外卖平台企业 beside 外卖平台遭监管约谈 美团午后跌超3%: one
        # regulator's summons of the same platforms, told the same days by outlets leading with
        # other angles (the orders at stake, the shares' fall); enforcement news gives few
        # figures for the model to go on. Weak: the clusterer checks it against the rest.
        return PairDecision(
            True, probability, [*reasons, "one regulator's summons of the same platforms"], weak=True
        )
    if not same and _results_by_the_shares(a, b, overlap):
        # 拼多多一季度营收1182亿元不及预期 beside 拼多多隔夜收跌11.4%，市值一夜蒸发超200亿美元:
        # one company's results, and the next day's report led by its shares' fall, retelling
        # them. Weak: the clusterer checks it against the rest of the cluster.
        return PairDecision(
            True, probability, [*reasons, "one company's results told by its shares"], weak=True
        )
    if not same and _headline_figure_retold(a, b, overlap):
        # 京东起诉比价软件不正当竞争 索赔5000万元 beside 京东诉比价插件案获立案: another lead on
        # one event, its first lines giving the figure the other headlines (索赔5000万元), about
        # the same companies in like words; the model, which has few such pairs, reads the
        # lawyers quoted below as commentary. Weak: the clusterer checks it against the rest.
        return PairDecision(
            True, probability, [*reasons, "the headline's figure told in the lead"], weak=True
        )
    # The model overruling the rules on two headlines neither of which the other report
    # tells (京东11.11收官 beside 11月11日全国快递揽收6.39亿件, the post office's figure quoted
    # in the platform's report): what they share is an aside, so the link is weak and the
    # clusterer checks it against the rest of the cluster.
    overruled = same and not rules.same and _headline_in_text(a, b) == 0
    if same and not rules.same and probability < CONFIDENT and _repost_of_another_lead(a, b):
        # A self-media post the model is unsure of, against the rules, beside a report whose
        # lead does not tell the post's headline (二手车出海 41万多辆 beside a dealers' fair that
        # recalls the export figure in its last lines): an aside shared, not the event retold.
        return PairDecision(
            False, probability, [*reasons, "a self-media post, its headline not this report's"]
        )
    if not same and rules.same and probability >= UNSURE and overlap.similarity >= _RETOLD_SIMILARITY:
        # The model just short of joining a pair the rules call the same story (a fuller report
        # of the event beside its first lead, 0.49): weak, so the clusterer checks it against
        # the rest of the cluster. With each real round left out this finds 3 more same-story
        # pairs dated and joins nothing more wrongly.
        return PairDecision(
            True, probability, [*reasons, "the rules say same, the model is unsure"], weak=True
        )
    return PairDecision(same, probability, reasons, weak=same and (probability < CONFIDENT or overruled))


def _repost_of_another_lead(a: StoryFeatures, b: StoryFeatures) -> bool:
    """One of the two is a self-media post and the other report's lead does not tell its
    headline."""
    if a.self_media_voice == b.self_media_voice:
        return False
    repost, report = (a, b) if a.self_media_voice else (b, a)
    return not _headline_told_in_lead(repost, report)


def _late_copy(a: StoryFeatures, b: StoryFeatures, overlap: PairOverlap) -> bool:
    """A copy published weeks after the report (a trade site's 海关数据：前三季度跨境电商出口1.6万亿
    twelve days after the customs release), told by the release's own figures: four or more
    given precisely in both, most of either's figures agreeing, the periods not differing.
    Past ``max_days_apart`` such a pair is still decided (up to three times as far); with
    each real round left out, this finds 8 late copies of 109 misses and joins nothing wrong.
    A short copy that keeps four figures or more of the release, every one of them as the
    release gives it, three precisely (前4个月服务零售额增长6.0%, reposted thirteen days on),
    is one too."""
    if overlap.figure_agreement is None or _periods_differ(a, b):
        return False
    # (a copy that gives a sum twice, 1.92兆人民幣 beside 19236億元, gives it once; but a
    # rounded figure may be the very one the other report gives: the likelier reading wins)
    mine, theirs = _distinct_figures(a.figures), _distinct_figures(b.figures)
    agreement, few = max(
        (overlap.figure_agreement, min(len(a.figures), len(b.figures))),
        (shared_figure_count(mine, theirs) / min(len(mine), len(theirs)), min(len(mine), len(theirs))),
    )
    if (overlap.precise_figures >= 4 and agreement >= 0.75) or (
        overlap.precise_figures >= 3 and few >= 4 and agreement >= 1.0
    ):
        return True
    # (a copy a fortnight on whose first paragraph gives the release's first paragraph figure
    # for figure, 20.46万亿元, 4.4%, 11.98万亿元, 6.5%…, each report then adding figures of its
    # own below: 美元 and partners in the copy, the single month in the report)
    lead_a, lead_b = a.lead_figures, b.lead_figures
    if overlap.precise_figures < 4 or not lead_a or not lead_b:
        return False
    in_common = shared_figure_count(lead_a, lead_b)
    return in_common >= 4 and in_common / min(len(lead_a), len(lead_b)) >= 0.75


def _distinct_figures(figures: frozenset[str]) -> frozenset[str]:
    """A report's figures less those that round another of its own (1.92e+12元 beside
    1.9236e+12元): one sum told twice."""
    # (two that round each other, 3亿 and 3.0亿, are one: the set is kept as it is)
    return frozenset(f for f in figures if not _shared_one_way(frozenset({f}), figures - {f})) or figures


def _headline_figure_retold(a: StoryFeatures, b: StoryFeatures, overlap: PairOverlap) -> bool:
    """A figure one headline gives, precise or an amount (索赔5000万元, 增长5.8%), given as it is
    in the other report's headline or first lines, within days; the figures agree, the
    companies and bodies named are mostly the same, the words alike, and neither argues."""
    days = days_between(a.published_at, b.published_at)
    if days is not None and days > _RETOLD_DAYS:
        return False
    agreement = overlap.figure_agreement
    if agreement is None or agreement < _RETOLD_HEADLINE_AGREEMENT or overlap.similarity < _RETOLD_WORDS:
        return False
    if not _neither_argues(a, b):
        return False
    shared_actors = len(a.actors & b.actors) / (min(len(a.actors), len(b.actors)) or 1)
    if shared_actors < 0.5:
        return False
    return any(
        _telling_figure(key) and key in other.lead_figures
        for mine, other in ((a, b), (b, a))
        for key in mine.headline_figures
    )


def _telling_figure(key: str) -> bool:
    """A figure particular to an event: two or more significant digits, or an amount (万 and
    above) — not a round count of days or a share (30天, 50%) that many events give."""
    value = _figure_value(key)
    return value is not None and (value.significant >= 2 or abs(value.value) >= _BARE_AMOUNT)


_RETOLD_DAYS = 3
_RETOLD_HEADLINE_AGREEMENT = 0.75
_RETOLD_WORDS = 0.55


def _self_media_retelling(a: StoryFeatures, b: StoryFeatures, overlap: PairOverlap) -> bool:
    """One report retold by a self-media repost: the repost's headline gives a figure or a day
    the report leads with (9248亿 / 全网销售额为9248亿元; 8月1日起新规落地 / 自8月1日起施行),
    its figures mostly agree with the report's, their words are alike, and neither argues
    (a commentary score past the threshold; for the report, the house's opinion cues too)."""
    agreement = overlap.figure_agreement
    if overlap.similarity < _RETOLD_SIMILARITY:
        return False
    for repost, report in ((a, b), (b, a)):
        if (
            repost.self_media_voice
            and (agreement is None or agreement >= _RETOLD_AGREEMENT or _lead_figures_agree(repost, report))
            and max(repost.commentary, report.commentary) < COMMENTARY
            and _headline_told_in_lead(repost, report)
            # an opinion piece leads with the event's figure too (近2000亿件——这是…成绩单),
            # then argues and prescribes under a byline: the house's cues for one
            and not is_opinion_piece(report.title, report.text)
        ):
            return True
    return False


_RETOLD_AGREEMENT = 0.5  # of the smaller figure set (a repost gives few, rounded)


def _lead_figures_agree(repost: StoryFeatures, report: StoryFeatures) -> bool:
    """The figures of the repost's headline and first paragraph, two or more, all given by the
    report (exactly or rounded): a repost that goes on to recall other releases as background
    (单日10.6亿件 then the quarter's 2386.5亿件) retells the report in its first lines all the same."""
    # (the headline's figure is checked by _headline_told_in_lead; its first lines often give
    # it again unrounded, 10.6亿件 then 10.62亿件, and one report's figure matches only once)
    lead = repost.lead_figures - repost.headline_figures
    return len(lead) >= 2 and _shared_one_way(lead, report.figures) == len(lead)


def _values_near(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Some figure of ``mine`` within 5% of one of ``theirs``, whatever the unit either is
    counted in (1.5亿人 and 1.52亿人次, 近400万人 and 386.7万人次, 近300亿美元 and 298亿美元)."""
    values = [v.value for v in map(_figure_value, theirs) if v is not None and v.value]
    for key in mine:
        value = _figure_value(key)
        if value is not None and value.value and any(abs(value.value - v) <= 0.05 * abs(v) for v in values):
            return True
    return False


def _recalls_another_event(a: StoryFeatures, b: StoryFeatures) -> bool:
    """A self-media post whose headline and first lines give figures of their own, none of them
    given anywhere in the other report, nor any the other headlines: its event is
    another, and what the two share is background it recalls (单日10.6亿件 beside the
    quarter's 前三季度快递量增9.2%, which the post recalls in its second paragraph)."""
    for post, other in ((a, b), (b, a)):
        if not post.self_media_voice or other.self_media_voice:
            continue
        own = frozenset(k for k in post.lead_figures if _telling_figure(k))
        theirs = frozenset(k for k in other.headline_figures if _telling_figure(k))
        if (
            len(own) >= 2
            and theirs
            and post.headline_figures & own
            and not _shared_one_way(own, other.figures)
            and not _values_near(own, other.figures)
            and not _shared_one_way(theirs, post.lead_figures)
        ):
            return True
    return False


_RETOLD_SIMILARITY = 0.35  # of the words: a repost and a report of other events fall below


def _headline_told_in_lead(repost: StoryFeatures, report: StoryFeatures) -> bool:
    """The repost's headline gives a figure or a day that the report gives in its headline or
    first paragraph (exactly or rounded): the event's own, not a figure it quotes in passing
    (a day's express volume, which every report of that day recalls); or, its headline a
    hook with neither, its first lines give the figure the report headlines."""
    headline_figures = repost.headline_figures
    # (a round share, 两成多, fits the lead of many a report: the figure told is the event's own)
    telling = frozenset(k for k in headline_figures if _telling_figure(k))
    if telling and shared_figure_count(telling, report.lead_figures):
        return True
    if _days(repost.title) & _days(report.lead):
        return True
    if headline_figures or _days(repost.title):
        return False
    # A hook with no figure (买过大圣哥五常大米的姐妹看过来‼️, 暑假结束，携程的数据说明…) and the
    # figure the report headlines given as it is in the repost's first lines (被封30天了, 出境游
    # 订单涨了27%): exactly, as a rounded one (涨了三成多) fits the figures of many a report
    return bool(figure_keys(repost.lead, "") & report.headline_figures)


def _retells_the_figures(a: StoryFeatures, b: StoryFeatures, overlap: PairOverlap) -> bool:
    """Three precise figures in common, most of the smaller set's agreeing, and neither
    report commentary (which quotes a release's figures too, to argue over them)."""
    agreement = overlap.figure_agreement
    return (
        overlap.precise_figures >= 3 and agreement is not None and agreement >= 0.75 and _neither_argues(a, b)
    )


# the agencies whose periodic releases are told in 元 by some and in 美元 by others
# (with how a lead names each: 海关 of 海关总署, 统计局 of 国家统计局)
_AGENCY_IN_LEAD = {"海关总署": "海关", "国家统计局": "统计局", "商务部": "商务部", "国家外汇管理局": "外汇局"}
# the statistics within a release a headline can be about
_PART_RELEASES = ("跨境电商", "服务贸易", "农产品", "汽车", "稀土", "集成电路", "民营企业")


def _headline_part(report: StoryFeatures, part: str) -> bool:
    """Whether the headline tells a part of the release (上半年跨境电商进出口1.43万亿元), not
    just names it beside the release's own figure (陸上半年出口增5.8% 跨境電商撐場)."""
    if part not in report.title:
        return False
    measures = report.headline_measures
    return not measures or any(part in subject for subject, _, _ in measures)


def _release_in_other_currency(a: StoryFeatures, b: StoryFeatures) -> bool:
    """One agency's release of one period told in 元 in one report and in 美元 in the other:
    both name the agency, their headlines name the same period, they are days apart at most
    (or undated), and neither argues."""
    if not _currency_basis_differs(a.figures, b.figures):
        return False
    if not _same_release_period(a, b):
        return False
    if not _releasing_agencies(a) & _releasing_agencies(b):
        return False
    if any(_headline_part(a, part) != _headline_part(b, part) for part in _PART_RELEASES):
        return False  # (跨境电商进出口 of the same quarter is another statistic of the release)
    told_a, told_b = (
        {f for f in x.headline_figures if f.endswith("元") and not f.endswith("美元")} for x in (a, b)
    )
    if told_a and told_b and not told_a & told_b:
        return False  # (1.44万亿元 / 1.36兆人民币: two headlines' totals in 元 that disagree)
    return _told_alike_days_apart(a, b)


def _told_alike_days_apart(a: StoryFeatures, b: StoryFeatures) -> bool:
    """What one event told in two currencies asks last: the reports are days apart at most
    (or either is undated), and neither argues."""
    days = days_between(a.published_at, b.published_at)
    return (days is None or days <= _RETOLD_DAYS) and _neither_argues(a, b)


# the days outlets tell one piece of news in, leading with their own angles (a summons, a
# company's results and its shares' fall the day after)
_NEWS_DAYS = 2
# a regulator's act against named firms, told in a report's first lines
_ENFORCEMENT_ACT = re.compile(r"约谈|立案调查")
# a firm answering the regulator, in a headline
_ANSWERS = re.compile(r"回应|回复|表态|致歉|道歉|整改方案|发布声明")
# the regulators whose summonses and investigations the reports tell
_REGULATORS = frozenset({"国家市场监督管理总局"})


def _one_summons(a: StoryFeatures, b: StoryFeatures) -> bool:
    """One regulator's summons (or investigation) of the same platforms: both reports' first
    lines tell the same act, both name the regulator and two platforms or more in common, and
    both are dated, two days apart at most (two summonses of the same platforms weeks apart
    are two events, and an undated page gives no way to tell which)."""
    acts_a, acts_b = set(_ENFORCEMENT_ACT.findall(a.lead)), set(_ENFORCEMENT_ACT.findall(b.lead))
    if not acts_a & acts_b or _ANSWERS.search(a.title) or _ANSWERS.search(b.title):
        return False  # (美团回应约谈：…: the firm's answer, an event of its own)
    days = days_between(a.published_at, b.published_at)
    if days is None or days > _NEWS_DAYS:
        return False
    shared = a.actors & b.actors
    known = dictionary()
    return bool(shared & _REGULATORS) and sum(known.get(w) == "platform" for w in shared) >= 2


def _results_in_other_currency(a: StoryFeatures, b: StoryFeatures, overlap: PairOverlap) -> bool:
    """One company's results of one period told in 元 in one report and in 美元 in the
    other: both headlines name the company and the same period, both tell results in their
    first lines, they share two figures at least (growth rates, a profit told in 元 by
    both) and their figures do not disagree, neither is a broker's call, they are days apart
    at most (or undated), and neither argues."""
    if not _currency_basis_differs(a.figures, b.figures) or _periods_differ(a, b):
        return False
    if overlap.shared_figures < 2 or overlap.figures_disagree:
        return False  # (two outlets' quarters of one company that disagree: 增长8% / 14.8%)
    if not a.periods & b.periods or not a.headline_platforms & b.headline_platforms:
        return False
    if not all(_RESULTS_TOLD.search(x.title + x.lead) for x in (a, b)):
        return False
    if _broker_call(a.title) or _broker_call(b.title):
        return False
    return _told_alike_days_apart(a, b)


def _releasing_agencies(report: StoryFeatures) -> frozenset[str]:
    """The agencies whose release the report tells: named in its headline or first paragraph
    (中國海關總署今天公布…; not 國家統計局將於16日公布 in its last lines, which only announces
    another release)."""
    lead = report.lead
    named = frozenset(a for a, short in _AGENCY_IN_LEAD.items() if short in lead)
    # (the lead first: the clusterer asks this of every article, and few name an agency)
    return named & report.actors if named else named


def release_keys(report: StoryFeatures) -> frozenset[str]:
    """What one agency's release told in any currency keeps: the agency and the period its
    headline names (or, naming none, the year its lead is about). The customs year in 元
    beside a Taiwan paper's 美元 shares no figure and no headline word, so the clusterer
    finds the pair by these and leaves the decision to _release_in_other_currency."""
    agencies = _releasing_agencies(report)
    if not agencies or not any(f.endswith("元") for f in report.figures):
        return frozenset()
    periods = report.periods
    if not periods:
        year = report.lead_year  # (worked out from the lead only when the headline names none)
        periods = {year} if year else set()
    return frozenset(f"{agency}:{period}" for agency in agencies for period in periods)


def _same_release_period(a: StoryFeatures, b: StoryFeatures) -> bool:
    """The headlines name the same period; or one names a year alone and the other, naming
    none, is about that year (陸去年出口3.72兆美元, published in January 2030, beside
    2029年我国货物贸易进出口总值45.82万亿元)."""
    if _periods_differ(a, b):
        return False
    if a.periods & b.periods:
        return True
    for named, other in ((a, b), (b, a)):
        if named.periods and not other.periods:
            years = {p for p in named.periods if _YEAR_ALONE.match(p)}
            return len(years) == len(named.periods) == 1 and other.lead_year in years
    return False


_YEAR_ALONE = re.compile(r"^\d{4}年$")


def _neither_argues(a: StoryFeatures, b: StoryFeatures) -> bool:
    """Neither report's commentary score reaches the threshold, nor does either headline argue."""
    return max(a.commentary, b.commentary) < COMMENTARY and not (
        headline_argues(a.title) or headline_argues(b.title)
    )


def _editions_differ(a: StoryFeatures, b: StoryFeatures) -> str | None:
    """Another edition of a recurring report or event (第50次 / 第51次), however alike the text."""
    kinds = {e[-1] for e in a.editions} & {e[-1] for e in b.editions}
    for kind in kinds:
        mine = {e for e in a.editions if e.endswith(kind)}
        theirs = {e for e in b.editions if e.endswith(kind)}
        if not mine & theirs:
            return f"editions differ ({'、'.join(mine)} / {'、'.join(theirs)})"
    return None


def _headlines_veto(a: StoryFeatures, b: StoryFeatures) -> str | None:
    """Two headlines that each name their own place, neither named in the other report
    (杭州 and 广州 each open a 直播电商节 the same day), or that count other measures (33条 /
    30条): two events, however much of a template their wording shares."""
    places_a, places_b = a.headline_places, b.headline_places
    if places_a and places_b and not places_a & places_b:
        if _unmentioned_headline_places(a, b) and _unmentioned_headline_places(b, a):
            return (
                f"headlines name other places ({'、'.join(sorted(places_a))} / {'、'.join(sorted(places_b))})"
            )
    platforms_a, platforms_b = a.headline_platforms, b.headline_platforms
    if (
        platforms_a
        and platforms_b
        and not platforms_a & platforms_b
        and not any(_mentions(b, p) for p in platforms_a)
        and not any(_mentions(a, p) for p in platforms_b)
    ):
        # 抖音电商发布七夕消费数据 / 京东七夕战报: each platform's own figures of one festival,
        # told in like words, neither naming the other (none of the labelled same-story pairs
        # of the real-looking rounds does this; 2,900 pairs of other events do)
        return f"headlines name other platforms ({'、'.join(sorted(platforms_a))} / {'、'.join(sorted(platforms_b))})"
    if _broker_call(a.title) != _broker_call(b.title):
        # 大行下调拼多多目标价 two days after 拼多多一季度营收增速放缓: the brokers' answer to the
        # results, which it retells, is an event of its own (so every labelled round has it)
        return "one headline is a broker's call on the stock"
    return (
        _headline_counts_differ(a, b)
        or _headline_figures_differ(a, b)
        or _headline_measures_differ(a, b)
        or _one_word_swapped(a, b)
    )


# a broker's target price or rating, raised or cut (大摩上调阿里巴巴目标价至168港元, 麦格理下调评级至“中性”)
_BROKER_CALL = re.compile(r"目标价|评级")
# (阿里季绩胜预期…大行齐升目标价: a report of the results that adds the brokers' calls tells
# the results; 拼多多Q2獲利不如預期 is about them too)
_RESULTS_TOLD = re.compile(
    r"季绩|业绩|财报|季报|年报|营收|收入|净利|盈利|获利|亏损|胜预期|超预期|逊预期|不及预期"
)


# a headline led by a listed company's shares moving: 隔夜收跌11.4%, 股价挫6.2%, 市值一夜蒸发…
_SHARES_MOVED = re.compile(
    r"(?:股价|美股|港股|收|盘[前中后]?|市值)[^，,。]{0,6}?(?:跌|涨|挫|飙|升|蒸发)|(?:跌|涨)(?:超|逾|近)?\d"
)


def _results_by_the_shares(a: StoryFeatures, b: StoryFeatures, overlap: PairOverlap) -> bool:
    """One company's results beside a report led by its shares' move: both headlines name the
    same platform, one headline moves the shares and tells no results, the other tells results
    in its first lines, two figures or more in common and none disagreeing, two days apart at
    most (both dated)."""
    days = days_between(a.published_at, b.published_at)
    if days is None or days > _NEWS_DAYS or not a.headline_platforms & b.headline_platforms:
        return False
    if overlap.shared_figures < 2 or overlap.figures_disagree or _periods_differ(a, b):
        return False
    return any(
        _SHARES_MOVED.search(x.title)
        and not _RESULTS_TOLD.search(x.title)
        and _RESULTS_TOLD.search(y.title + y.lead)
        for x, y in ((a, b), (b, a))
    )


def _broker_call(title: str) -> bool:
    """A headline about a broker's call on a stock alone."""
    return bool(_BROKER_CALL.search(title)) and not _RESULTS_TOLD.search(title)


# a measure named in at least this many characters the two subjects end in: a long name
# is one statistic (重点零售和餐饮企业销售额); short ones (网上零售额, 快递业务量, 营收) end
# the names of several, or of one for several periods
_MEASURE_CHARS = 8
# trade figures are released in 元 and in 美元 (出口增长7.5% / 按美元计增长6.9%): one release
_SECOND_CURRENCY_BASIS = re.compile(r"(?:以|按)?美元计(?:价|算)?|美元計|以美元|按美元")


def _headline_measures_differ(a: StoryFeatures, b: StoryFeatures) -> str | None:
    """Both headlines give one measure (the figures' subjects end in the same words, 重点零售和
    餐饮企业销售额) a value of one unit, and the values are not one rounded from the other:
    two releases (the holiday's first two days, 增长6.8%, and the whole holiday, 增长7.4%) —
    unless either report tells the figures in a second currency too, or the headlines give
    the measure one value in common (12月…按年升3.2%　全年微升1.1% / 12月…同比增长3.2%: a
    headline that adds the year's rate tells the same release)."""
    if {key for _, key, _ in a.headline_measures} & {key for _, key, _ in b.headline_measures}:
        return None
    for subject_a, key_a, period_a in a.headline_measures:
        for subject_b, key_b, period_b in b.headline_measures:
            if key_a == key_b or _unit_of(key_a) != _unit_of(key_b) or _unit_of(key_a) in (None, _BARE):
                continue
            if period_a and period_b and period_a != period_b:
                continue  # (前三季度…增长4.3% / 第三季…增4.1%: one release's two periods)
            measure = _common_suffix(_national_account(subject_a), _national_account(subject_b))
            if len(measure) < _MEASURE_CHARS and measure not in _NATIONAL_ACCOUNTS.values():
                continue
            if shared_figure_count(frozenset([key_a]), frozenset([key_b])):
                continue  # one is the other rounded (近7% of 6.8%)
            # (a sum in 元 is one in either currency's telling: 22.86万亿元 / 22.61万亿元 are two
            # releases' totals, whatever 美元 the reports add)
            if _unit_of(key_a) == "%" and _SECOND_CURRENCY_BASIS.search(a.title + a.text + b.title + b.text):
                return None
            return f"headlines give {measure} other values ({_readable(key_a)} / {_readable(key_b)})"
    return None


# the country's output as headlines name it: 上半年中国GDP同比增长5.1%, 陸上半年GDP增5.1%,
# 內地上半年經濟增4.9%, 上半年国内生产总值同比增长4.9% are one statistic (short as its
# names are, it is one: _MEASURE_CHARS is for names that end several statistics' names);
# and retail sales as a post shortens them (社零超25万亿)
_NATIONAL_ACCOUNTS = {
    "GDP": "国内生产总值",
    "经济": "国内生产总值",
    "国民经济": "国内生产总值",
    "国内生产总值": "国内生产总值",
    "社零": "社会消费品零售总额",
    "社零总额": "社会消费品零售总额",
    "零售销售": "社会消费品零售总额",  # (中國11月零售銷售年增3.9%: retail sales, as Taiwan names them)
}
_COUNTRY_NAMED = re.compile(r"^(?:中国|我国|全国|大陆|陆|内地|国内(?!生产))")


def _national_account(subject: str) -> str:
    """The subject, with the country's output and retail sales named one way whichever way
    they were written."""
    return _NATIONAL_ACCOUNTS.get(_COUNTRY_NAMED.sub("", subject), subject)


def _common_suffix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return a[len(a) - n :]


# the reason _headline_figures_differ gives: the clusterer lets a sure link past it
HEADLINE_FIGURES_DIFFER = "headlines give other figures"


def _headline_figures_differ(a: StoryFeatures, b: StoryFeatures) -> str | None:
    """Both headlines give amounts (万 and above) of one unit, and none of either's turns up,
    as given or rounded, anywhere in the other report (成都发放1.2亿元“五一”消费券 / 2亿元“蓉城
    乐购”消费券5月22日起分四轮发放): two events told alike. A rewrite headlines another of the
    event's figures, but the figure it leaves out of its headline is still in its text. (Not
    shares and growths, which headlines give of many measures: 出口增长7.5% in 元, 6.9% in
    美元; nor small sums, 每单+3元 beside 投入约6亿元.)"""
    mine, theirs = _amounts_of(a.headline_figures), _amounts_of(b.headline_figures)
    if not mine or not theirs:
        return None
    for unit in {_unit_of(k) for k in mine} & {_unit_of(k) for k in theirs} - {None, _BARE}:
        of_mine = frozenset(k for k in mine if _unit_of(k) == unit)
        of_theirs = frozenset(k for k in theirs if _unit_of(k) == unit)
        # (an amount another report gives rounded up is one near it: 2亿 is not 1.2亿)
        if not _shared_one_way(of_mine, b.figures | theirs, rounded_up_near=True) and not _shared_one_way(
            of_theirs, a.figures | mine, rounded_up_near=True
        ):
            return (
                f"{HEADLINE_FIGURES_DIFFER} ({'、'.join(sorted(map(_readable, of_mine)))} / "
                f"{'、'.join(sorted(map(_readable, of_theirs)))})"
            )
    return None


def _readable(key: str) -> str:
    """A figure key as a headline writes it: 8.867e+11元 → 8867亿元."""
    value = _figure_value(key)
    if value is None:
        return key
    for scale, word in ((1e8, "亿"), (1e4, "万")):
        if abs(value.value) >= scale:
            return f"{value.value / scale:.6g}{word}{value.unit}"
    return f"{value.value:.6g}{value.unit}"


def _amounts_of(figures: frozenset[str]) -> frozenset[str]:
    return frozenset(
        k for k in figures if (v := _figure_value(k)) is not None and abs(v.value) >= _BARE_AMOUNT
    )


def _unit_of(key: str) -> str | None:
    value = _figure_value(key)
    return value.unit if value is not None else None


def _one_word_swapped(a: StoryFeatures, b: StoryFeatures) -> str | None:
    """Two headlines alike but for one word (深圳出台20条措施支持人工智能发展 / …支持数字贸易
    发展), each word never used in the other report: one template, two policies. A rewrite
    changes more of its headline than one word, and names the subject in its text."""
    if a.title == b.title or abs(len(a.title) - len(b.title)) > 4:
        return None
    from difflib import SequenceMatcher

    changes = [
        op for op in SequenceMatcher(None, a.title, b.title, autojunk=False).get_opcodes() if op[0] != "equal"
    ]
    if len(changes) != 1 or changes[0][0] != "replace":
        return None
    _, i1, i2, j1, j2 = changes[0]
    mine, theirs = a.title[i1:i2], b.title[j1:j2]
    if not (_SWAPPED_WORD.fullmatch(mine) and _SWAPPED_WORD.fullmatch(theirs)):
        return None
    if mine in b.title + b.text or theirs in a.title + a.text:
        return None
    return f"headlines alike but for their subject ({mine} / {theirs})"


_SWAPPED_WORD = re.compile(r"[\u4e00-\u9fa5]{2,8}")


def _categorical_veto(a: StoryFeatures, b: StoryFeatures) -> str | None:
    """What no amount of shared wording overrides, asked once the shortcuts on shared
    wording have passed: a book notice is not a news report, nor a place's own figures the
    country's. (The headlines' own places, counts and subjects are ``_headlines_veto``,
    which ``decide`` asks before the shortcuts.) Left out in turn, these change the model's
    F1 on the development sets by under 0.002."""
    if a.book_notice != b.book_notice:
        return "a book notice beside a news report"
    # A place's own figures beside the country's: the local headline names a place and a
    # figure the other report gives neither of (上半年浙江跨境电商进出口1783亿元).
    for mine, theirs in ((a, b), (b, a)):
        places = _unmentioned_headline_places(mine, theirs)
        if places:
            headline_figures = mine.headline_figures
            if headline_figures and not shared_figure_count(headline_figures, theirs.figures):
                return f"{'、'.join(sorted(places))}'s own figures beside another report"
    return None


# what a headline counts when it tells of a policy or a list (33条措施, 12项举措, 5款产品),
# as an exact count: 30余条, 超20项 are a rewrite's rounding, 第13条 an article of a law
_HEADLINE_COUNT = re.compile(r"(?<![\d.超近逾约第])(\d{1,3})(?=[条项款])")


def _counts(text: str, unit: str) -> set[str]:
    return {m.group(1) for m in _HEADLINE_COUNT.finditer(text) if text[m.end()] == unit}


def _headline_counts_differ(a: StoryFeatures, b: StoryFeatures) -> str | None:
    """Both headlines count the measures of a policy, exactly and differently (出台33条措施 /
    出台30条措施), and neither count turns up in the other report: two policies, however
    alike their template."""
    for unit in "条项款":
        mine, theirs = _counts(a.title, unit), _counts(b.title, unit)
        if mine and theirs and not mine & theirs:
            if not mine & _counts(b.text, unit) and not theirs & _counts(a.text, unit):
                return (
                    f"headlines count other measures ({'、'.join(sorted(mine))}{unit} / "
                    f"{'、'.join(sorted(theirs))}{unit})"
                )
    return None


def pair_signals(a: StoryFeatures, b: StoryFeatures, overlap: PairOverlap | None = None) -> np.ndarray:
    """The signals of ``pairmodel.FEATURES``, in that order, scaled to about 0–1."""
    overlap = overlap or PairOverlap(a, b)
    days = days_between(a.published_at, b.published_at)
    agreement = overlap.figure_agreement
    place_conflict = bool(_unmentioned_headline_places(a, b) or _unmentioned_headline_places(b, a))
    return np.array(
        [
            overlap.jaccard,
            overlap.containment,
            _title_overlap(a, b),
            min(overlap.shared_figures, 5) / 5,
            min(overlap.precise_figures, 5) / 5,
            overlap.similarity,
            _headline_in_text(a, b),
            len(a.actors & b.actors) / (min(len(a.actors), len(b.actors)) or 1),
            # unknown (a repost without a date) is told from the same day
            UNDATED if days is None else min(days, 10) / 10,
            0.5 if agreement is None else agreement,
            max(a.commentary, b.commentary) / 5,
            abs(a.commentary - b.commentary) / 5,
            float(place_conflict),
            float(_periods_differ(a, b)),
            float(a.book_notice != b.book_notice),
            min(len(a.particulars & b.particulars), 3) / 3,
            float(overlap.figures_disagree),
        ],
        dtype=np.float32,
    )


def _headline_in_text(a: StoryFeatures, b: StoryFeatures) -> float:
    """How much of each headline the other report's words contain, the worse of the two."""
    return min(
        len(a.title_words & b.terms.keys()) / (len(a.title_words) or 1),
        len(b.title_words & a.terms.keys()) / (len(b.title_words) or 1),
    )


def rule_decision(
    a: StoryFeatures, b: StoryFeatures, max_days_apart: int = 10, overlap: PairOverlap | None = None
) -> PairDecision:
    """The hand-written same-story rules: readable, and the model's fallback."""
    overlap = overlap or PairOverlap(a, b)
    jac, cont, shared_figures = overlap.jaccard, overlap.containment, overlap.shared_figures
    title = _title_overlap(a, b)
    reasons = [f"jaccard {jac:.2f}", f"containment {cont:.2f}", f"title words {title:.2f}"]
    if shared_figures:
        reasons.append(f"{shared_figures} shared figures")
    days_apart = days_between(a.published_at, b.published_at)
    if days_apart is not None and days_apart > max_days_apart:
        return PairDecision(False, 0.0, [*reasons, f"{days_apart:.0f} days apart"])
    editions = _editions_differ(a, b)
    if editions:
        return PairDecision(False, 0.0, [*reasons, editions])
    # a reprint, perhaps lightly edited
    if jac >= 0.7:
        return PairDecision(True, jac, [*reasons, "near-duplicate wording"])
    if a.book_notice != b.book_notice:
        return PairDecision(False, 0.0, [*reasons, "a book notice beside a news report"])
    # Commentary on an event is its own item (专家视点), not another report of the event;
    # only commentary beside what reads clearly less so is told apart: the doubtful stay
    # joinable.
    for mine, theirs in ((a, b), (b, a)):
        if mine.commentary >= COMMENTARY and theirs.commentary < min(COMMENTARY, mine.commentary - 0.75):
            return PairDecision(False, 0.0, [*reasons, "commentary beside a report of the event"])
    # A headline's place that the other report never mentions: the same kind of event
    # elsewhere (杭州 and 广州 each open a 直播电商节, told in the same stock phrases), or a
    # local story beside a national one (浙江's figures beside the country's). Headlines
    # naming different places of one event (新增天津、重庆 / 北京张家口转为试点) each name
    # places the other text mentions.
    for mine, other in ((a, b), (b, a)):
        places = _unmentioned_headline_places(mine, other)
        # a provincial paper says 我省 for its own province and may never name it
        if places and not _OWN_PLACE.search(other.title + other.text):
            return PairDecision(False, 0.0, [*reasons, f"{'、'.join(places)} not mentioned in the other"])
    if _periods_differ(a, b):
        return PairDecision(
            False, 0.0, [*reasons, f"periods differ ({'、'.join(a.periods)} / {'、'.join(b.periods)})"]
        )
    # Both give several figures and few agree: the same release for another period
    # (1—5 月 vs 上半年) or the same company's other announcement, written from a template.
    if overlap.figures_disagree:
        return PairDecision(
            False, 0.0, [*reasons, f"figures disagree ({overlap.figure_agreement:.2f} agree)"]
        )
    # one text mostly inside the other: a rewrite, or a follow-up that adds little
    if cont >= 0.5:
        return PairDecision(True, cont, [*reasons, "most of the wording shared"])
    # an independent rewrite: the event's particulars (figures, title words) agree
    score = 1.5 * cont + 0.6 * title + 0.3 * min(shared_figures, 3)
    same = score >= 0.75 and cont >= 0.28
    if not same and shared_figures >= 2 and title >= 0.25 and (cont >= 0.12 or shared_figures >= 3):
        # a rewrite in other words that agrees on the headline and on several figures (on
        # three or more, however little wording it shares: 营收175亿元, 净利润超15亿元, …)
        same = True
        reasons.append("headline and figures agree")
    close_in_time = days_apart is not None and days_apart <= 3
    # Three precise figures in common within days (23.6%, 6.2%, 1.82万亿元): the same
    # release, whatever the headline leads with (the market's reaction, a local angle).
    precise = overlap.precise_figures
    if not same and close_in_time and precise >= 3:
        same = True
        reasons.append(f"{precise} precise figures in common")
    shared_particulars = a.particulars & b.particulars
    similarity = overlap.similarity
    reasons.append(f"word similarity {similarity:.2f}")
    headline_in_text = _headline_in_text(a, b)
    if (
        not same
        and (similarity >= 0.7 or (similarity >= 0.55 and close_in_time))
        and (shared_figures or shared_particulars)
        and headline_in_text >= 0.2
    ):
        # A rewrite in other words: the same rare words (names, places, terms of the
        # event), weighted by how rare they are in Chinese, and a figure, a day, a slogan
        # or a document in common.
        same = True
        reasons.append("same rare words and particulars")
    if not same and len(shared_particulars) >= 2 and title >= 0.25 and cont >= 0.15:
        # a rewrite that keeps the event's days, slogans or documents and its headline words
        same = True
        reasons.append(f"headline and particulars agree ({'、'.join(sorted(shared_particulars)[:3])})")
    if not same and close_in_time and similarity >= 0.45:
        # A rewrite that shares little wording, told apart from another event by who it is
        # about (the same organisations and platforms) and by the headline's words turning up
        # in the other text (a figure in common is not enough: a day's reports all quote the
        # day's express volume).
        shared_actors = a.actors & b.actors
        actor_overlap = len(shared_actors) / (min(len(a.actors), len(b.actors)) or 1)
        if actor_overlap >= 0.5 and headline_in_text >= 0.35:
            same = True
            reasons.append(
                f"same actors ({'、'.join(sorted(shared_actors)[:3])}) and similar words, days apart"
            )
    reasons.append(f"score {score:.2f}")
    weak = same and any(r.startswith(_WEAK_REASONS) for r in reasons)
    return PairDecision(same, score, reasons, weak=weak)


_WEAK_REASONS = ("same rare words and particulars", "same actors")
