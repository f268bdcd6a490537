"""The bundled sample corpus served as news sites on loopback, for ``newsdesk demo``.

Each outlet in ``samples/corpus/web/<slug>.txt`` becomes a small site with article pages in
that outlet's style (navigation, a date line, related links, a footer) and one way in: RSS 2.0,
RSS 1.0, Atom, JSON Feed, or only a listing page. 中国经济网 is served in GBK, as many Chinese
sites still are. Pages name a stable canonical URL, so reruns on a new port store nothing twice.
"""

from __future__ import annotations

import html
import json
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

from newsdesk.collect.urls import DEMO_DOMAIN

CORPUS = Path(str(resources.files("newsdesk") / "samples" / "corpus"))
BEIJING = timezone(timedelta(hours=8))


@dataclass(frozen=True)
class DemoOutlet:
    slug: str
    name: str
    way_in: str  # rss2 | rss1 | atom | jsonfeed | listing
    title_suffix: str  # how the outlet decorates <title>; {column} is the section
    encoding: str = "utf-8"

    @property
    def canonical_base(self) -> str:
        return f"https://{self.slug}.{DEMO_DOMAIN}"

    @property
    def entry_path(self) -> str:
        return {
            "rss2": "/rss.xml",
            "rss1": "/rss.rdf",
            "atom": "/atom.xml",
            "jsonfeed": "/feed.json",
            "listing": "/list.shtml",
        }[self.way_in]


OUTLETS = (
    DemoOutlet("people", "人民网", "rss2", "--{column}--人民网"),
    DemoOutlet("xinhua", "新华网", "atom", "-新华网"),
    DemoOutlet("ce", "中国经济网", "rss2", "_中国经济网——国家经济门户", encoding="gbk"),
    DemoOutlet("dsb", "电商报", "jsonfeed", "|电商报"),
    DemoOutlet("chinanews", "中国新闻网", "listing", "-中新网"),
    DemoOutlet("mofcom", "商务部网站", "rss1", "_{column}_商务部网站"),
)


@dataclass(frozen=True)
class DemoArticle:
    outlet: DemoOutlet
    title: str
    published: datetime
    author: str
    path: str
    column: str
    paragraphs: tuple[str, ...]


def load_articles() -> list[DemoArticle]:
    found = []
    for outlet in OUTLETS:
        text = (CORPUS / "web" / f"{outlet.slug}.txt").read_text(encoding="utf-8")
        for block in text.split("=====\n"):
            if not block.strip():
                continue
            head, body = block.split("---\n", 1)
            fields = dict(line.split("：", 1) for line in head.strip().splitlines())
            found.append(
                DemoArticle(
                    outlet=outlet,
                    title=fields["标题"].strip(),
                    published=datetime.strptime(fields["时间"].strip(), "%Y-%m-%d %H:%M").replace(
                        tzinfo=BEIJING
                    ),
                    author=fields.get("作者", "").strip(),
                    path=fields["路径"].strip(),
                    column=fields.get("栏目", "新闻").strip(),
                    paragraphs=tuple(p.strip() for p in body.strip().splitlines() if p.strip()),
                )
            )
    return found


def folder_path() -> Path:
    return CORPUS / "folder"


# -- rendering ----------------------------------------------------------------------------------


