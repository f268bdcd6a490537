"""Round 39's lesson: an undated page still tells the day its news broke (统计局今天（3月16日）
发了…), and that day is as good as a date against a report of another release."""

import dataclasses

from newsdesk.cluster.samestory import _one_summons, decide, two_events

from .labelled import report


def test_an_undated_post_telling_its_day_is_not_the_release_two_months_before():
    year = report(39, "2031年全国网上零售额22.64万亿元")  # 1月16日
    post = report(39, "开年消费成绩单来了")  # undated: 统计局今天（3月16日）发了开年头两个月的…
    assert post.published_at is None
    decision = decide(year, post)
    assert not decision.same
    assert "60 days from the day the undated one tells" in decision.reasons


def test_the_day_it_tells_keeps_it_with_its_own_release_and_a_late_copy_of_it():
    release = report(39, "国家统计局：1—2月社会消费品零售总额同比增长4.6%")  # 3月16日
    post = report(39, "开年消费成绩单来了")
    assert decide(release, post).same
    repost = report(39, "1—2月全国网上零售额同比增长7.1%")  # 3月30日, a fortnight on
    assert decide(repost, post).same


def test_two_undated_pages_telling_days_two_months_apart():
    year = dataclasses.replace(report(39, "2031年全国网上零售额22.64万亿元"), published_at=None)
    post = report(39, "开年消费成绩单来了")
    decision = decide(year, post)
    assert not decision.same
    assert "60 days from the day the undated one tells" in decision.reasons


def test_reports_telling_days_two_months_apart_are_two_events_for_the_clusterer_too():
    year = dataclasses.replace(report(39, "2031年全国网上零售额22.64万亿元"), published_at=None)
    post = report(39, "开年消费成绩单来了")
    assert two_events(year, post) == "60 days between the days they tell"
    release = report(39, "国家统计局：1—2月社会消费品零售总额同比增长4.6%")
    assert two_events(release, post) is None


def test_one_regulator_s_summons_of_the_same_platforms_told_by_outlets_leading_elsewhere():
    wire = report(38, "市场监管总局约谈美团、饿了么、京东三家外卖平台")  # 12月2日
    hong_kong = report(38, "國家市監總局再約談美團等外賣平台")  # 12月4日, led by the shares' fall
    assert decide(wire, hong_kong).same
    # (the model, refitted on later rounds, may join them itself; the rule is there if not)
    assert _one_summons(wire, hong_kong)


def test_a_firm_s_answer_to_a_summons_and_summonses_weeks_apart_are_other_events():
    summons = report(28, "國家市場監管總局約談美團、餓了麼、京東三家平台企業")
    answer = report(28, "美团回应约谈")
    assert "one regulator's summons of the same platforms" not in decide(summons, answer).reasons
    first = report(36, "市场监管总局等五部门约谈外卖平台企业")  # 4月29日
    second = report(36, "市场监管总局约谈多家外卖平台企业")  # 5月16日
    assert not decide(first, second).same
