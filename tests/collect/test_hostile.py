"""Hostile input to collection outside HTTP itself: a page claiming another site's canonical
URL, a JSON Feed with wrong field types, a damaged stored page, unreadable files in a folder
source, two collectors running the same source at once."""

from __future__ import annotations

import asyncio
import json

import pytest
from sqlalchemy import select, update

from newsdesk.collect.feeds import parse_feed
from newsdesk.collect.records import CollectError
from newsdesk.collect.runner import collect_due, make_extraction_pool, reextract
from newsdesk.collect.urls import canonical_link_allowed, registrable_domain
from newsdesk.store.db import open_database
from newsdesk.store.schema import articles
from newsdesk.store.sources import add_source, get_source

from .conftest import Reply, html_page

VICTIM_TITLE = "商务部：上半年网上零售额6.3万亿元"
VICTIM_BODY = "据商务部统计，今年上半年全国网上零售额达到6.3万亿元，同比增长3.1%。\n实物商品网上零售额占社会消费品零售总额的比重为25.9%。"
FAKE_TITLE = "假消息：某平台全面停业"
FAKE_BODY = (
    "这是一篇冒充他站文章地址的页面。\n它在页面头部声明了另一个网站的规范地址，想让真正的文章再也收不进来。"
)


@pytest.fixture
def engine(db_url):
    return open_database(db_url)


@pytest.fixture
def pool(collect_settings):
    running = make_extraction_pool(collect_settings)
    yield running
    running.shutdown()


def collect(engine, settings, pool, *names):
    return asyncio.run(collect_due(engine, settings, pool, names=list(names) or None))


def stored(engine) -> dict[str, str]:
    with engine.connect() as conn:
        return dict(conn.execute(select(articles.c.url, articles.c.title)).all())


# -- canonical hijack ------------------------------------------------------------------------


def test_registrable_domains():
    assert registrable_domain("https://finance.people.com.cn/n1/a.html") == "people.com.cn"
    assert registrable_domain("http://127.0.0.1:8000/a") == "127.0.0.1"
    assert canonical_link_allowed("https://www.people.com.cn/a", "http://m.people.com.cn/b")
    assert not canonical_link_allowed("https://www.people.com.cn/a", "http://people.com.cn.evil.cn/b")
    assert not canonical_link_allowed("http://localhost:80/a/5", "http://127.0.0.1:80/x")
    assert canonical_link_allowed("https://www.people.com.cn/a", "http://127.0.0.1/b", ["people.com.cn"])


def test_a_page_cannot_claim_another_hosts_canonical_url(engine, server, collect_settings, pool):
    victim = server.url("/a/5.html", host="localhost")
    head = f'<link rel="canonical" href="{victim}">'
    server.route("/evil/1.html", Reply(body=html_page(FAKE_TITLE, FAKE_BODY, head=head).encode()))
    server.route("/a/5.html", Reply(body=html_page(VICTIM_TITLE, VICTIM_BODY).encode()))
    evil = server.url("/evil/1.html")
    add_source(engine, name="坏站", location=evil, kind="page", interval_seconds=60)
    add_source(engine, name="人民网", location=victim, kind="page", interval_seconds=60)

    (first,) = collect(engine, collect_settings, pool, "坏站")
    assert first.new_articles == 1
    assert stored(engine) == {evil: FAKE_TITLE}  # under its own address, not the victim's

    (second,) = collect(engine, collect_settings, pool, "人民网")
    assert second.ok and second.new_articles == 1
    assert stored(engine)[victim] == VICTIM_TITLE


