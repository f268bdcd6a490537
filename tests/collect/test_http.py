"""The fetcher against a real server on loopback that misbehaves in every way we know."""

from __future__ import annotations

import asyncio
import gzip
import time

import pytest

from newsdesk.collect.http import Fetcher
from newsdesk.collect.records import CollectError, SourceGoneError
from newsdesk.config import CollectSettings

from .conftest import COLLECT_FIXTURES, Reply


def fetch(settings: CollectSettings, url: str, **kwargs):
    async def run():
        async with Fetcher(settings) as fetcher:
            return await fetcher.fetch(url, **kwargs)

    return asyncio.run(run())


def test_user_agent_and_conditional_get(server, collect_settings):
    def feed(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return Reply(status=304)
        return Reply(
            body=b"<rss/>", headers={"ETag": '"v1"', "Last-Modified": "Tue, 28 Jun 2022 02:00:00 GMT"}
        )

    url = server.route("/feed", feed)
    settings = collect_settings.model_copy(
        update={"user_agent": "digest-bot/2.0 (+mailto:desk@example.invalid)"}
    )
    first = fetch(settings, url)
    assert first.etag == '"v1"' and first.last_modified.startswith("Tue")
    again = fetch(settings, url, etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    agents = {headers.get("User-Agent") for path, headers in server.requests if path == "/feed"}
    assert agents == {"digest-bot/2.0 (+mailto:desk@example.invalid)"}


def test_loopback_private_and_link_local_targets_are_refused_unless_allowed(server, collect_settings):
    url = server.route("/a", Reply(body=b"hello"))
    closed = collect_settings.model_copy(update={"allow_networks": []})
    with pytest.raises(CollectError, match="127.0.0.1, a loopback address"):
        fetch(closed, url)
    with pytest.raises(CollectError, match="loopback address"):
        fetch(closed, url.replace("127.0.0.1", "localhost"))  # resolved, then checked
    with pytest.raises(CollectError, match="private address"):
        fetch(collect_settings, "http://10.1.2.3/internal")
    with pytest.raises(CollectError, match="link-local address"):
        fetch(collect_settings, "http://169.254.169.254/latest/meta-data/")
    assert server.hits.get("/a") is None  # never contacted


def test_every_redirect_hop_is_checked(server, collect_settings):
    url = server.route("/go", Reply(status=302, headers={"Location": "http://169.254.169.254/latest/"}))
    with pytest.raises(CollectError, match="link-local"):
        fetch(collect_settings, url)
    server.route("/moved", Reply(status=301, headers={"Location": "/final"}))
    server.route("/final", Reply(body="到了".encode()))
    assert fetch(collect_settings, server.url("/moved")).url.endswith("/final")


def test_redirect_loops_and_long_chains_stop(server, collect_settings):
    server.route("/loop-a", Reply(status=302, headers={"Location": "/loop-b"}))
    server.route("/loop-b", Reply(status=302, headers={"Location": "/loop-a"}))
    with pytest.raises(CollectError, match="redirect loop"):
        fetch(collect_settings, server.url("/loop-a"))
    for index in range(10):
        server.route(f"/hop{index}", Reply(status=307, headers={"Location": f"/hop{index + 1}"}))
    with pytest.raises(CollectError, match="too many redirects"):
        fetch(collect_settings, server.url("/hop0"))


def test_bodies_beyond_the_cap_stop_early(server, collect_settings):
    declared = server.route("/big", Reply(body=b"", headers={"Content-Length": str(50 * 1024 * 1024)}))
    with pytest.raises(CollectError, match="body too large: 52,428,800 bytes declared"):
        fetch(collect_settings, declared)

    def endless(handler):
        # No Content-Length: the cap is enforced while streaming.
        return Reply(body=b"x" * (3 * 1024 * 1024), headers={"Content-Length": None, "Connection": "close"})

    server.route("/stream", endless)
    with pytest.raises(CollectError, match="body too large"):
        fetch(collect_settings, server.url("/stream"))


def test_gzip_bomb_is_cut_at_the_cap(server, collect_settings):
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024))  # 50 MB of zeros in ~50 KB
    assert len(bomb) < 100 * 1024
    url = server.route(
        "/bomb", Reply(body=bomb, headers={"Content-Encoding": "gzip", "Content-Type": "text/html"})
    )
    started = time.monotonic()
    with pytest.raises(CollectError, match="expands beyond the cap"):
        fetch(collect_settings, url)
    assert time.monotonic() - started < 2
    small = server.route(
        "/gz", Reply(body=gzip.compress("压缩的正文".encode()), headers={"Content-Encoding": "gzip"})
    )
    assert fetch(collect_settings, small).body.decode() == "压缩的正文"


