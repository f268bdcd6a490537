"""``newsdesk source …`` and ``newsdesk collect`` end to end: loopback sites, a real database."""

from __future__ import annotations

import gzip
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from newsdesk.store.schema import articles, sources
from newsdesk.store.sources import utc

from .conftest import COLLECT_FIXTURES, Reply, html_page

# stores what it tests: run on SQLite and again on PostgreSQL
pytestmark = pytest.mark.both_databases

NEWS = [
    (
        "商务部：上半年网上零售额6.3万亿元",
        "据商务部统计，今年上半年全国网上零售额达到6.3万亿元，同比增长3.1%。\n实物商品网上零售额占社会消费品零售总额的比重为25.9%。",
    ),
    (
        "国办印发意见推进直播电商规范发展",
        "国务院办公厅日前印发意见，要求直播电商平台核验主播身份。\n意见还提出加强税收征管和消费者权益保护。",
    ),
    (
        "海关总署：上半年跨境电商进出口增长",
        "海关总署数据显示，上半年跨境电商进出口规模约9000亿元。\n其中出口占比超过七成，增速快于进口。",
    ),
]


@pytest.fixture
def loopback_env(monkeypatch):
    """Collector settings for tests: loopback allowed, tiny timeouts and caps."""
    for key, value in {
        "ALLOW_NETWORKS": '["loopback"]',
        "TIMEOUT_SECONDS": "1",
        "RETRIES": "1",
        "BACKOFF_SECONDS": "0.01",
        "PER_HOST_INTERVAL_SECONDS": "0",
        "PER_HOST_CONCURRENCY": "8",
        "MAX_BODY_BYTES": str(1024 * 1024),
        "MAX_RETRY_AFTER_SECONDS": "1",
        "EXTRACT_WORKERS": "1",
    }.items():
        monkeypatch.setenv(f"NEWSDESK_COLLECT__{key}", value)


def serve_news_site(server, prefix: str = "", encoding: str = "utf-8") -> str:
    items = []
    for index, (title, body) in enumerate(NEWS):
        path = f"{prefix}/n1/2022/07{14 + index:02d}/c1004-{index}.html"
        page = html_page(f"{title}--财经--人民网", body, charset=encoding)
        server.route(
            path, Reply(body=page.encode(encoding), headers={"Content-Type": "text/html; charset=utf-8"})
        )
        items.append(
            f"<item><title>{title}</title><link>{server.url(path)}?utm_source=rss</link>"
            f"<pubDate>Thu, {14 + index} Jul 2022 16:32:00 +0800</pubDate></item>"
        )
    feed = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>人民网-财经</title>{"".join(items)}</channel></rss>'

    def conditional(handler) -> Reply:
        if handler.headers.get("If-None-Match") == '"1"':
            return Reply(status=304)
        return Reply(body=feed.encode(), headers={"Content-Type": "application/rss+xml", "ETag": '"1"'})

    return server.route(f"{prefix}/rss.xml", conditional)


def stored(db_url: str) -> list:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        return list(conn.execute(select(articles).order_by(articles.c.url)))


def source_rows(db_url: str) -> dict:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        return {row.name: row for row in conn.execute(select(sources))}


def test_feed_articles_are_stored_once_with_clean_fields(cli, db_url, server, loopback_env):
    feed = serve_news_site(server, encoding="gbk")  # GBK pages that claim UTF-8
    result = cli("source", "add", feed, "--name", "人民网", "--every", "2h")
    assert result.exit_code == 0, result.output
    assert "added 人民网: feed" in result.output

    first = cli("collect")
    assert first.exit_code == 0, first.output
    assert "collected 3 new article(s) from 1 source(s)" in first.output
    rows = stored(db_url)
    assert [row.title for row in rows] == [title for title, _ in NEWS]
    assert all("?" not in row.url for row in rows)  # utm_source dropped
    assert {row.outlet for row in rows} == {"人民网"}
    assert rows[0].text.startswith("据商务部统计") and "\ufffd" not in rows[0].text
    assert utc(rows[0].published_at) == datetime(2022, 7, 14, 8, 32, tzinfo=UTC)  # 16:32 Beijing
    assert rows[0].raw and rows[0].language == "zh"

    again = cli("collect", "--source", "人民网")
    assert "collected 0 new article(s)" in again.output and "1 unchanged" in again.output
    assert len(stored(db_url)) == 3
    assert server.requests[-1][1].get("If-None-Match") == '"1"'