def test_a_canonical_link_within_the_site_or_to_a_trusted_domain_is_honoured(
    engine, server, collect_settings, pool
):
    same_site = server.url("/a/7.html")
    server.route(
        "/m/7.html",
        Reply(
            body=html_page(
                VICTIM_TITLE, VICTIM_BODY, head=f'<link rel="canonical" href="{same_site}">'
            ).encode()
        ),
    )
    other = "https://www.people.example.cn/n1/8.html"
    server.route(
        "/m/8.html",
        Reply(body=html_page(FAKE_TITLE, FAKE_BODY, head=f'<link rel="canonical" href="{other}">').encode()),
    )
    add_source(engine, name="手机版", location=server.url("/m/7.html"), kind="page", interval_seconds=60)
    add_source(engine, name="镜像", location=server.url("/m/8.html"), kind="page", interval_seconds=60)
    trusting = collect_settings.model_copy(update={"canonical_domains": ["people.example.cn"]})
    collect(engine, trusting, pool)
    assert set(stored(engine)) == {same_site, other}


def test_a_canonical_link_never_takes_the_place_of_another_sources_article(
    engine, server, collect_settings, pool
):
    original = server.url("/a/9.html")
    server.route("/a/9.html", Reply(body=html_page(VICTIM_TITLE, VICTIM_BODY).encode()))
    server.route(
        "/copy/9.html",
        Reply(
            body=html_page(FAKE_TITLE, FAKE_BODY, head=f'<link rel="canonical" href="{original}">').encode()
        ),
    )
    add_source(engine, name="原站", location=original, kind="page", interval_seconds=60)
    add_source(engine, name="转载站", location=server.url("/copy/9.html"), kind="page", interval_seconds=60)
    collect(engine, collect_settings, pool, "原站")
    (copy,) = collect(engine, collect_settings, pool, "转载站")
    assert copy.new_articles == 1
    assert stored(engine) == {original: VICTIM_TITLE, server.url("/copy/9.html"): FAKE_TITLE}


# -- JSON Feed with wrong field types -----------------------------------------------------------


def json_feed(items) -> bytes:
    return json.dumps(
        {"version": "https://jsonfeed.org/version/1.1", "title": ["not", "a", "name"], "items": items}
    ).encode()


def test_json_feed_fields_of_the_wrong_type_are_left_out():
    parsed = parse_feed(
        json_feed(
            [
                {"id": 1, "url": ["http://x.cn/a"], "title": "列表地址"},
                "not an object",
                {
                    "url": "http://x.cn/b.html",
                    "title": 12345,
                    "authors": "张三",
                    "content_html": {"p": 1},
                    "date_published": 20220628,
                },
                {
                    "url": "http://x.cn/c.html",
                    "title": " 正常标题 ",
                    "authors": [{"name": 7}, {"name": "李四"}],
                },
            ]
        ),
        "http://x.cn/feed.json",
    )
    assert parsed.title is None
    assert [(link.url, link.title, link.author, link.content_html) for link in parsed.links] == [
        ("http://x.cn/b.html", None, None, None),
        ("http://x.cn/c.html", "正常标题", "李四", None),
    ]
    assert parsed.warning.startswith("2 JSON Feed items")


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"version": "https://jsonfeed.org/version/1", "items": 5}', "items is a number, not a list"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": {"a": 1}}', "items is an object"),
        (
            b'{"version": "https://jsonfeed.org/version/1", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            "nested too deeply",
        ),
        (b'{"version": "https://jsonfeed.org/version/1", "n": ' + b"9" * 5000 + b"}", "malformed JSON Feed"),
    ],
)
def test_a_json_feed_that_cannot_be_used_is_one_line(body, reason):
    with pytest.raises(CollectError) as caught:
        parse_feed(body, "http://x.cn/feed.json")
    assert reason in str(caught.value) and "\n" not in str(caught.value)


def test_a_json_feed_of_wrong_types_fails_its_source_with_a_reason_not_a_traceback(
    engine, server, collect_settings, pool, caplog
):
    url = server.route(
        "/feed.json", Reply(body=json_feed(7), headers={"Content-Type": "application/feed+json"})
    )
    add_source(engine, name="坏订阅", location=url, kind="feed", interval_seconds=60)
    (outcome,) = collect(engine, collect_settings, pool)
    assert outcome.error == "malformed JSON Feed: items is a number, not a list"
    assert "Traceback" not in caplog.text and "unexpected error" not in caplog.text
    assert get_source(engine, "坏订阅").last_error == outcome.error


