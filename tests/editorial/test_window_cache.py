"""``process`` reopens the last days' clusters from the preparation it kept, and clusters
the same as when it prepares them afresh."""

import datetime as dt
import logging
import shutil

from newsdesk.config import Settings
from newsdesk.editorial.pipeline import run_process
from newsdesk.store.editorial import clustered_articles_since, insert_plain_articles
from newsdesk.store.session import engine_for

DAY1 = dt.datetime(2025, 11, 14, 9, tzinfo=dt.UTC)
DAY2 = DAY1 + dt.timedelta(days=1)
RELEASE = (
    "国家邮政局公布10月邮政行业运行情况",
    "11月14日，国家邮政局公布2025年10月邮政行业运行情况。10月，全行业寄递业务量完成191.2亿件，同比增长7.8%。"
    "其中，快递业务量完成176.1亿件，同比增长8.9%；快递业务收入完成1339.5亿元，同比增长3.6%。",
)
RULE = (
    "商务部印发《直播电商服务规范》",
    "商务部日前印发《直播电商服务规范》，自2026年1月1日起施行，要求主播如实介绍商品信息，平台建立投诉处理机制。",
)
RESULTS = (
    "京东第三季度收入2991亿元",
    "京东集团发布2025年第三季度业绩，本季度收入2991亿元，同比增长14.9%；新业务收入155.9亿元。",
)


def _row(n: int, title: str, text: str, outlet: str, when: dt.datetime) -> dict:
    return {
        "url": f"https://example.test/{n}",
        "outlet": outlet,
        "title": title,
        "text": text,
        "published_at": when,
    }


def _day_one() -> list[dict]:
    return [
        _row(1, *RELEASE, "国家邮政局", DAY1),
        _row(2, *RULE, "商务部", DAY1),
        _row(3, *RESULTS, "京东", DAY1),
    ]


def _day_two() -> list[dict]:
    return [
        # a reprint of each of yesterday's release and results, and a new story
        _row(4, "10月快递业务量176.1亿件", "据国家邮政局消息，" + RELEASE[1] + "（完）", "新华网", DAY2),
        _row(5, RESULTS[0], "本报讯 " + RESULTS[1], "证券时报", DAY2),
        _row(
            6,
            "海关总署：前10个月跨境电商进出口2.06万亿元",
            "海关总署数据显示，前10个月我国跨境电商进出口2.06万亿元，同比增长6.1%。",
            "海关总署",
            DAY2,
        ),
    ]


def _clusters(engine) -> list[list[int]]:
    groups: dict[int, list[int]] = {}
    for a in clustered_articles_since(engine, DAY1 - dt.timedelta(days=30)):
        groups.setdefault(a.cluster_id, []).append(a.id)
    return sorted(sorted(m) for m in groups.values())


def _settings(folder) -> Settings:
    settings = Settings(data_dir=folder)
    settings.editorial.workers = 1
    return settings


def test_the_second_run_reopens_the_window_from_what_the_first_kept(tmp_path, caplog):
    settings = _settings(tmp_path / "kept")
    engine = engine_for(settings)
    insert_plain_articles(engine, _day_one())
    run_process(engine, settings)
    assert list((settings.data_dir / "cluster-cache").glob("*.prepared"))

    insert_plain_articles(engine, _day_two())
    with caplog.at_level(logging.INFO, logger="newsdesk.editorial.pipeline"):
        run_process(engine, settings)
    assert "reopened 3 articles of the window: 3 prepared before, 0 now" in caplog.text
    assert [1, 4] in _clusters(engine) and [3, 5] in _clusters(engine)

    # the same days without the kept preparation: the same clusters
    fresh = _settings(tmp_path / "fresh")
    fresh_engine = engine_for(fresh)
    insert_plain_articles(fresh_engine, _day_one())
    run_process(fresh_engine, fresh)
    shutil.rmtree(fresh.data_dir / "cluster-cache")
    insert_plain_articles(fresh_engine, _day_two())
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="newsdesk.editorial.pipeline"):
        run_process(fresh_engine, fresh)
    assert "reopened 3 articles of the window: 0 prepared before, 3 now" in caplog.text
    assert _clusters(fresh_engine) == _clusters(engine)


def test_an_unreadable_kept_file_is_skipped_and_the_window_prepared_again(tmp_path, caplog):
    settings = _settings(tmp_path)
    engine = engine_for(settings)
    insert_plain_articles(engine, _day_one())
    run_process(engine, settings)
    for path in (settings.data_dir / "cluster-cache").glob("*.prepared"):
        path.write_bytes(b"not a pickle")
    insert_plain_articles(engine, _day_two())
    with caplog.at_level(logging.INFO):
        run_process(engine, settings)
    assert "skipping the unreadable clustering preparation" in caplog.text
    assert "0 prepared before, 3 now" in caplog.text
    assert [1, 4] in _clusters(engine)
