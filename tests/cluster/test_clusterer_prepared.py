"""Clustering articles prepared beforehand, in other processes, decides as ``add`` does."""

import datetime as dt
import json
from pathlib import Path

import pytest

from newsdesk.cluster.clusterer import (
    ClusterInput,
    PrepParams,
    ShippedFeatures,
    StoryClusterer,
    prepare_for_clustering,
    prepared_stream,
    process_clusterer,
)
from newsdesk.editorial.boilerplate import strip_boilerplate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "editorial"
BATCH = 40


def _articles() -> list[ClusterInput]:
    """Some 600 real reports of busy weeks (the holdout sets), oldest first; one in seven
    undated, as reposts come."""
    rows = []
    for n in range(10, 20):
        path = FIXTURES / f"stories_holdout{n}.jsonl"
        rows += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    when = [dt.datetime.fromisoformat(r["date"]).replace(tzinfo=dt.UTC) for r in rows]
    order = sorted(range(len(rows)), key=lambda i: (when[i], i))
    return [
        ClusterInput(
            k + 1,
            rows[i]["title"],
            strip_boilerplate(rows[i]["body"]).text,
            None if k % 7 == 3 else when[i] + dt.timedelta(minutes=k),
        )
        for k, i in enumerate(order)
    ]


@pytest.fixture(scope="module")
def articles() -> list[ClusterInput]:
    return _articles()


def _batches(docs, size=BATCH):
    return [docs[i : i + size] for i in range(0, len(docs), size)]


def _outcome(clusterer: StoryClusterer, docs) -> tuple:
    return (
        {d.article_id: clusterer.find(d.article_id) for d in docs},
        [
            (link.article_id, link.other_id, link.decision.same, link.decision.score, link.decision.weak)
            + tuple(link.decision.reasons)
            for link in clusterer.links
        ],
        clusterer.pairs_checked,
    )


def test_batches_prepared_in_worker_processes_decide_as_add(articles):
    by_add = process_clusterer(features_of=lambda _i: None)
    for batch in _batches(articles):
        by_add.add(batch)

    in_workers = process_clusterer(features_of=lambda _i: None)
    prepared = prepared_stream(_batches(articles), workers=2, params=in_workers.params)
    for batch in prepared:
        # what came back from a worker: features still pickled until a pair needs them
        assert all(isinstance(item, ShippedFeatures) for item in batch.items)
        in_workers.add_prepared(batch)

    outcome = _outcome(by_add, articles)
    assert outcome == _outcome(in_workers, articles)
    groups = by_add.groups([d.article_id for d in articles])
    # a realistic set: many clusters of several reports, and pairs decided both ways
    assert sum(len(members) > 1 for members in groups.values()) >= 20
    assert outcome[2] > len(outcome[1]) > 50


def test_indexing_existing_articles_prepared_elsewhere_and_without_anchors(articles):
    """The anchors off (the features made only when a pair needs them) and the first half
    indexed as earlier runs' articles."""
    half = len(articles) // 2
    old, new = articles[:half], articles[half:]

    by_add = StoryClusterer()
    by_add.index_existing(old)
    for batch in _batches(new):
        by_add.add(batch)

    prepared = StoryClusterer()
    assert prepared.params == PrepParams(anchors=False, scan=True)
    stream = prepared_stream([old, *_batches(new)], workers=1, params=prepared.params)
    prepared.index_prepared(next(stream))
    for batch in stream:
        prepared.add_prepared(batch)
    assert _outcome(by_add, new) == _outcome(prepared, new)


def test_a_batch_prepared_for_other_parameters_is_refused(articles):
    batch = prepare_for_clustering(articles[:3], PrepParams(anchors=False))
    with pytest.raises(ValueError):
        process_clusterer().add_prepared(batch)
    assert process_clusterer().add_prepared(prepare_for_clustering([], PrepParams(anchors=False))) == {}


def test_preparing_in_this_process_gives_the_same_batches(articles):
    docs = articles[:60]
    here = list(prepared_stream(_batches(docs, 25), workers=0))
    there = list(prepared_stream(_batches(docs, 25), workers=1, ahead=1))
    assert [b.ids for b in here] == [b.ids for b in there]
    assert [b.band_keys for b in here] == [b.band_keys for b in there]
    assert [b.anchor_keys for b in here] == [b.anchor_keys for b in there]
    assert all((a.scan_signatures == b.scan_signatures).all() for a, b in zip(here, there, strict=True))
    for shipped, made in zip(
        [f for b in there for f in b.items], [f for b in here for f in b.items], strict=True
    ):
        loaded = shipped.load()
        assert (loaded.shingles == made.shingles).all()
        assert (loaded.title, loaded.text, loaded.figures, loaded.title_words, loaded.terms) == (
            made.title,
            made.text,
            made.figures,
            made.title_words,
            made.terms,
        )
