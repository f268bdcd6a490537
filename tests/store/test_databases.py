"""What differs between SQLite and PostgreSQL and must not show: URLs, time zones, integer
and text limits. Each test runs on both databases."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from newsdesk.collect.records import CollectedArticle
from newsdesk.issue.model import Attribution, Item, Publication
from newsdesk.store.archive import list_issues
from newsdesk.store.articles import count_articles, insert_article, recent_articles
from newsdesk.store.db import make_engine, normalize_url, open_database
from newsdesk.store.drafts import create_draft, publish_draft
from newsdesk.store.schema import articles

pytestmark = pytest.mark.both_databases


def test_a_plain_postgresql_url_means_psycopg_3():
    assert normalize_url("postgresql://editor:pw@db.example/newsdesk") == (
        "postgresql+psycopg://editor:pw@db.example/newsdesk"
    )
    assert (
        normalize_url("postgres://editor@db.example/newsdesk")
        == "postgresql+psycopg://editor@db.example/newsdesk"
    )
    # a driver the user names is kept, and SQLite is left alone
    assert normalize_url("postgresql+psycopg2://e@h/d") == "postgresql+psycopg2://e@h/d"
    assert normalize_url("sqlite:///digest.db") == "sqlite:///digest.db"
    assert make_engine("postgresql://editor@db.example/newsdesk").dialect.driver == "psycopg"


def test_the_commands_take_a_plain_postgresql_url(postgres_db_url, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from newsdesk.cli import app

    monkeypatch.chdir(tmp_path)
    plain = postgres_db_url.replace("postgresql+psycopg://", "postgresql://", 1)
    result = CliRunner().invoke(app, ["--database", plain, "issues"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "The archive is empty" in result.output


def _article(url: str, **changes) -> CollectedArticle:
    values = {
        "url": url,
        "outlet": "人民网",
        "title": "商务部：上半年网上零售额6.3万亿元",
        "text": "据商务部统计，今年上半年全国网上零售额达到6.3万亿元。",
        "published_at": dt.datetime(2022, 7, 14, 16, 32, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        "author": None,
        "language": "zh",
        "content_hash": url,
        "raw": None,
        "raw_content_type": "text/html",
        "fetched_at": dt.datetime.now(dt.UTC),
    }
    values.update(changes)
    return CollectedArticle(**values)


def test_an_article_is_counted_new_once(db_url):
    engine = open_database(db_url)
    assert insert_article(engine, _article("https://news.example/1")) is True
    assert insert_article(engine, _article("https://news.example/1", content_hash="other")) is False
    assert count_articles(engine) == 1


def test_an_over_long_outlet_is_cut_the_same_on_both_databases(db_url):
    engine = open_database(db_url)
    # PostgreSQL refuses 250 characters in a VARCHAR(200); SQLite would keep them all
    assert insert_article(engine, _article("https://news.example/2", outlet="网" * 250, author="者" * 400))
    with engine.connect() as conn:
        outlet, author = conn.execute(select(articles.c.outlet, articles.c.author)).one()
    assert outlet == "网" * 200 and author == "者" * 300


def test_an_id_beyond_a_database_integer_is_simply_not_found(cli):
    for args, message in [
        (("show", "99999999999"), "no issue '99999999999'"),
        (("decide", "99999999999"), "no candidate item 99999999999"),
    ]:
        result = cli(*args)
        assert result.exit_code == 1
        assert message in result.output
        assert "Traceback" not in result.output and "out of range" not in result.output


def test_times_are_utc_whatever_the_servers_zone(db_url, db_backend):
    engine = open_database(db_url)
    if db_backend == "postgresql":
        name = engine.url.database
        with engine.connect() as conn:
            conn.execute(text(f"ALTER DATABASE {name} SET timezone TO 'Asia/Shanghai'"))
            conn.commit()
        engine.dispose()
        with engine.connect() as conn:  # the setting holds for new sessions, except newsdesk's
            assert conn.execute(text("SHOW timezone")).scalar() == "UTC"
    item = Item("政策法规", "国办印发意见", "正文。", Attribution(outlet="人民网", date=dt.date(2022, 7, 14)))
    draft = create_draft(
        engine, Publication(name="电子商务动态"), "2022年第9期", 9, None, [("政策法规", item, None)]
    )
    before = dt.datetime.now(dt.UTC)
    publish_draft(engine, draft, text_of=lambda issue: issue.label or "")
    (stored,) = list_issues(engine)
    # what `newsdesk issues` prints as "published … UTC" is UTC, not Shanghai's clock
    assert stored.published_at.utcoffset() == dt.timedelta(0)
    assert abs(stored.published_at - before) < dt.timedelta(minutes=1)
    (article,) = recent_articles(engine) if insert_article(engine, _article("https://news.example/3")) else []
    assert article["published_at"].replace(tzinfo=None) == dt.datetime(2022, 7, 14, 8, 32)


def test_a_clusters_outlets_are_in_the_same_order_on_both(db_url):
    # NULL sorts first ascending on SQLite and last on PostgreSQL unless the query says
    from newsdesk.store.editorial import (
        CandidateRow,
        ClusterPlan,
        insert_plain_article,
        list_clusters,
        save_run,
    )

    engine = open_database(db_url)
    dated = insert_plain_article(
        engine, "网上零售额增长", "正文一。", "新华网", dt.datetime(2022, 7, 14, tzinfo=dt.UTC)
    )
    undated = insert_plain_article(engine, "网上零售额增长3.1%", "正文二。", "人民网", None)
    candidate = CandidateRow(
        dated, "网上零售额增长", "正文。", "数据观察", 0.9, [], 0.8, [], "新华网", "《》", ""
    )
    plan = ClusterPlan([], [dated, undated], dated, candidate, {dated: [], undated: []})
    save_run(engine, [], [plan], [dated, undated])
    (cluster,) = list_clusters(engine)
    assert cluster.outlets == ["人民网", "新华网"]  # the undated report first, as always on SQLite
