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


def _subjects(sentence: str) -> list[str | None]:
    return [f.subject for f in extract_figures(sentence)]


def test_a_firm_telling_its_own_report_owns_its_figures():
    assert _subjects("国货美妆品牌珀莱雅发布半年报，2030年上半年实现营业收入68.5亿元，同比增长16.2%。") == [
        "珀莱雅营业收入",
        "珀莱雅营业收入",
    ]
    found = _subjects("莎莎國際公布截至2030年6月30日止第一季度營運數據，營業額按年增長8.7%至11.2億港元。")
    assert found == ["莎莎国际营业额", "莎莎国际营业额"]
    assert _subjects("携程发布的暑期出境游报告显示，7月以来平台出境游订单同比增长三成。")[0].startswith(
        "携程"
    )
    assert _subjects("据抖音电商发布的数据，七夕期间平台累计成交订单超1.2亿单。")[0].startswith("抖音电商")


def test_the_markets_expectation_is_no_owner_of_the_next_part():
    found = _subjects(
        "拼多多控股第二季度营收1328亿元，同比增长11%，低于市场预期的1365亿元；经调整净利润412亿元，同比下降6.3%。"
    )
    assert found[2] == "市场预期的拼多多控股营收"
    assert found[3:] == ["拼多多控股经调整净利润", "拼多多控股经调整净利润"]


def test_speakers_named_by_their_trade_own_what_they_say():
    found = extract_figures(
        "台北一名計程車司機說：「現在跑外送比載客好賺一點，一天下來大概三千塊，週末可以到四五千啦。」"
    )
    assert [(f.subject, f.unit) for f in found] == [("台北某计程车司机日收入", "新台币")] * 2
    found = _subjects("一名在杭州做女装直播的店主说：“开学季那几天每天能走五六千单，退货率差不多四成。”")
    assert found == ["杭州某女装直播店主日订单量", "杭州某女装直播店主退货率"]
    found = _subjects("一位淘宝女装卖家在短视频里算账：今年618期间店铺退货率高达六成。")
    assert found == ["该淘宝女装卖家店铺退货率"]


def test_sales_driven_in_money_and_a_company_at_the_same_time():
    found = _subjects(
        "商务部新闻发言人表示，今年以来全国汽车以旧换新补贴申请量超620万份，带动新车销售超4800亿元。"
    )
    assert found[1].endswith("带动新车销售额")
    found = _subjects("京东集团二季度净收入3562亿元；公司同时宣布将股份回购计划上限提高至50亿美元。")
    assert found[-1] == "京东股份回购计划上限"
    assert _subjects("该平台同时在线人数超过300万人。")[0].endswith("同时在线人数")
