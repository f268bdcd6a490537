"""The attribution line (来源 … 编选 … date): parse every printed variant, print the house one.

Variants seen in one issue (see format.md)::

    来源：《国际商报》 编选：《电子商务动态》编辑部 2022 年 06 月 28 日
    来源：“人民网” 编选：《电子商务动态》编辑部 2022 年 06 月 26 日
    来源：“中国经济网”编选：《电子商务动态》编辑部 2022 年 06 月 29 日
    来源：《电子商务动态》编辑部整理 2022 年 06 月 21 日
    来源：“新华社”2022 年 06 月 23 日
"""

from __future__ import annotations

import datetime as dt
import re

from newsdesk.issue.model import Attribution

_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}"

_QUOTED = r"(?:《[^》]{1,40}》|“[^”]{1,40}”|\"[^\"]{1,40}\"|「[^」]{1,40}」)"
_ATTRIBUTION = re.compile(
    r"来源\s*[：:]\s*"
    r"(?:"
    # 《电子商务动态》编辑部整理: the office wrote the item itself
    r"(?P<compiled_office>(?:《[^》]{1,40}》)?[^\s《》“”\"]{0,12}编辑部)\s*整理"
    r"|"
    rf"(?P<outlet>{_QUOTED}(?:\s*[、，,和及]\s*{_QUOTED})*|[^\s《》“”\"「」：:]{{1,30}}?)"
    r"\s*(?:编选\s*[：:]\s*(?P<office>\S.{0,40}?))?"
    r")"
    rf"\s*(?P<date>{_DATE})?\s*$"
)

# Where an attribution may begin inside a line: at its start, or glued after the body's last
# sentence ("……最后一句。                来源：…"). "数据来源：" inside a sentence is not one.
_ATTRIBUTION_START = re.compile(r"(?:^|(?<=[。！？!?；;…”’」』）)\]\s]))\s*来源\s*[：:]")

_MARKS = {"《": ("《", "》"), "“": ("“", "”"), '"': ("“", "”"), "「": ("“", "”")}

# Outlets printed in 《》 are newspapers and magazines; websites and agencies are in “”.
_PERIODICAL_SUFFIXES = ("报", "刊", "杂志", "周刊", "月刊", "日报", "晚报", "导报", "时报", "画报", "报道")


def parse_date(text: str) -> dt.date | None:
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if len(numbers) != 3:
        return None
    try:
        return dt.date(*numbers)
    except ValueError:
        return None


def find_attribution(line: str) -> tuple[str, Attribution] | None:
    """Find an attribution at the end of ``line``.

    Returns the text before it (the body's last words when glued, else "") and the
    attribution, or None when the line carries none.
    """
    if "来源" not in line:  # the common case, decided without a regex
        return None
    for start in _ATTRIBUTION_START.finditer(line):
        candidate = line[start.start() :].strip()
        match = _ATTRIBUTION.fullmatch(candidate)
        if not match:
            continue
        attribution = _from_match(match)
        prefix = line[: start.start()].strip()
        # A bare "来源：X" with neither 编选 nor a date is too weak a signal inside a body
        # (a data note, a quotation); accept it only alone on its line with quotes.
        has_anchor = match.group("date") or match.group("office") or match.group("compiled_office")
        if not has_anchor and (prefix or not attribution.outlet_mark):
            continue
        return prefix, attribution
    return None


def _from_match(match: re.Match[str]) -> Attribution:
    date = parse_date(match.group("date")) if match.group("date") else None
    if match.group("compiled_office"):
        return Attribution(
            office_compiled=True,
            editorial_office=_squash(match.group("compiled_office")),
            date=date,
        )
    outlet_text = match.group("outlet").strip()
    mark = None
    if outlet_text[0] in _MARKS:
        mark = "".join(_MARKS[outlet_text[0]])
        # One or more quoted outlets ("“新华网”、“人民网”"): keep the names, drop the marks.
        outlet_text = "、".join(q[1:-1].strip() for q in re.findall(_QUOTED, outlet_text))
    office = match.group("office")
    return Attribution(
        outlet=outlet_text or None,
        outlet_mark=mark,
        editorial_office=_squash(office) if office else None,
        date=date,
    )


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def default_outlet_mark(outlet: str) -> str:
    return "《》" if outlet.endswith(_PERIODICAL_SUFFIXES) else "“”"


# The house dates items by the original report's day in China, whatever zone it was stored in.
CHINA_TIME = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")


def report_date(published_at: dt.datetime | None, fallback: dt.date) -> dt.date:
    """The date an attribution line prints: the day the source published the report (China
    time); ``fallback`` (the day newsdesk saw it) only when the source gave no date."""
    if published_at is None:
        return fallback
    if published_at.tzinfo is None:  # stored in UTC; SQLite returns it naive
        published_at = published_at.replace(tzinfo=dt.UTC)
    return published_at.astimezone(CHINA_TIME).date()


def house_date(date: dt.date) -> str:
    return f"{date.year} 年 {date.month:02d} 月 {date.day:02d} 日"


def attribution_line(attribution: Attribution) -> str:
    """The attribution line in the house format, choosing the variant the data calls for."""
    date = f" {house_date(attribution.date)}" if attribution.date else ""
    if attribution.office_compiled:
        office = attribution.editorial_office or "编辑部"
        return f"来源：{office}整理{date}"
    if attribution.outlet:
        names = attribution.outlet.split("、")  # several outlets, each in its own marks
        marks = [attribution.outlet_mark or default_outlet_mark(names[0])]
        marks += [default_outlet_mark(name) for name in names[1:]]
        outlet = "、".join(f"{m[0]}{name}{m[1]}" for m, name in zip(marks, names, strict=True))
    else:
        outlet = ""
    if attribution.editorial_office:
        return f"来源：{outlet} 编选：{attribution.editorial_office}{date}"
    # The house prints this variant with the date right after the closing quote.
    return f"来源：{outlet}{date.lstrip()}"
