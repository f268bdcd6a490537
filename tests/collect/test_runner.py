"""Scheduling: intervals, and --watch taking each source on its own interval."""

from __future__ import annotations

import asyncio

import pytest

from newsdesk.collect.runner import make_extraction_pool, parse_interval, watch
from newsdesk.store.articles import count_articles
from newsdesk.store.db import open_database
from newsdesk.store.sources import add_source, get_source

# stores what it tests: run on SQLite and again on PostgreSQL
pytestmark = pytest.mark.both_databases


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30m", 1800), ("2h", 7200), ("1h30m", 5400), ("90s", 90), ("1d", 86400), ("45", 45)],
)
def test_intervals(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "0s", "5 parsecs"])
def test_bad_intervals(text):
    with pytest.raises(ValueError):
        parse_interval(text)


def test_watch_collects_each_source_again_when_it_is_due(db_url, tmp_path, collect_settings):
    engine = open_database(db_url)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("第一篇\n\n上半年网上零售额增长3.1%。\n", encoding="utf-8")
    add_source(engine, name="资料", location=str(inbox), kind="folder", interval_seconds=1)
    rounds: list[int] = []
    stop = asyncio.Event()

    def after_round(outcomes):
        rounds.append(sum(o.new_articles for o in outcomes))
        if len(rounds) == 1:
            (inbox / "b.txt").write_text("第二篇\n\n新文件在下一轮被收集。\n", encoding="utf-8")
        else:
            stop.set()

    pool = make_extraction_pool(collect_settings)
    try:
        asyncio.run(
            asyncio.wait_for(watch(engine, collect_settings, pool, on_round=after_round, stop=stop), 10)
        )
    finally:
        pool.shutdown()
    assert rounds == [1, 1]
    assert count_articles(engine) == 2
    assert get_source(engine, "资料").last_new_articles == 1
