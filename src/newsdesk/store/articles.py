"""Queries on the ``articles`` table (collection stage)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Engine, func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from newsdesk.collect.records import CollectedArticle
from newsdesk.store import search
from newsdesk.store.schema import articles

_IN_CHUNK = 500  # SQLite limits bound parameters per statement


def known_urls(engine: Engine, urls: Iterable[str]) -> set[str]:
    """Which of ``urls`` are stored already."""
    wanted = list(dict.fromkeys(urls))
    found: set[str] = set()
    with engine.connect() as conn:
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start : start + _IN_CHUNK]
            found.update(conn.execute(select(articles.c.url).where(articles.c.url.in_(chunk))).scalars())
    return found


_NO_SOURCE = -1


def url_owner(engine: Engine, url: str) -> int | None:
    """The source id of the article stored under ``url``; None when there is none, -1 when
    the article's source is unknown (removed)."""
    with engine.connect() as conn:
        row = conn.execute(select(articles.c.source_id).where(articles.c.url == url)).first()
    if row is None:
        return None
    return _NO_SOURCE if row.source_id is None else row.source_id


def insert_article(engine: Engine, article: CollectedArticle) -> bool:
    """Store one article in its own transaction; False when its URL was stored before.

    One commit per article is what makes a killed collector lose nothing it reported
    stored, and the unique URL is what makes its rerun store nothing twice.
    """
    values = {
        "source_id": article.source_id,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "text": article.text,
        # Stored in UTC: SQLite keeps no zone, so every reader can assume UTC.
        "published_at": article.published_at.astimezone(UTC) if article.published_at else None,
        "author": article.author,
        "language": article.language,
        "content_hash": article.content_hash,
        "raw": article.raw,
        "raw_content_type": article.raw_content_type,
        "fetched_at": article.fetched_at.astimezone(UTC),
    }
    if _same_text_from_same_outlet(engine, article):
        return False
    dialect = engine.dialect.name
    if dialect == "sqlite":
        statement = sqlite_insert(articles).values(**values).on_conflict_do_nothing(index_elements=["url"])
    elif dialect == "postgresql":
        statement = (
            postgresql_insert(articles).values(**values).on_conflict_do_nothing(index_elements=["url"])
        )
    else:  # pragma: no cover - other databases: check, then insert
        if known_urls(engine, [article.url]):
            return False
        statement = articles.insert().values(**values)
    # The row that was inserted comes back; a conflict returns none. (rowcount is no count
    # here: PostgreSQL's driver reports -1 for an INSERT … ON CONFLICT DO NOTHING.)
    with engine.begin() as conn:
        inserted = conn.execute(statement.returning(articles.c.id)).first()
        if inserted is not None:
            search.index_articles(conn, ids=[inserted[0]])
    return inserted is not None


def _same_text_from_same_outlet(engine: Engine, article: CollectedArticle) -> bool:
    # One outlet's identical text under a second URL (mobile and desktop pages without a
    # canonical link, a print edition) is the same article. Another outlet's reprint is not:
    # the editorial stage wants to see who carried a story.
    with engine.connect() as conn:
        found = conn.execute(
            select(articles.c.id)
            .where(articles.c.content_hash == article.content_hash, articles.c.outlet == article.outlet)
            .limit(1)
        ).first()
    return found is not None


def count_articles(engine: Engine, source_id: int | None = None) -> int:
    query = select(func.count()).select_from(articles)
    if source_id is not None:
        query = query.where(articles.c.source_id == source_id)
    with engine.connect() as conn:
        return conn.execute(query).scalar_one()


def count_stored_since(engine: Engine, source_id: int, since: datetime) -> int:
    """Articles of a source stored at or after ``since`` (by any collector running then)."""
    query = (
        select(func.count())
        .select_from(articles)
        .where(articles.c.source_id == source_id, articles.c.fetched_at >= since.astimezone(UTC))
    )
    with engine.connect() as conn:
        return conn.execute(query).scalar_one()


def recent_articles(engine: Engine, limit: int = 20) -> list[dict]:
    """Newest stored articles (by publication date, then fetch time) for listings."""
    query = (
        select(
            articles.c.id,
            articles.c.url,
            articles.c.outlet,
            articles.c.title,
            articles.c.published_at,
            func.length(articles.c.text).label("chars"),
        )
        .order_by(articles.c.published_at.desc().nulls_last(), articles.c.fetched_at.desc())
        .limit(limit)
    )
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def article_raw(engine: Engine, article_id: int) -> tuple[bytes | None, str | None] | None:
    with engine.connect() as conn:
        row = conn.execute(
            select(articles.c.raw, articles.c.raw_content_type).where(articles.c.id == article_id)
        ).first()
    return (row.raw, row.raw_content_type) if row else None


def raw_batch(engine: Engine, after_id: int = 0, limit: int = 200) -> list[dict]:
    """Stored raw bodies in id order, for re-extraction: id, url, raw, raw_content_type, published_at."""
    query = (
        select(
            articles.c.id,
            articles.c.url,
            articles.c.raw,
            articles.c.raw_content_type,
            articles.c.published_at,
        )
        .where(articles.c.id > after_id)
        .order_by(articles.c.id)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def update_extraction(
    engine: Engine,
    article_id: int,
    *,
    title: str,
    text: str,
    author: str | None,
    language: str | None,
    content_hash: str,
    published_at=None,
) -> bool:
    """Replace what extraction found for one article; True when anything changed."""
    values = {"title": title, "text": text, "language": language, "content_hash": content_hash}
    if author:
        values["author"] = author
    if published_at is not None:
        values["published_at"] = published_at.astimezone(UTC)
    with engine.begin() as conn:
        current = conn.execute(
            select(articles.c.title, articles.c.text, articles.c.content_hash).where(
                articles.c.id == article_id
            )
        ).first()
        if current is None or (current.title, current.content_hash) == (title, content_hash):
            return False
        search.unindex_articles(conn, ids=[article_id])  # told the old text, before it changes
        conn.execute(articles.update().where(articles.c.id == article_id).values(**values))
        search.index_articles(conn, ids=[article_id])
    return True
