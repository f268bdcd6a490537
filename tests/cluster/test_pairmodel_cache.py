"""The fitted same-story trees are cached on disk as arrays: a later run reads them back
without scikit-learn, and they decide exactly as the fitted ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np

from newsdesk.cluster import pairmodel


def test_the_cached_trees_decide_as_the_fitted_ones():
    packed = pairmodel.packed_trees()  # fitted, or read from the cache of an earlier run
    assert packed is not None
    again = pairmodel.PackedTrees.from_bytes(packed.to_bytes())
    signals = pairmodel.load_examples().signals[::25].astype(np.float64)
    assert [again.probability(s) for s in signals] == [packed.probability(s) for s in signals]


def test_a_later_run_reads_the_trees_without_scikit_learn():
    assert pairmodel.packed_trees() is not None  # the cache entry exists now
    code = (
        "import sys, json\n"
        "from newsdesk.cluster import pairmodel\n"
        "p = pairmodel.probability_same(pairmodel.load_examples().signals[0])\n"
        "print(json.dumps([p is not None, 'sklearn' in sys.modules]))\n"
    )
    env = dict(os.environ)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert json.loads(done.stdout) == [True, False]


def test_the_cache_key_covers_the_examples_and_the_library_versions(monkeypatch):
    name = pairmodel._cache_name()
    assert name and name.startswith("pair-trees-")
    monkeypatch.setattr(np, "__version__", "0.0.0")
    assert pairmodel._cache_name() != name
