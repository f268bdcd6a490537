"""Round 35's lessons: a results report that adds the brokers' calls tells the results; a
self-media copy's 两万多亿 is two million 亿, not twenty thousand."""

import datetime as dt
import json
from pathlib import Path

from newsdesk.cluster.samestory import decide, story_features
from newsdesk.editorial.boilerplate import strip_boilerplate
from newsdesk.text.script import to_simplified

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "editorial"


def _report(title_start: str):
    for line in (FIXTURES / "real_stories_blind35.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["title"].startswith(title_start):
            published = dt.datetime.fromisoformat(row["date"]).replace(tzinfo=dt.UTC) if row["date"] else None
            return story_features(
                to_simplified(row["title"]), strip_boilerplate(to_simplified(row["body"])).text, published
            )
    raise LookupError(title_start)


def test_results_with_the_brokers_calls_are_the_results():
    results = _report("阿里巴巴最新季度营收")
    retold = _report("阿里季績勝預期")
    decision = decide(results, retold)
    assert "one headline is a broker's call on the stock" not in decision.reasons
    assert decision.same


def test_a_round_figure_in_two_magnitudes_agrees_with_the_precise_one():
    release = _report("2031年第一批消费品以旧换新资金下达")
    post = _report("国补第一批860亿已到位")
    assert "2e+12元" in post.figures  # (not 20000元)
    assert "figures disagree" not in " ".join(decide(release, post).reasons)
