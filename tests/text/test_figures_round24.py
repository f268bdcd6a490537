"""Round 24: a trader named by the city they sell from, a county's bureau told after 据, the
last lunar month, spoken money in 十万多块钱 and the best day's takings, a company telling its
own results under a listing, attributable profit (应占溢利) that is no share, what is under a
firm (旗下), 相关 products of the programme told before, categories of a frame's whole, the
province's whole of a share, an unnamed firm opening the sentence, and a plan sized before its name."""

from newsdesk.text.figures import extract_figures


def _subjects(sentence: str) -> list[str | None]:
    return [f.subject for f in extract_figures(sentence)]


def test_a_trader_named_by_their_city_and_the_platform_they_sell_on_speaks_for_their_figures():
    got = _subjects(
        "拼多多旗下跨境平台Temu的一位深圳卖家告诉记者，春节后订单量环比回升了近四成，单日最高接单约1.2万单。"
    )
    assert got == ["Temu某深圳卖家订单量环比增速", "Temu某深圳卖家单日最高接单量"]
    assert _subjects("一位深圳卖家告诉记者，春节后订单量环比回升了近四成。") == ["该深圳卖家订单量环比增速"]


def test_a_county_bureau_told_after_ju_names_the_county_without_it():
    got = _subjects("据寻乌县商务局介绍，今年年货节期间全县脐橙网络销售量突破1.2万吨。")
    assert got == ["寻乌县脐橙网络销售量"]


def test_the_last_lunar_month_and_the_best_days_takings_as_spoken():
    got = extract_figures(
        "在抖音开店的陕西苹果商户王女士说：“腊月里一天要发两千五单，最多的一天卖了十万多块钱，比去年翻了一番。”"
    )
    assert [f.period for f in got] == ["腊月里"] * 3
    assert (got[1].value, got[1].unit, got[1].subject) == (100000, "元", "陕西苹果商户王女士单日最高销售额")


def test_a_listed_company_telling_its_results_and_its_attributable_profit():
    got = _subjects(
        "港交所上市的京東物流公布，2028年全年收入為1958億元人民幣，按年增長7.4%，期內持有人應佔溢利約74億元人民幣。"
    )
    assert got == ["京东物流收入", "京东物流收入", "京东物流期内持有人应占溢利"]
    got = _subjects("莎莎國際公布截至2028年12月31日止第三季度，網上銷售額約1.9億港元，按年增長逾兩成。")
    assert got == ["莎莎国际网上销售额"] * 2


def test_what_is_under_a_firm_is_its_own():
    got = _subjects(
        "统一超商1月營收新台幣281.6億元，年增5.1%，旗下網購平台年貨預購檔期業績較去年成長近兩成。"
    )
    assert got[-1] == "统一超商网购平台业绩"


def test_related_products_are_of_the_programme_told_before():
    got = _subjects(
        "今年以来，家电以旧换新累计惠及消费者4210万人，带动相关产品销售6630万台，实现销售额超一千八百五十亿元。"
    )
    assert got[1:] == ["家电以旧换新产品销量", "家电以旧换新产品销售额"]


def test_categories_of_a_frames_whole_are_counted_in_its_measure():
    got = _subjects("1—3月份，全国实物商品网上零售额中，吃类、穿类、用类商品分别增长12.6%、3.1%和6.2%。")
    assert got == ["吃类商品网上零售额", "穿类商品网上零售额", "用类商品网上零售额"]


def test_a_share_of_the_whole_province_names_the_province():
    got = _subjects(
        "据浙江省商务厅消息，一季度浙江省网络零售额7386亿元，直播电商零售额约占全省网络零售额的三成。"
    )
    assert got[-1] == "直播电商零售额占浙江省网络零售额的比重"


def test_an_unnamed_firm_opening_the_sentence_owns_its_figures_but_a_research_firm_does_not():
    got = _subjects("某国产美妆品牌在快手的年货节直播中，单场成交额突破8000万元。")
    assert got == ["某国产美妆品牌单场成交额"]
    got = _subjects("某咨询机构调查显示，近五成受访者表示今年会增加旅游支出。")
    assert got == ["今年会增加旅游支出的受访者比例"]


