"""Key figures of a report: amounts with units, counts, shares and changes, each with its
period, the sentence it came from and what it measures (its subject).

``value`` is normalised (六千九百五十九亿元 → 695900000000.0, unit 元) but ``text`` always
keeps the original wording, which is what an editor quotes.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache

from newsdesk.editorial.sentences import Sentence, split_sentences

_AR = r"\d+(?:[,，]\d{3})*(?:\.\d+)?"
_CN = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
_NUMBER = rf"(?:{_AR}|{_CN})"
_MAGNITUDE = r"(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千)"
_CURRENCY = r"(?:元人民币|人民币|元|美元|欧元|日元|英镑|港元|港币|韩元|卢布)"
_COUNTER = r"(?:平方米|平方公里|公里|千瓦时|吨|个(?!月|百分点|工作日|小时)|家|笔|票|件|单|户|人次|人|名|辆|台|部|套|款|座|次|场|条|批|架|艘|亩)"
_APPROX = r"(?:近|约|超过|超|逾|达|突破|不足|将近|接近|大约|多达|高达|仅)?"

AMOUNT = re.compile(
    rf"(?P<num>{_NUMBER})\s*(?P<mag>{_MAGNITUDE})?\s*(?:多|余)?\s*(?P<unit>{_CURRENCY}|{_COUNTER})"
    rf"|(?P<num2>{_NUMBER})\s*(?P<mag2>{_MAGNITUDE})(?:多|余)?(?![\u4e00-\u9fa5]*?[年月日])"
)
PERCENT = re.compile(
    rf"(?P<num>{_AR})\s*[%％]|百分之(?P<cn>{_CN}|{_AR})|(?P<pp>{_NUMBER})\s*个百分点|(?P<cheng>[一二三四五六七八九]|{_AR})\s*成(?=[，。；、以左的])"
)
CHANGE = re.compile(
    r"(?P<dir>同比|环比|比上年|较上年|比去年同期|较去年同期|比上年同期|较上月|比上月|年均|两年平均)?\s*"
    r"(?P<verb>增长|增加|上升|提升|提高|下降|减少|下滑|回落|扩大|缩小|增速为|增幅为|降幅为|增速|增幅|降幅)了?\s*"
    rf"{_APPROX}\s*(?P<amount>{_AR}\s*[%％]|{_NUMBER}\s*个百分点|{_NUMBER}\s*倍|一番|两位数)"
)
_PERIOD = re.compile(
    r"(?:截至|截止|截止到|到|至)\s*(?:\d{4}\s*年|今年|去年|本月|上月)?\s*(?:\d{1,2}\s*月)?\s*(?:\d{1,2}\s*日|底|末)"
    r"|(?:到|至)\s*\d{4}\s*年(?:底|末)?"
    r"|\d{4}\s*年\s*(?:至|到|—|-|～)\s*\d{4}\s*年"
    r"|(?:\d{4}\s*年|今年|去年|上年|明年)?\s*(?:(?:第?[一二三四1-4]\s*季度)|(?:上|下)半年|前\s*[0-9一二三四五六七八九十]{1,2}\s*(?:个)?月|\d{1,2}\s*[-—至到]\s*\d{1,2}\s*月|\d{1,2}\s*月(?:份)?|全年)"
    r"|\d{4}\s*年(?:度)?"
    r"|(?:今年|去年|上年)(?:以来)?"
    r"|(?:十四五|“十四五”)(?:期间|时期)?"
)
_MAG_VALUE = {
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "十亿": 1e9,
    "亿": 1e8,
    "千万": 1e7,
    "百万": 1e6,
    "十万": 1e5,
    "万": 1e4,
    "千": 1e3,
}
# Words between a subject and its number that are not part of the subject.
_VERB_TAIL = re.compile(
    r"(?:首次|已经|已|将|预计|累计|共计|共|约|近|超过|超|逾|突破|达到|达|为|是|增长到|增长至|增至|增长|提升至|提高到|"
    r"提高至|上升至|下降至|降至|实现|完成|至|到|了|有|分别|同比|环比|比上年|较上年|从|由|以上|左右|占比|占|接近|不足|多达|高达|仅)+$"
)
_SUBJECT_HEAD = re.compile(
    r"^(?:其中|此外|同时|另外|而|且|并|和|及|与|据|根据|数据显示|统计显示|显示|表示|我国的|全国的)+"
)
_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？、（）()“”]")
_YEARISH = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class Figure:
    text: str  # the original wording, e.g. "六千九百五十九亿元", "同比增长 12.0%"
    kind: str  # amount | count | percent | change
    value: float | None  # normalised: 695900000000.0 for 六千九百五十九亿元; 12.0 for 12.0%
    unit: str  # 元, 美元, 人, 个, %, 个百分点, 倍 ...; "" for a bare 万/亿
    period: str | None  # 2021 年, 一季度, 截至今年 5 月底, 到 2025 年
    subject: str | None  # what is measured: 网上零售额, 5G 基站数
    sentence: str

    def as_dict(self) -> dict:
        return asdict(self)


def parse_number(text: str) -> float | None:
    """Arabic or Chinese numerals to float; None when it cannot be read."""
    t = text.replace(",", "").replace("，", "").strip()
    try:
        return float(t)
    except ValueError:
        pass
    from cn2an import cn2an  # half a second to import: only for Chinese numerals

    try:
        return float(cn2an(t, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def _is_plain_chinese_word(num: str) -> bool:
    # 一 / 十 / 两 alone are usually words (一家, 两个, 十分), not figures; keep 三十五, 六千九百.
    return bool(re.fullmatch(_CN, num)) and len(num) < 2


def extract_figures(text: str, title: str = "") -> list[Figure]:
    """Figures of every sentence of ``text`` (and the title, when it carries one)."""
    figures: list[Figure] = []
    if title:
        figures.extend(figures_in_sentence(title))
    last_period: tuple[int, str] | None = None
    for s in split_sentences(text):
        for f in figures_in_sentence(s.text):
            # a period stated earlier in the paragraph still holds: "2021 年，…；移动支付…"
            if f.period is None and last_period and last_period[0] == s.paragraph:
                f = Figure(f.text, f.kind, f.value, f.unit, last_period[1], f.subject, f.sentence)
            if f.period:
                last_period = (s.paragraph, f.period)
            figures.append(f)
    return figures


_ANY_NUMBER = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿%％倍]")


def figures_in_sentence(sentence: str | Sentence) -> list[Figure]:
    s = sentence.text if isinstance(sentence, Sentence) else sentence
    if not _ANY_NUMBER.search(s):
        return []
    # analysis, clustering, columns and condensation all ask about the same sentences
    return list(_figures_in_sentence(s))


@lru_cache(maxsize=50_000)
def _figures_in_sentence(s: str) -> tuple[Figure, ...]:
    found: list[tuple[int, int, Figure]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in CHANGE.finditer(s):
        amount = m.group("amount")
        value: float | None
        if amount.endswith(("%", "％")):
            value, unit = parse_number(amount.rstrip("%％").strip()), "%"
        elif amount.endswith("个百分点"):
            value, unit = parse_number(amount[:-4].strip()), "个百分点"
        elif amount.endswith("倍"):
            value, unit = parse_number(amount[:-1].strip()), "倍"
        else:
            value, unit = None, amount
        if (
            m.group("verb") in ("下降", "减少", "下滑", "回落", "缩小", "降幅", "降幅为")
            and value is not None
        ):
            value = -value
        start = m.start("verb") if m.group("dir") is None else m.start("dir")
        found.append((start, m.end(), _figure(s, start, m.end(), m.group(0).strip(), "change", value, unit)))
        taken.append((start, m.end()))
    for m in PERCENT.finditer(s):
        if not free(m.start(), m.end()):
            continue
        if m.group("num"):
            value, unit = parse_number(m.group("num")), "%"
        elif m.group("cn"):
            value, unit = parse_number(m.group("cn")), "%"
        elif m.group("pp"):
            value, unit = parse_number(m.group("pp")), "个百分点"
        else:
            v = parse_number(m.group("cheng"))
            value, unit = (v * 10 if v is not None else None), "%"
        found.append(
            (m.start(), m.end(), _figure(s, m.start(), m.end(), m.group(0).strip(), "percent", value, unit))
        )
        taken.append((m.start(), m.end()))
    for m in AMOUNT.finditer(s):
        if not free(m.start(), m.end()):
            continue
        num = m.group("num") or m.group("num2")
        mag = m.group("mag") or m.group("mag2")
        unit = m.group("unit") or ""
        if _is_plain_chinese_word(num) and not mag:
            continue
        if _YEARISH.match(num) and not mag and unit in ("", "次"):
            continue
        # 十四五 and similar plan names are not amounts
        base = parse_number(num)
        if base is None:
            continue
        value = base * _MAG_VALUE.get(mag or "", 1.0)
        kind = "amount" if re.fullmatch(_CURRENCY, unit or "-") else "count"
        unit = "元" if unit in ("元人民币", "人民币") else unit
        found.append(
            (m.start(), m.end(), _figure(s, m.start(), m.end(), m.group(0).strip(), kind, value, unit))
        )
        taken.append((m.start(), m.end()))
    found.sort(key=lambda t: t[0])
    out: list[Figure] = []
    previous_subject: str | None = None
    for _, _, f in found:
        if f.subject is None and previous_subject:
            f = Figure(f.text, f.kind, f.value, f.unit, f.period, previous_subject, f.sentence)
        previous_subject = f.subject or previous_subject
        out.append(f)
    return tuple(out)


def _figure(s: str, start: int, end: int, text: str, kind: str, value: float | None, unit: str) -> Figure:
    return Figure(
        text=text,
        kind=kind,
        value=value,
        unit=unit,
        period=_period_before(s, start),
        subject=_subject_before(s, start),
        sentence=s,
    )


def _period_before(s: str, start: int) -> str | None:
    """The nearest period expression before the figure in its sentence, else the first after."""
    best: str | None = None
    for m in _PERIOD.finditer(s):
        if m.start() >= start:
            break
        text = m.group(0).strip()
        if text:
            best = text
    if best is None:
        for m in _PERIOD.finditer(s, start):
            if m.group(0).strip():
                return m.group(0).strip()
    return best


def _subject_before(s: str, start: int) -> str | None:
    head = s[:start]
    # the clause the figure sits in
    parts = _CLAUSE_BREAK.split(head)
    clause = parts[-1] if parts else head
    clause = _PERIOD.sub("", clause).strip()
    # a headline runs two figures together: "规模超 45 万亿元 占 GDP 比重"
    clause = re.split(rf"{_NUMBER}\s*{_MAGNITUDE}?\s*(?:{_CURRENCY}|{_COUNTER}|[%％])\s+", clause)[-1]
    # 规模从 11 万亿元增长到 45 万亿元: the subject is what precedes 从/由
    clause = re.split(r"(?:从|由)\s*[0-9零〇一二两三四五六七八九十]", clause)[0].strip()
    for _ in range(4):
        clause = _VERB_TAIL.sub("", clause).strip()
        clause = _SUBJECT_HEAD.sub("", clause).strip()
    clause = re.sub(r"^(?:年|月|日|底|末|起|以来|期间|的)+", "", clause).strip()
    if len(clause) < 2 or len(clause) > 30:
        return None
    return clause


def figure_density(text: str, figures: list[Figure]) -> float:
    """Figures per 100 characters: what makes a report a 数据观察 item."""
    length = max(len(text), 1)
    return 100.0 * len(figures) / length
