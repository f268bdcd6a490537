"""What archive search indexes and what a query asks for: Chinese as an editor reads it.

Neither SQLite nor PostgreSQL segments Chinese: FTS5's ``trigram`` tokenizer cannot match a
two-character word (京东, 直播), a dictionary segmenter such as jieba stores 零售额 as one
word so 零售 misses it, and PostgreSQL ships no Chinese configuration at all. So newsdesk
segments the text itself and hands the database plain space-separated tokens:

- the text is normalised: NFKC (full-width ５Ｇ and ＡＢＣ become 5G and ABC), Traditional
  characters to Simplified (OpenCC, as the editorial stage reads them), lower case;
- each run of CJK characters becomes its overlapping character bigrams (京东集团 → 京东 东集
  集团), then its last character alone (团), so that every character of the text starts a
  token; whitespace between two CJK characters does not end a run;
- runs of letters and of digits are words of their own (eBay618 → ebay 618).

A query word becomes the phrase of its bigrams: 京东 is the token 京东, 零售 finds 零售额
(零售 售额 额) and 网络零售额 is the phrase 网络 络零 零售 售额, exact up to adjacency. A
single character is a prefix query (京*): every character is the first one of a token. The
last character of a run inside a query (A股 → a 股*, 京东5G → 京东 东 5 g) mirrors how the
document was indexed.

The query language: words separated by spaces must all match; ``"…"`` (or “…”, 「…」) is a
phrase; ``OR`` (or ``|``) between two words takes either; ``-word`` excludes. Changing what
:func:`index_tokens` produces changes the stored index: such a change comes with a migration
that rebuilds it (``store.search.rebuild_search_index``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Ideographs (with extensions and compatibility forms), kana and hangul: scripts written
# without spaces, indexed as bigrams.
_CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
_RUNS = re.compile(rf"[{_CJK_CLASS}]+|\d+|[^\W\d_]+")
_CJK_CHAR = re.compile(rf"[{_CJK_CLASS}]")
_CJK_GAP = re.compile(rf"(?<=[{_CJK_CLASS}])\s+(?=[{_CJK_CLASS}])")
_SPACE = re.compile(r"\s+")
# the most positions PostgreSQL keeps in a tsvector; SQLite keeps the same, so both agree
MAX_TOKENS = 16383


def normalize(text: str) -> str:
    """NFKC, Simplified characters, lower case, no whitespace between two CJK characters: the
    form both the index and queries read."""
    from newsdesk.text.script import to_simplified

    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = to_simplified(text).lower()
    return _CJK_GAP.sub("", text) if " " in text or "\n" in text else text


def _runs(normalized: str) -> list[tuple[bool, str]]:
    """(is CJK, text) for each run of CJK characters, of digits, of other letters."""
    runs = []
    for run in _RUNS.findall(normalized):
        if _CJK_CHAR.match(run):
            runs.append((True, run))
        elif run.isascii() or not _CJK_CHAR.search(run):
            runs.append((False, run))
        else:  # letters of another script glued to CJK ones: \w takes both
            for match in re.finditer(rf"[{_CJK_CLASS}]+|[^{_CJK_CLASS}]+", run):
                runs.append((bool(_CJK_CHAR.match(match.group())), match.group()))
    return runs


def index_tokens(text: str) -> list[str]:
    """The tokens of a text as stored in the index, in order (at most MAX_TOKENS)."""
    return _tokens_of_normalized(normalize(text))


def _tokens_of_normalized(normalized: str) -> list[str]:
    tokens: list[str] = []
    for cjk, run in _runs(normalized):
        if cjk:
            # the bigrams, then the last character alone: run[i : i + 2] gives both
            tokens.extend([run[i : i + 2] for i in range(len(run))])
        else:
            tokens.append(run)
        if len(tokens) >= MAX_TOKENS:
            return tokens[:MAX_TOKENS]
    return tokens


def index_text(text: str) -> str:
    """The tokens separated by spaces (one or more): what the database's tokenizer splits.

    The same tokens as :func:`index_tokens`, made with array operations when the text holds
    only CJK, ASCII and non-word characters (Chinese news does): 5× faster, which is what
    indexing a million articles costs."""
    normalized = normalize(text)
    fast = _array_tokens(normalized) if len(normalized) <= MAX_TOKENS else None
    if fast is not None:
        return fast
    return " ".join(_tokens_of_normalized(normalized))


_CJK_RANGES = (
    (0x3040, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
)
# a word character that is neither ASCII nor CJK (é, Cyrillic, other digits): the slow path
_OTHER_WORD = re.compile(rf"[^\W\x00-\x7f{_CJK_CLASS}]")


def _array_tokens(normalized: str) -> str | None:
    """Each CJK character followed by the next one and a space (its last one by a space),
    each ASCII letter or digit as it is with a space where letters turn to digits or back,
    everything else a space; None when the text needs the general path."""
    if _OTHER_WORD.search(normalized):
        return None
    import numpy as np

    chars = np.frombuffer(normalized.encode("utf-32-le"), dtype=np.uint32)
    if not len(chars):
        return ""
    kind = np.zeros(len(chars), dtype=np.int8)  # 0 other, 1 CJK, 2 digit, 3 letter
    for low, high in _CJK_RANGES:
        kind[(chars >= low) & (chars <= high)] = 1
    kind[(chars >= 0x30) & (chars <= 0x39)] = 2
    kind[((chars >= 0x61) & (chars <= 0x7A)) | ((chars >= 0x41) & (chars <= 0x5A))] = 3
    following = np.append(kind[1:], 0)
    next_char = np.append(chars[1:], 0)
    out = np.zeros((len(chars), 3), dtype=np.uint32)
    out[:, 0] = np.where(kind == 0, 0x20, chars)
    pair = (kind == 1) & (following == 1)
    out[pair, 1] = next_char[pair]
    out[pair, 2] = 0x20
    out[(kind == 1) & (following != 1), 1] = 0x20
    out[(kind >= 2) & (following != kind), 1] = 0x20
    flat = out.ravel()
    return flat[flat != 0].tobytes().decode("utf-32-le")


# --- queries ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One thing to find: a word or a quoted phrase, as the adjacent tokens it must match."""

    text: str  # normalised, as the user wrote it
    tokens: tuple[str, ...]
    prefix: bool = False  # the last token matches any token it begins (a final single character)
    pieces: tuple[str, ...] = ()  # the runs it is made of, to find it again in a text (snippets)


