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
keeps the package independent of the scikit-learn version; fitting takes about a second.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

FEATURES = (
    "jaccard",  # of 3-character shingles
    "containment",  # of the smaller text's shingles in the other's
    "title words",  # shared distinctive headline words, over the smaller headline's
    "shared figures",  # exact or rounded, capped at 5, over 5
    "precise figures",  # two or more significant digits each, capped at 5, over 5
    "word similarity",  # TF-IDF cosine with jieba's IDF
    "headline in text",  # the worse side's share of headline words found in the other text
    "actors",  # shared organisations / platforms / places over the smaller set
    "days apart",  # capped at 10, over 10
    "figure agreement",  # shared figures over the smaller figure set (0.5 when none)
    "commentary",  # the higher commentary score of the two, over 5
    "commentary gap",  # difference of the two commentary scores, over 5
    "place conflict",  # a headline's place the other never mentions
    "period conflict",  # the headlines name different periods
    "book notice",  # exactly one of the two is a book notice
    "particulars",  # shared days, slogans, documents, capped at 3, over 3
    "figures disagree",  # both give three or more figures and under a third agree
)
THRESHOLD = 0.5  # probability of the same story above which the pair is joined
CONFIDENT = 0.75  # below this a joining link is weak: the clusterer checks it


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

    def probability(self, signals: np.ndarray) -> float:
        node = np.zeros(len(self.rows), dtype=np.intp)
        for _ in range(self.depth):
            at_leaf = self.leaf[self.rows, node]
            if at_leaf.all():
                break
            go_left = signals[self.feature[self.rows, node]] <= self.threshold[self.rows, node]
            step = np.where(go_left, self.left[self.rows, node], self.right[self.rows, node])
            node = np.where(at_leaf, node, step)
        raw = self.baseline + self.value[self.rows, node].sum()
        return 1.0 / (1.0 + np.exp(-raw))


@lru_cache(maxsize=1)
def packed_trees() -> PackedTrees | None:
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
