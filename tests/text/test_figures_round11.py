"""Readings added after blind round 11: each test tells one way Chinese economic reporting
writes a figure, in a sentence of its own (not the round's)."""

import pytest

from newsdesk.text.figures import extract_figures


def by_text(figures):
    return {f.text: f for f in figures}


def test_a_taiwan_companys_filing_is_no_part_of_its_measure():
    figures = by_text(
        extract_figures("全家公告10月合併營收為新台幣95.2億元，年增3.1%，累計前10月營收達910億元。")
    )
    assert figures["95.2亿元"].subject == "全家合并营收"
    assert figures["年增3.1%"].subject == "全家合并营收"
    assert figures["910亿元"].subject == "全家累计营收"  # of the company, without 合并


def test_market_share_is_a_measure_not_a_share_of_something():
    figures = by_text(
        extract_figures("中通快递10月完成业务量32.1亿票，市占率达19.8%，较上月提高0.2个百分点。")
    )
    assert figures["19.8%"].subject == "中通快递市场占有率"
    assert figures["较上月提高0.2个百分点"].subject == "中通快递市场占有率"


def test_a_measure_word_is_the_unit():
    (orders,) = extract_figures("11月该平台每日平均訂單逾4.1萬張。")
    assert (orders.value, orders.unit) == (41000, "张")
    assert orders.subject == "该平台日均订单"  # 每日平均 is 日均
    (apples,) = extract_figures("光今年夏天就卖了二十来万斤。")
    assert (apples.value, apples.unit, apples.period) == (200000, "斤", "今年夏天")
    assert apples.subject == "销量"


def test_spoken_halves_and_hedges():
    figures = by_text(extract_figures("今年我们的出口订单差不多少了两成，欧洲那边更是掉了一半。"))
    assert figures["少了两成"].value == -20
    assert figures["少了两成"].subject == "我们的出口订单"  # 差不多 is a hedge
    assert (figures["掉了一半"].value, figures["掉了一半"].unit) == (-50, "%")
    (more,) = [f for f in extract_figures("一天卖了两三千单，比去年多了快一半。") if f.unit == "%"]
    assert (more.value, more.base) == (50, "比去年")
    (gmv,) = extract_figures("这个直播间一晚上下来，GMV少说五六百万。")
    assert (gmv.subject, gmv.unit, gmv.value) == ("GMV", "元", 5_000_000)


def test_a_kuai_or_so_is_one_yuan_and_the_price_of_one_jin():
    (price,) = [f for f in extract_figures("今年橙子一斤比去年便宜了块把钱。") if f.unit == "元"]
    assert (price.value, price.base, price.subject) == (1.0, "比去年", "橙子每斤售价")


def test_the_first_minutes_of_a_sale_are_a_period():
    (sales,) = extract_figures("华为新机在天猫平台开售10分钟内销售额突破5亿元。")
    assert sales.period == "开售10分钟内"
    assert sales.subject == "华为新机天猫平台销售额"


def test_a_partner_list_after_dui_names_each_trade():
    figures = extract_figures(
        "1—10月我国出口20.1万亿元，同比增长5.2%；其中对美国、日本出口分别增长3.1%和2.4%。"
    )
    assert [(f.subject, f.base) for f in figures[2:]] == [("对美国出口额", "同比"), ("对日本出口额", "同比")]


def test_forecast_hedges_and_a_bare_second_clause():
    figures = extract_figures("零售管理協會預計，11月零售額將按年上升約2%，全年則料微跌1%左右。")
    assert (figures[1].value, figures[1].subject, figures[1].base) == (-1.0, figures[0].subject, "按年")
    (_, rate) = extract_figures("预计2026年市场规模将达到3万亿元左右，2027年增速或回落至8%以下。")
    assert rate.subject == "市场规模增速"
    (_, whole_year) = extract_figures("今年首十個月處理的郵件按年增長約一成，預計全年可達2,000萬件。")
    assert whole_year.subject == "处理的邮件"


@pytest.mark.parametrize(
    ("sentence", "base"),
    [
        ("机票预订量较上年同期增长超两成，酒店订单则回落约10%。", "较上年同期"),
        ("今年双11全县快递量比去年直接翻了一倍。", "比去年"),
        ("来台旅客仍仅恢复至2019年同期的七成左右。", "2019年同期"),
    ],
)
def test_what_a_change_is_measured_against(sentence, base):
    assert extract_figures(sentence)[-1].base == base
