"""`newsdesk issues` reads an SQLite archive with sqlite3 (store.listing): it must give
exactly what the SQLAlchemy path gives, and step aside whenever it is not sure."""

import datetime as dt
import json
from pathlib import Path

import sqlalchemy as sa

from newsdesk.store.archive import list_issues
from newsdesk.store.db import open_database
from newsdesk.store.editorial import insert_plain_article
from newsdesk.store.listing import list_issues_from_file, sqlite_file

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "samples" / "issues"


def test_the_sqlite_listing_equals_the_sqlalchemy_one(cli, tmp_path, fixtures_dir):
    assert cli("import", str(SAMPLES)).exit_code == 0
    url = f"sqlite:///{tmp_path / 'newsdesk.db'}"
    # a published issue too: serial, revision and published_at filled in
    stories = (fixtures_dir / "editorial" / "stories.jsonl").read_text("utf-8").splitlines()
    for n, row in enumerate(map(json.loads, stories[:30])):
        when = dt.datetime.fromisoformat(row["date"]).replace(tzinfo=dt.UTC)
        insert_plain_article(
            open_database(url), row["title"], row["body"], row["outlet"], when, f"https://example.invalid/{n}"
        )
    assert cli("process").exit_code == 0
    assert cli("compose", "--auto", "--label", "2026年第1期").exit_code == 0
    assert cli("publish").exit_code == 0
    quick = list_issues_from_file(url)
    assert quick is not None and len(quick) == 9
    assert quick == list_issues(open_database(url))
    published = [s for s in quick if s.published_at is not None]
    assert published and published[0].serial and published[0].published_at.tzinfo is not None
    shown = cli("issues").output
    assert "2026年第1期" in shown and "2022年第8期" in shown


def test_it_steps_aside_when_unsure(tmp_path):
    assert list_issues_from_file("postgresql+psycopg://localhost/newsdesk") is None
    assert list_issues_from_file(f"sqlite:///{tmp_path / 'absent.db'}") is None
    assert list_issues_from_file("sqlite:///:memory:") is None
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_text("not sqlite", encoding="utf-8")
    assert list_issues_from_file(f"sqlite:///{not_a_database}") is None
    # a database at an older schema is migrated by the usual path, never read here
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = open_database(url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0001'"))
    assert list_issues_from_file(url) is None
    assert not (tmp_path / "absent.db").exists()  # and nothing was created


def test_which_urls_are_plain_files(tmp_path):
    assert sqlite_file(f"sqlite:///{tmp_path}/a.db") == tmp_path / "a.db"
    assert sqlite_file("sqlite:///relative/a.db") == Path("relative/a.db")
    assert sqlite_file("sqlite:///a.db?mode=ro") is None
    assert sqlite_file("sqlite+aiosqlite:///a.db") is None
