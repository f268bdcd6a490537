"""One matter told at two stages (a lawsuit filed and its ruling, an investigation opened and
the penalty, a draft and the rule in force) is two stories; a self-media repost that opens
on the event's figure still reports the event."""

from newsdesk.cluster.samestory import (
    COMMENTARY,
    _enforcement_stage,
    _litigation_stage,
    _rule_stage,
    decide,
    story_features,
)


def test_a_lawsuit_filed_and_its_ruling_are_two_stories():
    filed = story_features(
        "茶饮品牌“山茶记”起诉博主“阿柚”，索赔800万元",
        "茶饮品牌山茶记日前向法院提起诉讼，称美食博主阿柚在视频中称其原料“过期翻新”，"
        "构成商业诋毁，要求赔偿经济损失800万元并公开道歉。",
        None,
    )
    ruled = story_features(
        "博主视频称茶饮品牌“过期翻新” 一审被判赔120万元",
        "美食博主阿柚在视频中称山茶记原料“过期翻新”，被品牌起诉索赔800万元。法院一审认定"
        "其言论构成商业诋毁，判令赔偿经济损失120万元并公开道歉。",
        None,
    )
    decision = decide(filed, ruled)
    assert not decision.same
    assert "a lawsuit at another stage (filed / ruling)" in decision.reasons
    # a ruling's headline that recalls the claim is still the ruling
    assert _litigation_stage("索赔800万 博主一审判赔120万元") == "ruling"
    assert _litigation_stage("某快递公司诉同行不正当竞争案获立案") == "filed"
    assert _litigation_stage("某平台发布年度商家报告") is None
    assert _litigation_stage("平台商品上架统一审核 新规下月施行") is None


def test_an_investigation_opened_and_a_penalty_are_two_stories():
    penalty = story_features(
        "英国竞争局对某外卖平台罚款1.2亿英镑",
        "英国竞争与市场管理局宣布，因某外卖平台与餐厅签订排他协议，对其处以1.2亿英镑罚款。",
        None,
    )
    investigation = story_features(
        "继外卖平台之后 英国竞争局对某打车平台启动正式调查",
        "英国竞争与市场管理局宣布，对某打车平台与司机签订排他协议一事启动正式调查。此前，"
        "该局已对某外卖平台罚款1.2亿英镑。",
        None,
    )
    decision = decide(penalty, investigation)
    assert not decision.same
    assert "a regulator's case at another stage (penalty / investigation)" in decision.reasons
    # a repost's colloquial 罚了 is the penalty; a penalty recalling its investigation too
    assert _enforcement_stage("某平台被监管罚了1个多亿") == "penalty"
    assert _enforcement_stage("经立案调查 某平台因二选一被罚3000万元") == "penalty"
    # a survey's findings are no investigation of anyone
    assert _enforcement_stage("正式调查报告显示七成消费者遇到过大数据杀熟") is None


def test_a_rule_in_force_from_a_month_is_the_published_rule_not_its_draft():
    assert _rule_stage("直播带货新规5月上路 主播须公示身份") == "final"
    draft = story_features(
        "网信办就直播营销管理办法公开征求意见",
        "国家网信办起草了《直播营销管理办法（征求意见稿）》，即日起公开征求意见，共28条。",
        None,
    )
    final = story_features(
        "陆网信办出手 直播带货新规5月上路",
        "国家网信办公布《直播营销管理办法》，共30条，5月1日起施行。",
        None,
    )
    assert not decide(draft, final).same


def test_a_repost_opening_on_the_events_figure_is_not_commentary():
    repost = story_features(
        "300多家门店关了！这家奶茶到底怎么了？🤔",
        "家人们，奶茶品牌甜一口刚刚发公告了👇 今年以来关了300多家门店，比去年多了一倍。"
        "说实话，这价格战谁扛得住？扛不住就只能关店吗？还能撑多久？评论区聊聊你们怎么看？",
        None,
    )
    assert repost.self_media_voice
    assert repost.commentary == 0.0
    # an opinion piece's headline that argues keeps its commentary score
    opinion = story_features(
        "300多家门店之后，奶茶业要算好“质量账”",
        "笔者认为，甜一口关店300多家，并不意味着行业见顶。我们应当看到，价格战之下，品牌更需"
        "回到产品本身，而不是一味扩张。与其拼规模，不如拼质量；与其比门店，不如比复购。",
        None,
    )
    assert opinion.commentary >= COMMENTARY
