"""Round 21: a county's bureau, a broker's 其, Hong Kong's 陈生 and 有…负责人, spoken takings,
a sale's phase as a period, a platform's sale-named data, and money spent after a count."""

from newsdesk.text.figures import extract_figures


def _figures(sentence: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(f.subject, f.unit, f.period) for f in extract_figures(sentence)]


def test_a_county_bureau_names_its_county_for_whole_county_figures():
    got = _figures(
        "据山东省曹县商务局介绍，今年一季度全县汉服线上销售额达28.6亿元，同比增长35%，"
        "占全国汉服线上销售额的近四成。"
    )
    assert [s for s, _, _ in got] == [
        "曹县汉服线上销售额",
        "曹县汉服线上销售额",
        "曹县汉服线上销售额占全国汉服线上销售额的比重",
    ]


def test_a_brokers_its_is_the_company_it_rates():
    got = _figures(
        "中金公司在最新研报中维持阿里巴巴“跑赢行业”评级，将其港股目标价由128港元上调至145港元，"
        "并预计其2029财年经调整EBITA约1860亿元。"
    )
    assert [s for s, _, _ in got] == [
        "阿里巴巴港股原目标价",
        "阿里巴巴港股目标价",
        "中金公司预计的阿里巴巴经调整EBITA",
    ]


def test_a_hong_kong_shopkeeper_called_chan_sang_speaks_for_the_shop():
    got = _figures(
        "尖沙咀一間藥房老闆陳生話：「今年五一啲生意比舊年差咗兩成，以前一日做五六萬，而家兩三萬都算好。」"
    )
    subjects = [s for s, _, _ in got]
    assert subjects[0].startswith("尖沙咀某药房老板陈生")
    # what a shop "does" in a day is its takings
    assert subjects[1:] == ["尖沙咀某药房老板陈生日营业额"] * 2


def test_a_firms_head_introduced_with_you_speaks_for_the_firm():
    got = _figures("有速遞公司負責人話：「端午前嗰個禮拜，我哋每日收件超過11萬件，比平時多咗三成幾。」")
    assert [s for s, _, _ in got] == ["该速递公司日收件量"] * 2


def test_a_rate_held_to_a_level_is_the_rate():
    got = _figures("某头部主播团队披露，退货率控制在三成左右，较去年下降5个百分点。")
    assert [s for s, _, _ in got] == ["某头部主播团队退货率"] * 2


def test_a_sales_opening_phase_and_a_holidays_first_day_are_periods():
    got = _figures("京东618数据显示，开门红期间3C数码成交额同比增长逾150%，以旧换新订单量环比增长2.6倍。")
    assert got == [("京东3C数码成交额", "%", "开门红期间"), ("京东以旧换新订单量", "倍", "开门红期间")]
    days = _figures(
        "国铁集团数据显示，端午假期全国铁路累计发送旅客6318万人次，其中假期首日发送旅客2450万人次。"
    )
    assert [p for _, _, p in days] == ["端午假期", "假期首日"]


def test_a_platforms_data_named_after_its_sale_is_still_the_platforms():
    got = _figures(
        "抖音电商发布的双11数据显示，10月20日至11月11日，商品卡支付GMV同比增长62%，参与活动的新商家数量突破3万家。"
    )
    assert [s for s, _, _ in got] == ["抖音电商商品卡支付GMV", "抖音电商参与活动的新商家数量"]


def test_money_spent_after_a_count_of_trips_is_money():
    got = _figures("五一5天全国国内出游3.4亿人次，比去年多了5%左右，花了2000多亿（2036.8亿）")
    assert [(s, u) for s, u, _ in got[-2:]] == [("全国国内出游支出", "元")] * 2
    # a sentence that names the verb in its own subject keeps its own measure
    sold = _figures("拼多多这季度卖了1082亿，涨了9%。")
    assert sold[0][:2] == ("拼多多销售额", "元")


def test_a_companys_segments_after_qizhong_are_the_companys():
    got = _figures(
        "拼多多2028年一季度营收1186亿元，同比增长15.2%；其中在线营销服务收入531亿元，交易服务收入655亿元。"
    )
    assert [s for s, _, _ in got] == [
        "拼多多营收",
        "拼多多营收",
        "拼多多在线营销服务收入",
        "拼多多交易服务收入",
    ]


def test_a_speakers_then_and_now_and_a_sales_days_are_each_figures_period():
    got = _figures(
        "尖沙咀一間藥房老闆陳生話：「今年五一啲生意比舊年差咗兩成，以前一日做五六萬，而家兩三萬都算好。」"
    )
    assert [p for _, _, p in got] == ["今年五一", "以前", "而家"]
    # a Cantonese quote's takings, the currency untold, are Hong Kong's dollars
    assert [u for _, u, _ in got[1:]] == ["港元", "港元"]
    sale = _figures("杭州一位服装主播说：“平时一场播下来卖两千五百单，大促那几天能冲到一万单出头。”")
    assert [p for _, _, p in sale] == ["平时", "大促那几天"]


def test_the_days_around_a_festival_as_a_speaker_tells_them():
    week = _figures("有速遞公司負責人話：「端午前嗰個禮拜，我哋每日收件超過11萬件，比平時多咗三成幾。」")
    assert {p for _, _, p in week} == {"端午前嗰个礼拜"}
    after = _figures("“年前一天能发四五千单，元宵节以后回落到一千出头。”一位商家说。")
    assert [p for _, _, p in after] == ["年前", "元宵节以后"]


def test_a_frame_holds_for_each_later_share_of_the_sentence():
    got = _figures(
        "海关总署数据显示，今年前5个月，我国出口跨境电商包裹中，9610模式占比为47.3%，9710和9810模式合计占比提升至三成以上。"
    )
    assert [s for s, _, _ in got] == [
        "9610模式占出口跨境电商包裹的比重",
        "9710和9810模式占出口跨境电商包裹的比重",
    ]
    # the frame's own period is the figures' period, not part of the whole
    quarter = _figures("一季度我国跨境电商出口中，东盟占比为12.8%。")
    assert quarter == [("东盟占跨境电商出口的比重", "%", "一季度")]


def test_a_target_price_a_broker_gives_is_its_own_and_of_no_period():
    got = _figures("华泰证券研报预计，快手2028年二季度电商GMV将达3950亿元，给予目标价78港元。")
    assert got[0] == ("华泰证券预计的快手电商GMV", "元", "2028年二季度")
    assert got[1] == ("华泰证券给予快手目标价", "港元", None)


def test_a_speakers_later_clauses_go_on_counting_what_the_first_counted():
    got = _figures(
        "“年前一天能发四五千单，元宵节以后回落到一千出头，3月份又涨回两千五左右。”一位在拼多多开店的潮汕牛肉丸商家说。"
    )
    assert [(s, u) for s, u, _ in got] == [("该拼多多潮汕牛肉丸商家日发货量", "单")] * 3


def test_a_total_recorded_is_named_without_its_verb():
    got = _figures("澳門治安警察局指出，春節假期期間共錄得入境旅客逾136萬人次，日均約17萬人次。")
    assert [s for s, _, _ in got] == ["澳门入境旅客人次", "澳门日均入境旅客人次"]
