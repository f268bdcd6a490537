"""Round 26: Hong Kong's statisticians count in 港元; two months told together and a summer's
two months; 中元 as a sales season; a range of money in four digits is no span of years;
Cantonese 千零蚊; 只 as a counter; a platform's representative speaks for it."""

from newsdesk.text.figures import extract_figures


def _figures(sentence: str) -> list[tuple]:
    return [(f.text, f.subject, f.unit, f.period) for f in extract_figures(sentence)]


def test_hong_kongs_statisticians_count_in_hong_kong_dollars():
    got = extract_figures(
        "據政府統計處數字，香港7月商品整體出口貨值為4236億元，按年上升11.7%；進口貨值4598億元。"
    )
    assert [(f.subject, f.unit) for f in got if f.unit != "%"] == [
        ("香港商品整体出口货值", "港元"),
        ("香港进口货值", "港元"),
    ]


def test_two_months_told_together_and_a_summers_two_months():
    assert {f.period for f in extract_figures("台灣觀光署統計，今年7、8月國人出國旅遊約318萬人次。")} == {
        "今年7、8月"
    }
    assert {f.period for f in extract_figures("香港旅遊發展局公布，暑假兩個月訪港旅客約804萬人次。")} == {
        "暑假两个月"
    }


def test_a_sales_season_a_range_of_money_and_a_platforms_representative():
    got = _figures(
        "台灣一家電商平台業者受訪時表示：「今年中元檔期業績比去年多了三成，平均客單價大概落在1500到2000元。」"
    )
    assert [g[3] for g in got] == ["今年中元档期"] * 2
    assert got[0][1] == "台湾某电商平台业绩"
    assert got[1][0] == "1500到2000元"


def test_cantonese_a_thousand_odd_and_pieces_counted_as_只():
    got = extract_figures("一名喺觀塘送外賣嘅車手阿強表示：「一日做足十個鐘都係賺千零蚊。」")
    assert [(f.text, f.value, f.unit) for f in got if f.unit == "港元"] == [("千零蚊", 1000, "港元")]
    got = extract_figures(
        "苏州一家老字号糕点店负责人说：“今年鲜肉月饼卖得特别火，一天要做五六千只，中秋前一周就卖掉了三万多只。”"
    )
    assert [f.unit for f in got] == ["只", "只"]
