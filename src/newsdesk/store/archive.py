"""Archive storage: publications, issues and their items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, delete, func, insert, select, update

from newsdesk.issue.model import Attribution, Issue, Item, Publication, UnplacedText
from newsdesk.store import search
from newsdesk.store.listing import StoredIssue
from newsdesk.store.schema import drafts, fits_integer, issue_sends, issues, items, publications


@dataclass(frozen=True)
class SaveResult:
    issue_id: int
    created: bool  # False when the same issue was already in the archive
    # other issues stored under the same label (left alone), or those replaced by this one
    same_label: tuple[int, ...] = ()
    replaced: tuple[int, ...] = ()


class IssueNotFound(LookupError):
    pass


class IssueReplaceRefused(ValueError):
    """``replace`` would remove a published issue."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def merge_columns(known: list[str], seen: list[str]) -> list[str]:
    """The learned column order with the newly seen columns merged in, in linear time.

    A new column goes right after the furthest column (in the learned order) that precedes
    it in ``seen``: ``[A, B, C]`` and ``[A, X, C, Y]`` give ``[A, X, B, C, Y]``.
    """
    position = {column: i for i, column in enumerate(known)}
    # after[i + 1] holds the new columns placed after known[i]; after[0] those before all.
    after: list[list[str]] = [[] for _ in range(len(known) + 1)]
    # The furthest column seen so far, as a slot: a new column is appended to it. Slots
    # beyond it are still empty, so appending is the same as inserting right after it.
    cursor = 0
    for column in dict.fromkeys(seen):
        if column in position:
            cursor = max(cursor, position[column] + 1)
        else:
            after[cursor].append(column)  # each column comes once: never looked up again
    merged = list(after[0])
    for i, column in enumerate(known):
        merged.append(column)
        merged.extend(after[i + 1])
    return merged


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
    columns = merge_columns(list(row["columns"] or []), publication.columns)
    values = {"columns": columns}
    if publication.office and not row["office"]:
        values["office"] = publication.office
    conn.execute(update(publications).where(publications.c.id == row["id"]).values(**values))
    return row["id"]


def save_issue(
    engine: Engine,
    issue: Issue,
    *,
    content_hash: str,
    label: str,
    source_path: str | None,
    replace: bool = False,
) -> SaveResult:
    """Store an issue and its items in one transaction; an issue already stored is left alone.

    Another issue stored under the same label is reported in ``same_label``; with
    ``replace`` the imported issues of that label are removed in the same transaction, so
    the label names one issue again (a published issue is never replaced: its corrections
    are revisions).
    """
    with engine.begin() as conn:
        existing = conn.execute(select(issues.c.id).where(issues.c.content_hash == content_hash)).scalar()
        if existing is not None:
            return SaveResult(existing, created=False)
        namesakes = conn.execute(
            select(issues.c.id, issues.c.published_at).where(issues.c.label == label).order_by(issues.c.id)
        ).all()
        replaced: tuple[int, ...] = ()
        if replace:
            published = [row.id for row in namesakes if row.published_at is not None]
            if published:
                raise IssueReplaceRefused(
                    f"{label!r} is a published issue ({', '.join(map(str, published))}): "
                    "correct it with `newsdesk draft revise`, not by importing over it"
                )
            replaced = tuple(row.id for row in namesakes)
            for issue_id in replaced:
                _delete_issue(conn, issue_id)
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
            search.index_issue(conn, issue_id)
    same_label = () if replace else tuple(row.id for row in namesakes)
    return SaveResult(issue_id, created=True, same_label=same_label, replaced=replaced)


@dataclass(frozen=True)
class RemovedIssue:
    id: int
    label: str
    item_count: int