def test_a_plan_sized_before_its_name():
    got = _subjects("拼多多控股第四季度营收1258.6亿元，公司同时宣布一项规模不超过50亿美元的股份回购计划。")
    assert got[-1] == "拼多多控股股份回购计划规模"


def _periods(sentence: str) -> list[str | None]:
    return [f.period for f in extract_figures(sentence)]


def test_the_lunar_new_year_and_its_weeks_as_hong_kong_says_them():
    assert _periods("陳先生話：「今年農曆新年好多街坊都返大陸買電器，鋪頭客流少咗三成。」") == [
        "今年农历新年"
    ]
    assert _periods("陳先生話：“農曆新年前嗰兩個禮拜，生意好返咗成三成。”") == ["农历新年前嗰两个礼拜"]
    assert _periods("店主表示：“而家啲人鍾意北上深圳買嘢，星期六日客流少咗近四成。”") == ["星期六日"]


def test_a_stretch_from_one_festival_to_another_and_a_sales_run():
    got = extract_figures(
        "有自媒体测算，从2028年“双11”到春节前，主要电商平台退货率在三成至五成之间，女装类目更是高达六七成。"
    )
    assert [(f.text, f.value, f.upper) for f in got] == [("三成至五成", 30, 50), ("六七成", 60, 70)]
    assert [f.period for f in got] == ["从2028年“双11”到春节前"] * 2
    assert got[1].subject == "女装类目退货率"
    assert _periods("统一超商旗下網購平台年貨預購檔期業績較去年成長近兩成。") == ["年货预购档期"]


def test_how_much_is_no_part_of_the_base():
    got = extract_figures("今年春节档电影平均票价50.2元，较去年同期略降1.8元。")
    assert got[-1].base == "较去年同期"


def test_a_quotation_whose_speaker_is_told_in_the_sentence_after_it():
    got = extract_figures("「今年農曆新年生意比平時好兩三成，盆菜每圍賣到二千幾蚊。」上環一間酒家老闆話。")
    assert [f.subject for f in got] == ["上环某酒家老板生意", "上环某酒家老板盆菜每围销售额"]


def test_a_list_shares_its_last_items_measure_and_its_first_items_scope():
    got = _subjects(
        "商务部新闻发言人表示，春节假期全国重点零售和餐饮企业日均销售额同比增长8.2%，"
        "重点监测的78个步行街（商圈）客流量、营业额分别同比增长6.5%和7.3%。"
    )
    assert got[1:] == [
        "全国重点监测步行街（商圈）数量",
        "全国重点监测步行街（商圈）客流量",
        "全国重点监测步行街（商圈）营业额",
    ]
    got = _subjects("受暑期出行需求带动，飞机票、旅游和宾馆住宿价格环比分别上涨12.5%、8.7%和3.6%。")
    assert got == ["飞机票价格环比增速", "旅游价格环比增速", "宾馆住宿价格环比增速"]


def test_a_gap_between_two_growth_rates_is_named_as_the_gap():
    got = _subjects("前三季度全国农村网络零售额1.91万亿元，同比增长8.7%，增速高于全国网上零售额0.8个百分点。")
    assert got[-1] == "全国农村网络零售额增速高于全国网上零售额增速的幅度"
    # a change of the rate itself against its own past stays the rate's
    got = _subjects(
        "1—10月份，服务零售额同比增长6.3%，增速比1—9月份回落0.1个百分点，比同期商品零售额增速高出2.5个百分点。"
    )
    assert got[1:] == ["服务零售额增速", "服务零售额增速高于商品零售额增速的幅度"]
    got = _subjects("前三季度浙江省网络零售额增长9.2%，增速高于全国平均水平1.1个百分点。")
    assert got[-1] == "浙江省网络零售额增速高于全国平均水平的幅度"


def test_speakers_after_a_place_mid_sentence_and_the_head_of_a_stall():
    got = _subjects("在浙江义乌，跨境电商卖家陈先生告诉记者，今年5月店里发往中东的订单量比去年同期翻了一番。")
    assert got == ["跨境电商卖家陈先生发往中东的订单量"]
    got = _subjects(
        "海港城一名商戶負責人接受訪問時話：「我哋門市人流跌咗近一成半，不過網上訂單多咗三成幾。」"
    )
    assert got == ["海港城某商户门市人流", "海港城某商户网上订单"]
    got = _subjects(
        "五一黃金周期間，經各管制站訪港的內地旅客約96萬人次，尖沙咀一間藥房老闆話：「今年啲客多咗，但每人使得少咗，平均得兩三千蚊。」"
    )
    assert got == ["经各管制站访港的内地旅客人次", "尖沙咀某药房人均消费"]


