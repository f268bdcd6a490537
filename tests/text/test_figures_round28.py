"""Round 28: 情人节 and 重阳 as periods of their own; a lunar year-end day, a festival's weeks
and the month before the new year as spoken; a fiscal quarter told as 财季."""

from newsdesk.text.figures import extract_figures


def _periods(sentence: str) -> list[str | None]:
    return [f.period for f in extract_figures(sentence)]


def test_valentines_day_is_a_period():
    assert _periods("京东消费及产业发展研究院数据显示，情人节当天京东平台鲜花销量同比增长65%。") == [
        "情人节当天"
    ]


def test_days_and_weeks_of_the_new_year_as_spoken():
    assert _periods("喺觀塘送外賣嘅阿明話：「平日一日做三十幾單，年廿八嗰日做咗成五十單。」") == [
        "平日",
        "年廿八嗰日",
    ]
    assert _periods("旺角一間藥房老闆陳先生話：「農曆新年嗰兩個禮拜，生意額比舊年多咗三成。」") == [
        "农历新年嗰两个礼拜"
    ]
    assert _periods("在台北經營蝦皮賣場的林小姐說：「過年前那個月真的爆單，一天出貨快一千單。」") == [
        "过年前那个月"
    ]


def test_a_fiscal_quarter_told_as_such():
    assert _periods("高盛预计2030财年第四财季淘天GMV同比增长3%至4%。") == ["2030财年第四财季"]


def _subjects(sentence: str) -> list[str | None]:
    return [f.subject for f in extract_figures(sentence)]


def test_a_bureaus_news_and_a_platforms_tally_own_their_figures():
    got = _subjects("广州市商务局消息，第一期消费券共发放1.2亿元，截至3月底核销率达92%。")
    assert got == ["广州市第一期消费券发放", "广州市第一期消费券核销率"]
    got = _subjects("抖音电商发布战报显示，年货节期间农特产品订单量达3.2亿单。")
    assert got == ["抖音电商农特产品订单量"]
    got = _subjects("香港入境處數字顯示，農曆新年假期期間，經各口岸出入境的旅客約172萬人次。")
    assert got == ["香港经各口岸出入境的旅客人次"]


def test_a_boards_dividend_per_share_and_a_plan_sized_by_its_total():
    got = _subjects("京东宣布一项总额最多50亿美元的股份回购计划，同时董事会批准2029年度现金股息每股0.5美元。")
    assert got == ["京东股份回购计划规模", "京东每股现金股息"]
    got = _subjects("富邦媒體科技（momo）公布2029年全年營收新台幣1,128億元，董事會擬配發現金股利每股8元。")
    assert got[-1] == "富邦媒体科技每股现金股利"


def test_the_statisticians_release_goes_on_in_hong_kong_dollars():
    body = (
        "政府統計處今日公布，2029年12月零售業總銷貨價值的臨時估計為340億元，較2028年同月上升3.2%。\n"
        "2029年全年計，零售業總銷貨價值臨時估計為3,852億元，較2028年上升1.1%。\n"
        "國家統計局數據顯示，全國社會消費品零售總額為48.3萬億元。"
    )
    got = [(f.text, f.unit) for f in extract_figures(body) if f.kind == "amount"]
    assert got == [("340亿元", "港元"), ("3,852亿元", "港元"), ("48.3万亿元", "元")]


def test_counting_only_a_days_average_and_the_new_years_dishes():
    got = _subjects(
        "《明報》報道，港人北上消費熱潮持續，單計3月份經陸路口岸北上的港人逾620萬人次，平均每日約20萬人次。"
    )
    assert got == ["经陆路口岸北上的港人人次", "日均经陆路口岸北上的港人人次"]
    got = _subjects("統一超商1月營收新台幣284.6億元，受惠於農曆年節預購檔期，年菜預購業績突破新台幣10億元。")
    assert got[-1] == "统一超商年菜预购业绩"
