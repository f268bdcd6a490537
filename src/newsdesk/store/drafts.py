"""Candidates, drafts and publishing: the queries behind compose, draft and publish.

A draft is mutable; publishing copies it into ``issues``/``items`` as a new row that is never
changed again. A correction of a published issue is a draft opened from it, published as
the next revision of the same label (revision 1 stays readable).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Sequence

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from newsdesk.issue.attribution import attribution_line, find_attribution, report_date
from newsdesk.issue.compose import Candidate, Draft, DraftItem, reading_order
from newsdesk.issue.model import Attribution, Issue, Item, Publication
from newsdesk.store import search
from newsdesk.store.archive import attribution_from_row, item_values, load_issue, upsert_publication
from newsdesk.store.schema import (
    article_figures,
    articles,
    candidate_items,
    cluster_members,
    clusters,
    draft_items,
    drafts,
    fits_integer,
    issues,
    items,
    publications,
)

_IN_CHUNK = 500  # SQLite limits bound parameters per statement


class DraftError(Exception):
    """Something the editor asked of a draft that cannot be done; the message says why."""


class StaleEdit(DraftError):
    """The item changed since the editor opened it (another editor saved first)."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


# --- candidates ------------------------------------------------------------------------------


def _candidate_attribution(row) -> Attribution | None:
    """The stored line parsed back, dated by the lead report (older rows printed the processing day)."""
    if not row.attribution_line:
        return None
    found = find_attribution(row.attribution_line)
    if found is None:
        return None
    attribution = found[1]
    fallback = attribution.date or (_utc(row.updated_at) or _now()).date()
    return dataclasses.replace(attribution, date=report_date(_utc(row.published_at), fallback))


def list_candidates(
    engine: Engine,
    since: dt.datetime | None = None,
    column: str | None = None,
    ids: Sequence[int] | None = None,
    with_figures: bool = True,
) -> list[Candidate]:
    """Candidate items of clusters changed since ``since`` (all when None), unranked."""
    query = (
        select(
            candidate_items,
            clusters.c.size,
            clusters.c.updated_at.label("cluster_updated_at"),
            articles.c.url,
            articles.c.published_at,
        )
        .join(clusters, clusters.c.id == candidate_items.c.cluster_id)
        .outerjoin(articles, articles.c.id == candidate_items.c.lead_article_id)
    )
    if since is not None:
        query = query.where(clusters.c.updated_at >= since)
    if column:
        query = query.where(candidate_items.c.column_name == column)
    if ids is not None:
        query = query.where(candidate_items.c.id.in_([i for i in ids if fits_integer(i)]))
    with engine.connect() as conn:
        rows = list(conn.execute(query))
        outlets = member_outlets(conn, [r.cluster_id for r in rows])
        figures = (
            _lead_figures(conn, [r.lead_article_id for r in rows if r.lead_article_id])
            if with_figures
            else {}
        )
    found = []
    for r in rows:
        members = lead_first(r.outlet, outlets.get(r.cluster_id, []))
        attribution = _candidate_attribution(r)
        found.append(
            Candidate(
                id=r.id,
                cluster_id=r.cluster_id,
                column=r.column_name,
                title=r.title,
                body=r.body,
                confidence=r.confidence,
                column_reasons=list(r.column_reasons or []),
                relevance=r.relevance,
                relevance_reasons=list(r.relevance_reasons or []),
                outlets=members,
                size=r.size,
                attribution=attribution,
                attribution_line=attribution_line(attribution) if attribution else "",
                status=r.status,
                source_url=r.url,
                published_at=_utc(r.published_at),
                updated_at=_utc(r.cluster_updated_at),
                figures=figures.get(r.lead_article_id, []),
            )
        )
    return found


def lead_first(lead_outlet: str | None, outlets: list[str]) -> list[str]:
    if lead_outlet and lead_outlet in outlets:
        return [lead_outlet] + [o for o in outlets if o != lead_outlet]
    return outlets


