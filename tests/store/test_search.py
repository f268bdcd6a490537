"""Archive search on SQLite and PostgreSQL: what an editor finds, filters, facets, and an
index that follows every write."""

import datetime as dt

import pytest

from newsdesk.collect.records import CollectedArticle
from newsdesk.issue.model import Attribution, Issue, Item, Publication
from newsdesk.store.archive import remove_issue, save_issue
from newsdesk.store.db import open_database
from newsdesk.store.search import SearchError, SearchFilters, rebuild_search_index, search

pytestmark = pytest.mark.both_databases

PUBLICATION = Publication(name="电子商务动态", columns=["行业资讯", "数据观察", "政策法规"])


def _item(column, title, body, outlet, day):
    return Item(column=column, title=title, body=body, attribution=Attribution(outlet=outlet, date=day))


ISSUE_6 = [
    _item("行业资讯", "京东集团启动618大促", "京东集团今日宣布618大促开启，直播带货成为重点。", "证券日报", dt.date(2022, 6, 1)),
    _item("数据观察", "前5月网上零售额增长", "国家统计局：全国网络零售额同比增长4.2%，5G手机销量上升。", "国际商报", dt.date(2022, 6, 16)),
    _item("政策法规", "网络直播营销管理办法", "国家网信办等部门发布规范，直播平台须落实主体责任。", "新华社", dt.date(2022, 6, 20)),
]  # fmt: skip
ISSUE_7 = [
    _item("行业资讯", "跨境電商出口持續增長", "eBay與亞馬遜賣家在跨境電商展會上交流，京東國際館亮相。", "国际商报", dt.date(2022, 7, 5)),
    _item("行业资讯", "天猫推出新品", "天猫平台发布新品计划，网络购物节零售额创新高。", "电商报", dt.date(2022, 7, 12)),
]  # fmt: skip


def _archive(db_url):
    engine = open_database(db_url)
    save_issue(
        engine,
        Issue(items=ISSUE_6, publication=PUBLICATION),
        content_hash="6",
        label="2022年第6期",
        source_path=None,
    )
    save_issue(engine, Issue(items=ISSUE_7, publication=PUBLICATION), content_hash="7", label="2022年第7期", source_path=None)  # fmt: skip
    return engine


def _titles(results):
    return [hit.title for hit in results.hits]


def test_two_character_words_compounds_and_traditional_text_are_found(db_url):
    engine = _archive(db_url)
    assert set(_titles(search(engine, "直播"))) == {"京东集团启动618大促", "网络直播营销管理办法"}
    # 京东 inside 京东集团, and in Traditional 京東國際館
    assert set(_titles(search(engine, "京东"))) == {"京东集团启动618大促", "跨境電商出口持續增長"}
    # 零售 inside 零售额
    assert set(_titles(search(engine, "零售"))) == {"前5月网上零售额增长", "天猫推出新品"}
    # a Traditional query finds Simplified text
    assert _titles(search(engine, "網絡零售額")) == ["前5月网上零售额增长"]


def test_full_width_forms_and_latin_case_match(db_url):
    engine = _archive(db_url)
    assert _titles(search(engine, "５Ｇ")) == ["前5月网上零售额增长"]
    assert _titles(search(engine, "EBAY")) == ["跨境電商出口持續增長"]
    assert _titles(search(engine, "６１８")) == ["京东集团启动618大促"]


def test_phrase_and_and_or_and_exclusion(db_url):
    engine = _archive(db_url)
    # as two words both items match; as a phrase only the one that says 网络零售额
    assert set(_titles(search(engine, "网络 零售额"))) == {"前5月网上零售额增长", "天猫推出新品"}
    assert _titles(search(engine, '"网络零售额"')) == ["前5月网上零售额增长"]
    assert set(_titles(search(engine, "天猫 OR eBay"))) == {"天猫推出新品", "跨境電商出口持續增長"}
    assert _titles(search(engine, "直播 -京东")) == ["网络直播营销管理办法"]
    assert search(engine, "直播 天猫").total == 0


def test_filters_by_column_outlet_and_dates(db_url):
    engine = _archive(db_url)
    assert _titles(search(engine, "直播", filters=SearchFilters(column="政策法规"))) == [
        "网络直播营销管理办法"
    ]
    assert _titles(search(engine, "零售", filters=SearchFilters(outlet="《电商报》"))) == ["天猫推出新品"]
    july = SearchFilters(since=dt.date(2022, 7, 1), until=dt.date(2022, 7, 31))
    assert _titles(search(engine, "京东", filters=july)) == ["跨境電商出口持續增長"]
    assert search(engine, "京东", filters=SearchFilters(until=dt.date(2022, 5, 31))).total == 0


