"""What kind of source a location is, when the user does not say."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsdesk.collect import feeds, listing, pages
from newsdesk.collect.http import Fetcher
from newsdesk.collect.records import CollectError
from newsdesk.collect.runner import detect_local_folder
from newsdesk.collect.urls import canonical_url
from newsdesk.config import CollectSettings
from newsdesk.text.normalize import clean_text

# A listing page links to many articles and carries little text of its own.
_LISTING_MIN_LINKS = 5
_ARTICLE_MIN_CHARS = 400
_FEED_LINK = re.compile(
    r"""<link(?=[^>]*\brel=["']?alternate)(?=[^>]*\btype=["']?application/(?:rss|atom)\+xml)[^>]*\bhref=["']([^"'>]+)""",
    re.IGNORECASE,
)


@dataclass
class DetectedSource:
    kind: str
    location: str
    suggested_name: str


async def detect_source(location: str, settings: CollectSettings, kind: str | None = None) -> DetectedSource:
    """Classify ``location`` (fetching it once when it is a URL); raises :class:`CollectError`."""
    folder = detect_local_folder(location)
    if folder is not None:
        if kind not in (None, "folder"):
            raise CollectError(f"{location} is a local path: only --kind folder fits it")
        if not folder.is_dir():
            raise CollectError(f"folder not found: {folder}")
        resolved = folder.resolve()
        return DetectedSource("folder", str(resolved), resolved.name)
    if urlsplit(location).scheme not in ("http", "https"):
        raise CollectError(f"not an http(s) URL or a folder: {location}")
    host = urlsplit(location).hostname or location
    if kind is not None:
        return DetectedSource(kind, location, host)
    async with Fetcher(settings) as fetcher:
        resource = await fetcher.fetch(location)
    if feeds.looks_like_feed(resource.body, resource.content_type):
        parsed = feeds.parse_feed(resource.body, resource.url, resource.charset)
        return DetectedSource("feed", location, _name(parsed.title, host))
    html = pages.decode_html(resource.body, resource.charset)
    links = listing.find_article_links(html, resource.url)
    feed_link = _advertised_feed(html, resource.url)
    try:
        article = pages.extract_html_text(html, resource.url)
    except CollectError:
        article = None
    name = _name(article.site_name if article else None, host)
    looks_like_article = article is not None and len(article.text) >= _ARTICLE_MIN_CHARS
    if len(links) >= _LISTING_MIN_LINKS and not looks_like_article:
        # A section page that advertises its feed: the feed is the better way in.
        if feed_link:
            return DetectedSource("feed", feed_link, name)
        return DetectedSource("listing", location, name)
    if article is None:
        raise CollectError("neither a feed, nor a listing of articles, nor an article page")
    return DetectedSource("page", location, name)


def _name(found: str | None, host: str) -> str:
    """A source name from what the site says (a feed's title, a page's site name): its
    control codes, bidirectional overrides and line breaks dropped, at most 200 characters;
    the host when nothing is left."""
    cleaned = " ".join(clean_text(found or "").split())[:200]
    return cleaned or host


def _advertised_feed(html: str, base: str) -> str | None:
    match = _FEED_LINK.search(html[:50000])
    return canonical_url(html_lib.unescape(match.group(1)), base=base) if match else None