def test_slow_servers_time_out(server, collect_settings):
    settings = collect_settings.model_copy(update={"timeout_seconds": 0.3, "retries": 0})
    server.route("/stall", Reply(body=b"late", delay=1.0))
    with pytest.raises(CollectError, match="timed out after 0.3s"):
        fetch(settings, server.url("/stall"))
    # Trickling one byte at a time never trips a per-read timeout; the overall deadline does.
    server.route("/trickle", Reply(body=b"x" * 100, trickle=0.05))
    started = time.monotonic()
    with pytest.raises(CollectError, match="timed out"):
        fetch(settings, server.url("/trickle"))
    assert time.monotonic() - started < 1.5


def test_gone_is_reported_as_gone(server, collect_settings):
    server.route("/old", Reply(status=410, body=b"gone"))
    with pytest.raises(SourceGoneError, match="HTTP 410"):
        fetch(collect_settings, server.url("/old"))
    with pytest.raises(SourceGoneError, match="HTTP 404"):
        fetch(collect_settings, server.url("/never-existed"))


def test_server_errors_are_retried_with_backoff_then_reported(server, collect_settings):
    server.route("/broken", Reply(status=500, body=b"oops"))
    with pytest.raises(CollectError, match=r"HTTP 500 Internal Server Error \(after 3 attempts\)"):
        fetch(collect_settings, server.url("/broken"))
    assert server.hits["/broken"] == 3

    calls = []

    def flaky(handler):
        calls.append(1)
        return Reply(status=503) if len(calls) < 3 else Reply(body="恢复了".encode())

    server.route("/flaky", flaky)
    assert fetch(collect_settings, server.url("/flaky")).body.decode() == "恢复了"


def test_429_retry_after_is_honoured(server, collect_settings):
    calls = []

    def limited(handler):
        calls.append(time.monotonic())
        return Reply(status=429, headers={"Retry-After": "1"}) if len(calls) == 1 else Reply(body=b"ok")

    server.route("/limited", limited)
    assert fetch(collect_settings, server.url("/limited")).body == b"ok"
    assert calls[1] - calls[0] >= 0.95

    server.route("/wait-long", Reply(status=429, headers={"Retry-After": "3600"}))
    with pytest.raises(CollectError, match="asks to wait 3600s"):
        fetch(collect_settings, server.url("/wait-long"))


def test_robots_txt_is_respected(server, collect_settings):
    server.route("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /private/\n"))
    server.route("/private/a.html", Reply(body=b"secret"))
    server.route("/public/a.html", Reply(body=b"open"))
    with pytest.raises(CollectError, match="robots.txt .* disallows"):
        fetch(collect_settings, server.url("/private/a.html"))
    assert fetch(collect_settings, server.url("/public/a.html")).body == b"open"
    assert "/private/a.html" not in server.hits
    ignoring = collect_settings.model_copy(update={"respect_robots_txt": False})
    assert fetch(ignoring, server.url("/private/a.html")).body == b"secret"


def test_per_host_rate_limit_spaces_requests(server, collect_settings):
    server.route("/r", Reply(body=b"ok"))
    settings = collect_settings.model_copy(
        update={"per_host_interval_seconds": 0.2, "per_host_concurrency": 4}
    )

    async def run():
        async with Fetcher(settings) as fetcher:
            await asyncio.gather(*(fetcher.fetch(server.url(f"/r?n={n}")) for n in range(4)))

    started = time.monotonic()
    asyncio.run(run())
    # robots.txt and four pages: five starts, at least 0.2 s apart.
    assert time.monotonic() - started >= 0.75


def test_robots_crawl_delay_spaces_requests(server, collect_settings):
    server.route("/robots.txt", Reply(body=b"User-agent: *\nCrawl-delay: 1\n"))
    server.route("/p", Reply(body=b"ok"))

    async def run():
        async with Fetcher(collect_settings) as fetcher:
            for n in range(2):
                await fetcher.fetch(server.url(f"/p?n={n}"))

    started = time.monotonic()
    asyncio.run(run())
    assert time.monotonic() - started >= 0.95


def test_https_connects_to_the_checked_address_and_verifies_the_name(tls_server, collect_settings):
    tls_server.route("/feed", Reply(body="加密的订阅源".encode()))
    trusting = collect_settings.model_copy(update={"ca_bundle": COLLECT_FIXTURES / "localhost-cert.pem"})
    # "localhost" is resolved and checked by us, then the connection goes to that address with
    # the name sent as SNI and verified against the certificate.
    assert fetch(trusting, tls_server.url("/feed", host="localhost")).body.decode() == "加密的订阅源"
    with pytest.raises(CollectError, match="TLS certificate rejected"):
        fetch(trusting, tls_server.url("/feed"))  # the certificate does not name 127.0.0.1
    with pytest.raises(CollectError, match="TLS certificate rejected"):
        fetch(collect_settings, tls_server.url("/feed", host="localhost"))  # an unknown authority
    assert tls_server.hits["/feed"] == 1  # rejected certificates are not retried
