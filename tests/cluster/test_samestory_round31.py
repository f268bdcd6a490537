"""Round 31's lessons: a headline that adds the year's rate to the month's still tells the
month's release."""

from newsdesk.cluster.samestory import decide, story_features


def test_a_headline_adding_the_years_rate_tells_the_same_release():
    with_year = story_features(
        "12月零售業總銷貨價值按年升3.2%　全年微升1.1%",
        "政府統計處今日公布，2029年12月零售業總銷貨價值的臨時估計為340億元，較2028年同月上升3.2%。"
        "扣除期間價格變動後，12月零售業總銷貨數量的臨時估計按年上升2.1%。"
        "2029年全年計，零售業總銷貨價值臨時估計為3,852億元，較2028年上升1.1%。",
    )
    month_only = story_features(
        "香港去年12月零售业总销货价值同比增长3.2%",
        "香港特区政府统计处公布，2029年12月零售业总销货价值临时估计为340亿港元，同比上升3.2%；"
        "销货数量上升2.1%。2029年全年零售业总销货价值为3852亿港元，上升1.1%。",
    )
    decision = decide(with_year, month_only)
    assert not any("other values" in r for r in decision.reasons)
    assert decision.same