# -- a damaged stored page -------------------------------------------------------------------


def test_reextract_reports_a_damaged_raw_page_and_goes_on(engine, server, collect_settings, pool):
    items = []
    for n in range(3):
        path = f"/n/{n}.html"
        server.route(
            path, Reply(body=html_page(f"{VICTIM_TITLE}（{n}）", f"第{n}篇。{VICTIM_BODY}").encode())
        )
        items.append(f"<item><title>t{n}</title><link>{server.url(path)}</link></item>")
    feed = server.route(
        "/rss.xml",
        Reply(body=f'<rss version="2.0"><channel><title>x</title>{"".join(items)}</channel></rss>'.encode()),
    )
    add_source(engine, name="站", location=feed, kind="feed", interval_seconds=60)
    collect(engine, collect_settings, pool)
    damaged = server.url("/n/1.html")
    with engine.begin() as conn:
        conn.execute(
            update(articles).where(articles.c.url == damaged).values(raw=b"\x78\x9c not zlib at all")
        )
        conn.execute(update(articles).where(articles.c.url != damaged).values(title="旧标题"))
    updated, unchanged, problems = asyncio.run(reextract(engine, pool))
    assert updated == 2 and unchanged == 0
    assert len(problems) == 1 and problems[0].startswith(damaged) and "damaged" in problems[0]


# -- unreadable files in a folder source ------------------------------------------------------


def test_a_folder_with_unreadable_files_skips_and_reports_them(engine, tmp_path, collect_settings, pool):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text(
        "上半年网上零售额增长\n\n商务部数据显示，上半年网上零售额增长3.1%。\n", encoding="utf-8"
    )
    # Unreadable even for root: reading /proc/self/mem at offset 0 fails with EIO.
    (inbox / "unreadable.txt").symlink_to("/proc/self/mem")
    (inbox / "dangling.html").symlink_to(tmp_path / "gone.html")
    (inbox / "elsewhere.txt").symlink_to(inbox / "good.txt")  # a link is read as what it is named
    add_source(engine, name="资料", location=str(inbox), kind="folder", interval_seconds=1)

    (first,) = collect(engine, collect_settings, pool)
    assert first.ok, first.error
    problems = "\n".join(first.article_errors)
    assert "unreadable.txt: cannot read" in problems
    assert "dangling.html: broken symbolic link" in problems
    source = get_source(engine, "资料")
    assert source.consecutive_failures == 0 and source.last_new_articles == first.new_articles >= 1

    (second,) = collect(engine, collect_settings, pool, "资料")  # nothing new: not a failure either
    assert second.ok, second.error
    assert get_source(engine, "资料").consecutive_failures == 0


# -- two collectors at once -------------------------------------------------------------------


@pytest.mark.both_databases
def test_two_collects_at_once_both_record_what_the_source_brought(engine, server, collect_settings, pool):
    items = []
    for n in range(6):
        path = f"/slow/{n}.html"
        body = f"第{n}篇：{VICTIM_BODY}"
        server.route(path, Reply(body=html_page(f"电商动态第{n}篇", body).encode(), delay=0.05))
        items.append(f"<item><title>电商动态第{n}篇</title><link>{server.url(path)}</link></item>")
    feed = server.route(
        "/rss.xml",
        Reply(body=f'<rss version="2.0"><channel><title>x</title>{"".join(items)}</channel></rss>'.encode()),
    )
    add_source(engine, name="快讯", location=feed, kind="feed", interval_seconds=60)

    async def both():
        return await asyncio.gather(
            collect_due(engine, collect_settings, pool, names=["快讯"]),
            collect_due(engine, collect_settings, pool, names=["快讯"]),
        )

    (a,), (b,) = asyncio.run(both())
    assert a.ok and b.ok
    assert a.new_articles + b.new_articles == 6  # each article stored once, by one of them
    assert get_source(engine, "快讯").last_new_articles == 6
