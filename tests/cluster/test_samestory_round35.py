"""Round 35's lessons: a results report that adds the brokers' calls tells the results; a
self-media copy's 两万多亿 is 2万亿 and more, not 两万; the customs year in 元 and a Taiwan
paper's 美元 are found as one release though they share no figure."""

from newsdesk.cluster.clusterer import AnchorIndex
from newsdesk.cluster.samestory import decide, release_keys

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


def test_a_release_in_another_currency_is_found_by_its_agency_and_year():
    in_yuan = report(35, "海关总署：2030年我国货物贸易进出口总值47.82万亿元")
    in_dollars = report(35, "中國去年出口年增5.3%")
    assert not in_yuan.figures & in_dollars.figures
    index = AnchorIndex()
    index.query_and_insert(1, AnchorIndex.anchors(in_yuan))
    assert index.query_and_insert(2, AnchorIndex.anchors(in_dollars)) == {1}
    assert decide(in_yuan, in_dollars).same
    # another agency's year is another release
    statistics = report(35, "2030年我国GDP比上年增长4.7%")
    assert release_keys(in_yuan) == {"海关总署:2030年"}
    assert not release_keys(statistics) & release_keys(in_yuan)
