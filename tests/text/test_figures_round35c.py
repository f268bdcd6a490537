"""Round 35, after reading: goods named after a platform's first measure sell on that platform,
and a statistics office named alone tells its own place's figures."""

from newsdesk.text.figures import extract_figures


def test_goods_named_after_a_platform_s_measure_sell_on_it():
    down, heaters, blankets, skis = extract_figures(
        "入冬以来受寒潮影响，京东平台羽绒服成交额环比增长超过3倍，取暖器、电热毯销量同比分别增长185%和120%，"
        "滑雪装备搜索量较去年同期上涨约七成。"
    )
    assert down.subject == "京东平台羽绒服成交额"
    assert heaters.subject == "京东平台取暖器销量"
    assert blankets.subject == "京东平台电热毯销量"
    assert skis.subject == "京东平台滑雪装备搜索量"
    *_, gifts = extract_figures(
        "商务部大数据监测显示，双12期间全国重点电商平台网络零售额同比增长7.4%，"
        "其中冰雪装备、取暖家电和年货礼盒销售额分别增长42.6%、35.1%和28.9%。"
    )
    assert gifts.subject == "全国重点电商平台年货礼盒销售额"


def test_a_channel_or_the_nation_s_measure_is_no_platform_s_goods():
    figures = extract_figures(
        "京东平台羽绒服成交额同比增长32%，全国网上零售额同比增长4.1%，直播电商销售额增长12%。"
    )
    assert [f.subject for f in figures] == ["京东平台羽绒服成交额", "全国网上零售额", "直播电商销售额"]


def test_a_statistics_office_named_alone_tells_its_place_s_figures():
    sales, growth, online, _ = extract_figures(
        "據經濟部統計處，10月零售業營業額為新台幣4,312億元，年增3.1%，"
        "其中電子購物及郵購業營業額達新台幣318億元，年增9.6%，創同月新高。"
    )
    assert sales.subject == growth.subject == "台湾零售业营业额"
    assert online.subject == "台湾电子购物及邮购业营业额"
