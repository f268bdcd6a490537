import pytest

from newsdesk.text.figures import extract_figures, figures_in_sentence


def by_text(figures):
    return {f.text: f for f in figures}


def test_amounts_counts_and_changes_with_period_and_subject():
    text = "2021 年，我国实物商品网上零售额首次超过 10 万亿元，同比增长 12.0%；移动支付业务 1512.28 亿笔，同比增长 22.73%。"
    figures = by_text(extract_figures(text))
    amount = figures["10 万亿元"]
    assert (amount.kind, amount.value, amount.unit) == ("amount", 10e12, "元")
    assert amount.period == "2021 年"
    assert amount.subject == "我国实物商品网上零售额"
    change = figures["同比增长 12.0%"]
    assert (change.kind, change.value, change.unit) == ("change", 12.0, "%")
    assert change.subject == "我国实物商品网上零售额"
    count = figures["1512.28 亿笔"]
    assert count.value == pytest.approx(1512.28e8)
    assert count.unit == "笔"
    assert count.subject == "移动支付业务笔数"  # so many 笔 of business: how many
    assert count.period == "2021 年"  # stated earlier in the paragraph
    assert amount.sentence.startswith("2021 年，我国实物商品")


def test_chinese_numerals_keep_their_wording():
    (f,) = [f for f in figures_in_sentence("一季度全国网上零售额达六千九百五十九亿元。")]
    assert f.text == "六千九百五十九亿元"
    assert f.value == 695_900_000_000.0
    assert f.period == "一季度"


def test_people_and_items_in_wan_and_yi():
    figures = by_text(
        figures_in_sentence(
            "截至今年 5 月底，千兆用户数突破 5000 万，5G 基站数达到 170 万个，用户数超过 4.2 亿户。"
        )
    )
    assert figures["5000 万"].value == 5e7
    assert figures["5000 万"].subject == "千兆用户数"
    assert figures["5000 万"].period == "截至今年 5 月底"
    assert figures["170 万个"].subject == "5G基站数"
    assert figures["4.2 亿户"].unit == "户"


def test_changes_in_words_and_future_periods():
    figures = by_text(
        figures_in_sentence("销售额增长近一倍，到 2025 年，跨境电商规模将达到 3 万亿元，出口占比超过七成。")
    )
    assert figures["增长近一倍"].kind == "change"
    assert figures["增长近一倍"].unit == "倍"
    assert figures["3 万亿元"].period == "到 2025 年"
    assert figures["七成"].value == 70.0


def test_currency_area_and_decline():
    figures = by_text(figures_in_sentence("营收超 1000 亿美元，面积 121493.47 平方米，进口下降1.6%。"))
    assert figures["1000 亿美元"].unit == "美元"
    assert figures["121493.47 平方米"].value == pytest.approx(121493.47)
    assert figures["下降1.6%"].value == -1.6


def test_years_dates_and_durations_are_not_figures():
    assert figures_in_sentence("2022年6月26日起，启动为期 6 个月的专项工作，一家企业参加。") == []


def test_from_to_keeps_the_subject_of_both_ends():
    figures = figures_in_sentence("从 2012 年至 2021 年，我国数字经济规模从 11 万亿元增长到超 45 万亿元。")
    assert [f.subject for f in figures] == ["我国数字经济规模", "我国数字经济规模"]
    assert figures[0].period == "2012 年至 2021 年"


def test_traditional_figures_in_yi_and_wan():
    (f,) = extract_figures("市場監管總局罰款共計13.41億元。")
    assert (f.value, f.unit) == (pytest.approx(13.41e8), "元")
    assert f.subject == "市场监管总局罚款"


def test_points_keep_their_unit_and_the_comparison_is_a_base_not_a_period():
    index, points = figures_in_sentence("6月份中国电商物流指数为105.9点，比上月回升2.2个点。")
    assert (index.value, index.unit, index.subject) == (105.9, "点", "中国电商物流指数")
    assert (points.value, points.unit, points.base) == (2.2, "个百分点", "比上月")
    assert points.subject == "中国电商物流指数" and points.period == "6月份"
    share, points = figures_in_sentence(
        "2022年上半年，实物商品网上零售额占社会消费品零售总额的比重为25.9%，较一季度提高1.7个百分点。"
    )
    assert points.period == share.period == "2022年上半年"
    assert points.base == "较一季度"
    assert points.subject == share.subject == "实物商品网上零售额占社会消费品零售总额的比重"


def test_respectively_gives_each_its_subject():
    figures = figures_in_sentence("2023年，吃类、穿类、用类商品分别比上年增长11.2%、10.8%和7.4%。")
    assert [f.subject for f in figures] == ["吃类商品", "穿类商品", "用类商品"]
    assert {f.base for f in figures} == {"比上年"}
    pay = figures_in_sentence("我国移动支付业务量达到561.36亿笔，金额143.06万亿元，同比分别增长10.2%和6.4%。")
    # (金额, named bare, is the amount of the business counted before it)
    assert [f.subject for f in pay] == ["我国移动支付业务量", "我国移动支付业务金额"] * 2


def test_a_share_in_cheng_has_a_subject():
    figures = figures_in_sentence("调查显示，七成消费者表示愿意为绿色包装多付费。")
    assert [(f.value, f.unit, f.subject) for f in figures] == [(70.0, "%", "消费者比例")]


def test_ranges_times_and_full_width_digits():
    (rate,) = figures_in_sentence("平均退货率在30%—50%之间。")
    assert (rate.value, rate.upper) == (30.0, 50.0)
    (times,) = figures_in_sentence("2024年，我国直播电商交易额是2019年的近10倍。")
    assert (times.value, times.unit, times.base) == (10.0, "倍", "2019年")
    (amount,) = figures_in_sentence("2024年，全国网上零售额１５５２２５亿元。")
    assert amount.value == pytest.approx(155225e8)


def test_event_and_fiscal_periods():
    def periods(sentence):
        return [f.period for f in figures_in_sentence(sentence)]

    assert periods("2025年“618”期间，重点平台家电销售额约460亿元，同比增长近50%。") == ["2025年“618”期间"] * 2
    assert periods("2024年天猫双11期间，589个品牌成交额破亿元。")[0] == "2024年天猫双11期间"
    assert periods("2025年春节假期，重点零售企业销售额同比增长4.1%。") == ["2025年春节假期"]
    assert periods("国庆黄金周，全国快递揽收量超过25亿件。") == ["国庆黄金周"]
    assert periods("盒马2025财年GMV超过750亿元。") == ["2025财年"]
    assert periods("截至2025年9月30日的季度，客户管理收入同比增长10%。") == ["截至2025年9月30日的季度"]
    assert periods("国家邮政局预计，2025年全年快递业务量将超过1950亿件。") == ["2025年"]


def test_spans_plans_and_from_to_periods():
    (rate,) = figures_in_sentence("未来三年，即时零售市场年均增速保持在15%至20%。")
    assert (rate.period, rate.value, rate.upper) == ("未来三年", 15.0, 20.0)
    # a yearly average over a single date has no period of its own, and 年均 is no base
    text = "截至2025年10月，全国累计培育示范县超过200个，带动农产品网络销售额年均增长超20%。"
    count, average = extract_figures(text)
    assert count.period == "截至2025年10月"
    assert (average.period, average.base) == (None, None)
    # a plan told after the figure does not give it a period
    (share,) = figures_in_sentence("约85%的卖家计划在未来一年加大对人工智能工具的投入。")
    assert share.period is None
    low, high = figures_in_sentence("该县电商销售额从2019年的不足5亿元增长到2024年的近40亿元。")
    assert low.period == "2019年" and high.period in ("到2024年", "2024年")


def test_numbers_written_out_fractions_ranges_and_people():
    (f,) = figures_in_sentence("江苏省网络零售额达到一万零八百亿元。")
    assert f.value == pytest.approx(1.08e12) and f.unit == "元"
    (f,) = figures_in_sentence("农村电商带动就业两百余万人。")
    assert (f.value, f.unit) == (2e6, "人")
    (f,) = figures_in_sentence("在线旅游预订额占旅游总收入的比重接近四分之一。")
    assert (f.value, f.unit) == (25.0, "%")
    (f,) = figures_in_sentence("预计市场规模在300亿至500亿元之间。")
    assert (f.value, f.upper, f.unit) == (3e10, 5e10, "元")
    (f,) = figures_in_sentence("过去一年共有超过1000万名新作者获得收入。")
    assert f.unit == "人"
    users, _ = figures_in_sentence("京东平台超过2.2亿用户下单购物，订单量同比增长超过100%。")
    assert (users.value, users.unit) == (pytest.approx(2.2e8), "人")
    assert figures_in_sentence("10月24日晚8点，天猫双11首轮预售正式开启。") == []


def test_a_change_after_from_to_is_measured_against_the_first_year():
    *_, times = figures_in_sentence("该县电商销售额从2019年的不足5亿元增长到2024年的近40亿元，翻了三番。")
    assert (times.value, times.unit, times.base) == (8.0, "倍", "2019年")


