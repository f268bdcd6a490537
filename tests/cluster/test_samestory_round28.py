"""Round 28: one customs release told in 元 by one outlet and in 美元 by another shares no
figure, yet is one event; the cross-border statistic of the same release, or another year's
total, is not."""

import datetime as dt

from newsdesk.cluster.samestory import decide, story_features
from newsdesk.text.script import to_simplified

DAY = dt.datetime(2029, 4, 13)

IN_YUAN = story_features(
    "一季度我国货物贸易进出口总值10.93万亿元 同比增长4.1%",
    "新华社北京4月13日电 海关总署13日发布数据，今年一季度，我国货物贸易进出口总值10.93万亿元，同比增长4.1%。"
    "其中，出口6.27万亿元，增长6.3%；进口4.66万亿元，增长1.2%；贸易顺差1.61万亿元。"
    "从贸易伙伴看，我国对东盟进出口增长8.7%，民营企业进出口5.99万亿元，增长7.1%。",
    DAY,
)
IN_DOLLARS = story_features(
    to_simplified("陸首季出口增5.2% 自台進口回溫"),
    to_simplified(
        "大陸海關總署13日公布，以美元計價，今年第一季進出口總值1.53兆美元，年增3.0%，其中出口8,770億美元，年增5.2%，"
        "進口6,530億美元，年增0.2%，貿易順差2,240億美元。首季大陸自台灣進口金額為478億美元，年增6.4%。"
    ),
    DAY + dt.timedelta(days=1),
)


def test_one_customs_release_told_in_yuan_and_in_dollars_is_one_story():
    decision = decide(IN_YUAN, IN_DOLLARS)
    assert decision.same and decision.weak
    assert "one release told in another currency" in decision.reasons


def test_the_cross_border_statistic_of_the_same_release_is_another_story():
    cross_border = story_features(
        "海关总署：一季度我国跨境电商进出口6782亿元 增长7.9%",
        "海关总署13日发布，据初步测算，一季度我国跨境电商进出口6782亿元，同比增长7.9%，其中出口5120亿元，增长9.6%。",
        DAY,
    )
    assert not decide(IN_DOLLARS, cross_border).same


def test_a_taiwan_trillion_in_yuan_is_a_figure():
    from newsdesk.text.figures import extract_figures

    (total,) = extract_figures(to_simplified("陸跨境電商上半年進出口1.36兆人民幣"))
    assert (total.value, total.unit) == (1.36e12, "元")
