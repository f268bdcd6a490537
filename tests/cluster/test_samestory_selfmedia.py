"""Self-media reposts (公众号, 头条号, 小红书) retell a release in their own chatty words, with
emoji, rounded figures and a question as a hook; an opinion piece quotes the same figure to
argue over it. And one statistic released for two periods is two stories."""

import datetime as dt

from newsdesk.cluster.samestory import (
    PairOverlap,
    _headline_told_in_lead,
    _self_media_retelling,
    decide,
    story_features,
)

WIRE = story_features(
    "海关总署：前4个月我国二手车出口41.6万辆 同比增长23.5%",
    "海关总署5月20日发布数据，今年前4个月，我国二手车出口41.6万辆，同比增长23.5%，"
    "出口金额586亿元，同比增长18.2%。\n"
    "其中，新能源二手车出口12.3万辆，占比接近三成；中东和中亚仍是最主要的目的地。\n"
    "海关总署有关负责人表示，二手车出口便利化措施持续落地，企业出海渠道不断拓宽。",
    dt.datetime(2026, 5, 20, tzinfo=dt.UTC),
)
REPOST = story_features(
    "41万多辆!二手车出海到底有多火?🚗",
    "家人们,二手车出口数据来了📊!前4个月卖出去41万多辆,比去年多了两成多,"
    "钱算下来差不多586亿。\n"
    "新能源的占了快三成🔥,中东那边的老板最爱买。\n"
    "说实话,身边做车商的朋友都在琢磨出海了,你们怎么看?评论区聊聊👇",
)


def test_a_chatty_repost_is_joined_to_the_release_it_retells():
    # hardly a word in common with the wire, its figures rounded (41万多辆, 差不多586亿),
    # a question as its hook: still the release, retold
    assert REPOST.self_media_voice and not WIRE.self_media_voice
    assert _headline_told_in_lead(REPOST, WIRE)
    assert _self_media_retelling(REPOST, WIRE, PairOverlap(REPOST, WIRE))
    # the model, fitted on such reposts, joins them; where it does not, the rule above
    # does, as a weak link checked against the rest of the cluster
    assert decide(WIRE, REPOST).same


def test_an_opinion_piece_leading_with_the_figure_is_not_a_repost():
    opinion = story_features(
        "41.6万辆之后，二手车出海要补上“售后”这一课",
        "41.6万辆——这是今年前4个月我国二手车出口交出的答卷。\n"
        "但也要看到，不少车辆到了海外，维修配件跟不上，口碑一旦受损，增长难以为继。\n"
        "对企业来说，应当把竞争重点从价格转向服务和配件网络；对主管部门来说，要加快完善"
        "出口车辆的检测认证，守住质量底线。\n"
        "（作者：本报评论员 王晓）",
    )
    # its lead gives the release's figure, as a repost's headline does: the byline and the
    # prescriptions tell it apart
    assert _headline_told_in_lead(REPOST, opinion)
    assert not _self_media_retelling(REPOST, opinion, PairOverlap(REPOST, opinion))


def test_a_figure_quoted_in_passing_is_not_what_a_repost_retells():
    # another event of the season, recalling the export figure only in its last paragraph
    dealer_fair = story_features(
        "首届中东二手车交易博览会在迪拜开幕 中国车商签约超百亿元",
        "首届中东二手车交易博览会5月22日在迪拜开幕，来自中国的300多家车商参展，首日签约超过100亿元。\n"
        "参展企业表示，当地对中国新能源车型需求旺盛，售后网点建设是下一步重点。\n"
        "据海关总署数据，今年前4个月我国二手车出口41.6万辆，同比增长23.5%。",
    )
    assert not _headline_told_in_lead(REPOST, dealer_fair)
    assert not decide(dealer_fair, REPOST).same


def test_the_first_quarter_and_the_first_five_months_are_two_releases():
    quarter = story_features(
        "一季度我国二手车出口30.2万辆 同比增长21.8%",
        "海关总署发布数据，今年一季度我国二手车出口30.2万辆，同比增长21.8%，出口金额421亿元，"
        "同比增长16.9%。其中新能源二手车出口8.7万辆，增长近三成。",
    )
    five_months = story_features(
        "前5个月我国二手车出口突破50万辆",
        "海关总署发布数据，今年前5个月我国二手车出口51.4万辆，同比增长22.7%，出口金额718亿元，"
        "同比增长17.3%。其中新能源二手车出口15.1万辆，增长近三成。",
    )
    decision = decide(quarter, five_months)
    assert not decision.same
    assert decision.reasons[0].startswith("periods differ")
    # a Taiwan paper's 首季 and 前5月 (its 兆 is 万亿) are the same two periods
    taiwan_quarter = story_features(
        "陸首季二手車出口30.2萬輛 年增21.8%", "大陸海關總署公布，首季二手車出口30.2萬輛。"
    )
    taiwan_five = story_features(
        "陸前5月二手車出口額破0.07兆人民幣", "大陸海關總署公布，前5月二手車出口51.4萬輛。"
    )
    assert not decide(taiwan_quarter, taiwan_five).same
    assert not decide(taiwan_quarter, five_months).same
    # the same quarter in either script: no veto
    assert not decide(quarter, taiwan_quarter).reasons[0].startswith("periods differ")


def test_a_forecast_headline_names_the_year_it_looks_to():
    report = story_features(
        "《中国二手车出口发展报告》发布：2025年出口规模达98万辆",
        "中国汽车流通协会发布《中国二手车出口发展报告》，2025年我国二手车出口98万辆，同比增长21%。"
        "报告预计，2027年出口规模有望突破150万辆。",
    )
    forecast = story_features(
        "二手车出口规模预计2027年破150万辆",
        "中国汽车流通协会发布的《中国二手车出口发展报告》预计，2027年我国二手车出口规模有望突破150万辆，"
        "2025年出口98万辆。",
    )
    assert not decide(report, forecast).reasons[0].startswith("periods differ")


def test_a_self_media_repost_chatting_around_the_figures_is_no_commentary():
    # …家人们…我的看法…大家怎么看？评论区聊聊👇: asks and opines, still the release retold
    release = story_features(
        "2026年10月份社会消费品零售总额增长3.1%",
        "2026年10月份，社会消费品零售总额46218亿元，同比增长3.1%。其中，除汽车以外的消费品零售额"
        "41560亿元，增长3.6%。1—10月份，全国网上零售额126830亿元，同比增长7.9%。",
        dt.datetime(2026, 11, 16, tzinfo=dt.UTC),
    )
    repost = story_features(
        "10月社零才涨3%出头，双十一提前开跑也没拉动？",
        "家人们，统计局刚出的10月消费数据来了📊\n一句话总结：社零4.6万亿，同比涨了3.1%，比9月还慢了"
        "一点点😅 除掉汽车的话能到3.6%。\n网购这边倒还行，前10个月网上零售差不多12.7万亿，涨了快8%。\n"
        "我的看法：今年双十一10月中就开始预售，一部分钱其实已经算进10月了……大家怎么看？评论区聊聊👇",
    )
    assert repost.self_media_voice
    assert repost.commentary == 0.0
    assert decide(release, repost).same