def test_subjects_are_noun_phrases_of_what_is_measured():
    def subjects(sentence):
        return [f.subject for f in figures_in_sentence(sentence)]

    # counted things: 数量, and a count of people by what they are
    assert subjects("截至2024年底，我国跨境电商主体已超12万家，建设海外仓超2500个，面积超3000万平方米。")[
        :2
    ] == [
        "我国跨境电商主体数量",
        "我国海外仓数量",
    ]
    assert (
        subjects("截至2024年底，我国直播电商从业人员已超过1500万人，较上年底增长约22%。")
        == ["我国直播电商从业人员数量"] * 2
    )
    assert subjects("2024年，浙江省农村电商带动就业两百余万人。") == ["浙江省农村电商带动就业人数"]
    assert subjects("春节假期，促消费活动吸引消费者超过5000万人次。") == ["促消费活动吸引消费者人次"]
    # trade flows in money are 额
    assert subjects("2024年我国跨境电商进出口2.63万亿元，比2023年增长10.8%。") == ["我国跨境电商进出口额"] * 2
    # what is counted after its count, whatever follows it (and those of them that did so)
    assert subjects("2024年“双11”期间，抖音电商上有4.2万个商家销售额同比增长超过一倍。") == [
        "销售额同比增长超过一倍的商家数量",
        "商家销售额",
    ]
    assert (
        subjects("2025年有近七成外贸企业开展了跨境电商业务，较2022年提高约15个百分点。")
        == ["外贸企业比例"] * 2
    )
    assert (
        subjects("2024年有47.6%的受访网购用户使用过AI导购，预计2026年这一比例将上升至60%以上。")
        == ["受访网购用户比例"] * 2
    )
    # a yearly average and a bare 规模 take the measure told before
    assert subjects("2013—2023年，全国网上零售额年均增长约17.8%，2023年规模是2013年的约8.2倍。") == [
        "全国网上零售额年均增速",
        "全国网上零售额规模",
    ]
    assert subjects("预计2026年即时零售市场规模将突破2万亿元，未来三年年均增速保持在15%至20%。") == [
        "即时零售市场规模",
        "即时零售市场规模年均增速",
    ]
    # the report's source names its 平台
    assert subjects("美团闪购数据显示，2025年“618”期间，平台3C数码品类销售额同比增长超过80%。") == [
        "美团闪购3C数码品类销售额"
    ]
    assert subjects("抖音电商发布的数据显示，2024年平台共售出农特产品95亿单。") == ["抖音电商农特产品销量"]


def test_shares_name_the_part_and_the_whole():
    def subjects(sentence):
        return [f.subject for f in figures_in_sentence(sentence)]

    *_, share = subjects("截至2024年12月，网络购物用户规模达9.74亿人，占网民整体的87.9%。")
    assert share == "网络购物用户占网民整体的比例"
    *_, share = subjects(
        "2025年1—9月，跨境电商进出口额约1.9万亿元，占同期我国货物贸易进出口总值的比重约为5.2%。"
    )
    assert share == "跨境电商进出口额占货物贸易进出口总值的比重"
    *_, share = subjects(
        "2024年全国农村网络零售额达2.56万亿元，其中农村实物商品网络零售额2.29万亿元，占比达89.5%。"
    )
    assert share == "农村实物商品网络零售额占农村网络零售额的比重"
    *_, food, users = subjects(
        "2024年，在线餐饮外卖交易额约1.6万亿元，外卖用户规模5.45亿人，分别占餐饮收入和网民整体的29.8%和49.3%。"
    )
    assert (food, users) == ("在线餐饮外卖交易额占餐饮收入的比重", "外卖用户占网民整体的比例")
    assert subjects("2024年，东部、中部地区网络零售额分别占全国的82.1%和9.6%。") == [
        "东部地区网络零售额占全国的比重",
        "中部地区网络零售额占全国的比重",
    ]
    assert subjects("其中智能眼镜、AI学习机销售额同比分别增长43.7%和29.5%。") == [
        "智能眼镜销售额",
        "AI学习机销售额",
    ]
    *_, cover = subjects("截至2024年底，我国跨境电商综试区数量达到165个，覆盖全国31个省份。")
    assert cover == "我国跨境电商综试区覆盖省份数量"


def test_a_clause_without_subject_or_period_takes_the_one_before():
    text = "10月份，社会消费品零售总额46291亿元，同比增长2.9%；环比增长0.1%。"
    *_, monthly = extract_figures(text)
    assert (monthly.subject, monthly.base, monthly.period) == ("社会消费品零售总额环比增速", "环比", "10月份")
    _, nominal, real = figures_in_sentence(
        "2025年，城镇居民人均可支配收入54188元，比上年名义增长4.6%，扣除价格因素实际增长4.4%。"
    )
    assert nominal.subject == real.subject == "城镇居民人均可支配收入"


def test_hong_kong_wording_lists_with_apposition_and_times_of_a_base():
    _, change, _ = extract_figures(
        "統計顯示，去年內地快遞業務量達1745億件，按年增長21.5%，業務收入1.4萬億元人民幣。"
    )
    assert (change.subject, change.base, change.period) == ("内地快递业务量", "按年", "去年")
    sales = figures_in_sentence(
        "今年“618”期间，京东、天猫、抖音三大平台销售额分别为3800亿元、3300亿元和2500亿元。"
    )
    assert [f.subject for f in sales] == ["京东销售额", "天猫销售额", "抖音销售额"]
    _, peak = figures_in_sentence("该平台日均订单量约为8000万单，高峰时段订单量约为平日的3倍。")
    assert (peak.subject, peak.base) == ("高峰时段订单量", "平日")
    _, rate = figures_in_sentence("直播电商交易规模预计将在2026年突破6万亿元，年复合增长率达到15%至20%。")
    assert (rate.subject, rate.period) == ("直播电商交易规模年复合增长率", None)
    (count, _) = figures_in_sentence("去年双十一，天猫平台有589个品牌成交额破亿元，同比增长约15%。")
    assert count.period == "去年双十一"


def test_the_value_compared_with_and_a_clause_naming_the_subject_before():
    *_, then, change = figures_in_sentence(
        "2025年第三季度，净利润为293.3亿元，较上年同期的249.8亿元增长17%。"
    )
    assert (then.value, then.period) == (pytest.approx(249.8e8), "上年同期")
    assert (change.period, change.base) == ("2025年第三季度", "较上年同期")
    first, second = figures_in_sentence(
        "在全部网购商品中，服装鞋帽类商品占比最高，约为22%，其次是日用品类，占比约为15%。"
    )
    assert (first.subject, second.subject) == ("服装鞋帽类商品占比", "日用品类占比")
    rate, amount = figures_in_sentence("近三年，该省跨境电商进出口额年均增长超过30%，2024年达到1200亿元。")
    assert (amount.subject, amount.period) == ("该省跨境电商进出口额", "2024年")
    both = figures_in_sentence("农村网络零售额和农产品网络零售额分别达到2.56万亿元和6605.8亿元。")
    assert [f.subject for f in both] == ["农村网络零售额", "农产品网络零售额"]


def test_comparisons_told_once_for_several_clauses():
    change, _ = figures_in_sentence("与去年同期相比，今年“五一”假期全国快递揽收量增长12.3%，达到22.5亿件。")
    assert (change.base, change.period, change.subject) == ("去年同期", "今年“五一”假期", "全国快递揽收量")
    *_, rate = figures_in_sentence(
        "截至2024年底，全国农村网商（店）达1910万家，较上年增加180万家，增长10.4%。"
    )
    assert rate.base == "较上年"
    *_, points = figures_in_sentence(
        "其中，城市快递业务量同比增长18.1%，农村地区快递业务量同比增长22.0%，增速高出城市3.9个百分点。"
    )
    assert (points.subject, points.base) == ("农村地区快递业务量增速高于城市增速的幅度", "城市")


def test_round_hundreds_and_thousands():
    sales, brands, _ = figures_in_sentence("“双11”首日，天猫平台成交额破千亿元，逾600个品牌成交额突破1亿元。")
    assert (sales.value, sales.subject) == (1e11, "天猫平台成交额")
    assert brands.subject == "成交额突破1亿元的品牌数量"
    (orders, _) = figures_in_sentence("拼多多“百亿补贴”频道日均订单量突破5000万单，较上线初期增长了5倍多。")
    assert orders.value == 5e7


def test_hong_kong_quarters_and_verbs():
    income, change, profit, fall = extract_figures(
        "京東集團第三季收入達2,991億元人民幣，按年增長14.9%，淨利潤53億元，按年下跌55%。"
    )
    assert (income.subject, income.period) == ("京东集团收入", "第三季")
    # the profit told bare is the company's whose income was told before
    assert (fall.value, fall.base, fall.subject) == (-55.0, "按年", "京东集团净利润")
    (drop, _) = extract_figures("美團第二季經營溢利按年大跌98%，至2.3億元人民幣。")
    assert (drop.value, drop.unit, drop.base) == (-98.0, "%", "按年")
    (brands, _) = extract_figures("去年雙十一期間，天貓有589個品牌成交額破億元，其中國貨品牌佔比逾六成。")
    assert (brands.subject, brands.period) == ("成交额破亿元的品牌数量", "去年双十一期间")


