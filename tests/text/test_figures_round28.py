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
