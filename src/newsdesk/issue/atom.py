"""Atom feeds (RFC 4287): one issue's items, and the archive's issues.

The addresses of the archive live here too — entry ids, the folder (slug) of an issue on
the static site, how revisions of one issue are grouped — so that the feed and the site
(``newsdesk.issue.site``) always agree.

Ids are ``urn:uuid:`` UUIDs (version 5) of the publication name and the issue label: they
survive corrections (every revision shares its label), rebuilding the archive in another
database, and moving the site to another address. Database ids take part in none of them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
import unicodedata
import uuid
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from newsdesk.issue.attribution import attribution_line
from newsdesk.issue.model import Issue, Item

ATOM_NS = "http://www.w3.org/2005/Atom"
# Fixed forever: every id of every feed newsdesk has written is derived from it.
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://newsdesk.invalid/atom-ids")
# Dates printed in an issue are Beijing dates; China keeps one offset all year.
BEIJING = dt.timezone(dt.timedelta(hours=8), "UTC+08:00")
UNNAMED_PUBLICATION = "未命名刊物"
BOOK_MARKER = "内容简介"

ET.register_namespace("", ATOM_NS)


# -- identity of issues and items ------------------------------------------------------------


def publication_name(issue: Issue) -> str:
    return issue.publication.name or UNNAMED_PUBLICATION


def issue_key(issue: Issue) -> tuple[str, str]:
    """What stays the same across the revisions of one issue: publication and label."""
    return publication_name(issue), issue.label or ""


def _uuid_urn(*parts: str) -> str:
    return uuid.uuid5(ID_NAMESPACE, "\n".join(parts)).urn


def issue_entry_id(issue: Issue) -> str:
    return _uuid_urn("issue", *issue_key(issue))


def item_entry_id(issue: Issue, position: int) -> str:
    """An item by its place in the issue (1-based), as its page ``issues/<slug>/<n>.html``."""
    return _uuid_urn("item", *issue_key(issue), str(position))


# Anything but letters, digits, "_", "-" and single dots; ".." is harmless inside a name,
# but nobody should have to think about it.
_UNSAFE_IN_SLUG = re.compile(r"(?:[^\w.-]|\.{2,})+")


def issue_slug(issue: Issue) -> str:
    """The issue's folder on the site: ``电子商务动态-2022年第7期``.

    Readable and stable: made of the publication name and the label only, so a correction
    keeps its folder and a rebuild from another database gives the same addresses. Chinese
    characters are kept (every file system takes them; links percent-encode them). When
    the name or label holds anything that is not a letter, digit, ``.``, ``-`` or ``_``
    (``/``, spaces, ``..``), that is replaced and a short hash of the original is appended,
    so two labels that differ only there still get two folders.
    """
    name, label = issue_key(issue)
    raw = f"{name}-{label}" if label else name
    text = unicodedata.normalize("NFKC", raw)
    slug = re.sub("-{2,}", "-", _UNSAFE_IN_SLUG.sub("-", text)).strip("-.")[:80].strip("-.")
    if slug != raw or not slug:
        digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:8]
        slug = f"{slug}-{digest}" if slug else digest
    return slug


def url_path(*segments: str) -> str:
    """A relative URL of path segments, each percent-encoded (Chinese slugs included)."""
    return "/".join(quote(s, safe="") for s in segments)


def issue_page_path(issue: Issue) -> str:
    return url_path("issues", issue_slug(issue), "index.html")


def item_page_path(issue: Issue, position: int) -> str:
    return url_path("issues", issue_slug(issue), f"{position}.html")


def is_web_url(url: str | None) -> bool:
    """Only http and https links are printed: a collected page may carry javascript: or data:."""
    if not url:
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def normalise_site_url(site_url: str | None) -> str | None:
    if not site_url or not site_url.strip():
        return None
    return site_url.strip().rstrip("/") + "/"


# -- revisions ----------------------------------------------------------------------------------


@dataclass
class IssueHistory:
    """Every revision of one issue (one publication, one label), oldest first."""

    revisions: list[Issue]

    @property
    def newest(self) -> Issue:
        return self.revisions[-1]

    @property
    def first(self) -> Issue:
        return self.revisions[0]

    @property
    def corrected(self) -> bool:
        return len(self.revisions) > 1 or self.newest.revision > 1

    def number(self, issue: Issue) -> int:
        """The revision number printed and used in page names (r1.html, r2.html, …).

        ``Issue.revision`` as stored, unless two issues share one: a label imported twice
        from two different files, which are then numbered in the order they were stored.
        """
        if len({r.revision for r in self.revisions}) == len(self.revisions):
            return issue.revision
        return next(n for n, r in enumerate(self.revisions, start=1) if r is issue)


def group_revisions(issues: list[Issue]) -> list[IssueHistory]:
    """Group issues by (publication, label), revisions in order; the newest issue first."""
    groups: dict[tuple[str, str], list[Issue]] = {}
    for issue in issues:
        groups.setdefault(issue_key(issue), []).append(issue)
    histories = [
        IssueHistory(sorted(group, key=lambda i: (i.revision, i.id or 0))) for group in groups.values()
    ]
    histories.sort(key=_history_order, reverse=True)
    return histories


def _history_order(history: IssueHistory) -> tuple:
    first = history.first
    return (issue_published(first), first.serial or 0, first.label or "", first.id or 0)


# -- dates ------------------------------------------------------------------------------------------


def beijing_midnight(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=BEIJING)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def issue_date(issue: Issue) -> dt.date | None:
    """The date printed for an issue: its own, else publication day, else its newest item's."""
    if issue.issue_date:
        return issue.issue_date
    if issue.published_at:
        return _aware(issue.published_at).astimezone(BEIJING).date()
    return issue.newest_item_date()


