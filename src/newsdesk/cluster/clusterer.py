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
import heapq
import multiprocessing
import pickle
import re
import sys
from collections import Counter, OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsdesk.cluster.index import DEFAULT_SEED, WindowedLSHIndex, band_keys, minhasher
from newsdesk.cluster.samestory import (
    FINE_K,
    HEADLINE_FIGURES_DIFFER,
    PairDecision,
    StoryFeatures,
    decide,
    release_keys,
    releases_contradict,
    rounded_figure,
    story_features,
    two_events,
)
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
_LITTLE_ENDIAN = sys.byteorder == "little"
# members a side compared when a weak same-story link would join two clusters
CONSISTENCY_SAMPLE = 4
# A link this sure (not weak) is not barred by another member whose headline gives other
# figures: a partial copy (春节假期免签入境外国人96.8万人次, the foreigners' part of a
# release) beside a copy headlining the release's other figures are both the release's.
# With each real round left out: 2 more same-story pairs dated, no more wrong joins.
STRONG_LINK = 0.95
# members a side (the most recent) asked whether they are two events (``two_events``)
# before any link joins two clusters
CANNOT_LINK_SAMPLE = 8
# A self-media repost left alone after its pairs were decided joins the cluster its best
# pair belongs to when that pair's probability is at least REPOST_NEAREST and at least
# REPOST_MARGIN times the best pair in any other cluster: its own words and rounded
# figures (美团又要开1万多个闪电仓, 好消息！退货免税又续了两年) put it short of the threshold
# beside its report, but nearer that report than anything else.
REPOST_NEAREST = 0.03
REPOST_MARGIN = 2.0


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
        keys = {f"f:{rounded_figure(k)}" for k in features.figures if not _is_trivial_figure(k)}
        keys |= {f"w:{w}" for w in features.title_words}
        # a platform as a repost names it short (抖音 of 抖音电商, 京东 of 京东集团)
        keys |= {
            f"w:{stem}" for w in features.headline_platforms if (stem := _PLATFORM_SUFFIX.sub("", w)) != w
        }
        # what a rewrite in other words still shares: the event's slogans, documents and days
        keys |= {f"p:{p}" for p in features.particulars}
        # and the rarest words it is told in (设备更新, 客货邮, a product's name)
        keys |= {f"w:{w}" for w in features.keywords}
        # one agency's release of one period, in whichever currency it is told
        keys |= {f"r:{key}" for key in release_keys(features)}
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
                # (a release's agency and period is enough alone: the decision is strict)
                weight = ANCHOR_EVIDENCE if key[0] == "r" else 2 if key[0] in "fp" else 1
                for other in bucket:
                    shared[other] += weight
                for other in older:
                    shared[other] += weight
            bucket.append(doc_id)
            if len(bucket) > self.cap:
                del bucket[0]
        return {other for other, n in shared.items() if n >= ANCHOR_EVIDENCE and other != doc_id}


_PLATFORM_SUFFIX = re.compile(r"(?<=..)(?:电商|集团|控股|平台|商城|科技|股份)$")


def _is_trivial_figure(key: str) -> bool:
    # "6个", "2家", "10%": too common to name an event by themselves
    digits = "".join(c for c in key if c.isdigit() or c == ".")
    try:
        value = float(digits) if digits else 0.0
    except ValueError:
        return False
    return value < 100 and "." not in digits


@dataclass(frozen=True)
class PrepParams:
    """What the preparation of an article depends on besides the article: the LSH index's
    permutations and bands, and whether the anchors and the rewrite scan are on."""

    num_perm: int = LSH_NUM_PERM
    lsh_threshold: float = LSH_THRESHOLD
    anchors: bool = True
    scan: bool = True
    seed: int = DEFAULT_SEED
    scan_num_perm: int = SCAN_NUM_PERM
    scan_seed: int = DEFAULT_SEED + 1


# the parameters of ``process_clusterer``
PROCESS_PARAMS = PrepParams(anchors=True, scan=True)