def remove_issue(engine: Engine, issue_id: int) -> RemovedIssue:
    """Remove an issue and its items, in one transaction.

    Its e-mail deliveries go with it; a draft that revises it or was published as it, and a
    later revision of it, are kept and simply no longer point at it.
    """
    if not fits_integer(issue_id):
        raise IssueNotFound(f"no issue {issue_id} in the archive")
    with engine.begin() as conn:
        row = conn.execute(select(issues.c.id, issues.c.label).where(issues.c.id == issue_id)).first()
        if row is None:
            raise IssueNotFound(f"no issue {issue_id} in the archive")
        count = conn.execute(
            select(func.count()).select_from(items).where(items.c.issue_id == issue_id)
        ).scalar()
        _delete_issue(conn, issue_id)
    return RemovedIssue(row.id, row.label, count or 0)


def _delete_issue(conn, issue_id: int) -> None:
    # Spelled out rather than left to ON DELETE: SQLite enforces foreign keys only when the
    # connection asks, and another database may have been created without them.
    conn.execute(delete(issue_sends).where(issue_sends.c.issue_id == issue_id))
    search.unindex_issue(conn, issue_id)
    conn.execute(delete(items).where(items.c.issue_id == issue_id))
    conn.execute(update(drafts).where(drafts.c.revises_issue_id == issue_id).values(revises_issue_id=None))
    conn.execute(
        update(drafts).where(drafts.c.published_issue_id == issue_id).values(published_issue_id=None)
    )
    conn.execute(update(issues).where(issues.c.revision_of == issue_id).values(revision_of=None))
    conn.execute(delete(issues).where(issues.c.id == issue_id))


def item_values(item: Item) -> dict:
    """The columns of an item row (items or draft_items) that say what the item is."""
    a = item.attribution or Attribution()
    return {
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


def attribution_from_row(row) -> Attribution | None:
    """The attribution an item row stores; None for a book notice, which prints none."""
    if not row.has_attribution:
        return None
    return Attribution(
        outlet=row.outlet,
        outlet_mark=row.outlet_mark,
        office_compiled=row.office_compiled,
        editorial_office=row.editorial_office,
        date=row.item_date,
    )


def _item_row(issue_id: int, position: int, item: Item) -> dict:
    return {"issue_id": issue_id, "position": position, **item_values(item)}


def list_issues(engine: Engine) -> list[StoredIssue]:
    # store.listing reads the same list from an SQLite file without SQLAlchemy
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
            issues.c.serial,
            issues.c.revision,
            issues.c.published_at,
        )
        .join(publications, publications.c.id == issues.c.publication_id)
        .outerjoin(counts, counts.c.issue_id == issues.c.id)
        .order_by(issues.c.issue_date.desc().nulls_last(), issues.c.id.desc())
    )
    with engine.connect() as conn:
        rows = list(conn.execute(query))
    return [
        StoredIssue(
            *row[:6], imported_at=_utc(row[6]), serial=row[7], revision=row[8], published_at=_utc(row[9])
        )
        for row in rows
    ]


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
        if _small_number(reference):
            found = conn.execute(select(issues.c.id).where(issues.c.id == int(reference))).scalar()
            if found is not None:
                return found
        label, _, wanted = reference.rpartition("@") if "@" in reference else (reference, "", "")
        if wanted and not _small_number(wanted):
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


def _small_number(text: str) -> bool:
    # ASCII digits only (str.isdigit also takes ² and ４), and no more than a database
    # integer holds (32 bits on PostgreSQL): 10^10 is no id, not an error of the database.
    return text.isascii() and text.isdigit() and len(text) <= 18 and fits_integer(int(text))


def load_issue(engine: Engine, issue_id: int) -> Issue:
    if not fits_integer(issue_id):
        raise IssueNotFound(f"no issue {issue_id} in the archive")
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
        item_rows = conn.execute(select(items).where(items.c.issue_id == issue_id).order_by(items.c.position))
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
    return Item(
        column=row.column_name,
        title=row.title,
        body=row.body,
        attribution=attribution_from_row(row),
        source_url=row.source_url,
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
