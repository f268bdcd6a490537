import datetime as dt
import itertools
import json
from pathlib import Path

import pytest

from newsdesk.cluster.samestory import decide, story_features

STORIES = Path(__file__).resolve().parent.parent / "fixtures" / "editorial" / "stories.jsonl"


@pytest.fixture(scope="module")
def rows():
    rows = [json.loads(line) for line in STORIES.read_text("utf-8").splitlines()]
    for r in rows:
        r["features"] = story_features(r["title"], r["body"], dt.datetime.fromisoformat(r["date"]))
    return rows


def test_reprints_rewrites_and_follow_ups_are_one_story(rows):
    pairs = [(a, b) for a, b in itertools.combinations(rows, 2) if a["story"] == b["story"]]
    found = sum(decide(a["features"], b["features"]).same for a, b in pairs)
    assert found / len(pairs) >= 0.9


def test_hard_negatives_same_company_or_topic_other_event(rows):
    hard = [
        (a, b)
        for a, b in itertools.combinations(rows, 2)
        if a["story"] != b["story"] and a["group"] == b["group"]
    ]
    assert len(hard) >= 15
    wrong = [(a["title"], b["title"]) for a, b in hard if decide(a["features"], b["features"]).same]
    assert wrong == []


def test_same_release_for_another_period_is_another_story():
    may = story_features(
        "1—5月份全国网上零售额51299亿元",
        "1—5月份，全国网上零售额51299亿元，同比增长2.5%。实物商品网上零售额43576亿元，增长5.6%，占比24.7%。",
    )
    june = story_features(
        "上半年全国网上零售额63007亿元",
        "上半年，全国网上零售额63007亿元，同比增长3.1%。实物商品网上零售额54493亿元，增长5.6%，占比25.9%。",
    )
    decision = decide(may, june)
    assert not decision.same
    assert any("periods differ" in r or "figures disagree" in r for r in decision.reasons)


def test_far_apart_in_time_is_never_the_same_story():
    text = "京东宣布在嘉定建设智能产业园，总建筑面积121493平方米。"
    a = story_features("京东建智能产业园", text, dt.datetime(2022, 1, 1))
    b = story_features("京东建智能产业园", text, dt.datetime(2022, 6, 1))
    assert decide(a, b, max_days_apart=10).same is False
    assert decide(a, b, max_days_apart=365).same is True