@dataclass(frozen=True)
class SearchQuery:
    """All of ``required`` (each a choice of terms: one of them) and none of ``excluded``."""

    required: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.required

    def positive_terms(self) -> list[Term]:
        return [term for choice in self.required for term in choice]


class QueryError(ValueError):
    """A query that asks for nothing to be found."""


def query_term(text: str) -> Term | None:
    """A word or a phrase of the query as a term; None when it holds no letter or digit."""
    normalized = normalize(text)
    runs = _runs(normalized)
    if not runs:
        return None
    tokens: list[str] = []
    prefix = False
    for i, (cjk, value) in enumerate(runs):
        last = i == len(runs) - 1
        if not cjk:
            tokens.append(value)
        elif last and len(value) == 1:
            tokens.append(value)
            prefix = True
        elif last:
            # the document's run may go on: its last character alone is not there
            tokens.extend(value[j : j + 2] for j in range(len(value) - 1))
        else:
            # a run the query ends with another script ends there in the document too
            tokens.extend([value[j : j + 2] for j in range(len(value))])
    return Term(
        text=_SPACE.sub(" ", normalized).strip(),
        tokens=tuple(tokens),
        prefix=prefix,
        pieces=tuple(value for _, value in runs),
    )


_QUOTES = {"“": "”", "「": "」", "『": "』", '"': '"', "＂": "＂"}
_PIECE = re.compile(r'-?(?:"[^"]*"?|“[^”]*”?|「[^」]*」?|『[^』]*』?|＂[^＂]*＂?)|\S+')


def _unquote(piece: str) -> tuple[str, bool]:
    if piece and piece[0] in _QUOTES:
        closing = _QUOTES[piece[0]]
        body = piece[1:]
        if body.endswith(closing):
            body = body[:-1]
        return body, True
    return piece, False


def parse_query(query: str) -> SearchQuery:
    """``京东 "国家馆" 直播 OR 带货 -拼多多`` → all of 京东, 国家馆, (直播 or 带货); not 拼多多.

    Raises QueryError when nothing is left to find (empty, only punctuation, or only
    exclusions)."""
    required: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for match in _PIECE.finditer(query.strip()):
        piece = match.group()
        if piece in ("OR", "|", "｜"):
            join_next = bool(required)
            continue
        negative = piece.startswith("-") and len(piece) > 1
        if negative:
            piece = piece[1:]
        body, _quoted = _unquote(piece)
        term = query_term(body)
        if term is None:
            join_next = False
            continue
        if negative:
            excluded.append(term)
        elif join_next and required:
            required[-1].append(term)
        else:
            required.append([term])
        join_next = False
    if not required:
        if excluded:
            raise QueryError("a query needs a word to find, not only words to exclude")
        raise QueryError("a query needs a word or a number to find")
    return SearchQuery(required=tuple(tuple(choice) for choice in required), excluded=tuple(excluded))


