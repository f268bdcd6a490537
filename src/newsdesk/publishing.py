"""The publishing workflow over the archive, shared by the command line and the desk: the
publication being made (configured settings over what the archive learned), the look an
issue is printed with, and a draft opened from the candidates."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from newsdesk.store.session import engine_for

if TYPE_CHECKING:
    from newsdesk.config import Settings
    from newsdesk.issue.model import Issue, Publication


def with_configured_look(issue: Issue, settings: Settings) -> Issue:
    """The issue as the office prints it: sponsor, logo and office from newsdesk.toml (the
    archive keeps only what the issues themselves print). They belong to the configured
    publication, or to every one when no name is configured."""
    configured = settings.publication
    p = issue.publication
    if configured.name and p.name != configured.name:
        return issue
    p.office = configured.office or p.office
    p.columns = list(configured.columns or p.columns)
    p.sponsor = configured.sponsor or p.sponsor
    p.logo = str(configured.logo) if configured.logo else p.logo
    return issue


def publication_being_made(settings: Settings) -> Publication:
    """The publication being made: configured settings win over what the archive learned."""
    from newsdesk.issue.model import Publication
    from newsdesk.store.archive import load_publication

    p = settings.publication
    learned = load_publication(engine_for(settings), p.name) or Publication()
    return Publication(
        name=p.name or learned.name,
        office=p.office or learned.office,
        columns=list(p.columns or learned.columns),
        sponsor=p.sponsor,
        logo=str(p.logo) if p.logo else None,
    )


def draft_from_candidates(
    settings: Settings,
    since: dt.datetime | None,
    day: dt.date,
    label: str | None,
    serial: int | None,
    auto: bool,
) -> int:
    """Open a draft of the candidates changed since ``since``: the accepted ones, or with ``auto``
    each column's best up to its quota. Label and serial continue the archive unless given."""
    from newsdesk.issue.compose import fill_columns, next_numbering, rank
    from newsdesk.store.drafts import DraftError, create_draft, list_candidates, numbering_facts

    engine = engine_for(settings)
    publication = publication_being_made(settings)
    found = list_candidates(engine, since=since, with_figures=False)
    if auto:
        columns = publication.columns or list(dict.fromkeys(c.column for c in rank(found)))
        chosen = fill_columns(
            found, columns, settings.publication.column_quotas, settings.publication.auto_min_relevance
        )
    else:
        chosen = [(c.column, c) for c in rank(found) if c.status == "accepted"]
    if not chosen:
        raise DraftError(
            "no candidates to choose from; nothing drafted"
            if auto
            else "no accepted candidates (accept some with `newsdesk decide ID`, or use --auto); nothing drafted"
        )
    labels, serials = numbering_facts(engine, publication.name)
    next_label, next_serial = next_numbering(labels, serials, day)
    return create_draft(
        engine,
        publication,
        label or next_label,
        serial if serial is not None else next_serial,
        day,
        [(column, c.as_item(column), c.id) for column, c in chosen],
    )
