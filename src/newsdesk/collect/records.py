"""Plain records passed between the collection stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

SOURCE_KINDS = ("feed", "listing", "page", "folder")


class CollectError(Exception):
    """A source or an article could not be collected; the message is shown to the user."""


class SourceGoneError(CollectError):
    """The server says the source no longer exists (404/410)."""


@dataclass
class Source:
    id: int
    name: str
    location: str
    kind: str
    interval_seconds: int = 1800
    css_selector: str | None = None
    paused: bool = False
    gone: bool = False
    etag: str | None = None
    last_modified: str | None = None
    last_fetch_at: datetime | None = None
    next_due_at: datetime | None = None
    last_new_articles: int = 0
    consecutive_failures: int = 0
    last_error: str | None = None
    state: dict = field(default_factory=dict)
    article_count: int = 0


@dataclass
class FetchedResource:
    """One HTTP response body, decompressed and within the size cap."""

    url: str  # after redirects
    status: int
    content_type: str
    charset: str | None  # from the Content-Type header, not trusted blindly
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class ArticleLink:
    """An article a feed or listing page points to, with what the feed itself says about it."""

    url: str
    title: str | None = None
    published_at: datetime | None = None
    author: str | None = None
    content_html: str | None = None  # the feed's own content, a fallback when the page fails


@dataclass
class ExtractedArticle:
    """What extraction found in one document."""

    title: str
    text: str
    canonical_url: str | None = None
    published_at: datetime | None = None
    author: str | None = None
    language: str | None = None
    site_name: str | None = None


@dataclass
class CollectedArticle:
    """An article ready to be stored."""

    url: str
    outlet: str | None
    title: str
    text: str
    published_at: datetime | None
    author: str | None
    language: str | None
    content_hash: str
    raw: bytes | None  # zlib-compressed response body
    raw_content_type: str | None
    fetched_at: datetime
    source_id: int | None = None


@dataclass
class SourceOutcome:
    """How one run of one source went."""

    source: str
    new_articles: int = 0
    seen_articles: int = 0
    error: str | None = None
    gone: bool = False
    not_modified: bool = False
    article_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None
