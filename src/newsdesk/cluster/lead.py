"""Which article of a cluster leads it (its outlet is credited, its text condensed).

Preferences are applied in the configured order, each breaking the previous one's ties:
``outlet_rank`` (configured ranks, lower first; unranked outlets after), ``completeness``
(longer clean text with more figures first, bucketed so near-equal lengths tie),
``earliest`` (first published first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_PREFERENCE = ("outlet_rank", "completeness", "earliest")
_FAR_FUTURE = dt.datetime(9999, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class LeadCandidate:
    article_id: int
    outlet: str | None
    published_at: dt.datetime | None
    length: int  # characters of clean text
    figure_count: int


def choose_lead(
    members: Sequence[LeadCandidate],
    preference: Sequence[str] = DEFAULT_PREFERENCE,
    outlet_ranks: dict[str, int] | None = None,
) -> LeadCandidate:
    if not members:
        raise ValueError("a cluster has at least one article")
    ranks = outlet_ranks or {}

    def key(m: LeadCandidate) -> tuple:
        parts: list = []
        for p in preference:
            if p == "outlet_rank":
                parts.append(ranks.get(m.outlet or "", 10_000))
            elif p == "completeness":
                # 100-character buckets: a few characters more is not "more complete"
                parts.append(-(m.length // 100 + 2 * m.figure_count))
            elif p == "earliest":
                published = m.published_at or _FAR_FUTURE
                if published.tzinfo is None:
                    published = published.replace(tzinfo=dt.UTC)
                parts.append(published)
            else:
                raise ValueError(f"unknown lead preference {p!r}: use outlet_rank, completeness, earliest")
        parts.append(m.article_id)
        return tuple(parts)

    return min(members, key=key)
