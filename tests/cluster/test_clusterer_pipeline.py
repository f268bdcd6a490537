"""The process stage's workers prepare the clustering: the decisions are those of ``add``."""

import datetime as dt
import json
from pathlib import Path

from newsdesk.cluster.clusterer import ShippedFeatures
from newsdesk.editorial import pipeline
from newsdesk.editorial.columns import ColumnClassifier
from newsdesk.editorial.pipeline import EditorialContext, Preparer, cluster_input
from newsdesk.editorial.relevance import RelevanceModel
from newsdesk.store.editorial import StoredArticle

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "editorial"


def _articles() -> list[StoredArticle]:
    rows = []
    for n in (14, 15):
        path = FIXTURES / f"stories_holdout{n}.jsonl"
        rows += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    when = [dt.datetime.fromisoformat(r["date"]).replace(tzinfo=dt.UTC) for r in rows]
    order = sorted(range(len(rows)), key=lambda i: (when[i], i))
    return [
        StoredArticle(k + 1, rows[i]["title"], rows[i]["body"], rows[i]["outlet"], when[i])
        for k, i in enumerate(order)
    ]


def _outcome(state, ids):
    clusterer = state.clusterer
    links = [(x.article_id, x.other_id, x.decision.score, tuple(x.decision.reasons)) for x in clusterer.links]
    return {i: clusterer.find(i) for i in ids}, links, clusterer.pairs_checked


def test_clustering_prepared_in_the_workers_decides_as_clustering_here(monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK", 16)
    context = EditorialContext(classifier=ColumnClassifier(None), relevance=RelevanceModel())
    articles = _articles()
    preparer = Preparer(context, workers=2)
    try:
        prepared = preparer(articles)
    finally:
        preparer.close()
    # from the workers: the features still pickled, to be unpickled when a pair needs them
    assert all(isinstance(p.clustering.items[0], ShippedFeatures) for p in prepared)

    in_workers = pipeline.open_cluster_state([], context)
    for start in range(0, len(prepared), 25):
        pipeline.cluster_prepared(in_workers, prepared[start : start + 25])
    here = pipeline.open_cluster_state([], context)
    for start in range(0, len(prepared), 25):
        here.clusterer.add([cluster_input(p.analysis) for p in prepared[start : start + 25]])

    ids = [a.id for a in articles]
    assert _outcome(in_workers, ids) == _outcome(here, ids)
    assert len(in_workers.clusterer.links) > 10
