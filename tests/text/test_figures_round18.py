"""Round 18: 七夕 and 开学季 as periods, a holiday's first days (国庆头三日), the days after
a festival as spoken (节后这三天), a film's days on screen, a span of days named with the
season it makes, and Hong Kong's 一成二 (12%) in a change."""

import pytest

from newsdesk.text.figures import figures_in_sentence


def _by_text(sentence: str) -> dict:
    return {f.text: f for f in figures_in_sentence(sentence)}


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("美团闪购数据显示，七夕当天平台鲜花订单量同比增长近五成。", "七夕当天"),
        ("京东数据显示，七夕期间平台鲜花销售额同比增长65%。", "七夕期间"),
        ("七夕前一周，某头部主播卖出的金饰超过2吨。", "七夕前一周"),
        ("“七夕当天晚上我们直播间就卖了八百来万。”杭州一家女装店店主说。", "七夕当天晚上"),
        ("义乌一位老板说，今年开学季光是书包就卖了一千多万。", "今年开学季"),
        (
            "抖音电商数据显示，8月15日至9月5日开学季期间，平台学生文具商品销量同比增长42%。",
            "8月15日至9月5日开学季期间",
        ),
        ("國慶頭三日，訪澳旅客達45.2萬人次。", "国庆头三日"),
        ("一位快递小哥说：“开学前那一周，我们网点一天要发十来万单。”", "开学前那一周"),
        ("假期八天，全国铁路累计发送旅客1.53亿人次。", "假期八天"),
        ("国庆档票房冠军影片上映八天累计票房突破11亿元。", "上映八天"),
    ],
)
def test_festival_and_season_periods(sentence, period):
    assert figures_in_sentence(sentence)[0].period == period


def test_the_days_after_a_festival_as_spoken():
    (f, *_) = figures_in_sentence("驿站老板说：“节后这三天每天进港件是平时的两倍多。”")
    assert f.period == "节后这三天"


def test_a_season_alone_is_a_period_only_where_it_opens_a_later_clause():
    # 开学季 opening a clause after another is the time its figures are of (as round 38's
    # annotators read …告诉记者，开学季高校网点日均派件量…); alone at the head of a sentence or
    # of a name (开学季相关商品成交额, 拼多多开学季数据显示) it names the season, no period
    (f,) = figures_in_sentence("快递员告诉记者，开学季高校网点日均派件量涨到4000件左右。")
    assert f.period == "开学季"
    (f,) = figures_in_sentence("开学季平台文具销量增长42%。")
    assert f.period is None
    (f,) = figures_in_sentence("拼多多开学季数据显示，平台文具销量增长42%。")
    assert f.period is None


def test_tenths_and_hundredths_in_a_change():
    got = _by_text("9月份幸運博彩毛收入為178.6億澳門元，按年上升8.2%，按月下跌一成二。")
    f = got["按月下跌一成二"]
    assert (f.value, f.unit, f.base) == (-12.0, "%", "按月")


def test_tenths_and_a_half_in_a_change_still_read():
    (f,) = figures_in_sentence("门店客流同比下降了两成半。")
    assert (f.value, f.unit) == (-25.0, "%")
