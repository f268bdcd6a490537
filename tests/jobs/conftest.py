"""Workers end to end: a real PostgreSQL database, news sites on loopback, and real
``newsdesk worker`` processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.store.schema import articles, sources
from tests.collect.conftest import LoopbackServer, Reply, html_page

# what a source's stories are made of: a different figure in each, so that no two are one story
_SENTENCES = (
    "{outlet}消息，第{n}家跨境电商企业在{city}设立海外仓，首期投资{amount}亿元。",
    "该企业负责人介绍，海外仓将服务{n}0个国家的消费者，预计年处理订单{amount}00万单。",
    "{city}商务部门表示，将继续支持外贸新业态发展，完善物流和支付配套。",
)
_CITIES = ("杭州", "深圳", "郑州", "宁波", "厦门", "青岛", "成都", "武汉")


def story(outlet: str, n: int) -> tuple[str, str]:
    city = _CITIES[n % len(_CITIES)]
    title = f"{city}第{n}家企业设立海外仓（{outlet}）"
    body = "\n".join(s.format(outlet=outlet, n=n, city=city, amount=n + 2) for s in _SENTENCES)
    return title, body


def serve_outlet(
    server: LoopbackServer,
    slug: str,
    outlet: str,
    count: int,
    *,
    feed_reply: Callable | None = None,
    feed_delay: float = 0.0,
    extra_links: list[str] = (),
    page_reply: dict[int, Callable] | None = None,
) -> str:
    """A feed of ``count`` article pages under /slug/; returns the feed's URL."""
    items = []
    for n in range(count):
        title, body = story(outlet, zlib.crc32(slug.encode()) % 80 + 10 + n)
        path = f"/{slug}/{n}.html"
        page = Reply(
            body=html_page(title, body).encode(), headers={"Content-Type": "text/html; charset=utf-8"}
        )
        server.route(path, (page_reply or {}).get(n, page))
        items.append(f"<item><title>{title}</title><link>{server.url(path)}</link></item>")
    items += [f"<item><title>转载</title><link>{link}</link></item>" for link in extra_links]
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{outlet}</title>{''.join(items)}</channel></rss>"
    ).encode()
    reply = Reply(body=feed, headers={"Content-Type": "application/rss+xml"}, delay=feed_delay)
    return server.route(f"/{slug}/rss.xml", feed_reply(reply) if feed_reply else reply)


@pytest.fixture
def site():
    running = LoopbackServer()
    running.start()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def column_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One column model for the session, trained here as the first ``process`` on an empty
    archive would (from the shipped examples: seconds), so that the workers load it."""
    from newsdesk.editorial.columns import ColumnModel, with_bundled

    path = tmp_path_factory.mktemp("model") / "columns.pkl"
    path.write_bytes(ColumnModel().fit(with_bundled([])).dumps())
    return path


@pytest.fixture
def newsdesk(postgres_db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, column_model: Path):
    """Run a newsdesk command in this process against the test's PostgreSQL database."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    for key, value in worker_environment(postgres_db_url, tmp_path, column_model).items():
        if key.startswith("NEWSDESK_COLLECT__"):
            monkeypatch.setenv(key, value)
    runner = CliRunner()

    def run(*args: str):
        result = runner.invoke(app, ["--database", postgres_db_url, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    return run


def worker_environment(database_url: str, tmp_path: Path, column_model: Path) -> dict[str, str]:
    return {
        "NEWSDESK_EDITORIAL__MODEL_PATH": str(column_model),
        "NEWSDESK_DATABASE_URL": database_url,
        "NEWSDESK_DATA_DIR": str(tmp_path / "data"),
        "NEWSDESK_COLLECT__ALLOW_NETWORKS": '["loopback"]',
        "NEWSDESK_COLLECT__TIMEOUT_SECONDS": "20",
        "NEWSDESK_COLLECT__RETRIES": "0",  # a failure is the job's to retry
        "NEWSDESK_COLLECT__PER_HOST_INTERVAL_SECONDS": "0",
        "NEWSDESK_COLLECT__PER_HOST_CONCURRENCY": "8",
        "NEWSDESK_COLLECT__EXTRACT_WORKERS": "1",
        "NEWSDESK_EDITORIAL__WORKERS": "1",
        "COLUMNS": "250",  # a log line stays one line
    }


class Workers:
    """``newsdesk worker`` processes, each in a process group of its own, logging to a file."""

    def __init__(self, database_url: str, tmp_path: Path, column_model: Path) -> None:
        self.tmp_path = tmp_path
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
        self.env.update(worker_environment(database_url, tmp_path, column_model))
        self.started: list[tuple[subprocess.Popen, Path]] = []

    def start(self, *options: str) -> subprocess.Popen:
        log = self.tmp_path / f"worker-{len(self.started) + 1}.log"
        process = subprocess.Popen(
            [sys.executable, "-m", "newsdesk", "worker", *options],
            cwd=self.tmp_path,
            env=self.env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.started.append((process, log))
        return process

    def log(self, process: subprocess.Popen) -> str:
        return next(log for p, log in self.started if p is process).read_text()

    def wait(self, process: subprocess.Popen, timeout: float = 45) -> int:
        try:
            return process.wait(timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the worker did not stop in {timeout}s:\n{self.log(process)}")

    def kill(self, process: subprocess.Popen) -> None:
        """kill -9 the worker and its extraction processes, as a machine that dies."""
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)

    def stop_all(self) -> None:
        for process, _ in self.started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(10)


@pytest.fixture
def workers(postgres_db_url: str, tmp_path: Path, column_model: Path):
    running = Workers(postgres_db_url, tmp_path, column_model)
    yield running
    running.stop_all()


def poll(condition: Callable[[], object], timeout: float = 30, what: str = "the condition") -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"{what} did not happen in {timeout}s")


def stored_articles(database_url: str) -> list:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(select(articles).order_by(articles.c.url)))
    finally:
        engine.dispose()


def source_rows(database_url: str) -> dict:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            return {row.name: row for row in conn.execute(select(sources))}
    finally:
        engine.dispose()
