"""Write the examples the same-story model is fitted on.

Every pair of articles within ten days of each other in the development evaluation sets
(``bench/quality.py``'s DEVELOPMENT_SETS, the dev part of the real-looking set and its
blind rounds already measured once; the held-out sets are never used, nor a blind round
before its first measurement), and every pair again with the dates removed, with its
signals (``samestory.pair_signals``) and whether the two are the same story, goes to
``src/newsdesk/cluster/data/pair_examples.npz``. Rerun it after adding labelled sets or
changing the signals; ``newsdesk`` fits the model from the file when first needed.

Also prints, with each development set left out in turn, the pair-decision F1 of the
model fitted on the others beside the rules' — the rules were tuned on all of them, so
theirs is the optimistic figure.

    .venv/bin/python bench/train_pair_model.py
"""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from newsdesk.cluster.pairmodel import days_between  # noqa: E402
from newsdesk.cluster.samestory import pair_signals, rule_decision, story_features  # noqa: E402
from newsdesk.editorial.boilerplate import strip_boilerplate  # noqa: E402
from newsdesk.text.script import to_simplified  # noqa: E402
from quality import DEVELOPMENT_SETS, REAL_BLIND_ROUNDS, article_date, load_stories  # noqa: E402

OUT = ROOT / "src" / "newsdesk" / "cluster" / "data" / "pair_examples.npz"
MAX_DAYS = 10
# Real-looking reports across outlets and scripts (Traditional reposts, undated copies): the
# dev part, and each blind round once it has been measured and its errors read (a round
# joins the examples only after its first measurement; the round being written next is
# measured by a model that has never seen it).
REAL_DEVELOPMENT_SETS = ["real_stories_dev.jsonl"] + [name for name, _ in REAL_BLIND_ROUNDS]


def set_examples(name: str, undated: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Signals of the set's pairs, whether each is the same story, and the rules' verdicts.

    Dated: the pairs within ten days, or with an undated article (farther apart the
    calendar decides). ``undated``: every pair with both dates removed — the reposts that
    carry none, where period, edition, figures and subject must do the calendar's work.
    """
    rows = load_stories(name)
    features = [
        story_features(
            to_simplified(r["title"]),
            strip_boilerplate(to_simplified(r["body"])).text,
            None if undated else article_date(r),
        )
        for r in rows
    ]
    signals, same, by_rules = [], [], []
    for i, j in itertools.combinations(range(len(rows)), 2):
        a, b = features[i], features[j]
        days = days_between(a.published_at, b.published_at)
        if days is not None and days > MAX_DAYS:
            continue
        signals.append(pair_signals(a, b))
        same.append(rows[i]["story"] == rows[j]["story"])
        by_rules.append(rule_decision(a, b).same)
    return np.array(signals, dtype=np.float32), np.array(same), np.array(by_rules)


def f1(truth: np.ndarray, predicted: np.ndarray) -> tuple[int, int, int]:
    return int((truth & predicted).sum()), int((~truth & predicted).sum()), int((truth & ~predicted).sum())


def main() -> None:
    from sklearn.ensemble import HistGradientBoostingClassifier

    t0 = time.perf_counter()
    names = DEVELOPMENT_SETS + REAL_DEVELOPMENT_SETS
    sets = {name: set_examples(name) for name in names}
    sets |= {f"{name}, undated": set_examples(name, undated=True) for name in names}
    signals = np.vstack([s for s, _, _ in sets.values()])
    same = np.concatenate([y for _, y, _ in sets.values()])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT, signals=signals, same=same)
    print(
        f"{len(same):,} pairs ({int(same.sum())} same story) from {len(sets)} sets → {OUT.relative_to(ROOT)}"
    )

    totals = {
        f"{key}{kind}": [0, 0, 0]
        for kind in ("", ", undated")
        for key in ("model, set left out", "rules, tuned on all")
    }
    for name, (x, y, by_rules) in sets.items():
        # the set is left out with its undated copy (or its dated original)
        others = [k for k in sets if k.removesuffix(", undated") != name.removesuffix(", undated")]
        kind = ", undated" if name.endswith(", undated") else ""
        model = HistGradientBoostingClassifier(
            max_iter=200, learning_rate=0.05, max_leaf_nodes=15, l2_regularization=1.0, random_state=0
        ).fit(np.vstack([sets[k][0] for k in others]), np.concatenate([sets[k][1] for k in others]))
        predicted = model.predict_proba(x)[:, 1] >= 0.5
        for key, p in (("model, set left out", predicted), ("rules, tuned on all", by_rules)):
            key += kind
            totals[key] = [t + c for t, c in zip(totals[key], f1(y, p), strict=True)]
        if name.removesuffix(", undated") in REAL_DEVELOPMENT_SETS:
            tp, fp, fn = f1(y, predicted)
            p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
            print(
                f"  {name}, left out: pair decision P {p:.3f}  R {r:.3f}  F1 {2 * p * r / max(p + r, 1e-9):.3f}"
            )
    for key, (tp, fp, fn) in totals.items():
        p, r = tp / (tp + fp), tp / (tp + fn)
        print(f"  pair decision, {key}: precision {p:.3f}  recall {r:.3f}  F1 {2 * p * r / (p + r):.3f}")
    print(f"  ({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