def test_source_kind_is_detected(cli, server, loopback_env, tmp_path):
    feed = serve_news_site(server)
    page = server.route("/one.html", Reply(body=html_page("单篇文章", NEWS[0][1] * 8).encode()))
    rows = "".join(
        f'<li><a href="/gn/2022/07-{10 + i}/98{i:05d}.shtml">第{i}条新闻标题：电商平台加快恢复配送运力</a></li>'
        for i in range(8)
    )
    listing = server.route(
        "/scroll.html", Reply(body=f"<html><body><ul class='list'>{rows}</ul></body></html>".encode())
    )
    folder = tmp_path / "inbox"
    folder.mkdir()
    for location, kind in ((feed, "feed"), (page, "page"), (listing, "listing"), (str(folder), "folder")):
        result = cli("source", "add", location)
        assert result.exit_code == 0, result.output
        assert f": {kind} " in result.output
    advertising = server.route(
        "/section.html",
        Reply(
            body=f'<html><head><link rel="alternate" type="application/rss+xml" href="/section-rss.xml"></head><body><ul>{rows}</ul></body></html>'.encode()
        ),
    )
    server.routes["/section-rss.xml"] = server.routes["/rss.xml"]
    result = cli("source", "add", advertising, "--name", "人民网财经")
    assert (
        f"feed {server.url('/section-rss.xml')}" in result.output
    )  # the advertised feed is the better way in
    listed = cli("source", "list")
    assert "人民网-财经" in listed.output and "inbox" in listed.output and "never" in listed.output


def test_pause_resume_and_remove(cli, db_url, server, loopback_env):
    feed = serve_news_site(server)
    cli("source", "add", feed, "--name", "人民网", "--kind", "feed")
    assert "paused" in cli("source", "pause", "人民网").output
    assert "nothing is due" in cli("collect").output
    assert "paused" in cli("source", "list").output
    cli("source", "resume", "人民网")
    assert "collected 3 new" in cli("collect").output
    removed = cli("source", "remove", "人民网")
    assert "its articles are kept" in removed.output
    assert len(stored(db_url)) == 3 and not source_rows(db_url)
    assert cli("source", "remove", "人民网").exit_code == 2


