"""``newsdesk migrate-db FROM TO``: the demo's archive from SQLite to PostgreSQL and back."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.store.db import open_database


def newsdesk(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> str:
    """An SQLite archive made by the demo's steps (without rendering): imported issues,
    collected articles, clusters, candidates and figures, a published issue and its draft."""
    import datetime as dt

    from newsdesk.commands.archive import run_demo_archive
    from newsdesk.commands.collect import run_demo_collect
    from newsdesk.commands.editorial import run_demo_process
    from newsdesk.commands.publishing import draft_from_candidates
    from newsdesk.config import load_settings
    from newsdesk.issue.render import render_text
    from newsdesk.store.drafts import publish_draft
    from newsdesk.store.session import engine_for

    folder = tmp_path_factory.mktemp("demo")
    url = f"sqlite:///{folder / 'demo.db'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        patch.delenv("NEWSDESK_CONFIG", raising=False)
        settings = load_settings(database_url=url)
        run_demo_archive(settings, folder / "out")
        run_demo_collect(settings)
        run_demo_process(settings)
        draft = draft_from_candidates(settings, None, dt.date(2022, 7, 20), None, None, auto=True)
        publish_draft(engine_for(settings), draft, render_text)
    return url


def counts(output: str) -> dict[str, tuple[int, int]]:
    """The table migrate-db prints: name → (FROM, TO)."""
    return {m[1]: (int(m[2]), int(m[3])) for m in re.finditer(r"^(\w+)\s+(\d+)\s+(\d+)", output, re.M)}


def show(url: str, *args: str) -> str:
    done = newsdesk("--database", url, *args)
    assert done.exit_code == 0, done.output
    return done.output


def test_the_demo_archive_moves_to_postgresql_and_back(demo_db, postgres_db_url, tmp_path):
    from newsdesk.store import session

    # a server in Shanghai's zone: the times copied are the same instants
    pg = open_database(postgres_db_url)
    with pg.connect() as conn:
        conn.execute(text(f"ALTER DATABASE {pg.url.database} SET timezone TO 'Asia/Shanghai'"))
        conn.commit()
    pg.dispose()
    plain_url = postgres_db_url.replace("postgresql+psycopg://", "postgresql://", 1)

    done = newsdesk("migrate-db", demo_db, plain_url)
    assert done.exit_code == 0, done.output
    copied = counts(done.output)
    assert copied["articles"] == (62, 62) and copied["issues"] == (9, 9)
    assert copied["items"][0] > 100 and copied["cluster_members"] == (62, 62)
    assert all(source == target for source, target in copied.values())
    assert "search index rebuilt on TO: " in done.output and "62 articles" in done.output
    assert "every count matches" in done.output

    # PostgreSQL reads what SQLite held: the issues as listed, the newest in full, search
    for command in [("issues",), ("show", "latest"), ("show", "2022年第9期"), ("candidates", "--json")]:
        assert show(postgres_db_url, *command) == show(demo_db, *command), command
    # (the two databases rank search results each its own way: the same ones are found)
    found = {url: json.loads(show(url, "search", "京东", "--json")) for url in (postgres_db_url, demo_db)}
    assert found[postgres_db_url]["total"] == found[demo_db]["total"] > 10
    assert {r["id"] for r in found[postgres_db_url]["results"]} == {
        r["id"] for r in found[demo_db]["results"]
    }
    # and writes after it: the ids handed out next follow the copied ones
    folder = tmp_path / "incoming"
    folder.mkdir()
    added = show(postgres_db_url, "source", "add", str(folder), "--name", "新来源")
    assert "added 新来源" in added
    session.close_engines()

    back = f"sqlite:///{tmp_path / 'back.db'}"
    done = newsdesk("migrate-db", postgres_db_url, back)
    assert done.exit_code == 0, done.output
    returned = counts(done.output)
    assert returned["sources"][1] == copied["sources"][1] + 1
    returned.pop("sources"), copied.pop("sources")
    assert returned == copied
    assert show(back, "show", "2022年第9期") == show(demo_db, "show", "2022年第9期")
    assert show(back, "issues") == show(demo_db, "issues")


def test_an_archive_in_to_is_kept_unless_replace(demo_db, postgres_db_url):
    first = newsdesk("migrate-db", demo_db, postgres_db_url)
    assert first.exit_code == 0, first.output

    again = newsdesk("migrate-db", demo_db, postgres_db_url)
    assert again.exit_code == 2
    assert "TO already holds an archive (" in again.output and "--replace" in again.output

    replaced = newsdesk("migrate-db", demo_db, postgres_db_url, "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert "replaced what TO held: " in replaced.output
    assert counts(replaced.output)["articles"] == (62, 62)


def test_what_cannot_be_copied_is_refused_before_anything_is_written(demo_db, tmp_path):
    missing = tmp_path / "no-such.db"
    target = tmp_path / "target.db"
    done = newsdesk("migrate-db", f"sqlite:///{missing}", f"sqlite:///{target}")
    assert done.exit_code == 2 and "no database to copy at" in done.output
    assert not missing.exists() and not target.exists()  # neither made by the refusal

    done = newsdesk("migrate-db", demo_db, demo_db)
    assert done.exit_code == 2 and "FROM and TO are the same database" in done.output

    # an SQLite file written without its foreign keys enforced refers to a missing row
    broken = tmp_path / "broken.db"
    broken.write_bytes(Path(demo_db.removeprefix("sqlite:///")).read_bytes())
    with sqlite3.connect(broken) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("DELETE FROM issues WHERE id = (SELECT min(issue_id) FROM items)")
    done = newsdesk("migrate-db", f"sqlite:///{broken}", f"sqlite:///{target}")
    assert done.exit_code == 2
    assert "row(s) of items name a issues that is not there (issue_id)" in done.output
    assert "nothing was copied" in done.output
    assert "The archive is empty" in show(f"sqlite:///{target}", "issues")


def test_a_copy_that_differs_exits_non_zero(demo_db, tmp_path, monkeypatch):
    # a writer that adds a row to TO between the copy and the count (simulated): the check
    # compares the counts, not what the copier believes it wrote
    from newsdesk.store import copy as copier

    real = copier.count_rows

    def count_after_a_stray_write(source_url, destination_url, *args, **kwargs):
        engine = open_database(destination_url)
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM article_figures WHERE id = (SELECT max(id) FROM article_figures)"))
        engine.dispose()
        return real(source_url, destination_url, *args, **kwargs)

    monkeypatch.setattr(copier, "count_rows", count_after_a_stray_write)
    done = newsdesk("migrate-db", demo_db, f"sqlite:///{tmp_path / 'copy.db'}")
    assert done.exit_code == 1
    assert re.search(r"^article_figures\s+(\d+)\s+(\d+)  ← differs", done.output, re.M)
    assert "the counts differ in article_figures" in done.output
