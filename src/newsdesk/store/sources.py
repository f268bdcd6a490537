"""Queries on the ``sources`` table (collection stage)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from newsdesk.collect.records import Source
from newsdesk.store.schema import articles, sources


class SourceExistsError(ValueError):
    """A source with this name or location is already registered."""


class SourceNotFoundError(LookupError):
    """No source has this name or location."""


def utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _to_record(row, article_count: int = 0) -> Source:
    return Source(
        id=row.id,
        name=row.name,
        location=row.location,
        kind=row.kind,
        interval_seconds=row.interval_seconds,
        css_selector=row.css_selector,
        paused=row.paused,
        gone=row.gone,
        etag=row.etag,
        last_modified=row.last_modified,
        last_fetch_at=utc(row.last_fetch_at),
        next_due_at=utc(row.next_due_at),
        last_new_articles=row.last_new_articles,
        consecutive_failures=row.consecutive_failures,
        last_error=row.last_error,
        state=dict(row.state or {}),
        article_count=article_count,
    )


def add_source(
    engine: Engine,
    *,
    name: str,
    location: str,
    kind: str,
    interval_seconds: int,
    css_selector: str | None = None,
) -> Source:
    now = datetime.now(UTC)
    try:
        with engine.begin() as conn:
            conn.execute(
                sources.insert().values(
                    name=name,
                    location=location,
                    kind=kind,
                    interval_seconds=interval_seconds,
                    css_selector=css_selector,
                    paused=False,
                    gone=False,
                    last_new_articles=0,
                    consecutive_failures=0,
                    state={},
                    created_at=now,
                    next_due_at=now,
                )
            )
    except IntegrityError as exc:
        existing = find_source(engine, name) or find_source(engine, location)
        what = f"{existing.name} ({existing.location})" if existing else name
        raise SourceExistsError(f"a source with this name or location exists: {what}") from exc
    return get_source(engine, name)


def find_source(engine: Engine, key: str) -> Source | None:
    """The source named ``key``, or at location ``key``."""
    with engine.connect() as conn:
        row = conn.execute(
            select(sources).where(or_(sources.c.name == key, sources.c.location == key))
        ).first()
    return _to_record(row) if row else None


def get_source(engine: Engine, key: str) -> Source:
    found = find_source(engine, key)
    if found is None:
        raise SourceNotFoundError(f"no source named {key!r}")
    return found


def list_sources(engine: Engine) -> list[Source]:
    counts = select(articles.c.source_id, func.count().label("n")).group_by(articles.c.source_id).subquery()
    query = (
        select(sources, func.coalesce(counts.c.n, 0).label("article_count"))
        .select_from(sources.outerjoin(counts, counts.c.source_id == sources.c.id))
        .order_by(sources.c.name)
    )
    with engine.connect() as conn:
        return [_to_record(row, row.article_count) for row in conn.execute(query)]


def due_sources(engine: Engine, now: datetime, names: list[str] | None = None) -> list[Source]:
    """Active sources whose next fetch is due; named sources are due whenever asked for."""
    query = select(sources).where(sources.c.paused.is_(False), sources.c.gone.is_(False))
    if names:
        query = query.where(or_(sources.c.name.in_(names), sources.c.location.in_(names)))
    else:
        query = query.where(or_(sources.c.next_due_at.is_(None), sources.c.next_due_at <= now))
    with engine.connect() as conn:
        return [
            _to_record(row)
            for row in conn.execute(query.order_by(sources.c.next_due_at.nulls_first(), sources.c.id))
        ]


def next_due_time(engine: Engine) -> datetime | None:
    with engine.connect() as conn:
        value = conn.execute(
            select(func.min(sources.c.next_due_at)).where(
                sources.c.paused.is_(False), sources.c.gone.is_(False)
            )
        ).scalar()
    return utc(value)


def set_paused(engine: Engine, key: str, paused: bool) -> Source:
    source = get_source(engine, key)
    with engine.begin() as conn:
        values: dict = {"paused": paused}
        if not paused:
            # Resuming is also how a source marked gone is given another chance.
            values.update(next_due_at=datetime.now(UTC), gone=False, consecutive_failures=0)
        conn.execute(update(sources).where(sources.c.id == source.id).values(**values))
    return get_source(engine, source.name)


def remove_source(engine: Engine, key: str) -> Source:
    """Forget a source; its articles stay (their source becomes unknown)."""
    source = get_source(engine, key)
    with engine.begin() as conn:
        conn.execute(update(articles).where(articles.c.source_id == source.id).values(source_id=None))
        conn.execute(sources.delete().where(sources.c.id == source.id))
    return source


def record_success(
    engine: Engine,
    source_id: int,
    *,
    fetched_at: datetime,
    next_due_at: datetime,
    new_articles: int,
    etag: str | None,
    last_modified: str | None,
    state: dict,
    warning: str | None = None,
) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(sources)
            .where(sources.c.id == source_id)
            .values(
                last_fetch_at=fetched_at,
                next_due_at=next_due_at,
                last_new_articles=new_articles,
                consecutive_failures=0,
                last_error=warning,
                etag=etag,
                last_modified=last_modified,
                state=state,
            )
        )


def record_failure(
    engine: Engine,
    source_id: int,
    *,
    fetched_at: datetime,
    next_due_at: datetime,
    error: str,
    gone: bool = False,
    new_articles: int = 0,
    state: dict | None = None,
) -> None:
    values: dict = {
        "last_fetch_at": fetched_at,
        "next_due_at": next_due_at,
        "last_new_articles": new_articles,
        "consecutive_failures": sources.c.consecutive_failures + 1,
        "last_error": error,
        "gone": gone,
    }
    if state is not None:
        values["state"] = state
    with engine.begin() as conn:
        conn.execute(update(sources).where(sources.c.id == source_id).values(**values))


def move_source(engine: Engine, key: str, location: str) -> Source:
    """Point a source at a new location (the demo's loopback server gets a new port each run)."""
    source = get_source(engine, key)
    with engine.begin() as conn:
        conn.execute(
            update(sources)
            .where(sources.c.id == source.id)
            .values(location=location, etag=None, last_modified=None, next_due_at=datetime.now(UTC))
        )
    return get_source(engine, source.name)
