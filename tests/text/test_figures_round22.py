"""Round 22: the summer transport season, months in Chinese numerals, a span's 期间, a season
named in a cause, Hong Kong's 今个暑假 and a speaker's 高峰期 and 得."""

from newsdesk.text.figures import extract_figures


def _figures(sentence: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(f.subject, f.unit, f.period) for f in extract_figures(sentence)]


def test_the_summer_transport_season_is_a_period():
    got = _figures("据中国民航局统计，暑运期间民航累计运输旅客1.47亿人次，日均约237万人次。")
    assert {p for _, _, p in got} == {"暑运期间"}
    since = _figures("国铁集团介绍，暑运以来全国铁路累计发送旅客9.86亿人次，同比增长6.7%。")
    assert {p for _, _, p in since} == {"暑运以来"}


def test_a_month_in_chinese_numerals_and_a_span_of_days_told_with_its_qijian():
    month = _figures("据新华社报道，七月份全国限额以上单位通讯器材类零售额六百五十八亿元，同比增长一成多。")
    assert {p for _, _, p in month} == {"七月份"}
    span = _figures("京东发布开学季消费数据，8月1日至31日期间，学生平板电脑成交额同比增长45%。")
    assert span[0][2] == "8月1日至31日期间"


def test_a_season_named_as_a_cause_is_no_period():
    got = _figures("8月份，全国居民消费价格同比上涨0.6%；受暑期出行需求带动，飞机票价格环比上涨12.5%。")
    assert [p for _, _, p in got] == ["8月份", "8月份"]


def test_a_hong_kong_summer_and_what_a_shop_only_takes():
    got = _figures(
        "深水埗一間老字號茶餐廳老闆娘話：「今個暑假生意麻麻，每日營業額得五六千，比舊年少咗兩成幾。」"
    )
    assert got[0] == ("深水埗某老字号茶餐厅日营业额", "港元", "今个暑假")


def test_the_peak_a_speaker_sets_apart_is_a_period():
    got = _figures("快递员小李告诉记者，中秋前后他每天要派送四五百件，高峰期一天能跑出去两百多公里。")
    assert [p for _, _, p in got] == ["中秋前后", "高峰期"]


def test_a_brokers_bare_target_price_is_the_rated_companys_and_its_forecasts_take_a_year_each():
    got = _figures(
        "中金公司发布研报，维持美团“跑赢行业”评级，将目标价由168港元上调至185港元，"
        "并预计其2028年至2029年经调整净利润分别为512亿元和598亿元。"
    )
    assert got == [
        ("美团原目标价", "港元", None),
        ("美团目标价", "港元", None),
        ("中金公司预计的美团经调整净利润", "元", "2028年"),
        ("中金公司预计的美团经调整净利润", "元", "2029年"),
    ]


def test_a_broker_cutting_a_companys_forecast_names_the_companys_forecast():
    got = _figures("国泰君安证券将名创优品2028年每股收益预测下调6%至6.85元。")
    assert [s for s, _, _ in got] == ["名创优品每股收益预测"] * 2


def test_a_platform_publishing_its_seasons_data_owns_the_list():
    got = _figures(
        "京东发布开学季消费数据，8月1日至31日期间，学生平板电脑、笔记本电脑成交额分别同比增长45%和28%。"
    )
    assert [s for s, _, _ in got] == ["京东学生平板电脑成交额", "京东笔记本电脑成交额"]


def test_taiwans_statistics_office_publishing_owns_the_figures():
    got = _figures("台灣經濟部統計處發布，7月零售業營業額為4,012億元新台幣，年增2.8%。")
    assert [s for s, _, _ in got] == ["台湾零售业营业额"] * 2


def test_a_brokers_forecasts_after_its_are_the_rated_companys():
    got = _figures(
        "中信证券研报上调阿里巴巴评级至“买入”，给予美股目标价165美元，预计其2029财年收入为1.08万亿元，经调整EBITA约1860亿元。"
    )
    assert [s for s, _, _ in got] == [
        "阿里巴巴美股目标价",
        "中信证券预计的阿里巴巴收入",
        "中信证券预计的阿里巴巴经调整EBITA",
    ]


def test_names_that_open_with_a_day_or_a_month_keep_it():
    assert _figures("其中港澳旅客约11.5万人次，日本旅客约13万人次。")[1][0] == "日本旅客人次"
    assert _figures("中秋档期月饼销售减少一成。")[0][0] == "月饼销售"


def test_one_who_speaks_for_a_company_unnamed_makes_its_platform_the_companys():
    got = _figures("SHEIN相关人士透露，平台在巴西的本地仓备货比例已从两成提高到四成以上。")
    assert {s for s, _, _ in got} == {"SHEIN巴西本地仓备货比例"}


def test_a_days_share_told_bare_is_of_what_was_counted_before():
    got = _figures(
        "国家邮政局监测数据显示，8月份全国快递业务量完成约165.3亿件，同比增长14.1%，日均处理量超5.3亿件。"
    )
    assert got[-1][0] == "全国快递日均处理量"
