"""Round 15: owners behind 发布…报告, spoken periods, spoken ranges told apart (own sentences)."""

from newsdesk.text.figures import extract_figures


def _by_text(sentence: str) -> dict:
    """The figures of a sentence by their wording, and by their value too."""
    figures = extract_figures(sentence)
    return {f.text: f for f in figures} | {f.value: f for f in figures}


def test_a_report_published_names_its_publisher_not_the_verb():
    figures = _by_text(
        "盒马发布年终报告显示，2026年全年平台线上订单量同比增长35%，其中县域订单占比升至21.5%。"
    )
    assert figures[35].subject.startswith("盒马")
    assert "发布" not in figures[35].subject
    # (a part's share names the whole it is of, and the whole its owner)
    assert figures[21.5].subject == "县域订单占盒马线上订单量的比重"


def test_an_annual_report_of_an_unnamed_platform_is_the_platforms():
    figures = _by_text("某二手车电商平台年报显示，2026年平台线上成交二手车超过30万辆。")
    assert figures[300000].subject.startswith("某二手车电商平台")


def test_a_holiday_with_its_days_spoken_keeps_them():
    figures = _by_text("2027年五一假期五天全国国内出游3.1亿人次，同比增长6.2%。")
    assert figures[310000000].period == "2027年五一假期五天"


def test_spoken_periods_of_a_speaker():
    figures = _by_text("成都一位火锅店老板说：“去年一年我们店光线上就卖了两百多万块钱。”")
    f = next(iter(figures.values()))
    assert f.period == "去年一年"
    assert "光" not in f.subject
    figures = _by_text("上海快递员小李说：“过年那阵子一天得送三百来件。”")
    assert figures[300].period == "过年那阵子"
    assert "那阵子" not in figures[300].subject


def test_last_weekend_and_the_month_itself():
    figures = _by_text("美团数据显示，元旦当天平台奶茶订单量环比上周末增长35%。")
    assert figures[35].period == "元旦当天"
    figures = _by_text("2026年全年，上海二手住宅网签量约20.1万套；12月当月网签2.05万套。")
    assert figures[20500].period == "12月当月"


def test_a_season_told_after_a_closing_date_is_the_period():
    figures = _by_text("据灯塔专业版数据，截至2月5日24时，2027年春节档电影总票房达80.2亿元。")
    assert figures[8020000000].period == "2027年春节档"
    figures = _by_text("截至12月20日，元旦档新片预售总票房突破1.2亿元。")
    assert figures[120000000].period == "截至12月20日"


def test_respondents_are_not_of_the_week_told_before():
    figures = _by_text(
        "中国百货商业协会调研显示，1月首周百货店客流较上月增长5.1%，受访的88家百货企业中，超五成表示计划在2027年调整门店。"
    )
    assert figures[5.1].period == "1月首周"
    assert figures[88].period is None
    assert figures[50].period is None


def test_a_compound_growth_rate_takes_no_single_year():
    figures = _by_text("某券商研报指出，预计2027年社区团购市场规模将达到3000亿元，年复合增速维持在15%左右。")
    assert figures[15].period is None


def test_the_growth_of_a_forecast_figure_is_of_its_year():
    figures = _by_text(
        "华宇科技1月20日晚发布业绩预告，预计2026年度实现净利润3.5亿元至4.2亿元，同比增长40%到68%。"
    )
    assert figures[40].period == "2026年度"


def test_neighbouring_numerals_told_apart_are_a_range():
    figures = _by_text("夜市摊主林老板说：「一天大概能卖三、四百杯。」")
    assert (figures[300].value, figures[300].upper) == (300, 400)
    figures = _by_text("台灣一位民宿業者說：「跨年那幾天一晚開到三、四千塊，一下就訂光了。」")
    f = next(f for f in figures.values() if f.unit == "新台币")
    assert (f.value, f.upper) == (3000, 4000)
    assert f.period == "跨年那几天"
    assert f.subject.endswith("每晚房价")
