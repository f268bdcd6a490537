"""Round 37: the periods and figures of a year's second quarter — a sale's opening hours, a
speaker's lately and month, a peak's days, a goal's year; a range told whole at its low end,
Taiwan's rate of yearly growth."""

from newsdesk.text.figures import extract_figures


def test_a_sale_s_opening_hours_are_its_period_and_no_figure():
    growth, orders = extract_figures(
        "京东618开门红4小时战报显示，3C数码成交额同比增长72%，家电以旧换新订单量超480万单。"
    )
    assert growth.period == orders.period == "618开门红4小时"
    assert growth.subject == "京东3C数码成交额"


def test_a_speaker_s_lately_and_month_and_a_peak_s_days():
    orders, pay, _ = extract_figures(
        "在杭州送外卖的骑手小王说：“最近一天跑七八十单，收入能到四五百块，高温补贴一单多五毛，一个月下来也有小一千。”"
    )
    assert orders.period == pay.period == "最近"
    more, _ = extract_figures(
        "台中一家手搖飲店老闆娘說：「五月天氣一熱，外送平台的單一天多了快兩百張，營業額比四月多了差不多三成啦。」"
    )
    assert more.period == "五月"
    parcels, *_ = extract_figures(
        "北京朝阳一位快递员表示，618高峰期间他每天派件量在三百五左右，是平时的1.5倍。"
    )
    assert parcels.period == "618高峰期间"


def test_a_year_s_goal_is_no_period_of_the_months_done():
    *_, done = extract_figures(
        "浙江省商务厅通报，1—5月全省网络零售额1.18万亿元，同比增长7.6%，完成全年目标任务的43.2%。"
    )
    assert done.period == "1—5月"


def test_a_range_whose_low_end_is_told_whole():
    _, budget = extract_figures(
        "跨境电商服务商数据显示，6月中国卖家在美国站的备货量同比增加约15%，头部卖家单店广告预算在8000至1.2万美元之间。"
    )
    assert (budget.value, budget.upper) == (8000, 12000)
    (range_of_tens,) = extract_figures("价格3至5万元。")
    assert (range_of_tens.value, range_of_tens.upper) == (30000, 50000)


def test_taiwan_s_rate_of_yearly_growth_is_of_the_part_not_its_share():
    *_, share, growth = extract_figures(
        "經濟部統計處公布，4月零售業營業額4158億元，年增2.4%，其中網路銷售額達新台幣382億元，占零售業比重9.2%，年增率達11.8%。"
    )
    assert "占" in share.subject
    assert growth.subject == "台湾网络销售额"
    assert growth.base == "年增"


def test_a_range_whose_low_end_is_told_bare_in_the_top_end_s_unit():
    (spend,) = extract_figures(
        "深圳灣口岸一名港人話：「今年五一返深圳食飯、買嘢，一次使三千至五千蚊好平常，北上消費已經變成習慣。」"
    )
    assert (spend.value, spend.upper, spend.unit) == (3000, 5000, "港元")


def test_a_list_whose_last_name_is_a_character_longer_shares_only_the_measure():
    _, drinks, beer, crayfish = extract_figures(
        "美团闪购数据显示，6月以来平台夜间订单量同比增长38%，冰饮、啤酒、小龙虾订单量分别增长62%、45%和71%。"
    )
    assert (drinks.subject, beer.subject, crayfish.subject) == (
        "美团闪购冰饮订单量",
        "美团闪购啤酒订单量",
        "美团闪购小龙虾订单量",
    )
    town, _, country, _ = extract_figures(
        "分城乡看，城镇居民人均可支配收入16952元，增长4.6%；农村居民人均可支配收入7210元，增长6.1%。"
    )
    assert town.subject == "城镇居民人均可支配收入"


def test_the_firms_of_a_day_s_average_hold_for_their_categories():
    _, jewellery, *_ = extract_figures(
        "商务部商务大数据监测显示，五一假期全国重点零售和餐饮企业日均销售额较去年同期增长7.6%，"
        "其中金银珠宝、通讯器材、家用电器类销售额分别增长18.2%、15.4%和11.9%。"
    )
    assert jewellery.subject == "全国重点零售和餐饮企业金银珠宝类销售额"


def test_a_growth_on_the_month_before_is_named_so():
    _, month, year, *_ = extract_figures(
        "富邦媒（momo）公告5月營收達新台幣98.6億元，月增4.3%、年增7.1%，累計前五月營收474.2億元，年增5.6%，創同期新高。"
    )
    assert month.subject == "富邦媒营收环比增速"
    assert year.subject == "富邦媒营收"


def test_sellers_on_the_marketplace_a_sentence_opens_with_are_its_own():
    back, _, *_ = extract_figures(
        "亚马逊全球开店数据显示，春节后第一周中国卖家复工率达92%，较去年同期提高6个百分点。"
    )
    assert back.subject == "亚马逊中国卖家复工率"
