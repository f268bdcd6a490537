"""``newsdesk worker``: workers share collection and processing without doing anything twice,
retry what failed, and take over the job of a worker that was killed."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from newsdesk.cli import app
from tests.collect.conftest import Reply

from .conftest import poll, serve_outlet, source_rows, stored_articles

# short heartbeats and retries, so that a dead worker is noticed, and a retry comes, in seconds
FAST = ("--heartbeat", "1", "--retry-wait", "0.5")


def test_two_workers_share_the_sources_and_do_nothing_twice(newsdesk, workers, site, postgres_db_url):
    outlets = {"xinhua": "新华网", "people": "人民网", "cctv": "央视网", "chinanews": "中新网"}
    shared = site.url("/people/0.html")  # also in another outlet's feed: one article all the same
    feeds = {
        slug: serve_outlet(
            site, slug, name, 3, feed_delay=0.5, extra_links=[shared] if slug == "cctv" else []
        )
        for slug, name in outlets.items()
    }
    for slug, name in outlets.items():
        newsdesk("source", "add", feeds[slug], "--name", name, "--kind", "feed")

    first = workers.start("--concurrency", "1", "--until-idle", *FAST)
    second = workers.start("--concurrency", "1", "--until-idle", *FAST)
    assert workers.wait(first) == 0, workers.log(first)
    assert workers.wait(second) == 0, workers.log(second)

    rows = stored_articles(postgres_db_url)
    urls = [row.url for row in rows]
    assert len(urls) == 12 and len(set(urls)) == 12  # 4 × 3, the shared one once
    for slug in outlets:
        assert site.hits[f"/{slug}/rss.xml"] == 1, f"{slug} collected {site.hits[f'/{slug}/rss.xml']} times"
    for name, source in source_rows(postgres_db_url).items():
        assert source.last_fetch_at is not None and source.last_error is None, name
    # both workers took collections; what they stored was processed
    logs = workers.log(first), workers.log(second)
    assert all(re.search(r"collect \S+: \d+ new", log) for log in logs), logs
    assert all(row.processed_at is not None for row in rows)
    assert "processed" in "".join(logs)
    status = newsdesk("jobs")
    assert re.search(r"collect\s+0\s+0\s+0", status) and re.search(r"process\s+0\s+0\s+0", status)


def test_the_job_of_a_killed_worker_is_taken_over(newsdesk, workers, site, postgres_db_url):
    slow_page_hits = []

    def slow_the_first_time(normal: Reply):
        def reply(handler) -> Reply:
            slow_page_hits.append(1)
            if len(slow_page_hits) == 1:
                return Reply(body=normal.body, headers=normal.headers, delay=20)
            return normal

        return reply

    slow = serve_outlet(site, "slow", "慢报", 1)
    site.routes["/slow/0.html"] = slow_the_first_time(site.routes["/slow/0.html"])
    fast = serve_outlet(site, "fast", "快报", 2)
    newsdesk("source", "add", slow, "--name", "慢报", "--kind", "feed")
    newsdesk("source", "add", fast, "--name", "快报", "--kind", "feed")

    started = [workers.start("--concurrency", "1", "--until-idle", *FAST) for _ in range(2)]
    poll(lambda: slow_page_hits, what="the slow page being asked for")
    holder = poll(
        lambda: next((w for w in started if "collect 慢报: fetching" in workers.log(w)), None),
        what="the log line of the worker holding the slow job",
    )
    workers.kill(holder)
    survivor = next(w for w in started if w is not holder)
    assert workers.wait(survivor) == 0, workers.log(survivor)

    log = workers.log(survivor)
    assert re.search(r"collect 慢报: its worker stopped answering", log), log
    assert re.search(r"collect 慢报: 1 new", log), log
    assert len(slow_page_hits) == 2
    rows = stored_articles(postgres_db_url)
    assert len(rows) == 3 and len({row.url for row in rows}) == 3
    assert all(row.processed_at is not None for row in rows)
    slow_source = source_rows(postgres_db_url)["慢报"]
    assert slow_source.last_fetch_at is not None and slow_source.last_error is None


def test_a_failing_source_is_retried_and_its_error_recorded(newsdesk, workers, site, postgres_db_url):
    def fails_once(normal: Reply):
        asked = []

        def reply(handler) -> Reply:
            asked.append(1)
            return Reply(status=500, body=b"busy") if len(asked) == 1 else normal

        return reply

    flaky = serve_outlet(site, "flaky", "时好时坏", 2, feed_reply=fails_once)
    broken = serve_outlet(site, "broken", "总是失败", 1)
    site.routes["/broken/rss.xml"] = Reply(status=500, body=b"down")
    newsdesk("source", "add", flaky, "--name", "时好时坏", "--kind", "feed")
    newsdesk("source", "add", broken, "--name", "总是失败", "--kind", "feed")

    worker = workers.start("--until-idle", "--attempts", "3", *FAST)
    assert workers.wait(worker) == 0, workers.log(worker)

    log = workers.log(worker)
    assert site.hits["/flaky/rss.xml"] == 2 and site.hits["/broken/rss.xml"] == 3
    assert re.search(r"collect 时好时坏: failed .*retry in 0\.5s", log), log
    assert re.search(r"collect 总是失败: failed .*attempt 3 of 3: not retried.*HTTP 500", log), log
    assert "Traceback" not in log
    assert len(stored_articles(postgres_db_url)) == 2
    recovered, failing = source_rows(postgres_db_url)["时好时坏"], source_rows(postgres_db_url)["总是失败"]
    assert recovered.last_error is None and recovered.consecutive_failures == 0
    assert "HTTP 500" in failing.last_error and failing.consecutive_failures == 3
    status = newsdesk("jobs")
    assert re.search(r"collect\s+0\s+0\s+1", status) and "collect 总是失败 after 3 attempt(s)" in status
    assert "HTTP 500" in newsdesk("source", "list")


def test_on_sqlite_the_worker_says_in_one_line_what_to_run_instead(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSDESK_CONFIG", raising=False)
    result = CliRunner().invoke(app, ["--database", f"sqlite:///{tmp_path / 'n.db'}", "worker"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "PostgreSQL" in lines[0] and "newsdesk collect" in lines[0] and "newsdesk process" in lines[0]


def test_a_source_is_queued_once_however_often_it_is_asked_for(newsdesk, site):
    for slug, name in (("a", "甲报"), ("b", "乙报")):
        newsdesk("source", "add", serve_outlet(site, slug, name, 1), "--name", name, "--kind", "feed")

    assert "queued 2 collection(s); run newsdesk worker" in newsdesk("jobs", "collect")
    assert "queued 0 collection(s); 2 queued already" in newsdesk("jobs", "collect")
    assert "queued 0 collection(s); 1 queued already" in newsdesk("jobs", "collect", "甲报")
    assert "processing queued" in newsdesk("jobs", "process")
    assert "processing is queued already" in newsdesk("jobs", "process")
    status = newsdesk("jobs")
    assert re.search(r"collect\s+2\s+0\s+0", status) and re.search(r"process\s+1\s+0\s+0", status)
