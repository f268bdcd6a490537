"""Readings added after blind round 14: each test tells one way Chinese economic reporting
writes a figure, in a sentence of its own (not the round's)."""

import pytest

from newsdesk.text.figures import extract_figures


def by_text(figures):
    return {f.text: f for f in figures}


def test_this_week_and_so_far_are_periods_of_a_weekly_report():
    recalled, done = extract_figures(
        "市场监管总局通报，本周某车企召回存在隐患的汽车共计3.2万辆，目前已完成召回约8000辆。"
    )
    assert (recalled.period, done.period) == ("本周", "目前")


def test_now_alone_inside_a_clause_is_no_period():
    (fee,) = extract_figures("快递小哥现在派一单也就1块5。")
    assert fee.period is None


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("某平台表示，11月前两周生鲜订单量环比增长35%。", "11月前两周"),
        ("某超市三季度以来客流量同比增长8%。", "三季度以来"),
        ("礼品店老板刘先生说：“年货节头一个礼拜，礼盒卖了两千多盒。”", "年货节头一个礼拜"),
        ("花店老板陈女士说：“元旦前这一个月，鲜花订单比上个月翻了一番。”", "元旦前这一个月"),
        ("骑手小王说：“跨年夜那晚最忙，一晚上跑了五十多单。”", "跨年夜那晚"),
        ("主播“小橙”11月20日晚的直播专场销售额超过1.2亿元。", "11月20日晚"),
        ("快递员小周说：“这几天一天能派四百多件。”", "这几天"),
        ("“上周一场直播卖了一千来万。”一位主播说。", "上周"),
        ("“周末两天就卖了八十多台。”某家电门店店长说。", "周末两天"),
    ],
)
def test_spoken_and_relative_periods(sentence, period):
    assert extract_figures(sentence)[0].period == period


def test_a_film_season_after_a_closing_date_is_what_is_sold_for():
    (box_office,) = extract_figures("猫眼数据显示，截至12月28日，2027年春节档预售总票房突破3亿元。")
    assert box_office.period == "截至12月28日"


def test_a_running_total_does_not_hold_for_a_new_act():
    spent, dividend = extract_figures("某公司今年以来累计斥资逾5亿元回购股份，并宣派末期股息每股0.3港元。")
    assert (spent.subject, spent.period) == ("某公司股份回购金额", "今年以来")
    assert (dividend.subject, dividend.period) == ("某公司每股末期股息", None)


def test_a_value_fallen_from_keeps_its_own_period():
    before, after = extract_figures("多家平台10月的补贴有所收缩，某平台单均补贴由9月的5.2元降至3.8元。")
    assert (before.period, after.period) == ("9月", "10月")


def test_buyback_money_and_price_ceiling():
    money, ceiling = extract_figures(
        "远航科技公告，公司拟以2亿元至4亿元自有资金回购股份，回购价格不超过每股35元。"
    )
    assert (money.subject, money.value, money.upper) == ("远航科技股份回购资金", 2e8, 4e8)
    assert ceiling.subject == "远航科技回购价格上限"


def test_a_dividend_plan():
    per_ten, total = extract_figures(
        "远航科技发布2026年度分红预案，拟每10股派发现金红利2元，合计派现约3.1亿元。"
    )
    # (the company that published the plan pays the dividend)
    assert per_ten.subject == "远航科技每10股派发现金红利"
    assert total.subject == "远航科技现金分红总额"


def test_what_a_part_adds_to_the_growth_of_the_whole():
    *_, pull = extract_figures(
        "1—11月，某市社会消费品零售总额同比增长3.9%，其中通讯器材类零售额增长15.2%，拉动全市社零增长0.8个百分点。"
    )
    assert pull.subject == "某市通讯器材类零售额对全市社会消费品零售总额增长的拉动"


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("美团年度报告显示，2026年平台年度活跃用户数超7亿。", "美团年度活跃用户数"),
        ("快手电商双12当天，平台客单价约150元。", "快手电商客单价"),
        ("即时零售平台闪电送数据显示，11月平台上暖宝宝销量环比增长80%。", "闪电送平台暖宝宝销量环比增速"),
    ],
)
def test_the_platform_a_sentence_opens_with_owns_its_figures(sentence, subject):
    assert extract_figures(sentence)[0].subject == subject


def test_a_speaker_named_after_the_quote_owns_its_figures():
    before, now = extract_figures("“以前一天卖两百来单，现在能到五百多单，”社区团长李女士说。")
    assert before.subject.startswith("社区团长李女士") and now.subject.startswith("社区团长李女士")
    assert (before.period, now.period) == ("以前", "现在")


def test_boxes_are_counted_and_two_or_three_tenths_is_a_range():
    boxes, rise = extract_figures("礼品店老板刘先生说：“礼盒卖了两千多盒，比去年同期多了两三成。”")
    assert (boxes.unit, boxes.value) == ("盒", 2000)
    assert (rise.value, rise.upper) == (20, 30)
