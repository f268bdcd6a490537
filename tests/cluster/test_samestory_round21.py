"""Round 21's lessons: two platforms' own figures of one festival are two stories."""

import datetime as dt

from newsdesk.cluster.samestory import decide, story_features

WHEN = dt.datetime(2027, 8, 12, tzinfo=dt.UTC)


def test_two_platforms_figures_of_one_festival_are_two_stories():
    douyin = story_features(
        "抖音电商发布七夕消费数据：黄金饰品成交额同比增长85%",
        "8月11日，抖音电商发布七夕消费数据。七夕前一周，平台黄金饰品成交额同比增长85%，鲜花成交额增长62%，"
        "男性用户下单量同比增长40%。",
        WHEN,
    )
    jd = story_features(
        "京东七夕战报：鲜花订单量同比增长70% 黄金成交额增长1.3倍",
        "8月11日，京东发布七夕战报。七夕前一周，平台鲜花订单量同比增长70%，黄金成交额同比增长1.3倍，"
        "男性用户下单量同比增长40%。",
        WHEN,
    )
    decision = decide(douyin, jd)
    assert not decision.same
    assert "headlines name other platforms (抖音电商 / 京东)" in decision.reasons


def test_a_platform_the_other_report_names_is_no_second_story():
    # the repost names 抖音 (of 抖音电商) in its text: nothing tells the two apart by platform
    report = story_features(
        "抖音电商发布七夕消费数据：黄金饰品成交额同比增长85%",
        "8月11日，抖音电商发布七夕消费数据。七夕前一周，平台黄金饰品成交额同比增长85%。",
        WHEN,
    )
    repost = story_features(
        "京东之外，七夕谁卖得最好？黄金成交涨了85%",
        "抖音数据显示，七夕前一周黄金饰品成交额同比增长85%，比京东还猛。",
        WHEN,
    )
    assert not any("other platforms" in r for r in decide(report, repost).reasons)
