"""The desk's queries (store/desk.py) on SQLite and again on PostgreSQL: accounts, the inbox
and its filters, a cluster's reports and its lead, the archive search and facets, charts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsdesk.store import desk as desk_store
from newsdesk.store.db import open_database
from newsdesk.store.editorial import CandidateRow, ClusterPlan, insert_plain_article, save_run

SAMPLE_ISSUES = Path(__file__).resolve().parents[2] / "src" / "newsdesk" / "samples" / "issues"
DAY = dt.datetime(2022, 6, 20, 2, tzinfo=dt.UTC)

pytestmark = pytest.mark.both_databases


@pytest.fixture
def engine(db_url):
    engine = open_database(db_url)
    yield engine
    engine.dispose()


def _cluster(engine, n: int, outlets: list[str], column: str, relevance: float) -> int:
    """A cluster of one report per outlet (the first is the lead), saved in its own run so that
    the clusters saved later are the newer ones; returns the candidate's id."""
    ids = [
        insert_plain_article(
            engine,
            f"报道{n}-{k}：网上零售额同比增长",
            f"第{n}组第{k}篇。国家统计局数据显示，上半年全国网上零售额同比增长12.3%。{outlet}报道。",
            outlet,
            DAY + dt.timedelta(hours=n, minutes=k),
            f"https://example.invalid/{n}/{k}",
        )
        for k, outlet in enumerate(outlets)
    ]
    lead = ids[0]
    save_run(
        engine,
        [],
        [
            ClusterPlan(
                existing_ids=[],
                member_ids=ids,
                lead_article_id=lead,
                candidate=CandidateRow(
                    lead_article_id=lead,
                    title=f"候选{n}",
                    body="上半年全国网上零售额同比增长。" * 20,
                    column_name=column,
                    confidence=0.8,
                    column_reasons=[f"model: 0.8 for {column}", "beat words: 零售", "third", "fourth"],
                    relevance=relevance,
                    relevance_reasons=["beat words: 电商"],
                    outlet=outlets[0],
                    outlet_mark="《》",
                    attribution_line=f"来源：《{outlets[0]}》 2022 年 06 月 20 日",
                ),
                new_member_reasons={a: ["same story"] for a in ids},
            )
        ],
        ids,
    )
    return desk_store.inbox(engine, desk_store.InboxFilter(status="all"), 0, 1)[0][0].id


@pytest.fixture
def inbox_engine(engine):
    _cluster(engine, 1, ["新华社", "人民网"], "数据观察", 0.9)
    _cluster(engine, 2, ["人民网"], "行业资讯", 0.2)
    _cluster(engine, 3, ["经济日报", "新华社", "央视网"], "数据观察", 0.6)
    return engine


def _titles(rows) -> list[str]:
    return [r.title for r in rows]


def test_accounts(engine):
    user = desk_store.add_user(engine, "王编辑", "editor", "hash")
    assert desk_store.find_user(engine, "王编辑").id == user.id
    assert desk_store.user_by_id(engine, user.id).role == "editor"
    with pytest.raises(desk_store.UserExists):
        desk_store.add_user(engine, "王编辑", "viewer", "hash")
    desk_store.set_role(engine, "王编辑", "admin")
    desk_store.set_password_hash(engine, user.id, "new hash")
    desk_store.record_login(engine, user.id)
    found = desk_store.find_user(engine, "王编辑")
    assert (found.role, found.password_hash) == ("admin", "new hash")
    assert found.last_login_at is not None and found.last_login_at.tzinfo is not None
    assert [u.name for u in desk_store.list_users(engine)] == ["王编辑"]
    desk_store.remove_user(engine, "王编辑")
    assert desk_store.find_user(engine, "王编辑") is None
    with pytest.raises(KeyError):
        desk_store.remove_user(engine, "王编辑")


def test_the_inbox_newest_first_with_what_it_shows(inbox_engine):
    rows, more = desk_store.inbox(inbox_engine, desk_store.InboxFilter())
    assert _titles(rows) == ["候选3", "候选2", "候选1"] and not more
    newest = rows[0]
    assert newest.outlets == ["经济日报", "新华社", "央视网"]  # the lead's outlet first
    assert newest.size == 3 and newest.status == "suggested"
    assert len(newest.preview) == desk_store.PREVIEW_CHARS and newest.more_text
    assert newest.column_reasons == ["model: 0.8 for 数据观察", "beat words: 零售", "third"]
    assert newest.published_at == DAY + dt.timedelta(hours=3)
    page, more = desk_store.inbox(inbox_engine, desk_store.InboxFilter(), offset=1, limit=1)
    assert _titles(page) == ["候选2"] and more


def test_the_inbox_filters(inbox_engine):
    def titles(**given) -> list[str]:
        counts = given.pop("counts", None)
        return _titles(desk_store.inbox(inbox_engine, desk_store.InboxFilter(**given), 0, 50, counts)[0])

    assert titles(column="数据观察") == ["候选3", "候选1"]
    assert titles(min_relevance=0.5) == ["候选3", "候选1"]
    assert titles(since=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)) == ["候选3", "候选2", "候选1"]
    assert titles(since=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)) == []
    columns, outlets, counts = desk_store.inbox_filter_choices(inbox_engine)
    assert columns == ["数据观察", "行业资讯"]
    assert set(outlets[:2]) == {"新华社", "人民网"}  # two articles each, most first
    assert set(outlets) == {"新华社", "人民网", "经济日报", "央视网"}
    assert counts.per_outlet["新华社"] == 2 and counts.total == 6
    # a filter by outlet, both ways of finding the page: the same answer
    common = desk_store.OutletCounts({"新华社": 1_000}, 1_000)  # every article: walk by date
    rare = desk_store.OutletCounts({"新华社": 1}, 1_000_000)  # hardly any: gather the outlet's
    assert (
        titles(outlet="新华社", counts=common) == titles(outlet="新华社", counts=rare) == ["候选3", "候选1"]
    )
    assert titles(outlet="新华社") == ["候选3", "候选1"]
    assert titles(outlet="无此报") == []


