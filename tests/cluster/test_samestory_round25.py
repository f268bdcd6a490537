"""Round 25: a precise amount in 元 and the same amount in a local currency are one figure (a
Hong Kong paper writes 323億元 for Hong Kong dollars); the ministry under its short name."""

from newsdesk.cluster.samestory import mainland_terms, shared_figure_count


def test_a_precise_amount_in_yuan_and_in_hong_kong_dollars_is_shared():
    assert shared_figure_count(frozenset({"3.23e+10元", "4.8%"}), frozenset({"3.23e+10港元", "4.8%"})) == 2


def test_a_round_amount_in_two_currencies_is_not():
    # 10亿元 and 10亿港元 are too common to say two reports tell one release
    assert shared_figure_count(frozenset({"1e+09元"}), frozenset({"1e+09港元"})) == 0


def test_dollars_are_no_local_currency():
    assert shared_figure_count(frozenset({"3.23e+10元"}), frozenset({"3.23e+10美元"})) == 0


def test_the_tourism_ministry_under_its_short_name():
    assert "文化和旅游部" in mainland_terms("文旅部数据出来了")
