"""Chinese sentence splitting that keeps quotations whole.

A sentence ends at 。！？!?； or an ellipsis (…… / …), together with any closing quotes or
brackets that follow (``他说：“好。”`` is one sentence). Inside an open quotation we do
not split: dropping half of a quotation would leave an unbalanced “ in the condensed text.
ASCII ``.`` never ends a sentence in Chinese prose (``2.0``, ``eBay.com``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

SENTENCE_END = set("。！？!?；")
ELLIPSIS = "…"
CLOSERS = set("”’」』）)】〕\"'")
OPEN_QUOTES = {"“": "”", "「": "」", "『": "』"}
CLOSE_QUOTES = {v: k for k, v in OPEN_QUOTES.items()}
# A quotation longer than this is probably an unmatched “ (extraction noise): give up on it.
MAX_QUOTE_CHARS = 300
# the speaker told after a quotation (“……。”苏州一家老字号糕点店老板说。: a shop and its place
# make a speaker of sixteen characters or so)
_SPEAKER_TAIL = re.compile(r"[^。！？；“”]{0,16}(说|表示|指出|介绍|称|认为|强调)[。！]")


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int  # 0-based paragraph number in the text
    index: int  # 0-based position among all sentences of the text


def split_paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs, stripped of surrounding (also full-width) spaces."""
    return [p.strip(" \t\u3000\xa0") for p in text.split("\n") if p.strip(" \t\u3000\xa0")]


def split_paragraph(paragraph: str) -> list[str]:
    """Split one paragraph into sentences (no sentence crosses a paragraph)."""
    return list(_split_paragraph(paragraph))


# Without quotation marks or an ellipsis a sentence is text up to a run of terminators and
# the closing brackets after it: one regular expression, several times faster than the walk.
_NEEDS_WALK = re.compile("[" + re.escape("".join([*OPEN_QUOTES, *CLOSE_QUOTES, ELLIPSIS])) + "]")
_TERMINATORS = re.escape("".join(sorted(SENTENCE_END)))
_PLAIN_SENTENCE = re.compile(
    rf"[^{_TERMINATORS}]*[{_TERMINATORS}]+[{re.escape(''.join(sorted(CLOSERS)))}]*|[^{_TERMINATORS}]+\Z"
)


@lru_cache(maxsize=50_000)
def _split_paragraph(paragraph: str) -> tuple[str, ...]:
    # every stage splits the same paragraphs: cached
    if not _NEEDS_WALK.search(paragraph):
        return tuple(s.strip() for s in _PLAIN_SENTENCE.findall(paragraph) if s.strip())
    return _walk_paragraph(paragraph)


def _walk_paragraph(paragraph: str) -> tuple[str, ...]:
    sentences: list[str] = []
    start = 0
    depth = 0
    quote_start = 0
    i = 0
    n = len(paragraph)
    while i < n:
        ch = paragraph[i]
        if ch in OPEN_QUOTES:
            if depth == 0:
                quote_start = i
            depth += 1
        elif ch in CLOSE_QUOTES and depth > 0:
            depth -= 1
        if depth > 0 and i - quote_start > MAX_QUOTE_CHARS:
            depth = 0
        if depth == 0 and (ch in SENTENCE_END or ch == ELLIPSIS):
            j = i + 1
            # the rest of a run of terminators: ？！, ……, 。”
            while j < n and (paragraph[j] in SENTENCE_END or paragraph[j] == ELLIPSIS):
                j += 1
            while j < n and paragraph[j] in CLOSERS:
                j += 1
            # An ellipsis followed by more words of the same clause (“等等……的”) is not an end.
            if ch == ELLIPSIS and j < n and paragraph[j] in "，、的":
                i = j
                continue
            sentences.append(paragraph[start:j])
            start = j
            i = j
            continue
        i += 1
        # A quotation that ends with its own terminator (“……。”) ends the sentence too,
        # unless the speaker follows (“……。”他说。) or the clause goes on (“……。”，).
        if (
            depth == 0
            and i < n
            and paragraph[i - 1] in CLOSE_QUOTES
            and i >= 2
            and paragraph[i - 2] in SENTENCE_END
            and paragraph[i] not in "，、：:"
            and not _SPEAKER_TAIL.match(paragraph, i)
        ):
            sentences.append(paragraph[start:i])
            start = i
    tail = paragraph[start:]
    if tail.strip():
        sentences.append(tail)
    return tuple(s.strip() for s in sentences if s.strip())


def split_sentences(text: str) -> list[Sentence]:
    """All sentences of a text whose paragraphs are separated by newlines."""
    out: list[Sentence] = []
    for p_no, paragraph in enumerate(split_paragraphs(text)):
        for sentence in split_paragraph(paragraph):
            out.append(Sentence(sentence, p_no, len(out)))
    return out


def join_sentences(sentences: list[Sentence]) -> str:
    """Back to text: sentences of a paragraph joined with nothing, paragraphs with \\n."""
    paragraphs: dict[int, list[str]] = {}
    for s in sentences:
        paragraphs.setdefault(s.paragraph, []).append(s.text)
    return "\n".join("".join(parts) for _, parts in sorted(paragraphs.items()))