def test_regions_in_short_and_times_of_a_period():
    regions = figures_in_sentence("2024年，东、中、西部和东北地区网络零售额分别增长7.0%、8.5%、9.1%和6.2%。")
    assert [f.subject for f in regions] == [
        "东部地区网络零售额",
        "中部地区网络零售额",
        "西部地区网络零售额",
        "东北地区网络零售额",
    ]
    times, _ = figures_in_sentence(
        "今年“双11”，直播电商销售额达到去年同期的1.8倍，中小商家销售额增长两成以上。"
    )
    assert (times.subject, times.base, times.period) == ("直播电商销售额", "去年同期", "今年“双11”")
    *_, average = figures_in_sentence(
        "2025年，全国网上零售额突破16万亿元，较2020年增长约40%，五年间年均增长约7%。"
    )
    assert (average.subject, average.period, average.base) == ("全国网上零售额年均增速", "五年间", None)


def test_changes_in_tenths_points_with_more_and_chinese_years():
    fall, _, _ = figures_in_sentence("退货率下降了两成，客单价增长了一倍多，复购率提升至4成以上。")
    assert (fall.kind, fall.value, fall.unit, fall.subject) == ("change", -20.0, "%", "退货率")
    _, points = figures_in_sentence("网购用户中，女性占比达到5成，较上年提高3个多百分点。")
    assert (points.value, points.unit, points.base) == (3.0, "个百分点", "较上年")
    count, rate = figures_in_sentence("二〇二四年，全省快递业务量一百二十亿件，同比增长百分之三十五点二。")
    assert (count.value, count.period, rate.value) == (1.2e10, "2024年", 35.2)
    (_, more) = figures_in_sentence("2025年1—10月，全国揽收农产品快递包裹超过60亿件，同比增长两成以上。")
    assert (more.value, more.subject) == (20.0, "全国揽收农产品快递包裹量")  # (揽收 names the measure)


def test_with_and_compared_inline():
    (change,) = figures_in_sentence("今年上半年，全国网上零售额与上年同期相比增长8.5%。")
    assert (change.subject, change.base, change.period) == ("全国网上零售额", "上年同期", "今年上半年")


def test_what_measures_and_documents_count_and_shares_of_a_stated_whole():
    (measures,) = figures_in_sentence("从优化营商环境、培育经营主体等方面提出18条措施。")
    assert measures.subject == "措施数量"
    assert figures_in_sentence("商务部等8部门联合印发方案。") == []
    shares = figures_in_sentence(
        "同城快递、异地快递、国际/港澳台快递业务量分别占全部快递业务量的比重约为9%、89%和2%。"
    )
    assert [f.subject for f in shares] == [
        "同城快递业务量占快递业务量的比重",
        "异地快递业务量占快递业务量的比重",
        "国际/港澳台快递业务量占快递业务量的比重",
    ]
    indices = figures_in_sentence(
        "总业务量指数、农村业务量指数分别为135.2点和132.7点，分别比上月提高1.6个点和1.1个点。"
    )
    assert [(f.value, f.subject) for f in indices][:2] == [(135.2, "总业务量指数"), (132.7, "农村业务量指数")]
    (orders,) = figures_in_sentence(
        "淘宝闪购、美团先后推出数百亿元补贴，美团即时零售单日订单一度突破1.2亿单。"
    )
    assert orders.subject == "美团即时零售单日订单量"


def test_a_day_and_the_level_it_is_compared_with():
    parcels, _, times = figures_in_sentence(
        "11月11日当天，全国邮政快递企业共揽收快递包裹6.39亿件，同比增长23.22%，约为今年日常业务量的1.8倍。"
    )
    assert parcels.period == times.period == "11月11日当天"
    assert times.base == "今年日常业务量"
    (points,) = figures_in_sentence("网上零售额增速比社零总额增速高出5.3个百分点。")
    assert (points.subject, points.base) == ("网上零售额增速高于社零总额增速的幅度", "比社零总额增速")


def test_counted_people_end_at_their_noun_and_festivals_run_together():
    most, few = figures_in_sentence(
        "调查显示，近六成受访者每月网购次数超过10次，约两成受访者每月网购次数在5次以下。"
    )[::2]
    assert most.subject == few.subject == "受访者比例"
    *_, farmers = figures_in_sentence(
        "该平台去年农产品销售额突破2000亿元，较2020年翻了两番，带动超过100万农户增收。"
    )
    assert (farmers.value, farmers.unit, farmers.subject) == (1e6, "户", "农户数量")
    parcels, _ = figures_in_sentence(
        "国庆中秋假期，全国邮政快递业共揽收快递包裹38.6亿件，比去年国庆假期增长13.4%。"
    )
    assert parcels.period == "国庆中秋假期"


def test_a_figure_without_subject_takes_the_measure_not_its_share_or_rate():
    *_, later = figures_in_sentence(
        "据测算，2025年我国银发经济规模约为7万亿元，占GDP的比重约为6%，到2035年有望达到30万亿元。"
    )
    assert (later.subject, later.period) == ("我国银发经济规模", "到2035年")
    *_, total = figures_in_sentence(
        "2025年11月份，全国网上零售额同比增长6.1%，增速比上月加快0.6个百分点；1—11月累计增长9.0%。"
    )
    assert (total.subject, total.period) == ("全国网上零售额", "2025年1—11月")


def test_lists_named_before_owned_or_in_apposition():
    provinces = figures_in_sentence(
        "网络零售额排名前三的省份分别为广东、浙江和江苏，分别达到3.9万亿元、2.8万亿元和1.4万亿元。"
    )
    assert [f.subject for f in provinces] == ["广东网络零售额", "浙江网络零售额", "江苏网络零售额"]
    shares = figures_in_sentence("淘宝、京东、拼多多的市场份额分别约为35%、25%和20%。")
    assert [f.subject for f in shares] == ["淘宝的市场份额", "京东的市场份额", "拼多多的市场份额"]
    kinds = figures_in_sentence(
        "上半年，直播电商、即时零售、跨境电商三种新业态交易额分别增长15%、20%和10%左右。"
    )
    assert [f.subject for f in kinds] == ["直播电商交易额", "即时零售交易额", "跨境电商交易额"]
    both = figures_in_sentence(
        "2024年，全国网上零售额、实物商品网上零售额分别为15.52万亿元和13.08万亿元，分别增长7.2%和6.5%。"
    )
    assert [f.subject for f in both][2:] == ["全国网上零售额", "全国实物商品网上零售额"]


def test_ranges_of_times_points_tenths_and_changes():
    def first(sentence):
        f = figures_in_sentence(sentence)[0]
        return (f.value, f.upper, f.unit)

    assert first("预计明年市场规模将增长3至5倍。") == (3.0, 5.0, "倍")
    assert first("利润率有望提升2—3个百分点。") == (2.0, 3.0, "个百分点")
    assert first("退货率约为三至五成。") == (30.0, 50.0, "%")
    assert first("利润同比下降5%—8%。") == (-5.0, -8.0, "%")
    assert figures_in_sentence("预计明年市场规模将增长3至5倍。")[0].period == "明年"


def test_last_year_same_period_told_as_its_own_figure():
    now, then = figures_in_sentence("今年前三季度该平台退货率为8.5%，去年同期为6.2%。")
    assert (now.period, then.period) == ("今年前三季度", "去年同期")
    last, next_ = figures_in_sentence("去年全年，全国快递业务量1745亿件，今年有望突破1900亿件。")
    assert (next_.subject, next_.period) == ("全国快递业务量", "今年")


def test_hong_kong_verbs_stay_out_of_subjects():
    profit, _ = extract_figures("京東第三季淨利潤錄得53億元，按年跌55%。")
    assert profit.subject == "京东净利润"


def test_periods_in_brackets_after_a_clause_and_inside_words():
    (parcels,) = figures_in_sentence(
        "2024年“双11”期间（10月21日至11月11日），全国邮政快递企业共揽收快递包裹127.83亿件。"
    )
    assert parcels.period == "2024年“双11”期间"
    firms, shops, sales, _ = figures_in_sentence(
        "该县现有电商企业350家、网店1.2万个，2024年电商交易额达到86亿元，是2020年的2.6倍。"
    )
    assert (firms.subject, firms.period, shops.period, sales.period) == (
        "该县电商企业数量",
        None,
        None,
        "2024年",
    )
    count, _ = figures_in_sentence(
        "2025年，抖音电商平台上年销售额过亿元的商家超过1.2万家，较上年增加约3000家。"
    )
    assert count.period == "2025年" and "上年销售额过亿元的商家数量" in count.subject


