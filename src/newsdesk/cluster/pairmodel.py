"""A learned same-story decision over the signals the rules read.

The hand-written rules of ``samestory.decide`` were tuned set after set on evaluation
stories written blind to them, and each new set found new ways to fool them (a busy 双11
day, competitors' figures the same day, commentary headlines of every form). Measured with
each set left out in turn, gradient-boosted trees over the same signals generalise better
than the rules do on the sets they were tuned on (see ``bench/quality.py``), so the trees
decide and the rules' findings stay as the readable reasons.

The trees are fitted when first needed from ``data/pair_examples.npz``: the signals of
every pair of the labelled development stories and whether they are the same story,
written by ``bench/train_pair_model.py``. Shipping examples rather than a pickled model
keeps the package independent of the scikit-learn version. Fitting (and importing
scikit-learn for it) takes a few seconds, so the fitted trees are cached on disk as plain
arrays (``newsdesk.cache``), keyed by the versions of scikit-learn and numpy and the hash
of the examples: a run reads them back without importing scikit-learn.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import numpy as np

from newsdesk import cache

FEATURES = (
    "jaccard",  # of 3-character shingles
    "containment",  # of the smaller text's shingles in the other's
    "title words",  # shared distinctive headline words, over the smaller headline's
    "shared figures",  # exact or rounded, capped at 5, over 5
    "precise figures",  # two or more significant digits each, capped at 5, over 5
    "word similarity",  # TF-IDF cosine with jieba's IDF
    "headline in text",  # the worse side's share of headline words found in the other text
    "actors",  # shared organisations / platforms / places over the smaller set
    "days apart",  # capped at 10, over 10; -0.1 when either has no date
    "figure agreement",  # shared figures over the smaller figure set (0.5 when none)
    "commentary",  # the higher commentary score of the two, over 5
    "commentary gap",  # difference of the two commentary scores, over 5
    "place conflict",  # a headline's place the other never mentions
    "period conflict",  # the headlines name different periods
    "book notice",  # exactly one of the two is a book notice
    "particulars",  # shared days, slogans, documents, capped at 3, over 3
    "figures disagree",  # both give three or more figures and under a third agree
)
PACKED_FORMAT = 1  # of the cached arrays
THRESHOLD = 0.5  # probability of the same story above which the pair is joined
CONFIDENT = 0.75  # below this a joining link is weak: the clusterer checks it
UNSURE = 0.45  # from this up to THRESHOLD the model is unsure: the rules' "same" makes a weak link


@dataclass(frozen=True)
class PairExamples:
    signals: np.ndarray  # (n, len(FEATURES)) float32
    same: np.ndarray  # (n,) bool


@lru_cache(maxsize=1)
def load_examples() -> PairExamples | None:
    source = resources.files("newsdesk.cluster").joinpath("data/pair_examples.npz")
    if not source.is_file():
        return None
    with source.open("rb") as fh, np.load(fh) as data:
        return PairExamples(data["signals"].astype(np.float32), data["same"].astype(bool))


@lru_cache(maxsize=1)
def pair_model():
    """The fitted trees, or None when no examples ship (the rules then decide alone)."""
    examples = load_examples()
    if examples is None or examples.same.all() or not examples.same.any():
        return None
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(
        max_iter=200, learning_rate=0.05, max_leaf_nodes=15, l2_regularization=1.0, random_state=0
    )
    return model.fit(examples.signals, examples.same)


class PackedTrees:
    """The fitted trees as flat arrays, walked for all trees at once.

    scikit-learn's predict_proba costs about a millisecond a call, whatever the rows —
    40,000 single-pair calls would be most of a ``process`` run. The walk costs tens of
    microseconds. It reads the fitted predictors' node tables (a private layout), so it is
    checked against predict_proba on the training examples and not used if they differ."""

    def __init__(self, model) -> None:
        trees = [predictors[0].nodes for predictors in model._predictors]
        size = max(len(t) for t in trees)
        shape = (len(trees), size)
        self.feature = np.zeros(shape, dtype=np.intp)
        self.threshold = np.zeros(shape, dtype=np.float64)
        self.left = np.zeros(shape, dtype=np.intp)
        self.right = np.zeros(shape, dtype=np.intp)
        self.leaf = np.ones(shape, dtype=bool)
        self.value = np.zeros(shape, dtype=np.float64)
        for k, nodes in enumerate(trees):
            n = len(nodes)
            self.feature[k, :n] = nodes["feature_idx"]
            self.threshold[k, :n] = nodes["num_threshold"]
            self.left[k, :n] = nodes["left"]
            self.right[k, :n] = nodes["right"]
            self.leaf[k, :n] = nodes["is_leaf"]
            self.value[k, :n] = nodes["value"]
        self.baseline = float(np.ravel(model._baseline_prediction)[0])
        self.rows = np.arange(len(trees))
        self.depth = int(max(int(t["depth"].max()) for t in trees)) + 1

    _ARRAYS = ("feature", "threshold", "left", "right", "leaf", "value", "rows")

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        arrays = {name: getattr(self, name) for name in self._ARRAYS}
        np.savez(buf, baseline=np.float64(self.baseline), depth=np.int64(self.depth), **arrays)
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, blob: bytes) -> PackedTrees:
        packed = cls.__new__(cls)
        with np.load(io.BytesIO(blob), allow_pickle=False) as data:
            for name in cls._ARRAYS:
                setattr(packed, name, data[name])
            packed.baseline = float(data["baseline"])
            packed.depth = int(data["depth"])
        return packed

    @cached_property
    def _walk(self) -> tuple[np.ndarray, ...]:
        """The trees as flat arrays for the walk: node k of tree t at t * width + k, and a
        leaf pointing to itself both ways, so every tree takes ``depth`` steps without
        checking whether it has arrived (one gather per array and step, for all trees)."""
        width = self.feature.shape[1]
        offset = (self.rows * width)[:, None]
        own = offset + np.arange(width)[None, :]
        left = np.where(self.leaf, own, offset + self.left)
        right = np.where(self.leaf, own, offset + self.right)
        return (
            self.feature.ravel().astype(np.intp),
            self.threshold.ravel(),
            left.ravel().astype(np.intp),
            right.ravel().astype(np.intp),
            self.value.ravel(),
            (self.rows * width).astype(np.intp),
        )

    def probability(self, signals: np.ndarray) -> float:
        feature, threshold, left, right, value, roots = self._walk
        # Every node's test at once (a few thousand comparisons in one numpy call), then
        # the walk is one gather a step, not six: the same nodes, the same leaves.
        following = np.where(signals[feature] <= threshold, left, right)
        node = roots
        for _ in range(self.depth):
            node = following[node]
        raw = self.baseline + value[node].sum()
        return 1.0 / (1.0 + np.exp(-raw))


def _cache_name() -> str | None:
    source = resources.files("newsdesk.cluster").joinpath("data/pair_examples.npz")
    if not source.is_file():
        return None
    from importlib.metadata import PackageNotFoundError, version

    try:
        sklearn_version = version("scikit-learn")
    except PackageNotFoundError:
        sklearn_version = "?"
    digest = cache.key(str(PACKED_FORMAT), sklearn_version, np.__version__, source.read_bytes())
    return f"pair-trees-{digest}.npz"


@lru_cache(maxsize=1)
def packed_trees() -> PackedTrees | None:
    """The fitted trees as arrays: from the on-disk cache, else fitted and cached."""
    name = _cache_name()
    if name is not None:
        blob = cache.read(name)
        if blob is not None:
            try:
                return PackedTrees.from_bytes(blob)
            except (OSError, ValueError, KeyError, EOFError):
                pass  # a damaged entry: fit again
    packed = _fit_and_pack()
    if packed is not None and name is not None:
        cache.write(name, packed.to_bytes())
    return packed


def _fit_and_pack() -> PackedTrees | None:
    model = pair_model()
    if model is None:
        return None
    try:
        packed = PackedTrees(model)
        sample = load_examples().signals[::50]
        expected = model.predict_proba(sample)[:, 1]
        got = np.array([packed.probability(row) for row in sample])
        if np.allclose(got, expected, atol=1e-6):
            return packed
    except (AttributeError, KeyError, IndexError, ValueError, TypeError):
        pass
    return None  # another scikit-learn layout: predict_proba it is


def probability_same(signals: np.ndarray) -> float | None:
    packed = packed_trees()
    if packed is not None:
        return float(packed.probability(signals.astype(np.float64)))
    model = pair_model()
    if model is None:
        return None
    return float(model.predict_proba(signals.reshape(1, -1))[0, 1])


def days_between(a: dt.datetime | None, b: dt.datetime | None) -> float | None:
    if a is None or b is None:
        return None
    return abs((a - b).total_seconds()) / 86400
