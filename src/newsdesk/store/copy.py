"""Copy an archive from one database to another: ``newsdesk migrate-db FROM TO``.

Every table of ``schema.metadata`` is copied in foreign-key order, in batches, with its ids;
PostgreSQL's sequences are then set past the highest id, so that the next row stored gets a
fresh one. The destination is brought to the newest schema first and written in one
transaction: a copy that fails leaves it as it was. The source is read in one snapshot
(a read transaction on SQLite, REPEATABLE READ on PostgreSQL), so a collector writing to it
meanwhile neither breaks the copy nor makes the counts disagree.

Derived tables (``DERIVED``: the search index) are not copied: they are rebuilt on the
destination from what was copied, after the commit. A table added later that holds data
derived from others goes into ``DERIVED`` with the function that rebuilds it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine, Table

BATCH_ROWS = 1000


@dataclass(frozen=True)
class Derived:
    """Tables built from other tables: never copied, rebuilt on the copy."""

    name: str  # what the report calls it
    is_table: Callable[[str], bool]  # whether a table name is part of it
    # builds it on a database holding the copied rows; progress(part, done, total)
    rebuild: Callable[[Engine, Callable[[str, int, int], None] | None], object]


def derived() -> list[Derived]:
    """The derived data of a newsdesk database (the hook for a new kind of derived table)."""
    from newsdesk.store import search

    def rebuild_search(engine, progress):
        return search.rebuild_search_index(engine, progress=progress)

    return [Derived("search index", search.is_search_table, rebuild_search)]


class CopyRefused(ValueError):
    """The copy was not started (nothing was written): the message says why and what to do."""


class CopyFailed(RuntimeError):
    """The copy stopped on an error of the destination; its transaction was rolled back."""


class DatabaseUnusable(RuntimeError):
    """FROM or TO cannot be opened or brought to the newest schema (``role`` says which)."""

    def __init__(self, role: str, url: str, error: BaseException):
        super().__init__(f"{role}: {error}")
        self.role, self.url, self.error = role, url, error


@dataclass
class TableCount:
    table: str
    source: int
    copied: int  # rows in the destination after the copy

    @property
    def ok(self) -> bool:
        return self.source == self.copied


@dataclass
class CopyReport:
    counts: list[TableCount] = field(default_factory=list)
    rebuilt: dict[str, object] = field(default_factory=dict)  # derived name → what its rebuild returned
    replaced: dict[str, int] = field(default_factory=dict)  # rows the destination held before
    migrated_source: bool = False  # the source was brought to the newest schema first

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.counts)


def copied_tables() -> list[Table]:
    """The tables a copy writes, parents before children."""
    from newsdesk.store.schema import metadata

    hooks = derived()
    return [t for t in metadata.sorted_tables if not any(d.is_table(t.name) for d in hooks)]


def same_database(a: str, b: str) -> bool:
    from sqlalchemy.engine import make_url

    from newsdesk.store.db import normalize_url

    ua, ub = make_url(normalize_url(a)), make_url(normalize_url(b))
    if ua.get_backend_name() == ub.get_backend_name() == "sqlite":
        da, db = ua.database or ":memory:", ub.database or ":memory:"
        if ":memory:" in (da, db):
            return False
        return Path(da).resolve() == Path(db).resolve()
    return (ua.get_backend_name(), ua.host, ua.port, ua.database) == (
        ub.get_backend_name(),
        ub.host,
        ub.port,
        ub.database,
    )


def _source_engine(url: str) -> Engine:
    """The source, opened to read in one snapshot; an SQLite file must exist (opening one
    that does not would create an empty archive and copy nothing)."""
    from sqlalchemy import event
    from sqlalchemy.engine import make_url

    from newsdesk.store.db import make_engine, normalize_url

    parsed = make_url(normalize_url(url))
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database.startswith("file:"):
            database = database[5:].split("?", 1)[0]
        if not database or database == ":memory:" or not Path(database).is_file():
            raise CopyRefused(f"no database to copy at {database or url!r}: FROM must be an existing archive")
        engine = make_engine(url)

        # pysqlite begins a transaction only before a write; a snapshot needs BEGIN before
        # the first read (the recipe of SQLAlchemy's SQLite documentation)
        @event.listens_for(engine, "connect")
        def _no_implicit_transactions(dbapi_connection, _record):  # pragma: no cover - trivial
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(conn):  # pragma: no cover - trivial
            conn.exec_driver_sql("BEGIN")

        return engine
    return make_engine(url).execution_options(isolation_level="REPEATABLE READ")


def _count(conn: Connection, table: Table) -> int:
    from sqlalchemy import func, select

    return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _dangling(conn: Connection, tables: list[Table]) -> list[str]:
    """References to rows that are not there (an SQLite file written without its foreign
    keys enforced): PostgreSQL would refuse them in the middle of the copy."""
    from sqlalchemy import and_, func, select

    found = []
    for table in tables:
        for fk in table.foreign_keys:
            parent = fk.column.table.alias("parent")
            column, target = fk.parent, parent.c[fk.column.name]
            query = (
                select(func.count())
                .select_from(table.outerjoin(parent, column == target))
                .where(and_(column.is_not(None), target.is_(None)))
            )
            missing = conn.execute(query).scalar_one()
            if missing:
                found.append(
                    f"{missing} row(s) of {table.name} name a {fk.column.table.name} that is not there ({column.name})"
                )
    return found


def _empty(conn: Connection, tables: list[Table]) -> None:
    """Remove every row of the destination's archive (in the copy's transaction)."""
    from sqlalchemy import text

    if conn.dialect.name == "postgresql":
        names = ", ".join(conn.dialect.identifier_preparer.quote(t.name) for t in tables)
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        return
    for table in reversed(tables):
        conn.execute(table.delete())


def _key(table: Table):
    key = list(table.primary_key.columns)
    if len(key) != 1:  # every newsdesk table has a one-column key; keep it so
        raise ValueError(f"table {table.name} has no one-column primary key to copy it by")
    return key[0]


def _copy_table(
    source: Connection,
    destination: Connection,
    table: Table,
    total: int,
    batch: int,
    progress: Callable[[str, int, int], None] | None,
) -> None:
    from sqlalchemy import bindparam, select

    key = _key(table)
    # a column naming a row of its own table (issues.revision_of) is filled in once all
    # rows are there: the row it names may come later in key order
    own = [fk.parent for fk in table.foreign_keys if fk.column.table is table]
    done, last = 0, None
    while True:
        query = select(table).order_by(key).limit(batch)
        if last is not None:
            query = query.where(key > last)
        rows = [dict(row._mapping) for row in source.execute(query)]
        if not rows:
            break
        later = [
            {"_key": r[key.name], **{c.name: r[c.name] for c in own}}
            for r in rows
            if any(r[c.name] is not None for c in own)
        ]
        for row in rows:
            for column in own:
                row[column.name] = None
        # with RETURNING, SQLAlchemy sends many rows per INSERT (insertmanyvalues): several
        # times faster on PostgreSQL than one statement per row in a pipeline
        destination.execute(table.insert().returning(key), rows).all()
        if later:
            destination.execute(
                table.update()
                .where(key == bindparam("_key"))
                .values({c.name: bindparam(c.name) for c in own}),
                later,
            )
        last = rows[-1][key.name]
        done += len(rows)
        if progress:
            progress(table.name, done, total)


def _reset_sequences(conn: Connection, tables: list[Table]) -> None:
    """PostgreSQL hands out ids from a sequence that rows given their id did not advance:
    set each past the highest id copied."""
    from sqlalchemy import text

    if conn.dialect.name != "postgresql":
        return  # SQLite's next rowid is the highest one plus one
    for table in tables:
        key = _key(table)
        if table.autoincrement_column is not key:
            continue
        quoted = conn.dialect.identifier_preparer.quote
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:table, :column), "
                f"coalesce(max({quoted(key.name)}), 0) + 1, false) FROM {quoted(table.name)}"
            ),
            {"table": table.name, "column": key.name},
        )


def copy_database(
    source_url: str,
    destination_url: str,
    *,
    replace: bool = False,
    batch: int = BATCH_ROWS,
    progress: Callable[[str, int, int], None] | None = None,
) -> CopyReport:
    """Copy the archive at ``source_url`` into ``destination_url``; see the module's text.

    Refused (``CopyRefused``, nothing written) when the two are one database, the source does
    not exist, the destination holds rows (unless ``replace``: then they are removed in the
    copy's transaction) or the source has references to missing rows.
    ``progress(table, rows done, rows in all)`` follows the copy of each table, then the
    rebuild of each derived table (named "search index: items" and so on).
    """
    from sqlalchemy.exc import DBAPIError

    from newsdesk.store.db import at_head, make_engine, migrate, open_database

    if same_database(source_url, destination_url):
        raise CopyRefused("FROM and TO are the same database")
    report = CopyReport()
    try:
        source_engine = _source_engine(source_url)  # refuses a missing file before anything is made
    except CopyRefused:
        raise
    except Exception as exc:  # noqa: BLE001 - a bad URL or a missing driver
        raise DatabaseUnusable("FROM", source_url, exc) from exc
    destination_engine = None
    try:
        try:
            if not at_head(source_engine):
                plain = make_engine(source_url)
                try:
                    migrate(plain)  # as any newsdesk command would on opening it
                finally:
                    plain.dispose()
                report.migrated_source = True
        except Exception as exc:  # noqa: BLE001 - named with the database it concerns
            raise DatabaseUnusable("FROM", source_url, exc) from exc
        try:
            destination_engine = open_database(destination_url)
        except Exception as exc:  # noqa: BLE001
            raise DatabaseUnusable("TO", destination_url, exc) from exc
        tables = copied_tables()
        with source_engine.connect() as source, source.begin():
            totals = {t.name: _count(source, t) for t in tables}
            with destination_engine.connect() as conn:
                held = {t.name: n for t in tables if (n := _count(conn, t))}
            if held and not replace:
                what = ", ".join(f"{n} {name}" for name, n in held.items())
                raise CopyRefused(
                    f"TO already holds an archive ({what}): give --replace to empty it and copy, "
                    "or choose an empty database"
                )
            dangling = _dangling(source, tables)
            if dangling:
                raise CopyRefused(
                    f"FROM refers to rows it does not have: {'; '.join(dangling)}; "
                    "nothing was copied (PostgreSQL would refuse them)"
                )
            try:
                with destination_engine.begin() as destination:
                    if held:
                        _empty(destination, tables)
                        report.replaced = held
                    for table in tables:
                        if progress:
                            progress(table.name, 0, totals[table.name])
                        _copy_table(source, destination, table, totals[table.name], batch, progress)
                    _reset_sequences(destination, tables)
            except DBAPIError as exc:
                first = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
                raise CopyFailed(f"TO refused a row ({first}); nothing was written to TO") from exc
        for hook in derived():
            told = None
            if progress:

                def told(part, done, total, _name=hook.name):
                    progress(f"{_name}: {part}", done, total)

            report.rebuilt[hook.name] = hook.rebuild(destination_engine, told)
        report.counts = count_rows(source_url, destination_url, tables, source_totals=totals)
    finally:
        source_engine.dispose()
        if destination_engine is not None:
            destination_engine.dispose()
    return report


def count_rows(
    source_url: str,
    destination_url: str,
    tables: list[Table] | None = None,
    source_totals: dict | None = None,
) -> list[TableCount]:
    """Rows per table in the source (as copied: ``source_totals``, the snapshot's) and in the destination."""
    from newsdesk.store.db import make_engine

    tables = tables if tables is not None else copied_tables()
    engines = {}
    try:
        if source_totals is None:
            engines["source"] = make_engine(source_url)
            with engines["source"].connect() as conn:
                source_totals = {t.name: _count(conn, t) for t in tables}
        engines["destination"] = make_engine(destination_url)
        with engines["destination"].connect() as conn:
            return [TableCount(t.name, source_totals[t.name], _count(conn, t)) for t in tables]
    finally:
        for engine in engines.values():
            engine.dispose()