def test_taiwan_wording():
    year, month = extract_figures("蝦皮10月營收年增21%，月減3%。")
    assert (year.value, month.value, year.subject, year.period) == (21.0, -3.0, "虾皮营收", "10月")
    (trade,) = extract_figures("去年全台電商交易額達新台幣1.2兆元。")
    assert (trade.value, trade.unit, trade.subject) == (1.2e12, "新台币", "全台电商交易额")


def test_service_promises_are_no_figures_and_what_is_covered_or_exposed_is_counted():
    assert figures_in_sentence("平台承诺7天无理由退货，30天价格保护。") == []
    (cities,) = figures_in_sentence("该平台推出“1小时达”服务，覆盖全国200个城市。")
    assert cities.subject == "覆盖城市数量"
    (firms,) = figures_in_sentence("3·15晚会曝光了5家企业。")
    assert firms.subject == "企业数量"


def test_a_share_in_a_whole_is_written_as_part_of_whole():
    (share,) = figures_in_sentence("2024年，实物商品在网络零售额中的占比为83.6%。")
    assert share.subject == "实物商品占网络零售额的比重"
    (share,) = figures_in_sentence("农村网络零售额在全国网络零售额中所占比重为15%。")
    assert share.subject == "农村网络零售额占全国网络零售额的比重"


def test_a_conversion_in_brackets_and_a_platforms_festival():
    yuan, dollars, change = figures_in_sentence(
        "此外，跨境电商B2B出口额达到1.3万亿元（约合1800亿美元），增长约12%。"
    )
    assert yuan.subject == dollars.subject == change.subject == "跨境电商B2B出口额"
    count, *_ = figures_in_sentence(
        "2024年天猫“双11”，有589个品牌成交额突破1亿元，其中国货品牌占比超过五成。"
    )
    assert count.period == "2024年天猫“双11”"


def test_numbers_in_quoted_names_are_no_figures():
    (share,) = figures_in_sentence("县域地区的“30分钟送达”订单占比提升至38%。")
    assert (share.value, share.subject) == (38.0, "县域地区的“30分钟送达”订单占比")
    quoted = figures_in_sentence("他说：“销售额增长了20%。”")
    assert [(f.value, f.subject) for f in quoted] == [(20.0, "销售额")]


def test_shares_of_a_whole_named_in_the_clause_before():
    (share,) = figures_in_sentence("2024年，全国网络零售额中，实物商品占比达到83.6%。")
    assert share.subject == "实物商品占网络零售额的比重"
    markets = figures_in_sentence("跨境电商B2C出口中，美国、欧盟和东盟市场分别占34.2%、22.6%和11.5%。")
    assert [f.subject for f in markets] == [
        "美国市场占跨境电商B2C出口的比重",
        "欧盟市场占跨境电商B2C出口的比重",
        "东盟市场占跨境电商B2C出口的比重",
    ]
    *_, contribution = figures_in_sentence("其中超级VIP活跃用户数同比增长11%，贡献了线上消费的51%。")
    assert contribution.subject == "超级VIP活跃用户贡献的线上消费占比"


def test_two_measures_in_one_word_and_other_domains():
    made, sold, *rates = figures_in_sentence(
        "前三季度，新能源汽车产销量分别完成1104万辆和1122万辆，同比分别增长35%和34.9%。"
    )
    assert [f.subject for f in (made, sold, *rates)] == ["新能源汽车产量", "新能源汽车销量"] * 2
    *_, exports, doubled = figures_in_sentence(
        "1—11月，汽车出口量达到562万辆，其中新能源汽车出口201万辆，同比增长近一倍。"
    )
    assert exports.subject == doubled.subject == "新能源汽车出口量"
    *_, rise = figures_in_sentence(
        "截至11月末，我国外汇储备规模为33464亿美元，较10月末上升405亿美元，升幅为1.2%。"
    )
    assert rise.subject == "我国外汇储备规模升幅"


def test_seasons_are_periods_and_their_length_a_count_of_days():
    length, parcels, daily = figures_in_sentence(
        "今年春运40天，全国邮政快递业揽收快递包裹约62亿件，日均揽收量约1.6亿件。"
    )
    assert parcels.period == daily.period == length.period == "今年春运"
    assert (length.subject, length.value, length.unit) == ("春运天数", 40.0, "天")
    (sales,) = figures_in_sentence("国庆中秋假期前4天，全国重点零售企业销售额增长2.7%。")
    assert sales.period == "国庆中秋假期前4天"


def test_a_quarters_name_is_no_count_and_last_years_figure_keeps_its_period_to_its_clause():
    revenue, fall = figures_in_sentence("中通Q3单票收入1.37元 同比降8.7%")
    assert (revenue.value, revenue.subject, revenue.period) == (1.37, "中通单票收入", "Q3")
    this, last, users, _ = extract_figures(
        "唯品会2025年第三季度总净营收为217亿元，上年同期为226亿元；活跃用户数为4170万，同比下降2%。"
    )
    assert (last.period, users.period) == ("上年同期", "2025年第三季度")
    (gmv,) = figures_in_sentence("盒马CEO表示，截至2025年3月底的财年，盒马GMV超过750亿元。")
    assert gmv.period == "截至2025年3月底的财年"
    (index, points) = figures_in_sentence("10月份中国电商物流指数为111.4点，较上月回落0.8点。")
    assert (points.value, points.base) == (0.8, "较上月")


def test_an_estimate_in_the_subject_is_no_source_and_visitors_are_counted_in_visits():
    sales, change = extract_figures(
        "香港特區政府統計處公布，今年10月零售業總銷貨價值臨時估計為307億元，較去年同月上升4.9%。"
    )
    assert sales.subject == change.subject == "香港零售业总销货价值"
    visitors, _, mainland = extract_figures(
        "今年首三季，訪港旅客人次約3,680萬，按年增加12%，其中內地旅客約2,800萬人次。"
    )
    # (a part of the visitors is counted where the whole is: 访港)
    assert (visitors.unit, visitors.subject, mainland.subject) == ("人次", "访港旅客人次", "访港内地旅客人次")


def test_a_target_year_after_是_is_a_period():
    rate, _ = figures_in_sentence("目标是到2030年，农村寄递物流服务覆盖率达到100%，快递进村比例超过95%。")
    assert (rate.subject, rate.period) == ("农村寄递物流服务覆盖率", "到2030年")


def test_a_count_before_a_relative_clause_counts_its_noun():
    _, agencies, _ = figures_in_sentence(
        "到2027年，全市直播电商年交易额突破1.5万亿元，培育100家以上年交易额超10亿元的直播电商机构，打造直播电商之都。"
    )
    assert agencies.subject == "年交易额超10亿元的直播电商机构数量"
    (stores,) = figures_in_sentence("巅峰时期在全国开设10家门店，与山姆展开竞争。")
    assert stores.subject == "门店数量"


def test_a_year_told_with_the_first_period_holds_for_the_later_periods_of_the_paragraph():
    figures = extract_figures(
        "2025年10月份，社会消费品零售总额46291亿元，同比增长2.9%；1—10月份，社会消费品零售总额412169亿元，增长4.3%。"
        "其中，二季度增长5.2%。"
    )
    assert [f.period for f in figures] == [
        "2025年10月份",
        "2025年10月份",
        "2025年1—10月份",
        "2025年1—10月份",
        "2025年二季度",
    ]
    # a comparison base is no period to carry: 较上年 stays a base
    assert figures[1].base == "同比"


def test_periods_of_holidays_and_reprints_with_their_own_wording():
    (trips, *_) = extract_figures("春节假期期间，全国国内出游5.01亿人次，同比增长5.9%。")
    assert trips.period == "春节假期期间"
    mail, rise = extract_figures("香港郵政表示，「雙11」期間處理來自內地的網購郵件約320萬件，按年上升三成。")
    assert (mail.period, mail.value, mail.unit) == ("「双11」期间", 3_200_000, "件")
    assert (rise.base, rise.value) == ("按年", 30.0)
    (parcels, _) = extract_figures("中華郵政表示，雙11當週處理包裹量達280萬件，較平日增加約四成。")
    assert parcels.period == "双11当周"
    sales, growth = extract_figures("台灣電商平台momo今年前10月累計營收達941.5億元，較去年同期成長2.3%。")
    assert (growth.value, growth.base) == (2.3, "较去年同期")
    merchants, _ = extract_figures(
        "与去年同期相比，本季度平台月均活跃商家数增长24%，新入驻商家数量增长超过四成。"
    )
    assert (merchants.period, merchants.base) == ("本季度", "去年同期")


def test_a_value_compared_with_is_of_the_compared_period_and_names_no_subject():
    now, then, change = extract_figures("唯品会第三季度GMV为465亿元，与去年同期的455亿元相比增长2%。")
    assert (then.subject, then.period) == ("唯品会GMV", "去年同期")
    assert (change.subject, change.base) == ("唯品会GMV", "与去年同期")


