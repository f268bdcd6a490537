"""One jieba tokenizer for the whole editorial stage, with newsdesk's dictionary of
platforms, agencies and places (``data/tags.tsv``) and the user's own added.

jieba's dictionary (half a million words and prefixes) takes one to three seconds to load,
which is most of the time of a command that classifies a few items. So the dictionary,
with our words added, is cached on disk split by first character, and a tokenizer loads
only the parts for the characters of the text it cuts (see ``newsdesk.cache``). Cutting is
the same as with the whole dictionary: every word jieba looks up while cutting a text
starts with a character of that text.
"""

from __future__ import annotations

import logging
import marshal
import re
import sys
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk import cache

if TYPE_CHECKING:
    import jieba

_LOCK = threading.Lock()
_SHARDS_FORMAT = 1
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
    shipped = resources.files("newsdesk.text").joinpath("data/tags.tsv").read_text(encoding="utf-8")
    entries = _read_dictionary(shipped)
    if user_dictionary:
        path = Path(user_dictionary)
        if path.exists():
            entries.update(_read_dictionary(path.read_text(encoding="utf-8")))
    return entries


def import_jieba():
    """``import jieba``, quiet, and without pkg_resources: jieba imports it (a fifth of a
    second, and a deprecation warning) only to open its own data files, and opens them from
    its folder when it is missing."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # makes ``import pkg_resources`` fail
    try:
        import jieba
    finally:
        if blocked and "pkg_resources" in sys.modules and sys.modules["pkg_resources"] is None:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    return jieba


def _full_tokenizer(words: list[str]) -> jieba.Tokenizer:
    jieba = import_jieba()
    tk = jieba.Tokenizer()
    tk.initialize()
    for name in words:
        tk.add_word(name, freq=2000)
    return tk


def _split_by_first_character(freq: dict[str, int], total: int) -> bytes:
    groups: dict[str, dict[str, int]] = {}
    for word, count in freq.items():
        groups.setdefault(word[0], {})[word] = count
    body = bytearray()
    index: dict[str, tuple[int, int]] = {}
    for first, group in groups.items():
        blob = marshal.dumps(group)
        index[first] = (len(body), len(body) + len(blob))
        body += blob
    header = marshal.dumps((_SHARDS_FORMAT, total, index))
    return len(header).to_bytes(8, "little") + header + bytes(body)


@lru_cache(maxsize=1)
def _sharded_class() -> type:
    jieba = import_jieba()

    class ShardedTokenizer(jieba.Tokenizer):
        """A jieba tokenizer whose dictionary is loaded a first character at a time, before
        each block of text is cut. (``add_word`` on it would be overwritten by a later load.)"""

        def __init__(self, blob: bytes) -> None:
            super().__init__()
            size = int.from_bytes(blob[:8], "little")
            version, total, index = marshal.loads(blob[8 : 8 + size])
            if version != _SHARDS_FORMAT:
                raise ValueError(f"dictionary cache format {version}")
            self._body = memoryview(blob)[8 + size :]
            self._index: dict[str, tuple[int, int]] = index
            self._loaded: set[str] = set()
            self._load_lock = threading.Lock()
            self.FREQ = {}
            self.total = total
            self.initialized = True

        def get_DAG(self, sentence):  # noqa: N802 - jieba's name
            missing = set(sentence).difference(self._loaded)
            if missing:
                with self._load_lock:
                    for first in missing:
                        span = self._index.get(first)
                        if span is not None:
                            self.FREQ.update(marshal.loads(self._body[span[0] : span[1]]))
                        self._loaded.add(first)
            return super().get_DAG(sentence)

    return ShardedTokenizer


def _cache_name(words: list[str]) -> str:
    jieba = import_jieba()
    dict_file = Path(jieba.__file__).with_name("dict.txt")
    try:
        stamp = f"{dict_file.stat().st_size}:{dict_file.stat().st_mtime_ns}"
    except OSError:
        stamp = "?"
    return f"jieba-{cache.key(str(_SHARDS_FORMAT), jieba.__version__, stamp, chr(10).join(words))}.dict"


@lru_cache(maxsize=8)
def tokenizer(user_dictionary: str | None = None) -> jieba.Tokenizer:
    with _LOCK:
        words = list(dictionary(user_dictionary))
        name = _cache_name(words)
        blob = cache.read(name)
        if blob is not None:
            try:
                return _sharded_class()(blob)
            except (ValueError, EOFError, TypeError, IndexError):
                pass  # a damaged entry: build it again
        tk = _full_tokenizer(words)
        cache.write(name, _split_by_first_character(tk.FREQ, tk.total))
        return tk


def words(text: str, user_dictionary: str | None = None) -> list[str]:
    """jieba words without whitespace and punctuation-only tokens.

    Cut line by line with a cache: tags, the column model and relevance all cut the same
    title and paragraphs, each inside a differently assembled text. No HMM guessing of
    unknown words: the dictionary (with ours added) decides, which is several times faster.
    """
    out: list[str] = []
    for line in text.split("\n"):
        # jieba never joins words across 。！？；, so each sentence is cut (and cached) on
        # its own: a reprint or rewrite shares most sentences but rarely a whole paragraph
        for sentence in _SENTENCE_END.split(line) if line else ():
            if sentence:
                out.extend(_line_words(sentence, user_dictionary))
    return out


_SENTENCE_END = re.compile(r"(?<=[。！？；])")


@lru_cache(maxsize=200_000)
def _line_words(line: str, user_dictionary: str | None) -> tuple[str, ...]:
    return tuple(w for w in tokenizer(user_dictionary).lcut(line, HMM=False) if _WORDLIKE.search(w))


def analyzer(text: str) -> list[str]:
    """The scikit-learn analyzer: module-level so trained models pickle."""
    return words(text)
