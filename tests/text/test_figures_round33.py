"""Round 33: a number said short before the move it made, a made-up name."""

from newsdesk.text.figures import extract_figures


def test_a_short_number_before_its_move():
    found = extract_figures("“今年1—5月我们发往中东的订单翻了一番，单量从每天两千五涨到五千多单。”")
    assert [(f.text, f.value) for f in found][1:] == [("两千五", 2500), ("五千多单", 5000)]
    assert found[1].subject == found[2].subject


def test_a_name_the_paper_made_up_is_a_name():
    found = extract_figures(
        "香港速遞員阿強（化名）話：「618嗰排跨境件多咗好多，我一日要派成百五件，平時都係八九十件。」"
    )
    assert {f.subject for f in found} == {"香港速递员阿强日派件量"}


def test_the_month_before_and_the_month_of_a_speaker():
    found = extract_figures(
        "旺角一位零售店東主話：「而家好多客都北上或者網購，我間舖上個月營業額得十二萬，按月跌咗兩成幾。」"
    )
    assert [(f.subject, f.period) for f in found] == [
        ("旺角某零售店营业额", "上个月"),
        ("旺角某零售店营业额环比增速", "上个月"),
    ]
    found = extract_figures("楼下菜市场猪肉上个月还是15块8一斤，这个月涨到17块5，涨了一成多。")
    assert [f.period for f in found] == ["上个月", "这个月", "这个月"]


def test_the_first_hour_of_a_sale_and_a_count_of_those_that_did_so():
    found = extract_figures(
        "天猫618首日战报显示，苹果、美的、海尔开卖1小时成交额均破10亿元；"
        "首日超3.6万个品牌成交额同比翻番，6.8万个中小商家成交额同比增长超五成。"
    )
    assert [(f.text, f.period) for f in found][:2] == [("10亿元", "开卖1小时"), ("3.6万个", "首日")]
    assert found[1].subject == "成交额同比翻番的品牌数量"
    assert found[3].subject == "成交额同比增长超五成的中小商家数量"
    assert extract_figures("520前夕，闪送平台单日订单量达到平日的2.6倍。")[0].period == "520前夕"


def test_the_firms_a_list_of_kinds_is_framed_in():
    found = extract_figures(
        "1—5月，重点监测零售企业中，便利店、超市和专业店销售额同比分别增长6.8%、3.2%和4.5%。"
    )
    assert [f.subject for f in found] == [
        "重点监测零售企业便利店销售额",
        "重点监测零售企业超市销售额",
        "重点监测零售企业专业店销售额",
    ]


def test_a_trader_named_by_their_goods_and_city_and_their_own_figures():
    found = extract_figures(
        "一位做家居用品的宁波卖家表示，今年5月其亚马逊德国站销售额为38万欧元，环比增长12%。"
    )
    assert [f.subject for f in found] == [
        "宁波某家居用品卖家亚马逊德国站销售额",
        "宁波某家居用品卖家亚马逊德国站销售额环比增速",
    ]


def test_a_figure_told_as_the_goal_set():
    found = extract_figures("今年政府工作报告提出国内生产总值增长5%左右的预期目标，一季度经济增速达到5.1%。")
    assert [f.subject for f in found] == ["国内生产总值增长预期目标", "经济增速"]
    *_, cpi, goal = extract_figures(
        "中金公司研报预计，全年CPI涨幅约0.6%，明显低于政府工作报告设定的2%左右的调控目标。"
    )
    assert (goal.subject, goal.base) == ("CPI涨幅目标", None)
