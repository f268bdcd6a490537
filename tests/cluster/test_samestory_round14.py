"""Round 14's lessons: a company's buyback and its dividend are two events; a copy dated
weeks after the day it announces as still to come carries a repost's date."""

import datetime as dt

from newsdesk.cluster.samestory import dated_after_what_it_announces, decide, figure_keys, story_features
from newsdesk.text.script import to_simplified

DAY = dt.datetime(2026, 12, 16, tzinfo=dt.UTC)


def test_a_buyback_and_a_dividend_announced_together_are_two_events():
    buyback = story_features(
        "青禾科技宣布20亿美元股份回购计划",
        "青禾科技12月16日公告，董事会批准一项不超过20亿美元的股份回购计划，有效期至2028年底。"
        "公司今年以来已累计回购约8亿美元股份。",
        DAY,
    )
    dividend = story_features(
        "青禾科技宣派特别股息 总额约8亿美元",
        "青禾科技12月16日公告，宣派特别股息每股ADS 0.9美元，总额约8亿美元，"
        "将于明年1月派付。公司今年以来已累计回购约8亿美元股份。",
        DAY,
    )
    decision = decide(buyback, dividend)
    assert not decision.same
    assert decision.reasons[0].startswith("two capital actions")


def test_a_copy_dated_weeks_after_the_day_it_announces_is_read_as_undated():
    copied = dt.datetime(2027, 1, 8, tzinfo=dt.UTC)
    text = "据本地媒体消息，该市将发放1000万元消费券，市民可在12月20日至22日通过App预约。"
    assert dated_after_what_it_announces("消费券将发放", text, copied)
    assert story_features("消费券将发放", text, copied).published_at is None
    # told before the day, or of next year's day, the date stands
    assert not dated_after_what_it_announces("消费券将发放", text, dt.datetime(2026, 12, 18, tzinfo=dt.UTC))
    assert not dated_after_what_it_announces("年货节", "年货节将于1月8日启幕。", DAY)
    assert not dated_after_what_it_announces("新规", "新规将于2027年3月1日起施行。", DAY)


def test_a_signed_opinion_stating_the_events_figure_is_still_commentary():
    report = story_features(
        "2026年我国网上零售额超17.4万亿元 同比增长6.8%",
        "国家统计局1月18日发布数据，2026年全国网上零售额174200亿元，比上年增长6.8%。其中，实物商品"
        "网上零售额占社会消费品零售总额的比重为27.0%，比上年提高0.8个百分点。",
        dt.datetime(2027, 1, 18, tzinfo=dt.UTC),
    )
    column = story_features(
        "网购占比升至27%之后：线上消费进入存量精耕阶段",
        "■刘振川（某券商研究所宏观分析师） 2026年实物商品网上零售额占社零比重达到27.0%，较上年再提高"
        "约0.8个百分点。这一数字背后，有三点值得关注。其一，增速放缓说明流量红利见顶，平台需要从抢新客"
        "转向提复购。笔者认为，未来比拼的不是规模，而是效率。",
        dt.datetime(2027, 1, 19, tzinfo=dt.UTC),
    )
    assert column.commentary >= 2.0
    assert not decide(report, column).same


def test_a_taiwan_amount_in_yuan_or_in_new_taiwan_dollars_is_one_figure():
    wire = figure_keys("", to_simplified("免稅額度將由新台幣2000元調降為1000元。"))
    paper = figure_keys("", to_simplified("免稅額從2000元降至1000元。"))
    assert wire == paper


def test_two_months_and_the_newsrooms_short_names_are_read_as_the_release_says_them():
    from newsdesk.cluster.samestory import mainland_terms, title_periods

    assert title_periods("前两个月我国社会消费品零售总额同比增长4.3%") == title_periods(
        "1-2月社零增4.3%好于预期"
    )
    assert title_periods(to_simplified("內地首兩月零售額增4.3%")) == {"1—2月"}
    assert mainland_terms("1-2月社零增4.3%") == "1-2月社会消费品零售总额增4.3%"
