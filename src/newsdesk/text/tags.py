"""Tags: the organisations, platforms and places a report names.

From the dictionary (``data/tags.tsv`` plus the user's file, see ``tokens``), and from jieba
words shaped like an agency (…部, …局, …委员会, …协会) or an administrative place (…省, …市).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from newsdesk.text.tokens import dictionary, words

_ORG_SHAPE = re.compile(
    r"^[\u4e00-\u9fa5]{1,10}(?:部|总局|局|委员会|委|办公厅|协会|研究院|研究所|集团|银行)$"
)
_PLACE_SHAPE = re.compile(r"^[\u4e00-\u9fa5]{2,6}(?:省|市|自治区|县|新区|自贸区|综试区)$")
# jieba words of that shape which are not names
_NOT_NAMES = {
    "全部",
    "内部",
    "外部",
    "局部",
    "部",
    "一部",
    "本部",
    "这部",
    "各部",
    "有关部",
    "城市",
    "都市",
    "超市",
    "股市",
    "上市",
    "门市",
}


@dataclass(frozen=True)
class Tag:
    name: str
    kind: str  # platform | org | place
    count: int


def tag_kind(word: str, known: dict[str, str]) -> str | None:
    """platform, org or place when the word names one (by the dictionary or its shape)."""
    kind = known.get(word)
    if kind is None and word not in _NOT_NAMES:
        if _ORG_SHAPE.match(word) and len(word) >= 3:
            kind = "org"
        elif _PLACE_SHAPE.match(word):
            kind = "place"
    return kind


@lru_cache(maxsize=8)
def _kinds(user_dictionary: str | None) -> dict[str, str | None]:
    """Each word's kind once it has been worked out: the same few thousand words come back
    in every article, and the shape tests are regular expressions."""
    return {}


_KINDS_KEPT = 200_000


def extract_tags(text: str, user_dictionary: str | None = None) -> list[Tag]:
    known = dictionary(user_dictionary)
    kinds = _kinds(user_dictionary)
    if len(kinds) > _KINDS_KEPT:
        kinds.clear()
    counts: Counter[tuple[str, str]] = Counter()
    # the shape tests once per distinct word, not per occurrence
    for w, n in Counter(words(text, user_dictionary)).items():
        kind = kinds.get(w, "")
        if kind == "":
            kind = kinds[w] = tag_kind(w, known)
        if kind:
            counts[(w, kind)] += n
    return [
        Tag(name, kind, n) for (name, kind), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
    ]
