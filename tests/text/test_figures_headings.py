"""Subjects that read as table headings: each names whose figure it is."""

from newsdesk.text.figures import extract_figures


def subjects(sentence: str) -> list[str | None]:
    return [f.subject for f in extract_figures(sentence)]


def test_a_listed_item_keeps_the_place_that_opens_the_list() -> None:
    found = subjects("2025年全年，江苏省社会消费品零售总额和网上零售额分别为4.81万亿元和1.32万亿元。")
    assert found == ["江苏省社会消费品零售总额", "江苏省网上零售额"]


def test_a_later_part_of_a_company_announcement_is_the_company_s() -> None:
    found = subjects("韵达股份公告，公司11月快递服务业务收入为42.1亿元；业务量为21.3亿票；单票收入为1.98元。")
    # (of the business whose revenue was told first: 快递服务业务)
    assert found[1:] == ["韵达股份快递服务业务量", "韵达股份快递服务业务单票收入"]


def test_a_part_opening_with_another_company_is_not_given_the_first() -> None:
    found = subjects("申通快递公告，公司10月快递服务业务收入为40.2亿元；韵达同期单票收入为2.01元。")
    assert found[-1] == "韵达单票收入"


def test_a_named_broker_owns_its_forecast_and_the_growth_told_after_it() -> None:
    found = subjects(
        "华泰证券研报指出，预计2027年社区团购市场规模将达到3000亿至3500亿元，年复合增速维持在15%左右。"
    )
    assert found == ["华泰证券预计的社区团购市场规模", "华泰证券预计的社区团购市场规模年复合增速"]


def test_a_broker_gives_a_target_price_and_forecasts_of_the_company_it_rates() -> None:
    found = subjects(
        "国泰证券将某外卖平台的目标价由88港元上调至96港元，并预计其全年经调整利润在40亿至45亿元之间。"
    )
    assert found == [
        "国泰证券给予某外卖平台的原目标价",
        "国泰证券给予某外卖平台的新目标价",
        "国泰证券预计的某外卖平台经调整利润",
    ]


def test_many_brokers_are_no_owner() -> None:
    assert "预计" not in (subjects("多家券商预计，今年全网商品交易总额增速在3%—5%之间。")[0] or "")


def test_the_head_of_an_mcn_firm_speaks_for_the_firm() -> None:
    found = subjects("广州一家MCN机构负责人说：“我们旗下头部主播上周一场直播就卖了两千多万。”")
    assert found == ["广州某MCN机构旗下头部主播一场直播销售额"]


def test_the_head_of_an_online_seller_speaks_for_it() -> None:
    found = subjects("云南一位县域电商负责人说：“今年我们的鲜花一天能发一千多单。”")
    assert found[0].startswith("云南某县域电商") and "我们" not in found[0]


def test_a_word_before_the_range_is_no_part_of_the_name() -> None:
    found = subjects("特区政府预计2027年经济增长介乎2%至3%。")
    assert not found[0].endswith("介乎")


def test_hong_kongs_short_numbers_are_read_whole():
    from newsdesk.text.script import to_simplified

    (visitors,) = extract_figures(to_simplified("春節黃金周入境旅客逾百三萬人次"))
    assert (visitors.value, visitors.unit) == (1_300_000, "人次")
    (arrivals,) = extract_figures(to_simplified("全年訪港旅客約千二萬人次"))
    assert arrivals.value == 12_000_000


def test_when_a_company_told_it_and_a_columns_label_are_not_in_the_subject():
    (orders,) = extract_figures("快手电商近日发布的数据显示，今年上半年平台农产品订单量同比增长超过一倍。")
    assert orders.subject == "快手电商农产品订单量"
    (rural,) = extract_figures("【商务简报】上半年农村网络零售额约9800亿元")
    assert rural.subject == "农村网络零售额"
