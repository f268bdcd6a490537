"""Queries of the web desk: users, the inbox page, cluster members, archive search, charts.

The desk drives the same library as the command line (store/drafts.py, store/editorial.py,
store/sources.py); what it needs beyond them is here, the only place it speaks SQL.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Engine, Integer, and_, bindparam, delete, exists, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from newsdesk.store.drafts import lead_first, member_outlets
from newsdesk.store.schema import (
    articles,
    candidate_items,
    candidate_snoozes,
    cluster_members,
    clusters,
    issues,
    items,
    users,
)

ROLES = ("admin", "editor", "viewer")
PREVIEW_CHARS = 180  # of a candidate's condensed body, in the inbox


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


# --- what changed ----------------------------------------------------------------------------


class ChangeCounter:
    """A number that changes whenever anything is committed to the database, by any connection
    of any process: what the desk read is good until it changes. SQLite only (``PRAGMA
    data_version`` on a connection of its own, which never writes); elsewhere ``value`` is None
    and the desk keeps nothing."""

    def __init__(self, engine: Engine):
        self._connection = None
        self._lock = threading.Lock()
        database = engine.url.database if engine.dialect.name == "sqlite" else None
        if database and database != ":memory:" and not database.startswith("file:"):
            import sqlite3

            self._connection = sqlite3.connect(database, check_same_thread=False, isolation_level=None)

    def value(self) -> int | None:
        if self._connection is None:
            return None
        with self._lock:
            return self._connection.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


# --- users -----------------------------------------------------------------------------------


class UserExists(ValueError):
    pass


@dataclass
class User:
    id: int
    name: str
    role: str
    password_hash: str
    created_at: dt.datetime | None = None
    last_login_at: dt.datetime | None = None


def _user(row) -> User:
    return User(
        id=row.id,
        name=row.name,
        role=row.role,
        password_hash=row.password_hash,
        created_at=_utc(row.created_at),
        last_login_at=_utc(row.last_login_at),
    )


def add_user(engine: Engine, name: str, role: str, password_hash: str) -> User:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    try:
        with engine.begin() as conn:
            conn.execute(
                insert(users).values(name=name, role=role, password_hash=password_hash, created_at=_now())
            )
    except IntegrityError as exc:
        raise UserExists(f"a user named {name!r} exists") from exc
    found = find_user(engine, name)
    assert found is not None
    return found


def find_user(engine: Engine, name: str) -> User | None:
    with engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.name == name)).first()
    return _user(row) if row else None


def user_by_id(engine: Engine, user_id: int) -> User | None:
    with engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.id == user_id)).first()
    return _user(row) if row else None


def list_users(engine: Engine) -> list[User]:
    with engine.connect() as conn:
        return [_user(r) for r in conn.execute(select(users).order_by(users.c.name))]


def set_password_hash(engine: Engine, user_id: int, password_hash: str) -> None:
    with engine.begin() as conn:
        conn.execute(update(users).where(users.c.id == user_id).values(password_hash=password_hash))


def set_role(engine: Engine, name: str, role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    with engine.begin() as conn:
        done = conn.execute(update(users).where(users.c.name == name).values(role=role))
    if done.rowcount == 0:
        raise KeyError(f"no user {name!r}")


def remove_user(engine: Engine, name: str) -> None:
    with engine.begin() as conn:
        done = conn.execute(delete(users).where(users.c.name == name))
    if done.rowcount == 0:
        raise KeyError(f"no user {name!r}")


def record_login(engine: Engine, user_id: int) -> None:
    with engine.begin() as conn:
        conn.execute(update(users).where(users.c.id == user_id).values(last_login_at=_now()))


# --- the inbox -------------------------------------------------------------------------------


@dataclass
class InboxFilter:
    column: str | None = None
    outlet: str | None = None
    since: dt.datetime | None = None
    min_relevance: float | None = None
    status: str = "suggested"  # suggested | accepted | rejected | published | snoozed | all


@dataclass(slots=True)
class InboxRow:
    """What the inbox shows of a candidate, and no more (``drafts.list_candidates`` gives the
    whole of one: its attribution line parsed, its figures)."""

    id: int
    cluster_id: int
    column: str
    title: str
    preview: str  # the start of the condensed body
    more_text: bool  # whether the body goes on after the preview
    confidence: float
    column_reasons: list[str]
    relevance: float
    outlets: list[str]  # member outlets, the lead's first
    size: int
    status: str
    published_at: dt.datetime | None


@dataclass
class OutletCounts:
    """Articles per outlet and in all: how the inbox picks its plan for a filter by outlet."""

    per_outlet: dict[str, int]
    total: int


def _walk_by_date(f: InboxFilter, offset: int, limit: int, counts: OutletCounts | None) -> bool:
    """For a filter by outlet, whether to walk the clusters newest first and test each for the
    outlet (cheap when the outlet is common: a page is found after a few hundred clusters),
    rather than gather every cluster the outlet reported in and sort them (cheap when it is
    rare). Both costs are estimated in index look-ups from the outlet's share of the articles."""
    if counts is None or not f.outlet or counts.total <= 0:
        return False
    n = counts.per_outlet.get(f.outlet, 0)
    if n <= 0:
        return False
    walked = (offset + limit + 1) * counts.total / n  # clusters visited before the page is full
    gathered = 3 * n  # member row, cluster row and sort entry per article of the outlet
    return walked < gathered