class ShippedFeatures:
    """An article's StoryFeatures as they came from another process: still pickled, and
    unpickled only when a candidate pair needs them. Most articles have no candidate, and
    turning every article's features (the word vector of a few hundred words, the text,
    the shingles) back into objects would cost the clustering process a third as much as
    making them did."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    @classmethod
    def of(cls, features: StoryFeatures) -> ShippedFeatures:
        return cls(pickle.dumps(features, protocol=pickle.HIGHEST_PROTOCOL))

    def load(self) -> StoryFeatures:
        return pickle.loads(self.data)

    def __reduce__(self):
        return (ShippedFeatures, (self.data,))


# The cache item of an article: its StoryFeatures — perhaps still pickled as they came from
# a worker process — or (with the anchors off) its input and fine shingles until a
# candidate pair needs the features.
CacheItem = StoryFeatures | ShippedFeatures | tuple[ClusterInput, np.ndarray | None]


@dataclass(frozen=True)
class PreparedBatch:
    """Articles made ready for ``StoryClusterer.add_prepared``: everything that depends on the
    article alone, worked out beforehand (in a worker process, say), in the order given."""

    params: PrepParams
    ids: list[int]
    band_keys: list[list[int]]  # the LSH index's keys, one per band
    scan_signatures: np.ndarray | None  # (n, scan_num_perm) uint32, for the rewrite scan
    items: list[CacheItem]  # what the feature cache keeps of each article
    anchor_keys: list[frozenset[str]] | None  # the anchor index's keys (anchors on)

    def __len__(self) -> int:
        return len(self.ids)

    def __reduce__(self):
        # to another process: each article's features travel pickled on their own, to be
        # unpickled there when needed (``ShippedFeatures``)
        items = [ShippedFeatures.of(x) if isinstance(x, StoryFeatures) else x for x in self.items]
        return (
            PreparedBatch,
            (self.params, self.ids, self.band_keys, self.scan_signatures, items, self.anchor_keys),
        )


def prepare_for_clustering(
    docs: Sequence[ClusterInput], params: PrepParams = PROCESS_PARAMS
) -> PreparedBatch:
    """What clustering needs of each article that depends on the article alone: pure, and
    picklable, so that worker processes can do it ahead of the clusterer.

    The text in Simplified (a Traditional reprint shingles as the Simplified report it
    reprints; a no-op on text the process stage has converted already) and normalised; its
    5-character shingles' LSH band keys; its 3-character shingles and their signature for the
    rewrite scan; with the anchors on, its StoryFeatures (with what the anchors and the
    same-story decision read of them worked out) and its anchor keys."""
    simplified = [(to_simplified(d.title), to_simplified(d.text)) for d in docs]
    normalised = [normalise(title + text) for title, text in simplified]
    signatures = minhasher(params.num_perm, params.seed).signatures(
        [shingle_hashes(t, LSH_K, normalised=True) for t in normalised]
    )
    keys = band_keys(signatures, params.lsh_threshold, params.num_perm).tolist()
    fine: list[np.ndarray | None] = [None] * len(docs)
    if params.scan or params.anchors:
        fine = [shingle_hashes(t, FINE_K, normalised=True) for t in normalised]
    scan_signatures = (
        minhasher(params.scan_num_perm, params.scan_seed).signatures(fine) if params.scan else None
    )
    items: list[CacheItem] = []
    anchor_keys: list[frozenset[str]] | None = [] if params.anchors else None
    for k, doc in enumerate(docs):
        if anchor_keys is None:
            items.append((doc, fine[k]))
            continue
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
        anchor_keys.append(frozenset(AnchorIndex.anchors(features)))
        items.append(features)
    return PreparedBatch(params, [d.article_id for d in docs], keys, scan_signatures, items, anchor_keys)


def _prepare_job(
    job: tuple[Any, Callable[[Any], Sequence[ClusterInput]] | None, PrepParams],
) -> PreparedBatch:
    source, load, params = job
    return prepare_for_clustering(load(source) if load is not None else source, params)


def prepared_stream(
    batches: Iterable[Any],
    workers: int = 1,
    params: PrepParams = PROCESS_PARAMS,
    load: Callable[[Any], Sequence[ClusterInput]] | None = None,
    ahead: int | None = None,
) -> Iterator[PreparedBatch]:
    """Batches prepared for ``add_prepared``, in order, by ``workers`` forked processes that
    run ahead of the consumer (at most ``ahead`` batches, by default one more than the
    workers): the clusterer adds batch k while batch k + 1 is being prepared.

    ``load`` makes a batch's articles from what ``batches`` gives (a path, say) in the worker,
    so that the articles need not be sent to it; without it ``batches`` gives the articles.
    With no worker (or no fork), each batch is prepared here when it is asked for."""
    if workers <= 0 or "fork" not in multiprocessing.get_all_start_methods():
        for source in batches:
            yield prepare_for_clustering(load(source) if load is not None else source, params)
        return
    limit = max(1, ahead if ahead is not None else workers + 1)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pending: deque = deque()
        for source in batches:
            pending.append(pool.apply_async(_prepare_job, ((source, load, params),)))
            if len(pending) >= limit:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


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
        self.num_perm = num_perm
        self.lsh_threshold = lsh_threshold
        self.index = WindowedLSHIndex(WINDOW, threshold=lsh_threshold, num_perm=num_perm)
        self.anchors = AnchorIndex() if use_anchors else None
        self._features_of = features_of
        self._cache: OrderedDict[int, CacheItem] = OrderedDict()
        self._cache_size = feature_cache_size
        self.max_days_apart = max_days_apart
        self.scan_window = scan_window
        self._scan_sigs = np.zeros((0, SCAN_NUM_PERM), dtype=np.uint32)
        self._scan_low = np.zeros((SCAN_NUM_PERM, 0), dtype=np.uint8)  # a row per permutation
        self._scan_ids = np.zeros(0, dtype=np.int64)
        self._scan_n = 0
        self.parent: dict[int, int] = {}
        self._members_of: dict[int, list[int]] = {}  # the members per root, for clusters of two or more
        self.links: list[Link] = []
        self.pairs_checked = 0
        # per self-media repost of the batch, the best decision beside each article decided
        self._repost_pairs: dict[int, dict[int, PairDecision]] = {}

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
            mine, theirs = self._members_of.pop(root, [root]), self._members_of.pop(child, [child])
            if len(mine) < len(theirs):  # the smaller list into the larger
                mine, theirs = theirs, mine
            mine.extend(theirs)
            self._members_of[root] = mine

    def size(self, x: int) -> int:
        """The members of x's cluster."""
        return len(self._members_of.get(self.find(x), ())) or 1

    def seed_group(self, members: Sequence[int]) -> None:
        """Restore a cluster known from earlier runs."""
        for m in members[1:]:
            self.union(members[0], m)

    # indexing --------------------------------------------------------------------------
    # The cache holds, per recent article, either its StoryFeatures or — until a candidate
    # pair needs them — just its input: most articles have no candidate at all, and their
    # figures and title words are never computed.
    def _remember(self, doc_id: int, item: CacheItem) -> None:
        self._cache[doc_id] = item
        self._cache.move_to_end(doc_id)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def _features(self, doc_id: int) -> StoryFeatures | None:
        item = self._cache.get(doc_id)
        if isinstance(item, ShippedFeatures):
            item = self._unship(doc_id, item)
        elif isinstance(item, tuple):
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

    @property
    def params(self) -> PrepParams:
        """What a prepared batch must have been made with to be added here."""
        return PrepParams(
            num_perm=self.num_perm,
            lsh_threshold=self.lsh_threshold,
            anchors=self.anchors is not None,
            scan=bool(self.scan_window),
        )

    def prepare(self, docs: Sequence[ClusterInput]) -> PreparedBatch:
        """``prepare_for_clustering`` with this clusterer's parameters."""
        return prepare_for_clustering(docs, params=self.params)

    def _unship(self, doc_id: int, shipped: ShippedFeatures) -> StoryFeatures:
        features = shipped.load()
        if self._cache.get(doc_id) is shipped:
            self._cache[doc_id] = features
        return features

    def index_existing(self, docs: Sequence[ClusterInput]) -> None:
        """Put already-clustered articles in the indexes without deciding anything."""
        self.index_prepared(self.prepare(docs))

    def index_prepared(self, batch: PreparedBatch) -> None:
        """``index_existing`` for articles prepared beforehand (perhaps in another process)."""
        self._add(batch, decide_pairs=False)

    def add(self, docs: Sequence[ClusterInput]) -> dict[int, int]:
        """Cluster new articles; returns article id → cluster root for the new ones."""
        return self.add_prepared(self.prepare(docs))

    def add_prepared(self, batch: PreparedBatch) -> dict[int, int]:
        """Cluster articles prepared beforehand (``prepare_for_clustering``, perhaps in another
        process): only what depends on the articles before them is done here, and the
        decisions are those ``add`` makes."""
        self._add(batch, decide_pairs=True)
        return {doc_id: self.find(doc_id) for doc_id in batch.ids}

    def _add(self, batch: PreparedBatch, decide_pairs: bool) -> None:
        if not batch.ids:
            return
        if batch.params != self.params:
            raise ValueError(f"a batch prepared with {batch.params}, not this clusterer's {self.params}")
        scanned: list[set[int]] | None = None
        if self.scan_window:
            scanned = self._scan_batch(batch.ids, batch.scan_signatures, decide_pairs)
        anchor_keys = batch.anchor_keys
        for k, (doc_id, doc_keys, item) in enumerate(
            zip(batch.ids, batch.band_keys, batch.items, strict=True)
        ):
            self.parent.setdefault(doc_id, doc_id)
            self._remember(doc_id, item)
            if not decide_pairs:
                self.index.insert(doc_id, doc_keys)
                if anchor_keys is not None:
                    self.anchors.query_and_insert(doc_id, anchor_keys[k], query=False)
                continue
            candidates = self.index.query_and_insert(doc_id, doc_keys)
            if scanned is not None:
                candidates |= scanned[k]
            if anchor_keys is not None:
                candidates |= self.anchors.query_and_insert(doc_id, anchor_keys[k])
            if not candidates:
                continue
            # (unpickled, or made from the input with the anchors off, now that a pair needs them)
            features = self._features(doc_id)
            root = self.find(doc_id)
            for other in sorted(candidates):
                if self.find(other) == root:
                    continue
                other_features = self._features(other)
                if other_features is None:
                    continue
                self.pairs_checked += 1
                decision = decide(features, other_features, self.max_days_apart)
                self._note_repost_pair(doc_id, features, other, other_features, decision)
                if (
                    decision.same
                    and decision.weak
                    and (features.self_media_voice or other_features.self_media_voice)
                ):
                    # A self-media repost weakly like a report (a 双12 战报 repost beside the
                    # first day's report and the close's) joins the one nearest it once the
                    # batch is decided (_attach_lone_reposts), not the first one it meets: that
                    # would bar the report it retells by the cannot-link check.
                    continue
                if decision.same and decision.weak and not self._agrees_with_clusters(doc_id, other):
                    continue
                strong = not decision.weak and decision.score >= STRONG_LINK
                if decision.same and self._two_events_across(doc_id, other, strong):
                    continue
                if decision.same:
                    self.links.append(Link(doc_id, other, decision))
                    self.union(doc_id, other)
                    root = self.find(doc_id)

        if decide_pairs:
            self._attach_lone_reposts()

    def _note_repost_pair(
        self,
        doc_id: int,
        features: StoryFeatures,
        other: int,
        other_features: StoryFeatures,
        decision: PairDecision,
    ) -> None:
        for repost, repost_features, report in ((doc_id, features, other), (other, other_features, doc_id)):
            if repost_features.self_media_voice:
                self._repost_pairs.setdefault(repost, {})[report] = decision

    def _attach_lone_reposts(self) -> None:
        """Each self-media repost of the batch still alone joins the cluster nearest it, if
        clearly nearest (REPOST_NEAREST, REPOST_MARGIN)."""
        pairs, self._repost_pairs = self._repost_pairs, {}
        for repost, decisions in pairs.items():
            if self.size(repost) > 1:
                continue
            best: dict[int, tuple[float, int]] = {}
            for report, decision in decisions.items():
                root = self.find(report)
                if root != self.find(repost) and decision.score > best.get(root, (-1.0, 0))[0]:
                    best[root] = (decision.score, report)
            ranked = sorted(best.values(), reverse=True)
            if not ranked or ranked[0][0] < REPOST_NEAREST:
                continue
            if len(ranked) > 1 and ranked[0][0] < REPOST_MARGIN * ranked[1][0]:
                continue
            score, report = ranked[0]
            if self._two_events_across(repost, report):
                continue
            decision = decisions[report]
            reasons = [*decision.reasons, "a self-media repost, nearest this report's cluster"]
            self.links.append(Link(repost, report, PairDecision(True, score, reasons, weak=True)))
            self.union(repost, report)

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

    def _two_events_across(self, doc_id: int, other: int, strong: bool = False) -> bool:
        """Whether a member of one cluster and a member of the other (up to CANNOT_LINK_SAMPLE
        a side, the most recent) are two events whatever else they share: a link may be
        right pairwise and still chain two events through a report that names neither's
        stage or period (a round-up of 双12 beside both its first day and its close). For a
        ``strong`` link, headlines giving other figures bar nothing (``STRONG_LINK``)."""
        mine = self._members(self.find(doc_id), doc_id, CANNOT_LINK_SAMPLE)
        theirs = self._members(self.find(other), other, CANNOT_LINK_SAMPLE)
        if len(mine) == 1 and len(theirs) == 1:
            return False  # the pair itself has been decided
        for x in mine:
            fx = self._features(x)
            for y in theirs:
                fy = self._features(y) if (x, y) != (doc_id, other) else None
                reason = (
                    (two_events(fx, fy) or releases_contradict(fx, fy))
                    if fx is not None and fy is not None
                    else None
                )
                if reason and not (strong and reason.startswith(HEADLINE_FIGURES_DIFFER)):
                    return True
        return False

    def _members(self, root: int, first: int, sample: int = CONSISTENCY_SAMPLE) -> list[int]:
        """Up to ``sample`` members of a cluster: ``first`` and the most recent others."""
        others = (m for m in self._members_of.get(root, ()) if m != first)
        return [first, *heapq.nlargest(sample - 1, others)]

    def _scan_batch(self, ids: Sequence[int], signatures: np.ndarray, query: bool = True) -> list[set[int]]:
        """Each new article against the ``scan_window`` articles before it (earlier ones of
        the batch included): those agreeing on SCAN_THRESHOLD of the signature.

        First on the signatures' lowest bytes (a quarter of the memory to read; a pair that
        agrees on a value agrees on its lowest byte, so nothing is missed), then the few
        rows that pass are checked on the whole values.

        The lowest bytes are kept one row per permutation (articles along the row), so that
        the comparison with an article is one byte per article and permutation and the
        count of agreements per article a sum of the permutations' rows: read eight bytes
        at a time (as 64-bit integers), each byte of the sum is one article's count, at most
        SCAN_NUM_PERM < 256, so no byte carries into the next."""
        n = len(ids)
        keep = min(self._scan_n, self.scan_window)
        old = slice(self._scan_n - keep, self._scan_n)
        sigs = np.concatenate([self._scan_sigs[old], signatures])
        # (permutations, articles), and 8 columns to spare: a window is read up to a multiple of 8
        low = np.concatenate(
            [
                self._scan_low[:, old],
                signatures.astype(np.uint8).T,
                np.zeros((signatures.shape[1], 8), np.uint8),
            ],
            axis=1,
        )
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
                equal = low[:, lo : lo + -(-(at - lo) // 8) * 8] == low[:, at, None]
                if _LITTLE_ENDIAN:
                    agree = np.add.reduce(equal.view(np.uint64), axis=0).view(np.uint8)[: at - lo]
                else:
                    agree = equal[:, : at - lo].sum(axis=0, dtype=np.uint8)
                rows = np.flatnonzero(agree >= need) + lo
                if len(rows):
                    rows = rows[np.count_nonzero(sigs[rows] == sigs[at], axis=1) >= need]
                hits = set(all_ids[rows].tolist())
                hits.discard(ids[k])
                found.append(hits)
        last = slice(max(0, len(sigs) - self.scan_window), len(sigs))
        self._scan_sigs, self._scan_low, self._scan_ids = (
            sigs[last].copy(),
            np.ascontiguousarray(low[:, last]),
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
        features_of=features_of,
        max_days_apart=max_days_apart,
        lsh_threshold=PROCESS_PARAMS.lsh_threshold,
        num_perm=PROCESS_PARAMS.num_perm,
        use_anchors=PROCESS_PARAMS.anchors,
        scan_window=SCAN_WINDOW,
    )


def signature_bytes(signature: np.ndarray) -> bytes:
    return signature.astype(np.uint32).tobytes()
