"""Feeds: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed by hand."""

from __future__ import annotations

import email.utils
import json
import re
from dataclasses import dataclass, field
from datetime import datetime

import feedparser

from newsdesk.collect.pages import SHANGHAI, parse_datetime
from newsdesk.collect.records import ArticleLink, CollectError
from newsdesk.collect.urls import canonical_url
from newsdesk.text.encoding import NotTextError, decode_bytes

_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_\-]+)["']""")
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.S)
_FEED_START = re.compile(r"<(?:rss|feed|rdf:RDF|channel)\b", re.IGNORECASE)


@dataclass
class ParsedFeed:
    title: str | None
    links: list[ArticleLink] = field(default_factory=list)
    warning: str | None = None  # the XML was broken but entries could be recovered


def looks_like_feed(body: bytes, content_type: str = "") -> bool:
    head = body[:2048].lstrip()
    if content_type in ("application/feed+json",) or (
        head.startswith(b"{") and b"jsonfeed.org" in body[:4096]
    ):
        return True
    if any(kind in content_type for kind in ("rss", "atom", "rdf")):
        return True
    return bool(re.search(rb"<(?:rss|feed|rdf:RDF)\b", head, re.IGNORECASE))


def parse_feed(body: bytes, url: str, header_charset: str | None = None) -> ParsedFeed:
    """Parse a feed body into article links; raises :class:`CollectError` when it is no feed."""
    if not body.strip():
        raise CollectError("empty response: no feed")
    if body.lstrip()[:1] == b"{":
        return _parse_json_feed(body, url)
    declared = _XML_ENCODING.match(body)
    try:
        text = decode_bytes(body, [declared.group(1).decode() if declared else None, header_charset]).text
    except NotTextError as exc:
        raise CollectError(f"not a feed: {exc}") from exc
    if _HTML_START.match(text) and not _FEED_START.search(text[:4096]):
        raise CollectError(
            "not a feed: the address returns an HTML page (add it with --kind listing or page)"
        )
    parsed = feedparser.parse(text, sanitize_html=False, resolve_relative_uris=False)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(problem, feedparser.CharacterEncodingOverride):
        problem = None  # we decoded it ourselves; the declaration was right or overridden on purpose
    if not parsed.entries:
        if problem is not None:
            raise CollectError(f"malformed feed XML: {_describe(problem)}")
        if not parsed.get("version"):
            raise CollectError("not a feed: no RSS, Atom or RDF root element")
    links = []
    for entry in parsed.entries:
        link = entry.get("link") or _url_or_none(entry.get("id"))
        if not link:
            continue
        content = None
        if entry.get("content"):
            content = entry["content"][0].get("value")
        content = content or entry.get("summary")
        links.append(
            ArticleLink(
                url=canonical_url(link, base=url),
                title=(entry.get("title") or "").strip() or None,
                published_at=feed_date(
                    entry.get("published") or entry.get("updated") or entry.get("dc_date")
                ),
                author=(entry.get("author") or "").strip() or None,
                content_html=content,
            )
        )
    warning = (
        f"feed XML is malformed ({_describe(problem)}); {len(links)} entries recovered" if problem else None
    )
    return ParsedFeed(title=parsed.feed.get("title"), links=links, warning=warning)


def feed_date(value: str | None) -> datetime | None:
    """RFC 822 or ISO 8601 dates of feeds; a date without a zone is taken as Beijing time."""
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return parse_datetime(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=SHANGHAI)
    return parsed


def _parse_json_feed(body: bytes, url: str) -> ParsedFeed:
    try:
        data = json.loads(decode_bytes(body, ["utf-8"]).text)
    except (ValueError, NotTextError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise CollectError(f"malformed JSON Feed: {reason}") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise CollectError("not a feed: JSON without a jsonfeed.org version")
    entries = data.get("items")
    if entries is None:
        entries = []
    if not isinstance(entries, list):
        raise CollectError(f"malformed JSON Feed: items is {_json_type(entries)}, not a list")
    links = []
    skipped = 0
    for item in entries:
        # Every field is checked for its type: a wrong one is left out, never trusted.
        if not isinstance(item, dict):
            skipped += 1
            continue
        link = _string(item.get("url")) or _url_or_none(item.get("id"))
        if not link:
            skipped += 1
            continue
        authors = item.get("authors")
        if not isinstance(authors, list):
            authors = [item["author"]] if isinstance(item.get("author"), dict) else []
        author = (
            ", ".join(name for a in authors if isinstance(a, dict) and (name := _string(a.get("name"))))
            or None
        )
        content = next(
            (v for k in ("content_html", "content_text", "summary") if (v := _string(item.get(k)))), None
        )
        title = _string(item.get("title"))
        links.append(
            ArticleLink(
                url=canonical_url(link, base=url),
                title=title.strip() or None if title else None,
                published_at=parse_datetime(_string(item.get("date_published")) or ""),
                author=author,
                content_html=content,
            )
        )
    warning = None
    if skipped:
        warning = (
            f"{skipped} JSON Feed items without a usable url (not an object, or url not a string) skipped"
        )
    return ParsedFeed(title=_string(data.get("title")), links=links, warning=warning)


def _string(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _json_type(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), "a number" if isinstance(value, int | float) else "null"
    )


def _url_or_none(value: object) -> str | None:
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return value
    return None


def _describe(problem: object) -> str:
    message = getattr(problem, "getMessage", None)
    text = message() if callable(message) else str(problem)
    line = getattr(problem, "getLineNumber", None)
    return f"{text} at line {line()}" if callable(line) else text