@lru_cache(maxsize=64)
def _inbox_statement(status: str, column: bool, since: bool, min_relevance: bool, outlet: str | None):
    """The statement of an inbox page for one shape of filter (which filters are set, and for
    an outlet whether to ``walk`` or ``gather``), its values left as parameters: built and
    compiled once, not on every page."""
    snoozed = exists().where(
        candidate_snoozes.c.candidate_id == candidate_items.c.id,
        candidate_snoozes.c.until > bindparam("now"),
    )
    query = (
        select(
            candidate_items.c.id,
            candidate_items.c.cluster_id,
            candidate_items.c.column_name,
            candidate_items.c.title,
            func.substr(candidate_items.c.body, 1, PREVIEW_CHARS + 1).label("preview"),
            candidate_items.c.confidence,
            candidate_items.c.column_reasons,
            candidate_items.c.relevance,
            candidate_items.c.outlet,
            candidate_items.c.status,
            clusters.c.size,
            articles.c.published_at,
        )
        .select_from(candidate_items)
        .join(clusters, clusters.c.id == candidate_items.c.cluster_id)
        .outerjoin(articles, articles.c.id == candidate_items.c.lead_article_id)
    )
    if status == "snoozed":
        query = query.where(snoozed)
    elif status != "all":
        query = query.where(candidate_items.c.status == bindparam("status"))
        if status == "suggested":
            query = query.where(~snoozed)
    if column:
        query = query.where(candidate_items.c.column_name == bindparam("column"))
    if since:
        query = query.where(clusters.c.updated_at >= bindparam("since", type_=clusters.c.updated_at.type))
    if min_relevance:
        query = query.where(candidate_items.c.relevance >= bindparam("min_relevance"))
    if outlet:
        member = cluster_members.alias("member")
        reported = articles.alias("reported")
        if outlet == "walk":
            # SQLite would start from the outlet's articles; PostgreSQL plans this itself
            query = query.with_hint(clusters, "INDEXED BY ix_clusters_updated_at", "sqlite").where(
                exists()
                .where(member.c.cluster_id == clusters.c.id)
                .where(reported.c.id == member.c.article_id, reported.c.outlet == bindparam("outlet"))
            )
        else:
            query = query.where(
                candidate_items.c.cluster_id.in_(
                    select(member.c.cluster_id)
                    .join(reported, reported.c.id == member.c.article_id)
                    .where(reported.c.outlet == bindparam("outlet"))
                )
            )
    # clusters.id, not the candidate's: the index on updated_at gives this order as it is
    return (
        query.order_by(clusters.c.updated_at.desc(), clusters.c.id.desc())
        .offset(bindparam("offset", type_=Integer))
        .limit(bindparam("limit", type_=Integer))
    )


