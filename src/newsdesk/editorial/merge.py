"""A cluster as one item: a reprint credits its lead, a merged item is 编辑部整理.

The editor writes one item from several reports when the others add facts the lead lacks
(another company's figures, the next day's numbers, a second agency's side). Such a
cluster is a merged item: credited to the office (编辑部整理), its text the lead's
condensation, shortened, followed by the other reports' facts — units carrying figures
not in the lead and not near-duplicates of a lead sentence. A cluster whose other
reports only repeat the lead (reprints, rewrites) keeps crediting the lead's outlet.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsdesk.editorial import house
from newsdesk.editorial.condense import Condensed, condense_item, score_sentences, units_of
from newsdesk.text.figures import figures_in_sentence
from newsdesk.text.sentences import Sentence, split_sentences

# a unit sharing this much of its character bigrams with a lead sentence repeats it
NEAR_DUPLICATE = 0.5
# figures a fact must add: a unit whose figures all appear in the lead adds nothing
MAX_ADDED_PER_REPORT = 2
# another report, not a rewrite: this many facts the lead lacks, this share of what it states
MIN_NEW_FACTS = 2
NEW_SHARE = 0.5


@dataclass(frozen=True)
class Report:
    title: str
    text: str  # boilerplate already stripped or not: condensing strips it again
    outlet: str | None = None
    date: dt.date | None = None


@dataclass
class MergedItem:
    body: str
    merged: bool
    added: list[str] = field(default_factory=list)  # the other reports' facts taken
    reasons: list[str] = field(default_factory=list)


def _grams(text: str) -> set[str]:
    t = re.sub(r"[\s，。！？；：、“”‘’（）《》【】,.!?;:()\"']", "", text)
    return {t[i : i + 2] for i in range(len(t) - 1)}


_DAY = re.compile(r"\d{1,2}月\d{1,2}日")
_COUNT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(万亿|亿|万|千)?([\u4e00-\u9fa5])(?<![年月日号时分秒])")
_MAGNITUDE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}


def _facts(text: str) -> list[tuple[float | str, str]]:
    """The figures (value, unit) and days a text states: what a fact adds."""
    out: list[tuple[float | str, str]] = [
        (f.value, f.unit.replace("个百分点", "百分点"))
        for f in figures_in_sentence(text)
        if f.value is not None
    ]
    # counts in any measure word the figure extractor does not know (30班, 8条线路)
    for number, magnitude, unit in _COUNT.findall(text):
        value = float(number) * _MAGNITUDE.get(magnitude, 1)
        if (value, unit) not in out:
            out.append((value, unit))
    return out + [(d, "day") for d in dict.fromkeys(_DAY.findall(text))]


def _known(fact: tuple[float | str, str], known: list[tuple[float | str, str]]) -> bool:
    """Stated in the lead too: the same day, or the same unit and a value within 5% (a
    rewrite rounds 279.5亿元 to 近280亿元)."""
    value, unit = fact
    for v, u in known:
        if u != unit:
            continue
        if isinstance(value, str) or isinstance(v, str):
            if value == v:
                return True
        elif v == value or (v and abs(value - v) <= 0.05 * abs(v)):
            return True
    return False


def tells_more(lead_text: str, other_text: str) -> bool:
    """Another report rather than a rewrite: most of what it states (figures, days) is not
    in the lead, and at least ``MIN_NEW_FACTS`` of it. A rewrite repeats the lead's
    figures and adds a detail or two."""
    known = _facts(lead_text)
    stated = _facts(other_text)
    new = [f for f in stated if not _known(f, known)]
    return len(new) >= MIN_NEW_FACTS and len(new) >= NEW_SHARE * len(stated)


def added_facts(lead_text: str, other: Report, kind: str) -> list[Sentence]:
    """The other report's units that carry figures or days the lead lacks and repeat no
    lead sentence."""
    lead_units = [_grams(u.text) for u in units_of(split_sentences(lead_text))]
    lead_facts = _facts(lead_text)
    units = units_of(split_sentences(house.strip_lead_marker(other.text.strip())))
    out = []
    for u in units:
        if house.filler_reason(u.text, kind) is not None:
            continue
        facts = _facts(u.text)
        if not facts or all(_known(f, lead_facts) for f in facts):
            continue
        grams = _grams(u.text)
        if not grams or any(len(grams & g) / len(grams) >= NEAR_DUPLICATE for g in lead_units):
            continue
        out.append(u)
    return out


def merge_cluster(
    lead: Report,
    others: Sequence[Report],
    lead_condensed: Condensed | None = None,
    lengths: tuple[int, int] | None = None,
) -> MergedItem:
    """The item's text for a cluster, and whether it is a merged item (编辑部整理)."""
    lead_condensed = lead_condensed or condense_item(lead.title, lead.text, lead.date, lengths)
    kind = lead_condensed.kind
    contributions: list[tuple[Report, list[Sentence]]] = []
    seen_outlets = {lead.outlet}
    for other in others:
        if other.outlet in seen_outlets and other.outlet is not None and other.outlet == lead.outlet:
            continue  # the lead's own outlet again: an update, not another report
        facts = added_facts(lead.text, other, kind) if tells_more(lead.text, other.text) else []
        if facts:
            contributions.append((other, facts))
            seen_outlets.add(other.outlet)
    if not contributions or kind in (house.COMMENTARY, house.GOVERNMENT):
        return MergedItem(lead_condensed.body, False, [], ["the other reports repeat the lead"])
    combined = len(lead.text) + sum(len(o.text) for o in others)
    budget = int(max(230, min(300, 0.3 * combined)))
    if lengths:
        budget = max(budget, lengths[1])
    # the lead, shorter, then each report's new facts in its own paragraph
    lead_part = condense_item(
        lead.title, lead.text, lead.date, (int(budget * 0.45), int(budget * 0.62)), kind
    )
    paragraphs = [lead_part.body]
    length = lead_part.length
    added: list[str] = []
    reasons = []
    taken_grams = [_grams(s.text) for s in lead_part.kept]
    for other, facts in contributions:
        scores = score_sentences(lead.title, facts)
        order = sorted(range(len(facts)), key=lambda i: (-scores[i], i))
        picked: list[int] = []
        for i in order:
            text = facts[i].text
            grams = _grams(text)
            if any(len(grams & g) / max(1, len(grams)) >= NEAR_DUPLICATE for g in taken_grams):
                continue
            if length + len(text) > budget or len(picked) >= MAX_ADDED_PER_REPORT:
                continue
            picked.append(i)
            taken_grams.append(grams)
            length += len(text)
        if picked:
            text = "".join(
                house.trim_opening(house.absolute_dates(facts[i].text, other.date)) for i in sorted(picked)
            )
            if text.endswith(("；", ";", "，")):
                text = text[:-1] + "。"
            paragraphs.append(text)
            added += [facts[i].text for i in sorted(picked)]
            reasons.append(f"facts from {other.outlet or 'another report'}: {len(picked)}")
    if not added:
        return MergedItem(lead_condensed.body, False, [], ["the other reports' facts did not fit"])
    # the others added little: the lead's part takes the room they left
    room = budget - (length - lead_part.length)
    if length < 0.85 * budget and room > lead_part.length:
        longer = condense_item(lead.title, lead.text, lead.date, (int(room * 0.8), room), kind)
        lead_grams = [_grams(s.text) for s in longer.kept]
        repeated = {
            t
            for t in added
            if any(len(_grams(t) & g) / max(1, len(_grams(t))) >= NEAR_DUPLICATE for g in lead_grams)
        }
        if not repeated:
            paragraphs[0] = longer.body
    return MergedItem("\n".join(paragraphs), True, added, reasons)
