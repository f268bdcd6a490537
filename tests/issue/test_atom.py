"""Atom feeds of one issue and of the archive, read back with feedparser."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from urllib.parse import quote

import feedparser
import pytest

from newsdesk.issue.atom import (
    archive_feed,
    group_revisions,
    issue_entry_id,
    issue_slug,
    item_entry_id,
    render_issue_atom,
)
from newsdesk.issue.model import Attribution, Issue, Item, Publication

OFFICE = "《电子商务动态》编辑部"


def _publication() -> Publication:
    return Publication(name="电子商务动态", office=OFFICE, columns=["行业资讯", "政策法规", "数据观察"])


def _item(title: str, column: str, day: int, *, source_url: str | None = None) -> Item:
    return Item(
        column=column,
        title=title,
        body=f"{title}的第一段。\n第二段：京东、直播与跨境。",
        attribution=Attribution(
            outlet="国际商报", outlet_mark="《》", editorial_office=OFFICE, date=dt.date(2022, 9, day)
        ),
        source_url=source_url,
    )


def _revision_one() -> Issue:
    return Issue(
        items=[
            _item("京东物流发布新举措", "行业资讯", 20, source_url="https://www.example.cn/a.html"),
            _item("商务部：规范直播电商", "政策法规", 22, source_url="javascript:alert(1)"),
            _item("<script>alert('x')</script>数据", "数据观察", 25),
        ],
        publication=_publication(),
        label="2022年第9期",
        issue_date=dt.date(2022, 9, 30),
        id=41,
        serial=57,
        revision=1,
        published_at=dt.datetime(2022, 9, 30, 2, 0, tzinfo=dt.UTC),
    )


def _revision_two(first: Issue) -> Issue:
    items = [dataclasses.replace(i) for i in first.items]
    items[0].title = "京东物流发布新举措（更正）"
    return dataclasses.replace(
        first, items=items, id=77, revision=2, published_at=dt.datetime(2022, 10, 2, 3, 30, tzinfo=dt.UTC)
    )


def _older_issue() -> Issue:
    return Issue(
        items=[_item("跨境电商综试区扩围", "行业资讯", 10)],
        publication=_publication(),
        label="2022年第8期",
        issue_date=dt.date(2022, 8, 31),
        id=5,
    )


def _utc(parsed) -> dt.datetime:
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC)


def test_issue_feed_has_one_entry_per_item_with_titles_dates_and_content():
    issue = _revision_one()
    text = render_issue_atom(issue)
    feed = feedparser.parse(text)

    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.feed.title == "《电子商务动态》2022年第9期（总第57期）"
    assert feed.feed.id == issue_entry_id(issue)
    assert [e.title for e in feed.entries] == [i.title for i in issue.items]
    assert [e.id for e in feed.entries] == [item_entry_id(issue, n) for n in (1, 2, 3)]
    assert all(e.id.startswith("urn:uuid:") for e in feed.entries)
    assert len({e.id for e in feed.entries}) == 3
    # published: the original report's day in Beijing; updated: when the issue came out
    first = feed.entries[0]
    assert _utc(first.published_parsed) == dt.datetime(2022, 9, 19, 16, 0, tzinfo=dt.UTC)
    assert _utc(first.updated_parsed) == issue.published_at
    assert first.tags[0].term == "行业资讯"
    content = first.content[0].value
    assert "京东物流发布新举措的第一段。" in content
    assert "来源：《国际商报》 编选：《电子商务动态》编辑部 2022 年 09 月 20 日" in content
    assert 'href="https://www.example.cn/a.html"' in content
    assert first.link == "https://www.example.cn/a.html"


def test_issue_feed_escapes_collected_text_and_drops_unsafe_links():
    text = render_issue_atom(_revision_one())
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    assert "javascript:" not in text
    feed = feedparser.parse(text)
    assert feed.bozo == 0
    assert feed.entries[2].title == "<script>alert('x')</script>数据"


def test_issue_feed_links_to_the_site_when_its_address_is_known():
    issue = _revision_one()
    feed = feedparser.parse(render_issue_atom(issue, site_url="https://digest.example.org/archive"))
    slug = quote(issue_slug(issue), safe="")
    assert feed.bozo == 0
    assert feed.feed.link == f"https://digest.example.org/archive/issues/{slug}/index.html"
    assert feed.entries[0].link == f"https://digest.example.org/archive/issues/{slug}/1.html"
    related = [link.href for link in feed.entries[0].links if link.rel == "related"]
    assert related == ["https://www.example.cn/a.html"]


def test_a_correction_keeps_the_ids_of_the_first_revision():
    first = _revision_one()
    second = _revision_two(first)
    assert issue_entry_id(second) == issue_entry_id(first)
    before = feedparser.parse(render_issue_atom(first))
    after = feedparser.parse(render_issue_atom(second))
    assert [e.id for e in after.entries] == [e.id for e in before.entries]
    assert after.entries[0].title == "京东物流发布新举措（更正）"
    assert _utc(after.entries[0].updated_parsed) == second.published_at


def test_archive_feed_lists_issues_newest_first_one_entry_per_label():
    first = _revision_one()
    older = _older_issue()
    feed = feedparser.parse(archive_feed([older, first], site_url=None))

    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.feed.title == "《电子商务动态》"
    assert [e.title for e in feed.entries] == [
        "《电子商务动态》2022年第9期（总第57期）",
        "《电子商务动态》2022年第8期",
    ]
    assert [e.id for e in feed.entries] == [issue_entry_id(first), issue_entry_id(older)]
    # an imported issue has no publication time: its own date, Beijing midnight
    assert _utc(feed.entries[1].published_parsed) == dt.datetime(2022, 8, 30, 16, 0, tzinfo=dt.UTC)
    assert "共 1 条" in feed.entries[1].summary
    assert "修订版" not in feed.entries[0].summary
    assert _utc(feed.feed.updated_parsed) == first.published_at


def test_archive_feed_entry_survives_a_correction_with_a_new_updated_and_修订版():
    first = _revision_one()
    second = _revision_two(first)
    before = feedparser.parse(archive_feed([first], site_url="https://digest.example.org/"))
    after = feedparser.parse(archive_feed([second, first], site_url="https://digest.example.org/"))

    assert before.bozo == 0 and after.bozo == 0
    assert len(after.entries) == 1
    assert after.entries[0].id == before.entries[0].id
    assert after.entries[0].link == before.entries[0].link
    assert _utc(after.entries[0].published_parsed) == first.published_at
    assert _utc(before.entries[0].updated_parsed) == first.published_at
    assert _utc(after.entries[0].updated_parsed) == second.published_at
    assert "修订版" in after.entries[0].summary
    assert "京东物流发布新举措（更正）" in after.entries[0].content[0].value
    assert after.feed.links[0].href == "https://digest.example.org/feed.atom"


def test_ids_come_from_name_and_label_never_from_database_ids():
    issue = _revision_one()
    moved = dataclasses.replace(issue, id=9999)
    assert issue_entry_id(moved) == issue_entry_id(issue)
    other_publication = dataclasses.replace(issue, publication=Publication(name="跨境电商动态"))
    assert issue_entry_id(other_publication) != issue_entry_id(issue)


def test_group_revisions_orders_revisions_and_issues():
    first = _revision_one()
    second = _revision_two(first)
    histories = group_revisions([second, _older_issue(), first])
    assert [h.newest.label for h in histories] == ["2022年第9期", "2022年第8期"]
    assert [r.revision for r in histories[0].revisions] == [1, 2]
    assert histories[0].corrected and not histories[1].corrected


@pytest.mark.parametrize(
    "label",
    ["2022年第9期", "2022/09", "../../etc", "第 9 期", ".hidden", "a" * 300, "CON", ""],
)
def test_slugs_are_safe_file_names(label):
    slug = issue_slug(Issue(items=[], publication=_publication(), label=label))
    assert slug and "/" not in slug and "\\" not in slug
    assert not slug.startswith(".") and ".." not in slug
    assert len(slug) <= 100


def test_slugs_stay_readable_and_distinct():
    def slug(label: str) -> str:
        return issue_slug(Issue(items=[], publication=_publication(), label=label))

    assert slug("2022年第9期") == "电子商务动态-2022年第9期"
    assert slug("2022/09") != slug("2022-09")
