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


def test_a_sum_named_by_what_it_buys_or_funds():
    *_, buyback = extract_figures(
        "唯品会二季度活跃用户数为4180万，同比减少5%，并宣布新增10亿美元股份回购计划。"
    )
    assert buyback.subject == "唯品会股份回购计划规模"
    batch, _ = extract_figures(
        "商务部新闻发言人表示，第三批690亿元消费品以旧换新超长期特别国债资金已全部下达，"
        "今年以来以旧换新累计带动相关商品销售额超1.9万亿元。"
    )
    assert batch.subject == "第三批消费品以旧换新超长期特别国债资金"
    *_, spend = extract_figures("拼多多二季度营收1236.8亿元；公司表示未来三年将投入超1000亿元扶持平台商家。")
    assert spend.subject == "拼多多扶持平台商家投入"


def test_what_each_one_is_paid_or_priced():
    allowance, _ = extract_figures(
        "多地人社部门明确，7月至9月户外作业人员高温津贴标准为每人每月300元；深圳等地平台按每天15元至25元向外卖骑手发放高温补贴。"
    )
    assert allowance.subject == "户外作业人员每人每月高温津贴标准"
    _, rate, rise = extract_figures(
        "据跨境物流企业反馈，9月黑五备货货量环比增长28%，美西航线运价升至每40英尺集装箱4200美元，较8月上涨约15%。"
    )
    assert rate.subject == rise.subject == "美西航线每40英尺集装箱运价"
