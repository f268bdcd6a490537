"""Kill the collector with SIGKILL mid-run, run it again: nothing lost, nothing stored twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from newsdesk.store.db import open_database
from newsdesk.store.sources import add_source

from .conftest import Reply, html_page

ARTICLES = 40


def collector_env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env.update(
        {
            "NEWSDESK_COLLECT__ALLOW_NETWORKS": '["loopback"]',
            "NEWSDESK_COLLECT__PER_HOST_INTERVAL_SECONDS": "0",
            "NEWSDESK_COLLECT__PER_HOST_CONCURRENCY": "2",
            "NEWSDESK_COLLECT__EXTRACT_WORKERS": "1",
            "NEWSDESK_COLLECT__TIMEOUT_SECONDS": "5",
        }
    )
    return env


def count(engine) -> int:
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
    except SQLAlchemyError:  # locked for a moment by the collector
        return 0


@pytest.mark.both_databases
@pytest.mark.parametrize("kill_after", [0, 3, 25])
def test_killed_collector_resumes_without_loss_or_duplicates(server, tmp_path, kill_after, db_url):
    items = []
    for index in range(ARTICLES):
        path = f"/n1/2022/07/{index:03d}.html"
        body = f"第{index}篇：商务部数据显示，上半年全国网上零售额同比增长3.1%。\n实物商品网上零售额占比为25.9%，较一季度提高。"
        # Slow pages keep the run going long enough to be killed in the middle.
        server.route(path, Reply(body=html_page(f"电商动态第{index}篇", body).encode(), delay=0.05))
        items.append(f"<item><title>电商动态第{index}篇</title><link>{server.url(path)}</link></item>")
    feed = server.route(
        "/rss.xml",
        Reply(body=f'<rss version="2.0"><channel><title>x</title>{"".join(items)}</channel></rss>'.encode()),
    )
    command = [sys.executable, "-m", "newsdesk", "--database", db_url]
    env = collector_env(tmp_path)
    engine = open_database(db_url)
    add_source(
        engine,
        name="人民网",
        location=feed,
        kind="feed",
        interval_seconds=1800,
    )

    process = subprocess.Popen(
        [*command, "collect"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while count(engine) < kill_after or (kill_after == 0 and server.hits.get("/rss.xml") is None):
        assert process.poll() is None, "the collector finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)  # the collector and its extraction workers
    process.wait()
    interrupted = count(engine)
    assert interrupted < ARTICLES

    rerun = subprocess.run([*command, "collect"], env=env, capture_output=True, text=True, timeout=60)
    assert rerun.returncode == 0, rerun.stderr
    assert f"collected {ARTICLES - interrupted} new article(s)" in rerun.stdout

    with engine.connect() as conn:
        urls = [row[0] for row in conn.execute(text("SELECT url FROM articles"))]
        error, failures = conn.execute(text("SELECT last_error, consecutive_failures FROM sources")).one()
    engine.dispose()
    assert len(urls) == len(set(urls)) == ARTICLES
    assert sorted(urls) == sorted(server.url(f"/n1/2022/07/{i:03d}.html") for i in range(ARTICLES))
    assert error is None and failures == 0
