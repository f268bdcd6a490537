"""Round 17: spoken ranges of times, currencies written in letters (HK$, NT$), the units of
flights, trains, 蚊 and 毛, 分别 lists of places counted, and Cantonese quotes."""

import pytest

from newsdesk.text.figures import extract_figures, figures_in_sentence


def _by_text(sentence: str) -> dict:
    return {f.text: f for f in figures_in_sentence(sentence)}


# --- 1. two neighbouring numerals before 倍 (or 个百分点) are a range, as 三四成 is ----------


def test_two_neighbouring_numerals_before_times_are_a_range():
    got = _by_text("一位民宿老板说：“端午这几天的订单是平时的两三倍，房间早就满了。”")
    f = got["两三倍"]
    assert (f.value, f.upper, f.unit, f.base) == (2.0, 3.0, "倍", "平时")


def test_times_range_told_with_its_growth_verb():
    (f,) = figures_in_sentence("这家奶茶店的外卖单量比去年增长了三四倍。")
    assert (f.value, f.upper, f.unit, f.kind) == (3.0, 4.0, "倍", "change")


def test_times_range_after_tens_and_points_range():
    got = _by_text("店主说，爆款的销量是去年的十五六倍，毛利率提高了一两个百分点。")
    assert (got["十五六倍"].value, got["十五六倍"].upper) == (15.0, 16.0)
    f = got["提高了一两个百分点"]
    assert (f.value, f.upper, f.unit) == (1.0, 2.0, "个百分点")


def test_one_number_of_times_is_no_range():
    got = _by_text("出口额是十年前的十二倍，进口额是2.5倍。")
    assert (got["十二倍"].value, got["十二倍"].upper) == (12.0, None)
    assert (got["2.5倍"].value, got["2.5倍"].upper) == (2.5, None)


def test_neighbouring_numerals_in_hundreds_and_thousands_stay_ranges():
    got = _by_text("摊主说：“一天能卖七八千单，周末排队的有八九百桌，节前还要多卖五六百件。”")
    assert (got["七八千单"].value, got["七八千单"].upper) == (7000.0, 8000.0)
    assert (got["八九百桌"].value, got["八九百桌"].upper) == (800.0, 900.0)
    assert (got["五六百件"].value, got["五六百件"].upper) == (500.0, 600.0)


# --- 2. a currency written in letters before the number -----------------------------------


def test_hong_kong_dollars_in_letters_and_the_copula_before_them():
    got = _by_text("香港某连锁超市上月营业额初步估计为HK$18.6亿，按年上升4.1%。")
    f = got["HK$18.6亿"]
    assert f.value == pytest.approx(1_860_000_000)
    assert (f.unit, f.kind) == ("港元", "amount")
    assert f.subject and "HK" not in f.subject and not f.subject.endswith(("为", "$"))
    assert got["按年上升4.1%"].subject == f.subject


def test_approximately_before_the_letters_is_no_part_of_the_subject():
    got = _by_text("一名旅客在旺角一间表行购入约HK$8万元名表，折合人民币约7.3万元。")
    f = got["HK$8万元"]
    assert (f.value, f.unit) == (80_000.0, "港元")
    assert f.subject and not f.subject.endswith(("约", "$", "HK"))
    assert got["7.3万元"].unit == "元"


def test_taiwan_macau_american_and_renminbi_in_letters():
    got = _by_text(
        "某零售集团首季营收NT$85.2亿，澳门分店收入MOP$3.1亿，海外业务US$2,400万，内地业务RMB 6亿元。"
    )
    assert got["NT$85.2亿"].unit == "新台币"
    assert got["MOP$3.1亿"].unit == "澳门元"
    assert got["US$2,400万"].unit == "美元"
    assert got["RMB 6亿元"].unit == "元"
    assert all("$" not in (f.subject or "") for f in got.values())


def test_taiwan_agency_and_letters_agree():
    got = {
        f.text: f
        for f in extract_figures("經濟部統計處公布，5月餐飲業營業額達NT$812億元，較上年同月增加3.2%。")
    }
    f = got["NT$812亿元"]
    assert f.unit == "新台币"
    assert f.subject and "NT" not in f.subject and not f.subject.endswith("达")


def test_a_lone_dollar_sign_names_no_currency():
    (f,) = figures_in_sentence("这款耳机售价$199元。")
    assert f.unit == "元"


# --- 3. the units of flights, trains, 蚊 and 毛 --------------------------------------------


def test_flights_and_trains_are_counted_in_their_own_units():
    got = _by_text("端午假期，某航司日均执行航班约2400班，铁路部门加开旅客列车850列。")
    assert (got["2400班"].value, got["2400班"].unit) == (2400.0, "班")
    assert got["2400班"].subject.endswith("航班量")
    assert (got["850列"].value, got["850列"].unit) == (850.0, "列")
    assert got["850列"].subject.endswith("列数")