def inbox(
    engine: Engine,
    f: InboxFilter,
    offset: int = 0,
    limit: int = 50,
    outlet_counts: OutletCounts | None = None,
) -> tuple[list[InboxRow], bool]:
    """One inbox page, the clusters that changed last first; and whether another page follows.

    One statement walks ``ix_clusters_updated_at`` newest first and stops after the page, so
    a page costs the same at 100 or 100,000 candidates; a second one reads the pages' member
    outlets."""
    walk = _walk_by_date(f, offset, limit, outlet_counts)
    statement = _inbox_statement(
        f.status if f.status in ("snoozed", "all", "suggested") else "other",
        bool(f.column),
        f.since is not None,
        f.min_relevance is not None,
        ("walk" if walk else "gather") if f.outlet else None,
    )
    values = {
        "now": _now(),
        "status": f.status,
        "column": f.column,
        "since": f.since,
        "min_relevance": f.min_relevance,
        "outlet": f.outlet,
        "offset": max(offset, 0),
        "limit": limit + 1,
    }
    with engine.connect() as conn:  # (the parameters a shape has no use for are ignored)
        rows = conn.execute(statement, values).all()
        more = len(rows) > limit
        rows = rows[:limit]
        outlets = member_outlets(conn, [r[1] for r in rows])
    return [
        InboxRow(
            id=id_,
            cluster_id=cluster_id,
            column=column,
            title=title,
            preview=(preview or "")[:PREVIEW_CHARS],
            more_text=len(preview or "") > PREVIEW_CHARS,
            confidence=confidence,
            column_reasons=list(reasons or [])[:3],
            relevance=relevance,
            outlets=lead_first(lead_outlet, outlets.get(cluster_id, [])),
            size=size,
            status=status,
            published_at=_utc(published_at),
        )
        for (
            id_,
            cluster_id,
            column,
            title,
            preview,
            confidence,
            reasons,
            relevance,
            lead_outlet,
            status,
            size,
            published_at,
        ) in rows
    ], more


def candidate_columns(engine: Engine) -> list[str]:
    """The columns the candidates are filed in (a publication with no columns of its own)."""
    with engine.connect() as conn:
        return sorted(conn.execute(select(candidate_items.c.column_name).distinct()).scalars())


def inbox_filter_choices(engine: Engine, top: int = 200) -> tuple[list[str], list[str], OutletCounts]:
    """The values the inbox filters offer (columns, the ``top`` outlets, most articles first),
    and the articles per outlet."""
    columns = candidate_columns(engine)
    with engine.connect() as conn:
        per_outlet = {
            outlet: n
            for outlet, n in conn.execute(
                select(articles.c.outlet, func.count())
                .where(articles.c.outlet.is_not(None), articles.c.outlet != "")
                .group_by(articles.c.outlet)
                .order_by(func.count().desc(), articles.c.outlet)
            )
        }
        total = conn.execute(select(func.count()).select_from(articles)).scalar() or 0
    return columns, list(per_outlet)[:top], OutletCounts(per_outlet, total)


def snooze(engine: Engine, candidate_id: int, until: dt.datetime, user_name: str | None) -> None:
    with engine.begin() as conn:
        conn.execute(delete(candidate_snoozes).where(candidate_snoozes.c.candidate_id == candidate_id))
        conn.execute(
            insert(candidate_snoozes).values(candidate_id=candidate_id, until=until, user_name=user_name)
        )


def unsnooze(engine: Engine, candidate_id: int) -> None:
    with engine.begin() as conn:
        conn.execute(delete(candidate_snoozes).where(candidate_snoozes.c.candidate_id == candidate_id))


