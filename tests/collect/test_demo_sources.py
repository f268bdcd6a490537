"""The demo's sources stop with the demo: paused afterwards, shown as the demo's, and
collecting from one by name says so instead of trying a loopback server that is gone."""

from __future__ import annotations

from newsdesk.commands.collect import is_demo_source, run_demo_collect
from newsdesk.config import load_settings
from newsdesk.store import sources as source_store
from newsdesk.store.session import engine_for


def test_demo_sources_are_paused_after_the_demo_and_say_why(cli, db_url, monkeypatch):
    monkeypatch.setenv("NEWSDESK_COLLECT__EXTRACT_WORKERS", "1")
    settings = load_settings(database_url=db_url)
    first = run_demo_collect(settings)
    assert sum(o.new_articles for o in first) >= 60
    engine = engine_for(settings)
    demo = source_store.list_sources(engine)
    assert demo and all(s.paused and is_demo_source(s) for s in demo)

    listing = cli("source", "list").output
    assert listing.count(" demo ") == len(demo)
    assert listing.count("paused: a sample site of the demo") == len(demo)

    result = cli("collect", "--source", "人民网")
    assert result.exit_code == 1
    assert "人民网 is paused by the demo" in result.output
    assert "refused" not in result.output and "loopback" not in result.output
    assert "nothing is due" in cli("collect").output  # paused sources are not collected

    # a second demo resumes them for its own run and pauses them again
    again = run_demo_collect(settings)
    assert all(o.ok for o in again) and sum(o.new_articles for o in again) == 0
    assert all(s.paused for s in source_store.list_sources(engine))


def test_a_source_of_ones_own_is_not_the_demo_s(cli, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    assert cli("source", "add", str(folder), "--name", "人民网").exit_code == 0
    cli("source", "pause", "人民网")
    listing = cli("source", "list").output
    assert " paused " in listing and " demo " not in listing and "sample site" not in listing
    result = cli("collect", "--source", "人民网")
    assert result.exit_code == 1 and "人民网 is paused: newsdesk source resume 人民网" in result.output
