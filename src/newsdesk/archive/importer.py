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
from newsdesk.config import ArchiveSettings
from newsdesk.issue.model import Issue, Publication, UnplacedText
from newsdesk.store.archive import IssueReplaceRefused, save_issue

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
    # other issues already stored under this label (then `show LABEL` asks for an id) …
    same_label: list[int] = field(default_factory=list)
    # … or, when importing with replace, the issues this one replaced
    replaced: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def notice(self) -> str | None:
        """One line about the label, when it was already taken; None otherwise."""
        if self.replaced:
            ids = ", ".join(map(str, self.replaced))
            return f"replaced issue {ids} of the same label «{self.label}»"
        if self.same_label:
            ids = ", ".join(map(str, self.same_label))
            return (
                f"the label «{self.label}» was already in the archive (issue {ids}), with other text: "
                "the label now names more than one issue; import with --replace to replace it"
            )
        return None


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


def check_limits(issue: Issue, limits: ArchiveSettings) -> None:
    """Refuse what cannot be one issue; raises IssueFormatError saying which limit and its key."""
    columns = {item.column for item in issue.items}
    if limits.max_columns_per_issue and len(columns) > limits.max_columns_per_issue:
        raise IssueFormatError(
            f"{len(columns):,} different column headers, more than one issue has (limit "
            f"{limits.max_columns_per_issue}, archive.max_columns_per_issue): they would all become "
            "columns of the publication"
        )
    if limits.max_items_per_issue and len(issue.items) > limits.max_items_per_issue:
        raise IssueFormatError(
            f"{len(issue.items):,} items, more than one issue holds (limit "
            f"{limits.max_items_per_issue:,}, archive.max_items_per_issue); is it several issues in one file?"
        )


def import_issue_file(
    engine: Engine,
    path: Path,
    publication: Publication | None = None,
    *,
    limits: ArchiveSettings | None = None,
    replace: bool = False,
) -> ImportOutcome:
    """Import one file. Whatever goes wrong with it ends up in ``outcome.error`` as one line;
    only a problem of the database itself (which the next file would meet too) is raised.
    """
    outcome = ImportOutcome(path=path)
    try:
        issue, digest = parse_issue_file(path, publication)
        check_limits(issue, limits or ArchiveSettings())
    except (IssueFileError, IssueFormatError) as exc:
        outcome.error = str(exc)
        log.debug("%s: %s", path, exc)
        return outcome
    except (OSError, RecursionError, MemoryError) as exc:
        outcome.error = f"cannot read: {_one_line(exc)}"
        log.debug("%s: %s", path, exc, exc_info=True)
        return outcome
    except Exception as exc:  # a parser choking on one file must not stop the batch
        outcome.error = f"cannot parse: {_one_line(exc)}"
        log.debug("%s: %s", path, exc, exc_info=True)
        return outcome
    try:
        result = save_issue(
            engine, issue, content_hash=digest, label=issue.label, source_path=str(path), replace=replace
        )
    except IssueReplaceRefused as exc:
        outcome.error = str(exc)
        return outcome
    outcome.issue_id, outcome.created, outcome.label = result.issue_id, result.created, issue.label
    outcome.same_label, outcome.replaced = list(result.same_label), list(result.replaced)
    counts = Counter(item.column for item in issue.items)
    outcome.column_counts = [(column, counts[column]) for column in _columns_in_order(issue, counts)]
    outcome.unplaced = issue.unplaced
    return outcome


def _columns_in_order(issue: Issue, counts: Counter) -> list[str]:
    # The publication's order, unknown columns after it as first seen (as
    # Issue.columns_in_order, in linear time: a hostile file has thousands of headers).
    order = {name: i for i, name in enumerate(issue.publication.columns)}
    first_seen = {column: i for i, column in enumerate(counts)}
    return sorted(counts, key=lambda c: (order.get(c, len(order)), first_seen[c]))


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if len(text) > 200:
        text = text[:197] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
