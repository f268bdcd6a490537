"""A database that cannot be used is one line naming it and saying what to do, exit status 2:
random bytes, damaged pages, an unknown schema revision, read-only, locked, a bad URL or
driver. Run as the editor runs it: the `newsdesk` process."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.store.db import describe_database_error, open_database

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "samples" / "issues" / "2022-01.txt"


def newsdesk(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )


def one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def made_database(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    open_database(f"sqlite:///{path}").dispose()
    return path


def test_random_bytes(tmp_path):
    path = tmp_path / "random.db"
    path.write_bytes(os.urandom(8192))
    line = one_line_error(newsdesk(tmp_path, "--database", f"sqlite:///{path}", "issues"))
    assert str(path) in line and "not an SQLite database" in line


def test_damaged_pages(tmp_path):
    path = made_database(tmp_path, "damaged.db")
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xab" * (len(data) - 4096)
    path.write_bytes(bytes(data))
    line = one_line_error(newsdesk(tmp_path, "--database", f"sqlite:///{path}", "issues"))
    assert str(path) in line and "damaged" in line and ".recover" in line


def test_an_unknown_schema_revision(tmp_path):
    path = made_database(tmp_path, "future.db")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffffdeadbeef'")
    line = one_line_error(newsdesk(tmp_path, "--database", f"sqlite:///{path}", "issues"))
    assert str(path) in line and "ffffdeadbeef" in line and "newer newsdesk" in line


def test_read_only(tmp_path):
    path = made_database(tmp_path, "ro.db")
    url = f"sqlite:///file:{path}?mode=ro&uri=true"  # read-only whoever runs it (root too)
    line = one_line_error(newsdesk(tmp_path, "--database", url, "import", str(SAMPLE)))
    assert str(path) in line and "read-only" in line


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("notaurl", "not a database URL"),
        ("foo://x/y", "unknown database kind or driver 'foo'"),
        ("postgresql+nosuchdriver://u:secret@h/db", "unknown database kind or driver"),
    ],
)
def test_a_bad_url_or_driver(tmp_path, url, words):
    line = one_line_error(newsdesk(tmp_path, "--database", url, "issues"))
    assert words in line and "secret" not in line


def test_locked(tmp_path):
    path = made_database(tmp_path, "locked.db")
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        waiter = sqlite3.connect(path, timeout=0.05)
        with pytest.raises(sqlite3.OperationalError) as caught:
            waiter.execute("INSERT INTO publications (name, columns, created_at) VALUES ('x', '[]', 'now')")
        waiter.close()
    finally:
        holder.rollback()
        holder.close()
    line = describe_database_error(caught.value, f"sqlite:///{path}")
    assert line == f"database {path} is locked by another program (another newsdesk command?): " + (
        "wait for it to finish, or stop it, and run the command again"
    )


def test_other_errors_are_not_taken_for_database_problems():
    assert describe_database_error(ValueError("x"), "sqlite:///a.db") is None
    assert describe_database_error(KeyError("database is locked"), "sqlite:///a.db") is None
