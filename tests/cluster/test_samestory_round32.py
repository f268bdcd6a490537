"""Rounds 31 and 32's lessons: a broker's call on a stock is an event of its own; a Hong Kong
paper names its place without saying 香港; results told in 元 and in 美元 are compared by
their rates; a short copy keeping four of a release's figures is one even weeks on; a year's
customs release in 美元, its headline saying 去年, is the release told in 元."""

from newsdesk.cluster.samestory import (
    PairOverlap,
    _release_in_other_currency,
    decide,
    story_features,
)

from .labelled import report as _report


def test_brokers_cutting_target_prices_are_not_the_results_they_answer():
    results = _report(32, "Temu母公司拼多多首季獲利衰退")
    calls = _report(32, "大行下调拼多多目标价")
    decision = decide(results, calls)
    assert not decision.same
    assert "one headline is a broker's call on the stock" in decision.reasons
    # two reports of the same call are not kept apart by it
    first, second = _report(31, "大摩上调阿里巴巴目标价"), _report(31, "大摩升阿里巴巴")
    assert "one headline is a broker's call on the stock" not in decide(first, second).reasons


def test_a_hong_kong_paper_names_its_place_without_saying_it():
    mainland = _report(32, "香港4月零售业总销货价值同比上升3.1%")
    local = _report(32, "4月零售銷貨升3.1%")  # 政府統計處…訪港旅客: never 香港
    assert "香港" in local.places_mentioned
    assert not any("not mentioned" in r for r in decide(mainland, local).reasons)


def test_results_in_yuan_and_in_dollars_are_compared_by_their_rates():
    in_yuan = _report(31, "拼多多四季度营收增速降至3.8%")
    in_dollars = _report(31, "拼多多Q4營收201億美元")
    assert not PairOverlap(in_yuan, in_dollars).figures_disagree


def test_a_short_copy_keeping_the_releases_figures_joins_it_weeks_on():
    release = _report(32, "国家统计局：4月社零同比增长4.1%")
    copy = _report(32, "前4个月服务零售额增长6.0%")  # reposted thirteen days later
    assert decide(release, copy).same


def test_a_years_customs_release_in_dollars_headlined_last_year():
    in_yuan = _report(31, "2029年我国货物贸易进出口总值45.82万亿元")
    in_dollars = _report(31, "陸去年出口3.72兆美元")
    assert in_dollars.lead_year == "2029年"
    assert _release_in_other_currency(in_yuan, in_dollars)


def test_a_self_media_post_is_not_joined_to_a_report_that_only_recalls_its_figure():
    post = story_features(
        "41万多辆!二手车出海到底有多火?🚗",
        "家人们,二手车出口数据来了📊!前4个月卖出去41万多辆,比去年多了两成多,钱算下来差不多586亿。\n"
        "新能源的占了快三成🔥,中东那边的老板最爱买。\n说实话,身边做车商的朋友都在琢磨出海了,你们怎么看?评论区聊聊👇",
    )
    fair = story_features(
        "首届中东二手车交易博览会在迪拜开幕 中国车商签约超百亿元",
        "首届中东二手车交易博览会5月22日在迪拜开幕，来自中国的300多家车商参展，首日签约超过100亿元。\n"
        "据海关总署数据，今年前4个月我国二手车出口41.6万辆，同比增长23.5%。",
    )
    decision = decide(fair, post)
    assert not decision.same
    assert decide(post, fair).same == decision.same


def test_the_first_three_quarters_as_taiwan_writes_them():
    from newsdesk.cluster.samestory import title_periods

    assert title_periods("陸前三季出口年增6.4% 對美出口續減") == title_periods(
        "前三季度我国货物贸易进出口39.46万亿元"
    )
    in_yuan = _report(34, "海关总署：前三季度我国货物贸易进出口39.46万亿元")
    in_dollars = _report(34, "陸前三季出口年增6.4%")
    assert _release_in_other_currency(in_yuan, in_dollars)
