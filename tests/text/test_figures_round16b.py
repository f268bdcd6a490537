"""Round 16b: spoken sums said bare, counters of tables and rooms, and subjects' owners."""

from newsdesk.text.figures import figures_in_sentence


def _by_text(sentence: str) -> dict:
    return {f.text: f for f in figures_in_sentence(sentence)}


def test_neighbouring_hundreds_after_earning_are_money():
    got = _by_text("出租车司机李师傅说：“节前那几天，一天能挣个五六百，比平时多不少。”")
    f = got["五六百"]
    assert (f.value, f.upper, f.unit) == (500.0, 600.0, "元")


def test_short_spoken_price_after_rising_to():
    got = _by_text("一位客栈老板说：“旺季一晚涨到六百五，还是订不到房。”")
    assert (got["六百五"].value, got["六百五"].unit) == (650.0, "元")


def test_short_spoken_price_per_table_takes_the_span_whole():
    got = _by_text("饭店老板说：“包间早就订满了，二十桌，每桌三千六，比去年贵一点。”")
    assert (got["三千六"].value, got["三千六"].unit) == (3600.0, "元")
    assert (got["二十桌"].value, got["二十桌"].unit) == (20.0, "桌")


def test_bare_sum_opening_a_spoken_clause():
    got = _by_text("一位二手卖家说：“这台相机我挂了一周，七百五就卖掉了。”")
    assert (got["七百五"].value, got["七百五"].unit) == (750.0, "元")


def test_bare_sum_outside_speech_is_no_money():
    assert not any(f.text == "七百五" for f in figures_in_sentence("报告称，七百五就是门槛。"))


def test_rooms_after_a_lunar_day_and_its_period():
    got = _by_text("一位客栈老板告诉记者：“初二到初五十八间房全满，价格也涨了。”")
    f = got["十八间"]
    assert (f.value, f.unit, f.period) == (18.0, "间", "初二到初五")


def test_round_million_said_with_no_counter():
    got = _by_text("主播说：“那天一场直播，销售额破千万，比平时多了一倍。”")
    f = next(f for f in got.values() if f.value == 10_000_000)
    assert f.unit == "元"


def test_tens_and_some_of_kuai():
    got = _by_text("一位卖家说：“寄一个包裹到国外得花二十来块，运费涨得厉害。”")
    assert (got["二十来块"].value, got["二十来块"].unit) == (20.0, "元")


def test_rent_risen_to_is_money_and_its_verb_is_dropped():
    got = _by_text("一位商户说：“店面一个月租金涨到三万多，生意难做。”")
    f = got["三万多"]
    assert f.unit == "元"
    assert f.subject and f.subject.endswith("租金")


def test_small_two_hundred_keeps_its_lead_and_a_sales_count():
    got = _by_text("一家面馆老板说：“平时一天能卖个小三百碗，现在也就卖出去一百来碗。”")
    assert not any((f.subject or "").endswith(("小", "卖出去")) for f in got.values())


def test_planned_rate_drops_its_planning_words():
    got = _by_text("2028年赤字率拟按3.8%左右安排，赤字规模6.1万亿元。")
    assert got["3.8%"].subject == "赤字率"


def test_expected_word_liao_is_no_part_of_the_subject():
    got = _by_text("瑞银报告指，京东去年第四季零售收入料年增8%。")
    f = next(iter(got.values()))
    assert f.subject and not f.subject.endswith("料")


def test_first_time_is_no_subject():
    got = _by_text("台湾经济部统计处指出，今年餐饮业营业额年增4.2%，首度突破9,000亿元。")
    f = next(f for f in got.values() if f.unit != "%")
    assert f.subject and "首度" not in f.subject


def test_in_all_before_a_verb_leaves_the_subject():
    got = _by_text("澳门金融管理局表示，春节前市民共兑换新钞约5亿澳门元。")
    f = next(iter(got.values()))
    assert f.subject and "共" not in f.subject


def test_preliminary_count_of_an_agency_names_its_place():
    got = _by_text("香港旅游发展局初步统计，国庆黄金周期间共有约95万人次旅客访港。")
    f = next(iter(got.values()))
    assert f.subject and "初步" not in f.subject


def test_taiwan_tourism_agency_owns_for_taiwan():
    got = _by_text("交通部观光署统计，中秋连假期间旅馆平均住房率达六成八。")
    f = next(iter(got.values()))
    assert f.subject and f.subject.startswith("台湾")


def test_firm_stores_across_the_land_are_its_own():
    got = _by_text("莱尔富公告，2026年全年营收达300亿元新台币，年增6.4%；截至去年底，全台门店数突破1,600家。")
    assert got["1,600家"].subject == "莱尔富全台门店数"
