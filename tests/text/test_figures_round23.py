"""Round 23: a festival's eve and its week in a Cantonese quote, an exhibition's days, a
campaign's first week online, and a quoted name before a festival that is no part of it."""

from newsdesk.text.figures import extract_figures


def _periods(sentence: str) -> list[str | None]:
    return [f.period for f in extract_figures(sentence)]


def test_a_festivals_eve_and_its_week_as_hong_kong_says_it():
    assert (
        _periods("香港郵政表示，聖誕前夕網購包裹處理量每日高達50萬件，較平日多出近一倍。") == ["圣诞前夕"] * 2
    )
    assert _periods("銅鑼灣一間化妝品店嘅店員話：「黑五嗰個禮拜人流多咗三四成。」") == ["黑五嗰个礼拜"]


def test_an_exhibitions_days_and_a_campaigns_first_week_online():
    assert _periods("本届进博会意向成交额达812.6亿美元；展会期间累计进场超98万人次。")[-1] == "展会期间"
    assert _periods("成都市家电以旧换新消费券活动上线首周即核销超12万张。") == ["活动上线首周"]


def test_a_quoted_name_before_a_festival_and_a_quotes_opening_mark_are_no_part_of_it():
    assert _periods("据统计，主播“阿朵”双11期间共开播9场，累计销售额约12.6亿元。") == ["双11期间"] * 2
    assert _periods("王师傅说：“双11那几天每天要派四五百件。”") == ["双11那几天"]


def _subjects(sentence: str) -> list[str | None]:
    return [f.subject for f in extract_figures(sentence)]


def test_a_brokers_forecasts_for_a_list_of_years_lose_the_lists_joints():
    got = _subjects(
        "中信证券研报维持拼多多“买入”评级，预计其2028年、2029年和2030年经调整净利润分别为1420亿元、1610亿元和1795亿元。"
    )
    assert got == ["中信证券预计的拼多多经调整净利润"] * 3


def test_a_brokers_price_for_the_company_it_forecasts():
    got = _subjects("国泰海通证券研报预计，小米集团四季度营收约1380亿元，并将其目标价上调12%至65港元。")
    assert got[-1] == "国泰海通证券给予小米集团目标价"


def test_a_bound_before_an_amount_is_no_part_of_its_name():
    assert _subjects("唯品会宣布新一轮股份回购计划，回购总额不超过10亿美元。") == ["唯品会回购总额"]


def test_the_next_categories_of_goods_are_of_the_measure_told_for_the_first():
    got = _subjects("分品类看，吃类商品网上零售额同比增长15.6%，用类商品增长5.1%，穿类商品下降0.6%。")
    assert got == ["吃类商品网上零售额", "用类商品网上零售额", "穿类商品网上零售额"]


def test_who_tells_is_named_without_its_adverbs_and_prepositions():
    assert _subjects("天猫则表示，大量国货品牌成交额实现翻倍增长。") == ["天猫大量国货品牌成交额"]
    assert _subjects("记者从上海市商务委了解到，截至6月5日，全市主要电商平台前置仓复工率已超过九成。") == [
        "上海市主要电商平台前置仓复工率"
    ]
    # the ministry's big-data monitoring tells the country's figures, not a 商务's
    assert _subjects("商务大数据监测显示，粮油食品、中西药品网络零售额同比分别增长19.9%和13.1%。") == [
        "粮油食品网络零售额",
        "中西药品网络零售额",
    ]


def test_a_shop_assistant_speaks_for_the_shop_and_an_order_comes_to_its_kedanjia():
    got = _subjects("銅鑼灣一間化妝品店嘅店員話：「黑五嗰個禮拜人流多咗三四成。」")
    assert got == ["铜锣湾某化妆品店人流"]
    order = _subjects("銅鑼灣一名化妝品店店員表示：「而家啲內地客好精打細算，一單平均得五六百蚊。」")
    assert order == ["铜锣湾某化妆品店客单价"]
