"""Round 16: the lunar calendar and the festival as Chinese reporting tells them."""

from newsdesk.text.figures import extract_figures, parse_number


def _first(sentence: str):
    return extract_figures(sentence)[0]


def test_first_months_with_liang():
    assert _first("今年前两个月，该省快递业务量约12亿件。").period == "今年前两个月"


def test_week_after_the_festival():
    assert _first("节后第一周，某平台外卖日均订单量超过500万单。").period == "节后第一周"
    assert _first("春节假期后一周，全市12345热线受理咨询约3万件。").period == "春节假期后一周"
    assert _first("某二手平台数据显示，春节后一周礼盒挂售量增长约3倍。").period == "春节后一周"
    assert _first("“年后头一个礼拜，店里一天也就卖出去五十来份。”").period == "年后头一个礼拜"


def test_week_after_beats_an_earlier_closing_date():
    figures = extract_figures("截至2月底平台前置仓超过1万个；节后第一周夜间订单占比达到20%。")
    assert figures[-1].period == "节后第一周"


def test_lunar_days():
    assert _first("正月初一至初八全省接待游客约3000万人次。").period == "正月初一至初八"
    assert _first("除夕当天，某平台红包收发总量同比增长约10%。").period == "除夕当天"
    assert _first("正月十五当天，某平台元宵订单量增长超过150%。").period == "正月十五当天"
    assert _first("元宵节当天，某景区接待游客8万人次。").period == "元宵节当天"


def test_spoken_festival_days():
    assert _first("司机老张说：“过年这七天我跑了九十多单。”").period == "过年这七天"
    assert _first("一位果农说：“过完年一天还能发个一千来单。”").period == "过完年"
    assert _first("“今年正月里生意不错，光初三那天就卖了两千来份。”").period == "初三那天"


def test_lunar_days_in_brackets_belong_to_the_period():
    f = _first("2027年春节档（正月初一至初六）全国电影票房达80亿元。")
    assert f.period == "2027年春节档（正月初一至初六）"


def test_before_the_festival_and_either_side():
    assert _first("今年春节前市民共兑换新钞约20亿元。").period == "今年春节前"
    assert _first("“今年春节前后一个月，店里营业额差不多二十万。”").period == "今年春节前后一个月"


def test_holiday_days_and_first_days():
    assert _first("春节九天连假期间各景点游客量约800万人次。").period == "春节九天连假期间"
    assert _first("农历新年假期首五日共有约100万人次旅客访港。").period == "农历新年假期首五日"


def test_a_single_day_without_its_dan_ri():
    figures = extract_figures("节后首周，全国铁路发送旅客1亿人次，其中2月15日单日发送旅客1800万人次。")
    assert figures[-1].period == "2月15日"


def test_plans_after_the_festival_are_no_period():
    f = _first("调查显示，超过五成受访者表示春节后会更多网购生鲜。")
    assert f.period != "春节后"


def test_dividend_per_share_is_named_without_its_verb():
    f = _first("某某股份2026年度利润分配预案显示，拟向全体股东每10股派发现金红利5.2元（含税）。")
    assert f.subject == "某某股份每10股派发现金红利"
    f = _first("工商银行拟每股派发现金股息0.3元（含税）。")
    assert f.subject == "工商银行每股现金股息"


def test_spoken_short_numbers_and_tenths():
    assert parse_number("两千八") == 2800
    assert parse_number("九百二") == 920
    assert _first("旅馆平均住房率达七成五。").value == 75
