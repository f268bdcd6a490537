"""Compose a new issue: candidate items in, a draft out, and the numbering that continues the archive.

Plain records and pure functions; ``store/drafts.py`` reads and writes them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from newsdesk.issue.model import Attribution, Issue, Item, Publication

# Candidates an editor has already dealt with are not offered again.
SPENT_STATUSES = ("rejected", "published")


@dataclass
class Candidate:
    """A cluster as the item it would become: what ``newsdesk candidates`` lists."""

    id: int
    cluster_id: int
    column: str
    title: str
    body: str
    confidence: float
    column_reasons: list[str]
    relevance: float
    relevance_reasons: list[str]
    outlets: list[str]  # distinct member outlets, lead first
    size: int  # articles in the cluster
    attribution: Attribution | None  # None for a book notice
    attribution_line: str
    status: str  # suggested | accepted | rejected | published
    source_url: str | None = None
    published_at: dt.datetime | None = None  # the lead report's
    updated_at: dt.datetime | None = None  # when the cluster last changed
    figures: list[dict] = field(default_factory=list)  # {"text", "subject", "period"}

    def as_item(self, column: str | None = None) -> Item:
        return Item(
            column=column or self.column,
            title=self.title,
            body=self.body,
            attribution=self.attribution,
            source_url=self.source_url,
        )


@dataclass
class DraftItem:
    id: int
    column: str
    position: int  # 1-based within its column
    title: str
    body: str
    attribution: Attribution | None
    candidate_id: int | None = None
    source_url: str | None = None
    version: int = 1

    def as_item(self) -> Item:
        return Item(
            column=self.column,
            title=self.title,
            body=self.body,
            attribution=self.attribution,
            source_url=self.source_url,
        )


@dataclass
class Draft:
    id: int
    label: str
    serial: int | None
    issue_date: dt.date | None
    publication: Publication
    items: list[DraftItem]  # in reading order: by column in the publication's order, then position
    revises_issue_id: int | None = None

    def as_issue(self) -> Issue:
        return Issue(
            items=[d.as_item() for d in self.items],
            publication=self.publication,
            label=self.label,
            issue_date=self.issue_date,
            serial=self.serial,
        )

    def item_number(self, number: int) -> DraftItem:
        """The item the editor calls ``number``: its place in ``draft show`` (1-based)."""
        if not 1 <= number <= len(self.items):
            raise LookupError(
                f"the draft has no item {number}"
                + (f" (items are 1–{len(self.items)})" if self.items else " (it is empty)")
            )
        return self.items[number - 1]


def reading_order(items: list[DraftItem], columns: list[str]) -> list[DraftItem]:
    """Items by column in the publication's order (unknown columns after), then by position."""
    order = {name: i for i, name in enumerate(columns)}
    first_seen: dict[str, int] = {}
    for item in items:
        first_seen.setdefault(item.column, len(first_seen))
    return sorted(
        items, key=lambda d: (order.get(d.column, len(order)), first_seen[d.column], d.position, d.id)
    )


def rank(candidates: list[Candidate]) -> list[Candidate]:
    """Most relevant first; among equals, the story more outlets reported, then the newer."""
    epoch = dt.datetime.min.replace(tzinfo=dt.UTC)
    return sorted(
        candidates,
        key=lambda c: (-round(c.relevance, 3), -len(c.outlets), -(c.published_at or epoch).timestamp(), c.id),
    )


def quota_for(column: str, quotas: dict[str, int]) -> int:
    return quotas.get(column, quotas.get("default", 0))


def fill_columns(
    candidates: list[Candidate], columns: list[str], quotas: dict[str, int], min_relevance: float = 0.0
) -> list[tuple[str, Candidate]]:
    """``compose --auto``: each column takes its best candidates up to its quota.

    Columns come in the publication's order; a candidate whose column the publication does
    not have, or less relevant than ``min_relevance``, is left out (the editor can still
    add it by hand).
    """
    chosen: list[tuple[str, Candidate]] = []
    ranked = rank([c for c in candidates if c.status not in SPENT_STATUSES and c.relevance >= min_relevance])
    for column in columns:
        of_column = [c for c in ranked if c.column == column]
        chosen.extend((column, c) for c in of_column[: quota_for(column, quotas)])
    return chosen


_LABEL = re.compile(r"(\d{4})\s*年\s*第\s*(\d+)\s*期")


def next_numbering(labels: list[str], serials: list[int | None], issue_date: dt.date) -> tuple[str, int]:
    """The label (2022年第9期) and serial (总第N期) of the next issue, continuing the archive.

    The number within the year follows the highest one printed for that year; the serial
    follows the highest serial, or counts the issues when the archive has none (issues
    imported from files carry only their label).
    """
    same_year = [
        int(m.group(2)) for m in map(_LABEL.search, labels) if m and int(m.group(1)) == issue_date.year
    ]
    number = max(same_year, default=0) + 1
    known = [s for s in serials if s]
    serial = max(known) + 1 if known else len(set(labels)) + 1
    return f"{issue_date.year}年第{number}期", serial