def test_kinds_of_trade_in_are_counted_as_the_trade_ins_are():
    got = _subjects(
        "商务部数据显示，前三季度全国汽车以旧换新补贴申请量突破820万份，带动新车销售额超6300亿元；其中报废更新约310万份，置换更新约510万份。"
    )
    assert got[2:] == ["全国汽车报废更新补贴申请量", "全国汽车置换更新补贴申请量"]
    got = _subjects("截至2月末，我国企业已建设海外仓逾2600个，总面积超3200万平方米。")
    assert got[-1] == "我国海外仓总面积"


def test_more_brokers_their_expectations_and_the_company_they_forecast():
    got = _subjects(
        "大和發表報告指，預期快手第四季電商GMV按年增長10%～12%，達約4800億元，並將其2028年收入預測較原先下調3%至1480億元。"
    )
    assert got == ["大和预期的快手电商GMV"] * 2 + ["大和预期的快手收入预测"] * 2
    got = _subjects(
        "高盛報告指，拼多多旗下Temu第四季美國市場GMV料按年增長逾30%，並將拼多多目標價由165美元上調至182美元。"
    )
    assert got[1:] == ["高盛给予拼多多原目标价", "高盛给予拼多多目标价"]


def test_hands_taken_on_and_parcels_sent_from_one_place_to_another():
    got = _subjects(
        "順豐表示，雙11首日由內地寄往香港的包裹量約130萬件，較平日高出近3倍，高峰期需增派約2000名人手。"
    )
    assert got == ["顺丰由内地寄往香港的包裹量"] * 2 + ["顺丰增派人手数量"]


def test_hong_kong_amounts_told_with_a_full_and_past_a_number():
    (cheaper,) = extract_figures("深圳灣口岸附近一位港人話：「北上買餸平成半。」")
    assert (cheaper.text, cheaper.value, cheaper.unit) == ("平成半", -50, "%")
    (fewer, *_) = extract_figures(
        "旺角一間藥房老闆話：「國慶黃金週啲內地客少咗成三成，以前一日做五六萬生意。」"
    )
    assert (fewer.text, fewer.value) == ("少咗成三成", -30)
    (more, _) = extract_figures("陳先生話：“生意好返咗成三成，啲內地客一買就五六千蚊。”")
    assert (more.text, more.value) == ("好返咗成三成", 30)
    (past,) = extract_figures("老闆話：「年初二到年初四訂咗過百份。」")
    assert (past.text, past.value, past.unit) == ("过百份", 100, "份")
    assert [f.text for f in extract_figures("两地商圈客流量均超过百万人次。")] == ["百万人次"]


def test_a_taiwan_retailers_revenue_is_in_new_taiwan_dollars():
    got = extract_figures("momo富邦媒公告，2027年12月合併營收達112.8億元，較去年同期成長9.3%。")
    assert got[0].unit == "新台币"
    got = extract_figures("京東第三季淨收入2,991億元，年增5.1%。")
    assert got[0].unit == "元"


def test_money_spent_saved_or_kept_as_spoken_is_money():
    got = extract_figures(
        "有财经博主在短视频中称：“今年618我身边的朋友人均消费也就两千五，比去年少了将近两成。”"
    )
    assert (got[0].subject, got[0].unit) == ("该博主身边的朋友人均消费", "元")
    got = extract_figures(
        "深圳一位货代老板告诉记者：“五一前后美线一个大柜报价四千来美元，比3月份降了差不多一千。”"
    )
    assert [f.unit for f in got] == ["美元", "美元"]