def render_page(article: DemoArticle, neighbours: list[DemoArticle], base: str) -> str:
    outlet = article.outlet
    e = html.escape
    when = article.published.strftime("%Y年%m月%d日 %H:%M")
    related = "".join(
        f'<li><a href="{base}{n.path}">{e(n.title)}</a></li>' for n in neighbours if n is not article
    )
    byline = f"　作者：{e(article.author)}" if article.author else ""
    paragraphs = "\n".join(f"<p>{e(p)}</p>" for p in article.paragraphs)
    title = e(article.title + outlet.title_suffix.format(column=article.column))
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{outlet.encoding}">
<title>{title}</title>
<meta name="keywords" content="{e(article.column)},电子商务,{e(outlet.name)}">
<meta property="og:site_name" content="{e(outlet.name)}">
<link rel="canonical" href="{outlet.canonical_base}{article.path}">
<script>var _hmt = _hmt || []; /* site statistics */</script>
</head>
<body>
<div class="header"><div class="logo"><a href="{base}/">{e(outlet.name)}</a></div>
<ul class="nav"><li><a href="{base}/">首页</a></li><li><a href="{base}/politics/">时政</a></li>
<li><a href="{base}/finance/">财经</a></li><li><a href="{base}/tech/">科技</a></li>
<li><a href="{base}/society/">社会</a></li><li><a href="{base}/comments/">评论</a></li></ul></div>
<div class="breadcrumb"><a href="{base}/">{e(outlet.name)}</a> &gt; <a href="{base}/{e(article.column)}/">{e(article.column)}</a> &gt; 正文</div>
<div class="main">
<h1>{e(article.title)}</h1>
<div class="date-source">{when}　来源：{e(outlet.name)}{byline}</div>
<div class="article-content">
{paragraphs}
</div>
<div class="editor">（责任编辑：陈曦）</div>
<div class="share">分享到：微信 微博 QQ空间</div>
</div>
<div class="sidebar"><h3>相关新闻</h3><ul>{related}</ul></div>
<div class="footer"><p>关于我们 | 广告服务 | 联系我们 | 网站地图</p>
<p>{e(outlet.name)} 版权所有，未经书面授权禁止使用</p></div>
</body>
</html>
"""


def render_entry(outlet: DemoOutlet, articles: list[DemoArticle], base: str) -> tuple[bytes, str]:
    """The outlet's way in: a feed in its format, or a listing page."""
    e = html.escape
    site = f"{base}/{outlet.slug}"
    # Feed links carry tracking parameters, as real feeds do: the collector drops them.
    link = lambda a: f"{site}{a.path}?utm_source=rss&amp;utm_medium=feed"  # noqa: E731
    summary = lambda a: e(a.paragraphs[0])  # noqa: E731
    if outlet.way_in == "rss2":
        items = "".join(
            f"<item><title>{e(a.title)}</title><link>{link(a)}</link>"
            f"<pubDate>{format_datetime(a.published)}</pubDate><description>{summary(a)}</description>"
            f"<category>{e(a.column)}</category></item>"
            for a in articles
        )
        body = (
            f'<?xml version="1.0" encoding="{outlet.encoding}"?>\n<rss version="2.0"><channel>'
            f"<title>{e(outlet.name)}</title><link>{site}/</link><description>{e(outlet.name)}滚动新闻</description>"
            f"{items}</channel></rss>"
        )
        return body.encode(outlet.encoding), f"application/rss+xml; charset={outlet.encoding}"
    if outlet.way_in == "rss1":
        items = "".join(
            f'<item rdf:about="{link(a)}"><title>{e(a.title)}</title><link>{link(a)}</link>'
            f"<dc:date>{a.published.isoformat()}</dc:date><description>{summary(a)}</description></item>"
            for a in articles
        )
        body = (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<channel rdf:about="{site}/"><title>{e(outlet.name)}</title><link>{site}/</link>'
            f"<description>{e(outlet.name)}</description></channel>{items}</rdf:RDF>"
        )
        return body.encode(), "application/rdf+xml; charset=utf-8"
    if outlet.way_in == "atom":
        entries = "".join(
            f'<entry><title>{e(a.title)}</title><link href="{link(a)}"/><id>{outlet.canonical_base}{a.path}</id>'
            f"<updated>{a.published.isoformat()}</updated><published>{a.published.isoformat()}</published>"
            f"<summary>{summary(a)}</summary>"
            + (f"<author><name>{e(a.author)}</name></author>" if a.author else "")
            + "</entry>"
            for a in articles
        )
        body = (
            '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f'<title>{e(outlet.name)}</title><id>{outlet.canonical_base}/</id><link href="{site}/"/>'
            f"<updated>{max(a.published for a in articles).isoformat()}</updated>{entries}</feed>"
        )
        return body.encode(), "application/atom+xml; charset=utf-8"
    if outlet.way_in == "jsonfeed":
        feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": outlet.name,
            "home_page_url": f"{site}/",
            "items": [
                {
                    "id": f"{outlet.canonical_base}{a.path}",
                    "url": f"{site}{a.path}?utm_source=jsonfeed",
                    "title": a.title,
                    "date_published": a.published.isoformat(),
                    "summary": a.paragraphs[0],
                    **({"authors": [{"name": a.author}]} if a.author else {}),
                }
                for a in articles
            ],
        }
        return json.dumps(feed, ensure_ascii=False).encode(), "application/feed+json"
    rows = "".join(
        f'<li><a href="{site}{a.path}" target="_blank">{e(a.title)}</a>'
        f'<span class="time">{a.published:%Y-%m-%d %H:%M}</span></li>'
        for a in articles
    )
    body = f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>滚动新闻-{e(outlet.name)}</title></head>
<body><div class="header"><ul class="nav"><li><a href="{site}/">首页</a></li><li><a href="{site}/gn/">国内</a></li>
<li><a href="{site}/cj/">财经</a></li><li><a href="{site}/sh/">社会</a></li></ul></div>
<div class="content_list"><h2>滚动新闻</h2><ul>{rows}</ul></div>
<div class="footer"><a href="{site}/about.shtml">关于我们</a> <a href="{site}/contact.shtml">联系我们</a></div>
</body></html>"""
    return body.encode(), "text/html; charset=utf-8"


# -- serving ----------------------------------------------------------------------------------


class DemoSite:
    """All demo outlets on one loopback server: ``/<slug>/<path>``. Use as a context manager."""

    def __init__(self) -> None:
        self.articles = load_articles()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _DemoHandler)
        self._server.daemon_threads = True
        self._server.site = self  # type: ignore[attr-defined]
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="demo-site", daemon=True)

    def __enter__(self) -> DemoSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def entry_url(self, outlet: DemoOutlet) -> str:
        return f"{self.base}/{outlet.slug}{outlet.entry_path}"

    def respond(self, path: str) -> tuple[int, bytes, str]:
        path = path.split("?", 1)[0]
        if path == "/robots.txt":
            return 200, b"User-agent: *\nDisallow: /admin/\n", "text/plain"
        slug, _, rest = path.lstrip("/").partition("/")
        rest = "/" + rest
        outlet = next((o for o in OUTLETS if o.slug == slug), None)
        if outlet is None:
            return 404, b"not found", "text/plain"
        mine = sorted(
            (a for a in self.articles if a.outlet is outlet), key=lambda a: a.published, reverse=True
        )
        if rest == outlet.entry_path:
            return 200, *render_entry(outlet, mine, self.base)
        for index, article in enumerate(mine):
            if article.path == rest:
                neighbours = mine[max(0, index - 2) : index + 3]
                page = render_page(article, neighbours, f"{self.base}/{slug}")
                return 200, page.encode(outlet.encoding), f"text/html; charset={outlet.encoding}"
        return 404, "页面不存在".encode(), "text/plain; charset=utf-8"


class _DemoHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        status, body, content_type = self.server.site.respond(self.path)  # type: ignore[attr-defined]
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
