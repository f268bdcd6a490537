"""The fetcher: the only place that speaks HTTP.

Everything a hostile or broken server can do to us is bounded here: bodies are streamed and
cut at a size cap (after decompression, so a gzip bomb stops early), every request has an
overall deadline (a server trickling bytes cannot hold us), redirects are followed by hand
so that each hop is checked, and every host name is resolved by us, checked against the
allowed networks, and then connected to at exactly that address (no second DNS answer can
point us into the LAN). Retries back off exponentially; 429/503 Retry-After is honoured.
"""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import logging
import random
import socket
import ssl
import time
import zlib
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from newsdesk.collect.records import CollectError, FetchedResource, SourceGoneError
from newsdesk.config import CollectSettings
from newsdesk.text.encoding import NotTextError, decode_bytes

log = logging.getLogger(__name__)

_REDIRECTS = (301, 302, 303, 307, 308)
_RETRYABLE = (500, 502, 503, 504, 429)
_ROBOTS_MAX_BYTES = 512 * 1024
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class _Target:
    """A URL split into what we connect to and what we tell the server."""

    url: str
    host: str
    address: str  # the checked IP address we connect to


def address_category(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """``loopback``, ``link-local`` or ``private`` for addresses outside the public internet."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback or ip.is_unspecified:  # 0.0.0.0 reaches this machine too
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_private or ip.is_reserved or ip.is_multicast or ip in ipaddress.ip_network("100.64.0.0/10"):
        return "private"
    return None


class HostGate:
    """Per-host concurrency and minimum spacing between request starts."""

    def __init__(self, concurrency: int, interval: float) -> None:
        self._semaphore = asyncio.Semaphore(max(1, concurrency))
        self.interval = interval
        self._lock = asyncio.Lock()
        self._next_start = 0.0

    async def __aenter__(self) -> HostGate:
        await self._semaphore.acquire()
        if self.interval > 0:
            async with self._lock:
                now = time.monotonic()
                wait = self._next_start - now
                self._next_start = max(now, self._next_start) + self.interval
            if wait > 0:
                await asyncio.sleep(wait)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._semaphore.release()


class Fetcher:
    """An HTTP client with the limits of :class:`CollectSettings`. Use as an async context."""

    def __init__(self, settings: CollectSettings) -> None:
        self.settings = settings
        self._allowed = {name.strip().lower() for name in settings.allow_networks}
        verify: ssl.SSLContext | bool = True
        if settings.ca_bundle:
            verify = ssl.create_default_context()
            verify.load_verify_locations(cafile=str(settings.ca_bundle))
        self._client = httpx.AsyncClient(
            verify=verify,
            follow_redirects=False,
            timeout=httpx.Timeout(settings.timeout_seconds),
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            trust_env=False,  # a proxy from the environment would bypass the address checks
            limits=httpx.Limits(max_connections=max(settings.concurrency, 1) * 2),
        )
        self._global = asyncio.Semaphore(max(1, settings.concurrency))
        self._gates: dict[str, HostGate] = {}
        self._robots: dict[str, RobotFileParser | bool] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}
        self._robots_errors: dict[str, str] = {}  # netloc → why its robots.txt could not be read

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._client.aclose()

    # -- public ---------------------------------------------------------------------------

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        check_robots: bool = True,
    ) -> FetchedResource:
        """GET ``url`` following redirects; raises :class:`CollectError` with a readable reason."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        cap = max_bytes or self.settings.max_body_bytes
        visited: list[str] = []
        current = url
        while True:
            if current in visited:
                raise CollectError(f"redirect loop: {' → '.join([*visited, current])}")
            if len(visited) > self.settings.max_redirects:
                raise CollectError(f"too many redirects (more than {self.settings.max_redirects}) from {url}")
            visited.append(current)
            # Refuse forbidden addresses before anything, robots.txt included, is asked of them.
            await self._checked_target(current)
            if check_robots and self.settings.respect_robots_txt and not await self._robots_allow(current):
                origin = urlsplit(current).netloc
                unreadable = self._robots_errors.get(origin)
                if unreadable:
                    raise CollectError(
                        f"robots.txt of {origin} could not be read ({unreadable}): not fetching"
                    )
                raise CollectError(f"robots.txt of {origin} disallows {current}")
            resource, location = await self._get_with_retries(current, headers, cap)
            if location is None:
                return resource
            current = location
            # Conditional headers belong to the URL asked first, not to where it moved.
            headers = {}

    # -- robots ---------------------------------------------------------------------------

    async def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        lock = self._robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin not in self._robots:
                self._robots[origin] = rules = await self._load_robots(origin)
                delay = (
                    rules.crawl_delay(self.settings.user_agent)
                    if isinstance(rules, RobotFileParser)
                    else None
                )
                if delay:
                    # The site's Crawl-delay wins over our own spacing when it asks for more.
                    gate = self._gate(parts.hostname or "")
                    gate.interval = max(gate.interval, min(float(delay), 60.0))
        rules = self._robots[origin]
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(self.settings.user_agent, url)

    async def _load_robots(self, origin: str) -> RobotFileParser | bool:
        # RFC 9309: a 4xx robots.txt means no rules; an unreachable one means stay away.
        try:
            resource = await self.fetch(
                f"{origin}/robots.txt", max_bytes=_ROBOTS_MAX_BYTES, check_robots=False
            )
        except SourceGoneError:
            return True
        except CollectError as exc:
            if exc.args and str(exc.args[0]).startswith("HTTP 4"):
                return True
            log.info("robots.txt of %s unavailable (%s): not fetching from it", origin, exc)
            self._robots_errors[urlsplit(origin).netloc] = str(exc)
            return False
        try:
            text = decode_bytes(resource.body, [resource.charset]).text
        except NotTextError:
            return True
        parser = RobotFileParser()
        parser.parse(text.splitlines())
        return parser

    def _gate(self, host: str) -> HostGate:
        if host not in self._gates:
            self._gates[host] = HostGate(
                self.settings.per_host_concurrency, self.settings.per_host_interval_seconds
            )
        return self._gates[host]

    # -- one URL, with retries --------------------------------------------------------------

    async def _get_with_retries(
        self, url: str, headers: dict[str, str], cap: int
    ) -> tuple[FetchedResource, str | None]:
        attempts = max(0, self.settings.retries) + 1
        last_error = ""
        for attempt in range(attempts):
            retry_after: float | None = None
            try:
                resource, location, retry_after = await self._get_once(url, headers, cap)
            except _Retryable as exc:
                last_error = str(exc)
                retry_after = exc.retry_after
            else:
                return resource, location
            if attempt + 1 >= attempts:
                break
            if retry_after is not None:
                if retry_after > self.settings.max_retry_after_seconds:
                    raise CollectError(
                        f"{last_error}; the server asks to wait {retry_after:.0f}s, "
                        f"more than collect.max_retry_after_seconds ({self.settings.max_retry_after_seconds:.0f}s)"
                    )
                delay = retry_after
            else:
                delay = self.settings.backoff_seconds * (2**attempt) * (1 + random.random() * 0.25)
            log.debug("retrying %s in %.2fs: %s", url, delay, last_error)
            await asyncio.sleep(delay)
        raise CollectError(f"{last_error} (after {attempts} attempts)")

    async def _get_once(
        self, url: str, headers: dict[str, str], cap: int
    ) -> tuple[FetchedResource, str | None, float | None]:
        target = await self._checked_target(url)
        gate = self._gate(target.host)
        timeout = self.settings.timeout_seconds
        async with self._global, gate:
            try:
                async with asyncio.timeout(timeout):
                    return await self._stream(target, headers, cap)
            except TimeoutError as exc:
                raise _Retryable(f"timed out after {timeout:g}s") from exc
            except httpx.TimeoutException as exc:
                raise _Retryable(f"timed out after {timeout:g}s ({type(exc).__name__})") from exc
            except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as exc:
                if "CERTIFICATE_VERIFY_FAILED" in str(exc):  # asking again will not fix a certificate
                    raise CollectError(f"TLS certificate rejected: {exc}") from exc
                raise _Retryable(f"connection failed: {exc or type(exc).__name__}") from exc
            except httpx.HTTPError as exc:
                raise CollectError(f"HTTP error: {exc or type(exc).__name__}") from exc

    async def _stream(
        self, target: _Target, headers: dict[str, str], cap: int
    ) -> tuple[FetchedResource, str | None, float | None]:
        parts = urlsplit(target.url)
        request_url = httpx.URL(target.url).copy_with(host=target.address)
        request_headers = {**headers, "Host": parts.netloc.rsplit("@", 1)[-1]}
        extensions = {"sni_hostname": target.host} if parts.scheme == "https" else {}
        request = self._client.build_request(
            "GET", request_url, headers=request_headers, extensions=extensions
        )
        response = await self._client.send(request, stream=True)
        try:
            status = response.status_code
            if status in _REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise CollectError(f"HTTP {status} redirect without a Location header")
                return _empty(target.url, status), urljoin(target.url, location.strip()), None
            if status == 304:
                return _empty(target.url, status), None, None
            if status in (404, 410):
                raise SourceGoneError(f"HTTP {status} {response.reason_phrase}: {target.url} is gone")
            if status in _RETRYABLE:
                raise _Retryable(
                    f"HTTP {status} {response.reason_phrase}",
                    retry_after=_retry_after(response.headers.get("retry-after")),
                )
            if status >= 400:
                raise CollectError(f"HTTP {status} {response.reason_phrase}")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > cap:
                raise CollectError(f"body too large: {int(declared):,} bytes declared, the cap is {cap:,}")
            body = await _read_capped(response, cap)
        finally:
            await response.aclose()
        content_type = response.headers.get("content-type", "")
        return (
            FetchedResource(
                url=target.url,
                status=status,
                content_type=content_type.split(";")[0].strip().lower(),
                charset=response.charset_encoding,
                body=body,
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
            ),
            None,
            None,
        )

    async def _checked_target(self, url: str) -> _Target:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise CollectError(f"not an http(s) URL: {url}")
        host = parts.hostname
        if not host:
            raise CollectError(f"URL without a host: {url}")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise CollectError(f"bad port in {url}") from exc
        try:
            addresses = [ipaddress.ip_address(host)]
        except ValueError:
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except OSError as exc:
                raise CollectError(f"cannot resolve {host}: {exc.strerror or exc}") from exc
            addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in infos))
        if not addresses:
            raise CollectError(f"cannot resolve {host}")
        # Every answer is checked: a host that has one public and one private address is refused.
        for address in addresses:
            category = address_category(address)
            if category and category not in self._allowed:
                raise CollectError(
                    f"refused: {host} is {address}, a {category} address "
                    f'(allow it with collect.allow_networks = ["{category}"])'
                )
        return _Target(url=url, host=host, address=str(addresses[0]))


