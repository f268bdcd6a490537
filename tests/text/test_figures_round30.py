"""Round 30: a month span told with the season it makes (7月至8月暑运期间), a stretch a speaker
names by what happened in it (平台补贴那阵子), this summer as Cantonese says it (呢个暑假)."""

from newsdesk.text.figures import extract_figures


def _periods(sentence: str) -> list[str | None]:
    return [f.period for f in extract_figures(sentence)]


def test_a_month_span_told_with_its_season():
    assert _periods("中国民航局数据显示，7月至8月暑运期间，民航累计运输旅客1.52亿人次，同比增长6.8%。") == [
        "7月至8月暑运期间",
        "7月至8月暑运期间",
    ]
    assert _periods("1—8月份，全国网上零售额增长8%。") == ["1—8月份"]


def test_spoken_stretches_of_time():
    found = _periods("外卖骑手老周告诉记者：“平台补贴那阵子，一天能跑六十多单，一个月下来挣个一万二左右。”")
    assert found == ["平台补贴那阵子", "平台补贴那阵子"]
    found = _periods("旺角一間藥房嘅老闆話：「呢個暑假內地客多咗好多，一日做到三四萬蚊生意。」")
    assert found == ["呢个暑假"]