def test_growth_at_a_pace_is_the_growth_rate_of_what_was_told():
    size, pace, later = extract_figures(
        "2024年中国即时零售市场规模约7810亿元，预计2025—2027年将以年均20%以上的速度增长，2027年规模将突破1.3万亿元。"
    )
    assert (pace.subject, pace.period) == ("中国即时零售市场规模年均增速", "2025—2027年")
    assert later.subject == "中国即时零售市场规模"


def test_a_breakdown_compares_as_its_whole_did():
    *_, physical = extract_figures(
        "2024年，全国网上零售额15.52万亿元，比上年增长7.2%；其中实物商品网上零售额13.08万亿元，增长6.5%。"
    )
    # (and is of the whole's place: 全国)
    assert (physical.subject, physical.base) == ("全国实物商品网上零售额", "比上年")


def test_regions_listed_share_the_whole_measure():
    figures = extract_figures(
        "前三季度，东部、中部、西部和东北地区实物商品网上零售额分别比上年同期增长5.9%、8.7%、9.5%和6.1%。"
    )
    assert [f.subject for f in figures] == [
        "东部地区实物商品网上零售额",
        "中部地区实物商品网上零售额",
        "西部地区实物商品网上零售额",
        "东北地区实物商品网上零售额",
    ]


def test_this_quarter_and_this_company_are_the_ones_told_before():
    revenue, growth = extract_figures("京东集团公布2025年第三季度业绩，当季净收入为2991亿元，同比增长14.9%。")
    assert revenue.period == growth.period == "2025年第三季度"
    *_, profit, _ = extract_figures(
        "拼多多第三季度营收1083亿元，同比增长9%，低于市场预期；该公司当季经营利润为250亿元，同比增长3%。"
    )
    assert (profit.subject, profit.period) == ("拼多多经营利润", "第三季度")
    gmv, *_ = extract_figures("2025年，东方甄选经营承压。该公司第三季度GMV为21.8亿元，同比下降23.6%。")
    assert (gmv.subject, gmv.period) == ("东方甄选GMV", "2025年第三季度")
    # a period word is no company: 今年第三季度，该平台… keeps 该平台
    merchants, _ = extract_figures("今年第三季度，该平台新增入驻商家近2万家，环比增长43%。")
    assert merchants.subject.startswith("该平台")


def test_the_province_of_the_bureau_names_its_whole_province():
    total, *_ = extract_figures("浙江省统计局数据显示，2025年上半年全省网络零售额1.38万亿元，同比增长7.2%。")
    assert total.subject == "浙江省网络零售额"
    trade, *_ = extract_figures(
        "上海市商务委表示，前三季度全市网络购物交易额（含跨境）达到1.02万亿元，同比增长7.8%。"
    )
    assert trade.subject == "上海市网络购物交易额"  # the aside in brackets is no part of it


def test_wordings_that_cut_a_subject_short():
    daily, _ = extract_figures("2026年春节假期，全国网上零售额日均超过400亿元，比去年春节假期增长6.2%。")
    assert daily.subject == "全国日均网上零售额"
    _, growth, _ = extract_figures(
        "今年国庆中秋假期期间，全国国内出游8.88亿人次，按可比口径同比增长16.1%；国内游客出游总花费8000亿元。"
    )
    assert (growth.subject, growth.base) == ("全国国内出游人次", "同比")
    sales, _ = extract_figures("星图数据：双11全网电商销售额达16950亿元 同比增长14.8%")
    assert (sales.subject, sales.period) == ("全网电商销售额", "双11")
    online, *_ = extract_figures(
        "據中國商務部統計，2025年前三季全國網上零售額達11.2兆元人民幣，較去年同期成長9.0%。"
    )
    assert online.period == "2025年前三季"


def test_round_four_wordings():
    # Taiwan's 年增 is a year-on-year change, named as written
    _, growth = extract_figures("京東第三季淨收入2,991億元 年增14.9%")
    assert growth.base == "年增"
    # Hong Kong's 首10個月 is a period
    growth, total, *_ = extract_figures(
        "據國家統計局公布，內地今年首10個月網上零售額按年增長9.6%至12.78萬億元人民幣。"
    )
    assert (total.period, total.subject) == ("今年首10个月", "内地网上零售额")
    # 前者/后者 name the items of the list before
    *_, first, second = extract_figures(
        "2025年前三季度，顺丰和中通的快递业务量分别为127.4亿件和259.4亿件，前者同比增长28.6%，后者增长10.9%。"
    )
    assert (first.subject, second.subject) == ("顺丰的快递业务量", "中通的快递业务量")
    # a breakdown after 其中 compares as the whole did
    *_, phones, tablets = extract_figures(
        "商務部表示，今年雙11期間，重點監測電商平台以舊換新相關商品銷售額按年增長逾兩成，其中智能手機、平板電腦分別增長35%、28%。"
    )
    assert phones.base == tablets.base == "按年"
    _, nominal, real = extract_figures(
        "2025年前三季度，全国居民人均消费支出21096元，比上年同期名义增长4.5%，实际增长4.9%。"
    )
    assert nominal.base == real.base == "比上年同期"


def test_a_reposts_spoken_figures():
    revenue, rise, profit, fall = extract_figures(
        "先说结论：营收1038.6亿，涨了7%；净利润308.2亿，反而比去年少了4%。"
    )
    assert (revenue.unit, revenue.kind, profit.unit) == ("元", "amount", "元")
    assert (rise.value, fall.value, fall.subject) == (7.0, -4.0, "净利润")


def test_periods_listed_before_a_fenbie_list_go_one_to_each_figure():
    _, first, second = extract_figures(
        "快手2025年上半年的电商GMV为6589亿元。第一季度和第二季度，其电商GMV分别同比增长15.1%和17.4%。"
    )
    assert (first.period, second.period) == ("2025年第一季度", "2025年第二季度")
    assert first.subject == second.subject == "快手电商GMV"


def test_quarters_written_q3_and_a_company_told_as_gongsi():
    revenue, *_ = extract_figures("美团Q3营收955亿，涨了2%，但经营亏损141亿。")
    assert (revenue.subject, revenue.period, revenue.unit) == ("美团营收", "Q3", "元")
    asia, _, china = extract_figures(
        "极兔速递公告，2025年第三季度，公司在东南亚市场包裹量达19.5亿件，同比增长78.7%；其在中国市场的包裹量51.9亿件。"
    )
    assert asia.subject == "极兔速递东南亚市场包裹量"
    assert china.subject.startswith("极兔速递")


def test_spoken_and_regional_wording_of_amounts_units_and_periods():
    (income,) = figures_in_sentence("博彩監察協調局：11月博彩毛收入為215.9億澳門元。")
    assert (income.unit, income.value) == ("澳门元", 215.9e8)
    (profit,) = extract_figures("快递一票才挣得不多，中通一个季度还能净赚26个亿。")
    assert (profit.value, profit.unit, profit.subject) == (26e8, "元", "中通一个季度净利润")
    (commute,) = figures_in_sentence("通勤每天花2个多小时。")
    assert (commute.value, commute.unit) == (2.0, "小时")
    made, sold, *_ = figures_in_sentence(
        "1—11月，新能源汽车产销分别完成1490.7万辆和1478万辆，同比分别增长31.4%和31.2%。"
    )
    assert (made.subject, sold.subject) == ("新能源汽车产量", "新能源汽车销量")


def test_names_that_begin_like_a_comparison_and_periods_that_are_bases():
    revenue, growth = figures_in_sentence("比亚迪前三季度营收5662.66亿元，同比增长1.64%。")
    assert revenue.subject == growth.subject == "比亚迪营收"
    *_, margin_rise = figures_in_sentence(
        "蔚来第三季度交付新车87071台，汽车毛利率为14.7%，较上一季度提升4.4个百分点。"
    )
    assert (margin_rise.period, margin_rise.base) == ("第三季度", "较上一季度")
    balance, _ = figures_in_sentence("11月末，广义货币(M2)余额336.99万亿元，同比增长8%。")
    assert balance.period == "11月末"
    brands, *_ = figures_in_sentence("天猫双11：589个品牌成交额同比翻番")
    assert brands.period == "双11"
    (box_office,) = figures_in_sentence("2025年春节档电影总票房超95亿元")
    assert box_office.period == "2025年春节档"
    (sales, _) = figures_in_sentence("台積電公布10月營收3,674.7億元，較上月減少11.4%")
    assert sales.subject == "台积电营收"


def test_prices_as_people_say_them_are_in_yuan():
    values = [
        (f.text, f.value, f.unit)
        for f in extract_figures(
            "猪肉上个月还是15块8一斤，快递一票才挣1毛2，这台空调便宜了300多块。这款手机有3块屏幕。"
        )
    ]
    assert values == [("15块8", 15.8, "元"), ("1毛2", 0.12, "元"), ("300多块", 300.0, "元")]


