"""Article extraction from one HTML document: text, title, date, author, canonical URL.

Runs in worker processes (see :mod:`newsdesk.collect.runner`), so the entry point
:func:`extract_html` takes and returns picklable values. We decode bytes ourselves and
hand trafilatura a parsed tree: its own charset guessing misreads GBK pages
(trafilatura issue #541).
"""

from __future__ import annotations

import re
import zlib
from datetime import datetime
from zoneinfo import ZoneInfo

import lxml.html
import nh3
import trafilatura
from lxml import etree

from newsdesk.collect.records import CollectError, ExtractedArticle
from newsdesk.collect.urls import canonical_url
from newsdesk.text.encoding import NotTextError, decode_bytes
from newsdesk.text.normalize import clean_text

SHANGHAI = ZoneInfo("Asia/Shanghai")

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

# Date strings as Chinese pages print them: 2022年06月28日 10:21, 2022-06-28 10:21:05, 2022/6/28
TEXT_DATE = re.compile(
    r"(20\d{2}|19\d{2})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?"
    r"(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?"
)
_URL_DATES = (
    re.compile(r"/(20\d{2})[-_/]?(\d{2})[-_/]?(\d{2})/"),  # /2022/0628/ /2022-06/28/ /20220628/
    re.compile(r"[/_t](20\d{2})(\d{2})(\d{2})[_/.]"),  # t20220628_123.html, /20220628/
    re.compile(r"/(20\d{2})-(\d{2})-(\d{2})"),  # /2022-06-28-…
)
_DATE_META = (
    "article:published_time",
    "og:release_date",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "publishtime",
    "publish_time",
    "firstpublishedtime",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "date",
)
_AUTHOR_META = ("author", "article:author", "byl", "dc.creator", "sailthru.author")
_SITE_META = ("og:site_name", "sitename", "site_name", "application-name")
# a dash between two numbers is a range (1—11月), not a separator
_TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜|--|——|(?<!\d)—|—(?!\d)|\s-\s|\s–\s)\s*")
# a figure (105374亿元, 5.6%, 11月) says the tail is headline, whatever words it has
_HEADLINE_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|亿|万|元|月|年|件|个|倍)")
_SITE_WORDS = re.compile(r"(网|报|新闻|财经|频道|客户端|在线|日报|时报|资讯|官网|门户|\.com|\.cn|首页|栏目)")
_AUTHOR_TEXT = re.compile(r"(?:作者|撰文|文)\s*[:：/]\s*([\u4e00-\u9fff·]{2,12}|[A-Za-z][A-Za-z .]{1,40})")
# "（记者 张三）", "记者张三报道", "本报记者 张三 李四": the name must be fenced off explicitly.
_REPORTER_TEXT = re.compile(
    r"(?:记者|通讯员)(?:\s+([\u4e00-\u9fff]{2,3})(?=[\s，,、）)]|$)|([\u4e00-\u9fff]{2,3})(?=\s*(?:报道|[）)])))"
)
# Furniture removed before extraction: on short pages trafilatura otherwise keeps the menus.
_PRUNE = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|footer|breadcrumb|crumb|copyright|sidebar|share|toolbar|friendlink)([\s_-]|$)",
    re.IGNORECASE,
)


def decode_html(body: bytes, header_charset: str | None) -> str:
    """Decode an HTML body: header and meta labels are verified, not trusted."""
    meta = _META_CHARSET.search(body[:4096])
    declared = [header_charset, meta.group(1).decode("ascii", "ignore") if meta else None]
    try:
        return decode_bytes(body, declared).text
    except NotTextError as exc:
        raise CollectError(f"not an HTML page: {exc}") from exc


def parse_html(text: str) -> lxml.html.HtmlElement:
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        raise CollectError("empty page")
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise CollectError(f"unparsable HTML: {exc}") from exc
    return tree


def extract_html(body: bytes, url: str, header_charset: str | None = None) -> ExtractedArticle:
    """Extract the article of one HTML page. Raises :class:`CollectError` when there is none."""
    text = decode_html(body, header_charset)
    return extract_html_text(text, url)


