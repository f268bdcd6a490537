"""Shortcuts that must give what the long way gives."""

import random

from newsdesk.text.sentences import _split_paragraph, _walk_paragraph
from newsdesk.text.tokens import _WORDLIKE, tokenizer, words


def test_plain_paragraphs_split_as_the_walk_splits_them():
    rng = random.Random(1)
    alphabet = "ab 。！？!?；）)】\"'，、x1"
    for _ in range(20000):
        paragraph = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))).strip(" ")
        assert _split_paragraph.__wrapped__(paragraph) == _walk_paragraph(paragraph)


def test_words_cut_per_sentence_as_jieba_cuts_the_line():
    line = "海关总署7月13日发布数据，今年上半年，我国跨境电商进出口8867亿元！同比增长28.6%；其中，出口6385亿元。增长44.3%？进口2482亿元"
    expected = [w for w in tokenizer(None).cut(line, False) if _WORDLIKE.search(w)]
    assert words(line) == expected
