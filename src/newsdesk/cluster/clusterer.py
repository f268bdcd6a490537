"""Incremental same-story clustering.

Articles arrive in batches. Each new article is looked up in two indexes for candidates —
the MinHash LSH index over 5-character shingles (reprints and light rewrites) and an
anchor index over the event's particulars (its figures and distinctive title words, for
independent rewrites whose wording differs) — and every candidate pair goes through the
finer decision of ``samestory``. Accepted pairs join clusters with union–find, so a
cluster grows as its story is picked up by more outlets and two clusters merge when an
article bridges them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from newsdesk.cluster.index import DEFAULT_SEED, MinHasher, WindowedLSHIndex
from newsdesk.cluster.samestory import FINE_K, PairDecision, StoryFeatures, decide, story_features
from newsdesk.cluster.shingles import normalise, shingle_hashes
from newsdesk.text.script import to_simplified

LSH_K = 5
LSH_NUM_PERM = 64
LSH_THRESHOLD = 0.3
# an anchor shared by this many recent articles names a topic, not an event
ANCHOR_BUCKET_CAP = 50
# shared evidence needed to become a candidate: a figure counts 2, a title word 1 — so a
# figure and a word, or three words (one shared figure alone is too often a coincidence)
ANCHOR_EVIDENCE = 3
# Rewrites in other words share too few 5-character runs for LSH to find them; the most
# recent articles are also scanned directly on 3-character signatures. Its cost per article
# is bounded by the window, so it stays linear in the number of articles.
SCAN_WINDOW = 20_000
# The indexes (LSH and anchors) keep the most recent WINDOW to 2 × WINDOW articles: at
# 2,000 articles a day that is ten to twenty days, beyond the ten days apart at which
# two reports are no longer one story (and ``process`` reopens only the clusters of the
# last days). Memory and the time per article then stay flat however many arrive.
WINDOW = 20_000
SCAN_NUM_PERM = 64
SCAN_THRESHOLD = 0.15
# members a side compared when a weak same-story link would join two clusters
CONSISTENCY_SAMPLE = 4


@dataclass(frozen=True)
class ClusterInput:
    article_id: int
    title: str
    text: str
    published_at: dt.datetime | None = None
    figure_keys: frozenset[str] | None = None  # when the caller has extracted the figures already
    terms: dict[str, float] | None = None  # when the caller has made the word vector already


@dataclass(frozen=True)
class Link:
    article_id: int
    other_id: int
    decision: PairDecision


class AnchorIndex:
    """Articles by the particulars they name, over the most recent ones only: two
    generations of ``window`` articles each, the older dropped whole when the newer fills
    (an event's reports come within days; an anchor index over every article ever seen
    would grow without end)."""

    def __init__(self, cap: int = ANCHOR_BUCKET_CAP, window: int = WINDOW) -> None:
        self.cap = cap
        self.window = window
        self._buckets: dict[str, list[int]] = {}
        self._previous: dict[str, list[int]] = {}
        self._inserted = 0

    @staticmethod
    def anchors(features: StoryFeatures) -> set[str]:
        keys = {f"f:{k}" for k in features.figures if not _is_trivial_figure(k)}
        keys |= {f"w:{w}" for w in features.title_words}
        # what a rewrite in other words still shares: the event's slogans, documents and days
        keys |= {f"p:{p}" for p in features.particulars}
        # and the rarest words it is told in (设备更新, 客货邮, a product's name)
        keys |= {f"w:{w}" for w in features.keywords}
        return keys

    def query_and_insert(self, doc_id: int, keys: Iterable[str], query: bool = True) -> set[int]:
        if self._inserted >= self.window:
            self._previous, self._buckets, self._inserted = self._buckets, {}, 0
        self._inserted += 1
        shared: Counter[int] = Counter()
        previous = self._previous
        for key in keys:
            bucket = self._buckets.setdefault(key, [])
            older = previous.get(key, ())
            # a full bucket is a common word: no evidence
            if query and len(bucket) + len(older) < self.cap:
                weight = 2 if key[0] in "fp" else 1
                for other in bucket:
                    shared[other] += weight
                for other in older:
                    shared[other] += weight
            bucket.append(doc_id)
            if len(bucket) > self.cap:
                del bucket[0]
        return {other for other, n in shared.items() if n >= ANCHOR_EVIDENCE and other != doc_id}


def _is_trivial_figure(key: str) -> bool:
    # "6个", "2家", "10%": too common to name an event by themselves
    digits = "".join(c for c in key if c.isdigit() or c == ".")
    try:
        value = float(digits) if digits else 0.0
    except ValueError:
        return False
    return value < 100 and "." not in digits


class StoryClusterer:
    def __init__(
        self,
        features_of: Callable[[int], StoryFeatures | None] | None = None,
        lsh_threshold: float = LSH_THRESHOLD,
        num_perm: int = LSH_NUM_PERM,
        use_anchors: bool = False,
        feature_cache_size: int = 20_000,
        max_days_apart: int = 10,
        scan_window: int = SCAN_WINDOW,
    ) -> None:
        self.hasher = MinHasher(num_perm=num_perm, seed=DEFAULT_SEED)
        self.index = WindowedLSHIndex(WINDOW, threshold=lsh_threshold, num_perm=num_perm)
        self.anchors = AnchorIndex() if use_anchors else None
        self._features_of = features_of
        self._cache: OrderedDict[int, StoryFeatures | tuple[ClusterInput, np.ndarray | None]] = OrderedDict()
        self._cache_size = feature_cache_size
        self.max_days_apart = max_days_apart
        self.scan_window = scan_window
        self._scan_hasher = MinHasher(num_perm=SCAN_NUM_PERM, seed=DEFAULT_SEED + 1)
        self._scan_sigs = np.zeros((0, SCAN_NUM_PERM), dtype=np.uint32)
        self._scan_low = np.zeros((0, SCAN_NUM_PERM), dtype=np.uint8)
        self._scan_ids = np.zeros(0, dtype=np.int64)
        self._scan_n = 0
        self.parent: dict[int, int] = {}
        self._size: dict[int, int] = {}  # members per root, for clusters of two or more
        self.links: list[Link] = []
        self.pairs_checked = 0

    # union–find ------------------------------------------------------------------------
    def find(self, x: int) -> int:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(x, x) != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the older (smaller id) article stays the root: cluster identity is stable
            root, child = min(ra, rb), max(ra, rb)
            self.parent[child] = root
            self._size[root] = self._size.get(root, 1) + self._size.pop(child, 1)

    def seed_group(self, members: Sequence[int]) -> None:
        """Restore a cluster known from earlier runs."""
        for m in members[1:]:
            self.union(members[0], m)

    # indexing --------------------------------------------------------------------------
    # The cache holds, per recent article, either its StoryFeatures or — until a candidate
    # pair needs them — just its input: most articles have no candidate at all, and their
    # figures and title words are never computed.
    def _remember(self, doc_id: int, item: StoryFeatures | tuple[ClusterInput, np.ndarray | None]) -> None:
        self._cache[doc_id] = item
        self._cache.move_to_end(doc_id)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def _features(self, doc_id: int) -> StoryFeatures | None:
        item = self._cache.get(doc_id)
        if isinstance(item, tuple):
            doc, shingles = item
            item = story_features(
                doc.title,
                doc.text,
                doc.published_at,
                shingles=shingles,
                figures=doc.figure_keys,
                terms=doc.terms,
            )
            self._cache[doc_id] = item
        if item is None and self._features_of is not None:
            item = self._features_of(doc_id)
            if item is not None:
                self._remember(doc_id, item)
        return item

    def index_existing(self, docs: Sequence[ClusterInput]) -> None:
        """Put already-clustered articles in the indexes without deciding anything."""
        self._add(docs, decide_pairs=False)

    def add(self, docs: Sequence[ClusterInput]) -> dict[int, int]:
        """Cluster new articles; returns article id → cluster root for the new ones."""
        self._add(docs, decide_pairs=True)
        return {d.article_id: self.find(d.article_id) for d in docs}

    def _add(self, docs: Sequence[ClusterInput], decide_pairs: bool) -> None:
        if not docs:
            return
        # Traditional reprints shingle as the Simplified reports they reprint (a no-op on
        # text the process stage has converted already)
        simplified = [(to_simplified(d.title), to_simplified(d.text)) for d in docs]
        normalised = [normalise(title + text) for title, text in simplified]
        keys = self.index.band_keys(
            self.hasher.signatures([shingle_hashes(t, LSH_K, normalised=True) for t in normalised])
        ).tolist()
        fine: list[np.ndarray | None] = [None] * len(docs)
        scanned: list[set[int]] | None = None
        if self.scan_window or self.anchors is not None:
            fine = [shingle_hashes(t, FINE_K, normalised=True) for t in normalised]
        if self.scan_window:
            scanned = self._scan_batch(
                [d.article_id for d in docs], self._scan_hasher.signatures(fine), decide_pairs
            )
        for k, (doc, doc_keys) in enumerate(zip(docs, keys, strict=True)):
            self.parent.setdefault(doc.article_id, doc.article_id)
            features: StoryFeatures | None = None
            if self.anchors is not None:
                # the anchors need the features of every article: made once, from the text
                # simplified and normalised above
                title, text = simplified[k]
                features = story_features(
                    title,
                    text,
                    doc.published_at,
                    shingles=fine[k],
                    figures=doc.figure_keys,
                    terms=doc.terms,
                    normalised=normalised[k],
                    simplified=True,
                )
                self._remember(doc.article_id, features)
            else:
                self._remember(doc.article_id, (doc, fine[k]))
            if not decide_pairs:
                self.index.insert(doc.article_id, doc_keys)
                if features is not None:
                    self.anchors.query_and_insert(doc.article_id, AnchorIndex.anchors(features), query=False)
                continue
            candidates = self.index.query_and_insert(doc.article_id, doc_keys)
            if scanned is not None:
                candidates |= scanned[k]
            if features is not None:
                candidates |= self.anchors.query_and_insert(doc.article_id, AnchorIndex.anchors(features))
            if not candidates:
                continue
            features = features or self._features(doc.article_id)
            root = self.find(doc.article_id)
            for other in sorted(candidates):
                if self.find(other) == root:
                    continue
                other_features = self._features(other)
                if other_features is None:
                    continue
                self.pairs_checked += 1
                decision = decide(features, other_features, self.max_days_apart)
                if decision.same and decision.weak and not self._agrees_with_clusters(doc.article_id, other):
                    continue
                if decision.same:
                    self.links.append(Link(doc.article_id, other, decision))
                    self.union(doc.article_id, other)
                    root = self.find(doc.article_id)

    def _agrees_with_clusters(self, doc_id: int, other: int) -> bool:
        """A weak link joins two clusters only if most pairs across them (up to
        CONSISTENCY_SAMPLE members a side) are the same story too: one rewrite that shares a
        detail with another event must not chain whole clusters together."""
        mine = self._members(self.find(doc_id), doc_id)
        theirs = self._members(self.find(other), other)
        if len(mine) == 1 and len(theirs) == 1:
            return True
        agree = total = 0
        for x in mine:
            fx = self._features(x)
            for y in theirs:
                if (x, y) == (doc_id, other):
                    continue
                fy = self._features(y)
                if fx is None or fy is None:
                    continue
                total += 1
                self.pairs_checked += 1
                agree += decide(fx, fy, self.max_days_apart).same
        return total == 0 or agree * 2 >= total

    def _members(self, root: int, first: int) -> list[int]:
        """Up to CONSISTENCY_SAMPLE members of a cluster, ``first`` among them."""
        members = [first]
        # the cluster's size bounds the scan: a singleton needs none
        wanted = min(CONSISTENCY_SAMPLE, self._size.get(root, 1))
        for doc_id in reversed(self._cache):  # the most recent first
            if len(members) >= wanted:
                break
            if doc_id != first and doc_id in self.parent and self.find(doc_id) == root:
                members.append(doc_id)
        return members

    def _scan_batch(self, ids: Sequence[int], signatures: np.ndarray, query: bool = True) -> list[set[int]]:
        """Each new article against the ``scan_window`` articles before it (earlier ones of
        the batch included): those agreeing on SCAN_THRESHOLD of the signature.

        First on the signatures' lowest bytes (a quarter of the memory to read; a pair that
        agrees on a value agrees on its lowest byte, so nothing is missed), then the few
        rows that pass are checked on the whole values."""
        n = len(ids)
        keep = min(self._scan_n, self.scan_window)
        old = slice(self._scan_n - keep, self._scan_n)
        sigs = np.concatenate([self._scan_sigs[old], signatures])
        low = np.concatenate([self._scan_low[old], signatures.astype(np.uint8)])
        all_ids = np.concatenate([self._scan_ids[old], np.asarray(ids, dtype=np.int64)])
        need = SCAN_THRESHOLD * SCAN_NUM_PERM
        found: list[set[int]] = []
        if query:
            for k in range(n):
                at = keep + k
                lo = max(0, at - self.scan_window)
                if at == lo:
                    found.append(set())
                    continue
                agree = (low[lo:at] == low[at]).sum(axis=1, dtype=np.uint8)
                rows = np.flatnonzero(agree >= need) + lo
                if len(rows):
                    rows = rows[np.count_nonzero(sigs[rows] == sigs[at], axis=1) >= need]
                hits = set(all_ids[rows].tolist())
                hits.discard(ids[k])
                found.append(hits)
        last = slice(max(0, len(sigs) - self.scan_window), len(sigs))
        self._scan_sigs, self._scan_low, self._scan_ids = (
            sigs[last].copy(),
            low[last].copy(),
            all_ids[last].copy(),
        )
        self._scan_n = len(self._scan_ids)
        return found

    def groups(self, ids: Iterable[int] | None = None) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for doc_id in ids if ids is not None else list(self.parent):
            out.setdefault(self.find(doc_id), []).append(doc_id)
        return out


def process_clusterer(
    features_of: Callable[[int], StoryFeatures | None] | None = None, max_days_apart: int = 10
) -> StoryClusterer:
    """The clusterer as ``newsdesk process`` runs it (anchors on, the rewrite scan over
    SCAN_WINDOW): the process stage and ``bench/cluster.py`` both build it here, so the
    bench measures what runs."""
    return StoryClusterer(
        features_of=features_of, max_days_apart=max_days_apart, use_anchors=True, scan_window=SCAN_WINDOW
    )


def signature_bytes(signature: np.ndarray) -> bytes:
    return signature.astype(np.uint32).tobytes()
