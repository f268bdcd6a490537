"""Queries of the editorial stage: articles to process, clusters, analyses, figures,
candidate items, editor decisions, trained models. The only place it speaks SQL."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from newsdesk.store import search
from newsdesk.store.schema import (
    article_analysis,
    article_figures,
    articles,
    candidate_items,
    cluster_members,
    clusters,
    editor_decisions,
    editorial_models,
    fits_integer,
    items,
    publications,
)

_IN_CHUNK = 500  # SQLite limits bound parameters per statement


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    # SQLite gives back naive datetimes; everything is stored in UTC
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


@dataclass
class StoredArticle:
    id: int
    title: str
    text: str  # the extracted text, or the clean text for articles analysed before
    outlet: str | None
    published_at: dt.datetime | None
    url: str = ""
    cluster_id: int | None = None
    figure_count: int = 0


@dataclass
class FigureRow:
    text: str
    kind: str
    value: float | None
    unit: str
    period: str | None
    subject: str | None
    sentence: str
    base: str | None = None


@dataclass
class AnalysisRow:
    article_id: int
    clean_text: str
    tags: list[dict]
    figures: list[FigureRow]


@dataclass
class CandidateRow:
    lead_article_id: int
    title: str
    body: str
    column_name: str
    confidence: float
    column_reasons: list[str]
    relevance: float
    relevance_reasons: list[str]
    outlet: str | None
    outlet_mark: str | None
    attribution_line: str
    office_compiled: bool = False


@dataclass
class ClusterPlan:
    """One cluster after a run: which stored clusters it continues (merged), its members."""

    existing_ids: list[int]
    member_ids: list[int]
    lead_article_id: int
    candidate: CandidateRow
    new_member_reasons: dict[int, list[str]] = field(default_factory=dict)


@dataclass
class ClusterSummary:
    id: int
    size: int
    lead_title: str
    outlets: list[str]
    column_name: str | None
    confidence: float | None
    relevance: float | None
    updated_at: dt.datetime | None


# --- articles --------------------------------------------------------------------------------


def insert_plain_article(
    engine: Engine,
    title: str,
    text: str,
    outlet: str | None = None,
    published_at: dt.datetime | None = None,
    url: str | None = None,
) -> int:
    """Store an article without the collector (tests, benchmarks, imports of text files)."""
    digest = hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()
    with engine.begin() as conn:
        article_id = conn.execute(
            insert(articles)
            .values(
                url=url or f"urn:newsdesk:{digest[:24]}",
                outlet=outlet,
                title=title,
                text=text,
                published_at=_utc(published_at),
                content_hash=digest,
                fetched_at=_now(),
            )
            .returning(articles.c.id)
        ).scalar_one()
        search.index_articles(conn, ids=[article_id])
    return article_id


def unprocessed_articles(engine: Engine, limit: int | None = None) -> list[StoredArticle]:
    query = (
        select(
            articles.c.id,
            articles.c.title,
            articles.c.text,
            articles.c.outlet,
            articles.c.published_at,
            articles.c.url,
        )
        .where(articles.c.processed_at.is_(None))
        .order_by(articles.c.published_at.is_(None), articles.c.published_at, articles.c.id)
    )
    if limit:
        query = query.limit(limit)
    with engine.connect() as conn:
        return [
            StoredArticle(r.id, r.title, r.text, r.outlet, _utc(r.published_at), r.url)
            for r in conn.execute(query)
        ]


def count_unprocessed(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(
            select(func.count()).select_from(articles).where(articles.c.processed_at.is_(None))
        ).scalar_one()


def reset_processing(engine: Engine) -> None:
    """Forget every editorial result: the next ``process`` starts from scratch."""
    with engine.begin() as conn:
        for table in (
            editor_decisions,
            candidate_items,
            cluster_members,
            clusters,
            article_figures,
            article_analysis,
        ):
            if table is editor_decisions:
                conn.execute(update(editor_decisions).values(candidate_id=None))
                continue
            conn.execute(delete(table))
        conn.execute(update(articles).values(processed_at=None))


def clustered_articles_since(engine: Engine, since: dt.datetime) -> list[StoredArticle]:
    """Processed articles of clusters with an article published since ``since``, with their
    clean text: the window new articles are clustered against."""
    when = func.coalesce(articles.c.published_at, articles.c.fetched_at)
    recent = (
        select(cluster_members.c.cluster_id)
        .join(articles, articles.c.id == cluster_members.c.article_id)
        .where(when >= since)
        .scalar_subquery()
    )
    query = (
        select(
            articles.c.id,
            articles.c.title,
            article_analysis.c.clean_text,
            articles.c.outlet,
            articles.c.published_at,
            articles.c.url,
            cluster_members.c.cluster_id,
            article_analysis.c.figure_count,
        )
        .join(cluster_members, cluster_members.c.article_id == articles.c.id)
        .join(article_analysis, article_analysis.c.article_id == articles.c.id)
        .where(cluster_members.c.cluster_id.in_(recent))
        .order_by(articles.c.id)
    )
    with engine.connect() as conn:
        return [
            StoredArticle(
                r.id,
                r.title,
                r.clean_text,
                r.outlet,
                _utc(r.published_at),
                r.url,
                r.cluster_id,
                r.figure_count,
            )
            for r in conn.execute(query)
        ]


# --- saving a run --------------------------------------------------------------------------


def save_run(
    engine: Engine,
    analyses: Sequence[AnalysisRow],
    plans: Sequence[ClusterPlan],
    processed_ids: Iterable[int],
) -> list[int]:
    """Write one run's results in one transaction: a crash leaves the articles unprocessed.
    Returns the stored cluster id of each plan."""
    now = _now()
    with engine.begin() as conn:
        _save_analyses(conn, analyses, now)
        cluster_ids = _apply_plans(conn, plans, now)
        ids = list(processed_ids)
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start : start + _IN_CHUNK]
            conn.execute(update(articles).where(articles.c.id.in_(chunk)).values(processed_at=now))
    return cluster_ids


def _save_analyses(conn: Connection, analyses: Sequence[AnalysisRow], now: dt.datetime) -> None:
    if not analyses:
        return
    ids = [a.article_id for a in analyses]
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = ids[start : start + _IN_CHUNK]
        conn.execute(delete(article_figures).where(article_figures.c.article_id.in_(chunk)))
        conn.execute(delete(article_analysis).where(article_analysis.c.article_id.in_(chunk)))
    conn.execute(
        insert(article_analysis),
        [
            {
                "article_id": a.article_id,
                "clean_text": a.clean_text,
                "tags": a.tags,
                "figure_count": len(a.figures),
                "analysed_at": now,
            }
            for a in analyses
        ],
    )
    figure_rows = [
        {"article_id": a.article_id, "position": i, **f.__dict__}
        for a in analyses
        for i, f in enumerate(a.figures)
    ]
    if figure_rows:
        conn.execute(insert(article_figures), figure_rows)


def _new_member_rows(plan: ClusterPlan, cluster_id: int, now: dt.datetime) -> list[dict]:
    """cluster_members rows for the plan's articles that join the cluster in this run."""
    return [
        {
            "article_id": a,
            "cluster_id": cluster_id,
            "joined_at": now,
            "reasons": plan.new_member_reasons.get(a, []),
        }
        for a in plan.member_ids
        if a in plan.new_member_reasons
    ]