def test_facets_count_the_matches_by_column_outlet_and_month(db_url):
    engine = _archive(db_url)
    results = search(engine, "京东 OR 零售")
    assert results.total == 4
    assert dict(results.facets["column"]) == {"行业资讯": 3, "数据观察": 1}
    assert dict(results.facets["outlet"]) == {"国际商报": 2, "证券日报": 1, "电商报": 1}
    assert results.facets["month"] == [("2022-07", 2), ("2022-06", 2)]


def test_title_matches_rank_first_and_snippets_are_escaped(db_url):
    engine = open_database(db_url)
    items = [
        _item("行业资讯", "天猫发布报告", "报告提到<script>alert(1)</script>京东一次。", "新华社", dt.date(2022, 6, 1)),
        _item("行业资讯", "京东物流启用新仓", "京东物流今日启用亚洲一号新仓。", "新华社", dt.date(2022, 6, 2)),
    ]  # fmt: skip
    save_issue(
        engine, Issue(items=items, publication=PUBLICATION), content_hash="x", label="x", source_path=None
    )
    results = search(engine, "京东")
    assert _titles(results) == ["京东物流启用新仓", "天猫发布报告"]
    assert results.hits[0].title_marked.html == "<mark>京东</mark>物流启用新仓"
    html = results.hits[1].snippet.html
    assert "&lt;script&gt;" in html and "<script>" not in html and "<mark>京东</mark>" in html


def test_removal_and_replace_keep_the_index_right(db_url):
    engine = _archive(db_url)
    assert search(engine, "天猫").total == 1
    # the July issue imported again in a corrected version replaces the old one
    corrected = [
        _item("行业资讯", "天猫推出新品牌", "天猫平台发布新品牌计划。", "电商报", dt.date(2022, 7, 12))
    ]
    result = save_issue(
        engine, Issue(items=corrected, publication=PUBLICATION), content_hash="7b", label="2022年第7期",
        source_path=None, replace=True,
    )  # fmt: skip
    assert _titles(search(engine, "天猫")) == ["天猫推出新品牌"]
    assert search(engine, "eBay").total == 0  # the replaced issue's items are gone
    # importing it again adds nothing twice
    save_issue(engine, Issue(items=corrected, publication=PUBLICATION), content_hash="7b", label="2022年第7期", source_path=None)  # fmt: skip
    assert search(engine, "天猫").total == 1
    remove_issue(engine, result.issue_id)
    assert search(engine, "天猫").total == 0
    assert search(engine, "直播").total == 2  # the other issue is untouched


def test_collected_and_re_extracted_articles_are_searchable(db_url):
    from newsdesk.store.articles import insert_article, update_extraction

    engine = open_database(db_url)
    now = dt.datetime(2022, 6, 30, 20, 0, tzinfo=dt.UTC)  # 1 July in Beijing

    def article(url, title, text):
        return CollectedArticle(
            url=url, outlet="人民网", title=title, text=text, published_at=now, author=None, language="zh",
            content_hash=url, raw=None, raw_content_type=None, fetched_at=now,
        )  # fmt: skip

    assert insert_article(engine, article("https://a.example/1", "抖音电商发布报告", "直播带货规模扩大。"))
    assert not insert_article(
        engine, article("https://a.example/1", "抖音电商发布报告", "直播带货规模扩大。")
    )
    found = search(engine, "直播", within="articles")
    assert found.total == 1 and found.hits[0].url == "https://a.example/1"
    assert found.hits[0].date == dt.date(2022, 7, 1)
    assert found.facets["month"] == [("2022-07", 1)]
    assert (
        search(engine, "直播", within="articles", filters=SearchFilters(since=dt.date(2022, 7, 1))).total == 1
    )
    assert (
        search(engine, "直播", within="articles", filters=SearchFilters(until=dt.date(2022, 6, 30))).total
        == 0
    )

    article_id = found.hits[0].id
    update_extraction(engine, article_id, title="抖音电商发布报告", text="跨境物流规模扩大。", author=None,
                      language="zh", content_hash="changed")  # fmt: skip
    assert search(engine, "直播", within="articles").total == 0
    assert search(engine, "跨境物流", within="articles").total == 1
    with pytest.raises(SearchError):
        search(engine, "直播", within="articles", filters=SearchFilters(column="行业资讯"))


def test_rebuilding_the_index_finds_the_same(db_url):
    engine = _archive(db_url)
    before = _titles(search(engine, "京东 OR 零售", limit=10))
    counts = rebuild_search_index(engine)
    assert counts == {"items": 5, "articles": 0}
    assert _titles(search(engine, "京东 OR 零售", limit=10)) == before