def test_snoozed_and_decided_candidates_leave_the_inbox(inbox_engine):
    rows, _ = desk_store.inbox(inbox_engine, desk_store.InboxFilter())
    first, second = rows[0].id, rows[1].id
    desk_store.snooze(inbox_engine, first, dt.datetime.now(dt.UTC) + dt.timedelta(days=1), "王编辑")
    desk_store.set_candidate_status(inbox_engine, second, "rejected")
    assert _titles(desk_store.inbox(inbox_engine, desk_store.InboxFilter())[0]) == ["候选1"]
    assert _titles(desk_store.inbox(inbox_engine, desk_store.InboxFilter(status="snoozed"))[0]) == ["候选3"]
    rejected = desk_store.inbox(inbox_engine, desk_store.InboxFilter(status="rejected"))[0]
    assert _titles(rejected) == ["候选2"] and rejected[0].status == "rejected"
    assert len(desk_store.inbox(inbox_engine, desk_store.InboxFilter(status="all"))[0]) == 3
    desk_store.unsnooze(inbox_engine, first)
    desk_store.set_candidate_status(inbox_engine, second, "suggested")
    assert len(desk_store.inbox(inbox_engine, desk_store.InboxFilter())[0]) == 3


def test_a_cluster_s_reports_and_another_lead(inbox_engine):
    newest = desk_store.inbox(inbox_engine, desk_store.InboxFilter())[0][0]
    cluster_id = desk_store.candidate_cluster_id(inbox_engine, newest.id)
    assert cluster_id == newest.cluster_id
    members = desk_store.cluster_articles(inbox_engine, cluster_id)
    assert [m.outlet for m in members] == ["经济日报", "新华社", "央视网"]  # earliest first
    assert [m.is_lead for m in members] == [True, False, False]
    assert members[1].reasons == ["same story"] and members[1].published_at.tzinfo is not None
    other = members[2]
    desk_store.set_lead(
        inbox_engine,
        cluster_id,
        other.id,
        title=other.title,
        body=other.text,
        outlet=other.outlet,
        outlet_mark="“”",
        attribution_line="来源：“央视网”2022 年 06 月 20 日",
    )
    assert [m.is_lead for m in desk_store.cluster_articles(inbox_engine, cluster_id)] == [False, False, True]
    assert desk_store.inbox(inbox_engine, desk_store.InboxFilter())[0][0].outlets[0] == "央视网"
    with pytest.raises(KeyError):
        desk_store.set_lead(
            inbox_engine,
            cluster_id,
            10**6,
            title="",
            body="",
            outlet=None,
            outlet_mark=None,
            attribution_line="",
        )
    assert desk_store.article_text(inbox_engine, other.url) == (other.title, other.text, "央视网")
    assert desk_store.article_text(inbox_engine, "https://example.invalid/none") is None


def test_archive_search_and_facets(engine, cli):
    assert cli("import", str(SAMPLE_ISSUES)).exit_code == 0
    found, total = desk_store.search_items(engine, "电商")
    assert total >= len(found) > 0
    assert all("电商" in f.title or "电商" in f.body for f in found)
    dates = [f.issue_date for f in found if f.issue_date]
    assert dates == sorted(dates, reverse=True)  # newest issue first
    facets = desk_store.archive_facets(engine)
    column, n = facets["column"][0]
    in_column, count = desk_store.search_items(engine, column=column, limit=5)
    assert count == n and len(in_column) == min(5, n) and {f.column for f in in_column} == {column}
    outlet, n = facets["outlet"][0]
    assert desk_store.search_items(engine, outlet=outlet)[1] == n
    assert desk_store.search_items(engine, "100%_\\不会有")[1] == 0  # LIKE's wildcards taken as text
    first = min(dates)
    assert desk_store.search_items(engine, date_to=first - dt.timedelta(days=400))[1] == 0
    mix = desk_store.column_mix(engine)
    assert mix and all(sum(per.values()) > 0 for _, _, per in mix)


def test_charts(inbox_engine):
    newest = desk_store.newest_article_time(inbox_engine)
    assert newest == DAY + dt.timedelta(hours=3, minutes=2)
    outlets, per = desk_store.articles_per_day(inbox_engine, newest - dt.timedelta(days=30))
    assert set(outlets[:2]) == {"新华社", "人民网"}
    assert per["新华社"] == {"2022-06-20": 2}
    assert desk_store.column_mix(inbox_engine) == []


def test_the_change_counter_moves_with_every_commit(engine, db_backend):
    counter = desk_store.ChangeCounter(engine)
    try:
        if db_backend != "sqlite":
            assert counter.value() is None  # nothing is kept on other databases
            return
        before = counter.value()
        assert counter.value() == before  # reading changes nothing
        desk_store.add_user(engine, "王编辑", "editor", "hash")
        after = counter.value()
        assert after != before
        desk_store.set_role(engine, "王编辑", "viewer")
        assert counter.value() != after
    finally:
        counter.close()
