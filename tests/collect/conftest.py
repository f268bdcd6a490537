"""A real HTTP server on loopback, serving fixtures and misbehaving on request."""

from __future__ import annotations

import gzip
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsdesk.config import CollectSettings

COLLECT_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "collect"


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str | None] = field(default_factory=dict)
    delay: float = 0.0  # before the headers
    trickle: float = 0.0  # pause between 1-byte chunks of the body (a slow server)


Route = Reply | Callable[["Handler"], Reply]


class LoopbackServer:
    def __init__(self, tls: bool = False) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.scheme = "https" if tls else "http"
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if tls:  # a certificate for "localhost" only, trusted through collect.ca_bundle
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(
                COLLECT_FIXTURES / "localhost-cert.pem", COLLECT_FIXTURES / "localhost-key.pem"
            )
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self._server.daemon_threads = True
        self._server.owner = self  # type: ignore[attr-defined]
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"

    def route(self, path: str, reply: Route) -> str:
        self.routes[path] = reply
        return self.url(path)

    def fixture(self, path: str, name: str, content_type: str = "text/html; charset=utf-8", **extra) -> str:
        body = (COLLECT_FIXTURES / name).read_bytes()
        return self.route(path, Reply(body=body, headers={"Content-Type": content_type, **extra}))

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        owner: LoopbackServer = self.server.owner  # type: ignore[attr-defined]
        path = self.path
        owner.hits[path] = owner.hits.get(path, 0) + 1
        owner.requests.append((path, dict(self.headers)))
        route = owner.routes.get(path) or owner.routes.get(path.split("?", 1)[0])
        if route is None:
            reply = Reply(status=404, body=b"not found", headers={"Content-Type": "text/plain"})
        else:
            reply = route(self) if callable(route) else route
        if reply.delay:
            time.sleep(reply.delay)
        try:
            self.send_response(reply.status)
            headers = {"Content-Length": str(len(reply.body)), **reply.headers}
            for key, value in headers.items():
                if value is not None:  # None leaves a header out (no Content-Length: read to close)
                    self.send_header(key, value)
            self.end_headers()
            if reply.trickle:
                for index in range(len(reply.body)):
                    self.wfile.write(reply.body[index : index + 1])
                    self.wfile.flush()
                    time.sleep(reply.trickle)
            else:
                self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture
def server():
    running = LoopbackServer()
    running.start()
    yield running
    running.stop()


@pytest.fixture
def tls_server():
    running = LoopbackServer(tls=True)
    running.start()
    yield running
    running.stop()


@pytest.fixture
def collect_settings() -> CollectSettings:
    """Small limits so that misbehaving servers cost the suite milliseconds."""
    return CollectSettings(
        allow_networks=["loopback"],
        timeout_seconds=2.0,
        retries=2,
        backoff_seconds=0.01,
        per_host_interval_seconds=0.0,
        per_host_concurrency=4,
        max_body_bytes=1024 * 1024,
        max_retry_after_seconds=2.0,
        extract_workers=1,
    )


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data)


def html_page(
    title: str, body: str, *, head: str = "", charset: str = "utf-8", date: str = "2022年06月28日 10:21"
) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    return (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="{charset}"><title>{title}</title>{head}</head>'
        '<body><div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a> <a href="/finance/">财经</a></div>'
        f'<div class="main"><h1>{title}</h1><div class="info">{date} 来源：测试网</div>'
        f'<div class="article">{paragraphs}</div></div>'
        '<div class="footer">版权所有 测试网 京ICP备00000000号</div></body></html>'
    )
