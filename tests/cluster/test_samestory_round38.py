"""Round 38's lessons: a self-media post that retells a report in its first lines and then
recalls another release as background; two sales opening on other days."""

from newsdesk.cluster.samestory import decide

from .labelled import report


def test_a_post_retelling_a_report_first_and_recalling_another_release_after():
    day = report(38, "11月11日全国揽收快递包裹10.62亿件")
    post = report(38, "单日10.6亿件")
    decision = decide(day, post)
    assert decision.same
    assert "a self-media repost retelling the report" in decision.reasons


def test_the_release_the_post_recalls_is_another_event():
    quarter = report(38, "前三季度快递量增9.2%")
    post = report(38, "单日10.6亿件")
    decision = decide(quarter, post)
    assert not decision.same
    assert decision.score == 0.0  # (never the cluster a lone post is attached to as the nearest)


def test_two_sales_opening_on_other_days():
    opening = report(38, "天猫双11定档10月15日开售")
    presale = report(38, "天猫双11预售10月14日晚8点开启")
    decision = decide(opening, presale)
    assert not decision.same
    assert "headlines name other days (10月15日 / 10月14日)" in decision.reasons


def test_a_late_copy_that_gives_a_sum_twice():
    release = report(38, "星图数据：今年双11全网销售额19236亿元")
    taiwan = report(38, "陸雙11全網銷售額1.92兆")  # twelve days on, 1.92兆 beside 19236億元
    assert decide(release, taiwan).same
