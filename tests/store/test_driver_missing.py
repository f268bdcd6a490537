"""A database URL whose driver is not installed: one line saying what to install."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest


@pytest.mark.skipif(importlib.util.find_spec("psycopg") is not None, reason="psycopg is installed")
def test_postgresql_without_its_driver_is_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", "--database", "postgresql://editor@localhost/newsdesk", "issues"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "PostgreSQL needs the Python driver 'psycopg'" in lines[0]
    assert "pip install 'psycopg[binary]'" in lines[0]