# An issue with no date at all still needs one in Atom; a fixed one keeps rebuilds identical.
_NO_DATE = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def issue_published(issue: Issue) -> dt.datetime:
    if issue.published_at:
        return _aware(issue.published_at)
    date = issue_date(issue)
    return beijing_midnight(date) if date else _NO_DATE


def _item_times(issue: Issue, item: Item) -> tuple[dt.datetime, dt.datetime]:
    """(published, updated): the original report's day; updated when the issue came out."""
    issue_time = issue_published(issue)
    date = item.attribution.date if item.attribution else None
    published = beijing_midnight(date) if date else issue_time
    return published, max(published, issue_time)


def _rfc3339(moment: dt.datetime) -> str:
    return _aware(moment).isoformat(timespec="seconds")


# -- writing ------------------------------------------------------------------------------------------


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
    if text is not None:
        element.text = xml_safe(text)
    return element


# Characters XML 1.0 cannot carry at all and HTML calls parse errors; collected text
# sometimes has them (form feeds, NULs).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def _feed(title: str, feed_id: str, updated: dt.datetime, author: str) -> ET.Element:
    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "zh-CN"})
    _el(feed, "title", title)
    _el(feed, "id", feed_id)
    _el(feed, "updated", _rfc3339(updated))
    _el(_el(feed, "author"), "name", author)
    _el(feed, "generator", "newsdesk")
    return feed


