"""Round 31: a fair's edition is the period of its figures and the fair still whose they are;
a festival's peak as a speaker tells it."""

from newsdesk.text.figures import extract_figures


def test_a_fairs_edition():
    found = extract_figures("第十三届进博会按一年计意向成交金额达812.4亿美元，比上届增长2.0%。")
    assert [(f.period, f.subject) for f in found] == [("第十三届进博会", "进博会按一年计意向成交金额")] * 2


def test_a_festivals_peak_as_spoken():
    found = extract_figures(
        "在北京朝阳区送快递的刘师傅说，双11高峰那几天他一天要派四五百件，比平时多一倍多。"
    )
    assert [f.period for f in found] == ["双11高峰那几天", "双11高峰那几天"]


def _subjects(sentence: str) -> list[str | None]:
    return [f.subject for f in extract_figures(sentence)]


def test_a_broker_in_its_report_and_a_firm_said_again():
    found = _subjects("中金公司在最新研报中将唯品会目标价由14.5美元上调至17美元。")
    assert found == ["中金公司给予唯品会的原目标价", "中金公司给予唯品会的新目标价"]
    found = _subjects("某国产美妆品牌负责人介绍，今年双11该品牌全渠道GMV为18.6亿元，同比增长41%。")
    assert found == ["某国产美妆品牌全渠道GMV"] * 2


def test_a_longer_name_in_a_list_is_no_shared_ending():
    found = _subjects("SHEIN相关负责人透露，其中德国和意大利分别占欧洲GMV的22%和14%。")
    assert not any("德国利" in (x or "") for x in found)
    assert _subjects("城镇、农村居民人均可支配收入分别增长4.5%和6.1%。") == [
        "城镇居民人均可支配收入",
        "农村居民人均可支配收入",
    ]


def test_where_exhibitors_came_from_then_the_exhibitors():
    found = _subjects("共有来自152个国家和地区的3718家展商参展。")
    assert found == ["国家和地区数量", "展商参展数量"]


def test_a_festivals_name_is_no_count_of_orders():
    found = extract_figures(
        "momo富邦媒公布11月合併營收115.8億元，年增7.4%，其中雙11單日業績較去年同期成長逾兩成。"
    )
    assert [f.text for f in found] == ["115.8亿元", "年增7.4%", "较去年同期成长逾两成"]
    assert [f.text for f in extract_figures("618单日销售额增长三成。")] == ["增长三成"]


def test_an_adjusted_profit_is_the_companys():
    found = _subjects(
        "京东集团第三季度净收入为2986亿元，同比增长5.3%；Non-GAAP净利润为146亿元，同比增长12.4%。"
    )
    assert found[2:] == ["京东集团Non-GAAP净利润"] * 2


def test_shares_of_a_whole_told_shorter():
    found = _subjects(
        "SHEIN相关负责人透露，平台2030年第三季度在欧洲市场的GMV约为48亿美元，环比增长9%，"
        "其中德国和意大利分别占欧洲GMV的22%和14%。"
    )
    assert found[2:] == ["德国占SHEIN欧洲市场GMV的比重", "意大利占SHEIN欧洲市场GMV的比重"]
