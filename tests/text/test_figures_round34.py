"""Round 34: Hong Kong's 合共 and 數字, a commerce commission, a trade part after a share, a
broker's forecast named once; the periods of lists, of two months together and of one day."""

from newsdesk.text.figures import extract_figures


def test_hong_kong_s_in_all_and_its_figures():
    total, rise = extract_figures("香港旅遊發展局公布，7月及8月訪港旅客合共約1020萬人次，按年增長15%。")
    assert (total.subject, rise.subject) == ("访港旅客人次", "访港旅客人次")
    *_, north = extract_figures(
        "旅發局數字顯示，8月訪港旅客約420萬人次，按月增長12%，同期港人經陸路口岸北上則錄得逾680萬人次。"
    )
    assert north.subject == "港人经陆路口岸北上人次"


def test_a_city_s_commerce_commission_tells_the_city_s_figures():
    *_, online, _ = extract_figures(
        "上海市商务委员会发布，7—8月，全市社会消费品零售总额3276.5亿元，同比增长4.1%；"
        "其中网上商店零售额1089.2亿元，增长9.4%。"
    )
    assert online.subject == "上海市网上商店零售额"


def test_the_exports_of_a_trade_whose_share_was_told():
    *_, exports, growth = extract_figures(
        "上半年我国跨境电商进出口1.37万亿元，同比增长9.8%，占同期外贸进出口比重为6.2%；"
        "其中出口1.05万亿元，增长11.3%。"
    )
    assert exports.subject == growth.subject == "我国跨境电商出口额"


def test_a_broker_s_forecast_is_named_once():
    _, profit, price, _ = extract_figures(
        "华泰证券预计阿里巴巴2032财年收入将达1.08万亿元，经调整净利润约1650亿元，"
        "给予美股目标价158美元，较当前股价有约35%的上涨空间。"
    )
    assert profit.subject == "华泰证券预计的阿里巴巴经调整净利润"
    assert price.subject == "华泰证券给予阿里巴巴美股目标价"


def test_a_second_list_of_the_same_periods():
    found = extract_figures("7月、8月快递业务量分别完成206.3亿件和214.5亿件，同比分别增长12.8%和13.6%。")
    assert [f.period for f in found] == ["7月", "8月", "7月", "8月"]


def test_two_months_together_or_one_each():
    found = extract_figures("香港旅遊發展局公布，7月及8月訪港旅客合共約1020萬人次，按年增長15%。")
    assert {f.period for f in found} == {"7月及8月"}
    found = extract_figures("7月和8月，全国快递业务量分别完成206.3亿件和214.5亿件。")
    assert [f.period for f in found] == ["7月", "8月"]


def test_the_day_a_count_was_of_holds_for_its_clause_alone():
    found = extract_figures(
        "铁路累计发送旅客5.46亿人次，其中2月10日发送旅客1815万人次，创春运单日历史新高；"
        "民航累计运输旅客9620万人次，同比增长5.3%。"
    )
    assert [f.period for f in found] == [None, "2月10日", None, None]


def test_last_year_s_level_and_a_festival_of_the_dead():
    *_, last_year = extract_figures("4两公蟹收购价每只35元至40元，去年同期在45元左右。")
    assert last_year.period == "去年同期"
    first, *_ = extract_figures("全聯指出，今年中元普渡檔期業績預估年增約4%。")
    assert first.period == "今年中元普渡档期"


def test_a_day_s_count_is_of_the_measure_told_for_the_whole_span():
    *_, day = extract_figures(
        "国铁集团消息，7月1日至8月31日，全国铁路累计发送旅客9.72亿人次，同比增长6.3%；"
        "8月9日发送旅客1982.6万人次，创暑运单日旅客发送量历史新高。"
    )
    assert (day.subject, day.period) == ("全国铁路旅客发送量", "8月9日")
    # (not a day's average told before it)
    *_, day = extract_figures("全国铁路日均发送旅客1500万人次，其中5月1日发送旅客2368万人次。")
    assert "日均" not in (day.subject or "")