def _serialise(feed: ET.Element) -> str:
    ET.indent(feed, space="  ")
    body = ET.tostring(feed, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"


def item_content_html(item: Item) -> str:
    """The item as an HTML fragment: its paragraphs and its attribution line, all escaped."""
    parts = []
    if item.attribution is None:
        parts.append(f"<p><strong>{BOOK_MARKER}</strong></p>")
    parts += [f"<p>{html.escape(p.strip())}</p>" for p in item.body.split("\n") if p.strip()]
    if item.attribution is not None:
        parts.append(f"<p>{html.escape(attribution_line(item.attribution))}</p>")
    if is_web_url(item.source_url):
        href = html.escape(item.source_url.strip(), quote=True)
        parts.append(f'<p><a href="{href}" rel="nofollow noopener">原文链接</a></p>')
    return "\n".join(parts)


def issue_title(issue: Issue) -> str:
    title = f"{issue.publication.display_name}{issue.label or ''}"
    if issue.serial:
        title += f"（总第{issue.serial}期）"
    return title


def _author(issue: Issue) -> str:
    return issue.publication.office or issue.publication.display_name


def render_issue_atom(issue: Issue, *, site_url: str | None = None) -> str:
    """A feed of one issue whose entries are its items, in the issue's order.

    With ``site_url`` each entry links to the item's page on the static site; an item's
    original report (``source_url``) is linked as ``related`` (or ``alternate`` without a site).
    """
    base = normalise_site_url(site_url)
    entries = []
    for position, item in enumerate(issue.items, start=1):
        published, updated = _item_times(issue, item)
        entries.append((position, item, published, updated))
    feed_updated = max((e[3] for e in entries), default=issue_published(issue))
    feed = _feed(issue_title(issue), issue_entry_id(issue), feed_updated, _author(issue))
    if base:
        _el(feed, "link", rel="alternate", type="text/html", href=base + issue_page_path(issue))
    for position, item, published, updated in entries:
        entry = _el(feed, "entry")
        _el(entry, "title", item.title)
        _el(entry, "id", item_entry_id(issue, position))
        _el(entry, "published", _rfc3339(published))
        _el(entry, "updated", _rfc3339(updated))
        if item.attribution and item.attribution.outlet:
            _el(_el(entry, "author"), "name", item.attribution.outlet)
        _el(entry, "category", term=item.column)
        if base:
            _el(entry, "link", rel="alternate", type="text/html", href=base + item_page_path(issue, position))
        if is_web_url(item.source_url):
            _el(entry, "link", rel="related" if base else "alternate", href=item.source_url.strip())
        _el(entry, "content", item_content_html(item), type="html")
    return _serialise(feed)


def column_mix(issue: Issue) -> list[tuple[str, int]]:
    counts = Counter(item.column for item in issue.items)
    return [(column, counts[column]) for column in issue.columns_in_order()]


def _issue_summary(history: IssueHistory) -> str:
    issue = history.newest
    mix = "，".join(f"{column} {n} 条" for column, n in column_mix(issue))
    summary = f"共 {len(issue.items)} 条：{mix}" if issue.items else "本期无条目"
    if history.corrected:
        when = issue_date(issue)
        summary = (
            f"修订版（第 {history.number(issue)} 版{f'，{when.isoformat()}' if when else ''}）。{summary}"
        )
    return summary


def _issue_contents_html(issue: Issue, base: str | None) -> str:
    parts = []
    for column, _ in column_mix(issue):
        parts.append(f"<h3>【{html.escape(column)}】</h3>\n<ul>")
        for position, item in enumerate(issue.items, start=1):
            if item.column != column:
                continue
            title = html.escape(item.title)
            if base:
                href = html.escape(base + item_page_path(issue, position), quote=True)
                title = f'<a href="{href}">{title}</a>'
            parts.append(f"<li>{title}</li>")
        parts.append("</ul>")
    return "\n".join(parts)


def archive_feed(issues: list[Issue], *, site_url: str | None) -> str:
    """The archive's feed: one entry per issue, newest first, each at its newest revision.

    An entry's id comes from the publication name and the label, so a correction (revision
    2, 3, …) updates the entry readers already have: ``updated`` moves to the correction's
    publication time and the summary says 修订版. ``published`` stays the first revision's.
    """
    base = normalise_site_url(site_url)
    histories = group_revisions(issues)
    names = sorted({publication_name(i) for i in issues})
    title = "、".join(f"《{n}》" for n in names) if names else "newsdesk"
    # A reader keys a feed on its address; the id follows the site's address when there is one.
    feed_id = _uuid_urn("archive", base) if base else _uuid_urn("archive", *names)
    updated = max((issue_published(h.newest) for h in histories), default=_NO_DATE)
    offices = sorted({i.publication.office for i in issues if i.publication.office})
    feed = _feed(title, feed_id, updated, "、".join(offices) or title)
    if base:
        _el(feed, "link", rel="self", type="application/atom+xml", href=base + "feed.atom")
        _el(feed, "link", rel="alternate", type="text/html", href=base + "index.html")
    for history in histories:
        issue = history.newest
        entry = _el(feed, "entry")
        _el(entry, "title", issue_title(issue))
        _el(entry, "id", issue_entry_id(issue))
        _el(entry, "published", _rfc3339(issue_published(history.first)))
        _el(entry, "updated", _rfc3339(max(issue_published(issue), issue_published(history.first))))
        _el(_el(entry, "author"), "name", _author(issue))
        if base:
            _el(entry, "link", rel="alternate", type="text/html", href=base + issue_page_path(issue))
        _el(entry, "summary", _issue_summary(history))
        _el(entry, "content", _issue_contents_html(issue, base), type="html")
    return _serialise(feed)
