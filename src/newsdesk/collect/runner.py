"""Scheduling and running collection: every due source once, or forever (``--watch``).

The event loop fetches; text extraction, which is CPU-bound, runs in a process pool so
that both cores work. Articles are stored one transaction each as they come in; a source's
own bookkeeping (ETag, seen entries, next due time) is written only when it is finished,
so a collector killed at any point fetches the interrupted source again on the next run
and the unique article URL keeps anything from being stored twice.
"""

from __future__ import annotations

import asyncio
import hashlib
import ipaddress
import logging
import os
import re
import zlib
from collections.abc import Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from sqlalchemy import Engine

from newsdesk.collect import feeds, folder, listing, pages
from newsdesk.collect.http import Fetcher
from newsdesk.collect.records import (
    ArticleLink,
    CollectedArticle,
    CollectError,
    ExtractedArticle,
    FetchedResource,
    Source,
    SourceGoneError,
    SourceOutcome,
)
from newsdesk.collect.urls import DEMO_DOMAIN, canonical_link_allowed, canonical_url
from newsdesk.config import CollectSettings
from newsdesk.store import articles as article_store
from newsdesk.store import sources as source_store

log = logging.getLogger(__name__)

_SEEN_LIMIT = 5000  # feed entry URLs remembered per source (their pages may canonicalize elsewhere)
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)", re.IGNORECASE)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> int:
    """``30m``, ``1h``, ``1h30m``, ``90s``, ``2d`` or plain seconds → seconds."""
    cleaned = text.strip().lower().replace(" ", "")
    parts = _INTERVAL.findall(cleaned)
    if not cleaned or "".join(n + u for n, u in parts) != cleaned:
        raise ValueError(f"not an interval: {text!r} (use e.g. 30m, 2h, 1h30m, 90s)")
    seconds = int(sum(float(n) * _UNITS[u] for n, u in parts))
    if seconds < 1:
        raise ValueError(f"interval too short: {text!r}")
    return seconds


def detect_local_folder(location: str) -> Path | None:
    if location.startswith("file://"):
        return Path(urlsplit(location).path)
    if "://" in location:
        return None
    return Path(location).expanduser()


class ProgressListener(Protocol):
    def source_started(self, source: Source) -> None: ...

    def source_total(self, source: Source, total: int) -> None: ...

    def article_done(self, source: Source, stored: bool) -> None: ...

    def source_finished(self, source: Source, outcome: SourceOutcome) -> None: ...


class NoProgress:
    def source_started(self, source: Source) -> None:
        pass

    def source_total(self, source: Source, total: int) -> None:
        pass

    def article_done(self, source: Source, stored: bool) -> None:
        pass

    def source_finished(self, source: Source, outcome: SourceOutcome) -> None:
        pass


def make_extraction_pool(settings: CollectSettings) -> ProcessPoolExecutor:
    workers = settings.extract_workers or os.cpu_count() or 1
    pool = ProcessPoolExecutor(max_workers=workers)
    # Start the workers now, before the event loop has threads a fork would copy half-way.
    for future in [pool.submit(_ready) for _ in range(workers)]:
        future.result()
    return pool


def _ready() -> bool:
    return True


