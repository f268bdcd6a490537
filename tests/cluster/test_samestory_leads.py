"""Reposts that lead with something else than the report they retell: a second round whose
wire never says 再, a question on the event's own figure, a forecast's other figure, a hook
with no figure at all, another lead on one lawsuit."""

import datetime as dt

from newsdesk.cluster.samestory import (
    COMMENTARY,
    PairOverlap,
    _first_and_repeat,
    _forecast_and_outcome,
    _headline_figure_retold,
    _headline_told_in_lead,
    decide,
    story_features,
)


def _day(month: int, day: int) -> dt.datetime:
    return dt.datetime(2027, month, day, 9, tzinfo=dt.UTC)


# the second time a ministry summons the same three ride-hailing platforms
_WIRE = (
    "交通运输部约谈滴滴、高德、曹操出行等网约车平台",
    "3月9日，交通运输部约谈滴滴、高德、曹操出行三家网约车平台，要求规范抽成，不得诱导司机超时接单。",
)
_AGAIN = (
    "网约车平台再被约谈，抽成之争能否降温",
    "交通运输部3月9日再次约谈滴滴、高德、曹操出行，要求规范抽成，不得诱导司机超时接单。",
)


def test_a_wire_of_the_second_round_without_the_word_is_not_the_first_round():
    # the days tell one round: the same day in both texts, or dated a day apart
    wire, again = story_features(*_WIRE), story_features(*_AGAIN)
    assert _first_and_repeat(wire, again) is None
    dated_wire = story_features(*_WIRE, published_at=_day(3, 9))
    next_day = story_features("网约车平台再遭约谈", "交通运输部昨日再度约谈三家网约车平台。", _day(3, 10))
    assert _first_and_repeat(dated_wire, next_day) is None
    # an undated repost that recalls no earlier round says nothing of which the wire is
    chatty = story_features(
        "又被约谈了！网约车抽成还降得下来吗", "刚刚，三家网约车平台一起被约谈👀 抽成要规范了。"
    )
    assert _first_and_repeat(dated_wire, chatty) is None


def test_the_first_round_is_still_told_from_the_second_by_its_day():
    first = story_features(
        "交通运输部约谈滴滴、高德、曹操出行等网约车平台",
        "1月12日，交通运输部约谈滴滴、高德、曹操出行三家网约车平台，要求规范抽成。",
    )
    again = story_features(*_AGAIN)
    assert _first_and_repeat(first, again) == "the first 约谈 beside its repeat"
    # a repost of the repeat, undated, recalling the first round's month
    recalling = story_features(
        "网约车平台又被约谈了", "两个月，第二次。上次（1月）只是提醒，这次直接点名抽成过高。"
    )
    assert _first_and_repeat(first, recalling) == "the first 约谈 beside its repeat"
    # two rounds dated weeks apart (within the window a clusterer may be given)
    dated_first = story_features(*_WIRE, published_at=_day(1, 12))
    dated_again = story_features(*_AGAIN[:1], "交通运输部再次约谈三家网约车平台。", _day(1, 30))
    assert _first_and_repeat(dated_first, dated_again) == "the first 约谈 beside its repeat"


def test_a_question_on_the_events_own_figure_is_a_hook_not_an_argument():
    hook = story_features(
        "春运40天，90.2亿人次出行，你挤上车了吗？",
        "春运数据出炉！交通运输部说40天全社会跨区域人员流动量90.2亿人次。你今年回家顺利吗？"
        "评论区说说你们抢票花了多久？",
    )
    assert hook.commentary < COMMENTARY
    # a headline that argues as well as asks is commentary still
    argued = story_features(
        "90.2亿人次之后，春运能否告别一票难求？",
        "春运的难，难在哪里？笔者认为，关键在于运力的结构。我们认为，与其年年挤，不如错峰。"
        "这难道不值得反思吗？说到底，还是要靠制度。",
    )
    assert argued.commentary >= COMMENTARY


