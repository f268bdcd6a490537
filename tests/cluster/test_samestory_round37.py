"""Round 37's lessons: one company's quarter told in 元 by one paper and in 美元, headlined by
the shares' fall, by another."""

from newsdesk.cluster.samestory import decide

from .labelled import report


def test_one_company_s_results_told_in_another_currency():
    results = report(37, "拼多多二季度营收1312亿元")
    taiwan = report(37, "拼多多Q2獲利不如預期")
    decision = decide(results, taiwan)
    assert decision.same
    assert "one company's results told in another currency" in decision.reasons
    # (round 36: the first quarter, the shares down 13%)
    assert decide(report(36, "拼多多一季度营收1218.3亿元"), report(36, "拼多多首季營收成長放緩")).same


def test_a_broker_s_call_after_the_results_is_another_story():
    results = report(36, "拼多多一季度营收1218.3亿元")
    broker = report(36, "大摩：下调拼多多目标价")
    assert not decide(results, broker).same


def test_another_company_s_quarter_is_not_joined():
    pinduoduo = report(37, "拼多多Q2獲利不如預期")
    meituan = report(37, "美团")
    assert "one company's results told in another currency" not in decide(pinduoduo, meituan).reasons
