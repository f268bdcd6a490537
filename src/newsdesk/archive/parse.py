"""Parse the text of one digest issue into items.

The text may come from a PDF text layer (wrapped visual lines, page-break artifacts, blank
lines between lines) or from a plain text file (a paragraph per line). Items are found by
the column headers (【行业资讯】) and the attribution lines that close them; book notices
(悦读电商) have no attribution and are found by their 内容简介 marker instead.

Paragraphs are rebuilt from visual lines using the signals the text offers, best first:

1. pdftotext ends the last line of each text block (title, paragraph) with a space, and
   wrapped lines inside a block without one;
2. a larger vertical gap (more blank lines than usual) separates blocks;
3. indentation (full-width or two ASCII spaces) starts a paragraph;
4. otherwise line widths: a line ending a sentence that is shorter than a full line ends
   its paragraph. Text with a paragraph per line is recognised and kept as it is.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from newsdesk.issue.attribution import find_attribution
from newsdesk.issue.model import Attribution, Issue, Item, Publication, UnplacedText
from newsdesk.text.normalize import clean_text, display_width, join_lines, tidy_spaces


class IssueFormatError(ValueError):
    """The text is not a digest issue we can parse (no column headers, no attributions)."""


_HEADER = re.compile(r"^【\s*([^【】\s][^【】]{0,15}?)\s*】$")
_BOOK_MARKERS = {"内容简介", "内容提要", "内容介绍", "图书简介", "简介"}
_TERMINAL = ("。", "！", "？", "!", "?", "…", "；")
_CLOSERS = "”’」』）)》"
_PAGE_NUMBER = re.compile(r"^[-—–－·•\s]*(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*/\s*\d{1,3})?[-—–－·•\s]*$")
_TOC_ENTRY = re.compile(r"(?:\.{4,}|…{2,}|·{4,}|-{4,}|\u2026\s*\u2026)\s*\d{1,3}\s*$")
_TOC_TITLE = re.compile(r"^目\s*录$")
_ISSUE_NUMBER = re.compile(r"(\d{4})\s*年\s*第\s*(\d{1,3})\s*期")
_JOURNAL = re.compile(r"^《([^》]{2,30})》$")
_DIGITS = re.compile(r"\d+")
_OPENERS = {"《": "》", "“": "”", "（": "）", "(": ")", "「": "」", "【": "】"}


@dataclass
class _Line:
    number: int  # 1-based line number in the source text
    text: str  # without surrounding whitespace
    indented: bool
    trailing_space: bool
    gap_before: int  # blank lines between this and the previous non-blank line
    kind: str = "content"  # content | header | attribution | marker | furniture | front
    header: str | None = None
    attribution: Attribution | None = None

    width: float = 0.0  # display width, set once: the layout rules consult it often
    ends_sentence: bool = False

    def __post_init__(self) -> None:
        self.width = display_width(self.text)
        self.ends_sentence = self.text.rstrip(_CLOSERS).endswith(_TERMINAL)


@dataclass
class _Layout:
    """What the text tells about its own layout; see the module docstring."""

    trailing_signal: bool
    gap_mode: int
    gap_signal: bool
    wrapped: bool
    full_width: float


@dataclass
class _Section:
    column: str | None
    lines: list[_Line] = field(default_factory=list)


def _split_lines(text: str) -> list[_Line]:
    text = clean_text(text)
    lines: list[_Line] = []
    gap = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            gap += 1
            continue
        # A single leading ASCII space is pdftotext's page-break artifact, not an indent.
        leading = raw[: len(raw) - len(raw.lstrip())]
        indented = "\u3000" in leading or len(leading.replace("\t", "  ")) >= 2
        trailing = raw != raw.rstrip()
        lines.append(_Line(number, stripped, indented, trailing, gap))
        gap = 0
    return lines


def _classify(lines: list[_Line]) -> list[_Line]:
    out: list[_Line] = []
    for line in lines:
        header = _HEADER.match(line.text) if line.text[0] == "【" else None
        if header:
            line.kind, line.header = "header", header.group(1).strip()
            out.append(line)
            continue
        found = find_attribution(line.text)
        if found:
            prefix, attribution = found
            if prefix:
                # The body's last words share the line with the attribution: split them off.
                out.append(_Line(line.number, prefix, line.indented, True, line.gap_before))
                line = _Line(line.number, line.text[len(prefix) :].strip(), False, True, 0)
            line.kind, line.attribution = "attribution", attribution
            out.append(line)
            continue
        if line.text.rstrip("：:") in _BOOK_MARKERS:
            line.kind = "marker"
        elif line.width <= 12 and _PAGE_NUMBER.match(line.text):
            line.kind = "furniture"
        out.append(line)
    _mark_running_heads(out)
    _mark_contents(out)
    return out


def _mark_running_heads(lines: list[_Line]) -> None:
    # A short line repeated on many pages (journal name, issue number) is page furniture.
    candidates = [
        ln
        for ln in lines
        if ln.kind == "content" and ln.width <= 40 and not ln.ends_sentence and not ln.indented
    ]
    keys = [_DIGITS.sub("#", ln.text) for ln in candidates]
    counts = Counter(keys)
    # Digits are masked so that page numbers in a running head still match; a line that is
    # nothing but digits is not a running head (page numbers are handled on their own).
    repeated = {text for text, n in counts.items() if n >= 3 and len(text.replace("#", "").strip()) >= 2}
    for ln, key in zip(candidates, keys, strict=True):
        if key in repeated:
            ln.kind = "furniture"


def _mark_contents(lines: list[_Line]) -> None:
    # A table of contents repeats the column headers with titles and page numbers; its
    # headers must not open columns. It sits before the first attribution line.
    first_attribution = next((i for i, ln in enumerate(lines) if ln.kind == "attribution"), len(lines))
    entries = [i for i in range(first_attribution) if _TOC_ENTRY.search(lines[i].text)]
    if len(entries) < 2:
        return
    start = entries[0]
    for i in range(entries[0] - 1, -1, -1):
        if lines[i].kind == "header" or _TOC_TITLE.match(lines[i].text):
            start = i
        else:
            break
    for i in range(start, entries[-1] + 1):
        lines[i].kind = "front"


def _layout(lines: list[_Line]) -> _Layout:
    content = [ln for ln in lines if ln.kind == "content"]
    if not content:
        return _Layout(False, 0, False, False, 0.0)
    trailing_share = sum(ln.trailing_space for ln in content) / len(content)
    gaps = [ln.gap_before for ln in content[1:]] or [0]
    gap_mode = Counter(gaps).most_common(1)[0][0]
    unfinished = [ln for ln in content if not ln.ends_sentence]
    full_width = (
        statistics.quantiles([ln.width for ln in unfinished], n=4)[2] if len(unfinished) >= 4 else 0.0
    )
    # Wrapped text: many lines stop mid-sentence, and those lines share one (full) width.
    # A paragraph per line has lines of every width.
    at_full_width = [ln for ln in unfinished if abs(ln.width - full_width) <= 2.5]
    wrapped = (
        full_width >= 12  # no page or column is narrower; short equal lines are titles or lists
        and len(unfinished) >= 0.3 * len(content)
        and len(at_full_width) >= 0.5 * len(unfinished)
    )
    return _Layout(
        trailing_signal=0.05 <= trailing_share <= 0.9,
        gap_mode=gap_mode,
        gap_signal=any(g > gap_mode for g in gaps),
        wrapped=wrapped,
        full_width=full_width,
    )


def _ends_block(line: _Line, nxt: _Line | None, layout: _Layout) -> bool:
    if nxt is None:
        return True
    if nxt.indented or nxt.gap_before > layout.gap_mode:
        return True
    if layout.trailing_signal:
        return line.trailing_space
    if not layout.wrapped:
        return True
    return line.ends_sentence and line.width < layout.full_width - 1.5


def _paragraphs(lines: list[_Line], layout: _Layout) -> list[list[_Line]]:
    paragraphs: list[list[_Line]] = []
    current: list[_Line] = []
    for i, line in enumerate(lines):
        if line.kind == "marker":
            if current:
                paragraphs.append(current)
            paragraphs.append([line])
            current = []
            continue
        current.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is None or nxt.kind == "marker" or _ends_block(line, nxt, layout):
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _unbalanced(text: str) -> bool:
    return any(text.count(opener) > text.count(closer) for opener, closer in _OPENERS.items())


def _title_line_count(lines: list[_Line], layout: _Layout) -> int:
    """How many visual lines the title takes (a long title wraps onto a second line)."""
    count = 1
    while count < min(3, len(lines) - 1):
        line, nxt = lines[count - 1], lines[count]
        if nxt.indented:
            break
        if nxt.gap_before > layout.gap_mode:
            # Some extractions set each part of a spaced title apart like a paragraph. A
            # lone short unfinished line right after the title is the title's second part.
            after = lines[count + 1]
            lone = after.gap_before > layout.gap_mode or after.indented
            if lone and not nxt.ends_sentence and line.width + nxt.width <= 50 and not _ends_title(line):
                count += 1
                continue
            break
        if layout.trailing_signal:
            if line.trailing_space:
                break
        elif not layout.wrapped:
            break
        # Wrapped text without block signals: a title goes on when a quote or bracket is
        # still open, or when a short unfinished line follows (its wrapped tail).
        elif not _unbalanced(line.text) and (nxt.ends_sentence or nxt.width >= 0.6 * layout.full_width):
            break
        count += 1
    return count


def _ends_title(line: _Line) -> bool:
    # A title line ending in a full stop cannot be continued.
    return line.text.endswith(("。", "！", "？", "!", "?"))


def _join(lines: list[_Line]) -> str:
    text = ""
    for line in lines:
        text = join_lines(text, line.text) if text else line.text
    return tidy_spaces(text)


def _lines_text(lines: list[_Line]) -> str:
    return "\n".join(ln.text for ln in lines)


def _unplaced(lines: list[_Line], reason: str) -> UnplacedText:
    return UnplacedText(lines[0].number, lines[-1].number, _lines_text(lines), reason)


def _item(column: str, lines: list[_Line], attribution: _Line, layout: _Layout) -> Item:
    title_lines = _title_line_count(lines, layout) if len(lines) > 1 else len(lines)
    body = [_join(p) for p in _paragraphs(lines[title_lines:], layout)]
    title = ""
    for n, line in enumerate(lines[:title_lines]):
        # Title parts set apart as blocks were separated by a space; wrapped ones were not.
        if n and line.gap_before > layout.gap_mode:
            title = f"{title} {line.text}"
        else:
            title = join_lines(title, line.text) if title else line.text
    return Item(
        column=column,
        title=tidy_spaces(title),
        body="\n".join(p for p in body if p),
        attribution=attribution.attribution,
        first_line=lines[0].number if lines else attribution.number,
        last_line=attribution.number,
    )


def _books(column: str, lines: list[_Line], layout: _Layout) -> tuple[list[Item], list[UnplacedText]]:
    """Book notices: title, 内容简介, synopsis; the next title ends the previous synopsis."""
    paragraphs = _paragraphs(lines, layout)
    # A book title is never a sentence: when the paragraph before a marker holds the end of
    # the previous synopsis too (no layout signal parted them), the title is what follows
    # its last finished sentence.
    for i in [i for i, p in enumerate(paragraphs) if p[0].kind == "marker" and i > 0][::-1]:
        before = paragraphs[i - 1]
        cut = max((n + 1 for n, ln in enumerate(before[:-1]) if ln.ends_sentence), default=0)
        if cut:
            paragraphs[i - 1 : i] = [before[:cut], before[cut:]]
    markers = [i for i, p in enumerate(paragraphs) if p[0].kind == "marker"]
    items: list[Item] = []
    unplaced: list[UnplacedText] = []
    title_starts = [m - 1 for m in markers]
    if not markers or title_starts[0] < 0:
        return [], [_unplaced(lines, "no attribution line closes this text")]
    if title_starts[0] > 0:
        leading = [ln for p in paragraphs[: title_starts[0]] for ln in p]
        unplaced.append(_unplaced(leading, "no attribution line closes this text"))
    for n, marker in enumerate(markers):
        end = title_starts[n + 1] if n + 1 < len(markers) else len(paragraphs)
        title = paragraphs[marker - 1]
        body = [p for p in paragraphs[marker + 1 : end] if p[0].kind != "marker"]
        items.append(
            Item(
                column=column,
                title=_join(title),
                body="\n".join(_join(p) for p in body),
                attribution=None,
                first_line=title[0].number,
                last_line=(body[-1][-1] if body else paragraphs[marker][0]).number,
            )
        )
    return items, unplaced


def _masthead(lines: list[_Line]) -> tuple[str | None, str | None, list[_Line]]:
    """Journal name and issue label from the lines before the first column; the rest of them."""
    name = label = None
    rest = []
    for line in lines:
        journal = _JOURNAL.match(line.text)
        number = _ISSUE_NUMBER.search(line.text)
        if journal and name is None:
            name = journal.group(1)
        elif number and label is None:
            label = f"{number.group(1)}年第{int(number.group(2))}期"
        else:
            rest.append(line)
    return name, label, rest


def parse_issue_text(text: str, publication: Publication | None = None) -> Issue:
    """Parse an issue; raises :class:`IssueFormatError` when the text is not a digest issue."""
    lines = _classify(_split_lines(text))
    if not any(ln.kind == "header" for ln in lines):
        raise IssueFormatError("no column headers such as 【行业资讯】 found")
    if not any(ln.kind in ("attribution", "marker") for ln in lines):
        raise IssueFormatError("no attribution lines (来源：…) found")
    layout = _layout(lines)

    sections: list[_Section] = [_Section(column=None)]
    front: list[_Line] = []
    after_page_furniture = False
    for line in lines:
        if line.kind == "furniture":
            after_page_furniture = True
            continue
        if after_page_furniture:
            # The blank lines around a running head or page number say nothing about
            # paragraphs: a page break often falls mid-sentence.
            line.gap_before = min(line.gap_before, layout.gap_mode)
            after_page_furniture = False
        if line.kind == "header":
            sections.append(_Section(column=line.header))
        elif line.kind == "front":
            front.append(line)
        else:
            sections[-1].lines.append(line)

    items: list[Item] = []
    unplaced: list[UnplacedText] = []
    journal_name, label, leading = _masthead(sections[0].lines if sections[0].column is None else [])
    if front:
        unplaced.append(_unplaced(front, "table of contents"))

    for section in sections:
        pending: list[_Line] = []
        source_lines = section.lines if section.column is not None else leading
        for line in source_lines:
            if line.kind != "attribution":
                pending.append(line)
                continue
            if section.column is None:
                unplaced.append(_unplaced(pending + [line], "item before the first column header"))
            elif not [ln for ln in pending if ln.kind == "content"]:
                unplaced.append(_unplaced(pending + [line], "attribution line without a title or body"))
            else:
                items.append(_item(section.column, pending, line, layout))
            pending = []
        if not pending:
            continue
        if section.column is None:
            unplaced.append(_unplaced(pending, "text before the first column header"))
        elif any(ln.kind == "marker" for ln in pending):
            books, leftovers = _books(section.column, pending, layout)
            items.extend(books)
            unplaced.extend(leftovers)
        else:
            unplaced.append(_unplaced(pending, "no attribution line closes this text"))

    unplaced.sort(key=lambda u: u.first_line)
    return Issue(
        items=items,
        publication=_learn_publication(lines, items, journal_name, publication),
        label=label,
        issue_date=None,
        unplaced=unplaced,
    )


def _learn_publication(
    lines: list[_Line], items: list[Item], journal_name: str | None, known: Publication | None
) -> Publication:
    offices = Counter(
        i.attribution.editorial_office for i in items if i.attribution and i.attribution.editorial_office
    )
    office = (known.office if known and known.office else None) or (
        offices.most_common(1)[0][0] if offices else None
    )
    name = known.name if known and known.name else None
    if name is None and office:
        match = re.match(r"《([^》]+)》", office)
        name = match.group(1) if match else None
    name = name or journal_name
    # dict keys: ordered and unique, and a look-up stays cheap with thousands of headers
    columns = dict.fromkeys(known.columns if known else [])
    for line in lines:
        if line.kind == "header":
            columns.setdefault(line.header)
    return Publication(name=name, office=office, columns=list(columns))
