"""The rewrite scan finds exactly what a plain comparison of the signatures finds."""

import numpy as np

from newsdesk.cluster.clusterer import SCAN_NUM_PERM, SCAN_THRESHOLD, StoryClusterer


def _plain_scan(ids: list[int], sigs: np.ndarray, window: int) -> list[set[int]]:
    """Each article against the ``window`` before it, on the whole signatures."""
    need = SCAN_THRESHOLD * SCAN_NUM_PERM
    found = []
    for at in range(len(ids)):
        lo = max(0, at - window)
        agree = np.count_nonzero(sigs[lo:at] == sigs[at], axis=1)
        found.append({ids[lo + r] for r in np.flatnonzero(agree >= need)} - {ids[at]})
    return found


def test_the_scan_over_batches_finds_what_the_plain_comparison_finds():
    rng = np.random.default_rng(3)
    n, window = 700, 101  # a window that is no multiple of 8
    # few distinct values, so that many pairs agree on some of them and a few on enough
    sigs = rng.integers(0, 6, size=(n, SCAN_NUM_PERM), dtype=np.uint32) * np.uint32(0x01000001)
    for at in rng.integers(1, n, size=150):  # and copies of parts of earlier signatures
        before = int(rng.integers(max(0, at - 2 * window), at))
        width = int(rng.integers(5, 30))
        sigs[at, :width] = sigs[before, :width]
    sigs[::7, :12] += np.uint32(1 << 8)  # agreeing on the lowest byte only: not the same value
    ids = [1000 + 3 * k for k in range(n)]
    expected = _plain_scan(ids, sigs, window)
    assert sum(map(len, expected)) > 100

    clusterer = StoryClusterer(scan_window=window)
    found: list[set[int]] = []
    at = 0
    for size in (1, 2, 7, 64, 90, 101, 102, 333):
        found += clusterer._scan_batch(ids[at : at + size], sigs[at : at + size])
        at += size
    assert at == n
    assert found == expected


def test_indexing_without_queries_keeps_the_window():
    rng = np.random.default_rng(4)
    sigs = rng.integers(0, 4, size=(60, SCAN_NUM_PERM), dtype=np.uint32)
    ids = list(range(60))
    clusterer = StoryClusterer(scan_window=25)
    assert clusterer._scan_batch(ids[:40], sigs[:40], query=False) == []
    assert clusterer._scan_batch(ids[40:], sigs[40:]) == _plain_scan(ids, sigs, 25)[40:]
