"""How reposts and follow-ups are really written: a regulator's proposal headlined with 拟,
a second round of one action, batches counted as 首批, a chatty repost that rounds the
release's figures and drops their unit."""

import datetime as dt

from newsdesk.cluster.clusterer import ClusterInput, StoryClusterer
from newsdesk.cluster.samestory import (
    PairOverlap,
    _first_and_repeat,
    _retells_the_figures,
    _rule_stage,
    decide,
    figure_keys,
    ordinals,
    rounded_figure,
    shared_figure_count,
    story_features,
)


def test_a_proposal_headlined_with_ni_is_the_draft_not_the_final_rule():
    proposal = story_features(
        "陸擬規範網約車平台抽成 單筆上限30%",
        "國家交通運輸部公布「網約車平台抽成管理規定（徵求意見稿）」，擬要求平台單筆抽成不得超過30%，"
        "並須向司機公開計價規則。意見徵求至12月1日止。",
    )
    final = story_features(
        "网约车平台抽成管理规定公布 明年1月1日起施行",
        "交通运输部公布《网约车平台抽成管理规定》，自明年1月1日起施行，平台单笔抽成不得超过30%，"
        "须向司机公开计价规则。与征求意见稿相比，正式稿新增了抽成公示要求。",
    )
    assert _rule_stage(proposal.title) == "draft"
    assert _rule_stage(final.title) == "final"  # though it recalls its draft
    assert not decide(proposal, final).same
    # a company's plan is no rule in the making
    assert _rule_stage("某物流公司拟收购同城配送企业") is None


def test_first_batch_and_second_batch_are_other_editions():
    assert ordinals("公布首批案例") == ordinals("公布第一批案例") == ordinals("第1批") == {"1批"}
    assert ordinals("首次突破1000亿件") == frozenset()  # "for the first time", no edition
    first = story_features(
        "市场监管总局通报网络售假首批典型案例",
        "市场监管总局今日通报网络售假专项整治首批6起典型案例，累计下架违规商品4.2万件。",
    )
    second = story_features(
        "市场监管总局通报网络售假第二批典型案例",
        "市场监管总局今日通报网络售假专项整治第二批9起典型案例，累计下架违规商品6.8万件。",
    )
    decision = decide(first, second)
    assert not decision.same
    assert decision.reasons[0].startswith("editions differ")


def test_the_first_summons_is_not_the_second():
    first = story_features(
        "商务部约谈三家生鲜电商平台",
        "商务部约谈三家生鲜电商平台负责人，要求规范低价促销，不得强制供应商承担补贴。",
    )
    again = story_features(
        "商务部再次约谈三家生鲜电商平台",
        "商务部再次约谈三家生鲜电商平台负责人，这是一个月内第二次，要求10日内提交整改方案。",
    )
    retold = story_features(
        "生鲜电商平台又被约谈了",
        "一个月两次。商务部又把三家生鲜电商平台叫去谈话，这回还限期10天交整改方案。",
    )
    assert not decide(first, again).same
    assert "the first 约谈 beside its repeat" in decide(first, again).reasons
    # two reports of the second round both say it is one
    assert _first_and_repeat(again, retold) is None
    # 又一 is "another one", not a repeat
    assert (
        _first_and_repeat(story_features("又一主播被罚", ""), story_features("一主播被罚50万元", "")) is None
    )


def test_a_daily_forecast_is_not_the_season_total_told_later():
    forecast = story_features(
        "邮政局：春节前快递日均业务量预计超5亿件",
        "国家邮政局预测，春节前半个月全行业日均快递业务量将超过5亿件，单日峰值或接近6亿件。",
    )
    outcome = story_features(
        "春节前15天全国共揽收快递包裹78.6亿件",
        "国家邮政局监测数据显示，春节前15天全国邮政快递企业共揽收快递包裹78.6亿件，日均5.2亿件。",
    )
    decision = decide(forecast, outcome)
    assert not decision.same
    assert decision.reasons[0].startswith("a forecast beside an outcome")


def test_an_amount_without_its_unit_is_still_the_amount():
    # 5个亿 and 2.7万亿 reach the figures as bare amounts: the repost left off 元
    assert shared_figure_count(frozenset({"5e+08"}), frozenset({"5e+08元", "20元"})) == 1
    assert shared_figure_count(frozenset({"2.7e+12"}), frozenset({"2.74e+12元"})) == 1
    # but a bare amount is no percentage
    assert shared_figure_count(frozenset({"5e+08"}), frozenset({"5%"})) == 0
    # indexed as a rewrite rounds them, so that the clusterer finds the pair
    assert rounded_figure("2.9906e+11元") == rounded_figure("3e+11")
    assert rounded_figure("1.695e+12元") == rounded_figure("1.7e+12")
    assert rounded_figure("14.1%") != rounded_figure("13.8%")


REPORT = (
    "唯品会11月20日公布2025年第三季度业绩。季度净营收268.4亿元，同比增长4.2%；归属于股东的净利润"
    "19.6亿元，同比下降12.5%。活跃用户数4280万，特卖业务毛利率提升至23.1%。"
)
# few words in common: what it keeps is the release's figures, some rounded
REPOST = "这季度唯品会进账差不多268亿，多了4.2%。\n落袋19.6亿，缩水一成多；毛利23.1%，特卖这门生意还算稳。"


def test_a_chatty_repost_that_rounds_the_release_figures_is_the_same_story():
    when = dt.datetime(2025, 11, 20, tzinfo=dt.UTC)
    report = story_features("唯品会三季度净营收268.4亿元 净利润同比下降12.5%", REPORT, when)
    repost = story_features("唯品会Q3：特卖的钱越来越难赚", REPOST)
    # the rule that catches it where the model does not (a weak link, checked by the clusterer)
    assert _retells_the_figures(report, repost, PairOverlap(report, repost))
    assert decide(report, repost).same


def test_the_clusterer_finds_a_repost_by_its_rounded_figures():
    when = dt.datetime(2025, 11, 20, tzinfo=dt.UTC)
    clusterer = StoryClusterer(use_anchors=True)
    assigned = clusterer.add(
        [
            ClusterInput(1, "唯品会三季度净营收268.4亿元 净利润同比下降12.5%", REPORT, when),
            ClusterInput(2, "唯品会Q3：特卖的钱越来越难赚", REPOST, None),
        ]
    )
    assert assigned[1] == assigned[2]


def test_commentary_that_quotes_the_release_figures_stays_its_own_story():
    when = dt.datetime(2025, 11, 20, tzinfo=dt.UTC)
    report = story_features("唯品会三季度净营收268.4亿元 净利润同比下降12.5%", REPORT, when)
    opinion = story_features(
        "特卖平台不能只拼低价",
        "季度营收268.4亿元、增长4.2%，净利润却下降12.5%至19.6亿元，毛利率23.1%。我们认为，特卖平台"
        "应当把功夫下在货品和服务上，而不是一味压价。低价竞争难以为继，平台理应回到价值本身。",
        when,
    )
    assert not decide(report, opinion).same


def test_orders_counted_in_bi_or_zong_are_the_same_figure():
    # 日订单峰值1.58亿单 on the mainland, 日訂單衝1.58億筆 in a Taiwan paper
    mainland = figure_keys("淘宝闪购双11日订单峰值达1.58亿单", "")
    taiwan = figure_keys("淘宝闪购双11日订单冲1.58亿笔", "")
    assert mainland and mainland == taiwan
    assert shared_figure_count(mainland, taiwan) == 1
