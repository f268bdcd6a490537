"""A pair is one pair whichever report is asked first: the clusterer meets each pair in the
order the reports arrive, and a measure that depends on it would join or split a story by
the order of publication."""

import itertools

import numpy as np

from newsdesk.cluster.samestory import decide, pair_signals, story_features

from .labelled import round_reports


def test_the_signals_and_the_decision_do_not_depend_on_the_order():
    for a, b in itertools.combinations(round_reports(33), 2):
        assert np.array_equal(pair_signals(a, b), pair_signals(b, a)), (a.title, b.title)
        assert decide(a, b).same == decide(b, a).same, (a.title, b.title)


def test_two_roundings_of_one_figure_are_one_precise_figure_in_common():
    # 1176.3亿元 and 1176亿元 in the report, 1176.3亿元 in the Taiwan paper's copy
    results = story_features(
        "拼多多二季度营收1176亿元不及预期",
        "二季度，拼多多实现营收1176.3亿元，同比增长5%；净利润287.5亿元，同比下降9%。",
    )
    copy = story_features(
        "拼多多Q2財報遜預期", "營收年增5%至1,176.3億元人民幣，淨利年減9%至287.5億元人民幣。"
    )
    assert np.array_equal(pair_signals(results, copy), pair_signals(copy, results))