def _candidate_values(c: CandidateRow, cluster_id: int, now: dt.datetime) -> dict:
    return {
        "cluster_id": cluster_id,
        "lead_article_id": c.lead_article_id,
        "title": c.title,
        "body": c.body,
        "column_name": c.column_name,
        "confidence": c.confidence,
        "column_reasons": c.column_reasons,
        "relevance": c.relevance,
        "relevance_reasons": c.relevance_reasons,
        "outlet": c.outlet,
        "outlet_mark": c.outlet_mark,
        "office_compiled": c.office_compiled,
        "attribution_line": c.attribution_line,
        "updated_at": now,
    }


def _apply_plans(conn: Connection, plans: Sequence[ClusterPlan], now: dt.datetime) -> list[int]:
    """Most plans start a new cluster: those are written with one statement per table."""
    ids: list[int | None] = [None] * len(plans)
    fresh = [i for i, p in enumerate(plans) if not p.existing_ids]
    if fresh:
        rows = [
            {
                "lead_article_id": plans[i].lead_article_id,
                "size": len(plans[i].member_ids),
                "created_at": now,
                "updated_at": now,
            }
            for i in fresh
        ]
        new_ids = (
            conn.execute(insert(clusters).returning(clusters.c.id, sort_by_parameter_order=True), rows)
            .scalars()
            .all()
        )
        members, candidates = [], []
        for i, cluster_id in zip(fresh, new_ids, strict=True):
            ids[i] = cluster_id
            plan = plans[i]
            members += _new_member_rows(plan, cluster_id, now)
            candidates.append({"status": "suggested", **_candidate_values(plan.candidate, cluster_id, now)})
        if members:
            conn.execute(insert(cluster_members), members)
        conn.execute(insert(candidate_items), candidates)
    for i, plan in enumerate(plans):
        if plan.existing_ids:
            ids[i] = _apply_plan(conn, plan, now)
    return [i for i in ids if i is not None]


