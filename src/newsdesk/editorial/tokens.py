"""One jieba tokenizer for the whole editorial stage, with newsdesk's dictionary of
platforms, agencies and places (``data/tags.tsv``) and the user's own added.

jieba loads its bundled dictionary lazily on the first cut (about a second); we keep one
instance per dictionary set and keep jieba quiet about it.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jieba

jieba.setLogLevel(logging.WARNING)

_LOCK = threading.Lock()
# a token with a letter, digit or ideograph is a word; whitespace and punctuation are not
_WORDLIKE = re.compile(r"\w")


def _read_dictionary(text: str) -> dict[str, str]:
    entries: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.replace("\t", " ").split()
        name = parts[0]
        kind = parts[1] if len(parts) > 1 else "org"
        entries[name] = kind
    return entries


@lru_cache(maxsize=8)
def dictionary(user_dictionary: str | None = None) -> dict[str, str]:
    """name → kind (platform | org | place) from the shipped list plus the user's file."""
    shipped = resources.files("newsdesk.editorial").joinpath("data/tags.tsv").read_text(encoding="utf-8")
    entries = _read_dictionary(shipped)
    if user_dictionary:
        path = Path(user_dictionary)
        if path.exists():
            entries.update(_read_dictionary(path.read_text(encoding="utf-8")))
    return entries


@lru_cache(maxsize=8)
def tokenizer(user_dictionary: str | None = None) -> jieba.Tokenizer:
    with _LOCK:
        tk = jieba.Tokenizer()
        tk.initialize()
        for name in dictionary(user_dictionary):
            tk.add_word(name, freq=2000)
        return tk


def words(text: str, user_dictionary: str | None = None) -> list[str]:
    """jieba words without whitespace and punctuation-only tokens.

    Cut line by line with a cache: tags, the column model and relevance all cut the same
    title and paragraphs, each inside a differently assembled text. No HMM guessing of
    unknown words: the dictionary (with ours added) decides, which is several times faster.
    """
    out: list[str] = []
    for line in text.split("\n"):
        if line:
            out.extend(_line_words(line, user_dictionary))
    return out


@lru_cache(maxsize=100_000)
def _line_words(line: str, user_dictionary: str | None) -> tuple[str, ...]:
    return tuple(w for w in tokenizer(user_dictionary).lcut(line, HMM=False) if _WORDLIKE.search(w))


def analyzer(text: str) -> list[str]:
    """The scikit-learn analyzer: module-level so trained models pickle."""
    return words(text)
