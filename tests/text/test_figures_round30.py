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


def test_more_earned_said_bare_is_money():
    found = extract_figures("在北京朝阳区送快递的小刘说：“一件提成一块二，一天比平时多挣小两百。”")
    more = found[-1]
    assert (more.text, more.value, more.unit, more.base) == ("小两百", 200, "元", "比平时")
    assert more.subject.endswith("日收入增加额")
    found = extract_figures("眉县一位猕猴桃种植户告诉记者：“一斤比卖给收购商多赚一块多。”")
    assert [(f.text, f.value, f.unit) for f in found] == [("一块多", 1, "元")]
    # (a bonus named before 多拿 keeps its name)
    found = extract_figures("一名美团众包骑手表示，高峰期冲单奖励每周还能多拿两三百元。")
    assert found[-1].subject.endswith("冲单奖励")
