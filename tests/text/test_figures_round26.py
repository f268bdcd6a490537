"""Round 26: Hong Kong's statisticians count in 港元; two months told together and a summer's
two months; 中元 as a sales season; a range of money in four digits is no span of years;
Cantonese 千零蚊; 只 as a counter; a platform's representative speaks for it."""

from newsdesk.text.figures import extract_figures


def _figures(sentence: str) -> list[tuple]:
    return [(f.text, f.subject, f.unit, f.period) for f in extract_figures(sentence)]


def test_hong_kongs_statisticians_count_in_hong_kong_dollars():
    got = extract_figures(
        "據政府統計處數字，香港7月商品整體出口貨值為4236億元，按年上升11.7%；進口貨值4598億元。"
    )
    assert [(f.subject, f.unit) for f in got if f.unit != "%"] == [
        ("香港商品整体出口货值", "港元"),
        ("香港进口货值", "港元"),
    ]


def test_two_months_told_together_and_a_summers_two_months():
    assert {f.period for f in extract_figures("台灣觀光署統計，今年7、8月國人出國旅遊約318萬人次。")} == {
        "今年7、8月"
    }
    assert {f.period for f in extract_figures("香港旅遊發展局公布，暑假兩個月訪港旅客約804萬人次。")} == {
        "暑假两个月"
    }


def test_a_sales_season_a_range_of_money_and_a_platforms_representative():
    got = _figures(
        "台灣一家電商平台業者受訪時表示：「今年中元檔期業績比去年多了三成，平均客單價大概落在1500到2000元。」"
    )
    assert [g[3] for g in got] == ["今年中元档期"] * 2
    assert got[0][1] == "台湾某电商平台业绩"
    assert got[1][0] == "1500到2000元"


def test_cantonese_a_thousand_odd_and_pieces_counted_as_只():
    got = extract_figures("一名喺觀塘送外賣嘅車手阿強表示：「一日做足十個鐘都係賺千零蚊。」")
    assert [(f.text, f.value, f.unit) for f in got if f.unit == "港元"] == [("千零蚊", 1000, "港元")]
    got = extract_figures(
        "苏州一家老字号糕点店负责人说：“今年鲜肉月饼卖得特别火，一天要做五六千只，中秋前一周就卖掉了三万多只。”"
    )
    assert [f.unit for f in got] == ["只", "只"]


def _subjects(sentence: str) -> list[str | None]:
    return [f.subject for f in extract_figures(sentence)]


def test_a_platforms_goods_listed_after_it_even_after_a_semicolon():
    got = _subjects(
        "开学季期间，淘宝天猫学生用品成交额较去年同期增长23%，平板电脑、学习机和电子词典销量分别增长31%、56%和18%。"
    )
    assert got[1:] == ["淘宝天猫平板电脑销量", "淘宝天猫学习机销量", "淘宝天猫电子词典销量"]
    got = _subjects(
        "中秋节前两周，抖音电商月饼类商品销售额达18.6亿元，同比增长27%；冰皮和流心月饼销量分别增长42%和35%。"
    )
    assert got[-2:] == ["抖音电商冰皮月饼销量", "抖音电商流心月饼销量"]
    got = _subjects("有第三方机构测算，拼多多主站的综合货币化率在4.5%上下，抖音电商则在3%—4%之间。")
    assert not got[-1].startswith("拼多多")


def test_a_firms_own_stores_and_segments_a_hong_kong_firm_named_for_the_city_and_a_board():
    got = _subjects(
        "周大福公布首季營運數據，集團零售值按年下跌6.5%，其中中國內地同店銷售下跌9.1%，內地淨關閉門店約120家。"
    )
    assert got[1:] == ["周大福中国内地同店销售", "周大福内地净关闭门店数量"]
    got = _subjects("香港電視（HKTVmall）上半年商品交易總額約48.6億港元，按年增長8.1%。")
    assert got == ["香港电视商品交易总额"] * 2
    got = _subjects("京东集团董事会批准派发2029年中期现金股息每股0.45美元，派息总额约13亿美元。")
    assert got == ["京东集团每股中期现金股息", "京东集团中期派息总额"]
    got = _subjects(
        "京东集团二季度净收入为3712亿元，其中日百商品收入1236亿元；归属于普通股股东的净利润为118亿元。"
    )
    assert got[1:] == ["京东集团日百商品收入", "京东集团归属于普通股股东的净利润"]