def test_taiwan_sources_count_their_yuan_in_new_taiwan_dollars():
    retail, _, online, _ = extract_figures(
        "經濟部統計處公布，10月批發業營業額1.1兆元，年增5.1%；其中電子購物業營業額300億元，年增9.2%。"
    )
    assert (retail.unit, online.unit) == ("新台币", "新台币")  # the source speaks for the paragraph
    revenue, _, earnings = figures_in_sentence("遠東百貨前三季營收300億元新台幣，年增3%，每股盈餘1.2元。")
    assert (revenue.unit, revenue.value, earnings.unit) == ("新台币", 300e8, "新台币")
    (tsmc,) = figures_in_sentence("台積電公布10月營收3,674.7億元")
    assert tsmc.unit == "元"  # a Taiwan company quoted alone is left as written
    yuan, nt, _ = figures_in_sentence("阿里巴巴營收2,478億元人民幣（約新台幣1.04兆元），每股盈利21.08元。")
    assert (yuan.unit, nt.unit) == ("元", "新台币")


def test_spoken_round_numbers_and_ranges():
    (loss,) = extract_figures("最猛的时候一天亏十几个亿。")
    assert (loss.value, loss.unit) == (10e8, "元")
    (noodles,) = figures_in_sentence("一碗面还是十二三块钱。")
    assert (noodles.value, noodles.upper, noodles.unit) == (12.0, 13.0, "元")
    (fee,) = figures_in_sentence("派一件才挣六七毛。")
    assert (fee.value, fee.upper, fee.unit) == (0.6, 0.7, "元")
    (orders,) = figures_in_sentence("一天送两百来单。")
    assert (orders.value, orders.unit) == (200.0, "单")
    (stores,) = figures_in_sentence("今年新开门店近百家。")
    assert (stores.value, stores.unit) == (100.0, "家")
    (cups,) = figures_in_sentence("假期一天能卖800多杯。")
    assert (cups.value, cups.unit) == (800.0, "杯")
    (subsidy, average) = figures_in_sentence("单笔补贴多在300元至1500元之间，平均约620元。")
    assert (subsidy.value, subsidy.upper, subsidy.text) == (300.0, 1500.0, "300元至1500元")
    assert average.value == 620.0
    assert figures_in_sentence("直播带货成交额达数百亿元。") == []


def test_a_part_of_trade_is_named_after_the_whole_told_before():
    figures = extract_figures(
        "前10个月，我国货物贸易进出口总值37.31万亿元，同比增长3.6%。其中，出口21.8万亿元，增长6.2%；"
        "进口15.5万亿元，下降0.2%。"
    )
    assert [f.subject for f in figures[2:]] == ["我国货物贸易出口总值"] * 2 + ["我国货物贸易进口总值"] * 2
    *_, exports = figures_in_sentence("1—9月，温州市进出口总额2500亿元，其中出口2000亿元。")
    assert exports.subject == "温州市出口额"  # 总额 sums the parts; each is an 额


def test_subjects_without_what_surrounds_them():
    *_, last_year = figures_in_sentence("京东物流第二季度经营亏损10亿元，上年同期为经营利润50亿元。")
    assert last_year.subject == "京东物流经营利润"  # (the profit of the company whose loss is told)
    shoppers, _ = figures_in_sentence("三亚免税购物人数12万人次，环比增长9.6%。")
    assert shoppers.subject == "三亚免税购物人数"
    (live,) = extract_figures("光即时零售就卖了300多亿。")
    assert (live.subject, live.unit) == ("即时零售销售额", "元")
    (subsidy,) = extract_figures("平台光外卖补贴就砸了五十多个亿。")
    assert (subsidy.subject, subsidy.unit) == ("平台外卖补贴支出", "元")
    (solar,) = figures_in_sentence("光伏组件就业人数达30万人。")
    assert solar.subject.startswith("光伏组件就业")
    (users,) = figures_in_sentence("截至10月末，我国4G用户达9.5亿户。")
    assert users.subject == "我国4G用户数"


def test_the_same_change_measured_otherwise_keeps_its_base():
    _, nominal, real = figures_in_sentence(
        "前三季度，全国居民人均可支配收入32000元，比上年同期名义增长5.0%，扣除价格因素实际增长5.2%。"
    )
    assert nominal.base == real.base == "比上年同期"
    revenue, users, rise = figures_in_sentence(
        "京东这季度营收2000个亿，跟去年差不多，活跃用户五亿多，其中3C家电比去年涨了一成。"
    )
    assert (users.period, rise.period, rise.base) == ("这季度", "这季度", "比去年")


def test_festival_written_with_jie_is_the_period():
    visits, spending = figures_in_sentence("中秋节假期，全国国内出游2.1亿人次；游客出游总花费800亿元。")
    assert visits.period == spending.period == "中秋节假期"
    assert visits.subject == "全国国内出游人次"


def test_first_quarter_as_hong_kong_reports_write_it():
    revenue, rise = figures_in_sentence("首季收入为300億元人民幣，按年增長9%。")
    assert revenue.period == rise.period == "首季"
    assert revenue.subject == "收入"


def test_a_bare_company_measure_is_the_company_told_before():
    revenue, _, profit, _ = extract_figures(
        "美团第一季度营收900亿元，同比增长10%；经营利润为80亿元，同比下降5%。"
    )
    assert revenue.subject == "美团营收"
    assert profit.subject == "美团经营利润"
    # the quarter is the period, the company is the one that opens the paragraph
    first, _ = extract_figures(
        "阿里巴巴集团公布截至2026年6月30日止季度业绩，季度收入为2500亿元，同比增长6%。"
    )
    assert first.subject == "阿里巴巴收入"
    _, unit_revenue = extract_figures("快手一季度总营收约356亿元，其中可灵AI单季收入超3亿元。")
    assert unit_revenue.subject == "快手可灵AI收入"
    # a segment's profit is the segment's, and a spoken 赚 names no measure of a company's
    *_, segment = extract_figures("某公司第二季度收入900亿元，核心分部收入600亿元，经营利润30亿元。")
    assert segment.subject == "某公司核心分部经营利润"
    # (what it earned, named bare, is still the company's: 美团利润)
    *_, earned = extract_figures("美团Q3营收955亿，但经营亏损141亿，去年同期还赚了137亿。")
    assert earned.subject == "美团利润"
    # nor is an agency's figure its own
    (retail,) = extract_figures("国家统计局公布，收入为100亿元。")
    assert retail.subject == "收入"


def test_cumulative_revenue_keeps_its_name_and_its_company():
    *_, cumulative = extract_figures("富邦媒公告，6月營收為新台幣98億元，累計前6月營收達新台幣520億元。")
    assert (cumulative.subject, cumulative.period) == ("富邦媒累计营收", "前6月")
    (parcels,) = figures_in_sentence("一季度，全国快递业务收入累计完成3682.4亿元。")
    assert parcels.subject == "全国快递业务收入"  # 累计 before a verb is no part of the name


def test_a_year_after_until_a_day_names_the_series_not_the_period():
    sales, people = figures_in_sentence(
        "截至6月30日，2026年消费品以旧换新带动销售额1.5万亿元，惠及消费者超3亿人次。"
    )
    assert sales.period == people.period == "截至6月30日"
    (parcels,) = figures_in_sentence("截至6月15日，今年我国快递业务量已超900亿件。")
    assert parcels.period == "截至6月15日"


def test_recovered_to_a_share_of_an_earlier_period():
    _, share = figures_in_sentence("国际航线旅客运输量700万人次，恢复至2019年同期的约96%。")
    assert share.base == "2019年同期"
    assert share.subject == "国际航线旅客运输量"


def test_market_expectation_is_the_expected_value_of_the_same_measure():
    revenue, rise, expected = figures_in_sentence(
        "某公司一季度营收1000亿元，同比增长10%，低于市场预期的1050亿元。"
    )
    assert expected.subject == "市场预期的" + revenue.subject
    assert expected.base is None  # the amount it stands for had none
    sales, forecast = figures_in_sentence("5月社会消费品零售总额按年增长5%，高于市场预期的4.3%。")
    assert (forecast.subject, forecast.base) == ("市场预期的社会消费品零售总额", "按年")


def test_the_start_of_a_change_has_its_own_period():
    earlier, now = figures_in_sentence("一季度，美国市场占比已从去年同期的四成左右下降至三成上下。")
    assert earlier.period == "去年同期"
    assert now.period == "一季度"


def test_festival_with_its_year_followed_by_a_place():
    visits, _ = figures_in_sentence("今年五一淄博接待游客400万人次，比去年增长两成。")
    assert visits.period == "今年五一"


def test_words_of_trade_and_sales_told_verb_first():
    exports, rise = figures_in_sentence("1—5月，我国出口机电产品6.32万亿元，同比增长8.4%。")
    assert exports.subject == rise.subject == "我国机电产品出口额"
    (sold,) = figures_in_sentence("家电以旧换新带动家电产品销售超6300万台。")
    assert sold.subject == "家电以旧换新带动家电产品销量"


