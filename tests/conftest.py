"""Shared test fixtures: a real SQLite file per test, the CLI runner, paths to samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# CI lays shared/ beside the clone; the real excerpt is read from there, never copied in.
# Elsewhere the tests that read it skip; .ci/run sets NEWSDESK_REQUIRE_SHARED=1 so that in
# CI a missing excerpt fails instead of skipping unnoticed.
SHARED_SAMPLES = REPO_ROOT.parent / "shared" / "samples"
REQUIRE_SHARED = os.environ.get("NEWSDESK_REQUIRE_SHARED") == "1"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def real_excerpt() -> Path:
    path = SHARED_SAMPLES / "issue_excerpt.txt"
    if not path.exists():
        message = f"the real issue excerpt is not beside this clone ({path}); CI provides it"
        if REQUIRE_SHARED:
            pytest.fail(message)
        pytest.skip(message)
    return path


# --- the databases a test runs on -------------------------------------------------------------
# A test that takes ``db_url`` runs on an SQLite file; marked ``both_databases`` (or with
# NEWSDESK_TEST_ALL_ON_POSTGRES=1, every such test) it runs a second time on PostgreSQL, in a
# fresh database copied from a migrated template. In CI (NEWSDESK_REQUIRE_POSTGRES=1) a missing
# server fails instead of skipping.
REQUIRE_POSTGRES = os.environ.get("NEWSDESK_REQUIRE_POSTGRES") == "1"
ALL_ON_POSTGRES = os.environ.get("NEWSDESK_TEST_ALL_ON_POSTGRES") == "1"
TEMPLATE_DATABASE = "newsdesk_template"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "both_databases: run the test on SQLite and again on PostgreSQL (db_url)"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_url" not in metafunc.fixturenames:
        return
    if ALL_ON_POSTGRES or metafunc.definition.get_closest_marker("both_databases"):
        metafunc.parametrize("db_backend", ["sqlite", "postgresql"], scope="function")


@pytest.fixture
def db_backend() -> str:
    """sqlite unless the test is parametrized over both databases."""
    return "sqlite"


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a PostgreSQL server's maintenance database (``…/postgres``), or skip."""
    import tempfile

    from tests.postgres_server import server_binaries, start, stop

    given = os.environ.get("NEWSDESK_TEST_POSTGRES")
    if given:
        yield given
        return
    if server_binaries() is None:
        message = "no PostgreSQL server: set NEWSDESK_TEST_POSTGRES or install one (Debian: apt-get install postgresql)"
        if REQUIRE_POSTGRES:
            pytest.fail(message)
        pytest.skip(message)
    data_dir = Path(tempfile.mkdtemp(prefix="newsdesk-pg-"))
    try:
        url = start(data_dir)
    except Exception as exc:  # noqa: BLE001 - say why and skip (or fail in CI)
        if REQUIRE_POSTGRES:
            pytest.fail(f"could not start PostgreSQL: {exc}")
        pytest.skip(f"could not start PostgreSQL: {exc}")
    yield url
    stop(data_dir)
    import shutil

    shutil.rmtree(data_dir, ignore_errors=True)


def _admin_engine(server_url: str):
    from sqlalchemy import create_engine

    return create_engine(server_url, isolation_level="AUTOCOMMIT", poolclass=_null_pool())


def _null_pool():
    from sqlalchemy.pool import NullPool

    return NullPool


def _with_database(server_url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_template(postgres_server: str) -> str:
    """A database migrated to the newest schema once per session; tests copy it."""
    from sqlalchemy import text

    from newsdesk.store.db import open_database

    admin = _admin_engine(postgres_server)
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {TEMPLATE_DATABASE} WITH (FORCE)"))
        connection.execute(text(f"CREATE DATABASE {TEMPLATE_DATABASE}"))
    engine = open_database(_with_database(postgres_server, TEMPLATE_DATABASE))
    engine.dispose()
    admin.dispose()
    return postgres_server


_database_serial = 0


@pytest.fixture
def postgres_db_url(request: pytest.FixtureRequest) -> str:
    """A fresh PostgreSQL database at the newest schema, dropped after the test."""
    from sqlalchemy import text

    from newsdesk.store import session

    global _database_serial
    server = request.getfixturevalue("postgres_template")
    _database_serial += 1
    name = f"newsdesk_test_{os.getpid()}_{_database_serial}"
    admin = _admin_engine(server)
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE_DATABASE}"))
    yield _with_database(server, name)
    # the commands keep engines open (store.session pools them): close them before dropping
    session.close_engines()
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture
def db_url(tmp_path: Path, db_backend: str, request: pytest.FixtureRequest) -> str:
    if db_backend == "postgresql":
        return request.getfixturevalue("postgres_db_url")
    return f"sqlite:///{tmp_path / 'newsdesk.db'}"


@pytest.fixture
def cli(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run the CLI against a fresh SQLite file; returns the click Result."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, ["--database", db_url, *args], input=input, catch_exceptions=False)

    return run