# --- snippets --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Snippet:
    """A stretch of the original text, as (text, matched) parts."""

    parts: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        return "".join(part for part, _ in self.parts)

    @property
    def html(self) -> str:
        """Escaped text with the matches in ``<mark>``."""
        from html import escape

        return "".join(f"<mark>{escape(part)}</mark>" if hit else escape(part) for part, hit in self.parts)


def _normalized_with_offsets(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, where it starts in ``text``."""
    from newsdesk.text.script import to_simplified

    folded = unicodedata.normalize("NFKC", text).lower()
    if len(folded) == len(text):  # full-width forms, case: character for character
        simplified = to_simplified(folded)
        return (simplified if len(simplified) == len(folded) else folded), list(range(len(text)))
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = unicodedata.normalize("NFKC", ch).lower() if not ch.isascii() else ch.lower()
        chars.extend(folded)
        origin.extend([i] * len(folded))
    normalized = "".join(chars)
    simplified = to_simplified(normalized)
    if len(simplified) == len(normalized):  # OpenCC maps character for character
        normalized = simplified
    return normalized, origin


def _term_regex(term: Term) -> str:
    # the runs of a term may stand apart in the text (5G 手机) as they do in the index
    return r"[^\w]*".join(re.escape(piece) for piece in term.pieces)


def _pattern(terms: list[Term]) -> re.Pattern | None:
    alternatives = [_term_regex(term) for term in sorted(terms, key=lambda t: -len(t.text)) if term.pieces]
    if not alternatives:
        return None
    return re.compile("|".join(alternatives))


class TermCounter:
    """How many times each term of a query occurs in a text: what ranking weighs.

    Counted in the text as stored (lower-cased when a term has letters with a case): a plain
    ``str.count`` for a term of one run, a regular expression for one of several. A text in
    which some required term is not found that way (printed in Traditional characters or
    full-width forms) is counted again in its normalised form, which costs OpenCC's
    conversion and so is done only then."""

    def __init__(self, query: SearchQuery):
        self.terms = query.positive_terms()
        self._needles: list[str | re.Pattern] = [
            term.pieces[0] if len(term.pieces) == 1 else re.compile(_term_regex(term)) for term in self.terms
        ]
        self._lower = any(piece != piece.upper() for term in self.terms for piece in term.pieces)
        # for each required choice, the positions of its terms in ``self.terms``
        self._choices: list[range] = []
        at = 0
        for choice in query.required:
            self._choices.append(range(at, at + len(choice)))
            at += len(choice)

    def _count(self, title: str, body: str) -> list[tuple[int, int]]:
        found = []
        for needle in self._needles:
            if isinstance(needle, str):
                found.append((title.count(needle), body.count(needle)))
            else:
                found.append((len(needle.findall(title)), len(needle.findall(body))))
        return found

    def counts(self, title: str, body: str) -> list[tuple[int, int]]:
        """(in the title, in the body) for each of ``terms``."""
        found = self._count(title.lower(), body.lower()) if self._lower else self._count(title, body)
        for choice in self._choices:
            if not any(found[i][0] or found[i][1] for i in choice):
                return self._count(normalize(title), normalize(body))
        return found


def snippet(text: str, terms: list[Term], width: int = 120) -> Snippet:
    """``width`` characters of ``text`` around its first match of ``terms`` (the start of the
    text when none is found), the matches marked."""
    if not text:
        return Snippet(())
    pattern = _pattern(terms)
    spans: list[tuple[int, int]] = []
    if pattern is not None:
        lowered = text.lower()
        if len(lowered) == len(text):  # most texts: the words are there as asked, no folding needed
            spans = [m.span() for m in pattern.finditer(lowered) if m.end() > m.start()]
        if not spans:
            normalized, origin = _normalized_with_offsets(text)
            origin.append(len(text))
            for match in pattern.finditer(normalized):
                if match.end() > match.start():
                    spans.append((origin[match.start()], origin[match.end()]))
    if spans:
        first = spans[0][0]
        start = max(0, first - width // 4)
    else:
        start = 0
    end = min(len(text), start + width)
    start = max(0, min(start, end - width))
    parts: list[tuple[str, bool]] = []
    if start > 0:
        parts.append(("…", False))
    cursor = start
    for a, b in spans:
        if b <= cursor or a >= end:
            continue
        a, b = max(a, cursor), min(b, end)
        if a > cursor:
            parts.append((text[cursor:a], False))
        parts.append((text[a:b], True))
        cursor = b
    if cursor < end:
        parts.append((text[cursor:end], False))
    if end < len(text):
        parts.append(("…", False))
    return Snippet(tuple((_SPACE.sub(" ", part), hit) for part, hit in parts))