def set_candidate_status(engine: Engine, candidate_id: int, status: str) -> None:
    """Back to the inbox (``suggested``) after an accept or reject made by mistake."""
    with engine.begin() as conn:
        conn.execute(
            update(candidate_items).where(candidate_items.c.id == candidate_id).values(status=status)
        )


# --- a cluster's members ---------------------------------------------------------------------


@dataclass
class MemberArticle:
    id: int
    title: str
    text: str
    outlet: str | None
    url: str
    published_at: dt.datetime | None
    reasons: list[str]
    is_lead: bool


def cluster_articles(engine: Engine, cluster_id: int) -> list[MemberArticle]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                articles.c.id,
                articles.c.title,
                articles.c.text,
                articles.c.outlet,
                articles.c.url,
                articles.c.published_at,
                cluster_members.c.reasons,
                clusters.c.lead_article_id,
            )
            .join(cluster_members, cluster_members.c.article_id == articles.c.id)
            .join(clusters, clusters.c.id == cluster_members.c.cluster_id)
            .where(cluster_members.c.cluster_id == cluster_id)
            .order_by(articles.c.published_at, articles.c.id)
        )
        return [
            MemberArticle(
                id=r.id,
                title=r.title,
                text=r.text,
                outlet=r.outlet,
                url=r.url,
                published_at=_utc(r.published_at),
                reasons=list(r.reasons or []),
                is_lead=r.id == r.lead_article_id,
            )
            for r in rows
        ]


def candidate_cluster_id(engine: Engine, candidate_id: int) -> int | None:
    with engine.connect() as conn:
        return conn.execute(
            select(candidate_items.c.cluster_id).where(candidate_items.c.id == candidate_id)
        ).scalar()


def set_lead(
    engine: Engine,
    cluster_id: int,
    article_id: int,
    *,
    title: str,
    body: str,
    outlet: str | None,
    outlet_mark: str | None,
    attribution_line: str,
) -> None:
    """The editor's choice of lead: the cluster's candidate becomes that report's item."""
    with engine.begin() as conn:
        member = conn.execute(
            select(cluster_members.c.article_id).where(
                cluster_members.c.cluster_id == cluster_id, cluster_members.c.article_id == article_id
            )
        ).scalar()
        if member is None:
            raise KeyError(f"article {article_id} is not in cluster {cluster_id}")
        conn.execute(update(clusters).where(clusters.c.id == cluster_id).values(lead_article_id=article_id))
        conn.execute(
            update(candidate_items)
            .where(candidate_items.c.cluster_id == cluster_id)
            .values(
                lead_article_id=article_id,
                title=title,
                body=body,
                outlet=outlet,
                outlet_mark=outlet_mark,
                office_compiled=False,
                attribution_line=attribution_line,
                updated_at=_now(),
            )
        )


def article_text(engine: Engine, url: str) -> tuple[str, str, str | None] | None:
    """(title, text, outlet) of the article stored under ``url``: the original beside an item."""
    with engine.connect() as conn:
        row = conn.execute(
            select(articles.c.title, articles.c.text, articles.c.outlet).where(articles.c.url == url)
        ).first()
    return tuple(row) if row else None


# --- the archive -----------------------------------------------------------------------------


@dataclass
class FoundItem:
    issue_id: int
    issue_label: str
    issue_date: dt.date | None
    revision: int
    position: int
    column: str
    title: str
    body: str
    outlet: str | None
    item_date: dt.date | None