def member_outlets(conn: Connection, cluster_ids: list[int]) -> dict[int, list[str]]:
    """Each cluster's member outlets, each once, earliest report first."""
    out: dict[int, list[str]] = {}
    for start in range(0, len(cluster_ids), _IN_CHUNK):
        chunk = cluster_ids[start : start + _IN_CHUNK]
        query = (
            select(cluster_members.c.cluster_id, articles.c.outlet)
            .join(articles, articles.c.id == cluster_members.c.article_id)
            .where(cluster_members.c.cluster_id.in_(chunk))
            .order_by(articles.c.published_at.nulls_first(), articles.c.id)  # as SQLite orders NULLs
        )
        for cluster_id, outlet in conn.execute(query):
            names = out.setdefault(cluster_id, [])
            if outlet and outlet not in names:
                names.append(outlet)
    return out


def _lead_figures(conn: Connection, article_ids: list[int]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for start in range(0, len(article_ids), _IN_CHUNK):
        chunk = article_ids[start : start + _IN_CHUNK]
        query = (
            select(
                article_figures.c.article_id,
                article_figures.c.text,
                article_figures.c.subject,
                article_figures.c.period,
            )
            .where(article_figures.c.article_id.in_(chunk))
            .order_by(article_figures.c.article_id, article_figures.c.position)
        )
        for article_id, text, subject, period in conn.execute(query):
            out.setdefault(article_id, []).append({"text": text, "subject": subject, "period": period})
    return out


def get_candidate(engine: Engine, candidate_id: int) -> Candidate:
    found = list_candidates(engine, ids=[candidate_id])
    if not found:
        raise DraftError(f"no candidate {candidate_id} (see `newsdesk candidates`)")
    return found[0]


# --- numbering -------------------------------------------------------------------------------


def numbering_facts(engine: Engine, publication_name: str | None) -> tuple[list[str], list[int | None]]:
    """Labels and serials of the publication's issues (all publications when it has no name yet)."""
    query = select(issues.c.label, issues.c.serial).join(
        publications, publications.c.id == issues.c.publication_id
    )
    if publication_name:
        query = query.where(publications.c.name == publication_name)
    with engine.connect() as conn:
        rows = list(conn.execute(query))
    return [r.label for r in rows], [r.serial for r in rows]


# --- drafts ----------------------------------------------------------------------------------


def open_draft_id(engine: Engine) -> int | None:
    """The draft being made (not yet published), if any: newsdesk keeps one at a time."""
    with engine.connect() as conn:
        return conn.execute(
            select(drafts.c.id).where(drafts.c.published_issue_id.is_(None)).order_by(drafts.c.id.desc())
        ).scalar()


def create_draft(
    engine: Engine,
    publication: Publication,
    label: str,
    serial: int | None,
    issue_date: dt.date | None,
    entries: Sequence[tuple[str, Item, int | None]] = (),
    revises_issue_id: int | None = None,
) -> int:
    """A new draft holding ``entries`` — (column, item, candidate id) — in that order per column."""
    if open_draft_id(engine) is not None:
        raise DraftError("a draft is already open: publish it or discard it (`newsdesk draft discard`)")
    if serial is not None and not (0 < serial and fits_integer(serial)):
        raise DraftError(f"总第{serial}期 is no serial number: give one from 1 to 2147483647")
    now = _now()
    with engine.begin() as conn:
        publication_id = upsert_publication(conn, publication)
        draft_id = conn.execute(
            insert(drafts).values(
                publication_id=publication_id,
                label=label,
                serial=serial,
                issue_date=issue_date,
                revises_issue_id=revises_issue_id,
                created_at=now,
                updated_at=now,
            )
        ).inserted_primary_key[0]
        positions: dict[str, int] = {}
        rows = []
        for column, item, candidate_id in entries:
            positions[column] = positions.get(column, 0) + 1
            rows.append(
                {
                    **item_values(item),
                    "column_name": column,
                    "draft_id": draft_id,
                    "candidate_id": candidate_id,
                    "position": positions[column],
                    "version": 1,
                    "updated_at": now,
                }
            )
        if rows:
            conn.execute(insert(draft_items), rows)
    return draft_id


def load_draft(engine: Engine, draft_id: int | None = None) -> Draft:
    """A draft by id, or the open one."""
    if draft_id is None:
        draft_id = open_draft_id(engine)
        if draft_id is None:
            raise DraftError("no draft is open: make one with `newsdesk compose`")
    if not fits_integer(draft_id):
        raise DraftError(f"no draft {draft_id}")
    with engine.connect() as conn:
        row = conn.execute(
            select(drafts, publications.c.name, publications.c.office, publications.c.columns)
            .join(publications, publications.c.id == drafts.c.publication_id)
            .where(drafts.c.id == draft_id)
        ).first()
        if row is None:
            raise DraftError(f"no draft {draft_id}")
        item_rows = list(conn.execute(select(draft_items).where(draft_items.c.draft_id == draft_id)))
    publication = Publication(name=row.name, office=row.office, columns=list(row.columns or []))
    loaded = [
        DraftItem(
            id=r.id,
            column=r.column_name,
            position=r.position,
            title=r.title,
            body=r.body,
            attribution=attribution_from_row(r),
            candidate_id=r.candidate_id,
            source_url=r.source_url,
            version=r.version,
        )
        for r in item_rows
    ]
    return Draft(
        id=row.id,
        label=row.label,
        serial=row.serial,
        issue_date=row.issue_date,
        publication=publication,
        items=reading_order(loaded, publication.columns),
        revises_issue_id=row.revises_issue_id,
    )


def _touch(conn: Connection, draft_id: int) -> None:
    conn.execute(update(drafts).where(drafts.c.id == draft_id).values(updated_at=_now()))


def _renumber(conn: Connection, draft_id: int, column: str, order: list[int]) -> None:
    """Give the column's items positions 1..n in ``order`` (item ids)."""
    for position, item_id in enumerate(order, start=1):
        conn.execute(
            update(draft_items)
            .where(draft_items.c.id == item_id, draft_items.c.draft_id == draft_id)
            .values(column_name=column, position=position)
        )


def _column_order(conn: Connection, draft_id: int, column: str, excluding: int | None = None) -> list[int]:
    query = (
        select(draft_items.c.id)
        .where(draft_items.c.draft_id == draft_id, draft_items.c.column_name == column)
        .order_by(draft_items.c.position, draft_items.c.id)
    )
    return [i for i in conn.execute(query).scalars() if i != excluding]


def _known_item(draft_id: int, item_id: int, version: int = 1) -> None:
    """Refuse numbers no row can have (above a database integer) before asking the database."""
    if not (fits_integer(draft_id) and fits_integer(item_id) and fits_integer(version)):
        raise DraftError(f"no item {item_id} in the draft")


def add_item(engine: Engine, draft_id: int, column: str, item: Item, candidate_id: int | None = None) -> int:
    """Append an item at the end of ``column``; a candidate already in the draft is refused."""
    with engine.begin() as conn:
        if candidate_id is not None:
            present = conn.execute(
                select(draft_items.c.id).where(
                    draft_items.c.draft_id == draft_id, draft_items.c.candidate_id == candidate_id
                )
            ).scalar()
            if present is not None:
                raise DraftError(f"candidate {candidate_id} is already in the draft")
        last = conn.execute(
            select(func.max(draft_items.c.position)).where(
                draft_items.c.draft_id == draft_id, draft_items.c.column_name == column
            )
        ).scalar()
        item_id = conn.execute(
            insert(draft_items).values(
                {
                    **item_values(item),
                    "column_name": column,
                    "draft_id": draft_id,
                    "candidate_id": candidate_id,
                    "position": (last or 0) + 1,
                    "version": 1,
                    "updated_at": _now(),
                }
            )
        ).inserted_primary_key[0]
        _touch(conn, draft_id)
    return item_id


def remove_item(engine: Engine, draft_id: int, item_id: int) -> None:
    _known_item(draft_id, item_id)
    with engine.begin() as conn:
        column = conn.execute(
            select(draft_items.c.column_name).where(
                draft_items.c.id == item_id, draft_items.c.draft_id == draft_id
            )
        ).scalar()
        if column is None:
            raise DraftError(f"no item {item_id} in the draft")
        conn.execute(delete(draft_items).where(draft_items.c.id == item_id))
        _renumber(conn, draft_id, column, _column_order(conn, draft_id, column))
        _touch(conn, draft_id)


def move_item(engine: Engine, draft_id: int, item_id: int, column: str, position: int | None = None) -> None:
    """Put the item at ``position`` (1-based; None = last) of ``column``, closing the gap it leaves."""
    _known_item(draft_id, item_id)
    with engine.begin() as conn:
        old_column = conn.execute(
            select(draft_items.c.column_name).where(
                draft_items.c.id == item_id, draft_items.c.draft_id == draft_id
            )
        ).scalar()
        if old_column is None:
            raise DraftError(f"no item {item_id} in the draft")
        order = _column_order(conn, draft_id, column, excluding=item_id)
        at = len(order) if position is None else max(0, min(position - 1, len(order)))
        order.insert(at, item_id)
        conn.execute(
            update(draft_items)
            .where(draft_items.c.id == item_id)
            .values(version=draft_items.c.version + 1, updated_at=_now())
        )
        _renumber(conn, draft_id, column, order)
        if old_column != column:
            _renumber(conn, draft_id, old_column, _column_order(conn, draft_id, old_column))
        _touch(conn, draft_id)


def update_item(engine: Engine, draft_id: int, item_id: int, expected_version: int, item: Item) -> int:
    """Save an edited item; refused when someone saved it since ``expected_version`` was read.

    Returns the new version. A change of column moves the item to the end of that column.
    """
    _known_item(draft_id, item_id, expected_version)
    with engine.begin() as conn:
        row = conn.execute(
            select(draft_items.c.version, draft_items.c.column_name).where(
                draft_items.c.id == item_id, draft_items.c.draft_id == draft_id
            )
        ).first()
        if row is None:
            raise DraftError(f"no item {item_id} in the draft")
        values = item_values(item)
        if item.column != row.column_name:
            last = conn.execute(
                select(func.max(draft_items.c.position)).where(
                    draft_items.c.draft_id == draft_id, draft_items.c.column_name == item.column
                )
            ).scalar()
            values["position"] = (last or 0) + 1
        done = conn.execute(
            update(draft_items)
            .where(draft_items.c.id == item_id, draft_items.c.version == expected_version)
            .values(**values, version=expected_version + 1, updated_at=_now())
            .returning(draft_items.c.id)
        ).first()
        if done is None:
            raise StaleEdit(
                f"item {item_id} was changed by someone else since you opened it "
                f"(version {row.version}, yours {expected_version}): reopen it and edit again"
            )
        if item.column != row.column_name:
            _renumber(conn, draft_id, row.column_name, _column_order(conn, draft_id, row.column_name))
        _touch(conn, draft_id)
    return expected_version + 1


def discard_draft(engine: Engine, draft_id: int) -> None:
    with engine.begin() as conn:
        done = conn.execute(
            delete(drafts)
            .where(drafts.c.id == draft_id, drafts.c.published_issue_id.is_(None))
            .returning(drafts.c.id)
        ).first()
        if done is None:
            raise DraftError(f"no open draft {draft_id}")


def draft_from_issue(engine: Engine, issue_id: int) -> int:
    """Open a correction: a draft holding the published issue's items, to publish as its next revision."""
    issue = load_issue(engine, issue_id)
    if issue.published_at is None:
        raise DraftError(
            f"issue {issue_id} was imported, not published by newsdesk: only published issues get revisions"
        )
    latest = _latest_revision_id(engine, issue_id)
    if latest != issue_id:
        raise DraftError(f"issue {issue_id} has a newer revision ({latest}): correct that one")
    return create_draft(
        engine,
        issue.publication,
        issue.label or "",
        issue.serial,
        issue.issue_date,
        [(item.column, item, None) for item in issue.items],
        revises_issue_id=issue_id,
    )


def _revision_root(conn: Connection, issue_id: int) -> int:
    root = conn.execute(select(issues.c.revision_of).where(issues.c.id == issue_id)).scalar()
    return root or issue_id


def _latest_revision_id(engine: Engine, issue_id: int) -> int:
    with engine.connect() as conn:
        root = _revision_root(conn, issue_id)
        return conn.execute(
            select(issues.c.id)
            .where((issues.c.id == root) | (issues.c.revision_of == root))
            .order_by(issues.c.revision.desc())
            .limit(1)
        ).scalar_one()


# --- publishing ------------------------------------------------------------------------------


def publish_draft(engine: Engine, draft_id: int, text_of: Callable[[Issue], str]) -> tuple[int, int]:
    """Freeze the draft as an issue of the archive; returns (issue id, revision).

    ``text_of(issue)`` gives the house text, whose hash identifies the published issue.
    """
    draft = load_draft(engine, draft_id)
    if not draft.items:
        raise DraftError(f"draft {draft.label} is empty: add items first (`newsdesk draft add`)")
    now = _now()
    with engine.begin() as conn:
        state = conn.execute(select(drafts.c.published_issue_id).where(drafts.c.id == draft_id)).scalar()
        if state is not None:
            raise DraftError(f"draft {draft_id} was already published as issue {state}")
        revision, root = 1, None
        if draft.revises_issue_id is not None:
            root = _revision_root(conn, draft.revises_issue_id)
            revision = (
                conn.execute(
                    select(func.max(issues.c.revision)).where(
                        (issues.c.id == root) | (issues.c.revision_of == root)
                    )
                ).scalar()
                or 1
            ) + 1
        issue = draft.as_issue()
        digest = hashlib.sha256(
            f"{draft.publication.name}\n{draft.label}\nrevision {revision}\n{text_of(issue)}".encode()
        ).hexdigest()
        publication_id = conn.execute(select(drafts.c.publication_id).where(drafts.c.id == draft_id)).scalar()
        issue_id = conn.execute(
            insert(issues).values(
                publication_id=publication_id,
                label=draft.label,
                issue_date=draft.issue_date or issue.newest_item_date(),
                source_path=None,
                content_hash=digest,
                imported_at=now,
                unplaced=[],
                serial=draft.serial,
                revision=revision,
                revision_of=root,
                published_at=now,
            )
        ).inserted_primary_key[0]
        conn.execute(
            insert(items),
            [
                {**item_values(d), "issue_id": issue_id, "position": position}
                for position, d in enumerate(draft.items, start=1)
            ],
        )
        search.index_issue(conn, issue_id)
        conn.execute(
            update(drafts).where(drafts.c.id == draft_id).values(published_issue_id=issue_id, updated_at=now)
        )
        used = [d.candidate_id for d in draft.items if d.candidate_id is not None]
        for start in range(0, len(used), _IN_CHUNK):
            conn.execute(
                update(candidate_items)
                .where(candidate_items.c.id.in_(used[start : start + _IN_CHUNK]))
                .values(status="published")
            )
    return issue_id, revision


def latest_published_issue_id(engine: Engine) -> int | None:
    """The issue newsdesk published last (newest revision), if any."""
    with engine.connect() as conn:
        return conn.execute(
            select(issues.c.id)
            .where(issues.c.published_at.is_not(None))
            .order_by(issues.c.published_at.desc(), issues.c.id.desc())
            .limit(1)
        ).scalar()
