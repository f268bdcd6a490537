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


@pytest.fixture
def db_url(tmp_path: Path) -> str:
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
