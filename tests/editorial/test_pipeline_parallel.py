import datetime as dt

from newsdesk.editorial import pipeline
from newsdesk.editorial.columns import ColumnClassifier
from newsdesk.editorial.pipeline import EditorialContext, Preparer, prepare_many, run_batch
from newsdesk.editorial.relevance import RelevanceModel
from newsdesk.store.editorial import StoredArticle

DAY = dt.datetime(2022, 7, 15, tzinfo=dt.UTC)
TEXTS = [
    (
        "上半年跨境电商进出口8867亿元",
        "海关总署发布数据，上半年我国跨境电商进出口8867亿元，同比增长28.6%。其中出口6385亿元，增长44.3%。",
    ),
    ("商务部印发《直播电商服务规范》", "商务部日前印发《直播电商服务规范》，自2022年9月1日起施行。"),
    ("京东在成都开设新仓库", "京东物流在成都开设新的智能仓库，服务西南地区商家。"),
    ("抖音电商助农报告发布", "抖音电商发布助农报告，一年售出农特产28.3亿单，农货商家数量增长152%。"),
    ("元宇宙营销", "内容简介\n本书介绍了元宇宙营销的方法，适合从业者阅读。"),
]


def _articles():
    return [StoredArticle(i + 1, t, b, "人民网", DAY) for i, (t, b) in enumerate(TEXTS)]


def _context():
    return EditorialContext(
        classifier=ColumnClassifier(None), relevance=RelevanceModel(), office="《电子商务动态》编辑部"
    )


def test_worker_processes_give_the_same_results_as_one(monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK", 2)  # several chunks, so the pool is used
    context = _context()
    preparer = Preparer(context, workers=2)
    try:
        parallel = preparer(_articles())
    finally:
        preparer.close()
    serial = prepare_many(_articles(), context)
    assert [(p.analysis.article.id, p.suggestion.column, p.body) for p in parallel] == [
        (p.analysis.article.id, p.suggestion.column, p.body) for p in serial
    ]


def test_a_batch_becomes_one_candidate_per_story_with_attribution():
    result = run_batch(_articles(), [], _context())
    assert len(result.plans) == len(TEXTS)
    columns = {p.candidate.title: p.candidate.column_name for p in result.plans}
    assert columns["商务部印发《直播电商服务规范》"] == "政策法规"
    assert columns["元宇宙营销"] == "悦读电商"
    by_title = {p.candidate.title: p.candidate for p in result.plans}
    assert by_title["元宇宙营销"].attribution_line == ""
    assert by_title["京东在成都开设新仓库"].attribution_line.startswith(
        "来源：“人民网” 编选：《电子商务动态》编辑部 "
    )


def test_clustering_chunk_by_chunk_decides_as_one_batch():
    # a reprint of the first report, so that one cluster has two members
    reprint = StoredArticle(len(TEXTS) + 1, TEXTS[0][0], "本报讯 " + TEXTS[0][1], "新华网", DAY)
    articles = [*_articles(), reprint]
    context = _context()
    prepared = prepare_many(articles, context)

    whole = run_batch(articles, [], context, prepared=prepared)
    state = pipeline.open_cluster_state([], context)
    for start in range(0, len(prepared), 2):
        pipeline.cluster_prepared(state, prepared[start : start + 2])
    chunked = pipeline.plan_batch(state, prepared, context)

    def members(result):
        return sorted(p.member_ids for p in result.plans)

    assert [1, reprint.id] in members(whole)
    assert members(chunked) == members(whole)
    assert chunked.pairs_checked == whole.pairs_checked > 0


def test_each_batch_counts_only_its_own_decisions():
    reprints = [
        StoredArticle(len(TEXTS) + 1 + k, TEXTS[k][0], "本报讯 " + TEXTS[k][1], "新华网", DAY) for k in (0, 1)
    ]
    context = _context()
    state = pipeline.open_cluster_state([], context)
    first = run_batch([*_articles(), reprints[0]], state, context)
    second = run_batch([reprints[1]], state, context)
    assert first.pairs_checked > 0 and second.pairs_checked > 0
    assert first.pairs_checked + second.pairs_checked == state.clusterer.pairs_checked
