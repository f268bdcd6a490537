"""Character shingles of Chinese text, hashed to 32-bit integers with numpy.

Chinese has no spaces, so words are not the unit: overlapping runs of ``k`` characters
are. Text is normalised first (whitespace and punctuation out, full-width digits and
letters folded, Latin lower-cased) so that a reprint with different spacing or quotes
yields the same shingles. Hashing is vectorised: hashing every shingle through Python's
``hashlib`` costs about a microsecond each, which at a million articles is the whole budget.
"""

from __future__ import annotations

import re

import numpy as np

DEFAULT_K = 3
_DROP = re.compile(
    r"[\s\u3000\xa0，。！？；：、“”‘’（）《》【】〔〕「」『』—…·,.!?;:()\[\]\"'<>/\\|~`@#$%^&*+=_-]+"
)
_P = np.uint32(0x01000193)  # FNV prime: a cheap multiplier that spreads code points
_MIX = np.uint32(0x9E3779B1)


# full-width ASCII (Ａ１％) and the ideographic space folded to ASCII: what NFKC does for news
# text, at a fraction of its cost (NFKC costs more than all the hashing of an article)
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


# Folding is a lookup per character, dearer than all the rest of normalising; most of what it
# would fold is full-width punctuation (，：；（）％…), dropped once folded. Those are dropped
# first, with the rest of the punctuation, and the text is folded only if a full-width
# character is left (Ａ１: rare in news): each character is mapped on its own (but Σ), so the
# result is the same.
_WIDE_DROPPED = "".join(
    chr(cp)
    for cp in sorted(_FOLD)
    if chr(cp) != "\u3000" and _DROP.fullmatch(chr(cp).translate(_FOLD).lower())
)
_DROP_FIRST = re.compile("[" + re.escape(_WIDE_DROPPED) + _DROP.pattern[1:])
_FOLDABLE = re.compile("[\uff01-\uff5e\u3000]")


def normalise(text: str) -> str:
    if "Σ" in text:  # lower-cased by its neighbours (final ς): nothing dropped before
        return _DROP.sub("", text.translate(_FOLD).lower())
    text = _DROP_FIRST.sub("", text)
    if _FOLDABLE.search(text):
        text = text.translate(_FOLD)
    return _DROP.sub("", text.lower())


def shingle_hashes(text: str, k: int = DEFAULT_K, normalised: bool = False) -> np.ndarray:
    """Sorted unique uint32 hashes of the k-character shingles of ``text``."""
    t = text if normalised else normalise(text)
    if not t:
        return np.zeros(0, dtype=np.uint32)
    codes = np.frombuffer(t.encode("utf-32-le"), dtype=np.uint32)
    if len(codes) < k:
        codes = np.concatenate([codes, np.zeros(k - len(codes), dtype=np.uint32)])
    n = len(codes) - k + 1
    with np.errstate(over="ignore"):
        h = np.zeros(n, dtype=np.uint32)
        for j in range(k):
            h = h * _P + codes[j : j + n]
        h ^= h >> np.uint32(15)
        h *= _MIX
        h ^= h >> np.uint32(13)
    # sorted and deduplicated by hand: np.unique's hashing costs ten times a sort here
    h.sort()
    if len(h) > 1:
        h = h[np.concatenate(([True], h[1:] != h[:-1]))]
    return h


def shared_count(a: np.ndarray, b: np.ndarray) -> int:
    """Hashes two sorted unique arrays have in common: the smaller looked up in the larger
    by binary search, cheaper than sorting the two together as ``np.intersect1d`` does."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) == 0:
        return 0
    at = np.searchsorted(large, small)
    at[at == len(large)] = len(large) - 1
    return int(np.count_nonzero(large[at] == small))


def jaccard(a: np.ndarray, b: np.ndarray, shared: int | None = None) -> float:
    """``shared``: ``shared_count(a, b)`` when the caller has it already."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    inter = shared_count(a, b) if shared is None else shared
    return inter / (len(a) + len(b) - inter)


def containment(a: np.ndarray, b: np.ndarray, shared: int | None = None) -> float:
    """Share of the shorter text's shingles found in the other: a reprint that cuts the
    original, or a follow-up that repeats it, scores high although Jaccard is low."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    inter = shared_count(a, b) if shared is None else shared
    return inter / min(len(a), len(b))
