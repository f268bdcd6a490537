"""A repost dated before the period it reports had closed carries a wrong date: it is decided
as an undated copy, not kept from the release by the calendar."""

import datetime as dt

from newsdesk.cluster.samestory import dated_before_its_period, decide, story_features

RELEASE = (
    "国家统计局：11月份社会消费品零售总额同比增长2.4%",
    "中新网12月15日电 国家统计局15日发布数据显示，2026年11月份，社会消费品零售总额49870亿元，"
    "同比增长2.4%。1—11月份，社会消费品零售总额462520亿元，增长3.8%。",
)
# a Hong Kong paper's copy, its feed dated a month early
REPOST = (
    "內地上月零售增速放緩至2.4% 遜預期",
    "國家統計局昨日公布，11月份內地社會消費品零售總額4.99萬億元人民幣，按年增長2.4%，較10月份的3.1%"
    "進一步放緩。首11個月社零總額累計46.25萬億元，按年增長3.8%。",
)


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC)


def test_a_month_reported_before_it_ended_is_a_wrong_date():
    title, text = REPOST
    assert dated_before_its_period(title, text, at("2026-11-16"))
    assert not dated_before_its_period(title, text, at("2026-12-16"))
    # no year given: 12月 in a January report is last December's
    assert not dated_before_its_period(
        "12月快递业务量同比增长8%", "12月，快递业务量完成180亿件。", at("2027-01-14")
    )


def test_a_tally_to_a_day_closes_on_that_day():
    text = "截至12月8日，2026年我国快递业务量已突破2000亿件。"
    assert not dated_before_its_period("年业务量首破2000亿件", text, at("2026-12-09"))
    assert dated_before_its_period("年业务量首破2000亿件", text, at("2026-12-05"))


def test_a_month_that_starts_something_or_a_forecast_is_no_report_of_it():
    assert not dated_before_its_period(
        "武汉发放5亿元消费券", "武汉市将于5月起发放5亿元消费券。", at("2022-05-06")
    )
    assert not dated_before_its_period(
        "直播电商监管办法出台 明年2月起施行", "自2026年2月1日起施行。", at("2025-11-07")
    )
    assert not dated_before_its_period(
        "《村播》出版", "长河出版社2023年11月出版，定价58.00元", at("2023-11-19")
    )
    assert not dated_before_its_period(
        "预计11月社零增速回升", "预计11月份社会消费品零售总额增长3%。", at("2026-11-10")
    )


def test_the_misdated_copy_joins_the_release():
    release = story_features(*RELEASE, at("2026-12-15"))
    repost = story_features(*REPOST, at("2026-11-16"))
    assert repost.published_at is None  # decided as an undated copy
    assert decide(release, repost).same


def test_a_quarter_reported_before_it_ended_is_a_wrong_date():
    # a Hong Kong site's copy of the third-quarter results, dated in August
    text = "京东集团公布截至今年9月底止第三季业绩，收入3,182.6亿元（人民币，下同），按年升6.4%。"
    assert dated_before_its_period("京东上季赚112亿人币", text, at("2026-08-14"))
    assert not dated_before_its_period("京东上季赚112亿人币", text, at("2026-11-14"))
    assert dated_before_its_period("京东集团发布2026年第三季度业绩", "收入3182.6亿元。", at("2026-09-20"))
    # a fiscal quarter closes when the company's year says: nothing to tell
    assert not dated_before_its_period("阿里巴巴发布2027财年第二季度业绩", "收入2478亿元。", at("2026-09-20"))