class _Retryable(CollectError):
    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _empty(url: str, status: int) -> FetchedResource:
    return FetchedResource(url=url, status=status, content_type="", charset=None, body=b"")


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


async def _read_capped(response: httpx.Response, cap: int) -> bytes:
    """Read the raw stream, decompressing ourselves so that the cap applies to what it expands to."""
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding in ("", "identity"):
        decompressor = None
    elif encoding in ("gzip", "x-gzip", "deflate"):
        decompressor = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header
    else:
        raise CollectError(f"unsupported Content-Encoding {encoding!r}")
    chunks: list[bytes] = []
    total = 0
    async for raw in response.aiter_raw(_CHUNK):
        if decompressor is None:
            data = raw
        else:
            try:
                # max_length one past the room left: producing that much proves the cap is exceeded.
                data = decompressor.decompress(raw, cap - total + 1)
            except zlib.error as exc:
                raise CollectError(f"corrupt {encoding} body: {exc}") from exc
            if decompressor.unconsumed_tail:
                raise CollectError(f"body too large: expands beyond the cap of {cap:,} bytes ({encoding})")
        total += len(data)
        if total > cap:
            raise CollectError(f"body too large: more than the cap of {cap:,} bytes")
        chunks.append(data)
    if decompressor is not None:
        tail = decompressor.flush()
        total += len(tail)
        if total > cap:
            raise CollectError(f"body too large: expands beyond the cap of {cap:,} bytes ({encoding})")
        chunks.append(tail)
    return b"".join(chunks)
