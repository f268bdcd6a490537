"""Round 29: 520 as a day of its own; a worker's pay told as spoken (月薪大约…, 能拿到…) is
money, not the parcels counted before it; vehicles counted in crossings (辆次) and cakes in 颗."""

from newsdesk.text.figures import extract_figures


def test_520_is_a_period_but_520_yuan_is_a_sum():
    found = extract_figures("美团闪购数据显示，520当天，平台珠宝饰品订单同比增长138%，鲜花订单量突破百万单。")
    assert [f.period for f in found] == ["520当天", "520当天"]
    found = extract_figures("今年520期间，抖音鲜花销售额增长40%，客单价520元。")
    assert [(f.text, f.period) for f in found] == [("增长40%", "今年520期间"), ("520元", "今年520期间")]
    assert found[1].value == 520 and found[1].unit == "元"


def test_pay_is_money_not_the_parcels_counted_before_it():
    found = extract_figures("一名物流士在PTT上發文指出，近兩個月每天要送180到200件包裹，月薪大約5萬出頭。")
    assert [(f.subject, f.unit) for f in found][1] == ("月薪", "元")
    found = extract_figures("杭州一名快递员老李说：“618这几天一天要派四五百件，一个月下来能拿到一万二左右。”")
    pay = found[-1]
    assert (pay.text, pay.value, pay.unit) == ("一万二左右", 12000, "元")
    assert pay.subject.endswith("月收入")


def test_crossings_and_cakes_keep_their_counters():
    found = extract_figures("港珠澳大橋珠海公路口岸端午假期經「港車北上」出入境車輛5.6萬輛次。")
    assert [(f.text, f.unit) for f in found] == [("5.6万辆次", "辆次")]
    assert found[0].subject.endswith("出入境车辆")
    found = extract_figures("統一超商表示，母親節檔期預購蛋糕銷量逾35萬顆，較去年成長約12%。")
    assert (found[0].value, found[0].unit) == (350000, "颗")


def test_a_sales_span_told_to_the_hour_and_the_days_around_one():
    found = extract_figures("京东618战报称，5月31日晚8点至6月18日24时，平台累计成交订单超22亿单。")
    assert [f.period for f in found] == ["5月31日晚8点至6月18日24时"]
    found = extract_figures("抖音电商发布数据称，5月20日前后三天，平台相关商品销售额同比增长65%。")
    assert [f.period for f in found] == ["5月20日前后三天"]
    # (an evening alone is still that day's)
    assert [f.period for f in extract_figures("5月31日晚，平台订单超22亿单。")] == ["5月31日晚"]


def test_a_festival_of_the_trade_told_with_its_year():
    found = extract_figures("旺角一間藥妝店老闆陳生話：「今年母親節生意跌咗差唔多兩成。」")
    assert [f.period for f in found] == ["今年母亲节"]


def test_in_all_and_reporting_words_are_no_part_of_a_subject():
    found = extract_figures("民航局数据显示，端午假期民航共运输旅客近635万人次，日均约211.7万人次。")
    assert [f.subject for f in found] == ["民航运输旅客人次", "民航日均运输旅客人次"]
    assert extract_figures("京东称已累计回购约4200万股A类普通股。")[0].subject == "京东回购A类普通股数量"
    assert extract_figures("据悉平台商家数量增长20%。")[0].subject == "平台商家数量"


def test_markets_listed_with_deng_and_a_spokesman_for_a_company():
    found = extract_figures(
        "希音（SHEIN）相关负责人介绍，今年以来平台新增入驻中国卖家逾1.5万家，"
        "巴西、墨西哥等新兴市场订单量分别增长46%、38%。"
    )
    assert [f.subject for f in found] == [
        "希音新增入驻中国卖家数量",
        "希音巴西市场订单量",
        "希音墨西哥市场订单量",
    ]


def test_a_bonus_paid_as_spoken_is_named_by_the_bonus():
    found = extract_figures(
        "一名美团众包骑手表示，一个月下来能挣七千五，高峰期冲单奖励每周还能多拿两三百元。"
    )
    assert found[-1].subject.endswith("冲单奖励") and found[-1].unit == "元"


def test_a_grower_selling_online_speaks_for_the_shop():
    found = extract_figures(
        "拼多多上一位山东烟台苹果种植户说，618期间店里日均发货五六千单，客单价在30至50元之间。"
    )
    assert [f.subject for f in found] == [
        "拼多多某山东烟台苹果种植户日均发货量",
        "拼多多某山东烟台苹果种植户客单价",
    ]
    found = extract_figures("一位山东烟台苹果种植户说，618期间店里日均发货五六千单。")
    assert found[0].subject == "该山东烟台苹果种植户日均发货量"


def test_a_seller_s_next_site_takes_the_measure_told_for_the_first():
    found = extract_figures(
        "深圳一位亚马逊卖家透露，今年二季度其店铺在美国站月均销售额约35万美元，欧洲站约12万欧元。"
    )
    assert [f.subject for f in found] == [
        "深圳某亚马逊卖家美国站月均销售额",
        "深圳某亚马逊卖家欧洲站月均销售额",
    ]


def test_a_data_firm_counting_a_platform_owns_no_figure():
    found = extract_figures("飞瓜数据统计，5月份抖音美妆类目销售额TOP20品牌合计约186亿元。")
    assert not found[0].subject.startswith("飞瓜")


def test_a_ranked_lists_sum_is_named_by_the_measure_it_was_ranked_by():
    found = extract_figures(
        "飞瓜数据统计，5月份抖音美妆类目销售额TOP20品牌合计约186亿元，环比增长12.7%，其中国货品牌销售额占比达56.2%。"
    )
    assert found[0].subject == "抖音美妆类目销售额TOP20品牌合计销售额"
    assert found[2].subject.startswith("国货品牌销售额占") and found[2].subject.endswith("合计销售额的比重")
