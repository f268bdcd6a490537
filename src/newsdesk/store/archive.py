"""Archive storage: publications, issues and their items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, func, insert, select, update

from newsdesk.issue.model import Attribution, Issue, Item, Publication, UnplacedText
from newsdesk.store.schema import issues, items, publications


@dataclass(frozen=True)
class StoredIssue:
    id: int
    label: str
    publication: str
    issue_date: dt.date | None
    item_count: int
    source_path: str | None
    imported_at: dt.datetime


@dataclass(frozen=True)
class SaveResult:
    issue_id: int
    created: bool  # False when the same issue was already in the archive


class IssueNotFound(LookupError):
    pass


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def upsert_publication(conn, publication: Publication) -> int:
    """Find the publication by name (creating it) and merge newly seen columns into its order."""
    name = publication.name or "未命名刊物"
    row = conn.execute(select(publications).where(publications.c.name == name)).mappings().first()
    if row is None:
        return conn.execute(
            insert(publications).values(
                name=name, office=publication.office, columns=list(publication.columns), created_at=_now()
            )
        ).inserted_primary_key[0]
    columns = list(row["columns"] or [])
    for i, column in enumerate(publication.columns):
        if column in columns:
            continue
        # Insert after the column that precedes it in this issue, keeping the learned order.
        before = publication.columns[:i]
        anchor = max((columns.index(c) for c in before if c in columns), default=-1)
        columns.insert(anchor + 1, column)
    values = {"columns": columns}
    if publication.office and not row["office"]:
        values["office"] = publication.office
    conn.execute(update(publications).where(publications.c.id == row["id"]).values(**values))
    return row["id"]


def save_issue(
    engine: Engine, issue: Issue, *, content_hash: str, label: str, source_path: str | None
) -> SaveResult:
    """Store an issue and its items in one transaction; an issue already stored is left alone."""
    with engine.begin() as conn:
        existing = conn.execute(select(issues.c.id).where(issues.c.content_hash == content_hash)).scalar()
        if existing is not None:
            return SaveResult(existing, created=False)
        publication_id = upsert_publication(conn, issue.publication)
        issue_id = conn.execute(
            insert(issues).values(
                publication_id=publication_id,
                label=label,
                issue_date=issue.issue_date or issue.newest_item_date(),
                source_path=source_path,
                content_hash=content_hash,
                imported_at=_now(),
                unplaced=[u.__dict__ for u in issue.unplaced],
            )
        ).inserted_primary_key[0]
        if issue.items:
            conn.execute(
                insert(items),
                [_item_row(issue_id, position, item) for position, item in enumerate(issue.items, start=1)],
            )
    return SaveResult(issue_id, created=True)


def _item_row(issue_id: int, position: int, item: Item) -> dict:
    a = item.attribution or Attribution()
    return {
        "issue_id": issue_id,
        "position": position,
        "column_name": item.column,
        "title": item.title,
        "body": item.body,
        "outlet": a.outlet,
        "outlet_mark": a.outlet_mark,
        "office_compiled": a.office_compiled,
        "editorial_office": a.editorial_office,
        "item_date": a.date,
        "has_attribution": item.attribution is not None,
        "source_url": item.source_url,
    }


def list_issues(engine: Engine) -> list[StoredIssue]:
    counts = select(items.c.issue_id, func.count().label("n")).group_by(items.c.issue_id).subquery()
    query = (
        select(
            issues.c.id,
            issues.c.label,
            publications.c.name,
            issues.c.issue_date,
            func.coalesce(counts.c.n, 0),
            issues.c.source_path,
            issues.c.imported_at,
        )
        .join(publications, publications.c.id == issues.c.publication_id)
        .outerjoin(counts, counts.c.issue_id == issues.c.id)
        .order_by(issues.c.issue_date.desc().nulls_last(), issues.c.id.desc())
    )
    with engine.connect() as conn:
        return [StoredIssue(*row) for row in conn.execute(query)]


def resolve_issue(engine: Engine, reference: str) -> int:
    """An issue by id, by label (e.g. 2022年第7期), ``LABEL@N`` for revision N, or ``latest``.

    A label names the newest revision of a published issue; earlier revisions stay readable
    as ``2022年第9期@1``.
    """
    with engine.connect() as conn:
        if reference == "latest":
            found = conn.execute(
                select(issues.c.id)
                .order_by(issues.c.issue_date.desc().nulls_last(), issues.c.id.desc())
                .limit(1)
            ).scalar()
            if found is None:
                raise IssueNotFound("the archive is empty")
            return found
        if reference.isdigit():
            found = conn.execute(select(issues.c.id).where(issues.c.id == int(reference))).scalar()
            if found is not None:
                return found
        label, _, wanted = reference.rpartition("@") if "@" in reference else (reference, "", "")
        if wanted and not wanted.isdigit():
            label, wanted = reference, ""
        rows = conn.execute(
            select(issues.c.id, issues.c.revision, issues.c.revision_of)
            .where(issues.c.label == label)
            .order_by(issues.c.revision.desc(), issues.c.id.desc())
        ).all()
    if wanted:
        chosen = [r.id for r in rows if r.revision == int(wanted)]
        if not chosen:
            raise IssueNotFound(f"{label!r} has no revision {wanted} (see `newsdesk issues`)")
        rows = [r for r in rows if r.id in chosen]
    chains = {r.revision_of or r.id for r in rows}
    if len(chains) == 1:
        return rows[0].id  # the newest revision
    if len(rows) > 1:
        ids = ", ".join(str(r.id) for r in rows)
        raise IssueNotFound(f"{reference!r} names {len(rows)} issues ({ids}): use an id")
    raise IssueNotFound(f"no issue {reference!r} in the archive (see `newsdesk issues`)")


def load_issue(engine: Engine, issue_id: int) -> Issue:
    with engine.connect() as conn:
        row = (
            conn.execute(
                select(issues, publications.c.name, publications.c.office, publications.c.columns)
                .join(publications, publications.c.id == issues.c.publication_id)
                .where(issues.c.id == issue_id)
            )
            .mappings()
            .first()
        )
        if row is None:
            raise IssueNotFound(f"no issue {issue_id} in the archive")
        item_rows = conn.execute(
            select(items).where(items.c.issue_id == issue_id).order_by(items.c.position)
        ).mappings()
        loaded = [_item_from_row(r) for r in item_rows]
    return Issue(
        items=loaded,
        publication=Publication(name=row["name"], office=row["office"], columns=list(row["columns"] or [])),
        label=row["label"],
        issue_date=row["issue_date"],
        unplaced=[UnplacedText(**u) for u in row["unplaced"] or []],
        id=row["id"],
        serial=row["serial"],
        revision=row["revision"],
        published_at=_utc(row["published_at"]),
    )


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    # SQLite gives back naive datetimes; everything is stored in UTC
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def _item_from_row(row) -> Item:
    attribution = None
    if row["has_attribution"]:
        attribution = Attribution(
            outlet=row["outlet"],
            outlet_mark=row["outlet_mark"],
            office_compiled=row["office_compiled"],
            editorial_office=row["editorial_office"],
            date=row["item_date"],
        )
    return Item(
        column=row["column_name"],
        title=row["title"],
        body=row["body"],
        attribution=attribution,
        source_url=row["source_url"],
    )


def load_publication(engine: Engine, name: str | None = None) -> Publication | None:
    """The named publication, or the only/first one when no name is given."""
    query = select(publications).order_by(publications.c.id)
    if name:
        query = query.where(publications.c.name == name)
    with engine.connect() as conn:
        row = conn.execute(query.limit(1)).mappings().first()
    if row is None:
        return None
    return Publication(name=row["name"], office=row["office"], columns=list(row["columns"] or []))
