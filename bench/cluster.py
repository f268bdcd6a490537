"""Same-story clustering at scale: generated articles of ~1,000 characters with planted
near-duplicates, clustered as ``newsdesk process`` clusters them (MinHash LSH, anchors,
the same-story decision, union–find), in batches.

Prints per size: seconds, articles/s, peak memory (RSS of a fresh process per size), the
growth ratio between sizes (time per article at the larger size over the smaller: 1.0 is
linear), and recall / precision of the planted duplicates. In the same run, a naive
baseline at 10k articles: exact Jaccard of every pair.

The rewrite scan of ``process`` (every new article against the 20,000 most recent, on
3-character signatures) is off by default here and can be switched on with
``--scan-window 20000``; its cost per article is bounded by that window.

    .venv/bin/python bench/cluster.py                      # 100k and 1M
    .venv/bin/python bench/cluster.py --sizes 10000,100000 # a quick run
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ISSUES = ROOT / "src" / "newsdesk" / "samples" / "issues"
ARTICLE_CHARS = 1000
DUPLICATE_EVERY = 20  # one article in twenty is a reprint or rewrite of an earlier one
DUPLICATE_LAG = 510  # ... that many articles later (hours, at a busy desk); odd multiple of 10
# so that originals (i ≡ 0 mod 20) are never duplicates themselves (i ≡ 10 mod 20)
BATCH = 5000
START = dt.datetime(2022, 1, 1, tzinfo=dt.UTC)


class Corpus:
    """Deterministic articles from the word distribution of the sample issues."""

    def __init__(self, n: int, seed: int = 1) -> None:
        from collections import Counter

        from newsdesk.archive.reading import read_issue_file
        from newsdesk.text.tokens import words

        counts: Counter[str] = Counter()
        for path in sorted(SAMPLE_ISSUES.glob("*.txt")):  # some are in legacy encodings
            counts.update(w for w in words(read_issue_file(path).text) if len(w) <= 6)
        vocab = [w for w, _ in counts.most_common()]
        # Zipf-like weights over a vocabulary widened with generated rare words, so that
        # unrelated articles share as much common vocabulary as real news does
        rng = np.random.default_rng(seed)
        chars = "".join(vocab)
        rare = ["".join(rng.choice(list(chars), size=rng.integers(2, 4))) for _ in range(20000)]
        self.vocab = np.array(vocab + rare, dtype=object)
        ranks = np.arange(1, len(self.vocab) + 1)
        weights = 1.0 / ranks**1.05
        self.cdf = np.cumsum(weights / weights.sum())
        self.n = n
        self.seed = seed
        # a busy desk: 2,000 articles a day, so a duplicate arrives hours after its original
        self.per_day = 2000.0

    def _words(self, rng: np.random.Generator, count: int) -> list[str]:
        return list(self.vocab[np.searchsorted(self.cdf, rng.random(count))])

    def _original(self, i: int) -> tuple[str, str]:
        rng = np.random.default_rng((self.seed, i))
        title = "".join(self._words(rng, 6))
        words = self._words(rng, 520)
        # punctuation every 8–20 words, a paragraph break every ~120
        out: list[str] = []
        next_comma = rng.integers(8, 20)
        for k, w in enumerate(words):
            out.append(w)
            if k == next_comma:
                out.append("。" if rng.random() < 0.4 else "，")
                next_comma = k + rng.integers(8, 20)
            if k and k % 120 == 0:
                out.append("。\n")
        text = "".join(out)[:ARTICLE_CHARS] + "。"
        return title, text

    def is_duplicate(self, i: int) -> bool:
        return i >= DUPLICATE_LAG and (i - DUPLICATE_LAG) % DUPLICATE_EVERY == 0

    def original_of(self, i: int) -> int:
        return i - DUPLICATE_LAG

    def article(self, i: int) -> tuple[str, str, dt.datetime]:
        when = START + dt.timedelta(days=i / self.per_day)
        if not self.is_duplicate(i):
            title, text = self._original(i)
            return title, text, when
        title, text = self._original(self.original_of(i))
        rng = np.random.default_rng((self.seed, i, 7))
        kind = rng.integers(0, 3)
        if kind == 0:  # reprint with a dateline and a sign-off
            text = "本报讯（记者 张三）" + text + "\n（完）\n责任编辑：李四"
        elif kind == 1:  # cut: the first two thirds
            text = text[: len(text) * 2 // 3] + "。"
        else:  # light rewrite: words replaced here and there, a new closing paragraph
            pieces = text.split("，")
            for k in rng.choice(len(pieces), size=max(1, len(pieces) // 5), replace=False):
                pieces[k] = "".join(self._words(rng, 6))
            text = "，".join(pieces) + "\n" + "".join(self._words(rng, 30)) + "。"
            title = title[:8] + "".join(self._words(rng, 2))
        return title, text, when


def run_size(n: int, scan_window: int) -> dict:
    from newsdesk.cluster.clusterer import ClusterInput, StoryClusterer
    from newsdesk.cluster.samestory import story_features

    corpus = Corpus(n)

    def features_of(i: int):
        title, text, when = corpus.article(i)
        return story_features(title, text, when)

    clusterer = StoryClusterer(features_of=features_of, scan_window=scan_window)
    generating = 0.0
    start = time.perf_counter()
    for lo in range(0, n, BATCH):
        t0 = time.perf_counter()
        batch = [ClusterInput(i, *corpus.article(i)) for i in range(lo, min(n, lo + BATCH))]
        generating += time.perf_counter() - t0
        clusterer.add(batch)
    total = time.perf_counter() - start
    clustering = total - generating
    planted = [i for i in range(n) if corpus.is_duplicate(i)]
    found = sum(1 for i in planted if clusterer.find(i) == clusterer.find(corpus.original_of(i)))
    joined = sum(
        1 for link in clusterer.links if not corpus.is_duplicate(max(link.article_id, link.other_id))
    )
    return {
        "n": n,
        "seconds": clustering,
        "generating_seconds": generating,
        "articles_per_second": n / clustering,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "planted": len(planted),
        "planted_found": found,
        "wrong_links": joined,
        "pairs_checked": clusterer.pairs_checked,
        "scan_window": scan_window,
    }


def naive_baseline(n: int, threshold: float = 0.5) -> dict:
    """Every pair, exact Jaccard of 5-character shingle sets (sparse products in row chunks)."""
    from scipy import sparse

    from newsdesk.cluster.shingles import shingle_hashes

    corpus = Corpus(n)
    docs = []
    for i in range(n):
        title, text, _ = corpus.article(i)
        docs.append(shingle_hashes(title + text, 5))
    start = time.perf_counter()
    rows = np.repeat(np.arange(n), [len(d) for d in docs])
    cols = np.concatenate(docs).astype(np.int64) % (1 << 24)
    x = sparse.csr_matrix((np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(n, 1 << 24))
    x.data[:] = 1.0
    sizes = np.asarray(x.sum(axis=1)).ravel()
    found = 0
    for lo in range(0, n, 1000):
        inter = (x[lo : lo + 1000] @ x.T).toarray()
        union = sizes[lo : lo + 1000, None] + sizes[None, :] - inter
        jac = inter / np.maximum(union, 1)
        for r in range(jac.shape[0]):
            jac[r, : lo + r + 1] = 0.0  # each pair once
        found += int(np.count_nonzero(jac >= threshold))
    seconds = time.perf_counter() - start
    return {"n": n, "seconds": seconds, "pairs": n * (n - 1) // 2, "pairs_over_threshold": found}


def main() -> None:
    parser = argparse.ArgumentParser(description="Same-story clustering at scale.")
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated article counts")
    parser.add_argument(
        "--baseline", type=int, default=10000, help="articles for the all-pairs baseline (0: skip)"
    )
    parser.add_argument("--scan-window", type=int, default=0, help="rewrite scan window (process uses 20000)")
    parser.add_argument("--single", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--naive", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.single:
        print(json.dumps(run_size(args.single, args.scan_window)))
        return
    if args.naive:
        print(json.dumps(naive_baseline(args.naive)))
        return

    def child(*extra: str) -> dict:
        # a fresh process per size: peak memory is that size's alone
        out = subprocess.run([sys.executable, __file__, *extra], check=True, capture_output=True, text=True)
        return json.loads(out.stdout.strip().splitlines()[-1])

    print(
        f"clustering generated articles of ~{ARTICLE_CHARS} characters, 1 in {DUPLICATE_EVERY} a planted duplicate"
    )
    results = []
    for n in [int(s) for s in args.sizes.split(",") if s]:
        r = child("--single", str(n), "--scan-window", str(args.scan_window))
        results.append(r)
        print(
            f"  {r['n']:>9,} articles: {r['seconds']:8.1f} s  {r['articles_per_second']:8.0f} articles/s  "
            f"peak {r['peak_rss_mb']:7.0f} MB   planted duplicates found {r['planted_found']}/{r['planted']} "
            f"({r['planted_found'] / max(r['planted'], 1):.3f}), wrong links {r['wrong_links']}, "
            f"pairs checked {r['pairs_checked']:,}   (+{r['generating_seconds']:.0f} s generating text, not counted)"
        )
    for a, b in zip(results, results[1:], strict=False):
        growth = (b["seconds"] / b["n"]) / (a["seconds"] / a["n"])
        print(f"  growth {a['n']:,} → {b['n']:,}: time per article × {growth:.2f} (1.00 = linear)")
    if args.baseline:
        base = child("--naive", str(args.baseline))
        per_pair = base["seconds"] / base["pairs"]
        print(
            f"  naive baseline, all {base['pairs']:,} pairs of {base['n']:,} articles, exact Jaccard: "
            f"{base['seconds']:.1f} s; at 1,000,000 articles that is ~{per_pair * 5e11 / 3600:,.0f} hours"
        )


if __name__ == "__main__":
    main()
