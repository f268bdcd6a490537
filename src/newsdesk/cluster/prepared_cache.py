"""The clustering preparation of stored articles, kept on disk between runs.

Each run of ``process`` reopens the clusters of the last days: every article of the window
(two weeks, some 28,000 articles at 2,000 a day) goes back into the indexes before the new
ones are clustered. Preparing them again — Simplified text, shingles, signatures, the
features the anchors and the decision read — costs about as much per article as
clustering a new one, so a run that clusters a few hundred new articles spent most of its
time redoing yesterday's work. What was prepared for a batch is written here once the
batch is stored, and read back when the window is reopened.

A file is used only by the code that wrote it: its name carries a fingerprint of the
modules that make the features (``cluster/`` and ``text/`` with their data), of the
preparation's parameters and of the user dictionary. An article whose title or text has
changed since (by its checksum) is prepared again; so is one no file has. Files older
than the window are removed. None of this changes a decision: the batch given to the
clusterer holds the same preparation, in the window's order, as preparing it afresh.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import pickle
import tempfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from newsdesk.cluster.clusterer import ClusterInput, PreparedBatch, PrepParams

log = logging.getLogger(__name__)

_PACKAGE = Path(__file__).resolve().parents[1]
# the modules whose code decides what a prepared article holds
_FEATURE_SOURCES = ("cluster", "text")
_SUFFIX = ".prepared"


def text_checksum(title: str, text: str) -> int:
    return zlib.crc32(f"{title}\x00{text}".encode())


def code_fingerprint(params: PrepParams, user_dictionary: str | None = None) -> str:
    """What the preparation depends on besides the article: the feature code and its data,
    the parameters, the user's dictionary."""
    digest = hashlib.sha1(repr(params).encode())
    digest.update((user_dictionary or "").encode())
    for folder in _FEATURE_SOURCES:
        for path in sorted((_PACKAGE / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(_PACKAGE)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def assemble(params: PrepParams, parts: Sequence[tuple[PreparedBatch, int]]) -> PreparedBatch:
    """One batch of the given (batch, position) articles, in that order."""
    anchors = params.anchors
    signatures = None
    if params.scan:
        rows = [batch.scan_signatures[k] for batch, k in parts]
        signatures = np.stack(rows) if rows else np.zeros((0, params.scan_num_perm), dtype=np.uint32)
    return PreparedBatch(
        params,
        [batch.ids[k] for batch, k in parts],
        [batch.band_keys[k] for batch, k in parts],
        signatures,
        [batch.items[k] for batch, k in parts],
        [batch.anchor_keys[k] for batch, k in parts] if anchors else None,
    )


class PreparedCache:
    """A folder of prepared batches, each a file written once and read many times."""

    def __init__(self, folder: Path, params: PrepParams, user_dictionary: str | None = None) -> None:
        self.folder = Path(folder)
        self.params = params
        self.fingerprint = code_fingerprint(params, user_dictionary)

    def save(self, batch: PreparedBatch, checksums: Sequence[int]) -> Path | None:
        """Keep a stored batch's preparation; a failure to write only costs a later run time."""
        if not batch.ids:
            return None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S")
            # written under a temporary name and renamed: a reader never sees half a file,
            # and two processes saving at once do not collide
            fd, tmp = tempfile.mkstemp(prefix=f".{self.fingerprint}-", dir=self.folder)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(
                    {"fingerprint": self.fingerprint, "checksums": list(checksums), "batch": batch},
                    fh,
                    protocol=pickle.HIGHEST_PROTOCOL,
                )
            path = self.folder / f"{self.fingerprint}-{stamp}-{Path(tmp).name[-8:]}{_SUFFIX}"
            os.replace(tmp, path)
            return path
        except OSError as exc:
            log.warning("could not keep the clustering preparation in %s: %s", self.folder, exc)
            return None

    def prune(self, older_than: dt.timedelta) -> int:
        """Remove files another version of the code wrote, and files older than the window."""
        if not self.folder.is_dir():
            return 0
        cutoff = (dt.datetime.now(dt.UTC) - older_than).strftime("%Y%m%d%H%M%S")
        removed = 0
        for path in self.folder.glob(f"*{_SUFFIX}"):
            fingerprint, _, rest = path.name.partition("-")
            if fingerprint != self.fingerprint or rest[:14] < cutoff:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def prepared(
        self,
        docs: Sequence[ClusterInput],
        prepare: Callable[[Sequence[ClusterInput]], list[PreparedBatch]],
    ) -> tuple[PreparedBatch, int]:
        """The window's articles prepared, in their order: from the files where an article
        is there unchanged, else by ``prepare`` (given the rest, in order). Returns the batch
        and how many articles came from the files."""
        wanted = {d.article_id: text_checksum(d.title, d.text) for d in docs}
        found: dict[int, tuple[PreparedBatch, int]] = {}
        for path in (
            sorted(self.folder.glob(f"{self.fingerprint}-*{_SUFFIX}")) if self.folder.is_dir() else ()
        ):
            try:
                with open(path, "rb") as fh:
                    data = pickle.load(fh)  # our own file, written by ``save``
                batch, checksums = data["batch"], data["checksums"]
                if data["fingerprint"] != self.fingerprint or batch.params != self.params:
                    continue
            except (OSError, EOFError, pickle.UnpicklingError, KeyError, TypeError, AttributeError) as exc:
                log.warning("skipping the unreadable clustering preparation %s: %s", path, exc)
                continue
            for k, (doc_id, checksum) in enumerate(zip(batch.ids, checksums, strict=True)):
                if wanted.get(doc_id) == checksum:
                    found[doc_id] = (batch, k)
        missing = [d for d in docs if d.article_id not in found]
        if missing:
            fresh = prepare(missing)
            for batch in fresh:
                for k, doc_id in enumerate(batch.ids):
                    found[doc_id] = (batch, k)
        parts = [found[d.article_id] for d in docs]
        return assemble(self.params, parts), len(docs) - len(missing)
