"""Readings added after blind round 13: each test tells one way Chinese economic reporting
writes a figure, in a sentence of its own (not the round's)."""

import pytest

from newsdesk.text.figures import extract_figures


def by_text(figures):
    return {f.text: f for f in figures}


def test_the_named_speaker_owns_the_figures_of_the_quote():
    orders, takings = extract_figures("店主刘女士说：“国庆当天我们店出了五千来单，营业额比平时翻了一番。”")
    assert orders.subject == "刘女士店铺订单量"
    assert takings.subject.startswith("刘女士")


def test_a_longer_role_is_part_of_the_speaker_name():
    (rise,) = extract_figures("淘宝卖家周先生表示，今年618推广费却涨了三成多。")
    assert rise.subject == "淘宝卖家周先生推广费"  # 却 is no part of the measure


def test_the_head_of_an_unnamed_shop_speaks_for_the_shop():
    *_, hired = extract_figures("超市负责人说：“春节前每天客流都在两千人次上下，临时招了三十来个人。”")
    assert (hired.subject, hired.unit, hired.value) == ("该超市临时招聘人数", "人", 30)


def test_a_bureau_or_an_anonymous_voice_is_no_owner():
    (sales,) = extract_figures("商务部电子商务司负责人介绍，上半年全国网上零售额7.1万亿元。")
    assert sales.subject == "全国网上零售额"


@pytest.mark.parametrize(
    ("sentence", "text", "value", "upper"),
    [
        ("果农老王说：“今年橙子收购价两块八左右一斤。”", "两块八左右", 2.8, None),
        ("骑手小刘说：“客单价三百块出头。”", "三百块出头", 300, None),
        ("摊主老张说：“一个月比平时多挣了千把块。”", "千把块", 1000, None),
        ("商户老陈说：“每部手机也就赚个一两百块。”", "一两百块", 100, 200),
    ],
)
def test_spoken_sums_of_kuai_in_words_are_yuan(sentence, text, value, upper):
    f = by_text(extract_figures(sentence))[text]
    assert (f.unit, f.value, f.upper) == ("元", value, upper)


def test_a_spoken_cost_with_no_yuan_is_yuan():
    (cost,) = extract_figures("货车司机李师傅说：“一个月跑下来油钱加过路费就要去掉六七千。”")
    # (a month's: 一个月 is told by 月)
    assert (cost.unit, cost.subject) == ("元", "货车司机李师傅月油钱和过路费支出")


def test_hedged_spoken_counts_and_shares():
    figures = by_text(extract_figures("面馆老板说：“现在一天外卖两百出头，七八成都是回头客。”"))
    assert figures["两百出头"].value == 200 and figures["两百出头"].unit == "单"
    assert (figures["七八成"].value, figures["七八成"].upper) == (70, 80)


def test_a_quoted_hedged_figure_is_speech_not_a_name():
    figures = by_text(extract_figures("快递员小王说，今天他揽收了九百多件，“平时也就五六百件上下”。"))
    assert figures["五六百件"].value == 500


def test_doubled_and_more_is_one_time_and_more():
    (more,) = extract_figures("今年店里的销量比去年翻了一倍还多。")
    assert (more.text, more.value, more.unit) == ("一倍还多", 1, "倍")


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("国家邮政局监测数据显示，第12周全国快递业务量约35亿件。", "第12周"),
        ("春节前一周全国铁路日均发送旅客超1200万人次。", "春节前一周"),
        ("小米新机开售首小时销量突破20万台。", "开售首小时"),
    ],
)
def test_weeks_and_the_days_before_a_festival_are_periods(sentence, period):
    assert extract_figures(sentence)[0].period == period


def test_a_forecast_year_is_not_the_period_of_the_share_expecting_it():
    share, growth = extract_figures("某机构调研显示，受访商家中约40%预计明年营收增长10%以上。")
    assert share.period is None
    assert growth.period == "明年"


def test_a_share_of_respondents_is_named_by_what_they_said():
    first, second = extract_figures(
        "某咨询机构调查显示，近五成受访者表示今年会增加旅游支出，超两成受访者计划购买新能源汽车。"
    )
    assert first.subject == "今年会增加旅游支出的受访者比例"
    assert second.subject == "计划购买新能源汽车的受访者比例"


def test_the_firms_a_survey_asked_are_counted_as_its_sample():
    asked, _ = extract_figures("中国物流学会对800家物流企业的调查显示，约55%的受访企业称运价下降。")
    assert asked.subject == "中国物流学会调查的物流企业数量"


def test_a_taiwan_agency_domestic_figure_is_taiwan():
    (users,) = extract_figures("金管會統計，截至9月底國內行動支付使用者突破2,000萬人。")
    assert users.subject.startswith("台湾")


def test_the_same_period_is_no_part_of_the_measure():
    *_, other = extract_figures("申通快递第三季度单票收入为2.05元；韵达股份同期单票收入为2.01元。")
    assert other.subject == "韵达股份单票收入"


def test_a_price_driven_up_to_times_the_original_compares_with_it():
    (times,) = extract_figures("黄牛把演唱会门票炒至原价的5倍。")
    assert times.base == "原价"


@pytest.mark.parametrize(
    ("sentence", "unit", "value"),
    [
        ("该平台被罚没2.3亿人幣。", "元", 230_000_000),
        ("平台调整收费规则应当提前30日公示。", "天", 30),
        ("商家应在15日内完成整改。", "天", 15),
    ],
)
def test_renminbi_shortened_and_days_counted_in_ri(sentence, unit, value):
    (f,) = extract_figures(sentence)
    assert (f.unit, f.value) == (unit, pytest.approx(value))


def test_a_date_is_no_count_of_days():
    assert not [f for f in extract_figures("商家应在12月10日内完成整改。") if f.unit == "天"]