def test_hong_kong_and_taiwan_wording():
    (share,) = figures_in_sentence("Keeta市場佔有率超過五成。")
    assert share.subject == "Keeta市场占有率"
    registered, daily = figures_in_sentence("截至3月底，「轉數快」登記數目達1,620萬個，日均交易量約245萬宗。")
    assert registered.subject == "「转数快」登记数目"  # 数目 is already a count
    assert daily.unit == "宗"
    (online,) = extract_figures("經濟部統計處公布，網路銷售額452億元。")
    assert online.subject == "台湾网络销售额"  # Taiwan's 网路 is the house's 网络
    visitors, _ = figures_in_sentence("澳門共錄得入境旅客逾92.1萬人次，按年增長7.5%。")
    assert visitors.subject == "澳门入境旅客人次"
    rise, cap = figures_in_sentence("泡泡瑪特股價今年以來累升逾六成，市值重上3,800億港元。")
    assert (rise.value, rise.subject) == (60.0, "泡泡玛特股价")
    assert cap.subject == "市值"


def test_spoken_ranges_and_approximations():
    _, _, pay = extract_figures(
        "我们县的直播基地去年卖了三十来个亿，带动了两千多人就业，头部主播一个月能挣三五万。"
    )
    assert (pay.value, pay.upper, pay.unit) == (30000.0, 50000.0, "元")
    (fee,) = extract_figures("快递小哥派一单也就1块2到1块5。")
    assert (fee.value, fee.upper, fee.text) == (1.2, 1.5, "1块2到1块5")
    (overseas,) = figures_in_sentence("一季度海外收入涨了快五倍。")
    assert (overseas.value, overseas.unit) == (5.0, "倍")


def test_spoken_amounts_of_a_few_and_round_numbers():
    (links,) = [f for f in extract_figures("光一个零食链接就走了小几百万单。")]
    assert (links.value, links.upper, links.unit, links.text) == (1e6, 3e6, "单", "小几百万单")
    live, _ = extract_figures("今年暑期档某头部主播一场直播就卖了十几个亿，光一个零食链接就走了小几百万单。")
    assert (live.value, live.upper, live.unit, live.period) == (1e9, 2e9, "元", "今年暑期档")
    fee, parcels, pay = extract_figures(
        "现在派一单也就挣3块5，旺季一天派四五百单，一个快递员月入过万不算稀奇。"
    )
    assert (parcels.value, parcels.upper, parcels.period) == (400.0, 500.0, "旺季")
    assert (pay.text, pay.value, pay.unit, pay.subject) == ("过万", 1e4, "元", "快递员月收入")
    spent, _ = extract_figures("国庆这八天，全国吃喝玩乐加起来花了好几千亿，出门的人比去年多了快一成。")
    assert (spent.text, spent.value, spent.upper, spent.period) == ("好几千亿", 1e11, 1e12, "国庆这八天")
    cup, sold, takings = extract_figures("一杯卖个七八块，一个店一天能出三四百杯，一个月流水小十万。")
    assert (cup.value, cup.upper, cup.unit) == (7.0, 8.0, "元")
    assert (sold.value, sold.upper, sold.unit) == (300.0, 400.0, "杯")
    assert (takings.text, takings.value, takings.unit, takings.subject) == ("小十万", 1e5, "元", "流水")
    subsidy, *_ = extract_figures("几家平台补贴砸了几百个亿，骑手单量涨了快两成。")
    assert (subsidy.value, subsidy.upper, subsidy.unit) == (1e10, 1e11, "元")
    sales, price = extract_figures("今年7月到现在，他们店卖了快三千万美元，客单价也就二三十美元。")
    assert (price.value, price.upper, price.unit, price.subject) == (20.0, 30.0, "美元", "客单价")
    assert sales.period == "今年7月到现在"
    _, profit = extract_figures("一个月卖了一千多万，扣掉投流和退货，净赚也就五十来万。")
    assert (profit.value, profit.unit, profit.subject) == (5e5, "元", "净利润")
    assert not extract_figures("通过万家门店销售。")


def test_subjects_without_the_verbs_of_reporting():
    accounts, *_ = extract_figures("截至6月末，全国共开立银行账户152.3亿户，同比增长3.9%。")
    assert accounts.subject == "银行账户数量"
    cars, _, stores, _ = extract_figures(
        "理想汽车8月交付新车3.12万辆，环比增长8.7%；截至8月31日，理想汽车在全国已有零售中心516家，超级充电站3410座。"
    )
    assert cars.subject == "新车交付量"
    assert stores.subject == "理想汽车全国零售中心数量"
    boxes, _, tonnes = extract_figures(
        "交通运输部：1—9月，全国港口完成集装箱吞吐量2.56亿标箱，同比增长6.9%；完成货物吞吐量135.4亿吨。"
    )
    assert boxes.unit == "标箱"
    assert tonnes.subject == "全国港口货物吞吐量"  # the verb opens its clause: the port's
    _, _, parcels, _ = extract_figures(
        "圆通速递8月快递产品收入65.06亿元，同比增长10.3%；完成业务量30.12亿票，同比增长17.6%。"
    )
    assert parcels.subject == "圆通速递业务量"
    travellers, *_ = extract_figures(
        "国铁集团：暑期（7月1日至8月31日）全国铁路累计发送旅客9.6亿人次，同比增长5.5%。"
    )
    assert (travellers.subject, travellers.period) == ("全国铁路旅客发送量", "暑期")
    _, paid = extract_figures(
        "截至9月末，数字人民币App累计开立个人钱包2.3亿个，试点地区累计交易金额达8.6万亿元。"
    )
    assert paid.subject == "试点地区累计交易金额"
    orders, _ = extract_figures(
        "菜鸟称，10月下旬以来，其海外仓出库单量较去年同期增长超过40%，日均处理跨境包裹逾500万件。"
    )
    assert (orders.subject, orders.period) == ("菜鸟海外仓出库单量", "10月下旬以来")


def test_daily_averages_of_what_was_counted_before():
    _, _, daily = extract_figures(
        "国铁集团：暑期（7月1日至8月31日）全国铁路累计发送旅客9.6亿人次，同比增长5.5%，日均发送1548万人次。"
    )
    assert daily.subject == "全国铁路日均旅客发送量"
    _, _, daily = extract_figures(
        "10月21日至11月11日，全国邮政快递企业共揽收快递包裹137.38亿件，同比增长13.2%，日均揽收量6.24亿件。"
    )
    assert daily.subject == "全国邮政快递企业日均揽收快递包裹量"
    crossings, daily, _ = extract_figures(
        "国庆中秋假期，全国移民管理机构共保障1320万人次中外人员出入境，日均165万人次，较去年同期增长6.7%。"
    )
    assert crossings.subject == "中外人员出入境人次"  # who crossed, not who guarded them
    assert daily.subject == "全国日均中外人员出入境人次"


def test_periods_of_days_within_a_month_and_of_a_festival_opening():
    (retail,) = extract_figures("乘联会初步统计，12月1—28日，全国乘用车市场零售198.3万辆。")
    assert retail.period == "12月1—28日"
    (sales,) = extract_figures("2027年全国网上年货节启动首周，重点平台年货商品销售额同比增长12.7%。")
    assert sales.period == "2027年全国网上年货节启动首周"
    visitors, prices = extract_figures("元旦三天，听说游客量比去年多了差不多三成，周边酒店价格直接翻倍！")
    assert visitors.period == prices.period == "元旦三天"
    assert (visitors.subject, prices.subject) == ("游客量", "周边酒店价格")  # no 听说, no 直接
    users, *_ = extract_figures("京东双11战报显示，参与用户数同比增长40%。")
    assert users.period == "双11"


def test_doubled_as_spoken():
    _, doubled = extract_figures("双11期间，超过3.2万个商家成交额同比翻倍。")
    assert (doubled.value, doubled.unit) == (2.0, "倍")
    (doubled,) = extract_figures("今年该店销售额翻了一倍。")
    assert doubled.value == 2.0


def test_people_counted_bare_and_spoken_hours():
    customers, _ = extract_figures("瑞幸咖啡第三季度月均交易客户数1.12亿，门店总数达29214家。")
    assert customers.unit == "人"
    users, hours = extract_figures("抖音月活已经快10亿了，人均每天刷两个多小时。")
    assert users.unit == "人"
    assert (hours.text, hours.value, hours.unit) == ("两个多小时", 2.0, "小时")
    assert not extract_figures("平台有5万家24小时营业的闪电仓。")[0].unit == "小时"  # opening hours


def test_spoken_adverbs_and_prices_are_not_subjects():
    (shops,) = extract_figures("蜜雪冰城门店都快6万家了，比麦当劳全球门店还多。")
    assert shops.subject.startswith("蜜雪冰城门店")
    (gmv,) = extract_figures("某头部主播直播间GMV就破了50亿。")
    assert gmv.subject == "某头部主播直播间GMV"
    (price,) = extract_figures("全国快递平均单票收入已经跌到7块多了。")
    assert (price.text, price.value, price.unit) == ("7块多", 7.0, "元")
    assert price.subject == "全国快递平均单票收入"
    (loss, _) = extract_figures("财报里新业务经营亏损157亿，平均一天亏1.7个亿。")
    assert loss.subject == "新业务经营亏损"
    (city,) = extract_figures("成都3家门店开业。")
    assert city.subject is None or city.subject.startswith("成都")


