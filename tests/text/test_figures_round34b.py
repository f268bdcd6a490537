"""Round 34, read again: a platform's own sale day, the days a speaker names by how they
were, and one day a clause counts with 单日."""

from newsdesk.text.figures import extract_figures


def test_a_platform_s_sale_day_is_the_period():
    growth, items = extract_figures(
        "亚马逊Prime会员日期间，中国卖家销售额同比增长约19%，全球独立第三方卖家共售出超3亿件商品。"
    )
    assert growth.period == items.period == "Prime会员日期间"


def test_the_days_a_speaker_names_by_how_they_were():
    parcels, double, income = extract_figures(
        "快递员小刘说：“开学那一周，我一天要派四百来件，比平时多出一倍，一个月收入能到八千五左右。”"
    )
    assert parcels.period == double.period == "开学那一周"
    assert double.base == "比平时"
    busiest, _, _ = extract_figures(
        "杭州一名快递员告诉记者，年前最忙的那几天，他一天要派四五百件，派件量比平时翻了一番，春节留岗每天能拿200元。"
    )
    assert busiest.period == "年前最忙的那几天"
    hottest, *_ = extract_figures(
        "“最热那几天一天跑了五六十单，平台每单多补1块钱。”在杭州送外卖的骑手老周说。"
    )
    assert hottest.period == "最热那几天"
    assert "最热" not in hottest.subject


def test_a_day_a_clause_counts_with_its_single_day_measure():
    orders, share, night = extract_figures(
        "美团闪购披露，8月8日平台即时零售单日订单量突破1.2亿单，其中非餐饮订单占比超四成，夜间订单量同比增长63%。"
    )
    assert orders.period == share.period == night.period == "8月8日"
    assert orders.subject == "美团闪购即时零售单日订单量"


def test_a_date_alone_is_still_the_day_of_the_report():
    figures = extract_figures("8月26日，拼多多发布二季度财报，营收1150亿元，同比增长7%。")
    assert all(f.period != "8月26日" for f in figures)
