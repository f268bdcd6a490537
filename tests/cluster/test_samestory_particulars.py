"""A rewrite in other words that keeps the event's particulars is the same story."""

import numpy as np

from newsdesk.cluster.samestory import decide, figure_keys, particulars, story_features
from newsdesk.text.script import to_simplified


def test_particulars_are_slogans_documents_and_days():
    found = particulars("商务部1月10日启动“品质年货 欢乐过年”活动，并发布《网络交易管理办法》。“双11”")
    assert found == {"品质年货欢乐过年", "网络交易管理办法", "1月10日"}


def test_a_rule_is_one_particular_in_book_title_marks_or_corner_brackets():
    mainland = particulars("市场监管总局等三部门公布《网络交易平台服务收费行为规则》")
    taiwan = particulars(to_simplified("陸3部門公布「網路交易平台服務收費行為規則」"))
    assert "网络交易平台服务收费行为规则" in mainland & taiwan


def test_a_quoted_name_is_a_particular_in_either_script():
    mainland = particulars("网络主播“陈小鹿”偷逃税被追缴税款")
    hong_kong = particulars(to_simplified("內地網紅主播「陳小鹿」逃稅遭罰"))
    assert "陈小鹿" in mainland & hong_kong


def test_rewrite_sharing_days_and_slogan_joins_but_another_event_does_not():
    report = story_features(
        "直播电商节在杭州开幕",
        "9月3日，以“云上好物 品质生活”为主题的直播电商节在杭州开幕，将持续到9月20日。"
        "活动由浙江省商务厅指导，百余家产业带商家参加，多家平台开设专场。",
    )
    rewrite = story_features(
        "杭州直播电商节启幕 百余家产业带商家参与",
        "记者获悉，直播电商节已于9月3日启幕，主题为“云上好物 品质生活”，活动截至9月20日。"
        "据介绍，今年参与的产业带商家超过百家，平台方面将提供流量扶持。",
    )
    other = story_features(
        "广州直播电商节开幕",
        "9月3日，广州直播电商节开幕，主题为“羊城好物 直播湾区”，活动持续一个月，"
        "本地商圈和老字号企业参加，多家平台开设专场。",
    )
    assert decide(report, rewrite).same
    assert not decide(report, other).same


def test_periods_in_headlines_are_compared_in_one_spelling():
    from newsdesk.cluster.samestory import title_periods

    assert title_periods("前5月实物商品网上零售额增长5.6%") == title_periods("1—5月份全国网上零售额51299亿元")
    assert title_periods("上半年快递业务量") == {"1—6月"}
    assert title_periods("一季度网上零售额") != title_periods("上半年网上零售额")


def test_a_local_headline_beside_a_national_report_is_another_story():
    national = story_features(
        "上半年跨境电商进出口8867亿元 增长28.6%",
        "海关总署7月13日公布，上半年我国跨境电商进出口8867亿元，增长28.6%。其中出口6538亿元，进口2329亿元。",
    )
    local = story_features(
        "上半年浙江跨境电商进出口1783亿元",
        "杭州海关7月20日公布，上半年浙江跨境电商进出口1783亿元，增长28.6%，规模居全国前列。",
    )
    decision = decide(national, local)
    assert not decision.same
    # the place's own figure in its headline, which the national report never gives
    assert any("浙江" in r or "1783亿元" in r for r in decision.reasons)


def test_a_rounded_mention_of_a_figure_agrees_with_the_figure():
    from newsdesk.cluster.samestory import shared_figure_count

    exact = frozenset({"1.05667e+12元", "1.1058e+11件", "2.1%"})
    rounded = frozenset({"1e+12元", "2%"})
    assert shared_figure_count(exact, rounded) == 2
    # a precise figure is not a rounding of another precise one
    assert shared_figure_count(frozenset({"1.1058e+11件"}), frozenset({"1.0831e+11件"})) == 0
    # units must agree
    assert shared_figure_count(frozenset({"1e+12元"}), frozenset({"1e+12件"})) == 0


