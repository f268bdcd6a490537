"""Round 41's lesson: two writers each reported the first half's statistics and customs
release, the same day, in the same words, with other figures (GDP 5.1% / 4.9%, 22.86万亿元 /
22.61万亿元). Reports that give one statistic of one period other values are two releases,
however alike their wording; what a headline only names beside its own figure (跨境電商撐場),
and a place in a passer-by's quoted words (市民：深圳食買玩平一半), do not tell another event."""

from newsdesk.cluster.samestory import decide

from .labelled import report


def test_two_headlines_giving_the_country_s_output_other_values():
    # 上半年中国GDP同比增长5.1% beside 上半年国内生产总值同比增长4.9%: one statistic, named two ways
    one = report(41, "上半年中国GDP同比增长5.1%")
    other = report(41, "上半年国内生产总值同比增长4.9%")
    decision = decide(one, other)
    assert not decision.same
    assert "国内生产总值" in decision.reasons[-1]


def test_reports_giving_one_period_s_statistics_other_values_are_two_releases():
    # the first half's 网上零售额 74180亿元 and 8.3% / 79450亿元 and 8.1%: the model reads the
    # wording alike and joins them; the statistics tell them apart
    one = report(41, "上半年中国GDP同比增长5.1%")
    other = report(41, "上半年网上零售额增8.1%")
    decision = decide(one, other)
    assert not decision.same
    assert any(r.startswith("the same statistics differ") for r in decision.reasons)
    # while the release's own copies, giving the same values, still join
    assert decide(report(41, "上半年国内生产总值同比增长4.9%"), other).same


def test_a_post_s_list_has_its_headline_s_period():
    # 上半年成绩单出炉！… 1️⃣ GDP超68万亿，增长4.9%；2️⃣ 社零超25万亿，增长4.6%: the list's figures are
    # the first half's, and contradict the other writer's 5.1% and 4.7%
    post = report(41, "上半年成绩单出炉")
    assert decide(post, report(41, "內地上半年經濟增4.9%")).same
    assert not decide(post, report(41, "上半年中国GDP同比增长5.1%")).same


def test_a_release_told_in_dollars_with_a_part_named_beside_its_figure():
    # 陸上半年出口增5.8% 跨境電商撐場 is customs' whole release told in 美元; the part it names is
    # no figure of its headline
    in_yuan = report(41, "海关总署：上半年我国货物贸易进出口22.61万亿元")
    in_dollars = report(41, "陸上半年出口增5.8%")
    assert decide(in_yuan, in_dollars).same
    # a headline that gives the part's own figure is that statistic's report
    part = report(41, "上半年跨境电商进出口1.43万亿元")
    assert not decide(part, in_dollars).same


def test_a_place_in_a_passer_by_s_quoted_words_is_not_the_event_s():
    crossings = report(41, "暑假港人北上逾1,600萬人次")  # …市民：深圳食買玩平一半
    assert "深圳" not in crossings.headline_places
