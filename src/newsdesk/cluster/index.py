"""MinHash signatures and an incremental LSH index over them.

Signatures are datasketch MinHashes (``affine32`` scheme, the datasketch permutations for
the given seed), computed for whole batches of documents at once with numpy: one
``(shingles × permutations)`` matrix and a ``minimum.reduceat`` per batch, which is what
makes a million articles feasible (``MinHash.update`` per shingle would take hours).

The index bands the signatures the way ``datasketch.MinHashLSH`` does and uses its choice
of bands and rows for the threshold, but keeps each band's buckets as a plain ``dict`` of
integers: a million documents then cost about a gigabyte instead of several, and the
index grows one document at a time (articles arrive all day).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

DEFAULT_NUM_PERM = 128
DEFAULT_SEED = 7


class MinHasher:
    def __init__(self, num_perm: int = DEFAULT_NUM_PERM, seed: int = DEFAULT_SEED) -> None:
        from datasketch import MinHash  # datasketch imports scipy: only when clustering

        self.num_perm = num_perm
        self.seed = seed
        a, b = MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations
        self._a = np.asarray(a, dtype=np.uint32)
        self._b = np.asarray(b, dtype=np.uint32)

    def signature(self, shingles: np.ndarray) -> np.ndarray:
        return self.signatures([shingles])[0]

    def signatures(self, batch: Sequence[np.ndarray], chunk_rows: int = 4096) -> np.ndarray:
        """Signatures of many shingle sets, shape (len(batch), num_perm), uint32.

        ``chunk_rows`` bounds the temporary matrix (rows × num_perm × 4 bytes); small
        enough to stay in the CPU cache is several times faster than one big matrix.
        """
        out = np.full((len(batch), self.num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
        start = 0
        while start < len(batch):
            rows = 0
            end = start
            while end < len(batch) and (rows == 0 or rows + len(batch[end]) <= chunk_rows):
                rows += len(batch[end])
                end += 1
            parts = [s if len(s) else np.zeros(1, dtype=np.uint32) for s in batch[start:end]]
            lengths = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
            stacked = np.concatenate(parts)
            with np.errstate(over="ignore"):
                permuted = stacked[:, None] * self._a[None, :] + self._b[None, :]
            offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
            out[start:end] = np.minimum.reduceat(permuted, offsets, axis=0)
            start = end
        return out

    def as_datasketch(self, signature: np.ndarray) -> MinHash:
        from datasketch import MinHash

        return MinHash(num_perm=self.num_perm, seed=self.seed, hashvalues=signature, scheme="affine32")


@lru_cache(maxsize=16)
def minhasher(num_perm: int = DEFAULT_NUM_PERM, seed: int = DEFAULT_SEED) -> MinHasher:
    """The hasher of ``num_perm`` permutations for ``seed``: its permutations are a function of
    the two alone, so a worker process and the clusterer hash alike (and build it once)."""
    return MinHasher(num_perm=num_perm, seed=seed)


@lru_cache(maxsize=16)
def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows per band for ``threshold``, as ``datasketch.MinHashLSH`` chooses them."""
    from datasketch.lsh import _optimal_param

    return _optimal_param(threshold, num_perm, 0.5, 0.5)


@lru_cache(maxsize=16)
def _band_multipliers(rows: int) -> np.ndarray:
    rng = np.random.RandomState(11)
    # odd 64-bit multipliers fold a band's rows into one integer key
    multipliers = (rng.randint(0, 2**62, size=rows, dtype=np.uint64) * np.uint64(2) + np.uint64(1)).astype(
        np.uint64
    )
    multipliers.flags.writeable = False
    return multipliers


def band_keys(signatures: np.ndarray, threshold: float, num_perm: int) -> np.ndarray:
    """(n, bands) uint64 keys for signatures of shape (n, num_perm): a function of the LSH
    parameters alone, so that keys made in a worker process are the index's own."""
    bands, rows = lsh_bands(threshold, num_perm)
    used = signatures[:, : bands * rows].astype(np.uint64)
    shaped = used.reshape(len(signatures), bands, rows)
    with np.errstate(over="ignore"):
        return (shaped * _band_multipliers(rows)[None, None, :]).sum(axis=2, dtype=np.uint64)


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


class LSHIndex:
    """Documents (integer ids) by MinHash signature; ``query`` returns likely near-duplicates."""

    def __init__(self, threshold: float = 0.3, num_perm: int = DEFAULT_NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands, self.rows = lsh_bands(threshold, num_perm)
        self._buckets: list[dict[int, int | list[int]]] = [{} for _ in range(self.bands)]
        self.size = 0

    def band_keys(self, signatures: np.ndarray) -> np.ndarray:
        """(n, bands) uint64 keys for signatures of shape (n, num_perm)."""
        return band_keys(signatures, self.threshold, self.num_perm)

    def insert(self, doc_id: int, keys: Iterable[int]) -> None:
        for band, key in zip(self._buckets, keys, strict=True):
            held = band.get(key)
            if held is None:
                band[key] = doc_id
            elif isinstance(held, list):
                held.append(doc_id)
            else:
                band[key] = [held, doc_id]
        self.size += 1

    def query(self, keys: Iterable[int]) -> set[int]:
        found: set[int] = set()
        for band, key in zip(self._buckets, keys, strict=True):
            held = band.get(key)
            if held is None:
                continue
            if isinstance(held, list):
                found.update(held)
            else:
                found.add(held)
        return found

    def query_and_insert(self, doc_id: int, keys: Sequence[int]) -> set[int]:
        found = self.query(keys)
        self.insert(doc_id, keys)
        found.discard(doc_id)
        return found


class WindowedLSHIndex:
    """An ``LSHIndex`` over the most recent documents only: two generations of ``window``
    documents each, the older dropped whole when the newer fills, so a query sees the last
    ``window`` to ``2 × window`` documents and memory stays bounded however many arrive."""

    def __init__(self, window: int, threshold: float = 0.3, num_perm: int = DEFAULT_NUM_PERM) -> None:
        self.window = window
        self.threshold = threshold
        self.num_perm = num_perm
        self.current = LSHIndex(threshold, num_perm)
        self.previous: LSHIndex | None = None
        self.bands, self.rows = self.current.bands, self.current.rows
        self.size = 0

    def band_keys(self, signatures: np.ndarray) -> np.ndarray:
        return self.current.band_keys(signatures)

    def query(self, keys: Sequence[int]) -> set[int]:
        found = self.current.query(keys)
        if self.previous is not None:
            found |= self.previous.query(keys)
        return found

    def insert(self, doc_id: int, keys: Sequence[int]) -> None:
        if self.current.size >= self.window:
            self.previous, self.current = self.current, LSHIndex(self.threshold, self.num_perm)
        self.current.insert(doc_id, keys)
        self.size += 1

    def query_and_insert(self, doc_id: int, keys: Sequence[int]) -> set[int]:
        found = self.query(keys)
        self.insert(doc_id, keys)
        found.discard(doc_id)
        return found
