"""Extractive condensation: keep whole sentences, in their original order and paragraphs,
within a target length, boilerplate dropped.

Which sentences first: those carrying the key figures and the title's subject, then the
opening sentence (news is written top-down), then the rest by how much of the title they
share. A paragraph whose last kept sentence ends in ； or ， is closed with 。 so the
result reads as prose.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from newsdesk.editorial import house
from newsdesk.editorial.boilerplate import strip_boilerplate
from newsdesk.text.figures import Figure, figures_in_sentence
from newsdesk.text.sentences import Sentence, join_sentences, split_sentences

DEFAULT_MIN_CHARS = 200
DEFAULT_MAX_CHARS = 600
# sentences that lean on a dropped predecessor read badly on their own
_DEPENDENT_OPENING = re.compile(
    r"^(?:此外|另外|同时|但是|但|而且|而|因此|所以|对此|为此|其中|这|该|他|她|它|他们|其)"
)
_QUESTION = re.compile(r"[？?]$")
# what a document requires or a release shows is the substance; background and asides less so
_SUBSTANCE = re.compile(r"(?:要求|明确|提出|规定|显示|数据显示|统计显示)")
_BACKGROUND = re.compile(r"(?:近年来|据了解|记者了解到|记者获悉|业内人士|有分析认为|此前|附近|周边)")
# One shop, one company, one person's words: colour in a feature, not the news a digest keeps.
_ANECDOTE = re.compile(
    r"(?:负责人(?:说|介绍|表示|告诉)|^[^。]{0,20}一(?:家|位|名|座)[^。]{0,24}(?:企业|公司|商家|门店|店主|卖家|仓库|负责人|主播)|"
    r"该企业|以[^。，]{1,12}为例|比如|例如|店主|老板|市民|^“[^”]{4,}”$|"
    r"(?:消费者|网友|居民|村民)[\u4e00-\u9fa5]{1,3}(?:说|告诉))"
)
# one person in a scene that opens a report (北京一家连锁便利店的店长说，…)
_SCENE_PERSON = re.compile(r"^[^。]{0,20}一(?:家|位|名)[^。]{0,24}(?:店长|员工|消费者|市民|顾客|居民)")
DEPENDENT_PENALTY = 0.5
FILL_BAR = 0.6
ANECDOTE_PENALTY = 1.0


@dataclass
class Condensed:
    body: str
    kept: list[Sentence]
    total_sentences: int
    removed_boilerplate: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    kind: str = ""
    # (sentence, why it went) for the sentences dropped as not the news
    dropped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def length(self) -> int:
        return len(self.body.replace("\n", ""))


_NOT_IN_BIGRAMS = re.compile(r"[\s，。！？；：、“”‘’（）《》【】,.!?;:()\"']")


def _bigrams(text: str) -> set[str]:
    t = _NOT_IN_BIGRAMS.sub("", text)
    return {t[i : i + 2] for i in range(len(t) - 1)}


def score_sentences(title: str, sentences: list[Sentence]) -> list[float]:
    title_grams = _bigrams(title)
    title_figures = {f.text.replace(" ", "") for f in figures_in_sentence(title)}
    scores: list[float] = []
    seen_paragraphs: set[int] = set()
    for s in sentences:
        score = 0.0
        figures = figures_in_sentence(s.text)
        if figures:
            score += 1.0 + 0.25 * min(len(figures), 4)
            if any(f.text.replace(" ", "") in title_figures for f in figures):
                score += 1.5
        grams = _bigrams(s.text)
        if title_grams and grams:
            shared = len(title_grams & grams)
            # how much of the title it covers, and how much of it is about the title
            score += 1.2 * shared / len(title_grams) + 0.8 * shared / len(grams)
        if s.index == 0:
            score += 2.0
        elif s.paragraph not in seen_paragraphs:
            score += 0.4  # a paragraph's opening sentence states its point
        seen_paragraphs.add(s.paragraph)
        if len(s.text) < 10:
            score -= 1.0
        if _SUBSTANCE.search(s.text):
            score += 0.4
        if _BACKGROUND.search(s.text):
            score -= 0.3
        if _ANECDOTE.search(s.text):
            score -= ANECDOTE_PENALTY
        if _QUESTION.search(s.text):
            score -= QUESTION_PENALTY
        # later sentences matter a little less, all else equal
        score -= 0.02 * s.index
        scores.append(score)
    return scores


def condense(
    title: str,
    text: str,
    min_chars: int = DEFAULT_MIN_CHARS,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Condensed:
    clean = strip_boilerplate(text)
    sentences = split_sentences(clean.text)
    figures = [f for s in sentences for f in figures_in_sentence(s.text)]
    if not sentences:
        return Condensed("", [], 0, clean.removed, figures)
    total = sum(len(s.text) for s in sentences)
    scores = score_sentences(title, sentences)
    # when everything fits, only what is clearly not worth it goes; otherwise the budget decides
    worth = 0.0 if total <= max_chars else 1.0
    chosen = _select(sentences, scores, min_chars, max_chars, worth)
    if not chosen:  # a single sentence longer than the whole budget: cut at a clause
        first = sentences[0]
        cut = first.text[:max_chars]
        m = max(cut.rfind("，"), cut.rfind("；"))
        cut = (cut[:m] if m > min_chars // 2 else cut).rstrip("，；、") + "。"
        kept = [Sentence(cut, first.paragraph, 0)]
        return Condensed(join_sentences(kept), kept, len(sentences), clean.removed, figures)
    kept = _close_paragraphs([sentences[i] for i in sorted(chosen)])
    return Condensed(join_sentences(kept), kept, len(sentences), clean.removed, figures)


def _select(
    sentences: list[Sentence], scores: list[float], min_chars: int, max_chars: int, worth: float
) -> set[int]:
    """Greedy by score within the budget. A sentence that leans on its predecessor (该项目…,
    此外…) is worth less unless that predecessor is kept, so this is re-evaluated per pick."""
    dependent = [bool(_DEPENDENT_OPENING.match(s.text)) for s in sentences]
    chosen: set[int] = set()
    length = 0
    remaining = set(range(len(sentences)))
    while remaining:

        def effective(i: int) -> float:
            leans = dependent[i] and (
                i == 0 or (i - 1) not in chosen or sentences[i - 1].paragraph != sentences[i].paragraph
            )
            return scores[i] - (DEPENDENT_PENALTY if leans else 0.0)

        best = max(remaining, key=lambda i: (effective(i), -i))
        remaining.discard(best)
        n = len(sentences[best].text)
        if length + n > max_chars:
            continue
        # Past the floor, fill toward the middle of the range with what is not clearly
        # poor (editors' items sit there, not at the floor); beyond it, only what is worth it.
        if length >= min_chars:
            bar = worth if length >= (min_chars + max_chars) / 2 else min(worth, FILL_BAR)
            if effective(best) < bar:
                continue
        chosen.add(best)
        length += n
    return chosen


def _close_paragraphs(kept: list[Sentence]) -> list[Sentence]:
    out = list(kept)
    for i, s in enumerate(out):
        last_of_paragraph = i == len(out) - 1 or out[i + 1].paragraph != s.paragraph
        if last_of_paragraph and s.text.endswith(("；", "，", ";", ",")):
            out[i] = Sentence(s.text[:-1] + "。", s.paragraph, s.index)
    return out


# --- the house's way: length by kind of item, the lead and the facts kept ----------------------

NOT_DATA_PENALTY = 1.0  # a data release's sentence without a figure
QUESTION_PENALTY = 0.5
LEAD_PARAGRAPH_BONUS = 0.6
LEAD_FIRST = 100.0


def units_of(sentences: list[Sentence]) -> list[Sentence]:
    """Sentences with a list joined by ； kept as one unit (a list is never cut in half)."""
    units: list[Sentence] = []
    for s in sentences:
        if units and units[-1].paragraph == s.paragraph and units[-1].text.endswith(("；", ";")):
            units[-1] = Sentence(units[-1].text + s.text, s.paragraph, units[-1].index)
        else:
            units.append(Sentence(s.text, s.paragraph, len(units)))
    return units


def condense_item(
    title: str,
    text: str,
    date: dt.date | None = None,
    lengths: tuple[int, int] | None = None,
    kind: str | None = None,
) -> Condensed:
    """Condense one report as the house does: the kind of item (``house.classify_kind``)
    sets the length unless ``lengths`` overrides it; the lead stays; sentences that are
    not the news (background, appeals, citations, reminders, disclaimers) go at any
    length; ；-lists stay whole; 今日/昨日 become the report's date."""
    clean = strip_boilerplate(text)
    sentences = split_sentences(clean.text)
    figures = [f for s in sentences for f in figures_in_sentence(s.text)]
    kind = kind or house.classify_kind(title, clean.text).kind
    if not sentences:
        return Condensed("", [], 0, clean.removed, figures, kind)
    first = sentences[0]
    sentences[0] = Sentence(house.strip_lead_marker(first.text), first.paragraph, first.index)
    units = units_of(sentences)
    total = sum(len(u.text) for u in units)
    low, high = lengths or house.target_length(kind, total)
    reasons = [house.filler_reason(u.text, kind) for u in units]
    # an aside or background that opens a paragraph makes the paragraph so (事实上，… and
    # what follows; 近年来，… and the figures of those years)
    opened_by = {
        u.paragraph: reasons[i]
        for i, u in enumerate(units)
        if reasons[i] in _OPENS_A_PARAGRAPH
        and (i == 0 or units[i - 1].paragraph != u.paragraph)
        and u.paragraph > 0
    }
    reasons = [
        r
        or (
            None
            if kind == house.DATA and figures_in_sentence(u.text)  # a release's figures stay
            else opened_by.get(u.paragraph)
        )
        for u, r in zip(units, reasons, strict=True)
    ]
    # the opening states the news: it goes only as a disclaimer or a notice, or as a scene
    # set before the news in that paragraph or the next — a quotation, an anecdote, background
    # without a fact (今年以来，… 记者从…获悉，…; “过去是…” 一家店的店长说，… 6月13日，…显示)
    scenes = 0
    if kind != house.COMMENTARY:
        while (
            scenes < min(3, len(units) - 1)
            and reasons[scenes] in (None, "background", "quotation")
            and (
                _ANECDOTE.search(units[scenes].text)
                or _SCENE_PERSON.search(units[scenes].text)
                or (reasons[scenes] is not None and not figures_in_sentence(units[scenes].text))
                # what leans on the scene (“到2027年…” 这是…的目标。) goes with it
                or (scenes and _DEPENDENT_OPENING.match(units[scenes].text) and reasons[scenes] is None)
            )
        ):
            scenes += 1
        following = next((i for i in range(scenes, len(units)) if reasons[i] is None), None)
        if scenes and (following is None or units[following].paragraph > units[0].paragraph + 1):
            scenes = 0  # the news is not right after: the opening stays
        for i in range(scenes):
            reasons[i] = reasons[i] or "scene"
    lead = next(
        (
            i
            for i, r in enumerate(reasons)
            if r is None or (i == 0 and r not in house.ALWAYS_FILLER and not scenes)
        ),
        0,
    )
    reasons[lead] = None
    if lead > 0:  # the news opens here: its outlet's or reporter's marker goes
        u = units[lead]
        units[lead] = Sentence(house.strip_lead_marker(u.text), u.paragraph, u.index)
    scores = score_sentences(title, units)
    if kind == house.COMMENTARY:  # a commentator's questions are the argument
        scores = [
            sc + (QUESTION_PENALTY if _QUESTION.search(u.text) else 0.0)
            for u, sc in zip(units, scores, strict=True)
        ]
    if kind == house.DATA:
        scores = [
            sc - (NOT_DATA_PENALTY if i != lead and not figures_in_sentence(u.text) else 0.0)
            for i, (u, sc) in enumerate(zip(units, scores, strict=True))
        ]
    dropped = [(u.text, r) for u, r in zip(units, reasons, strict=True) if r is not None]
    candidates = [i for i, r in enumerate(reasons) if r is None and i != lead]
    if len(units[lead].text) > high:
        cut = _cut_at_clause(units[lead].text, low, high)
        kept = [Sentence(house.absolute_dates(cut, date), units[lead].paragraph, 0)]
        return Condensed(join_sentences(kept), kept, len(sentences), clean.removed, figures, kind, dropped)
    if kind == house.GOVERNMENT and lengths is None:  # a document is kept whole, lists and all
        high = max(high, min(house.MAX_DOCUMENT, total - sum(len(t) for t, _ in dropped)))
    if kind in (house.COMPANY, house.OTHER):  # the lead's paragraph is the news
        scores = [
            sc + (LEAD_PARAGRAPH_BONUS if u.paragraph == units[lead].paragraph else 0.0)
            for u, sc in zip(units, scores, strict=True)
        ]
        # what the announced thing is and does (该工具可…, 根据新政策，…) is the news; a
        # spokesman's quoted remark is colour
        scores = [
            sc
            + (WHAT_IT_IS_BONUS if _WHAT_IT_IS.match(u.text) else 0.0)
            - (QUOTED_REMARK_PENALTY if _QUOTED_REMARK.search(u.text) else 0.0)
            for u, sc in zip(units, scores, strict=True)
        ]
    # the lead goes first (so a sentence leaning on it, 这是…, is not penalised), then the rest
    pool = sorted([lead, *candidates])
    worth = 0.0 if total - sum(len(t) for t, _ in dropped) <= high else 1.0
    if kind == house.GOVERNMENT and lengths is None:
        worth = float("-inf")
    chosen_pool = _select(
        [units[i] for i in pool],
        [scores[i] + (LEAD_FIRST if i == lead else 0.0) for i in pool],
        low,
        high,
        worth,
    )
    chosen = {lead, *(pool[j] for j in chosen_pool)}
    if kind == house.COMMENTARY and lengths is None:
        chosen = _whole_paragraphs(units, scores, lead, candidates, high)
    order = sorted(chosen)
    texts = [house.absolute_dates(units[i].text, date) for i in order]
    if kind in house.ONE_PARAGRAPH:  # a brief item drops the padding of the report's sentences
        texts = [house.trim_opening(t) if i != lead else t for i, t in zip(order, texts, strict=True)]
    texts = house.spell_out(texts, clean.text)
    kept = _close_paragraphs(
        [Sentence(t, units[i].paragraph, units[i].index) for i, t in zip(order, texts, strict=True)]
    )
    if kind in house.ONE_PARAGRAPH:  # a brief item reads as one paragraph
        kept = [Sentence(s.text, 0, s.index) for s in kept]
    return Condensed(join_sentences(kept), kept, len(sentences), clean.removed, figures, kind, dropped)


