"""``newsdesk process``: new articles → analyses, same-story clusters, candidate items.

For each new article: boilerplate out, figures and tags. Then clustering against the
clusters of the last days (reopened so a story picked up by another outlet joins its
cluster). For every cluster that changed: choose the lead, suggest a column, score the
relevance, condense the lead's text to the length its kind of item sets (or the column's,
when configured), suggest a title in the house form, and write its attribution line; a
cluster whose other reports add facts the lead lacks becomes a merged item (编辑部整理)
whose text takes them in (``editorial.merge``), while reprints keep crediting the lead.

Pure functions over plain records; ``run_process`` is the only part that touches the
database (through ``newsdesk.store.editorial``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import itertools
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.cluster.clusterer import (
    PROCESS_PARAMS,
    ClusterInput,
    PreparedBatch,
    StoryClusterer,
    prepared_stream,
    process_clusterer,
)
from newsdesk.cluster.lead import LeadCandidate, choose_lead
from newsdesk.cluster.prepared_cache import PreparedCache, assemble, text_checksum
from newsdesk.cluster.samestory import figure_keys, story_features, term_vector
from newsdesk.editorial.boilerplate import strip_boilerplate
from newsdesk.editorial.columns import READING, ColumnClassifier, ColumnModel, ColumnSuggestion, LabelledText
from newsdesk.editorial.condense import condense_item
from newsdesk.editorial.house import suggest_title
from newsdesk.editorial.merge import Report, merge_cluster
from newsdesk.editorial.relevance import ArchiveText, Relevance, RelevanceModel
from newsdesk.issue.attribution import attribution_line, default_outlet_mark, report_date
from newsdesk.issue.model import Attribution
from newsdesk.store.editorial import AnalysisRow, CandidateRow, ClusterPlan, FigureRow, StoredArticle
from newsdesk.text.figures import Figure, extract_figures
from newsdesk.text.script import to_simplified
from newsdesk.text.tags import extract_tags

log = logging.getLogger(__name__)

DEFAULT_OFFICE = "编辑部"
# attribution of a merged item: the office wrote it from several reports
MULTI_OUTLET_BONUS = 0.05


@dataclass
class Analysis:
    article: StoredArticle
    clean_text: str
    figures: list[Figure]
    tags: list[dict]
    # word vector for the same-story decision, made here in the worker where the words are
    # already cut for the tags
    terms: dict[str, float] | None = None

    def as_row(self) -> AnalysisRow:
        return AnalysisRow(
            self.article.id,
            self.clean_text,
            self.tags,
            [
                FigureRow(f.text, f.kind, f.value, f.unit, f.period, f.subject, f.sentence, f.base)
                for f in self.figures
            ],
        )


@dataclass
class EditorialContext:
    """Everything a run needs besides the articles: models and settings."""

    classifier: ColumnClassifier
    relevance: RelevanceModel
    office: str = DEFAULT_OFFICE
    # per column (or "default"): overrides the length the kind of item sets; empty = by kind
    condense_lengths: dict[str, tuple[int, int]] = field(default_factory=dict)
    lead_preference: Sequence[str] = ("outlet_rank", "completeness", "earliest")
    outlet_ranks: dict[str, int] = field(default_factory=dict)
    outlet_marks: dict[str, str] = field(default_factory=dict)
    user_dictionary: str | None = None
    max_days_apart: int = 10
    today: dt.date = field(default_factory=dt.date.today)

    def lengths_for(self, column: str) -> tuple[int, int] | None:
        return self.condense_lengths.get(column) or self.condense_lengths.get("default") or None


@dataclass
class RunResult:
    analyses: list[Analysis]
    plans: list[ClusterPlan]
    processed_ids: list[int]
    pairs_checked: int = 0

    @property
    def new_clusters(self) -> int:
        return sum(1 for p in self.plans if not p.existing_ids)


def analyse(article: StoredArticle, user_dictionary: str | None = None) -> Analysis:
    # A Traditional reprint (Hong Kong, Taiwan, reposts) is analysed, clustered and printed
    # in Simplified, as the house prints; the stored article keeps its original text.
    title = to_simplified(article.title)
    if title != article.title:
        article = dataclasses.replace(article, title=title)
    clean = strip_boilerplate(to_simplified(article.text)).text
    figures = extract_figures(clean, article.title)
    tags = [
        {"name": t.name, "kind": t.kind, "count": t.count}
        for t in extract_tags(article.title + "\n" + clean, user_dictionary)
    ]
    return Analysis(article, clean, figures, tags, term_vector(article.title, clean))


def outlet_mark(outlet: str, overrides: dict[str, str] | None = None) -> str:
    if overrides and outlet in overrides:
        return overrides[outlet]
    return default_outlet_mark(outlet)


def attribution_for(
    outlet: str | None, office: str, date: dt.date, marks: dict[str, str] | None = None
) -> tuple[Attribution, str]:
    if outlet:
        attribution = Attribution(
            outlet=outlet, outlet_mark=outlet_mark(outlet, marks), editorial_office=office, date=date
        )
    else:  # no outlet to credit: the office compiled it
        attribution = Attribution(office_compiled=True, editorial_office=office, date=date)
    return attribution, attribution_line(attribution)


def merged_attribution(office: str, date: dt.date) -> str:
    """来源：《…》编辑部整理 date — for an item the editor merges from several reports."""
    return attribution_line(Attribution(office_compiled=True, editorial_office=office, date=date))


@dataclass
class ClusterState:
    """What a run keeps between batches: the indexes, and the articles already clustered
    (the window of earlier runs plus this run's), with their stored cluster ids."""

    clusterer: StoryClusterer
    known: dict[int, StoredArticle]
    cluster_of: dict[int, int]
    links_seen: int = 0
    pairs_seen: int = 0  # the clusterer's count of decisions when the last batch was planned


def open_cluster_state(
    window: Sequence[StoredArticle],
    context: EditorialContext,
    cache: PreparedCache | None = None,
    workers: int = 1,
) -> ClusterState:
    """The clusterer with the window's articles in its indexes and its clusters as stored.
    Their preparation comes from ``cache`` where it has it; the rest is prepared in
    ``workers`` processes."""
    known = {a.id: a for a in window}
    clusterer = process_clusterer(
        features_of=lambda i: (
            story_features(known[i].title, known[i].text, known[i].published_at) if i in known else None
        ),
        max_days_apart=context.max_days_apart,
    )
    inputs = [ClusterInput(a.id, a.title, a.text, a.published_at) for a in window]

    def prepare(docs: Sequence[ClusterInput]) -> list[PreparedBatch]:
        chunks = [docs[i : i + CHUNK] for i in range(0, len(docs), CHUNK)]
        parallel = workers > 1 and len(chunks) > 1
        return list(prepared_stream(chunks, workers if parallel else 0, clusterer.params))

    if cache is not None:
        batch, reused = cache.prepared(inputs, prepare)
        log.info(
            "reopened %d articles of the window: %d prepared before, %d now",
            len(inputs),
            reused,
            len(inputs) - reused,
        )
        clusterer.index_prepared(batch)
    else:
        for batch in prepare(inputs):  # in order: the indexes take them as one batch
            clusterer.index_prepared(batch)
    cluster_of: dict[int, int] = {}
    groups: dict[int, list[int]] = {}
    for a in window:
        if a.cluster_id is not None:
            cluster_of[a.id] = a.cluster_id
            groups.setdefault(a.cluster_id, []).append(a.id)
    for members in groups.values():
        clusterer.seed_group(members)
    return ClusterState(clusterer, known, cluster_of)


def remember_saved(state: ClusterState, result: RunResult, cluster_ids: Sequence[int]) -> None:
    """After a batch is stored: its articles join the known window under their cluster ids."""
    for plan, cluster_id in zip(result.plans, cluster_ids, strict=True):
        for m in plan.member_ids:
            state.cluster_of[m] = cluster_id
    for a in result.analyses:
        state.known[a.article.id] = StoredArticle(
            a.article.id,
            a.article.title,
            a.clean_text,
            a.article.outlet,
            a.article.published_at,
            a.article.url,
            state.cluster_of.get(a.article.id),
            len(a.figures),
        )


@dataclass
class Prepared:
    """Everything about one article that does not depend on its cluster: worked out for
    every new article (in parallel), used when it turns out to lead its cluster."""

    analysis: Analysis
    suggestion: ColumnSuggestion
    relevance: Relevance
    body: str  # condensed to the length its kind of item sets (or the column's, if configured)
    house_title: str = ""  # the title in the house form (「机构：事件」), beside the original


def prepare_many(articles: Sequence[StoredArticle], context: EditorialContext) -> list[Prepared]:
    analyses = [analyse(a, context.user_dictionary) for a in articles]
    texts = [(a.article.title, a.clean_text) for a in analyses]
    suggestions = context.classifier.suggest_many(texts, [a.figures for a in analyses])
    relevances = context.relevance.score_many(texts)
    out = []
    for a, suggestion, relevance in zip(analyses, suggestions, relevances, strict=True):
        date = report_date(a.article.published_at, context.today) if a.article.published_at else None
        condensed = condense_item(a.article.title, a.clean_text, date, context.lengths_for(suggestion.column))
        house_title = suggest_title(a.article.title, condensed.body, condensed.kind)
        out.append(Prepared(a, suggestion, relevance, condensed.body, house_title))
    return out


# Worker processes get the context by fork, once, not with every chunk.
_WORKER_CONTEXT: EditorialContext | None = None
CHUNK = 200


def _init_worker() -> None:
    # one BLAS/OpenMP thread per worker: the workers already use every core, and
    # oversubscribed threads made two workers slower than one process
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def _prepare_in_worker(articles: Sequence[StoredArticle]) -> list[Prepared]:
    assert _WORKER_CONTEXT is not None
    return prepare_many(articles, _WORKER_CONTEXT)


class Preparer:
    """``prepare_many`` over chunks, in worker processes when there is enough to do."""

    def __init__(self, context: EditorialContext, workers: int = 0) -> None:
        self.context = context
        self.workers = workers if workers > 0 else (os.cpu_count() or 1)
        self._pool = None

    def __call__(
        self, articles: Sequence[StoredArticle], progress: Callable[[int], None] | None = None
    ) -> list[Prepared]:
        return list(self.stream(articles, progress))

    def stream(
        self, articles: Sequence[StoredArticle], progress: Callable[[int], None] | None = None
    ) -> Iterator[Prepared]:
        """Prepared articles in order. The workers run ahead of the consumer, so a run
        clusters one batch while the next is being prepared."""
        chunks = [articles[i : i + CHUNK] for i in range(0, len(articles), CHUNK)]
        if self.workers <= 1 or len(chunks) < 2 or not _can_fork():
            results: Iterable[list[Prepared]] = (prepare_many(chunk, self.context) for chunk in chunks)
        else:
            if self._pool is None:
                global _WORKER_CONTEXT
                _WORKER_CONTEXT = self.context
                self._pool = multiprocessing.get_context("fork").Pool(self.workers, initializer=_init_worker)
            results = self._pool.imap(_prepare_in_worker, chunks)
        for chunk, done in zip(chunks, results, strict=True):
            if progress:
                progress(len(chunk))
            yield from done

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def run_batch(
    new_articles: Sequence[StoredArticle],
    window: Sequence[StoredArticle] | ClusterState,
    context: EditorialContext,
    progress: Callable[[int], None] | None = None,
    prepared: Sequence[Prepared] | None = None,
) -> RunResult:
    """Process ``new_articles`` against the already-clustered window; no database."""
    state = window if isinstance(window, ClusterState) else open_cluster_state(window, context)
    if prepared is None:
        prepared = Preparer(context, workers=1)(new_articles, progress)
    cluster_prepared(state, prepared)
    return plan_batch(state, prepared, context)


def cluster_prepared(state: ClusterState, prepared: Sequence[Prepared]) -> PreparedBatch:
    """Put prepared articles in their clusters. Called chunk by chunk as the workers hand
    them over, so that the clustering overlaps the preparation of the next chunks; the
    decisions are the same however the articles are split (the clusterer takes them one by
    one, in order). Returns their clustering preparation (for the cache)."""
    batch = state.clusterer.prepare(
        [
            ClusterInput(
                a.article.id,
                a.article.title,
                a.clean_text,
                a.article.published_at,
                figure_keys(a.article.title, a.clean_text, a.figures),
                a.terms,
            )
            for a in (p.analysis for p in prepared)
        ]
    )
    state.clusterer.add_prepared(batch)
    return batch


def plan_batch(state: ClusterState, prepared: Sequence[Prepared], context: EditorialContext) -> RunResult:
    """The cluster updates of a batch of clustered articles: lead, column, relevance,
    condensed (or merged) text and attribution of every cluster it touched."""
    clusterer = state.clusterer
    analyses = [p.analysis for p in prepared]
    by_id = {p.analysis.article.id: p for p in prepared}
    pairs_before, state.pairs_seen = state.pairs_seen, clusterer.pairs_checked

    reasons_for: dict[int, list[str]] = {}
    for link in clusterer.links[state.links_seen :]:
        reasons_for.setdefault(link.article_id, []).append(
            f"same story as article {link.other_id}: " + "; ".join(link.decision.reasons)
        )
    state.links_seen = len(clusterer.links)

    stored_cluster = state.cluster_of
    known = state.known
    touched = clusterer.groups(list(by_id))
    all_groups = clusterer.groups([*known, *by_id])
    leads: list[tuple[int, list[int]]] = []
    for root in touched:
        members = sorted(all_groups[root])
        candidates = []
        for m in members:
            if m in by_id:
                an = by_id[m].analysis
                candidates.append(
                    LeadCandidate(
                        m, an.article.outlet, an.article.published_at, len(an.clean_text), len(an.figures)
                    )
                )
            else:
                w = known[m]
                candidates.append(LeadCandidate(m, w.outlet, w.published_at, len(w.text), w.figure_count))
        leads.append(
            (choose_lead(candidates, context.lead_preference, context.outlet_ranks).article_id, members)
        )
    # a lead from an earlier run (a new article joined its cluster) is prepared here
    earlier = [known[lead] for lead, _ in leads if lead not in by_id]
    for p in prepare_many(earlier, context):
        by_id.setdefault(p.analysis.article.id, p)

    plans: list[ClusterPlan] = []
    for lead_id, members in leads:
        p = by_id[lead_id]
        article, suggestion = p.analysis.article, p.suggestion
        outlets = {known[m].outlet if m in known else by_id[m].analysis.article.outlet for m in members}
        outlets.discard(None)
        score, relevance_reasons = p.relevance.score, list(p.relevance.reasons)
        if len(outlets) > 1:
            score = min(1.0, score + MULTI_OUTLET_BONUS * min(len(outlets) - 1, 3))
            relevance_reasons.insert(0, f"reported by {len(outlets)} outlets")
        if suggestion.column == READING:
            # book notices carry no attribution line in the house format
            attribution, line, mark = None, "", None
        else:
            attribution, line = attribution_for(
                article.outlet,
                context.office,
                report_date(article.published_at, context.today),
                context.outlet_marks,
            )
            mark = attribution.outlet_mark
        body, column_reasons = p.body, suggestion.reasons[:4]
        if len(members) > 1 and suggestion.column != READING:
            merged = _merge(p, [m for m in members if m != lead_id], known, by_id, context)
            if merged is not None:  # the others add facts: the office wrote it from them all
                body, latest = merged
                line, mark = merged_attribution(context.office, latest), None
                attribution = Attribution(office_compiled=True, editorial_office=context.office, date=latest)
        if p.house_title and p.house_title != article.title:
            column_reasons = [f"house title: {p.house_title}", *suggestion.reasons[:3]]
        plans.append(
            ClusterPlan(
                existing_ids=sorted({stored_cluster[m] for m in members if m in stored_cluster}),
                member_ids=members,
                lead_article_id=article.id,
                candidate=CandidateRow(
                    lead_article_id=article.id,
                    title=article.title,
                    body=body,
                    column_name=suggestion.column,
                    confidence=suggestion.confidence,
                    column_reasons=column_reasons,
                    relevance=score,
                    relevance_reasons=relevance_reasons[:3],
                    outlet=article.outlet,
                    outlet_mark=mark,
                    attribution_line=line,
                    office_compiled=bool(attribution and attribution.office_compiled),
                ),
                new_member_reasons={
                    m: reasons_for.get(m, []) for m in members if m in by_id and m not in known
                },
            )
        )
    return RunResult(
        analyses, plans, [a.article.id for a in analyses], clusterer.pairs_checked - pairs_before
    )


def _merge(
    lead: Prepared,
    others: Sequence[int],
    known: dict[int, StoredArticle],
    by_id: dict[int, Prepared],
    context: EditorialContext,
) -> tuple[str, dt.date] | None:
    """A merged item's text and date (the latest report's), or None for a reprint cluster."""

    def report(article: StoredArticle, text: str) -> Report:
        date = report_date(article.published_at, context.today) if article.published_at else None
        return Report(article.title, text, article.outlet, date)

    a = lead.analysis
    reports = [
        report(by_id[m].analysis.article, by_id[m].analysis.clean_text)
        if m in by_id
        else report(known[m], known[m].text)
        for m in others
    ]
    lead_report = report(a.article, a.clean_text)
    item = merge_cluster(lead_report, reports, lengths=context.lengths_for(lead.suggestion.column))
    if not item.merged:
        return None
    dates = [r.date for r in [lead_report, *reports] if r.date]
    return item.body, max(dates) if dates else context.today


# --- wiring to the database and settings ----------------------------------------------------


def training_examples(engine) -> list[LabelledText]:
    from newsdesk.editorial.columns import with_bundled
    from newsdesk.store.editorial import archive_examples, decision_examples

    examples = [LabelledText(t, b, c) for t, b, c in archive_examples(engine)]
    examples += [
        LabelledText(t, b, c, f"decision{i}") for i, (t, b, c) in enumerate(decision_examples(engine))
    ]
    # a fresh install, or a small archive: the shipped examples of the house practice too
    return with_bundled(examples)


def train_column_model(engine, settings, measure: bool = True) -> tuple[ColumnModel | None, dict]:
    """Train on the archive and the editor's decisions; save it under data_dir."""
    from newsdesk.editorial.columns import cross_validate
    from newsdesk.store.editorial import save_model_record

    examples = training_examples(engine)
    columns = {e.column for e in examples}
    if len(columns) < 2:
        return None, {"examples": len(examples), "columns": sorted(columns)}
    model = ColumnModel().fit(examples)
    report: dict = {"examples": len(examples), "columns": model.columns}
    counts = {c: sum(1 for e in examples if e.column == c) for c in model.columns}
    if measure and min(counts.values()) >= 2 and len(examples) >= 10:
        folds = min(5, min(counts.values()))
        report.update(cross_validate(examples, folds=max(folds, 2)))
        report.pop("predicted", None)
    path = Path(settings.editorial_model_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(model.dumps())
    save_model_record(engine, "columns", str(path), len(examples), report.get("accuracy"), model.columns)
    return model, report


def load_column_model(engine, settings, train_if_missing: bool = True) -> ColumnModel | None:
    path = Path(settings.editorial_model_path)
    if path.exists():
        try:
            return ColumnModel.loads(path.read_bytes())
        except Exception as exc:  # noqa: BLE001 - a stale or foreign file: retrain rather than fail
            log.warning("column model %s unreadable (%s); retraining", path, exc)
    if not train_if_missing:
        return None
    model, _ = train_column_model(engine, settings, measure=False)
    return model


def build_office(engine, settings) -> str:
    """The office credited in 编选: configured, else learned from the archive."""
    from newsdesk.store.editorial import publication_office

    office = settings.publication.office or publication_office(engine)
    if not office and settings.publication.name:
        office = f"《{settings.publication.name}》编辑部"
    return office or DEFAULT_OFFICE


def build_context(engine, settings, today: dt.date | None = None) -> EditorialContext:
    from newsdesk.store.editorial import archive_examples

    model = load_column_model(engine, settings)
    columns = settings.publication.columns or None
    classifier = ColumnClassifier(model, columns) if columns else ColumnClassifier(model)
    relevance = RelevanceModel(settings.editorial.include_keywords, settings.editorial.exclude_keywords)
    relevance.fit([ArchiveText(t, b) for t, b, _ in archive_examples(engine)])
    office = build_office(engine, settings)
    ed = settings.editorial
    return EditorialContext(
        classifier=classifier,
        relevance=relevance,
        office=office,
        condense_lengths={k: tuple(v) for k, v in ed.condense_lengths.items()},
        lead_preference=tuple(ed.lead_preference),
        outlet_ranks=dict(ed.outlet_ranks),
        outlet_marks=dict(ed.outlet_marks),
        user_dictionary=str(ed.user_dictionary) if ed.user_dictionary else None,
        max_days_apart=ed.max_days_apart,
        today=today or dt.date.today(),
    )


def _keep_preparation(
    cache: PreparedCache,
    clustering: Sequence[PreparedBatch],
    articles: Sequence[StoredArticle],
    prepared: Sequence[Prepared],
    stored_ids: Sequence[int],
) -> None:
    """Keep the stored articles' clustering preparation for the next runs' window, each
    checked by what the window will read back: the stored title (perhaps Traditional) and
    the clean text."""
    stored = set(stored_ids)
    parts = [(b, k) for b in clustering for k, doc_id in enumerate(b.ids) if doc_id in stored]
    if not parts:
        return
    title = {a.id: a.title for a in articles}
    clean_text = {p.analysis.article.id: p.analysis.clean_text for p in prepared}
    keys = [text_checksum(title[b.ids[k]], clean_text[b.ids[k]]) for b, k in parts]
    cache.save(assemble(parts[0][0].params, parts), keys)


def cluster_window(engine, settings, pending: Sequence[StoredArticle]) -> list[StoredArticle]:
    """The clusters new articles may join: those with articles published in the window
    before the earliest new article (articles come oldest first)."""
    from newsdesk.store.editorial import clustered_articles_since

    earliest = min((a.published_at for a in pending if a.published_at), default=dt.datetime.now(dt.UTC))
    return clustered_articles_since(
        engine, earliest - dt.timedelta(days=settings.editorial.cluster_window_days)
    )


def kept_preparation(settings, context: EditorialContext) -> PreparedCache:
    """Where runs keep the clustering preparation of stored articles for the next ones."""
    return PreparedCache(settings.data_dir / "cluster-cache", PROCESS_PARAMS, context.user_dictionary)


def run_process(
    engine,
    settings,
    limit: int | None = None,
    batch_size: int = 2000,
    progress: Callable[[int], None] | None = None,
    context: EditorialContext | None = None,
) -> RunResult:
    """Process every unprocessed article in batches; returns the combined result."""
    from newsdesk.store.editorial import save_run, unprocessed_articles

    context = context or build_context(engine, settings)
    pending = unprocessed_articles(engine, limit)
    total = RunResult([], [], [], 0)
    if not pending:
        return total
    workers = settings.editorial.workers or os.cpu_count() or 1
    cache = kept_preparation(settings, context)
    cache.prune(dt.timedelta(days=settings.editorial.cluster_window_days + 1))
    state = open_cluster_state(cluster_window(engine, settings, pending), context, cache, workers)
    # The window (tens of thousands of articles' features and index entries) and each stored
    # batch live until the run ends: frozen, the collector's full passes (a quarter of a
    # second per 6,000 articles of window) stop walking them again and again.
    gc.freeze()
    preparer = Preparer(context, settings.editorial.workers)
    try:
        stream = preparer.stream(pending, progress)
        for start in range(0, len(pending), batch_size):
            batch = pending[start : start + batch_size]
            prepared: list[Prepared] = []
            clustering: list[PreparedBatch] = []
            while len(prepared) < len(batch):
                chunk = list(itertools.islice(stream, min(CHUNK, len(batch) - len(prepared))))
                if not chunk:
                    break
                clustering.append(cluster_prepared(state, chunk))
                prepared += chunk
            result = plan_batch(state, prepared, context)
            cluster_ids = save_run(
                engine, [a.as_row() for a in result.analyses], result.plans, result.processed_ids
            )
            remember_saved(state, result, cluster_ids)
            _keep_preparation(cache, clustering, batch, prepared, result.processed_ids)
            gc.freeze()
            total.analyses.extend(result.analyses)
            total.plans.extend(result.plans)
            total.processed_ids.extend(result.processed_ids)
            total.pairs_checked += result.pairs_checked
    finally:
        preparer.close()
        gc.unfreeze()
    return total