def test_a_gap_to_another_periods_rate_a_categorys_share_and_a_contribution():
    got = _subjects("7月实物商品网上零售单月增速回落至5.2%，低于1—6月累计增速约1.3个百分点。")
    assert got[-1] == "实物商品网上零售单月增速低于1—6月累计增速的幅度"
    got = _subjects(
        "TikTok Shop美国站二季度GMV约58亿美元，其中美妆个护品类占比约27%，中国卖家贡献了逾六成销售额。"
    )
    assert got[1:] == ["美妆个护品类占TikTok Shop美国站GMV的比重", "TikTok Shop中国卖家贡献的销售额占比"]


def test_cantonese_only_still_and_a_falling_business():
    got = extract_figures(
        "銅鑼灣一間藥妝店負責人話：「每人淨係買三四百蚊，以前動輒過千，營業額仲跌緊兩成幾。」"
    )
    assert [(f.subject, f.unit) for f in got] == [
        ("铜锣湾某药妆店人均消费", "港元"),
        ("铜锣湾某药妆店人均消费", "港元"),
        ("铜锣湾某药妆店营业额", "%"),
    ]
    assert got[-1].value == -20


def test_a_provinces_own_count_a_warehouses_area_and_parts_of_a_whole_after_its_rate():
    got = _subjects("广东省商务厅介绍，截至11月末，全省已建成海外仓超过600个、面积逾900万平方米。")
    assert got == ["广东省海外仓数量", "广东省海外仓面积"]
    got = _subjects(
        "7月份全国重点监测零售企业销售额同比增长5.3%，增速较6月份回落0.6个百分点，其中家电、数码产品销售额分别增长18.4%和22.1%。"
    )
    assert got[2:] == ["全国重点监测零售企业家电产品销售额", "全国重点监测零售企业数码产品销售额"]
    got = _subjects("有财经自媒体测算，今年七夕档期头部鲜花电商客单价普遍在199至399元之间。")
    assert got == ["头部鲜花电商客单价"]


def test_a_teller_after_the_scene_a_firms_spokesman_and_months_kept():
    got = _subjects(
        "随着中秋临近，月饼预售进入高峰，天猫数据显示，截至9月10日，低糖月饼、鲜肉月饼预售订单量较去年同期分别增长76%和52%。"
    )
    assert got == ["天猫低糖月饼预售订单量", "天猫鲜肉月饼预售订单量"]
    got = _subjects("SHEIN相关人士透露，平台平均配送时效缩短至5天左右。")
    assert got == ["SHEIN平均配送时效"]
    got = _subjects("快手二季度财报显示，月活跃买家数约1.52亿；快递员小李告诉记者，月收入能到一万二左右。")
    assert got[0] == "快手月活跃买家数"
    got = _subjects(
        "抖音电商数据显示，七夕当天平台“礼物”相关商品成交额同比增长63%，其中男士购买占比提升至近四成。"
    )
    assert got[-1] == "男士购买占抖音电商“礼物”相关商品成交额的比重"


def test_a_platforms_bookings_at_home_and_a_group_leaders_own_shop():
    got = _subjects("携程数据显示，元旦假期国内酒店预订量较2025年同期增长26%。")
    assert got == ["携程国内酒店预订量"]
    # a ministry telling the nation's count does not own it
    got = _subjects("商务部有关负责人介绍，截至5月底，全国累计建设县级电子商务公共服务中心2830个。")
    assert not got[0].startswith("商务部")
    got = _subjects("拼多多旗下多多买菜的一位团长笑着说：“我这小店一天能走三百来单，一单提成也就五六毛钱。”")
    assert got == ["多多买菜某团长日订单量", "多多买菜某团长一单提成"]


def test_a_speakers_pay_by_the_piece_or_the_month_is_of_no_days():
    s = "浙江义乌一名快递员说：“开学季那几天，我一天要派四百来件，是平时的两倍，每件提成一块二，一个月能多挣两千五。”"
    assert [f.period for f in extract_figures(s)] == ["开学季那几天", "开学季那几天", None, None]
    # a season a month's pay can be of stays
    s = "北京朝阳区一名快递员说：“年底这阵子一天派四百来单，比平时多出三成多，一个月能挣一万二左右。”"
    assert extract_figures(s)[-1].period == "年底这阵子"


def test_an_interim_dividend_is_of_the_years_first_half():
    s = "京东集团董事会批准派发2029年中期现金股息每股0.45美元，派息总额约13亿美元。"
    assert [f.period for f in extract_figures(s)] == ["2029年中期", "2029年中期"]
