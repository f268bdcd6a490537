"""The bundled corpus the demo collects: big enough, varied, with stories told several times."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import create_engine, select

from newsdesk.commands.collect import run_demo_collect
from newsdesk.config import load_settings
from newsdesk.store.schema import articles


def test_demo_collects_the_corpus_from_loopback_and_a_folder_once(db_url, monkeypatch):
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    monkeypatch.setenv("NEWSDESK_COLLECT__EXTRACT_WORKERS", "1")
    settings = load_settings(database_url=db_url)
    assert settings.collect.allow_networks == []  # the demo opens loopback for itself only

    outcomes = run_demo_collect(settings)
    assert all(outcome.ok and not outcome.article_errors for outcome in outcomes), outcomes
    with create_engine(db_url).connect() as conn:
        rows = list(
            conn.execute(select(articles.c.outlet, articles.c.title, articles.c.url, articles.c.published_at))
        )
    assert len(rows) >= 60
    outlets = Counter(row.outlet for row in rows)
    assert len(outlets) >= 8 and {
        "人民网",
        "新华网",
        "中国经济网",
        "电商报",
        "国际商报",
        "中国新闻网",
        "商务部网站",
    } <= set(outlets)
    # The same story from several outlets, for the editorial stage to cluster.
    live_commerce = {row.outlet for row in rows if "直播电" in row.title}
    assert len(live_commerce) >= 4
    assert all(row.published_at is not None and row.published_at.year == 2022 for row in rows)
    assert not any("utm_" in row.url for row in rows)

    again = run_demo_collect(settings)  # a new port, the same canonical URLs
    assert sum(outcome.new_articles for outcome in again) == 0
