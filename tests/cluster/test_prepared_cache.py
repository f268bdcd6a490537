"""The clustering preparation kept between runs: given back only where it still holds."""

import datetime as dt
import os

import numpy as np

from newsdesk.cluster.clusterer import PROCESS_PARAMS, ClusterInput, prepare_for_clustering
from newsdesk.cluster.prepared_cache import PreparedCache, text_checksum

DAY = dt.datetime(2025, 11, 14, tzinfo=dt.UTC)
DOCS = [
    ClusterInput(1, "10月快递业务量176.1亿件", "10月，全国快递业务量完成176.1亿件，同比增长8.9%。", DAY),
    ClusterInput(2, "京东第三季度收入2991亿元", "京东集团第三季度收入2991亿元，同比增长14.9%。", DAY),
    ClusterInput(3, "上海发放5亿元数字消费券", "上海将于11月22日起发放5亿元“上海购物”数字消费券。", DAY),
]


def _save(cache: PreparedCache, docs) -> None:
    cache.save(prepare_for_clustering(docs), [text_checksum(d.title, d.text) for d in docs])


def _same(a, b) -> bool:
    return (
        a.ids == b.ids
        and a.band_keys == b.band_keys
        and a.anchor_keys == b.anchor_keys
        and np.array_equal(a.scan_signatures, b.scan_signatures)
    )


def test_kept_articles_come_back_in_the_windows_order_and_the_rest_are_prepared(tmp_path):
    cache = PreparedCache(tmp_path, PROCESS_PARAMS)
    _save(cache, DOCS[:2])
    asked: list[list[int]] = []

    def prepare(docs):
        asked.append([d.article_id for d in docs])
        return [prepare_for_clustering(docs)]

    window = [DOCS[2], DOCS[1], DOCS[0]]
    batch, reused = cache.prepared(window, prepare)
    assert asked == [[3]] and reused == 2
    assert _same(batch, prepare_for_clustering(window))


def test_an_article_whose_text_changed_is_prepared_again(tmp_path):
    cache = PreparedCache(tmp_path, PROCESS_PARAMS)
    _save(cache, DOCS)
    edited = ClusterInput(2, DOCS[1].title, DOCS[1].text.replace("2991", "2992"), DAY)
    window = [DOCS[0], edited, DOCS[2]]
    batch, reused = cache.prepared(window, lambda docs: [prepare_for_clustering(docs)])
    assert reused == 2
    assert _same(batch, prepare_for_clustering(window))


def test_files_of_other_code_or_older_than_the_window_are_removed(tmp_path):
    cache = PreparedCache(tmp_path, PROCESS_PARAMS)
    _save(cache, DOCS[:1])
    stale = tmp_path / f"0123456789abcdef-{dt.datetime.now(dt.UTC):%Y%m%d%H%M%S}-zzzzzzzz.prepared"
    stale.write_bytes(b"written by another version")
    old = tmp_path / f"{cache.fingerprint}-20000101000000-yyyyyyyy.prepared"
    old.write_bytes(b"old")
    assert cache.prune(dt.timedelta(days=15)) == 2
    assert not stale.exists() and not old.exists()
    assert len(os.listdir(tmp_path)) == 1  # this code's recent file stays