def test_a_repost_of_a_forecast_may_headline_another_of_its_figures():
    forecast = story_features(
        "飞猪春节预测：机票预订同比增18%，冰雪游订单翻番",
        "飞猪发布春节出游预测，春节假期机票预订同比增长18%，出境游预订同比增长26%，冰雪游订单翻番。",
    )
    repost = story_features(
        "飛豬：春節出境遊預訂按年升26%",
        "飛豬發表春節出遊預測，機票預訂按年增長18%，出境遊預訂按年升26%。",
    )
    assert _forecast_and_outcome(forecast, repost) is None
    # the outcome told after the holiday gives figures the forecast never gave
    outcome = story_features(
        "飞猪春节总结：机票订单同比增23%",
        "飞猪发布春节出游总结，春节假期机票订单同比增长23%，出境游订单同比增长34%。",
    )
    assert _forecast_and_outcome(forecast, outcome) is not None


_BAN = (
    "百万粉丝主播“阿强”直播间被封禁15天，涉嫌销售假冒茶叶",
    "快手电商发布公告，粉丝超过300万的主播“阿强”直播间因涉嫌销售假冒“西湖龙井”被封禁15天。"
    "平台已下架相关商品并先行赔付，涉及订单约3.2万单。\n快手电商表示，已将线索移交市场监管部门。",
)


def test_a_hook_with_no_figure_retells_the_figure_the_report_headlines():
    report = story_features(*_BAN)
    hook = story_features(
        "在阿强直播间买过龙井的看过来‼️",
        "阿强直播间被封15天了，卖的西湖龙井说是假冒的😡 3万多单啊！\n快手说会先行赔付，买过的去订单里看看退款通知。",
    )
    assert _headline_told_in_lead(hook, report)
    assert decide(report, hook).same


def test_a_rounded_figure_in_a_hooks_first_lines_is_not_enough():
    # 涨了两成多 fits many a release's 18% or 22%: only the figure as the report gives it counts
    report = story_features(
        "途牛发布寒假总结：出境游订单同比增27%",
        "途牛发布寒假旅游总结，寒假期间出境游订单同比增长27%，国内游订单同比增长18%，冰雪游订单增长36%。",
    )
    hook = story_features(
        "寒假又要人挤人了😂 途牛数据来了",
        "家人们，途牛放出寒假预测，机票预订涨了两成多，出境游涨了三成👀\n你们寒假打算去哪？",
    )
    assert not _headline_told_in_lead(hook, report)
    assert not decide(report, hook).same


def test_another_lead_on_one_lawsuit_shares_the_figure_its_headline_gives():
    first = story_features(
        "美团起诉外卖比价插件不正当竞争 索赔3000万元",
        "记者获悉，上海知识产权法院已受理美团起诉某科技公司不正当竞争纠纷一案。\n"
        "美团方面主张，被告运营的比价插件抓取美团商品价格数据并插入弹窗引流，请求判令停止侵权并赔偿3000万元。",
        _day(5, 6),
    )
    second = story_features(
        "美团诉比价插件案获法院受理 外卖数据之争再起",
        "美团已就比价插件抓取商品价格、插入弹窗引流一事向上海知识产权法院提起不正当竞争诉讼，索赔3000万元，"
        "法院已受理。\n此前也有平台起诉爬取数据的公司，多位律师表示，此案判决或成为新的参照。",
        _day(5, 7),
    )
    assert _headline_figure_retold(first, second, PairOverlap(first, second))
    assert decide(first, second).same
    # the same sum claimed by another company in another court is another lawsuit
    other = story_features(
        "刷单软件开发商被判赔偿拼多多3000万元",
        "杭州中级人民法院近日一审判决，某软件公司向商家提供刷单工具，扰乱拼多多平台交易秩序，"
        "构成不正当竞争，判令其赔偿拼多多经济损失3000万元。",
        _day(5, 6),
    )
    assert not _headline_figure_retold(first, other, PairOverlap(first, other))
    assert not decide(first, other).same


def test_an_identical_reprint_is_still_joined():
    report = story_features(*_BAN)
    assert decide(report, story_features(*_BAN)).same
