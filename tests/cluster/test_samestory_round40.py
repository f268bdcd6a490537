"""Round 40's lesson: a late copy is told by its first paragraph as well as by all its figures
(a reprint a fortnight on that gives the release's first paragraph figure for figure, each report
then adding figures of its own)."""

from newsdesk.cluster.samestory import decide

from .labelled import report


def test_a_late_copy_whose_first_paragraph_gives_the_release_s_figures():
    release = report(40, "前5个月外贸进出口增长4.4%")  # 6月8日, with May's own figures below
    reprint = report(40, "海關總署：前5個月我國進出口同比增長4.4%")  # 6月22日, with 美元 and partners below
    decision = decide(release, reprint)
    assert decision.same
