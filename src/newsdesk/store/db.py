"""Engine creation and schema migration.

Opening a database that is already at the newest schema is the common case (every command
opens it): that is checked with one query against the revisions of ``migrations/versions``,
read as text, so alembic is imported and run only when there is something to migrate.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

# the Python package of a database driver → what to install for it
DRIVER_PACKAGES = {
    "psycopg": "psycopg[binary]",
    "psycopg2": "psycopg2-binary",
    "asyncpg": "asyncpg",
    "pg8000": "pg8000",
    "MySQLdb": "mysqlclient",
    "pymysql": "PyMySQL",
}


BACKEND_NAMES = {"postgresql": "PostgreSQL", "mysql": "MySQL", "mariadb": "MariaDB", "mssql": "SQL Server"}


class DatabaseDriverMissing(RuntimeError):
    """The URL names a backend whose Python driver is not installed."""


def normalize_url(url: str) -> str:
    """The URL with the driver newsdesk installs filled in: a plain ``postgresql://`` (which
    SQLAlchemy would open with psycopg2) means psycopg 3, ``postgresql+psycopg://``."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
        return parsed.render_as_string(hide_password=False)
    return url


def make_engine(url: str) -> Engine:
    """Create an engine; for SQLite make the folder, turn on WAL and foreign keys; for
    PostgreSQL use psycopg 3 and speak UTC."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import make_url

    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # pragma: no cover - trivial
            cursor = dbapi_connection.cursor()
            # WAL lets readers (the desk, `issues`) run while a collector writes.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    connect_args: dict = {}
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in {"psycopg", "psycopg2"}:
        # Everything is stored and read in UTC, as on SQLite: a server whose zone is
        # Asia/Shanghai would otherwise hand back +08:00 times, and read naive ones as local.
        given = parsed.query.get("options")
        given = " ".join(given) if isinstance(given, tuple) else given
        connect_args["options"] = "-c timezone=UTC" + (f" {given}" if given else "")
    try:
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except ModuleNotFoundError as exc:
        backend = parsed.get_backend_name()
        driver = (exc.name or "").split(".")[0]
        package = DRIVER_PACKAGES.get(driver, driver)
        raise DatabaseDriverMissing(
            f"{BACKEND_NAMES.get(backend, backend)} needs the Python driver {driver!r}, which is not "
            f"installed: pip install '{package}'"
        ) from exc


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (idempotent)."""
    from alembic import command

    command.upgrade(alembic_config(engine), "head")


_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", re.M)


@lru_cache(maxsize=1)
def head_revisions() -> frozenset[str] | None:
    """The newest revisions of ``migrations/versions``, read from the files' text; None when
    a file does not read plainly (then alembic decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN.search(text)
        if revision is None or down is None:
            return None
        revisions.add(revision.group(1))
        parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    heads = revisions - parents
    return frozenset(heads) if heads else None


def at_head(engine: Engine) -> bool:
    """Whether the database's alembic revision is already the newest (False on any doubt)."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    heads = head_revisions()
    if heads is None:
        return False
    try:
        with engine.connect() as connection:
            stored = {row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))}
    except SQLAlchemyError:
        return False
    return stored == heads


def open_database(url: str) -> Engine:
    engine = make_engine(url)
    if not at_head(engine):
        migrate(engine)
    return engine


def database_name(url: str) -> str:
    """How a message names a database: the SQLite file, else the URL without its password."""
    return _where(url)


def _where(url: str) -> str:
    """The database a message names: the SQLite file, else the URL without its password."""
    try:
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - not a URL at all: name what was given
        return repr(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ":memory:"
        if database.startswith("file:"):
            database = database[5:].split("?", 1)[0]
        return str(Path(database).resolve()) if database != ":memory:" else database
    return parsed.render_as_string(hide_password=True)


# (words in the driver's message, what it means, what to do)
_SQLITE_PROBLEMS = [
    (
        "database is locked",
        "is locked by another program (another newsdesk command?)",
        "wait for it to finish, or stop it, and run the command again",
    ),
    (
        "readonly database",
        "is read-only",
        "make the file and its folder writable, or copy the database somewhere writable",
    ),
    (
        "file is not a database",
        "is not an SQLite database (or is encrypted)",
        "point --database or database_url at the newsdesk database",
    ),
    (
        "disk image is malformed",
        "is damaged",
        "restore it from a backup, or rescue what is left with: sqlite3 FILE .recover",
    ),
    (
        "unable to open database file",
        "cannot be opened",
        "check that its folder exists and can be written",
    ),
    ("disk i/o error", "could not be read or written (disk I/O error)", "check the disk and the file"),
    ("database or disk is full", "cannot grow: the disk is full", "free some space and run again"),
]


def describe_database_error(exc: BaseException, url: str) -> str | None:
    """One line saying what is wrong with the database and what to do, or None when ``exc``
    is not a problem of the database itself."""
    from sqlalchemy import exc as sa_exc

    where = _where(url)
    message = str(getattr(exc, "orig", None) or exc).strip()
    lowered = message.lower()
    if isinstance(exc, DatabaseDriverMissing):
        return str(exc)
    if isinstance(exc, sa_exc.ArgumentError) and "url" in lowered:
        return f"not a database URL: {url!r}; give one such as sqlite:///newsdesk-data/newsdesk.db"
    if isinstance(exc, sa_exc.NoSuchModuleError):
        plugin = message.rsplit(":", 1)[-1].strip()
        return f"unknown database kind or driver {plugin!r} in {where}; use sqlite:///FILE or e.g. postgresql+psycopg://…"
    if type(exc).__name__ == "CommandError" and type(exc).__module__.startswith("alembic"):
        revision = re.search(r"identified by '([^']+)'", message)
        if revision:
            return (
                f"database {where} has schema revision {revision.group(1)}, which this newsdesk does not know: "
                "it was made by a newer newsdesk (upgrade this one) or by another program"
            )
        return f"database {where}: cannot bring its schema up to date ({message.splitlines()[0]})"
    if isinstance(exc, sa_exc.DBAPIError | sa_exc.OperationalError) or type(exc).__module__ == "sqlite3":
        for words, meaning, todo in _SQLITE_PROBLEMS:
            if words in lowered:
                return f"database {where} {meaning}: {todo}"
        if isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError) and not isinstance(
            exc, sa_exc.ProgrammingError
        ):
            first = message.splitlines()[0] if message else type(exc).__name__
            return f"database {where} cannot be used: {first}"
    return None
