"""Listing pages: the section page of a site that has no feed.

With a CSS selector the links are taken as given. Without one they are discovered: article
URLs look alike (a date or a long number in the path, an .shtml/.htm file), article anchors
carry headline-length text, and they sit together in the page's biggest list, not in the
navigation, the header or the footer.
"""

from __future__ import annotations

import re
from collections import Counter

import lxml.html
from cssselect import SelectorError

from newsdesk.collect.pages import TEXT_DATE, date_from_url, datetime_from_match, parse_html
from newsdesk.collect.records import ArticleLink, CollectError
from newsdesk.collect.urls import canonical_url, same_site

_ARTICLE_URL = re.compile(
    r"(/20\d{2}[-/]?\d{2}[-/]?\d{2}/|[/_t]20\d{6}[_/.]|/content_\d+|/doc-|/article[s]?/|/detail|/news/\d+"
    r"|/\d{5,}\.s?html?$|/[a-z]?\d{6,}[^/]*\.s?html?$|\.s?html?$)",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|footer|foot|header|top|breadcrumb|crumb|copyright|sidebar|banner|toolbar|login|"
    r"share|links|friendlink|bottom)([\s_-]|$)",
    re.IGNORECASE,
)
_FURNITURE_TAGS = {"nav", "footer", "header", "aside"}
_CJK = re.compile(r"[\u4e00-\u9fff]")


def find_article_links(html: str, base_url: str, css_selector: str | None = None) -> list[ArticleLink]:
    tree = parse_html(html)
    tree.make_links_absolute(base_url, resolve_base_href=True, handle_failures="discard")
    if css_selector:
        try:
            anchors = tree.cssselect(css_selector)
        except SelectorError as exc:
            raise CollectError(f"bad CSS selector {css_selector!r}: {exc}") from exc
        # A selector may point at list items rather than at the anchors themselves.
        found = []
        for element in anchors:
            found.extend([element] if element.tag == "a" else element.iter("a"))
        return _links(found, base_url, require_site=False)
    return _discover(tree, base_url)


def _discover(tree: lxml.html.HtmlElement, base_url: str) -> list[ArticleLink]:
    candidates = []
    for anchor in tree.iter("a"):
        href = anchor.get("href") or ""
        if not href.startswith(("http://", "https://")) or not same_site(href, base_url):
            continue
        if canonical_url(href) == canonical_url(base_url) or _in_furniture(anchor):
            continue
        text = re.sub(r"\s+", " ", anchor.text_content()).strip()
        score = 0
        if _ARTICLE_URL.search(href.split("?", 1)[0]):
            score += 2
        if len(_CJK.findall(text)) >= 6 or len(text) >= 20:
            score += 1
        if len(text) < 4:
            score -= 2
        candidates.append((anchor, score))
    # Position: the container holding most candidates is the list of articles.
    containers = Counter(_container(anchor) for anchor, score in candidates if score >= 2)
    main = containers.most_common(1)[0][0] if containers else None
    chosen = [
        a for a, score in candidates if score + (1 if main is not None and _container(a) == main else 0) >= 3
    ]
    return _links(chosen, base_url, require_site=True)


def _links(anchors: list[lxml.html.HtmlElement], base_url: str, *, require_site: bool) -> list[ArticleLink]:
    seen: set[str] = set()
    links = []
    for anchor in anchors:
        href = anchor.get("href") or ""
        if not href.startswith(("http://", "https://")):
            continue
        if require_site and not same_site(href, base_url):
            continue
        url = canonical_url(href)
        if url in seen:
            continue
        seen.add(url)
        title = re.sub(r"\s+", " ", anchor.get("title") or anchor.text_content()).strip() or None
        links.append(
            ArticleLink(url=url, title=title, published_at=_nearby_date(anchor) or date_from_url(url))
        )
    return links


def _in_furniture(element: lxml.html.HtmlElement) -> bool:
    for depth, ancestor in enumerate(element.iterancestors()):
        if depth > 8:
            break
        if ancestor.tag in _FURNITURE_TAGS:
            return True
        marker = f"{ancestor.get('class', '')} {ancestor.get('id', '')}"
        if marker.strip() and _FURNITURE.search(marker):
            return True
    return False


def _container(anchor: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    # <ul><li><a> and <div><p><a> both give the list element two levels up.
    parent = anchor.getparent()
    if parent is not None and parent.tag in ("li", "p", "h2", "h3", "h4", "span", "dt", "dd", "div", "td"):
        grand = parent.getparent()
        return grand if grand is not None else parent
    return parent


def _nearby_date(anchor: lxml.html.HtmlElement):
    parent = anchor.getparent()
    if parent is None:
        return None
    match = TEXT_DATE.search(parent.text_content())
    return datetime_from_match(match) if match else None
