"""Normalising drops the punctuation before folding the width: the same text comes out."""

import json
import random
from pathlib import Path

from newsdesk.cluster.shingles import _DROP, _FOLD, normalise


def _folded_then_dropped(text: str) -> str:
    """Normalising as it is defined: fold the width, lower-case, drop the punctuation."""
    return _DROP.sub("", text.translate(_FOLD).lower())


def test_normalising_gives_what_folding_first_gives():
    alphabet = (
        [chr(cp) for cp in range(0x20, 0x7F)]
        + [chr(cp) for cp in _FOLD]
        + list("\t\n\r\x0b\x0c\xa0\u2002\u2003\u3000\u200b，。！？；：、“”‘’（）《》【】〔〕「」『』—…·")
        + list("上半年跨境电商进出口增长亿元％ÀÉİßΣДẞ")
    )
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert normalise(text) == _folded_then_dropped(text)
    for cp in range(0x10000):
        assert normalise(chr(cp)) == _folded_then_dropped(chr(cp))


def test_normalising_real_reports_is_unchanged():
    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "editorial"
    for path in sorted(fixtures.glob("*stories*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                text = row.get("title", "") + row.get("body", "")
                assert normalise(text) == _folded_then_dropped(text)
