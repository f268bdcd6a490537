import numpy as np

from newsdesk.cluster.index import LSHIndex, MinHasher, estimated_jaccard
from newsdesk.cluster.shingles import jaccard, normalise, shared_count, shingle_hashes

BASE = (
    "国家统计局数据显示，上半年全国网上零售额63007亿元，同比增长3.1%，实物商品网上零售额54493亿元，增长5.6%。"
    * 3
)


def test_normalising_ignores_spacing_punctuation_and_width():
    assert normalise("上半年 ６３００７亿元，增长“3.1%”！") == normalise("上半年63007亿元增长3.1%")


def test_signature_estimates_jaccard():
    a = shingle_hashes(BASE)
    b = shingle_hashes(BASE.replace("63007", "63008"))
    hasher = MinHasher(num_perm=128)
    sa, sb = hasher.signatures([a, b])
    assert abs(estimated_jaccard(sa, sb) - jaccard(a, b)) < 0.15
    # one call per document gives the same as one call per batch
    assert np.array_equal(hasher.signature(a), sa)
    assert hasher.as_datasketch(sa).jaccard(hasher.as_datasketch(sb)) == estimated_jaccard(sa, sb)


def test_index_finds_near_duplicates_and_not_unrelated_text():
    hasher = MinHasher(num_perm=64)
    index = LSHIndex(threshold=0.3, num_perm=64)
    docs = [
        BASE,
        "抖音电商发布助农报告，一年售出农特产28.3亿单，农货商家数量增长152%。" * 3,
        BASE.replace("同比增长", "比上年增长"),
    ]
    keys = index.band_keys(hasher.signatures([shingle_hashes(d, 5) for d in docs])).tolist()
    assert index.query_and_insert(0, keys[0]) == set()
    assert index.query_and_insert(1, keys[1]) == set()
    assert index.query_and_insert(2, keys[2]) == {0}
    assert index.size == 3


def test_shared_count_is_the_size_of_the_intersection():
    rng = np.random.default_rng(5)
    for size_a, size_b in [(0, 5), (1, 1), (7, 300), (300, 7), (500, 500)]:
        a = np.unique(rng.integers(0, 1000, size_a, dtype=np.uint32))
        b = np.unique(rng.integers(0, 1000, size_b, dtype=np.uint32))
        expected = len(np.intersect1d(a, b, assume_unique=True))
        assert shared_count(a, b) == shared_count(b, a) == expected
    top = np.array([4_294_967_295], dtype=np.uint32)  # above every value of the other
    assert shared_count(top, np.array([1, 2, 3], dtype=np.uint32)) == 0