def test_an_empty_query_is_refused(db_url):
    engine = open_database(db_url)
    with pytest.raises(SearchError):
        search(engine, "  -京东 ")


def test_rows_written_without_the_index_functions_are_caught_up_before_a_search(db_url):
    from newsdesk.store.editorial import insert_plain_articles

    engine = open_database(db_url)
    rows = [
        {
            "url": f"https://b.example/{i}",
            "outlet": "网经社",
            "title": f"第{i}篇",
            "text": "数字人民币试点扩大。",
        }
        for i in range(3)
    ]
    insert_plain_articles(engine, rows, index=False)
    assert search(engine, "数字人民币", within="articles").total == 3
    assert search(engine, "数字人民币", within="articles").total == 3  # and not twice


def test_a_very_common_word_is_ranked_among_the_newest_matches_and_says_so(db_url, monkeypatch):
    from newsdesk.store import search as search_module

    engine = _archive(db_url)
    monkeypatch.setattr(search_module, "RANK_LIMIT", 2)
    results = search(engine, "直播 OR 零售 OR 京东")  # 5 items match
    assert results.ranked_among == 2
    assert results.total == 3 and not results.total_exact  # "more than 2"
    assert sum(n for _, n in results.facets["month"]) == 2  # the newest two counted
    assert {hit.title for hit in results.hits} <= {"跨境電商出口持續增長", "天猫推出新品"}
    assert not search(engine, "天猫").ranked_among


def _docfreq(engine):
    from sqlalchemy import text

    with engine.connect() as conn:
        return dict(conn.execute(text("SELECT token, docs FROM items_search_docfreq WHERE docs > 0")).all())


def test_the_document_counts_follow_every_write_as_a_rebuild_counts_them(db_url):
    engine = _archive(db_url)
    counted = _docfreq(engine)
    assert counted[""] == 5 and counted["京东"] == 2 and counted["直播"] == 2
    rebuild_search_index(engine)
    assert _docfreq(engine) == counted
    corrected = [
        _item("行业资讯", "天猫推出新品牌", "天猫平台发布新品牌计划。", "电商报", dt.date(2022, 7, 12))
    ]
    save_issue(engine, Issue(items=corrected, publication=PUBLICATION), content_hash="7b", label="2022年第7期", source_path=None, replace=True)  # fmt: skip
    counted = _docfreq(engine)
    assert counted[""] == 4 and counted["京东"] == 1 and "ebay" not in counted
    rebuild_search_index(engine)
    assert _docfreq(engine) == counted


def test_a_rarer_word_weighs_more(db_url):
    engine = open_database(db_url)
    items = [
        _item("行业资讯", "第一条", "跨境电商出口增长。", "新华社", dt.date(2022, 6, 1)),
        _item("行业资讯", "第二条", "直播电商规模增长。", "新华社", dt.date(2022, 6, 2)),
    ] + [
        _item("行业资讯", f"第{n}条", "直播平台持续发展。", "新华社", dt.date(2022, 6, 3)) for n in range(3, 8)
    ]  # fmt: skip
    save_issue(engine, Issue(items=items, publication=PUBLICATION), content_hash="x", label="x", source_path=None)  # fmt: skip
    results = search(engine, "跨境 OR 直播", limit=2)
    assert _titles(results)[0] == "第一条"  # in one item of seven, where 直播 is in six
    assert results.hits[0].score > results.hits[1].score


@pytest.mark.parametrize("dense_scan", [0, 12, 10**6])
def test_matches_concentrated_in_old_rows_are_found_past_the_newest_rows(db_url, monkeypatch, dense_scan):
    """On PostgreSQL the newest rows are checked one by one when the counts say matches are
    dense, GIN answering below them when too few are there; either way, the newest matches."""
    from newsdesk.store import search as search_module

    engine = open_database(db_url)
    items = [
        _item("行业资讯", f"第{n}条", "直播带货规模扩大。" if n <= 9 or n == 20 else "跨境物流持续发展。",
              "新华社", dt.date(2022, 6, n))
        for n in range(1, 21)
    ]  # fmt: skip
    save_issue(engine, Issue(items=items, publication=PUBLICATION), content_hash="x", label="x", source_path=None)  # fmt: skip
    monkeypatch.setattr(search_module, "DENSE_SCAN", dense_scan)
    assert search(engine, "直播").total == 10
    monkeypatch.setattr(search_module, "RANK_LIMIT", 2)
    results = search(engine, "直播")
    assert results.total == 3 and not results.total_exact
    assert {hit.title for hit in results.hits} == {"第20条", "第9条"}
