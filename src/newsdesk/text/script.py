"""Traditional characters to Simplified, and pinyin glosses out, before text is analysed.

Hong Kong and Taiwan outlets, and the sites that repost them, print a report in Traditional
characters (業務、億元、與); some reposts gloss characters with their pinyin (務(wù)). A
Traditional reprint of a mainland report then shares no shingles, words or figures with
it. Every text the editorial stage analyses goes through ``to_simplified`` first, and so
does what it prints: the house prints Simplified.

OpenCC's ``hk2s`` configuration converts: it reads standard Traditional and the Hong Kong
variant forms (衞, 粧, 綫) that ``t2s`` leaves alone, and, unlike ``tw2s``, leaves
Simplified text as it is (``tw2s`` turns 显著 into 显着), so mainland reports pass
through unchanged. Character by character, no phrase substitution (``tw2sp`` would turn
a mainland 资讯 into 信息): the text keeps its length and its wording.

OpenCC is imported on first use: start-up does not pay for it.
"""

from __future__ import annotations

import re
from functools import lru_cache

CONFIG = "hk2s"

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# 務(wù), 電（diàn）, 务(wu4), 電商(diàn shāng): Chinese characters, then pinyin in brackets,
# each syllable with a tone mark or a tone number (so "(TM)" or "(app)" stays).
_SYLLABLE = rf"(?:[a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*|[a-zü]{{1,6}}[1-5])"
_PINYIN_GLOSS = re.compile(
    rf"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（]\s*{_SYLLABLE}(?:[\s'’-]+{_SYLLABLE}){{0,3}}\s*[)）]",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _converter():
    import opencc  # a C++ library behind a small binding: loaded when first needed

    return opencc.OpenCC(CONFIG)


def strip_pinyin_glosses(text: str) -> str:
    """``服務(wù)`` → ``服務``: the pinyin a repost prints after a character."""
    if "(" not in text and "（" not in text:
        return text
    return _PINYIN_GLOSS.sub("", text)


def to_simplified(text: str) -> str:
    """Simplified characters, pinyin glosses removed; Simplified text comes back unchanged
    (apart from glosses)."""
    if not text:
        return text
    text = strip_pinyin_glosses(text)
    if not text.isascii():
        # about 40 µs for a 500-character report: cheaper than deciding whether it is needed
        text = _converter().convert(text).translate(_CANTONESE_KEPT)
    return text


# Cantonese characters OpenCC "simplifies" into rare ones outside the basic plane, which most
# fonts lack and nobody writes (嗰 → 𠮶, 餸 → 𩠌): Hong Kong's own characters are kept
_CANTONESE_KEPT = str.maketrans({"𠮶": "嗰", "㖞": "喎", "𩠌": "餸"})


def is_traditional(text: str) -> bool:
    """Whether a text reads as Traditional: more than a few characters change."""
    sample = text[:2000]
    converted = to_simplified(sample)
    changed = sum(1 for a, b in zip(sample, converted, strict=False) if a != b)
    return changed >= 3