class Collector:
    """Runs sources against one database with one fetcher and one extraction pool."""

    def __init__(
        self,
        engine: Engine,
        settings: CollectSettings,
        pool: Executor,
        progress: ProgressListener | None = None,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.pool = pool
        self.progress = progress or NoProgress()
        self._fetcher: Fetcher | None = None

    async def run(self, due: Sequence[Source]) -> list[SourceOutcome]:
        async with Fetcher(self.settings) as fetcher:
            self._fetcher = fetcher
            try:
                return list(await asyncio.gather(*(self._run_source(source) for source in due)))
            finally:
                self._fetcher = None

    # -- one source -------------------------------------------------------------------------

    async def _run_source(self, source: Source) -> SourceOutcome:
        self.progress.source_started(source)
        started = datetime.now(UTC)
        outcome = SourceOutcome(source=source.name)
        result: tuple[str | None, str | None, dict] | None = None
        try:
            if source.kind == "folder":
                result = await self._collect_folder(source, outcome)
            else:
                collect_kind = {
                    "feed": self._collect_feed,
                    "listing": self._collect_listing,
                    "page": self._collect_page,
                }.get(source.kind)
                if collect_kind is None:
                    raise CollectError(f"unknown source kind {source.kind!r}")
                resource = await self._fetch_source(source)
                if resource.not_modified:
                    # 304: nothing new; keep the validators and bookkeeping as they are
                    outcome.not_modified = True
                    result = source.etag, source.last_modified, source.state
                else:
                    result = await collect_kind(source, resource, outcome)
        except SourceGoneError as exc:
            outcome.error, outcome.gone = str(exc), True
        except CollectError as exc:
            outcome.error = str(exc)
        except BrokenProcessPool as exc:
            outcome.error = f"extraction worker died: {exc}"
        except Exception as exc:  # one broken source must not stop the others
            # One line in the log as on the source; the traceback with --verbose.
            log.error("collecting %s failed: %s: %s", source.name, type(exc).__name__, exc)
            log.debug("collecting %s failed", source.name, exc_info=True)
            outcome.error = f"unexpected error: {type(exc).__name__}: {' '.join(str(exc).split())}"
        if (
            result is not None
            and outcome.article_errors
            and outcome.new_articles == 0
            and not outcome.seen_articles
        ):
            # Nothing at all could be collected: that is a failure of the source.
            outcome.error = _summarize_article_errors(outcome)
        self._record(source, outcome, started, result)
        self.progress.source_finished(source, outcome)
        return outcome

    def _record(
        self,
        source: Source,
        outcome: SourceOutcome,
        started: datetime,
        result: tuple[str | None, str | None, dict] | None,
    ) -> None:
        # What the source brought since this run began, counted in the database: another
        # collector running the same source at once stores some of its articles, and the
        # count it records must not overwrite this one with 0 (nor this one overwrite it).
        new_articles = max(
            outcome.new_articles, article_store.count_stored_since(self.engine, source.id, started)
        )
        if outcome.error is None and result is not None:
            etag, last_modified, state = result
            source_store.record_success(
                self.engine,
                source.id,
                fetched_at=started,
                next_due_at=started + timedelta(seconds=source.interval_seconds),
                new_articles=new_articles,
                etag=etag,
                last_modified=last_modified,
                state=state,
                warning=_summarize_article_errors(outcome) if outcome.article_errors else None,
            )
            return
        failures = source.consecutive_failures + 1
        # Back off from a failing source: double the wait per failure, up to a day.
        delay = min(source.interval_seconds * 2 ** min(failures - 1, 6), max(source.interval_seconds, 86400))
        source_store.record_failure(
            self.engine,
            source.id,
            fetched_at=started,
            next_due_at=started + timedelta(seconds=delay),
            error=outcome.error or "failed",
            gone=outcome.gone,
            new_articles=new_articles,
            state=result[2] if result is not None else None,
        )

    # -- kinds ------------------------------------------------------------------------------

    async def _fetch_source(self, source: Source) -> FetchedResource:
        assert self._fetcher is not None
        return await self._fetcher.fetch(
            source.location, etag=source.etag, last_modified=source.last_modified
        )

    async def _collect_feed(self, source: Source, resource: FetchedResource, outcome: SourceOutcome):
        parsed = await self._in_pool(feeds.parse_feed, resource.body, resource.url, resource.charset)
        state = await self._collect_links(source, parsed.links, outcome)
        if parsed.warning:
            outcome.article_errors.insert(0, parsed.warning)
        return resource.etag, resource.last_modified, state

    async def _collect_listing(self, source: Source, resource: FetchedResource, outcome: SourceOutcome):
        links = await self._in_pool(
            _listing_links, resource.body, resource.url, resource.charset, source.css_selector
        )
        if not links:
            raise CollectError(
                "no article links found on the listing page"
                + (
                    f" with selector {source.css_selector!r}"
                    if source.css_selector
                    else " (give one with --selector)"
                )
            )
        state = await self._collect_links(source, links, outcome)
        return resource.etag, resource.last_modified, state

    async def _collect_page(self, source: Source, resource: FetchedResource, outcome: SourceOutcome):
        self.progress.source_total(source, 1)
        article = await self._article_from_resource(source, resource, ArticleLink(url=source.location))
        stored = article_store.insert_article(self.engine, article)
        outcome.new_articles += int(stored)
        outcome.seen_articles += int(not stored)
        self.progress.article_done(source, stored)
        return resource.etag, resource.last_modified, source.state

    async def _collect_folder(self, source: Source, outcome: SourceOutcome):
        root = detect_local_folder(source.location)
        if root is None:
            raise CollectError(f"not a folder: {source.location}")
        unreadable: list[str] = []
        files = await asyncio.to_thread(folder.scan_folder, root, unreadable)
        outcome.article_errors.extend(unreadable)
        remembered: dict[str, list[float]] = dict(source.state.get("files", {}))
        todo = [f for f in files if remembered.get(f.relative) != f.fingerprint]
        outcome.seen_articles += len(files) - len(todo)  # read on an earlier run, unchanged
        stored_before = article_store.known_urls(self.engine, [f.path.as_uri() for f in todo])
        fresh = []
        for file in todo:
            if file.path.as_uri() in stored_before:  # stored by a run that did not finish
                remembered[file.relative] = file.fingerprint
                outcome.seen_articles += 1
            else:
                fresh.append(file)
        self.progress.source_total(source, len(fresh))
        limit = asyncio.Semaphore(max(2, self.settings.concurrency))

        async def one(file: folder.FolderFile) -> None:
            async with limit:
                try:
                    extracted, raw, content_type = await self._in_pool(folder.extract_file, str(file.path))
                except BrokenProcessPool:
                    raise
                except Exception as exc:  # one bad file is skipped and reported, never the run
                    reason = str(exc) if isinstance(exc, CollectError) else f"{type(exc).__name__}: {exc}"
                    outcome.article_errors.append(f"{file.relative}: {reason}")
                    stored = False
                else:
                    article = self._collected(source, file.path.as_uri(), extracted, raw, content_type)
                    article.outlet = extracted.site_name or source.name
                    stored = article_store.insert_article(self.engine, article)
                    outcome.new_articles += int(stored)
                # A file that failed is remembered too: it is tried again once it changes.
                remembered[file.relative] = file.fingerprint
                self.progress.article_done(source, stored)

        await asyncio.gather(*(one(f) for f in fresh))
        present = {f.relative for f in files}
        return None, None, {**source.state, "files": {k: v for k, v in remembered.items() if k in present}}

    # -- articles behind links --------------------------------------------------------------

    async def _collect_links(self, source: Source, links: list[ArticleLink], outcome: SourceOutcome) -> dict:
        links = list({link.url: link for link in links}.values())[: self.settings.max_articles_per_source]
        seen = set(source.state.get("seen", []))
        urls = [link.url for link in links]
        known = article_store.known_urls(self.engine, urls) | (seen & set(urls))
        todo = [link for link in links if link.url not in known]
        outcome.seen_articles += len(links) - len(todo)
        self.progress.source_total(source, len(todo))
        done: set[str] = set(known)
        limit = asyncio.Semaphore(max(2, self.settings.concurrency * 2))

        async def one(link: ArticleLink) -> None:
            async with limit:
                stored = False
                try:
                    article = await self._article_for_link(source, link)
                    stored = article_store.insert_article(self.engine, article)
                except CollectError as exc:
                    outcome.article_errors.append(f"{link.url}: {exc}")
                else:
                    done.add(link.url)
                    outcome.new_articles += int(stored)
                    outcome.seen_articles += int(not stored)
                self.progress.article_done(source, stored)

        await asyncio.gather(*(one(link) for link in todo))
        # Newest entries first, so the cap drops the oldest.
        remembered = [u for u in urls if u in done] + [
            u for u in source.state.get("seen", []) if u not in done
        ]
        return {**source.state, "seen": remembered[:_SEEN_LIMIT]}

    async def _article_for_link(self, source: Source, link: ArticleLink) -> CollectedArticle:
        assert self._fetcher is not None
        try:
            resource = await self._fetcher.fetch(link.url)
            return await self._article_from_resource(source, resource, link)
        except CollectError as exc:
            if link.content_html:
                text = pages.text_from_fragment(link.content_html)
                if text:
                    log.info("%s: using the feed's content (%s)", link.url, exc)
                    return self._from_feed_content(source, link, text)
            raise

    async def _article_from_resource(
        self, source: Source, resource: FetchedResource, link: ArticleLink
    ) -> CollectedArticle:
        if not resource.body.strip():
            raise CollectError("empty page")
        content_type = resource.content_type or "text/html"
        if content_type.startswith("text/") and content_type not in ("text/html", "text/plain"):
            content_type = "text/html"
        extracted, raw = await self._in_pool(
            folder.extract_document, resource.body, resource.url, content_type, resource.charset
        )
        url = _choose_url(extracted.canonical_url, resource.url, self.settings.canonical_domains)
        fetched_url = canonical_url(resource.url)
        if url != fetched_url:
            owner = article_store.url_owner(self.engine, url)
            if owner is not None and owner != source.id:
                # The address the page claims holds another source's article: this page is
                # stored under its own address rather than taken for that one.
                url = fetched_url
        # The header's charset is kept with the raw body: re-extraction later decodes it the same way.
        raw_type = resource.content_type or content_type
        if resource.charset:
            raw_type = f"{raw_type}; charset={resource.charset}"
        article = self._collected(source, url, extracted, raw, raw_type)
        if link.title and not extracted.title:
            article.title = pages.trim_title(link.title)
        article.published_at = link.published_at or extracted.published_at
        article.author = extracted.author or link.author
        return article

    def _collected(
        self,
        source: Source,
        url: str,
        extracted: ExtractedArticle,
        raw: bytes | None,
        content_type: str | None,
    ) -> CollectedArticle:
        return CollectedArticle(
            url=url,
            outlet=source.name,
            title=extracted.title,
            text=extracted.text,
            published_at=extracted.published_at,
            author=extracted.author,
            language=extracted.language,
            content_hash=content_hash(extracted.text),
            raw=raw,
            raw_content_type=content_type,
            fetched_at=datetime.now(UTC),
            source_id=source.id,
        )

    def _from_feed_content(self, source: Source, link: ArticleLink, text: str) -> CollectedArticle:
        return CollectedArticle(
            url=link.url,
            outlet=source.name,
            title=pages.trim_title(link.title or text.split("\n", 1)[0][:60]),
            text=text,
            published_at=link.published_at,
            author=link.author,
            language=pages.normalize_language(None, text),
            content_hash=content_hash(text),
            raw=zlib.compress((link.content_html or "").encode("utf-8")),
            raw_content_type="text/html; charset=utf-8; from=feed",
            fetched_at=datetime.now(UTC),
            source_id=source.id,
        )

    async def _in_pool(self, function, *args):
        return await asyncio.get_running_loop().run_in_executor(self.pool, function, *args)


def _listing_links(body: bytes, url: str, charset: str | None, selector: str | None) -> list[ArticleLink]:
    return listing.find_article_links(pages.decode_html(body, charset), url, selector)


def _choose_url(canonical: str | None, fetched: str, allowed_domains: Sequence[str] = ()) -> str:
    fetched = canonical_url(fetched)
    if not canonical:
        return fetched
    # A canonical link to the site's front page is a template mistake, not this article's URL.
    if urlsplit(canonical).path in ("", "/") and urlsplit(fetched).path not in ("", "/"):
        return fetched
    if _on_loopback(fetched):
        # the demo's sites (served on loopback) name their articles under a reserved domain
        allowed_domains = [*allowed_domains, DEMO_DOMAIN]
    if not canonical_link_allowed(canonical, fetched, allowed_domains):
        log.info("%s: canonical link to another site (%s) ignored", fetched, canonical)
        return fetched
    return canonical


def _on_loopback(url: str) -> bool:
    try:
        return ipaddress.ip_address(urlsplit(url).hostname or "").is_loopback
    except ValueError:
        return False


def content_hash(text: str) -> str:
    normalized = re.sub(r"\s+", "", text)
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def _summarize_article_errors(outcome: SourceOutcome) -> str:
    count = len(outcome.article_errors)
    first = outcome.article_errors[0]
    return first if count == 1 else f"{count} problems; first: {first}"


# -- entry points ---------------------------------------------------------------------------


async def collect_due(
    engine: Engine,
    settings: CollectSettings,
    pool: Executor,
    *,
    names: Sequence[str] | None = None,
    progress: ProgressListener | None = None,
) -> list[SourceOutcome]:
    """Fetch every due source once (named ones whether due or not)."""
    due = source_store.due_sources(engine, datetime.now(UTC), list(names) if names else None)
    if not due:
        return []
    return await Collector(engine, settings, pool, progress).run(due)


async def watch(
    engine: Engine,
    settings: CollectSettings,
    pool: Executor,
    *,
    names: Sequence[str] | None = None,
    progress: ProgressListener | None = None,
    on_round=None,
    stop: asyncio.Event | None = None,
) -> None:
    """Keep collecting, each source on its own interval, until ``stop`` is set."""
    stop = stop or asyncio.Event()
    first = True
    while not stop.is_set():
        now = datetime.now(UTC)
        due = source_store.due_sources(engine, now, list(names) if names else None)
        if names and not first:
            due = [s for s in due if s.next_due_at is None or s.next_due_at <= now]
        first = False
        if due:
            outcomes = await Collector(engine, settings, pool, progress).run(due)
            if on_round is not None:
                on_round(outcomes)
        upcoming = source_store.next_due_time(engine)
        wait = 60.0 if upcoming is None else (upcoming - datetime.now(UTC)).total_seconds()
        try:
            await asyncio.wait_for(stop.wait(), timeout=min(max(wait, 0.5), 60.0))
        except TimeoutError:
            pass


async def reextract(engine: Engine, pool: Executor) -> tuple[int, int, list[str]]:
    """Run extraction again over every stored raw body (after an upgrade of the extractor).

    Returns (updated, unchanged, problems). Articles that came from a feed's own content, or
    whose raw body was not kept, are left alone. Publication dates are only filled in, never
    replaced: the feed's date, when there was one, is the better source.
    """
    loop = asyncio.get_running_loop()
    updated = unchanged = 0
    problems: list[str] = []
    after = 0
    while batch := article_store.raw_batch(engine, after):
        after = batch[-1]["id"]
        jobs = []
        for row in batch:
            content_type = row["raw_content_type"] or "text/html"
            if row["raw"] is None or "from=feed" in content_type:
                unchanged += 1
                continue
            media_type, _, params = content_type.partition(";")
            charset = re.search(r"charset=([\w-]+)", params)
            try:
                data = zlib.decompress(row["raw"])
            except (zlib.error, TypeError) as exc:
                # One damaged stored page is reported; the others are extracted again.
                problems.append(f"{row['url']}: the stored raw page is damaged ({exc})")
                continue
            job = loop.run_in_executor(
                pool,
                folder.extract_document,
                data,
                row["url"],
                media_type.strip(),
                charset and charset.group(1),
            )
            jobs.append((row, job))
        for row, job in jobs:
            try:
                extracted, _raw = await job
            except BrokenProcessPool:
                raise
            except Exception as exc:  # extract_document reports its own failures as CollectError
                reason = str(exc) if isinstance(exc, CollectError) else f"{type(exc).__name__}: {exc}"
                problems.append(f"{row['url']}: {reason}")
                continue
            changed = article_store.update_extraction(
                engine,
                row["id"],
                title=extracted.title,
                text=extracted.text,
                author=extracted.author,
                language=extracted.language,
                content_hash=content_hash(extracted.text),
                published_at=extracted.published_at if row["published_at"] is None else None,
            )
            updated += int(changed)
            unchanged += int(not changed)
    return updated, unchanged, problems
