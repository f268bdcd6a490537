"""Round 32: the comparison of a release's next part, the lunar new year as Taiwan names it,
a firm named in two Latin words."""

from newsdesk.text.figures import extract_figures


def test_the_next_part_of_a_release_compares_as_the_first():
    found = extract_figures(
        "2030年，全国居民人均可支配收入43870元，比上年名义增长5.1%，扣除价格因素实际增长4.7%；"
        "全国居民人均消费支出29650元，增长5.4%。"
    )
    assert [f.base for f in found] == [None, "比上年", "比上年", None, "比上年"]


def test_taiwans_lunar_new_year_and_a_name_of_two_words():
    found = extract_figures(
        "Uber Eats台灣表示，農曆春節連假期間平台訂單量較去年同期成長15%，外送夥伴平均時薪約新台幣320元。"
    )
    assert [(f.subject, f.period) for f in found] == [
        ("Uber Eats台湾平台订单量", "农历春节连假期间"),
        ("Uber Eats台湾外送伙伴平均时薪", "农历春节连假期间"),
    ]


def _subjects(sentence: str) -> list[str | None]:
    return [f.subject for f in extract_figures(sentence)]


def test_a_levels_move_is_named_as_a_move():
    found = _subjects(
        "去年全国农产品网络零售额达到六千九百五十九亿元，比前年多了近八百亿元，其中直播带货贡献超过三成。"
    )
    assert found == [
        "全国农产品网络零售额",
        "全国农产品网络零售额增加额",
        "直播带货占全国农产品网络零售额的比重",
    ]
    assert _subjects("淘宝村数量达到7780个，比上年增加757个。") == ["淘宝村数量", "淘宝村增加数量"]


def test_a_list_of_goals():
    found = _subjects(
        "政府工作报告提出，今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上；城镇调查失业率5.5%左右。"
    )
    assert found == ["国内生产总值增长预期目标", "城镇新增就业人数预期目标", "城镇调查失业率预期目标"]


def test_a_buyback_and_a_marketplace_said_again():
    found = _subjects("唯品会第四季度总净营收为339.6亿元；公司宣布未来12个月内再回购不超过10亿美元股份。")
    assert found[-1] == "唯品会股份回购金额"
    found = _subjects("据日本乐天市场数据，中国跨境卖家2030年在该平台销售额达2860亿日元。")
    assert found == ["中国跨境卖家日本乐天市场销售额"]


def test_spoken_words_left_out_of_a_speakers_subjects():
    found = _subjects(
        "台南賣虱目魚的攤商阿美姨說：「過年前那禮拜生意真的很好啦，一天可以賣到兩百多斤，營業額有三萬塊左右。」"
    )
    assert found[0] == "台南摊商阿美姨日销量"
    found = _subjects("喺觀塘送外賣嘅阿輝話：「我一日跑咗四十幾單，收入有成千五蚊。」")
    assert found[-1].endswith("阿辉收入")
    found = _subjects("“除夕那天我送了62单，一天挣了九百多块。”在北京朝阳区送外卖的骑手老周说。")
    assert found[-1] == "骑手老周日收入"


def test_when_a_firm_buys_back_is_no_part_of_who_buys():
    found = _subjects("唯品会董事会宣布新一轮股份回购计划，将在未来两年内回购不超过10亿美元的股份。")
    assert found == ["唯品会股份回购金额"]
    found = _subjects(
        "阿里巴巴集团公布2030年二季度业绩，当季收入2698亿元，同比增长7%；季内累计回购约32亿美元股份。"
    )
    assert found[-1] == "阿里巴巴股份回购金额"


def test_hong_kongs_words_for_a_part_and_its_immigration():
    found = _subjects("據香港旅發局初步統計，今年1月訪港旅客達498萬人次，按年上升15%，當中內地旅客佔約八成。")
    assert found[-1] == "内地旅客占访港旅客的比重"
    found = _subjects("入境處數字顯示，農曆新年假期經各管制站出入境旅客共約1,020萬人次。")
    assert found == ["香港经各管制站出入境旅客人次"]


def test_the_eve_to_a_new_year_day_told_from_the_eves_night():
    # the span is the period, not the eve's night alone with 至初六期间 left in the subject
    found = extract_figures("除夕夜至初六期间，全国即时零售订单量同比增长35%。")
    assert [(f.subject, f.period) for f in found] == [("全国即时零售订单量", "除夕夜至初六")]
    assert extract_figures("除夕夜单小时订单量突破200万单。")[0].period == "除夕夜"
