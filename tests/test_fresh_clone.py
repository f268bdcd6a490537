"""A clone with no ``../shared`` beside it: the suite collects, and the tests that read the
shared samples skip with their reason instead of erroring.

The repository's tracked files are copied to a temporary folder (whose parent has no
``shared/``) and pytest runs there, on the copy's own sources, in a subprocess.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
# the tests that read ../shared/samples; the fresh clone runs them to see them skip
SHARED_READERS = ["tests/archive/test_parse_excerpt.py", "tests/archive/test_import_cli.py"]


def _tracked_files() -> list[str]:
    if shutil.which("git") is None or not (REPO_ROOT / ".git").exists():
        pytest.skip("not a git checkout: cannot tell the repository's files")
    done = subprocess.run(["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=True)
    return [name for name in done.stdout.decode().split("\0") if name]


@pytest.fixture(scope="module")
def fresh_clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    clone = tmp_path_factory.mktemp("fresh") / "newsdesk"
    for name in _tracked_files():
        source = REPO_ROOT / name
        if not source.is_file():  # deleted in the work tree, not yet committed
            continue
        target = clone / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    assert not (clone.parent / "shared").exists()
    return clone


def _pytest(clone: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    # the copy's own package, not the checkout the virtualenv was installed from
    env["PYTHONPATH"] = str(clone / "src")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_whole_suite_collects_without_shared(fresh_clone):
    done = _pytest(fresh_clone, "--collect-only")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.splitlines()[-1], done.stdout


def test_tests_of_the_shared_samples_skip_with_their_reason(fresh_clone):
    done = _pytest(fresh_clone, "-rs", *SHARED_READERS)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    summary = out.strip().splitlines()[-1]
    assert "failed" not in summary and "error" not in summary, out
    skips = [line for line in out.splitlines() if line.startswith("SKIPPED")]
    assert skips, out
    assert all("the real issue excerpt is not beside this clone" in line for line in skips), out
    # the rest of those files ran on the project's own samples
    assert " passed" in summary, out


def test_the_copy_imports_its_own_sources(fresh_clone):
    env = {**os.environ, "PYTHONPATH": str(fresh_clone / "src")}
    done = subprocess.run(
        [sys.executable, "-c", "import newsdesk; print(newsdesk.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip().startswith(str(fresh_clone)), done.stdout
