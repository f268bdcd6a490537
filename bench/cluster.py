"""Same-story clustering at scale, as ``newsdesk process`` runs it.

The clusterer is built by ``newsdesk.cluster.clusterer.process_clusterer``, the function the
process stage builds it with (anchors on, the rewrite scan over the process stage's window),
and each article reaches it as ``run_batch`` hands it over: Simplified, boilerplate out, with
the figures and the word vector the analysis made (that analysis is the process stage's own
cost, measured by ``bench/process.py``; here it is done beforehand and not counted).

The articles are generated reports of about 1,000 characters: a headline and a lead with the
event's figures, organisation and period (a company's quarterly results, a statistic released
for a period, a regulator's fine, a city's policy), then paragraphs of background sentences
(drawn from a pool of sentences made of the sample issues' words, and a company's own
paragraph about itself). Planted among them, one in twenty:

* duplicates of an earlier report, hours to days later: a reprint with a dateline and a
  sign-off, a cut, a rewrite by another outlet (another headline and lead over the same
  figures, some rounded, half the background replaced), a Traditional-script repost, an
  undated copy;
* hard negatives of an earlier report: the same company's results for another quarter, the
  same statistic for another year, another regulator's fine of the same week for the same
  violation, another city's policy under the same title.

Prints per size: seconds, articles/s, peak memory (RSS of a fresh process per size), growth
(time per article at the larger size over the smaller; 1.00 is linear), planted duplicates
found (clustered with their original), wrong links (any accepted link between two different
events, a duplicate linked to the wrong article among them) and hard negatives joined. In the
same run, a naive baseline: exact Jaccard of every pair at 10k articles.

Generated and analysed batches are cached on disk (``--cache``), shared by every size.

    .venv/bin/python bench/cluster.py                       # 100k and 1M
    .venv/bin/python bench/cluster.py --sizes 20000,100000  # a quicker run
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import pickle
import resource
import subprocess
import sys
import time
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ISSUES = ROOT / "src" / "newsdesk" / "samples" / "issues"
GENERATOR = 2  # bump when the generated articles change: the cache is keyed by it
EVERY = 20
# planted duplicates are i ≡ 10 (mod 20), hard negatives i ≡ 5; both refer to an earlier
# article i - lag with i - lag ≡ 0 (mod 20), which is itself neither
DUPLICATE_LAGS = (510, 2010, 8010)  # ~6 hours, a day, four days at 2,000 articles a day
NEGATIVE_LAGS = (105, 1005, 3005)
BATCH = 5000
# Articles are generated and analysed up to UNIQUE; a larger stream repeats them, each cycle
# with new ids and published UNIQUE / PER_DAY days later. The clusterer's indexes reach back
# at most 2 × WINDOW articles (< UNIQUE), so a repeat never meets its twin — unless they do
# not bound their state, and then the exact copy shows as a wrong link.
UNIQUE = 100_000
PER_DAY = 2000.0
START = dt.datetime(2022, 1, 1, tzinfo=dt.UTC)
POOL = 60_000  # background sentences
COMMONEST = 300  # words left out of the background
NUMERALS = set("0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千万亿%％倍番")

_SYLLABLES = "华中海新东金天鼎恒远嘉瑞博凯宏泰安康盛达通明辉科润德信永元航"
INDUSTRIES = (
    "科技", "电子", "物流", "电商", "医药", "能源", "食品", "网络", "智能", "材料",
    "汽车", "家电", "软件", "通信", "零售", "乳业", "药业", "半导体", "新能源", "云计算",
)  # fmt: skip
SEGMENTS = ("线上", "海外", "新能源", "云服务", "物流", "会员", "广告", "供应链", "直播", "跨境")
PERIODS = ("一季度", "上半年", "前三季度", "全年")
REPORT_NAME = {"一季度": "第一季度", "上半年": "半年度", "前三季度": "第三季度", "全年": "年度"}
PUBLISHERS = ("国家统计局", "海关总署", "国家邮政局", "商务部", "工业和信息化部")
INDICATORS = (
    ("网上零售额", "亿元", "实物商品网上零售额"),
    ("社会消费品零售总额", "亿元", "餐饮收入"),
    ("快递业务量", "亿件", "同城快递业务量"),
    ("跨境电商进出口额", "亿元", "出口额"),
    ("农村网络零售额", "亿元", "农产品网络零售额"),
    ("软件业务收入", "亿元", "信息技术服务收入"),
    ("电信业务收入", "亿元", "移动互联网业务收入"),
    ("服务贸易进出口总额", "亿元", "知识密集型服务进出口"),
)
PLACES = (
    "北京", "上海", "天津", "重庆", "河北", "山西", "辽宁", "吉林", "江苏", "浙江", "安徽", "福建",
    "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃",
)  # fmt: skip
CITIES = (
    "杭州", "广州", "深圳", "成都", "武汉", "南京", "苏州", "西安", "长沙", "郑州", "青岛", "宁波",
    "厦门", "合肥", "济南", "福州", "昆明", "沈阳", "大连", "无锡", "东莞", "佛山", "南昌", "贵阳",
)  # fmt: skip
REGULATORS = ("市场监督管理局", "生态环境局", "税务局", "商务局", "网信办", "消防救援支队")
VIOLATIONS = (
    ("虚假宣传", "反不正当竞争法"),
    ("价格违法行为", "价格法"),
    ("销售不合格产品", "产品质量法"),
    ("违规收集个人信息", "个人信息保护法"),
    ("未按规定公示信息", "电子商务法"),
    ("发布违法广告", "广告法"),
)
SECTORS = ("跨境电商", "直播电商", "即时零售", "数字贸易", "农村电商", "智慧物流", "人工智能", "低空经济")
OUTLETS = (
    "新华社",
    "中国新闻网",
    "经济日报",
    "第一财经",
    "澎湃新闻",
    "证券时报",
    "21世纪经济报道",
    "界面新闻",
)


def _round(value: float, digits: int) -> str:
    return f"{round(value, digits):.{digits}f}" if digits else str(round(value))


class Corpus:
    """Deterministic articles: article ``i`` is the same whatever the corpus size."""

    def __init__(self, seed: int = 1) -> None:
        from collections import Counter

        from newsdesk.archive.reading import read_issue_file
        from newsdesk.text.tokens import words

        counts: Counter[str] = Counter()
        for path in sorted(SAMPLE_ISSUES.glob("*.txt")):  # some are in legacy encodings
            counts.update(
                w
                for w in words(read_issue_file(path).text)
                if 2 <= len(w) <= 4 and "\u4e00" <= w[0] <= "\u9fff" and not NUMERALS & set(w)
            )
        # Background is drawn from a flattened distribution without the commonest words: drawn
        # by their own frequencies, every two reports are told in the same few words (电商,
        # 平台, …) and their word vectors agree as no two real reports' do.
        vocab = np.array([w for w, _ in counts.most_common()][COMMONEST:], dtype=object)
        ranks = np.arange(1, len(vocab) + 1)
        weights = 1.0 / ranks**0.5
        cdf = np.cumsum(weights / weights.sum())
        rng = np.random.default_rng((seed, 0))
        lengths = rng.integers(9, 17, size=POOL)
        picks = vocab[
            np.searchsorted(cdf, rng.random(int(lengths.sum())), side="right").clip(0, len(vocab) - 1)
        ]
        self.pool: list[str] = []
        at = 0
        for n in lengths:
            w = picks[at : at + n]
            at += n
            cut = int(n) // 2
            self.pool.append("".join(w[:cut]) + "，" + "".join(w[cut:]) + "。")
        self.seed = seed
        self.companies = [
            a + b + c for a in _SYLLABLES for b in _SYLLABLES if a != b for c in INDUSTRIES
        ]  # 30 × 29 × 20

    # -- what each article is ----------------------------------------------------------------
    @staticmethod
    def role(i: int) -> tuple[str, int | None]:
        """("original", None), ("duplicate", of) or ("negative", of). Beyond UNIQUE the
        stream repeats (see ``shifted``): article i is article i mod UNIQUE, a cycle later."""
        cycle, base = divmod(i, UNIQUE)
        r = base % EVERY
        if r in (5, 10):
            lags = DUPLICATE_LAGS if r == 10 else NEGATIVE_LAGS
            lag = lags[(base // EVERY) % len(lags)]
            if base >= lag:
                return ("duplicate" if r == 10 else "negative"), i - lag
        return "original", None

    @classmethod
    def event_of(cls, i: int) -> int:
        kind, of = cls.role(i)
        return of if kind == "duplicate" else i

    def when(self, i: int) -> dt.datetime:
        return START + dt.timedelta(days=i / PER_DAY)

    def _rng(self, *key: int) -> np.random.Generator:
        return np.random.default_rng((self.seed, *key))

    def _event(self, i: int) -> dict:
        """The particulars of event ``i`` (a hard negative's differ from its pair's in one respect)."""
        kind, of = self.role(i)
        if kind == "negative":
            event = self._event(of)
            rng = self._rng(i, 3)
            event = {**event, **self._figures(event["kind"], rng), "rng": i}
            if event["kind"] == "results":  # the same company, another quarter
                event["period"] = PERIODS[(PERIODS.index(event["period"]) + 1) % len(PERIODS)]
            elif event["kind"] == "statistic":  # the same statistic, another year
                event["year"] -= 1
            elif event["kind"] == "fine":  # another regulator's fine the same week
                event["regulator"] = self._regulator(rng)
                event["company"] = self.companies[int(rng.integers(len(self.companies)))]
            else:  # another city's policy under the same title
                event["city"] = CITIES[(CITIES.index(event["city"]) + 1 + int(rng.integers(5))) % len(CITIES)]
            return event
        rng = self._rng(i, 1)
        kind = ("results", "statistic", "fine", "policy")[int(rng.integers(4))]
        event = {
            "kind": kind,
            "rng": i,
            "year": int(rng.integers(2019, 2025)),
            "company": self.companies[int(rng.integers(len(self.companies)))],
            "period": PERIODS[int(rng.integers(len(PERIODS)))],
            "month": int(rng.integers(2, 13)),
            "publisher": PUBLISHERS[int(rng.integers(len(PUBLISHERS)))],
            "indicator": INDICATORS[int(rng.integers(len(INDICATORS)))],
            "place": PLACES[int(rng.integers(len(PLACES)))] if rng.random() < 0.6 else "全国",
            "regulator": self._regulator(rng),
            "violation": VIOLATIONS[int(rng.integers(len(VIOLATIONS)))],
            "city": CITIES[int(rng.integers(len(CITIES)))],
            "sector": SECTORS[int(rng.integers(len(SECTORS)))],
            "segment": SEGMENTS[int(rng.integers(len(SEGMENTS)))],
        }
        event.update(self._figures(kind, rng))
        return event

    @staticmethod
    def _regulator(rng: np.random.Generator) -> str:
        return CITIES[int(rng.integers(len(CITIES)))] + "市" + REGULATORS[int(rng.integers(len(REGULATORS)))]

    @staticmethod
    def _figures(kind: str, rng: np.random.Generator) -> dict:
        return {
            "value": float(rng.uniform(10, 9000)),
            "growth": float(rng.uniform(0.5, 40)),
            "second": float(rng.uniform(1, 900)),
            "growth2": float(rng.uniform(0.5, 60)),
            "share": float(rng.uniform(5, 80)),
            "eps": float(rng.uniform(0.05, 3)),
            "count": int(rng.integers(8, 40)),
            "amount": int(rng.integers(5, 500)) * 10,
            "day": int(rng.integers(1, 28)),
        }

    # -- text ------------------------------------------------------------------------------------
    def _lead(self, e: dict, rewrite: bool) -> tuple[str, str]:
        y, v, g, s, g2, share = e["year"], e["value"], e["growth"], e["second"], e["growth2"], e["share"]
        if e["kind"] == "results":
            co, p = e["company"], e["period"]
            if not rewrite:
                title = f"{co}{y}年{p}营收{v:.2f}亿元 同比增长{g:.1f}%"
                lead = (
                    f"{co}日前发布{y}年{REPORT_NAME[p]}报告。报告显示，{y}年{p}公司实现营业收入{v:.2f}亿元，"
                    f"同比增长{g:.1f}%；归属于上市公司股东的净利润{s:.2f}亿元，同比增长{g2:.1f}%；"
                    f"基本每股收益{e['eps']:.2f}元。其中，{e['segment']}业务收入占营业收入的{share:.1f}%。"
                )
            else:
                title = f"{co}发布{y}年{p}业绩：净利润{s:.2f}亿元"
                lead = (
                    f"{y}年{p}，{co}营收约{_round(v, 1)}亿元，比上年同期增长{g:.1f}%，净利润达到{s:.2f}亿元，"
                    f"增幅{g2:.1f}%。公司表示，{e['segment']}业务是业绩增长的主要来源，占比{share:.1f}%。"
                )
        elif e["kind"] == "statistic":
            ind, unit, sub = e["indicator"]
            where = "" if e["place"] == "全国" else e["place"]
            span = f"1—{e['month']}月"
            pub = e["publisher"] if not where else where + "省统计局"
            if not rewrite:
                title = f"{pub}：{y}年{span}{where or '全国'}{ind}{v:.1f}{unit} 同比增长{g:.1f}%"
                lead = (
                    f"{pub}发布数据显示，{y}年{span}，{where or '全国'}{ind}{v:.1f}{unit}，同比增长{g:.1f}%。"
                    f"其中，{sub}{s:.1f}{unit}，增长{g2:.1f}%，占{ind}的比重为{share:.1f}%。"
                )
            else:
                title = f"{y}年{span}{where or '全国'}{ind}同比增长{g:.1f}%"
                lead = (
                    f"记者从{pub}获悉，{y}年{span}{where or '全国'}{ind}达到{_round(v, 0)}{unit}，"
                    f"较上年同期增长{g:.1f}%；{sub}为{s:.1f}{unit}，同比增长{g2:.1f}%。"
                )
        elif e["kind"] == "fine":
            reg, co, (violation, law), amount = e["regulator"], e["company"], e["violation"], e["amount"]
            if not rewrite:
                title = f"{reg}对{co}作出行政处罚 罚款{amount}万元"
                lead = (
                    f"{reg}近日公布的行政处罚决定书显示，{co}因{violation}，违反了《{law}》有关规定，"
                    f"被责令改正，没收违法所得{s:.2f}万元，并处罚款{amount}万元。"
                )
            else:
                title = f"因{violation} {co}被罚{amount}万元"
                lead = (
                    f"据{reg}消息，{co}存在{violation}问题，依据《{law}》，执法部门对其处以罚款{amount}万元，"
                    f"并没收违法所得{s:.2f}万元。"
                )
        else:
            city, sector, n = e["city"], e["sector"], e["count"]
            doc = f"关于促进{sector}高质量发展的若干措施"
            if not rewrite:
                title = f"{city}出台{n}条措施支持{sector}发展"
                lead = (
                    f"{e['month']}月{e['day']}日，{city}市印发《{doc}》，从市场主体培育、平台建设、人才引进等方面"
                    f"提出{n}条具体措施，对符合条件的企业给予最高{e['amount']}万元奖励，{y}年安排专项资金{s:.1f}亿元。"
                )
            else:
                title = f"{city}{n}条新政助力{sector}"
                lead = (
                    f"{city}市近日出台《{doc}》，共{n}条，{y}年市级财政安排{s:.1f}亿元专项资金，"
                    f"符合条件的企业最高可获{e['amount']}万元奖励。"
                )
        return title, lead

    def _body(self, rng: np.random.Generator, sentences: int = 32) -> list[str]:
        return [self.pool[k] for k in rng.integers(len(self.pool), size=sentences)]

    def _about(self, company: str) -> str:
        rng = self._rng(self.companies.index(company), 9)
        return f"资料显示，{company}成立于{int(rng.integers(1990, 2015))}年。" + "".join(self._body(rng, 3))

    def _text(self, e: dict, rewrite: bool, rng: np.random.Generator) -> tuple[str, str]:
        title, lead = self._lead(e, rewrite)
        body = self._body(self._rng(e["rng"], 2))
        if rewrite:  # another outlet's telling: half the background its own, in another order
            keep = rng.random(len(body)) < 0.5
            body = [s for s, k in zip(body, keep, strict=True) if k] + self._body(rng, int((~keep).sum()))
            rng.shuffle(body)
        paragraphs = [lead, "".join(body[:10]), "".join(body[10:21]), "".join(body[21:])]
        if e["kind"] in ("results", "fine"):
            paragraphs.insert(2, self._about(e["company"]))
        return title, "\n".join(paragraphs)

    def article(self, i: int) -> tuple[str, str, dt.datetime | None]:
        """Title, text and publication time of article ``i``, as collected."""
        kind, of = self.role(i)
        when: dt.datetime | None = self.when(i)
        rng = self._rng(i, 7)
        if kind != "duplicate":
            title, text = self._text(self._event(i), False, rng)
            return title, text, when
        event = self._event(of)
        how = ("reprint", "cut", "rewrite", "traditional", "undated")[int(rng.integers(5))]
        title, text = self._text(event, how == "rewrite", rng)
        outlet = OUTLETS[int(rng.integers(len(OUTLETS)))]
        if how in ("reprint", "undated", "traditional"):
            text = f"{outlet}讯（记者 张三）" + text + "\n（完）\n责任编辑：李四"
        elif how == "cut":
            paragraphs = text.split("\n")
            text = "\n".join(paragraphs[: max(2, len(paragraphs) * 2 // 3)])
        if how == "traditional":
            title, text = _traditional(title), _traditional(text)
        if how == "undated":
            when = None
        return title, text, when

    def analysed(self, i: int):
        """Article ``i`` as ``run_batch`` hands it to the clusterer (see ``pipeline.analyse``)."""
        from newsdesk.cluster.clusterer import ClusterInput
        from newsdesk.cluster.samestory import figure_keys, term_vector
        from newsdesk.editorial.boilerplate import strip_boilerplate
        from newsdesk.text.figures import extract_figures
        from newsdesk.text.script import to_simplified

        title, text, when = self.article(i)
        title = to_simplified(title)
        clean = strip_boilerplate(to_simplified(text)).text
        figures = extract_figures(clean, title)
        return ClusterInput(
            i, title, clean, when, figure_keys(title, clean, figures), term_vector(title, clean)
        )


_S2T = None


def _traditional(text: str) -> str:
    global _S2T
    if _S2T is None:
        import opencc

        _S2T = opencc.OpenCC("s2hk")
    return _S2T.convert(text)


# -- batches, analysed once and cached on disk ------------------------------------------------------
_CORPUS: Corpus | None = None


def _analyse_batch(args: tuple[int, int, str]) -> str:
    lo, hi, path = args
    global _CORPUS
    if _CORPUS is None:
        _CORPUS = Corpus()
    docs = [_CORPUS.analysed(i) for i in range(lo, hi)]
    tmp = path + f".{os.getpid()}.tmp"
    with open(tmp, "wb") as fh:
        fh.write(zlib.compress(pickle.dumps(docs, protocol=5), 1))
    os.replace(tmp, path)
    return path


def _code() -> str:
    """The analysis code's fingerprint (``text/`` and ``cluster/`` with their data): batches
    analysed by older code — other figures, other words — are not reused."""
    from newsdesk.cluster.clusterer import PROCESS_PARAMS
    from newsdesk.cluster.prepared_cache import code_fingerprint

    return code_fingerprint(PROCESS_PARAMS)[:10]


def batch_paths(n: int, cache: Path, workers: int) -> list[str]:
    """The cached batches of the first ``min(n, UNIQUE)`` articles, analysing those missing
    (in parallel)."""
    cache.mkdir(parents=True, exist_ok=True)
    n = min(n, UNIQUE)
    jobs = [
        (lo, min(n, lo + BATCH), str(cache / f"g{GENERATOR}-{_code()}-{lo}-{min(n, lo + BATCH)}.pickle.z"))
        for lo in range(0, n, BATCH)
    ]
    missing = [j for j in jobs if not os.path.exists(j[2])]
    if missing:
        import multiprocessing

        started = time.perf_counter()
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for k, _ in enumerate(pool.imap_unordered(_analyse_batch, missing), 1):
                print(
                    f"  analysed {k * BATCH:,} of {len(missing) * BATCH:,} articles "
                    f"({time.perf_counter() - started:.0f} s)",
                    file=sys.stderr,
                    flush=True,
                )
    return [j[2] for j in jobs]


def load_batch(path: str) -> list:
    with open(path, "rb") as fh:
        return pickle.loads(zlib.decompress(fh.read()))


def shifted(batch: list, cycle: int) -> list:
    """A batch repeated ``cycle`` cycles later: new ids, published that much later."""
    if not cycle:
        return batch
    later = dt.timedelta(days=cycle * UNIQUE / PER_DAY)
    return [
        dataclasses.replace(
            d,
            article_id=d.article_id + cycle * UNIQUE,
            published_at=None if d.published_at is None else d.published_at + later,
        )
        for d in batch
    ]


def batches(n: int, cache: Path, workers: int):
    """Paths and cycles of the batches of an ``n``-article stream."""
    paths = batch_paths(n, cache, workers)
    for lo in range(0, n, BATCH):
        cycle, base = divmod(lo, UNIQUE)
        yield paths[base // BATCH], cycle


_LOADING = None  # seconds spent loading batches, summed over the preparing processes


def load_shifted(job: tuple[str, int]) -> list:
    """A batch of the stream, loaded from the cache (in a preparing process)."""
    started = time.perf_counter()
    path, cycle = job
    batch = shifted(load_batch(path), cycle)
    if _LOADING is not None:
        with _LOADING.get_lock():
            _LOADING.value += time.perf_counter() - started
    return batch


def run_size(n: int, cache: Path, workers: int, prepare_workers: int = 1) -> dict:
    """Cluster an ``n``-article stream as the process stage does: each batch prepared
    (``prepare_for_clustering``) by ``prepare_workers`` processes running ahead, while this
    one adds the batch before (``add_prepared``); 0 prepares in this process. The clock runs
    from the first batch asked for to the last added: the preparation counts by wall time,
    and so does loading the batches from the cache, done by the preparing processes (its
    sum over them is reported apart)."""
    import multiprocessing

    from newsdesk.cluster.clusterer import prepared_stream, process_clusterer

    global _LOADING
    _LOADING = multiprocessing.get_context("fork").Value("d", 0.0)
    stream = list(batches(n, cache, workers))
    corpus = Corpus
    clusterer = process_clusterer(features_of=lambda _i: None)
    start = time.perf_counter()
    for batch in prepared_stream(stream, prepare_workers, clusterer.params, load=load_shifted):
        clusterer.add_prepared(batch)
    clustering = time.perf_counter() - start
    loading = _LOADING.value
    planted = [i for i in range(n) if corpus.role(i)[0] == "duplicate"]
    found = sum(1 for i in planted if clusterer.find(i) == clusterer.find(corpus.role(i)[1]))
    negatives = [i for i in range(n) if corpus.role(i)[0] == "negative"]
    joined = sum(1 for i in negatives if clusterer.find(i) == clusterer.find(corpus.role(i)[1]))
    wrong = [
        (link.article_id, link.other_id)
        for link in clusterer.links
        if corpus.event_of(link.article_id) != corpus.event_of(link.other_id)
    ]
    return {
        "n": n,
        "seconds": clustering,
        "cpu_seconds": resource.getrusage(resource.RUSAGE_SELF).ru_utime,
        "children_cpu_seconds": resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime,
        "loading_seconds": loading,
        "prepare_workers": prepare_workers,
        "articles_per_second": n / clustering,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "planted": len(planted),
        "planted_found": found,
        "negatives": len(negatives),
        "negatives_joined": joined,
        "wrong_links": len(wrong),
        "wrong_examples": wrong[:5],
        "links": len(clusterer.links),
        "pairs_checked": clusterer.pairs_checked,
        "scan_window": clusterer.scan_window,
        "anchors": clusterer.anchors is not None,
    }


def naive_baseline(n: int, cache: Path, workers: int, threshold: float = 0.5) -> dict:
    """Every pair, exact Jaccard of 5-character shingle sets (sparse products in row chunks)."""
    from scipy import sparse

    from newsdesk.cluster.shingles import shingle_hashes

    docs = []
    for path in batch_paths(n, cache, workers):
        docs += [shingle_hashes(d.title + d.text, 5) for d in load_batch(path)]
    start = time.perf_counter()
    rows = np.repeat(np.arange(n), [len(d) for d in docs])
    cols = np.concatenate(docs).astype(np.int64) % (1 << 24)
    x = sparse.csr_matrix((np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(n, 1 << 24))
    x.data[:] = 1.0
    sizes = np.asarray(x.sum(axis=1)).ravel()
    found = 0
    for lo in range(0, n, 1000):
        inter = (x[lo : lo + 1000] @ x.T).toarray()
        union = sizes[lo : lo + 1000, None] + sizes[None, :] - inter
        jac = inter / np.maximum(union, 1)
        for r in range(jac.shape[0]):
            jac[r, : lo + r + 1] = 0.0  # each pair once
        found += int(np.count_nonzero(jac >= threshold))
    seconds = time.perf_counter() - start
    return {"n": n, "seconds": seconds, "pairs": n * (n - 1) // 2, "pairs_over_threshold": found}


def main() -> None:
    parser = argparse.ArgumentParser(description="Same-story clustering at scale, as process runs it.")
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated article counts")
    parser.add_argument(
        "--baseline", type=int, default=10000, help="articles for the all-pairs baseline (0: skip)"
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newsdesk-bench" / "cluster",
        help="where analysed batches are kept",
    )
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes analysing")
    parser.add_argument(
        "--prepare-workers",
        type=int,
        default=os.cpu_count() or 1,
        help="processes preparing the batches ahead of the clustering one, as many as cores by default "
        "(the clustering one mostly waits on them); 0: it prepares them itself",
    )
    parser.add_argument("--single", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--naive", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.single:
        print(json.dumps(run_size(args.single, args.cache, args.workers, args.prepare_workers)))
        return
    if args.naive:
        print(json.dumps(naive_baseline(args.naive, args.cache, args.workers)))
        return

    def child(*extra: str) -> dict:
        # a fresh process per size: peak memory is that size's alone
        common = [
            "--cache",
            str(args.cache),
            "--workers",
            str(args.workers),
            "--prepare-workers",
            str(args.prepare_workers),
        ]
        out = subprocess.run(
            [sys.executable, __file__, *extra, *common], check=True, stdout=subprocess.PIPE, text=True
        )
        return json.loads(out.stdout.strip().splitlines()[-1])

    sizes = [int(s) for s in args.sizes.split(",") if s]
    batch_paths(max(sizes), args.cache, args.workers)  # analysed beforehand, outside any timing
    load = os.getloadavg()
    print(
        f"clustering generated reports of ~1,000 characters as `newsdesk process` does; 1 in {EVERY} a planted "
        f"duplicate, 1 in {EVERY} a hard negative; {os.cpu_count()} cores, load {load[0]:.1f}; "
        f"{args.prepare_workers} preparing process{'es' if args.prepare_workers != 1 else ''} beside the "
        "clustering one"
    )
    results = []
    for n in sizes:
        r = child("--single", str(n))
        results.append(r)
        print(
            f"  {r['n']:>9,} articles: {r['seconds']:8.1f} s  {r['articles_per_second']:7.0f} articles/s  "
            f"peak {r['peak_rss_mb']:6.0f} MB   planted duplicates found {r['planted_found']:,}/{r['planted']:,} "
            f"({r['planted_found'] / max(r['planted'], 1):.4f}), wrong links {r['wrong_links']} of {r['links']:,}, "
            f"hard negatives joined {r['negatives_joined']}/{r['negatives']:,}, pairs decided {r['pairs_checked']:,} "
            f"(anchors {'on' if r['anchors'] else 'off'}, scan window {r['scan_window']:,}; "
            f"CPU {r['cpu_seconds']:.0f} s + {r['children_cpu_seconds']:.0f} s preparing, of which "
            f"{r['loading_seconds']:.0f} s loading the cached batches)"
        )
        if r["wrong_examples"]:
            print(f"      wrong links, e.g. {r['wrong_examples']}")
    for a, b in zip(results, results[1:], strict=False):
        growth = (b["seconds"] / b["n"]) / (a["seconds"] / a["n"])
        print(f"  growth {a['n']:,} → {b['n']:,}: time per article × {growth:.2f} (1.00 = linear)")
    if args.baseline:
        base = child("--naive", str(args.baseline))
        per_pair = base["seconds"] / base["pairs"]
        print(
            f"  naive baseline, all {base['pairs']:,} pairs of {base['n']:,} articles, exact Jaccard: "
            f"{base['seconds']:.1f} s; at 1,000,000 articles that is ~{per_pair * 5e11 / 3600:,.0f} hours"
        )


if __name__ == "__main__":
    main()
