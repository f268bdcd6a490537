"""The archive's list of issues, read without SQLAlchemy when the archive is an SQLite file.

`newsdesk issues` is run many times a day, and importing SQLAlchemy costs more than all
the rest of the command (≈0.3 s of ≈1 s). When the database is an SQLite file already at
the newest schema, the list is read here with the standard library's ``sqlite3``;
anything else (PostgreSQL, a file that does not exist yet, a schema that needs migrating,
any doubt at all) is left to ``store.archive.list_issues``, which opens the database the
usual way. Both read the same query; ``tests/store/test_listing.py`` checks they agree.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote


@dataclass(frozen=True)
class StoredIssue:
    id: int
    label: str
    publication: str
    issue_date: dt.date | None
    item_count: int
    source_path: str | None
    imported_at: dt.datetime
    serial: int | None = None  # 总第N期
    revision: int = 1
    published_at: dt.datetime | None = None  # None for an issue imported from a file


def sqlite_file(url: str) -> Path | None:
    """The file of a plain ``sqlite:///PATH`` URL (no driver, no query string), else None."""
    for prefix in ("sqlite:///", "sqlite+pysqlite:///"):
        if url.startswith(prefix):
            rest = url[len(prefix) :]
            if not rest or "?" in rest or rest == ":memory:":
                return None
            return Path(unquote(rest))
    return None


def _timestamp(value: str | None) -> dt.datetime | None:
    # SQLAlchemy stores DateTime on SQLite as 'YYYY-MM-DD HH:MM:SS.ffffff', in UTC
    if value is None:
        return None
    parsed = dt.datetime.fromisoformat(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=dt.UTC)


_LIST_ISSUES = """
SELECT issues.id, issues.label, publications.name, issues.issue_date,
       coalesce(counts.n, 0), issues.source_path, issues.imported_at,
       issues.serial, issues.revision, issues.published_at
FROM issues
JOIN publications ON publications.id = issues.publication_id
LEFT OUTER JOIN (SELECT issue_id, count(*) AS n FROM items GROUP BY issue_id) AS counts
  ON counts.issue_id = issues.id
ORDER BY issues.issue_date IS NULL, issues.issue_date DESC, issues.id DESC
"""


def list_issues_from_file(url: str) -> list[StoredIssue] | None:
    """The issues, newest first, read straight from an SQLite file at the newest schema;
    None when this path does not apply (the caller then opens the database as usual)."""
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return None
    from newsdesk.store.db import head_revisions

    heads = head_revisions()
    if heads is None:
        return None
    try:
        # read-only: this path must never create, lock or change anything
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error:
        return None
    try:
        stored = {row[0] for row in connection.execute("SELECT version_num FROM alembic_version")}
        if stored != heads:
            return None
        rows = connection.execute(_LIST_ISSUES).fetchall()
    except sqlite3.Error:
        return None  # let the usual path say what is wrong, in its words
    finally:
        connection.close()
    return [
        StoredIssue(
            id=row[0],
            label=row[1],
            publication=row[2],
            issue_date=dt.date.fromisoformat(row[3]) if row[3] else None,
            item_count=row[4],
            source_path=row[5],
            imported_at=_timestamp(row[6]),
            serial=row[7],
            revision=row[8],
            published_at=_timestamp(row[9]),
        )
        for row in rows
    ]
