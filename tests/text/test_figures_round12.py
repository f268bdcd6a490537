"""Readings added after blind round 12: each test tells one way Chinese economic reporting
writes a figure, in a sentence of its own (not the round's)."""

import pytest

from newsdesk.text.figures import extract_figures


def by_text(figures):
    return {f.text: f for f in figures}


def test_a_narrowed_loss_is_the_loss_of_the_company_that_reports_it():
    _, loss, last_year = extract_figures(
        "京东公布第二季度业绩，收入同比增长6.1%，经调整亏损净额收窄至12.5亿元，去年同期为30.2亿元。"
    )
    assert loss.subject == "京东经调整亏损净额"  # 收窄至 is no part of the measure
    assert (last_year.subject, last_year.period) == ("京东经调整亏损净额", "去年同期")


def test_spoken_more_sold_and_more_takings():
    fridges, takings = extract_figures("这个季度冰箱多卖了三四千台，营业额多了五十来万。")
    assert fridges.subject == "冰箱销量"
    assert (takings.subject, takings.unit, takings.value) == ("营业额", "元", 500_000)


def test_parcels_sent_out_in_a_day_are_a_shipping_count():
    (_, sent) = extract_figures("今年我们村的脐橙比去年降了快三成，但一天能发七八百件。")
    assert (sent.subject, sent.value, sent.upper) == ("发货量", 700, 800)


def test_a_rate_per_second_is_no_part_of_the_peak():
    processed, peak = extract_figures(
        "据银联平台数据，元旦当天处理网络支付交易超过18亿笔，峰值达每秒7.6万笔。"
    )
    assert processed.subject == "银联平台处理网络支付交易笔数"  # the platform whose data it is
    assert (peak.subject, peak.value) == ("峰值", 76_000)


def test_money_put_in_is_the_fund_of_the_province_told_before():
    (fund,) = extract_figures("江苏省商务厅表示，该省明年将再投入消费券资金5亿元。")
    assert fund.subject == "江苏省消费券资金"


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("据四川省文旅厅统计，上半年全省累计接待游客4.1亿人次。", "四川省接待游客人次"),
        ("沭阳县前10月花木网络销售额超200亿元，截至目前全县电商主体数量增至3.5万家。", "沭阳县电商主体数量"),
    ],
)
def test_the_whole_province_or_county_is_the_one_named_first(sentence, subject):
    assert extract_figures(sentence)[-1].subject == subject


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("小红书方面披露，今年“618”期间平台美妆类成交额同比增长超30%。", "小红书美妆类成交额"),
        ("爱回收集团发布报告称，今年上半年平台二手手机回收量约800万台。", "爱回收集团二手手机回收量"),
    ],
)
def test_the_platform_is_the_company_that_speaks(sentence, subject):
    assert extract_figures(sentence)[0].subject == subject


def test_a_company_named_with_its_english_name_in_brackets():
    revenue, growth, eps = extract_figures(
        "乐天（Rakuten）公布，前三季累计营收达新台币120.5亿元，年增3.2%，每股盈余为新台币2.1元。"
    )
    assert revenue.subject == growth.subject == "乐天累计营收"
    assert eps.subject == "乐天每股盈余"
    (_, users) = extract_figures("拼多多第三季度营收1082.8亿元，活跃用户数为9.1亿。")
    assert users.subject == "拼多多活跃用户数"


def test_per_parcel_is_no_company():
    *_, profit = extract_figures(
        "顺丰控股财报显示，公司当季件量达40亿票，单均收入较上年同期下降约0.5元，净利润同比增长8.1%。"
    )
    assert profit.subject == "顺丰控股净利润"


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("據業界估計，今年「雙12」單日，某平台GMV逾新台幣20億元。", "今年「双12」单日"),
        ("11月首周，三亚免税店日均销售额约8000万元，环比增长12%。", "11月首周"),
        ("11月以来，携程平台出境游订单量环比上涨约三成。", "11月以来"),
        ("某主播双12专场直播销售额超5亿元。", "双12专场"),
        ("雙12檔期，某電商平台訂單量較去年成長近兩成。", "双12档期"),
        ("我们店昨晚一晚上走了两千来单。", "昨晚"),
    ],
)
def test_periods_of_a_week_a_sale_or_a_night(sentence, period):
    assert extract_figures(sentence)[0].period == period


def test_a_sale_show_and_a_night_are_no_part_of_the_subject():
    (sales,) = extract_figures("某主播双12专场直播销售额超5亿元。")
    assert sales.subject == "某主播直播销售额"
    (orders,) = extract_figures("我们店昨晚一晚上走了两千来单。")
    assert orders.subject == "我们店订单量"  # orders that went out


def test_tenths_and_a_half():
    fall, _ = extract_figures("11月经香港转口的水果货值按年减少两成半，至约3.2亿港元。")
    assert (fall.value, fall.unit) == (-25.0, "%")
    (share,) = extract_figures("其中内地旅客占比超过八成半。")
    assert share.value == 85.0


def test_mao_in_words_is_money():
    (profit,) = extract_figures("一位店主说：“现在一单赚不到五毛钱。”")
    assert (profit.value, profit.unit, profit.subject) == (0.5, "元", "单均利润")


def test_cubic_metres_are_a_unit():
    (cold,) = extract_figures("截至11月末，全国冷库总容量约2.1亿立方米。")
    assert (cold.value, cold.unit) == (2.1e8, "立方米")


@pytest.mark.parametrize(
    ("sentence", "base"),
    [
        ("今年脐橙的收购价比去年降了快三成。", "比去年"),
        ("某電商平台訂單量較去年成長近兩成。", "较去年"),
    ],
)
def test_a_spoken_or_taiwan_verb_ends_the_comparison(sentence, base):
    assert extract_figures(sentence)[-1].base == base


def test_an_abbreviation_spelled_out_in_the_sentence():
    _, core = extract_figures("11月居民消费价格指数（CPI）同比上涨0.3%，核心CPI同比上涨1.1%。")
    assert core.subject == "核心居民消费价格指数"


def test_a_hedged_daily_figure_is_a_days_share():
    _, daily = extract_figures("10月入境旅客约280万人次，日均逾9万人次。")
    assert daily.subject == "日均入境旅客人次"


def test_the_same_period_is_no_part_of_the_subject():
    *_, imports, growth = extract_figures(
        "海关统计显示，10月出口额为4,100亿港元，按年上升8%；同期进口额为4,300亿港元，按年上升6%。"
    )
    assert imports.subject == growth.subject == "进口额"


def test_exports_told_again_keep_their_measure():
    *_, total, growth = extract_figures(
        "财政部统计处公布，10月出口金额达500亿美元，年增30%；累计1至10月出口4,800亿美元，年增25%。"
    )
    assert total.subject == growth.subject == "出口金额"