def extract_html_text(html: str, url: str) -> ExtractedArticle:
    tree = parse_html(html)
    meta = _meta_values(tree)
    canonical = _canonical_link(tree, url)
    h1 = _first_text(tree, "//h1")
    html_title = _first_text(tree, "//title")
    lang = tree.get("lang") or meta.get("language") or meta.get("content-language")
    site_name = _first_meta(meta, _SITE_META)
    byline = _byline_window(html)
    # Under the headline, then the URL, then anywhere near the top: many Chinese sites print
    # today's date in their header, which must not pass for the publication date.
    published = _first_meta_date(meta) or _date_in(byline[:1]) or date_from_url(url) or _date_in(byline[1:])
    meta_author = _first_meta(meta, _AUTHOR_META) or author_from_text(byline[0] if byline else "")
    _prune_furniture(tree)

    # trafilatura cleans the tree in place: every look at the raw page happens above.
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
    )
    body_text = ""
    found_title = None
    found_date = None
    found_author = None
    found_lang = None
    if document is not None:
        body_text = (document.text or "").strip()
        found_title = document.title
        found_date = document.date
        found_author = document.author
        found_lang = document.language
    body_text = normalize_text(body_text)
    if not body_text:
        raise CollectError("no article text found on the page")
    title = choose_title(h1, meta.get("og:title"), html_title, found_title, site_name)
    body_text = strip_heading_lines(body_text, [title, h1, html_title, site_name])
    if not title:
        title = body_text.split("\n", 1)[0][:60]
    if published is None and found_date:
        published = parse_datetime(found_date)
    author = meta_author or found_author or author_from_text(body_text)
    return ExtractedArticle(
        title=title,
        text=body_text,
        canonical_url=canonical,
        published_at=published,
        author=(author or None) and author.strip()[:300],
        language=normalize_language(lang or found_lang, body_text),
        site_name=site_name,
    )


# -- titles -----------------------------------------------------------------------------------


def trim_title(title: str, site_name: str | None = None) -> str:
    """Drop site suffixes: ``标题_新浪财经_新浪网`` → ``标题``; ``标题--经济·科技--人民网`` → ``标题``."""
    title = re.sub(r"\s+", " ", clean_text(title)).strip()
    end = len(title)
    for separator in reversed(list(_TITLE_SEPARATORS.finditer(title))):
        tail = title[separator.end() : end].strip()
        # Site furniture is short and names a site or a channel; a long tail is headline.
        is_site = bool(site_name and site_name in tail) or bool(_SITE_WORDS.search(tail)) or len(tail) <= 6
        if is_site and _HEADLINE_FIGURE.search(tail) and not (site_name and site_name in tail):
            is_site = False
        if not tail or (is_site and len(tail) <= 20):
            end = separator.start()
            continue
        break
    return title[:end].strip() or title


def choose_title(
    h1: str | None,
    og_title: str | None,
    html_title: str | None,
    extracted: str | None,
    site_name: str | None,
) -> str:
    candidates = [c.strip() for c in (og_title, html_title, extracted) if c and c.strip()]
    trimmed = [trim_title(c, site_name) for c in candidates]
    if h1:
        h1 = trim_title(h1, site_name)
        # The headline in <h1> is right when the <title> agrees with it.
        if any(t == h1 or t.startswith(h1) or h1.startswith(t) for t in trimmed) or not trimmed:
            return h1
    return trimmed[0] if trimmed else (h1 or "")


def strip_heading_lines(text: str, headings: list[str | None]) -> str:
    """Drop the headline and the date/source line when extraction kept them atop the text."""
    lines = text.split("\n")
    wanted = {re.sub(r"\s+", "", h) for h in headings if h}
    dropped = 0
    while lines and dropped < 4:
        line = lines[0]
        compact = re.sub(r"\s+", "", line)
        is_heading = compact in wanted or any(
            w and w.startswith(compact) and len(compact) > 8 for w in wanted
        )
        is_dateline = len(line) <= 80 and (
            (TEXT_DATE.search(line) and len(TEXT_DATE.sub("", line).strip()) <= 40)
            or re.match(r"^\s*(来源|作者|编辑|责任编辑|发布时间|字号)\s*[:：]", line)
        )
        if not (is_heading or is_dateline) or len(lines) == 1:
            break
        lines.pop(0)
        dropped += 1
    return "\n".join(lines)


# -- dates ------------------------------------------------------------------------------------


def parse_datetime(value: str) -> datetime | None:
    """ISO-8601 or Chinese date strings; naive times are taken to be in Asia/Shanghai."""
    value = value.strip()
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is None:
        match = TEXT_DATE.search(value)
        if not match:
            return None
        parsed = datetime_from_match(match)
        if parsed is None:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=SHANGHAI)
    return parsed


