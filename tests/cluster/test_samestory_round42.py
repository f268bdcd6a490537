"""Round 42's lesson: the two writers each told the regulator's 双11 meeting of twelve
platforms, three days apart; the first lines of each say which day the meeting was. A Hong
Kong paper led by the third quarter's GDP is the same release as a wire report led by the
first three quarters', and Taiwan's 零售銷售 is the mainland's 社零."""

import datetime as dt
import json

from newsdesk.cluster.clusterer import ClusterInput, StoryClusterer
from newsdesk.cluster.samestory import _headline_measures_differ, decide, releases_contradict
from newsdesk.editorial.boilerplate import strip_boilerplate
from newsdesk.text.script import to_simplified

from .labelled import FIXTURES, report


def test_first_lines_telling_other_days_of_a_meeting_are_two_meetings():
    one = report(42, "双11开卖前，监管把12家平台叫到一起")  # 10月14日，市场监管总局召集…
    other = report(42, "双11前市场监管总局召集12家平台")  # 10月11日，市场监管总局召开…
    assert one.event_day == (10, 14)
    assert other.event_day == (10, 11)
    decision = decide(one, other)
    assert not decision.same
    assert decision.reasons == ["first lines tell other days (10月14日 / 10月11日)"]
    # a copy that tells the same day is the same meeting
    post = report(42, "双11还没开始，12家平台先被")
    assert decide(other, post).same


def test_one_release_s_headlines_of_two_periods_do_not_contradict():
    wire = report(42, "前三季度我国GDP同比增长4.3%")
    hong_kong = report(42, "內地第三季GDP增4.1%")
    assert _headline_measures_differ(wire, hong_kong) is None


def test_taiwan_s_retail_sales_are_the_mainland_s_she_ling():
    one = report(42, "11月社零同比增长3.2%")  # the other writer's release
    taiwan = report(42, "中國11月零售銷售年增3.9%")
    assert "社会消费品零售总额" in (_headline_measures_differ(one, taiwan) or "")
    assert _headline_measures_differ(report(42, "11月社零同比增长3.9%"), taiwan) is None


def test_two_writers_releases_of_one_period_are_not_chained_by_their_copies():
    # Each writer's first-three-quarters release, with its own copies (a Hong Kong paper led by
    # the third quarter, a self-media post): the releases' statistics differ, so no copy may
    # join the two clusters, though each copy is like both releases.
    rows = [
        json.loads(line)
        for line in (FIXTURES / "real_stories_blind42.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    rows = [r for r in rows if r["story"] in ("AM01", "AN01")]
    clusterer = StoryClusterer(use_anchors=True)
    assigned = clusterer.add(
        [
            ClusterInput(
                k,
                to_simplified(r["title"]),
                strip_boilerplate(to_simplified(r["body"])).text,
                dt.datetime.fromisoformat(r["date"]).replace(tzinfo=dt.UTC) if r["date"] else None,
            )
            for k, r in enumerate(rows)
        ]
    )
    clusters = {
        story: {assigned[k] for k, r in enumerate(rows) if r["story"] == story} for story in ("AM01", "AN01")
    }
    assert not clusters["AM01"] & clusters["AN01"]
    wire = report(42, "前三季度我国GDP同比增长4.3%")
    other = report(42, "前三季度国内生产总值同比增长4.3%")
    assert releases_contradict(wire, other).startswith("the same statistics differ")
