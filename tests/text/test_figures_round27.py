"""Round 27: the whole holiday after its first day; a festival's named sale, its peak and its
weeks in Cantonese; 黑五 with its year; a year's running total; a Hong Kong quarter told by
its closing month."""

from newsdesk.text.figures import extract_figures


def _periods(sentence: str) -> list[str | None]:
    return [f.period for f in extract_figures(sentence)]


def test_the_whole_holiday_after_its_first_day():
    got = _periods(
        "国铁集团消息，10月1日当天全国铁路发送旅客2311.6万人次，创单日旅客发送量历史新高；"
        "整个假期全国铁路累计发送旅客约1.95亿人次。"
    )
    assert got == ["10月1日当天", "整个假期"]


def test_a_festivals_named_sale_its_peak_and_its_weeks():
    assert _periods("抖音电商数据显示，双11好物节期间，平台直播间累计直播时长达6890万小时。") == [
        "双11好物节期间"
    ]
    assert _periods("顺丰快递员小李告诉记者，今年双11高峰期他日均派件量在350件左右。") == ["今年双11高峰期"]
    assert _periods("旺角一間藥妝店老闆陳生話：「雙十一嗰排生意跌咗成兩成。」") == ["双十一嗰排"]
    assert _periods("义乌一家小商品网店店主王女士说，今年黑五海外订单量翻了一番。") == ["今年黑五"]
    # the first show is what is measured, in the festival
    assert _periods("听业内朋友说，某头部主播今年双11首场直播GMV小几百亿。") == ["今年双11"]


def test_a_years_running_total_and_a_quarter_closing_in_a_month():
    got = _periods("京東集團在港交所公告，11月共斥資約4.1億美元回購股份，年內累計回購金額已超過32億美元。")
    assert got == ["11月", "年内"]
    got = _periods("香港電商平台HKTVmall母公司公布，截至9月底止第三季度總商品交易額為24.6億港元。")
    assert got == ["截至9月底止第三季度"]


def _subjects(sentence: str) -> list[str | None]:
    return [f.subject for f in extract_figures(sentence)]


def test_a_county_centre_names_its_county_and_a_platform_its_parent_company_tells_for():
    got = _subjects("陕西省武功县电商服务中心负责人介绍，今年“双11”期间，全县猕猴桃网销量达1.8万吨。")
    assert got == ["武功县猕猴桃网销量"]
    got = _subjects("香港電商平台HKTVmall母公司公布，截至9月底止第三季度總商品交易額為24.6億港元。")
    assert got == ["HKTVmall总商品交易额"]


def test_where_a_company_announced_and_what_it_spent_on_a_buyback():
    got = _subjects("京東集團在港交所公告，11月共斥資約4.1億美元回購1,960萬股A類普通股。")
    assert got == ["京东回购金额", "京东集团回购A类普通股数量"]


def test_a_rider_or_a_courier_called_by_a_first_name_counts_what_they_do():
    got = _subjects("台北一位外送員阿傑說：「雙11那週單子爆多，一天跑下來差不多四十幾單，收入大概三千塊。」")
    assert got == ["台北某外送员阿杰日接单量", "台北某外送员阿杰收入"]
    got = _subjects("觀塘一名速遞員阿強講：「今年黑五同雙十一一齊嚟，我每日要派成二百件貨。」")
    assert got == ["观塘某速递员阿强日派件量"]


def test_a_brand_in_quotation_marks_and_a_platforms_closing_tally_tell_their_own():
    got = _subjects("国产美妆品牌“花西里”表示，今年双11全渠道GMV突破40亿元，同比增长25%。")
    assert got == ["花西里全渠道GMV", "花西里全渠道GMV"]
    got = extract_figures("天猫双11收官数据显示，参与活动的品牌数量达38.6万个。")
    assert [(f.subject, f.period) for f in got] == [("天猫参与活动的品牌数量", "双11")]


def test_cheaper_more_and_shrunk_by_half_or_tenths_as_spoken():
    got = extract_figures("一台标价五千多元的冰箱最终到手价两千五，比9月份便宜了将近一半。")
    assert [(f.value, f.unit, f.base) for f in got] == [
        (5000, "元", None),
        (2500, "元", None),
        (-50, "%", "比9月份"),
    ]
    got = extract_figures("头部主播直播间单场GMV普遍在20亿至30亿元，较去年缩水近三成。")
    assert (got[-1].value, got[-1].base) == (-30, "较去年")


def test_a_taipei_riders_pay_is_in_taiwan_dollars_and_a_months_take_home_is_income():
    got = extract_figures("台北一位外送員阿傑說：「雙11那週單子爆多，收入大概三千塊，比平常多快一半啦。」")
    assert [(f.unit, f.value) for f in got] == [("新台币", 3000), ("%", 50)]
    got = extract_figures(
        "在杭州送外卖的骑手老周说：“双11那几天一天能跑七八十单，一个月下来到手能有九千多。”"
    )
    assert (got[-1].subject, got[-1].unit) == ("骑手老周月收入", "元")


def test_cantonese_is_and_only_so_much_a_day():
    got = extract_figures("旺角一間金舖店員話：「黃金周嗰幾日成日都有人排隊，成交量係平時嘅兩倍左右。」")
    assert [(f.subject, f.base) for f in got] == [("旺角某金铺成交量", "平时")]
    got = _subjects("旺角一間藥妝店老闆陳生話：「啲後生仔都返大陸網購，一日淨係做到三四千蚊。」")
    assert got == ["旺角某药妆店老板陈生日营业额"]


def test_a_board_speaks_for_its_company_and_a_dividend_per_depositary_share():
    got = _subjects(
        "唯品会董事会宣布，将股份回购计划规模提高至15亿美元，并派发每股美国存托股份0.62美元的年度现金股息。"
    )
    assert got == ["唯品会股份回购计划规模", "唯品会每股美国存托股份年度现金股息"]
    got = _subjects("統一超商表示，今年雙11檔期旗下電商平台業績較去年同期成長逾兩成。")
    assert got == ["统一超商电商平台业绩"]


def test_a_broker_raising_a_companys_target_told_before_the_company():
    got = _subjects(
        "中金公司研报上调京东集团目标价至52美元，对应2030年约11倍市盈率，并预计其2029年第四季度收入同比增长6%至8%。"
    )
    assert got == ["中金公司给予京东集团的新目标价", "京东集团市盈率", "中金公司预计的京东集团收入"]


def test_a_daily_measure_named_short_after_it_was_told():
    got = _subjects(
        "交通运输部数据显示，国庆中秋假期全社会跨区域人员流动量累计22.6亿人次，日均2.83亿人次，日均流动量较去年同期增长3.9%。"
    )
    assert got[1:] == ["日均全社会跨区域人员流动量", "日均全社会跨区域人员流动量"]


def test_a_floor_is_no_comparison_and_a_half_years_dividend_per_depositary_share():
    got = extract_figures(
        "唯品会宣布将2029年资本回报计划提升至不低于10亿美元，并派发每股美国存托股0.62美元的半年度股息。"
    )
    assert [(f.subject, f.base) for f in got] == [
        ("唯品会资本回报计划", None),
        ("唯品会每股美国存托股半年度股息", None),
    ]