def test_bad_sources_get_clear_errors_and_the_others_go_on(cli, db_url, server, loopback_env, tmp_path):
    good = serve_news_site(server, prefix="/good")
    server.route(
        "/malformed.xml", Reply(body=b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</ti')
    )
    server.route("/html-feed.xml", Reply(body=html_page("人民网首页", "欢迎访问").encode()))
    server.route("/huge", Reply(body=b"", headers={"Content-Length": str(50 * 1024 * 1024)}))
    server.route(
        "/bomb", Reply(body=gzip.compress(b"<p>" * (20 * 1024 * 1024)), headers={"Content-Encoding": "gzip"})
    )
    server.route("/slow", Reply(body=b"<rss/>", delay=2.0))
    server.route("/loop", Reply(status=302, headers={"Location": "/loop"}))
    server.route("/gone.xml", Reply(status=410))
    server.route("/error.xml", Reply(status=500))
    server.route("/busy.xml", Reply(status=429, headers={"Retry-After": "600"}))
    server.route("/empty.html", Reply(body=b""))
    folder = tmp_path / "files"
    folder.mkdir()
    shutil.copy(COLLECT_FIXTURES / "scanned.pdf", folder / "扫描件.pdf")

    cases = {
        "good": (good, "feed"),
        "malformed": (server.url("/malformed.xml"), "feed"),
        "html": (server.url("/html-feed.xml"), "feed"),
        "huge": (server.url("/huge"), "page"),
        "bomb": (server.url("/bomb"), "page"),
        "slow": (server.url("/slow"), "feed"),
        "loop": (server.url("/loop"), "feed"),
        "gone": (server.url("/gone.xml"), "feed"),
        "missing": (server.url("/missing.xml"), "feed"),
        "error": (server.url("/error.xml"), "feed"),
        "busy": (server.url("/busy.xml"), "feed"),
        "empty": (server.url("/empty.html"), "page"),
        "scans": (str(folder), "folder"),
    }
    for name, (location, kind) in cases.items():
        assert cli("source", "add", location, "--name", name, "--kind", kind).exit_code == 0

    result = cli("collect")
    assert result.exit_code == 0
    assert len(stored(db_url)) == 3
    expected = {
        "malformed": "malformed feed XML",
        "html": "not a feed: the address returns an HTML page",
        "huge": "body too large: 52,428,800 bytes declared",
        "bomb": "expands beyond the cap",
        "slow": "timed out after 1s",
        "loop": "redirect loop",
        "gone": "HTTP 410",
        "missing": "HTTP 404",
        "error": "HTTP 500",
        "busy": "asks to wait 600s",
        "empty": "empty page",
        "scans": "扫描件.pdf: the PDF has no text layer",
    }
    rows = source_rows(db_url)
    assert rows["good"].last_error is None and rows["good"].last_new_articles == 3
    for name, message in expected.items():
        assert message in (rows[name].last_error or ""), name
        assert rows[name].consecutive_failures == 1, name
        assert message.split(":")[0] in result.output, name  # printed as well
    assert rows["gone"].gone and rows["missing"].gone and not rows["error"].gone
    listed = cli("source", "list").output
    assert "gone" in listed and "HTTP 500" in listed

    # A gone source is not fetched again until it is resumed.
    server.route(
        "/missing.xml", Reply(body=b'<rss version="2.0"><channel><title>back</title></channel></rss>')
    )
    assert "/missing.xml" not in cli("collect", "--source", "missing").output
    cli("source", "resume", "missing")
    cli("collect", "--source", "missing")
    back = source_rows(db_url)["missing"]
    assert not back.gone and back.last_error is None and back.consecutive_failures == 0


def test_an_article_page_that_fails_falls_back_to_the_feed_content(cli, db_url, server, loopback_env):
    server.route("/a/1.html", Reply(status=500))
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>电商报</title>'
        f"<item><title>即时零售加速崛起|电商报</title><link>{server.url('/a/1.html')}</link>"
        "<description>&lt;p&gt;下单后30分钟送达正从外卖扩展到日用品。&lt;/p&gt;&lt;p&gt;即时零售渗透率继续提升。&lt;/p&gt;</description>"
        "</item></channel></rss>"
    )
    url = server.route("/feed.xml", Reply(body=feed.encode()))
    cli("source", "add", url, "--name", "电商报", "--kind", "feed")
    assert "collected 1 new" in cli("collect").output
    (row,) = stored(db_url)
    assert row.title == "即时零售加速崛起"
    assert row.text == "下单后30分钟送达正从外卖扩展到日用品。\n即时零售渗透率继续提升。"


def test_reprints_under_one_canonical_url_are_stored_once(cli, db_url, server, loopback_env, monkeypatch):
    # The pages are served on loopback and name the outlet's own site: trusted by configuration.
    monkeypatch.setenv("NEWSDESK_COLLECT__CANONICAL_DOMAINS", '["people.example.cn"]')
    head = '<link rel="canonical" href="https://www.people.example.cn/n1/2022/0714/c1004-1.html">'
    for path in ("/mobile/1.html", "/pc/1.html"):
        server.route(path, Reply(body=html_page(NEWS[0][0], NEWS[0][1], head=head).encode()))
    items = "".join(
        f"<item><title>t</title><link>{server.url(p)}</link></item>" for p in ("/mobile/1.html", "/pc/1.html")
    )
    url = server.route(
        "/f.xml", Reply(body=f'<rss version="2.0"><channel><title>x</title>{items}</channel></rss>'.encode())
    )
    cli("source", "add", url, "--name", "人民网", "--kind", "feed")
    assert "collected 1 new" in cli("collect").output
    assert [row.url for row in stored(db_url)] == ["https://www.people.example.cn/n1/2022/0714/c1004-1.html"]