def _apply_plan(conn: Connection, plan: ClusterPlan, now: dt.datetime) -> int:
    if plan.existing_ids:
        target = min(plan.existing_ids)
        merged = [c for c in plan.existing_ids if c != target]
        if merged:
            # candidates and memberships of merged clusters move to (or are replaced by) the target's
            conn.execute(
                update(cluster_members)
                .where(cluster_members.c.cluster_id.in_(merged))
                .values(cluster_id=target)
            )
            conn.execute(delete(candidate_items).where(candidate_items.c.cluster_id.in_(merged)))
            conn.execute(delete(clusters).where(clusters.c.id.in_(merged)))
        conn.execute(
            update(clusters)
            .where(clusters.c.id == target)
            .values(size=len(plan.member_ids), lead_article_id=plan.lead_article_id, updated_at=now)
        )
    else:
        target = conn.execute(
            insert(clusters)
            .values(
                lead_article_id=plan.lead_article_id,
                size=len(plan.member_ids),
                created_at=now,
                updated_at=now,
            )
            .returning(clusters.c.id)
        ).scalar_one()
    new_members = _new_member_rows(plan, target, now)
    if new_members:
        conn.execute(insert(cluster_members), new_members)
    values = _candidate_values(plan.candidate, target, now)
    existing = conn.execute(
        select(candidate_items.c.id).where(candidate_items.c.cluster_id == target)
    ).scalar()
    if existing is None:
        conn.execute(insert(candidate_items).values(status="suggested", **values))
    else:  # the editor's status survives a refresh of the suggestion
        conn.execute(update(candidate_items).where(candidate_items.c.id == existing).values(**values))
    return target


# --- reading results -------------------------------------------------------------------------


def list_clusters(engine: Engine, min_size: int = 1, limit: int = 50) -> list[ClusterSummary]:
    query = (
        select(
            clusters.c.id,
            clusters.c.size,
            clusters.c.updated_at,
            candidate_items.c.title,
            candidate_items.c.column_name,
            candidate_items.c.confidence,
            candidate_items.c.relevance,
        )
        .outerjoin(candidate_items, candidate_items.c.cluster_id == clusters.c.id)
        .where(clusters.c.size >= min_size)
        .order_by(clusters.c.size.desc(), candidate_items.c.relevance.desc().nulls_last(), clusters.c.id)
        .limit(limit)
    )
    with engine.connect() as conn:
        rows = list(conn.execute(query))
        ids = [r.id for r in rows]
        outlets: dict[int, list[str]] = {i: [] for i in ids}
        if ids:
            member_query = (
                select(cluster_members.c.cluster_id, articles.c.outlet)
                .join(articles, articles.c.id == cluster_members.c.article_id)
                .where(cluster_members.c.cluster_id.in_(ids))
                .order_by(articles.c.published_at.nulls_first(), articles.c.id)
            )
            for cid, outlet in conn.execute(member_query):
                outlets[cid].append(outlet or "（未知来源）")
    return [
        ClusterSummary(
            r.id,
            r.size,
            r.title or "",
            outlets[r.id],
            r.column_name,
            r.confidence,
            r.relevance,
            _utc(r.updated_at),
        )
        for r in rows
    ]


def candidate_rows(engine: Engine, status: str | None = None) -> list[dict]:
    query = select(candidate_items).order_by(
        candidate_items.c.column_name, candidate_items.c.relevance.desc()
    )
    if status:
        query = query.where(candidate_items.c.status == status)
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def figures_since(engine: Engine, since: dt.datetime) -> list[dict]:
    when = func.coalesce(articles.c.published_at, articles.c.fetched_at)
    query = (
        select(
            article_figures.c.article_id,
            articles.c.outlet,
            articles.c.title,
            when.label("published_at"),
            article_figures.c.subject,
            article_figures.c.text,
            article_figures.c.value,
            article_figures.c.unit,
            article_figures.c.kind,
            article_figures.c.period,
            article_figures.c.base,
            article_figures.c.sentence,
        )
        .join(articles, articles.c.id == article_figures.c.article_id)
        .where(when >= since)
        .order_by(when.desc(), article_figures.c.article_id, article_figures.c.position)
    )
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


