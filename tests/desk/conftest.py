"""The desk against a real SQLite file: the sample archive imported, labelled stories (and one
hostile article) collected and processed, once per session and copied for each test."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app as cli_app
from newsdesk.config import Settings
from newsdesk.store.db import open_database
from newsdesk.store.editorial import insert_plain_article

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLE_ISSUES = REPO_ROOT / "src" / "newsdesk" / "samples" / "issues"
STORIES = REPO_ROOT / "tests" / "fixtures" / "editorial" / "stories.jsonl"
ARTIFACTS = REPO_ROOT / "test-artifacts"

PASSWORD = "correct horse battery"
# An article whose title and body carry script: the desk must show it as text, never run it.
HOSTILE_TITLE = "跨境电商<script>window.__pwned = 1; document.title = 'pwned'</script>新规出台"
HOSTILE_BODY = (
    '商务部发布《跨境电商管理办法》。<img src=x onerror="window.__pwned = 2">该办法自2022年7月1日起施行，'
    '跨境电商企业须登记。\n<svg onload="window.__pwned = 3"></svg>办法明确了平台责任。'
)


def run_cli(url: str, *args: str, input: str | None = None):
    result = CliRunner().invoke(cli_app, ["--database", url, *args], input=input, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("desk-seed")
    path = folder / "newsdesk.db"
    url = f"sqlite:///{path}"
    run_cli(url, "import", str(SAMPLE_ISSUES))
    engine = open_database(url)
    rows = [json.loads(line) for line in STORIES.read_text("utf-8").splitlines()]
    for n, row in enumerate(rows[:60]):
        when = dt.datetime.fromisoformat(row["date"]).replace(hour=2, tzinfo=dt.UTC)
        insert_plain_article(
            engine, row["title"], row["body"], row["outlet"], when, f"https://example.invalid/{n}"
        )
    insert_plain_article(
        engine,
        HOSTILE_TITLE,
        HOSTILE_BODY,
        "人民网",
        dt.datetime(2022, 6, 20, 2, tzinfo=dt.UTC),
        "https://example.invalid/hostile",
    )
    run_cli(url, "process")
    run_cli(url, "user", "add", "editor1", "--role", "editor", "--password-stdin", input=PASSWORD + "\n")
    run_cli(url, "user", "add", "editor2", "--role", "editor", "--password-stdin", input=PASSWORD + "\n")
    run_cli(url, "user", "add", "reader", "--role", "viewer", "--password-stdin", input=PASSWORD + "\n")
    run_cli(url, "user", "add", "boss", "--role", "admin", "--password-stdin", input=PASSWORD + "\n")
    with engine.connect() as conn:  # everything into the main file, so that a copy of it is whole
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def desk_settings(seeded_template: Path, tmp_path: Path) -> Settings:
    path = tmp_path / "newsdesk.db"
    shutil.copy(seeded_template, path)
    return Settings(database_url=f"sqlite:///{path}", data_dir=tmp_path / "data")


@pytest.fixture
def desk_app(desk_settings):
    from newsdesk.desk.app import create_app

    return create_app(desk_settings)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def desk_url(desk_app):
    """The desk served by uvicorn on loopback in a background thread."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(desk_app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the desk did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


CHROMIUM = Path("/usr/bin/chromium")


# Module scope, not session: Playwright's sync API keeps an event loop running in this thread
# while it is open, and later tests that call asyncio.run (collect, the demo) must not see it.
@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(
            "the browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the browser tests need playwright (pip install -e '.[dev]')")
    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser, request):
    """A fresh browser context; on failure its screenshot is kept under test-artifacts/."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.console_messages = []
    page.on("console", lambda m: page.console_messages.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: page.console_messages.append(f"pageerror: {e}"))
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        target = ARTIFACTS / f"{request.node.name}.png"
        try:
            page.screenshot(path=str(target), full_page=True)
            (ARTIFACTS / f"{request.node.name}.console.txt").write_text(
                "\n".join(page.console_messages), encoding="utf-8"
            )
            print(f"screenshot of the failure: {target}")
        except Exception as exc:  # the page may be gone with the failure
            print(f"no screenshot: {exc}")
    context.close()


def sign_in(page, base: str, name: str = "editor1", password: str = PASSWORD) -> None:
    page.goto(base + "/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", password)
    page.click("form.login button[type=submit]")
    page.wait_for_url(base + ("/archive" if name == "reader" else "/inbox"))