def datetime_from_match(match: re.Match[str]) -> datetime | None:
    year, month, day, hour, minute, second = match.groups()
    try:
        return datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            tzinfo=SHANGHAI,
        )
    except ValueError:
        return None


def date_from_url(url: str) -> datetime | None:
    for pattern in _URL_DATES:
        match = pattern.search(url)
        if match:
            try:
                return datetime(int(match[1]), int(match[2]), int(match[3]), tzinfo=SHANGHAI)
            except ValueError:
                continue
    return None


def _byline_window(html: str) -> list[str]:
    """Page text where the date and byline are: just under the headline, else the top of the page."""
    start = html.find("<h1")
    windows = [html[start : start + 3000] if start >= 0 else "", html[:30000]]
    cleaned = []
    for window in windows:
        window = re.sub(r"<script.*?</script>|<style.*?</style>", " ", window, flags=re.S | re.I)
        cleaned.append(re.sub(r"<[^>]+>", " ", window))
    if start >= 0:
        # Skip the headline itself: its text may hold dates that are not the publication date.
        cleaned[0] = cleaned[0].split("\n", 1)[-1] if "\n" in cleaned[0] else cleaned[0]
    return cleaned


def _date_in(windows: list[str]) -> datetime | None:
    for window in windows:
        for match in TEXT_DATE.finditer(window):
            found = datetime_from_match(match)
            if found is not None and 1990 < found.year < 2100:
                return found
    return None


def _first_meta_date(meta: dict[str, str]) -> datetime | None:
    for key in _DATE_META:
        if key in meta:
            found = parse_datetime(meta[key])
            if found is not None:
                return found
    return None


# -- small helpers ------------------------------------------------------------------------------


def _meta_values(tree: lxml.html.HtmlElement) -> dict[str, str]:
    values: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (
            element.get("property")
            or element.get("name")
            or element.get("itemprop")
            or element.get("http-equiv")
        )
        content = element.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), content.strip())
    return values


def _first_meta(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if meta.get(key):
            return meta[key]
    return None


def _canonical_link(tree: lxml.html.HtmlElement, url: str) -> str | None:
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and href:
            resolved = canonical_url(href, base=url)
            if resolved.startswith(("http://", "https://")):
                return resolved
    return None


def _first_text(tree: lxml.html.HtmlElement, xpath: str) -> str | None:
    for element in tree.xpath(xpath):
        text = element.text_content().strip()
        if text:
            return re.sub(r"\s+", " ", text)
    return None


def author_from_text(text: str) -> str | None:
    head = text[:400]
    match = _AUTHOR_TEXT.search(head)
    if match:
        return match.group(1).strip()
    match = _REPORTER_TEXT.search(head)
    return (match.group(1) or match.group(2)).strip() if match else None


def _prune_furniture(tree: lxml.html.HtmlElement) -> None:
    doomed = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body"):
            continue
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        if element.tag in ("nav", "footer", "aside") or (marker.strip() and _PRUNE.search(marker)):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def normalize_language(label: str | None, text: str) -> str | None:
    if label:
        label = label.strip().lower().replace("_", "-")
        if label:
            return label.split("-")[0] if label.startswith("zh") else label[:16]
    sample = text[:2000]
    if not sample:
        return None
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    if cjk / len(sample) > 0.1:
        return "zh"
    letters = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    return "en" if letters / len(sample) > 0.5 else None


def normalize_text(text: str) -> str:
    """Paragraphs separated by one newline, spaces inside a paragraph collapsed."""
    lines = (re.sub(r"[ \t\u3000\xa0]+", " ", line).strip() for line in clean_text(text).split("\n"))
    return "\n".join(line for line in lines if line)


def text_from_fragment(html: str) -> str:
    """Plain text of an HTML fragment (a feed's content): one paragraph a line, no markup."""
    if not html or not html.strip():
        return ""
    if "<" not in html:
        return normalize_text(html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return normalize_text(re.sub(r"<[^>]+>", " ", html))
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for element in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section"):
        element.tail = "\n" + (element.tail or "")
    return normalize_text(root.text_content())


def safe_html(html: str) -> str:
    """Kept HTML made safe to show: scripts, event handlers and javascript: links removed."""
    return nh3.clean(html)


def stored_html(raw: bytes, header_charset: str | None = None) -> str:
    """The raw body of a stored article, decompressed, decoded and sanitized for display."""
    return safe_html(decode_html(zlib.decompress(raw), header_charset))