# --- training data ---------------------------------------------------------------------------


def archive_examples(engine: Engine) -> list[tuple[str, str, str]]:
    """(title, body, column) of every imported archive item."""
    with engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                select(items.c.title, items.c.body, items.c.column_name).order_by(items.c.id)
            )
        ]


def decision_examples(engine: Engine) -> list[tuple[str, str, str]]:
    """(title, body, column) of every item the editor accepted into a column."""
    query = (
        select(editor_decisions.c.title, editor_decisions.c.body, editor_decisions.c.column_name)
        .where(editor_decisions.c.accepted.is_(True))
        .order_by(editor_decisions.c.id)
    )
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(query)]


def record_decision(
    engine: Engine, candidate_id: int, column_name: str | None = None, accepted: bool = True
) -> None:
    """The editor files a candidate in a column (or rejects it); ``train`` learns from it."""
    if not fits_integer(candidate_id):
        raise KeyError(f"no candidate item {candidate_id}")
    with engine.begin() as conn:
        row = conn.execute(select(candidate_items).where(candidate_items.c.id == candidate_id)).first()
        if row is None:
            raise KeyError(f"no candidate item {candidate_id}")
        column = column_name or row.column_name
        conn.execute(
            insert(editor_decisions).values(
                candidate_id=candidate_id,
                title=row.title,
                body=row.body,
                column_name=column,
                accepted=accepted,
                decided_at=_now(),
            )
        )
        conn.execute(
            update(candidate_items)
            .where(candidate_items.c.id == candidate_id)
            .values(status="accepted" if accepted else "rejected", column_name=column)
        )


def mark_office_compiled(engine: Engine, candidate_id: int, attribution_line: str) -> None:
    """The editor merged several reports into this item: the office is credited, not an outlet."""
    if not fits_integer(candidate_id):
        raise KeyError(f"no candidate item {candidate_id}")
    with engine.begin() as conn:
        done = conn.execute(
            update(candidate_items)
            .where(candidate_items.c.id == candidate_id)
            .values(office_compiled=True, outlet=None, outlet_mark=None, attribution_line=attribution_line)
        )
        if done.rowcount == 0:
            raise KeyError(f"no candidate item {candidate_id}")


def publication_office(engine: Engine) -> str | None:
    """The editorial office as learned from imported issues, when there is exactly one."""
    with engine.connect() as conn:
        offices = [
            o
            for o in conn.execute(
                select(publications.c.office).where(publications.c.office.is_not(None))
            ).scalars()
        ]
    return offices[0] if len(set(offices)) == 1 else None


def save_model_record(
    engine: Engine, kind: str, path: str, examples: int, accuracy: float | None, columns: list[str]
) -> None:
    with engine.begin() as conn:
        conn.execute(
            insert(editorial_models).values(
                kind=kind, path=path, examples=examples, accuracy=accuracy, columns=columns, trained_at=_now()
            )
        )


def latest_model_record(engine: Engine, kind: str = "columns") -> dict | None:
    query = (
        select(editorial_models)
        .where(editorial_models.c.kind == kind)
        .order_by(editorial_models.c.id.desc())
        .limit(1)
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return dict(row._mapping) if row else None


def insert_plain_articles(engine: Engine, rows: Sequence[dict], *, index: bool = True) -> None:
    """Bulk form of ``insert_plain_article`` (benchmarks): dicts with title, text, outlet,
    published_at and url. Without ``index`` they wait for ``search.rebuild_search_index``
    (or the next search's catch-up)."""
    now = _now()
    values = [
        {
            "url": r["url"],
            "outlet": r.get("outlet"),
            "title": r["title"],
            "text": r["text"],
            "published_at": _utc(r.get("published_at")),
            "content_hash": hashlib.sha256(f"{r['title']}\n{r['text']}".encode()).hexdigest(),
            "fetched_at": now,
        }
        for r in rows
    ]
    with engine.begin() as conn:
        for start in range(0, len(values), 2000):
            conn.execute(insert(articles), values[start : start + 2000])
        if index:
            search.index_articles(conn, urls=[v["url"] for v in values])
