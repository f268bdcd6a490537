"""A subject names whose measure it is when the sentence says so (sentences written for these tests)."""

from newsdesk.text.figures import extract_figures


def subjects(sentence: str) -> list[str | None]:
    return [f.subject for f in extract_figures(sentence)]


def test_a_macau_agency_counts_for_macau():
    got = subjects("澳門統計暨普查局數據顯示，第二季酒店住客人次為380萬，按年上升5.1%。")
    assert got and all(s and s.startswith("澳门") for s in got)


def test_a_company_telling_its_own_figures_owns_them():
    got = subjects("连锁咖啡品牌豆香坊表示，三季度新开门店215家，单店日均杯量约420杯。")
    assert got and all(s and s.startswith("豆香坊") for s in got)


def test_a_platform_named_by_its_kind_keeps_the_word_platform():
    got = subjects(
        "二手交易平台好物转发布的数据显示，前三季度平台二手相机成交量同比增长28%，平均成交价为2360元。"
    )
    assert got[-1] == "好物转平台平均成交价"


def test_the_owner_opening_the_first_figure_holds_for_the_next_clause():
    got = subjects("前10个月，江西省社会消费品零售总额同比增长3.9%，其中家具类零售额增长8.2%。")
    assert got[-1].startswith("江西省")


def test_a_company_before_its_period_owns_the_next_measure():
    got = subjects("区域连锁超市果满仓三季度以来水果销售额同比增长9.4%，水果毛利率较上季度提升0.8个百分点。")
    assert got[-1] == "果满仓水果毛利率"


def test_a_body_telling_its_own_work_owns_it():
    got = subjects("某市消费者委员会表示，今年前10个月共受理外卖相关投诉3200件，涉及金额约85万元。")
    assert all(s and s.startswith("某市消费者委员会") for s in got)


def test_a_subject_naming_a_place_already_is_left_as_it_is():
    got = subjects("香港旅遊發展局數據顯示，今年首10個月訪港旅客約3,500萬人次，其中內地旅客佔比約七成半。")
    assert "访港旅客人次" in got
    assert not any(s and s.startswith("香港内地") for s in got)


def test_a_research_firm_is_no_owner():
    got = subjects("据研究机构测算，今年二手车线上交易额有望达到3200亿元。")
    assert got == ["二手车线上交易额"]


def test_a_list_of_companies_takes_no_single_owner():
    got = subjects("中通、申通11月快递业务量分别为32.1亿票和22.4亿票。")
    assert got == ["中通快递业务量", "申通快递业务量"]


def test_a_speaker_keeps_the_speaker_as_owner():
    got = subjects("水果店老板刘先生说：“这个月一天能卖两百多单。”")
    assert got and all(s and "刘先生" in s for s in got)
