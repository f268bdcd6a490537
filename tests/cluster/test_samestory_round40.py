"""Round 40's lesson: a late copy is told by its first paragraph as well as by all its figures
(a reprint a fortnight on that gives the release's first paragraph figure for figure, each report
then adding figures of its own)."""

from newsdesk.cluster.samestory import PairOverlap, _late_copy, decide

from .labelled import report


def test_a_late_copy_whose_first_paragraph_gives_the_release_s_figures():
    release = report(40, "前5个月外贸进出口增长4.4%")  # 6月8日, with May's own figures below
    reprint = report(40, "海關總署：前5個月我國進出口同比增長4.4%")  # 6月22日, with 美元 and partners below
    # past the ten days, the pair is still decided (the model, refitted on later rounds, may
    # then read it either way: with round 42 among its examples it reads 0.39)
    assert _late_copy(release, reprint, PairOverlap(release, reprint))
    assert decide(release, reprint).reasons != ["14 days apart"]


def test_a_taiwan_paper_framing_another_place_s_event_for_its_own_sellers():
    wire = report(40, "美方宣布下调中国邮政小包关税")
    taiwan = report(40, "美降陸小包關稅至30%")  # …台灣跨境賣家憂價格戰再起
    assert "台湾" not in taiwan.headline_places
    assert decide(wire, taiwan).same


def test_one_company_s_results_and_the_next_day_s_report_led_by_its_shares():
    results = report(40, "拼多多一季度营收1182亿元不及预期")  # 5月26日
    shares = report(40, "拼多多隔夜收跌11.4%")  # 5月27日
    decision = decide(results, shares)
    assert decision.same
    assert "one company's results told by its shares" in decision.reasons