def test_another_edition_of_a_report_is_another_story():
    fiftieth = story_features(
        "第50次《中国互联网络发展状况统计报告》发布",
        "中国互联网络信息中心发布第50次《中国互联网络发展状况统计报告》，我国网民规模达10.51亿。",
    )
    fifty_first = story_features(
        "第51次《中国互联网络发展状况统计报告》发布",
        "中国互联网络信息中心发布第51次《中国互联网络发展状况统计报告》，我国网民规模达10.67亿。",
    )
    decision = decide(fiftieth, fifty_first)
    assert not decision.same
    assert any("editions differ" in r for r in decision.reasons)


def test_quarter_spellings_are_one_period_and_quarters_differ():
    from newsdesk.cluster.samestory import _periods_compatible, title_periods

    assert title_periods("2025年第三季度营收增长") == title_periods("2025年三季度营收增长")
    assert title_periods("Q3财报") == {"三季度"}
    first, third = title_periods("2022年第一季度业绩"), title_periods("2022年第三季度业绩")
    assert first != third
    assert not any(_periods_compatible(a, b) for a in first for b in third)
    # a year given on one side only is not a conflict
    assert _periods_compatible("2025年三季度", "三季度")
    assert not _periods_compatible("2023年", "2024年")


def test_traditional_reprint_shares_the_simplified_reports_features():
    from newsdesk.cluster.samestory import story_features

    simplified = story_features(
        "市场监管总局罚款共计13.41亿元", "市场监管总局对两家平台罚款共计13.41亿元，责令整改。"
    )
    traditional = story_features(
        "市場監管總局罰款共計13.41億元", "市場監管總局對兩家平台罰款共計13.41億元，責令整改。"
    )
    assert simplified.figures == traditional.figures and simplified.figures
    assert (simplified.shingles == traditional.shingles).all()


def test_a_month_goes_with_its_year_to_date_not_with_another_month():
    from newsdesk.cluster.samestory import _periods_compatible, title_periods

    assert title_periods("顺丰控股9月业务量13.7亿票") == {"9月"}
    assert title_periods("新规11月1日起施行") == frozenset()
    assert title_periods("双11快递揽收137亿件") == frozenset()
    assert title_periods("京東次季收入增逾兩成") == {"二季度"}
    assert _periods_compatible("11月", "1—11月")
    assert _periods_compatible("三季度", "1—9月")
    assert not _periods_compatible("10月", "1—11月")
    assert not _periods_compatible("9月", "10月")


def test_an_undated_pair_is_not_read_as_the_same_day():
    from newsdesk.cluster.pairmodel import FEATURES
    from newsdesk.cluster.samestory import UNDATED, pair_signals, story_features

    a = story_features("拼多多三季度营收1082.8亿元", "拼多多发布2025年第三季度财报，营收1082.8亿元。")
    b = story_features("拼多多三季度营收993.5亿元", "拼多多发布2024年第三季度财报，营收993.5亿元。")
    assert pair_signals(a, b)[FEATURES.index("days apart")] == np.float32(UNDATED)


def test_an_agency_under_its_short_and_full_names_is_one_actor():
    mainland = story_features(
        "三部门公布平台收费新规", "市场监管总局、国家发展改革委、商务部4日联合公布规则。"
    )
    taiwan = story_features(
        to_simplified("陸發布網購平台收費新規"),
        to_simplified("中國大陸市場監督管理總局等3部門今天公布規則。"),
    )
    assert "国家市场监督管理总局" in mainland.actors & taiwan.actors


def test_a_currency_conversion_in_brackets_is_not_one_of_the_events_figures():
    hong_kong = figure_keys("", to_simplified("罰款合共約1.86億元人民幣（約2.03億港元）。"))
    assert hong_kong == figure_keys("", "罚没合计约1.86亿元。")


def test_a_listed_companys_stock_code_names_it_whatever_it_is_called():
    taiwan = story_features(
        to_simplified("momo 1月營收118.6億 同期新高"),
        to_simplified(
            "富邦媒（8454）5日公布1月合併營收新台幣118.6億元，月減3.4%、年增6.2%，創歷年同期新高。"
        ),
    )
    other = story_features(
        to_simplified("年貨買氣旺 富邦媒1月營收年增6.2%"),
        to_simplified("富邦媒（8454）昨（5）日公布1月營收118.6億元，年增6.2%，為同期新高。"),
    )
    assert "股票代码8454" in taiwan.particulars & other.particulars
    assert "股票代码8454" in taiwan.actors & other.actors
