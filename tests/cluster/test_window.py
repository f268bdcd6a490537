"""The clusterer's state is bounded: indexes keep a window of recent articles."""

import numpy as np

from newsdesk.cluster.clusterer import AnchorIndex, StoryClusterer, process_clusterer
from newsdesk.cluster.index import MinHasher, WindowedLSHIndex
from newsdesk.cluster.shingles import shingle_hashes

TEXT = (
    "国家统计局数据显示，上半年全国网上零售额63007亿元，同比增长3.1%，实物商品网上零售额54493亿元，增长5.6%。"
)


def test_windowed_lsh_forgets_documents_two_windows_back():
    hasher = MinHasher(num_perm=64)
    index = WindowedLSHIndex(window=3, threshold=0.3, num_perm=64)
    keys = index.band_keys(hasher.signatures([shingle_hashes(TEXT)]))[0].tolist()
    index.insert(1, keys)
    for filler in range(2, 5):  # fills the first window
        index.insert(filler, [k + filler for k in keys])
    assert 1 in index.query(keys)  # one window back: still found
    for filler in range(5, 8):
        index.insert(filler, [k + filler for k in keys])
    assert 1 not in index.query(keys)  # two windows back: dropped
    assert index.current.size + (index.previous.size if index.previous else 0) <= 6


def test_anchor_index_forgets_articles_two_windows_back():
    anchors = AnchorIndex(window=2)
    keys = {"f:63007亿元", "w:网上零售额", "p:《办法》"}
    assert anchors.query_and_insert(1, keys) == set()
    assert anchors.query_and_insert(2, keys) == {1}
    anchors.query_and_insert(3, {"w:其他"})
    anchors.query_and_insert(4, {"w:其他"})
    anchors.query_and_insert(5, {"w:其他"})
    assert anchors.query_and_insert(6, keys) == set()


def test_process_and_bench_build_the_same_clusterer():
    clusterer = process_clusterer()
    assert isinstance(clusterer, StoryClusterer)
    assert clusterer.anchors is not None
    assert clusterer.scan_window > 0


def test_the_scan_finds_what_the_full_signatures_agree_on():
    """The low-byte filter misses nothing the whole signatures would find."""
    rng = np.random.default_rng(0)
    clusterer = StoryClusterer(scan_window=50)
    sigs = rng.integers(0, 2**32, size=(120, 64), dtype=np.uint32)
    sigs[100, :20] = sigs[70, :20]  # agrees on 20 of 64 with an article 30 before
    sigs[110, :20] = sigs[10, :20]  # ... and with one 100 before, outside the window
    found = clusterer._scan_batch(list(range(120)), sigs)
    assert 70 in found[100]
    assert 10 not in found[110]