WHAT_IT_IS_BONUS = 1.0
QUOTED_REMARK_PENALTY = 1.0
_WHAT_IT_IS = re.compile(
    r"^(?:该|新)(?:工具|功能|产品|服务|标准|政策|规则|计划|项目|系统|平台|模式|门店|店|仓库?|中心|码|机制|措施|方案)|"
    r"^(?:根据|按照)(?:新)?(?:政策|标准|规则|规定|计划|方案|安排)[，,]"
)
_QUOTED_REMARK = re.compile(r"“[^”]{12,}”[。！]?$|^“[^”]{12,}”[^。“]{0,12}(?:表示|说)")


# what, opening a paragraph, makes the whole paragraph not the news
_OPENS_A_PARAGRAPH = ("aside", "background")


def _cut_at_clause(text: str, low: int, high: int) -> str:
    cut = text[:high]
    m = max(cut.rfind("，"), cut.rfind("；"))
    return (cut[:m] if m > low // 2 else cut).rstrip("，；、") + "。"


def _whole_paragraphs(
    units: list[Sentence], scores: list[float], lead: int, candidates: list[int], high: int
) -> set[int]:
    """Commentary keeps the paragraphs of its argument (a point and its reasons read
    together), the opening first, then the most argued within the length; the reporting
    and anecdotes inside them go (``house.argument_score``); asides and citations are
    already out."""
    argued = {i: house.argument_score(units[i].text) for i in [lead, *candidates]}
    first = units[lead].paragraph
    # a paragraph that opens with reporting or an anecdote is reporting (据了解，… and what
    # follows); the opening paragraph sets the scene, facts and all
    opens_reporting = {
        units[i].paragraph
        for i in candidates
        if argued[i] <= -1.0
        and units[i].paragraph != first
        and (i == 0 or units[i - 1].paragraph != units[i].paragraph)
    }
    paragraphs: dict[int, list[int]] = {}
    for i in [lead, *candidates]:
        p = units[i].paragraph
        if p == first or (argued[i] > -1.0 and p not in opens_reporting):
            paragraphs.setdefault(p, []).append(i)
    after_first = min((p for p in paragraphs if p > first), default=None)

    def worth(p: int) -> float:
        members = paragraphs[p]
        bonus = 10.0 if p == first else 0.5 if p == after_first else 0.0  # the scene, then the problem
        # its strongest point and how argued it is throughout
        return bonus + max(argued[i] for i in members) + 0.5 * sum(argued[i] for i in members) / len(members)

    chosen: set[int] = set()
    length = 0
    for p in sorted(paragraphs, key=lambda p: (-worth(p), p)):
        n = sum(len(units[i].text) for i in paragraphs[p])
        if length + n <= high and (worth(p) >= 0 or length < 0.6 * high):
            chosen.update(paragraphs[p])
            length += n
    return chosen or {lead}