def search_items(
    engine: Engine,
    text: str | None = None,
    column: str | None = None,
    outlet: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    offset: int = 0,
    limit: int = 50,
) -> tuple[list[FoundItem], int]:
    """Items of the archive whose title or body holds ``text`` (a plain substring match), newest
    issue first; and how many match in all."""
    conditions = []
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(
            or_(items.c.title.like(pattern, escape="\\"), items.c.body.like(pattern, escape="\\"))
        )
    if column:
        conditions.append(items.c.column_name == column)
    if outlet:
        conditions.append(items.c.outlet == outlet)
    if date_from:
        conditions.append(items.c.item_date >= date_from)
    if date_to:
        conditions.append(items.c.item_date <= date_to)
    where = and_(*conditions) if conditions else None
    query = select(
        items.c.issue_id,
        issues.c.label,
        issues.c.issue_date,
        issues.c.revision,
        items.c.position,
        items.c.column_name,
        items.c.title,
        items.c.body,
        items.c.outlet,
        items.c.item_date,
    ).join(issues, issues.c.id == items.c.issue_id)
    count = select(func.count()).select_from(items)
    if where is not None:
        query = query.where(where)
        count = count.where(where)
    query = query.order_by(
        issues.c.issue_date.desc().nulls_last(), issues.c.id.desc(), items.c.position
    ).offset(max(offset, 0))
    query = query.limit(limit)
    with engine.connect() as conn:
        total = conn.execute(count).scalar() or 0
        found = [FoundItem(*r) for r in conn.execute(query)]
    return found, total


def archive_facets(engine: Engine) -> dict[str, list[tuple[str, int]]]:
    """Columns and outlets of the archive's items with their counts, most first."""
    with engine.connect() as conn:
        columns = [
            (c, n)
            for c, n in conn.execute(
                select(items.c.column_name, func.count())
                .group_by(items.c.column_name)
                .order_by(func.count().desc())
            )
        ]
        outlets = [
            (o, n)
            for o, n in conn.execute(
                select(items.c.outlet, func.count())
                .where(items.c.outlet.is_not(None))
                .group_by(items.c.outlet)
                .order_by(func.count().desc())
                .limit(40)
            )
        ]
    return {"column": columns, "outlet": outlets}


# --- charts ----------------------------------------------------------------------------------


def articles_per_day(engine: Engine, since: dt.datetime, top: int = 8) -> tuple[list[str], dict[str, dict]]:
    """Articles per publication day (UTC) for the ``top`` outlets of the window."""
    day = func.date(articles.c.published_at)
    with engine.connect() as conn:
        outlets = list(
            conn.execute(
                select(articles.c.outlet)
                .where(articles.c.published_at >= since, articles.c.outlet.is_not(None))
                .group_by(articles.c.outlet)
                .order_by(func.count().desc())
                .limit(top)
            ).scalars()
        )
        per: dict[str, dict] = {o: {} for o in outlets}
        if outlets:
            for outlet, d, n in conn.execute(
                select(articles.c.outlet, day, func.count())
                .where(articles.c.published_at >= since, articles.c.outlet.in_(outlets))
                .group_by(articles.c.outlet, day)
            ):
                per[outlet][str(d)] = n
    return outlets, per


def column_mix(engine: Engine, limit: int = 12) -> list[tuple[int, str, dict[str, int]]]:
    """Items per column of the newest issues: (issue id, label, {column: n})."""
    with engine.connect() as conn:
        newest = list(
            conn.execute(
                select(issues.c.id, issues.c.label)
                .order_by(issues.c.issue_date.desc().nulls_last(), issues.c.id.desc())
                .limit(limit)
            )
        )
        ids = [r.id for r in newest]
        mix: dict[int, dict[str, int]] = {i: {} for i in ids}
        if ids:
            for issue_id, column, n in conn.execute(
                select(items.c.issue_id, items.c.column_name, func.count())
                .where(items.c.issue_id.in_(ids))
                .group_by(items.c.issue_id, items.c.column_name)
            ):
                mix[issue_id][column] = n
    return [(r.id, r.label, mix[r.id]) for r in reversed(newest)]


def newest_article_time(engine: Engine) -> dt.datetime | None:
    with engine.connect() as conn:
        return _utc(conn.execute(select(func.max(articles.c.published_at))).scalar())
