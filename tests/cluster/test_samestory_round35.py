"""Round 35's lessons: a results report that adds the brokers' calls tells the results; a
self-media copy's 两万多亿 is 2万亿 and more, not 两万."""

from newsdesk.cluster.samestory import decide

from .labelled import report


def test_results_with_the_brokers_calls_are_the_results():
    results = report(35, "阿里巴巴最新季度营收")
    retold = report(35, "阿里季績勝預期")
    decision = decide(results, retold)
    assert "one headline is a broker's call on the stock" not in decision.reasons
    assert decision.same


def test_a_round_figure_in_two_magnitudes_agrees_with_the_precise_one():
    release = report(35, "2031年第一批消费品以旧换新资金下达")
    post = report(35, "国补第一批860亿已到位")
    assert "2e+12元" in post.figures  # (not 20000元)
    assert "figures disagree" not in " ".join(decide(release, post).reasons)