def test_a_shop_assistant_a_bookings_scope_and_a_brokers_old_price():
    got = _subjects("一名銅鑼灣藥房店員話：「春節嗰幾日日均營業額有八九萬，比平時多咗五成。」")
    assert got == ["该铜锣湾药房日均营业额"] * 2
    got = _subjects("飞猪数据显示，春节假期出境游预订量同比增长1.3倍，人均消费五六千元。")
    assert got[-1] == "飞猪出境游人均消费"
    got = _subjects("今年春节档电影总票房达到96.3亿元，观影人次约1.92亿，平均票价50.2元。")
    assert got[1:] == ["电影观影人次", "电影平均票价"]
    got = _subjects(
        "华泰证券维持美团“买入”评级，预计其2029年经调整净利润为412亿元，目标价由168港元上调至185港元。"
    )
    assert got[1:] == ["华泰证券给予美团原目标价", "华泰证券给予美团目标价"]


def test_speakers_who_run_a_business_somewhere_or_sell_at_a_stall():
    got = extract_figures(
        "一位在北京朝阳区经营闪电仓的店主算了笔账：“一个月房租加人工要七八万，日均得跑到800单以上才能保本，毛利大概在两成出头。”"
    )
    assert [(f.subject, f.unit) for f in got] == [
        ("该北京朝阳区闪电仓月房租加人工", "元"),
        ("该北京朝阳区闪电仓日均送单量", "单"),
        ("该北京朝阳区闪电仓毛利", "%"),
    ]
    got = _subjects("在郑州二七区夜市摆摊卖炒酸奶的王女士说，七夕那晚她卖出了三百多份，流水两千五左右。")
    assert got == ["王女士销量", "王女士流水"]
    got = _subjects("某头部主播直播间在“818”大促当晚累计观看人次超4500万，成交额约23亿元。")
    assert got == ["某头部主播直播间观看人次", "某头部主播直播间成交额"]


def test_dividends_per_share_buybacks_and_what_they_cost():
    got = _subjects(
        "唯品会宣布新一轮股份回购计划，未来24个月内回购总额不超过10亿美元，同时派发每股0.48美元的年度股息。"
    )
    assert got == ["唯品会回购总额", "唯品会每股年度股息"]
    got = _subjects(
        "周大福珠寶公布中期業績，截至9月30日止六個月收入為人民幣426億元，宣派中期股息每股0.22港元。"
    )
    assert got[-1] == "周大福珠宝每股中期股息"
    got = _subjects("腾讯控股公告，今年以来累计回购股份约1.1亿股，耗资约412亿港元。")
    assert got[-1].endswith("回购耗资")


def test_a_share_of_the_money_told_before_and_the_next_region_and_a_quoted_host():
    got = _subjects(
        "据电商行业媒体统计，今年双11全网交易额达14418亿元，同比增长2.9%，其中直播电商销售额占比约两成。"
    )
    assert got[-1] == "直播电商销售额占全网交易额的比重"
    got = _subjects(
        "11月份东部、中部、西部地区社会消费品零售总额同比分别增长3.6%、4.5%和4.8%，东北地区同比增长2.9%。"
    )
    assert got[-1] == "东北地区社会消费品零售总额"
    got = _subjects("据自媒体“电商观察家”统计，主播“阿朵”双11期间共开播9场，累计销售额约12.6亿元。")
    assert got == ["主播阿朵开播场次", "主播阿朵累计销售额"]


def test_a_list_of_companies_shares_what_follows_the_last_and_one_named_again_keeps_it():
    got = _subjects("圆通速递、韵达股份和申通快递4月份快递产品收入分别为46.8亿元、40.2亿元和39.5亿元。")
    assert got == ["圆通速递快递产品收入", "韵达股份快递产品收入", "申通快递快递产品收入"]
    got = _subjects(
        "一季度，京东物流、顺丰控股和中通快递的归母净利润分别为18.6亿元、26.4亿元和22.9亿元，其中顺丰控股同比增长12.7%。"
    )
    assert got[-1] == got[1]


def test_one_who_runs_a_shops_sales_speaks_for_the_shop():
    got = extract_figures(
        "杭州一位直播电商运营说：“今年一季度我们店退货率还在五成上下，3月份GMV做到了一千二百万。”"
    )
    assert [(f.subject, f.unit) for f in got] == [
        ("杭州某直播电商店铺退货率", "%"),
        ("杭州某直播电商店铺GMV", "元"),
    ]
