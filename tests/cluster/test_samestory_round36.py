"""Round 36's lessons: an agency a report only names in passing is not the one whose release
it tells."""

from newsdesk.cluster.samestory import decide, release_keys

from .labelled import report


def test_a_release_announced_in_the_last_lines_is_not_the_one_told():
    # the Taiwan paper's customs quarter ends 國家統計局將於16日公布第1季GDP: the statistics
    # bureau's quarter, in 元, is another release
    customs = report(36, "中國首季出口年增5.6%")
    statistics = report(36, "一季度国内生产总值同比增长5.1%")
    assert release_keys(customs) == {"海关总署:一季度"}
    assert "one release told in another currency" not in decide(customs, statistics).reasons
    assert not decide(customs, statistics).same
