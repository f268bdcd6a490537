"""Round 33, after reading: a board and a spokesman are no part of a measure; a contribution,
a store format and a dividend's total are named as a table would name them."""

from newsdesk.text.figures import extract_figures


def test_a_board_that_pays_is_the_company_s():
    *_, dividend = extract_figures(
        "統一超商公告，4月合併營收新台幣287億元，年增6.1%；董事會並決議每股配發現金股利10元。"
    )
    assert dividend.subject == "统一超商每股现金股利"
    _, _, dividend = extract_figures(
        "唯品会一季度活跃用户数约4380万，同比减少3%；董事会批准派发每股美国存托股0.6美元的年度现金股息。"
    )
    assert dividend.subject == "唯品会每股美国存托股年度现金股息"


def test_a_dividend_per_share_and_its_total():
    per_share, total = extract_figures("京东宣布派发年度现金股息每股普通股0.45美元，总额约13亿美元。")
    assert (per_share.subject, total.subject) == ("京东每股普通股年度现金股息", "京东年度现金股息总额")


def test_one_who_speaks_for_a_body_is_not_its_measure():
    *_, members = extract_figures(
        "香港零售管理協會預計，今年第二季零售銷貨價值將按年錄得1%至3%的增長，"
        "協會主席指「五一」期間會員商戶營業額按年升約5%。"
    )
    assert members.subject == "香港零售管理协会会员商户营业额"
    *_, exports, contribution = extract_figures(
        "浙江省商务厅有关负责人表示：“1—5月全省网络零售额达1.18万亿元，同比增长7.9%，"
        "其中跨境电商出口同比增长超三成，对全省出口增长的贡献率约四成。”"
    )
    assert exports.subject == "浙江省跨境电商出口额"
    assert contribution.subject == "浙江省跨境电商出口对全省出口增长的贡献率"


def test_a_contribution_is_of_the_part_told_before():
    *_, contribution = extract_figures(
        "2026年上海市实现地区生产总值5.68万亿元，第三产业增加值占全市生产总值的比重为76.2%，"
        "对经济增长的贡献率达81.5%。"
    )
    assert contribution.subject == "上海市第三产业增加值对经济增长的贡献率"


def test_the_next_store_format_or_trade_is_of_the_same_measure():
    found = extract_figures("上半年，限额以上单位中，超市零售额增长4.6%，便利店增长7.2%，百货店下降1.3%。")
    assert [f.subject for f in found] == [
        "限额以上单位超市零售额",
        "限额以上单位便利店零售额",
        "限额以上单位百货店零售额",
    ]
    found = extract_figures("1—5月，餐饮业收入同比增长5.1%，住宿业增长3.2%。")
    assert [f.subject for f in found] == ["餐饮业收入", "住宿业收入"]