def test_words_with_ban_and_lie_are_no_counters():
    got = _by_text(
        "今年有12家企业列入名单，形成3个系列产品，员工每天8点上班，领导班子5人，中欧班列运行平稳。"
    )
    assert not any(f.unit in ("班", "列") for f in got.values())


def test_man_is_a_hong_kong_dollar():
    got = _by_text("茶餐厅老板话：「而家一个菠萝包都要十几蚊，一份常餐卖四五十蚊。」")
    assert (got["十几蚊"].value, got["十几蚊"].unit) == (10.0, "港元")
    f = got["四五十蚊"]
    assert (f.value, f.upper, f.unit, f.kind) == (40.0, 50.0, "港元", "amount")


def test_man_in_macau_is_its_pataca():
    (f,) = figures_in_sentence("澳门一间手信店老板话：「每盒杏仁饼卖八十几蚊。」")
    assert (f.value, f.unit) == (80.0, "澳门元")


def test_mosquitoes_are_no_money():
    assert not any(f.unit == "港元" for f in figures_in_sentence("夏天蚊子多，这家店一天卖出三百盒蚊香。"))


def test_mao_told_as_money():
    got = _by_text("一位驿站站长说：“每件代收费被压到五毛多，比前年少了两毛左右。”")
    f = got["五毛多"]
    assert (f.value, f.unit, f.kind) == (0.5, "元", "amount")
    assert f.subject and f.subject.endswith("代收费")
    assert (got["两毛"].value, got["两毛"].unit) == (0.2, "元")


def test_mao_in_words_is_no_money():
    got = figures_in_sentence(
        "公司毛利率为23%，毛绒玩具销量3万件，这点钱对它来说九牛一毛，三毛的书很受欢迎。"
    )
    assert not any(f.unit == "元" for f in got)


# --- 4. a 分别 list of places with their count ---------------------------------------------


def test_places_counted_before_their_measure_each_own_it():
    got = figures_in_sentence(
        "国庆假期，深圳、东莞、佛山、珠海四城商场销售额分别同比增长5.1%、6.2%、7.3%和8.4%。"
    )
    assert [f.subject for f in got] == [
        "深圳商场销售额",
        "东莞商场销售额",
        "佛山商场销售额",
        "珠海商场销售额",
    ]


def test_two_cities_counted_and_the_first_place_owns_no_other():
    got = figures_in_sentence("端午假期，杭州、南京两市夜间消费额分别增长12%和9%。")
    assert [f.subject for f in got] == ["杭州夜间消费额", "南京夜间消费额"]


def test_a_place_opening_a_list_of_measures_still_owns_each():
    got = figures_in_sentence("浙江省社会消费品零售总额和网上零售额分别为3.2万亿元和2.7万亿元。")
    assert [f.subject for f in got] == ["浙江省社会消费品零售总额", "浙江省网上零售额"]


# --- 5. 分别 after measures told in the clauses before -------------------------------------


def test_respectively_after_two_measures_of_earlier_clauses():
    got = _by_text("1—5月，西部陆海新通道班列累计开行约4500列，运送货物22万标箱，同比分别增长12%和9%。")
    assert got["4500列"].unit == "列"
    assert got["增长12%"].subject == got["4500列"].subject
    assert got["9%"].subject == got["22万标箱"].subject
    assert got["9%"].subject != got["增长12%"].subject


# --- 6. Cantonese quotes ------------------------------------------------------------------


def test_cantonese_that_is_not_turned_into_a_rare_variant():
    got = extract_figures("旺角一間茶餐廳老闆話：「中秋嗰幾日生意比平時好咗兩三成。」")
    (f,) = got
    assert (f.value, f.upper, f.base) == (20.0, 30.0, "比平时")
    assert f.period == "中秋嗰几日"
    assert f.subject and "𠮶" not in f.subject and "「" not in f.subject and "咗" not in f.subject


def test_cantonese_particles_are_read_as_mandarin_ones():
    (f,) = figures_in_sentence("陈老板话：「我哋间铺嘅营业额多咗三成。」")
    assert (f.value, f.kind) == (30.0, "change")
    assert f.subject and not any(c in f.subject for c in "咗嘅啲嗰「")
    assert f.subject.endswith("营业额")


def test_a_leading_corner_quote_is_no_part_of_a_subject():
    (f,) = extract_figures("旺角一間茶餐廳老闆話：「啲外賣單多咗兩成，生意好過舊年。」")
    assert (f.value, f.kind) == (20.0, "change")
    assert f.subject and f.subject.startswith("旺角某茶餐厅") and f.subject.endswith("外卖单")