def test_a_company_announcing_owns_the_measures_its_verbs_open():
    *_, parcels, _ = extract_figures(
        "韵达股份公告，11月快递服务业务收入45.22亿元，同比增长3.1%；完成业务量22.13亿票，同比增长5.4%。"
    )
    assert parcels.subject == "韵达股份业务量"
    orders, *_ = extract_figures("美团闪购发布数据：年货节期间，平台即时零售年货订单量同比增长85%。")
    assert orders.subject == "美团闪购即时零售年货订单量"


def test_a_number_told_in_two_magnitudes_is_read_whole():
    # Taiwan's 兆 before its 億, and 亿 before 万: one amount, not the second part alone
    (retail, _) = extract_figures("2027年全年零售業營業額達4兆9,860億元，較上年增加2.8%。")
    assert retail.value == 4_986_000_000_000
    assert [f.value for f in extract_figures("公司营收3亿5000万元。")] == [350_000_000]


def test_periods_of_shopping_seasons_and_sales_openings():
    def period(sentence: str) -> str | None:
        return extract_figures(sentence)[0].period

    assert period("据统计，今年黑五网一期间，中国卖家销售额同比增长约25%。") == "今年黑五网一期间"
    assert period("香港零售管理協會表示，聖誕節前後兩周會員零售銷貨額按年下跌約5%。") == "圣诞节前后两周"
    assert period("档主说：“黑五前那两个礼拜，一天要发两千五百单左右。”") == "黑五前那两个礼拜"
    assert period("元旦假期首日，哈尔滨冰雪大世界接待游客超8.6万人次。") == "元旦假期首日"
    assert period("成都市宣布，2028年1月至3月将发放总额1.5亿元的餐饮消费券。") == "2028年1月至3月"
    assert period("华泰证券预计，阿里巴巴12月季度淘天客户管理收入将增长约5%。") == "12月季度"
    # the hour a sale has run is its period, not a figure of its own
    opening = extract_figures("京东数据显示，年货节开售1小时，平台年货礼盒成交额同比增长超1倍。")
    assert [(f.text, f.period) for f in opening] == [("同比增长超1倍", "年货节开售1小时")]


def test_a_list_of_categories_and_the_next_category_share_measure_and_scope():
    got = extract_figures(
        "11月份，限额以上单位通讯器材类、家用电器和音像器材类商品零售额分别同比增长12.4%和8.7%，金银珠宝类下降6.3%。"
    )
    assert [f.subject for f in got] == [
        "限额以上单位通讯器材类商品零售额",
        "限额以上单位家用电器和音像器材类商品零售额",
        "限额以上单位金银珠宝类商品零售额",
    ]


def test_a_speakers_day_and_month_are_told_by_the_measure():
    got = extract_figures(
        "北京朝阳区一名快递员说：“年底这阵子一天派四百来单，比平时多出三成多，一个月能挣一万二左右。”"
    )
    assert [(f.text, f.subject) for f in got][::2] == [
        ("四百来单", "北京朝阳区某快递员日派件量"),
        ("一万二左右", "北京朝阳区某快递员月收入"),
    ]
    (pears, _, _) = extract_figures(
        "在哈尔滨中央大街卖冻梨的王大姐说：“元旦这几天一天能卖两千五，比平时多卖一倍还多，冻梨一斤十来块。”"
    )
    assert (pears.value, pears.subject) == (2500, "王大姐日销售额")
    # a trader who speaks to the reporter owns the figures of the quote
    (orders, *_) = extract_figures("义乌国际商贸城一位圣诞饰品商户告诉记者：“今年圣诞单子比去年多了三四成。”")
    assert orders.subject.startswith("义乌国际商贸城某圣诞饰品商户")


def test_shares_bought_back_are_counted_in_shares_of_the_company():
    got = extract_figures(
        "第三季度，京东集团净收入达3182亿元，同比增长7.1%，公司共回购约3800万股A类普通股，总金额约6.5亿美元。"
    )
    assert [(f.unit, f.subject) for f in got[2:]] == [
        ("股", "京东集团回购A类普通股数量"),
        ("美元", "京东集团回购A类普通股总金额"),
    ]
    # 每10股 tells how a dividend is counted: no figure of its own
    assert [f.text for f in extract_figures("拟每10股派发现金红利3.5元，合计派现约8.2亿元。")] == [
        "3.5元",
        "8.2亿元",
    ]


def test_the_expectation_of_one_measure_is_not_carried_to_the_next():
    got = extract_figures(
        "拼多多第三季度营收为1128.6亿元，同比增长13%，低于市场预期的1165亿元；净利润为295.4亿元，环比增长约一成半。"
    )
    assert [f.subject for f in got] == [
        "拼多多营收",
        "拼多多营收",
        "市场预期的拼多多营收",
        "拼多多净利润",
        "拼多多净利润环比增速",
    ]


def test_a_later_list_clause_names_its_own_measure_of_each_company():
    got = extract_figures(
        "12月，韵达股份、申通快递快递业务量分别为26.8亿票和24.1亿票，同比分别增长15.6%和21.4%，单票收入分别为2.05元和2.11元。"
    )
    assert [f.subject for f in got[-2:]] == ["韵达股份单票收入", "申通快递单票收入"]
    # and a cause told before the measure is no part of it
    (_, outlook) = extract_figures(
        "前三季度社零总额累计同比增长4.4%，四季度受以旧换新政策效应减弱影响增速回落至3.5%～4%。"
    )
    assert outlook.subject == "社零总额增速"


def test_categories_after_qizhong_are_parts_of_the_whole_told_before():
    got = extract_figures(
        "据跨境电商平台统计，今年黑五网一期间，中国卖家在亚马逊美国站的销售额同比增长约25%，"
        "其中家居园艺类目增幅超过40%，户外用品类目增长近1倍。"
    )
    # (据跨境电商平台统计 names no platform in particular: it owns nothing)
    assert [f.subject for f in got[1:]] == [
        "中国卖家在亚马逊美国站家居园艺类目销售额",
        "中国卖家在亚马逊美国站户外用品类目销售额",
    ]


def test_a_part_after_qizhong_compares_as_its_whole_and_flights_count_in_jiaci():
    got = extract_figures(
        "全年全国网上零售额16.8万亿元，比上年增长6.9%，其中实物商品网上零售额13.9万亿元，增长6.2%。"
    )
    assert got[-1].base == "比上年"
    (flights,) = extract_figures("哈尔滨太平国际机场保障航班574架次。")
    assert (flights.unit, flights.subject) == ("架次", "哈尔滨太平国际机场保障航班架次")


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("母亲节期间，鲜花销售额同比增长45%。", "母亲节期间"),
        ("女王节当天，美妆成交额增长30%。", "女王节当天"),
        ("冬至当天，速冻水饺销量同比增长80%。", "冬至当天"),
        ("广交会期间，境外采购商到会超25万人。", "广交会期间"),
    ],
)
def test_the_trades_other_calendar_days_are_periods(sentence, period):
    assert extract_figures(sentence)[0].period == period


def test_a_platforms_research_arm_tells_the_platforms_own_figures():
    (flowers, _) = extract_figures(
        "据京东消费及产业发展研究院数据，七夕期间平台鲜花销售额同比增长65%，黄金饰品成交额同比增长超1倍。"
    )
    assert flowers.subject == "京东平台鲜花销售额"


@pytest.mark.parametrize(
    ("sentence", "text", "period", "value"),
    [
        ("国铁集团消息，春运前20天全国铁路累计发送旅客2.78亿人次。", "2.78亿人次", "春运前20天", 278_000_000),
        ("广州市宣布，活动期间每辆补贴1万元。", "1万元", "活动期间", 10_000),
        ("全国邮政快递业揽收快递包裹十一亿七千万件。", "十一亿七千万件", None, 1_170_000_000),
        (
            "旺角一間糖果舖老闆陳先生話：「年廿八同年廿九做咗兩萬幾蚊生意。」",
            "两万几蚊",
            "年廿八同年廿九",
            20_000,
        ),
        ("一位商户说：“年前一天能发四五千单。”", "四五千单", "年前", 4_000),
    ],
)
def test_holiday_days_as_spoken_and_numbers_in_two_magnitudes(sentence, text, period, value):
    (f, *_) = extract_figures(sentence)
    assert (f.text, f.period, f.value) == (text, period, value)


def test_a_brokers_old_and_new_target_prices_and_the_company_its_forecasts_are_of():
    got = extract_figures(
        "摩根士丹利發表報告，將美團目標價由168港元上調至185港元，預期其2028年經調整淨利潤約520億～560億元。"
    )
    assert [f.subject for f in got] == ["美团原目标价", "美团目标价", "摩根士丹利预期的美团经调整净利润"]
