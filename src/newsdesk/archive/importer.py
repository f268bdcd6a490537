"""Import past issues into the archive, one file at a time; a bad file never stops a batch."""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from newsdesk.archive.parse import IssueFormatError, parse_issue_text
from newsdesk.archive.reading import IssueFileError, read_issue_file
from newsdesk.issue.model import Issue, Publication, UnplacedText
from newsdesk.store.archive import save_issue

log = logging.getLogger(__name__)


@dataclass
class ImportOutcome:
    path: Path
    issue_id: int | None = None
    created: bool = False
    label: str | None = None
    column_counts: list[tuple[str, int]] = field(default_factory=list)
    unplaced: list[UnplacedText] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def content_hash(text: str) -> str:
    # Whitespace differs between extractions of the same PDF; the words do not.
    return hashlib.sha256(re.sub(r"\s+", "", text).encode("utf-8")).hexdigest()


def parse_issue_file(path: Path, publication: Publication | None = None) -> tuple[Issue, str]:
    """Read and parse one file; returns the issue and the hash of its text.

    Raises IssueFileError / IssueFormatError with a one-line reason.
    """
    source = read_issue_file(path)
    issue = parse_issue_text(source.text, publication)
    issue.label = issue.label or path.stem
    issue.issue_date = issue.issue_date or issue.newest_item_date()
    return issue, content_hash(source.text)


def import_issue_file(engine: Engine, path: Path, publication: Publication | None = None) -> ImportOutcome:
    outcome = ImportOutcome(path=path)
    try:
        issue, digest = parse_issue_file(path, publication)
    except (IssueFileError, IssueFormatError) as exc:
        outcome.error = str(exc)
        log.debug("%s: %s", path, exc)
        return outcome
    result = save_issue(engine, issue, content_hash=digest, label=issue.label, source_path=str(path))
    outcome.issue_id, outcome.created, outcome.label = result.issue_id, result.created, issue.label
    counts = Counter(item.column for item in issue.items)
    outcome.column_counts = [(column, counts[column]) for column in issue.columns_in_order()]
    outcome.unplaced = issue.unplaced
    return outcome