def test_one_outlets_identical_text_under_two_urls_is_stored_once(cli, db_url, server, loopback_env):
    page = html_page(NEWS[1][0], NEWS[1][1]).encode()
    for path in ("/m/2022/0624/1.html", "/www/2022/0624/1.html"):
        server.route(path, Reply(body=page))
    items = "".join(
        f"<item><title>t</title><link>{server.url(p)}</link></item>"
        for p in ("/m/2022/0624/1.html", "/www/2022/0624/1.html")
    )
    url = server.route(
        "/f.xml", Reply(body=f'<rss version="2.0"><channel><title>x</title>{items}</channel></rss>'.encode())
    )
    cli("source", "add", url, "--name", "新华网", "--kind", "feed")
    assert "collected 1 new" in cli("collect").output
    assert len(stored(db_url)) == 1


def test_folder_picks_up_new_files_on_each_run(cli, db_url, tmp_path, loopback_env):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(
        "商务部召开座谈会\n来源：国际商报　2022年06月17日 08:20\n\n会议要求发挥电商保供稳价作用。\n",
        encoding="utf-8",
    )
    shutil.copy(COLLECT_FIXTURES / "bulletin.eml", inbox / "bulletin.eml")
    cli("source", "add", str(inbox), "--name", "资料")
    assert "collected 2 new" in cli("collect", "--source", "资料").output
    for name in ("policy.pdf", "overseas_warehouse.docx", "article_gbk_mislabelled.html"):
        shutil.copy(COLLECT_FIXTURES / name, inbox / name)
    assert "collected 3 new" in cli("collect", "--source", "资料").output
    assert "collected 0 new" in cli("collect", "--source", "资料").output
    rows = {Path(row.url).name: row for row in stored(db_url)}
    assert rows["a.txt"].outlet == "国际商报" and rows["a.txt"].text == "会议要求发挥电商保供稳价作用。"
    assert rows["overseas_warehouse.docx"].outlet == "中国贸易报"
    assert rows["bulletin.eml"].outlet == "资料"
    assert "实物商品网上零售额" in rows["article_gbk_mislabelled.html"].text


def test_bad_arguments_are_rejected(cli, loopback_env, tmp_path):
    assert cli("source", "add", str(tmp_path / "nope")).exit_code == 2
    assert cli("source", "add", str(tmp_path), "--every", "soon").exit_code == 2
    assert cli("source", "add", str(tmp_path), "--kind", "podcast").exit_code == 2
    assert cli("collect", "--source", "nobody").exit_code == 2


def test_extraction_can_be_rerun_from_the_stored_raw_pages(cli, db_url, server, loopback_env, tmp_path):
    serve_news_site(server, encoding="gbk")
    cli("source", "add", server.url("/rss.xml"), "--name", "人民网", "--kind", "feed")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(COLLECT_FIXTURES / "policy.pdf", inbox / "policy.pdf")
    cli("source", "add", str(inbox), "--name", "资料")
    cli("collect")
    before = {row.url: (row.title, row.text) for row in stored(db_url)}
    assert len(before) == 4
    engine = create_engine(db_url)
    with engine.begin() as conn:  # as if an older extractor had done worse
        conn.execute(articles.update().values(title="旧标题", text="旧正文"))
    result = cli("collect", "--reextract")
    assert "re-extracted: 4 changed, 0 unchanged, 0 failed" in result.output
    assert {row.url: (row.title, row.text) for row in stored(db_url)} == before
    # robots.txt, the feed and three pages, each fetched once: re-extraction fetches nothing.
    assert len(server.requests) == 5
