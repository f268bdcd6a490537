"""Whitespace and character normalization for Chinese text taken from PDFs, pages and files."""

from __future__ import annotations

import re

# CJK ideographs, CJK punctuation and full-width forms: no spaces belong between these and
# Latin letters or digits in Chinese typesetting; PDF text extraction adds them.
_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’《》（）【】"
_SPACE_CJK_LATIN = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0]+(?=[A-Za-z0-9])")
_SPACE_LATIN_CJK = re.compile(rf"(?<=[A-Za-z0-9%.+\-])[ \t\u00a0]+(?=[{_CJK}])")
_SPACE_CJK_CJK = re.compile(
    rf"(?<=[{_CJK}])[ \t\u00a0]+(?=[，。、；：？！”’）》】])|(?<=[“‘（《【])[ \t\u00a0]+"
)
_MULTISPACE = re.compile(r"[ \t\u00a0]{2,}")
_INNER_WIDE_SPACE = re.compile(r"(?<=\S)\u3000+(?=\S)")
_ANY_SPACE = re.compile(r"[ \t\u00a0\u3000]")
# Zero-width characters and soft hyphens, and the bidirectional controls (U+202A–U+202E
# embeddings and overrides, U+2066–U+2069 isolates, the marks U+200E, U+200F, U+061C): Chinese
# text never needs them, and an override makes text read differently from what it holds.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
# Everything str.splitlines() takes for a line break, as one newline: a U+2028 between two
# lines is a line break to the reader and must be one to the parser.
_LINE_BREAK = re.compile(r"\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# The other C0 and C1 controls (terminal escapes among them) carry no text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


def strip_invisible(text: str) -> str:
    """Drop zero-width characters, soft hyphens and bidirectional controls."""
    return _INVISIBLE.sub("", text)


def normalize_newlines(text: str) -> str:
    """CR LF, CR, form feed, vertical tab, NEL, U+2028 and U+2029 each become ``\\n``."""
    return _LINE_BREAK.sub("\n", text)


def clean_text(text: str) -> str:
    """The first step for text from outside (files, pages, feeds): invisible and bidirectional
    characters and control codes dropped, every kind of line break made ``\\n``; tabs stay."""
    return _CONTROL.sub("", normalize_newlines(strip_invisible(text)))


def tidy_spaces(text: str) -> str:
    """Drop the stray spaces PDF extraction puts around numbers and Latin words in Chinese text.

    ``6 月 26 日`` → ``6月26日``, ``超 45 万亿元`` → ``超45万亿元``; spaces between two Latin
    words (``eBay Live``) and between two Chinese phrases (a title's ``45万亿元 占GDP``) stay.
    """
    if not _ANY_SPACE.search(text):
        return text
    # A full-width space between two phrases is a separator like an ASCII one.
    text = _INNER_WIDE_SPACE.sub(" ", text)
    text = _SPACE_CJK_LATIN.sub("", text)
    text = _SPACE_LATIN_CJK.sub("", text)
    text = _SPACE_CJK_CJK.sub("", text)
    return _MULTISPACE.sub(" ", text).strip()


def join_lines(left: str, right: str) -> str:
    """Join two visual lines of one paragraph: Chinese with no space, Latin words with one."""
    left = left.rstrip()
    right = right.lstrip()
    if not left or not right:
        return left + right
    # Layout never breaks a Latin word, so two words met across a line break had a space;
    # digits on both sides are one number the line wrapped (202|2年).
    a, b = left[-1], right[0]
    if a.isascii() and b.isascii() and a.isalnum() and b.isalnum() and not (a.isdigit() and b.isdigit()):
        return f"{left} {right}"
    return left + right


def display_width(text: str) -> float:
    """Width in Chinese character cells: characters of three UTF-8 bytes (CJK, full-width
    forms, Chinese quotes and dashes) count one, the rest half."""
    # Counting bytes is a C-speed way of telling wide from narrow characters.
    n = len(text)
    wide = (len(text.encode("utf-8")) - n) // 2
    return wide + (n - wide) / 2


_CJK_SPACE_CJK = re.compile(
    r"(?<=[\u3400-\u9fff，。、；：？！“”《》（）]) (?=[\u3400-\u9fff，。、；：？！“”《》（）])"
)
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")


def undo_letter_spacing(text: str) -> str:
    """Remove the space some PDF extractions put between every two Chinese characters.

    Only when that is what happened (most Chinese characters followed by a space): a few
    spaces between Chinese phrases are real separators and stay.
    """
    cjk = len(_CJK_CHAR.findall(text))
    if cjk < 20 or len(_CJK_SPACE_CJK.findall(text)) < 0.4 * cjk:
        return text
    return _CJK_SPACE_CJK.sub("", text)
