"""What sources, feeds and servers say is printed as it is: Rich markup in a source name, a
feed title or a server's status line is not taken for formatting, and terminal escape codes
never reach the terminal."""

from __future__ import annotations

import json

import pytest

from .conftest import Reply, html_page


@pytest.fixture
def loopback_env(monkeypatch):
    for key, value in {
        "ALLOW_NETWORKS": '["loopback"]',
        "TIMEOUT_SECONDS": "2",
        "RETRIES": "1",
        "BACKOFF_SECONDS": "0.01",
        "PER_HOST_INTERVAL_SECONDS": "0",
        "EXTRACT_WORKERS": "1",
    }.items():
        monkeypatch.setenv(f"NEWSDESK_COLLECT__{key}", value)


def test_a_source_named_like_markup_lists_and_removes(cli, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    added = cli("source", "add", str(inbox), "--name", "[/x]")
    assert added.exit_code == 0 and "added [/x]: folder" in added.output
    for _ in range(2):
        listing = cli("source", "list")
        assert listing.exit_code == 0, listing.output
        assert "[/x]" in listing.output
    assert cli("source", "pause", "[/x]").output.strip() == "[/x]: paused"
    removed = cli("source", "remove", "[/x]")
    assert removed.exit_code == 0 and removed.output.startswith("removed [/x] (")


def test_a_feed_title_of_markup_and_escape_codes_becomes_a_clean_name(cli, server, loopback_env):
    rss = '<rss version="2.0"><channel><title>[/x]</title><item><title>t</title><link>http://127.0.0.1/a</link></item></channel></rss>'
    url = server.route("/rss.xml", Reply(body=rss.encode(), headers={"Content-Type": "application/rss+xml"}))
    added = cli("source", "add", url)
    assert added.exit_code == 0, added.output
    assert "added [/x]: feed" in added.output

    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "\u001b[2J\u001b]0;owned\u0007人民网\u202e",
        "items": [{"url": "http://127.0.0.1/b", "title": "t"}],
    }
    url = server.route(
        "/feed.json", Reply(body=json.dumps(feed).encode(), headers={"Content-Type": "application/feed+json"})
    )
    added = cli("source", "add", url)
    assert added.exit_code == 0, added.output
    assert "\x1b" not in added.output and "\x07" not in added.output and "\u202e" not in added.output
    assert "added [2J]0;owned人民网: feed" in added.output
    assert "\x1b" not in cli("source", "list").output


def test_a_status_line_of_markup_is_reported_and_listed(cli, server, loopback_env):
    def broken(handler):
        handler.responses = {500: ("[/x] boom", "")}  # the reason phrase the server sends
        return Reply(status=500, body=b"no")

    url = server.route("/rss.xml", broken)
    assert cli("source", "add", url, "--name", "坏站", "--kind", "feed").exit_code == 0
    collected = cli("collect")
    assert "[/x] boom" in collected.output and "1 failed" in collected.output
    listing = cli("source", "list")
    assert listing.exit_code == 0 and "last error: HTTP 500 [/x] boom" in listing.output


def test_a_page_title_of_markup_is_processed_and_listed(cli, server, loopback_env):
    body = "据商务部统计，今年上半年全国网上零售额达到6.3万亿元，同比增长3.1%。\n实物商品网上零售额占社会消费品零售总额的比重为25.9%。"
    page = server.route(
        "/a/1.html", Reply(body=html_page("[/x] 上半年网上零售额[bold]6.3万亿元", body).encode())
    )
    assert cli("source", "add", page, "--name", "站", "--kind", "page").exit_code == 0
    assert "1 new" in cli("collect").output
    processed = cli("process")
    assert processed.exit_code == 0, processed.output
    clusters = cli("clusters")
    assert clusters.exit_code == 0, clusters.output
    assert "[/x]" in clusters.output
