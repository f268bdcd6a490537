"""Archive search at scale: 1M generated articles indexed as newsdesk indexes them, searched on
SQLite and on PostgreSQL, beside SQLite FTS5's own ``trigram`` tokenizer and ``LIKE '%…%'``.

The articles (~800 characters each) are written from a vocabulary of e-commerce reporting
(platforms, agencies, places, figures, the words of 网络零售额 and 直播带货 …) with Zipf-like
frequencies, so common words (电商, 直播, 平台) are in most articles and others in few. Into
some articles, answers are planted: made-up names (璟曦, 珑骧科技 …, some printed in
Traditional characters, Latin names in mixed case) beside common words; 200 queries of one,
two and three terms (two-character terms among them) ask for them, and recall is the share
of the planted articles among the results. A fifth of the queries are common words only
(直播, 跨境 电商 …): no planted answer, but the hard case for latency.

Prints: index time and size on disk, p50/p95 latency of the 200 queries through
``store.search.search`` (ranked results, snippets and facets: what `newsdesk search --in
articles` does), and recall; then the same queries on an FTS5 ``trigram`` index of the raw
text and with ``LIKE '%…%'`` (on a sample of the queries: each reads every article).
Targets: p95 ≤ 20 ms on SQLite, ≤ 30 ms on PostgreSQL, recall 1.0.

The generated database, its indexes and the PostgreSQL cluster are cached under
``--cache`` (default ~/.cache/newsdesk-bench/search) between runs; the index times printed
are those measured when the index was built (``--rebuild`` builds again). As root the
cluster lives in /var/tmp/newsdesk-bench/search instead: its server runs as the ``postgres``
user, who cannot enter root's home. The load average is printed before and after the
queries: the latencies mean little on a machine busy with something else.

    .venv/bin/python bench/search.py [--articles 1000000] [--postgres URL | --no-postgres]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.postgres_server

GENERATOR = 1  # bump when the generated articles or queries change: the cache is keyed by it

OUTLETS = [
    "新华社", "人民网", "经济日报", "国际商报", "中国商报", "电商报", "央视网", "澎湃新闻", "第一财经日报",
    "21世纪经济报道", "证券日报", "中国经济网", "中国新闻网", "网经社", "亿邦动力", "人民日报", "新华网",
    "中国消费者报", "商务部网站", "工信微报", "光明日报", "经济参考报", "南方日报", "北京商报", "界面新闻",
]  # fmt: skip
# Words of the reporting, most common first (the generator draws them with Zipf-like weights).
SUBJECTS = [
    "商务部", "国家统计局", "海关总署", "国家邮政局", "市场监管总局", "国家网信办", "工业和信息化部", "发展改革委",
    "中国电子商务研究中心", "中国互联网络信息中心", "中国物流与采购联合会", "各地商务主管部门", "行业协会",
    "京东", "阿里巴巴", "天猫", "淘宝", "拼多多", "抖音电商", "快手", "美团", "苏宁易购", "唯品会", "小红书",
    "亚马逊", "eBay", "Shopee", "Lazada", "SHEIN", "TikTok", "菜鸟网络", "顺丰", "中通快递", "京东物流",
    "盒马", "叮咚买菜", "多多买菜", "微信", "支付宝", "银联", "网易严选", "得物", "唯品会", "当当",
]  # fmt: skip
VERBS = [
    "发布数据显示", "有关负责人介绍", "在新闻发布会上表示", "近日印发通知指出", "调研发现", "监测数据显示",
    "发布报告称", "宣布", "正式上线", "联合发布", "召开座谈会", "部署开展", "启动", "公布", "披露",
]  # fmt: skip
TOPICS = [
    "全国网上零售额", "实物商品网上零售额", "跨境电商进出口规模", "农村网络零售额", "快递业务量", "即时零售订单量",
    "直播电商交易额", "绿色智能家电网络销售额", "农产品网络零售额", "数字服务贸易额", "社会消费品零售总额",
    "网络购物用户规模", "移动支付交易规模", "冷链物流市场规模", "跨境电商综试区进出口额", "海外仓数量",
    "数字人民币试点交易额", "二手电商交易额", "社区团购订单量", "生鲜电商销售额", "新能源汽车线上销量",
    "服装网络零售额", "家电以旧换新销售额", "免税店销售额", "老字号网络零售额", "县域网络零售额",
]  # fmt: skip
PLACES = [
    "北京", "上海", "广东", "浙江", "江苏", "山东", "四川", "湖北", "福建", "河南", "湖南", "安徽", "重庆",
    "天津", "陕西", "云南", "广西", "江西", "辽宁", "河北", "贵州", "海南", "新疆", "甘肃", "黑龙江", "吉林",
    "杭州", "深圳", "广州", "成都", "武汉", "义乌", "宁波", "厦门", "郑州", "西安", "长沙", "苏州", "青岛",
]  # fmt: skip
THEMES = [
    "直播带货", "跨境电商", "数字经济", "网络零售", "平台经济", "即时零售", "农村电商", "社交电商", "内容电商",
    "供应链", "物流配送", "消费券", "以旧换新", "数字化转型", "个人信息保护", "平台规则", "公平竞争", "知识产权",
    "假冒伪劣", "退换货", "预售", "满减", "大促", "618", "双11", "年货节", "国潮", "老字号", "直播间", "主播",
    "网红", "短视频", "小程序", "私域流量", "会员", "海外仓", "保税仓", "一般贸易", "9610", "9710", "9810",
    "1210", "RCEP", "数字人民币", "5G", "人工智能", "大数据", "云计算", "区块链", "元宇宙", "虚拟主播",
    "无人配送", "智慧物流", "冷链", "前置仓", "社区团购", "预制菜", "生鲜", "新能源汽车", "绿色消费", "碳达峰",
]  # fmt: skip
CLAUSES = [
    "较上年同期有所提高，显示出网络消费较强的韧性。", "增速比一季度加快，消费市场呈现恢复态势。",
    "中西部地区增速快于东部，区域发展更加协调。", "新业态新模式持续涌现，带动就业创业。",
    "业内人士认为，下半年有望保持平稳增长。", "专家建议进一步完善物流配送体系，降低流通成本。",
    "有关部门将加强监管，规范平台经营行为。", "各地积极出台政策措施，促进消费回补和潜力释放。",
    "消费者权益保护工作不断加强，投诉处理效率明显提升。", "企业纷纷加大研发投入，提升数字化运营能力。",
    "平台商家数量稳步增长，中小企业获得更多发展机会。", "跨境物流时效明显缩短，通关便利化水平持续提升。",
]  # fmt: skip
# The planted answers: made-up names whose characters the vocabulary never writes next to each
# other (璟, 珑, 翊 … are in no word above), so that only the planted articles hold them.
NEEDLES_2 = ["璟曦", "珑骧", "翊坤", "昶煜", "琨瑜", "祎炜", "骁珩", "瑷珲", "璞玥", "赟霖", "钰淇", "晞岚"]
NEEDLES_LONG = ["璟曦科技", "珑骧集团", "翊坤数科", "昶煜国家馆", "琨瑜供应链", "祎炜跨境", "骁珩直播基地"]
NEEDLES_LATIN = ["Zentrix", "Quorvia", "Mabelle", "Ostrava", "Kyvano"]
TRADITIONAL = {
    "璟曦科技": "璟曦科技",
    "珑骧集团": "瓏驤集團",
    "祎炜跨境": "禕煒跨境",
    "骁珩直播基地": "驍珩直播基地",
}


def _weights(n: int) -> list[float]:
    return [1 / (rank + 1) ** 0.9 for rank in range(n)]


def article(rng: random.Random) -> tuple[str, str]:
    """A title and ~800 characters of body."""
    w = {
        name: _weights(len(words))
        for name, words in (("s", SUBJECTS), ("t", TOPICS), ("p", PLACES), ("h", THEMES))
    }

    def pick(words, key):
        return rng.choices(words, w[key])[0]

    title = f"{pick(SUBJECTS, 's')}：{pick(PLACES, 'p')}{pick(THEMES, 'h')}{rng.choice(['持续升温', '稳步增长', '迎来新机遇', '规范发展', '再创新高'])}"
    parts: list[str] = []
    size = 0
    while size < 800:
        kind = rng.random()
        if kind < 0.4:
            s = (
                f"{pick(SUBJECTS, 's')}{rng.choice(VERBS)}，{rng.randint(1, 12)}月份{pick(PLACES, 'p')}"
                f"{pick(TOPICS, 't')}达到{rng.randint(100, 99999) / 10:.1f}亿元，同比增长"
                f"{rng.randint(1, 400) / 10:.1f}%，{rng.choice(CLAUSES)}"
            )
        elif kind < 0.75:
            s = (
                f"在{pick(PLACES, 'p')}，{pick(THEMES, 'h')}与{pick(THEMES, 'h')}深度融合，"
                f"{pick(SUBJECTS, 's')}推动{pick(THEMES, 'h')}{rng.choice(['提质增效', '健康发展', '加快布局', '规模扩大'])}。"
            )
        else:
            s = rng.choice(CLAUSES)
        parts.append(s)
        size += len(s)
        if rng.random() < 0.2:
            parts.append("\n")
    return title, "".join(parts)


def make_queries(n_articles: int, rng: random.Random) -> tuple[list[dict], dict[int, list[str]]]:
    """200 queries and, per planted article (by 0-based index), the strings put into it."""
    plants: dict[int, list[str]] = {}
    queries: list[dict] = []
    used: set[int] = set()

    def targets(k: int) -> list[int]:
        chosen = []
        while len(chosen) < k:
            i = rng.randrange(n_articles)
            if i not in used:
                used.add(i)
                chosen.append(i)
        return chosen

    common = THEMES[:12] + ["电商", "平台", "零售", "物流", "同比", "增长"]
    variants = []
    for n_terms in (1, 2, 3):
        for j in range(40):
            variants.append((n_terms, j))
    for n_terms, j in variants:
        k = rng.randint(1, 12)
        style = j % 8
        if style < 3:  # a two-character name
            needle = NEEDLES_2[j % len(NEEDLES_2)]
            written, asked = needle, needle
        elif style == 3:  # a name inside a longer one: asked for its first two characters
            long = NEEDLES_LONG[j % len(NEEDLES_LONG)]
            written, asked = long, long[:2]
        elif style == 4:  # printed in Traditional characters, asked in Simplified
            long = list(TRADITIONAL)[j % len(TRADITIONAL)]
            written, asked = TRADITIONAL[long], long
        elif style == 5:  # a Latin name, asked in another case
            name = NEEDLES_LATIN[j % len(NEEDLES_LATIN)]
            written, asked = name, name.upper()
        elif style == 6:  # a phrase in quotes
            long = NEEDLES_LONG[j % len(NEEDLES_LONG)]
            written, asked = long, f'"{long}"'
        else:  # full-width digits and letters asked for a half-width code
            code = f"{NEEDLES_LATIN[j % len(NEEDLES_LATIN)][:3]}{rng.randint(10, 99)}"
            written, asked = code, code.upper().translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
        extra = rng.sample(common, n_terms - 1)
        ids = targets(k)
        for i in ids:
            plants.setdefault(i, []).append(f"{written}{''.join(extra)}")
        queries.append({"q": " ".join([asked, *extra]), "planted": ids, "kind": f"{n_terms} term"})
    for n in range(80):
        n_terms = 1 + n % 3
        words = rng.sample(common, n_terms)
        queries.append({"q": " ".join(words), "planted": None, "kind": "common words"})
    rng.shuffle(queries)
    return queries, plants


# -- the corpus ------------------------------------------------------------------------------------


def build_corpus(path: Path, n: int, seed: int = 11) -> list[dict]:
    """Generate the articles into an SQLite database made by newsdesk (schema, no search index
    yet); returns the queries."""
    from newsdesk.store.db import open_database
    from newsdesk.store.editorial import insert_plain_articles

    rng = random.Random(seed)
    queries, plants = make_queries(n, random.Random(seed + 1))
    engine = open_database(f"sqlite:///{path}")
    start = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    batch = []
    t0 = time.perf_counter()
    for i in range(n):
        title, text = article(rng)
        for planted in plants.get(i, ()):
            # after a sentence: a Latin name glued to a Latin word would be another word
            stops = [k + 1 for k, ch in enumerate(text) if ch == "。"]
            at = rng.choice(stops)
            text = f"{text[:at]}{planted}。{text[at:]}"
        batch.append(
            {
                "url": f"https://bench.invalid/{i}",
                "outlet": OUTLETS[i % len(OUTLETS)],
                "title": title,
                "text": text,
                "published_at": start + dt.timedelta(minutes=i * 3 * 365 * 24 * 60 / n),
            }
        )
        if len(batch) == 10_000:
            insert_plain_articles(engine, batch, index=False)
            batch = []
            print(f"\r  generated {i + 1:,} articles ({time.perf_counter() - t0:.0f} s)", end="", flush=True)
    if batch:
        insert_plain_articles(engine, batch, index=False)
    print()
    engine.dispose()
    for q in queries:  # articles are stored in order: id = index + 1
        if q["planted"] is not None:
            q["planted"] = [i + 1 for i in q["planted"]]
    return queries


# -- tokenizing on every core ----------------------------------------------------------------------


def _tokenize_batch(args):
    from newsdesk.store.search import _tokenize_rows

    rows, postgres = args
    return _tokenize_rows(rows, postgres)


class PoolTokenizer:
    """``tokenize`` for rebuild_search_index: the batch is split over worker processes."""

    def __init__(self, processes: int):
        import multiprocessing

        self.processes = processes
        self.pool = multiprocessing.get_context("fork").Pool(processes)

    def __call__(self, rows, postgres):
        rows = [tuple(r) for r in rows]
        step = max(1, len(rows) // (self.processes * 4))
        chunks = [(rows[i : i + step], postgres) for i in range(0, len(rows), step)]
        out = []
        for part in self.pool.map(_tokenize_batch, chunks):
            out.extend(part)
        return out

    def close(self):
        self.pool.close()
        self.pool.join()


def build_index(url: str, processes: int) -> float:
    from newsdesk.store.db import make_engine
    from newsdesk.store.search import rebuild_search_index

    engine = make_engine(url)
    tokenizer = PoolTokenizer(processes)
    t0 = time.perf_counter()

    def progress(kind, done, total):
        if kind == "articles":
            print(f"\r  indexed {done:,}/{total:,} ({time.perf_counter() - t0:.0f} s)", end="", flush=True)

    rebuild_search_index(engine, progress=progress, tokenize=tokenizer)
    print()
    tokenizer.close()
    engine.dispose()
    return time.perf_counter() - t0


def sqlite_bytes(path: Path, pattern: str) -> int:
    """Bytes of the tables whose names match ``pattern`` (LIKE), from SQLite's dbstat."""
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE ?", (pattern,)).fetchone()[0] or 0


def build_trigram(path: Path) -> float:
    """The baseline: FTS5's trigram tokenizer over the raw title and text, contentless like ours."""
    t0 = time.perf_counter()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE IF EXISTS articles_trigram")
        conn.execute(
            "CREATE VIRTUAL TABLE articles_trigram USING fts5(title, text, content='', tokenize='trigram')"
        )
        conn.execute("INSERT INTO articles_trigram(rowid, title, text) SELECT id, title, text FROM articles")
        conn.execute("INSERT INTO articles_trigram(articles_trigram) VALUES ('optimize')")
        conn.commit()
    return time.perf_counter() - t0


# -- PostgreSQL --------------------------------------------------------------------------------------


def postgres_database(url: str | None, cache: Path, name: str) -> str:
    """A database named ``name`` on the given server, or on a server kept in the cache."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    if url is None:
        from tests.postgres_server import start

        home = Path("/var/tmp/newsdesk-bench/search") if os.geteuid() == 0 else cache
        url = start(home / "postgres")
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first():
            conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def load_postgres(sqlite_path: Path, url: str) -> float:
    from sqlalchemy import text

    from newsdesk.store.db import open_database
    from newsdesk.store.editorial import insert_plain_articles

    engine = open_database(url)
    with engine.begin() as conn:
        conn.execute(text("TRUNCATE articles RESTART IDENTITY CASCADE"))
    t0 = time.perf_counter()
    with sqlite3.connect(sqlite_path) as source:
        cursor = source.execute("SELECT url, outlet, title, text, published_at FROM articles ORDER BY id")
        done = 0
        while rows := cursor.fetchmany(10_000):
            insert_plain_articles(
                engine,
                [
                    {
                        "url": u,
                        "outlet": o,
                        "title": t,
                        "text": x,
                        "published_at": dt.datetime.fromisoformat(p),
                    }
                    for u, o, t, x, p in rows
                ],
                index=False,
            )
            done += len(rows)
            print(
                f"\r  copied {done:,} articles to PostgreSQL ({time.perf_counter() - t0:.0f} s)",
                end="",
                flush=True,
            )
    print()
    engine.dispose()
    return time.perf_counter() - t0


def postgres_index_bytes(url: str) -> tuple[int, int]:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        total = conn.execute(
            text(
                "SELECT pg_total_relation_size('articles_search') "
                "+ pg_total_relation_size('articles_search_docfreq')"
            )
        ).scalar()
        gin = conn.execute(text("SELECT pg_relation_size('ix_articles_search_document')")).scalar()
    engine.dispose()
    return total, gin


# -- running the queries ----------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run_newsdesk(url: str, queries: list[dict]) -> dict:
    from newsdesk.store.db import open_database
    from newsdesk.store.search import search

    engine = open_database(url)
    for q in queries[:10]:  # warm the caches and the connection pool
        search(engine, q["q"], within="articles")
    times, common_times, found, planted = [], [], 0, 0
    capped = 0
    for q in queries:
        t0 = time.perf_counter()
        results = search(engine, q["q"], within="articles", limit=20)  # a page, as an editor sees it
        elapsed = (time.perf_counter() - t0) * 1000
        times.append(elapsed)
        capped += results.ranked_among is not None
        if q["planted"] is None:
            common_times.append(elapsed)
            continue
        # recall, untimed: other queries planted the same name, so look past the first page
        deeper = search(
            engine, q["q"], within="articles", limit=min(1000, max(100, results.total)), facets=False
        )
        ids = {hit.id for hit in deeper.hits}
        found += len(ids & set(q["planted"]))
        planted += len(q["planted"])
    engine.dispose()
    return {
        "p50": statistics.median(times),
        "p95": percentile(times, 95),
        "p95_common": percentile(common_times, 95) if common_times else None,
        "recall": found / planted if planted else None,
        "capped": capped,
    }


def _trigram_expression(q: dict) -> str:
    # what a user of the trigram index writes: each term a quoted string, all of them
    terms = []
    for raw in q["q"].split():
        raw = raw.strip('"')
        terms.append('"' + raw.replace('"', '""') + '"')
    return " AND ".join(terms)


def run_trigram(path: Path, queries: list[dict]) -> dict:
    conn = sqlite3.connect(path)
    times, found, planted, two_found, two_planted = [], 0, 0, 0, 0
    for q in queries:
        t0 = time.perf_counter()
        rows = conn.execute(
            "SELECT rowid FROM articles_trigram WHERE articles_trigram MATCH ? ORDER BY bm25(articles_trigram) LIMIT ?",
            (_trigram_expression(q), 100),
        ).fetchall()
        times.append((time.perf_counter() - t0) * 1000)
        if q["planted"] is None:
            continue
        hit = len({r[0] for r in rows} & set(q["planted"]))
        found += hit
        planted += len(q["planted"])
        if any(len(t) == 2 for t in q["q"].split()):
            two_found += hit
            two_planted += len(q["planted"])
    conn.close()
    return {
        "p50": statistics.median(times),
        "p95": percentile(times, 95),
        "recall": found / planted,
        "recall_2char": two_found / two_planted if two_planted else None,
    }


def run_like(path: Path, queries: list[dict], sample: int) -> dict:
    conn = sqlite3.connect(path)
    chosen = [q for q in queries if q["planted"] is not None][:sample]
    times, found, planted = [], 0, 0
    for q in chosen:
        terms = [t.strip('"') for t in q["q"].split()]
        where = " AND ".join("(title LIKE ? OR text LIKE ?)" for _ in terms)
        params = [p for t in terms for p in (f"%{t}%", f"%{t}%")]
        t0 = time.perf_counter()
        rows = conn.execute(f"SELECT id FROM articles WHERE {where} LIMIT ?", (*params, 1000)).fetchall()
        times.append((time.perf_counter() - t0) * 1000)
        found += len({r[0] for r in rows} & set(q["planted"]))
        planted += len(q["planted"])
    conn.close()
    return {
        "p50": statistics.median(times),
        "p95": percentile(times, 95),
        "recall": found / planted,
        "n": len(chosen),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newsdesk-bench" / "search",
    )
    parser.add_argument("--postgres", help="a PostgreSQL server's URL (default: one started in the cache)")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--rebuild", action="store_true", help="build the indexes again")
    parser.add_argument("--like-sample", type=int, default=20, help="queries run with LIKE (each scans all)")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="processes tokenizing")
    args = parser.parse_args()

    n = args.articles
    args.cache.mkdir(parents=True, exist_ok=True)
    db = args.cache / f"articles-g{GENERATOR}-{n}.db"
    meta_path = args.cache / f"articles-g{GENERATOR}-{n}.json"
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}

    def save():
        meta_path.write_text(json.dumps(meta))

    if not db.exists() or "queries" not in meta:
        db.unlink(missing_ok=True)
        print(f"generating {n:,} articles into {db}")
        meta = {"queries": build_corpus(db, n)}
        save()
    queries = meta["queries"]
    url = f"sqlite:///{db}"
    if args.rebuild or "sqlite_index_s" not in meta:
        print("indexing on SQLite (newsdesk: FTS5 over character bigrams)")
        meta["sqlite_index_s"] = build_index(url, args.processes)
        save()
    if args.rebuild or "trigram_index_s" not in meta:
        print("indexing on SQLite (baseline: FTS5 trigram)")
        meta["trigram_index_s"] = build_trigram(db)
        save()
    chars = sqlite3.connect(db).execute("SELECT avg(length(text)) FROM articles").fetchone()[0]
    ours_bytes = sqlite_bytes(db, "articles_search%")
    trigram_bytes = sqlite_bytes(db, "articles_trigram%")
    text_bytes = sqlite_bytes(db, "articles")

    print(f"\n{n:,} articles of {chars:.0f} characters on average; {len(queries)} queries "
          f"({sum(q['planted'] is not None for q in queries)} with planted answers)")  # fmt: skip
    print(f"the articles table itself: {text_bytes / 1e6:,.0f} MB")
    print("load average before the queries: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    rows = []
    ours = run_newsdesk(url, queries)
    rows.append(("newsdesk, SQLite (FTS5, bigrams)", meta["sqlite_index_s"], ours_bytes, ours))
    if not args.no_postgres:
        pg_url = postgres_database(args.postgres, args.cache, f"bench_search_g{GENERATOR}_{n}")
        if args.rebuild or "pg_index_s" not in meta:
            meta["pg_load_s"] = load_postgres(db, pg_url)
            print("indexing on PostgreSQL (newsdesk: tsvector of bigrams, GIN)")
            meta["pg_index_s"] = build_index(pg_url, args.processes)
            save()
        total, gin = postgres_index_bytes(pg_url)
        rows.append(
            ("newsdesk, PostgreSQL (tsvector, GIN)", meta["pg_index_s"], total, run_newsdesk(pg_url, queries))
        )
        print(f"PostgreSQL index: {total / 1e6:,.0f} MB of which GIN {gin / 1e6:,.0f} MB")
    trigram = run_trigram(db, queries)
    rows.append(("baseline: SQLite FTS5 trigram", meta["trigram_index_s"], trigram_bytes, trigram))
    like = run_like(db, queries, args.like_sample)
    rows.append((f"baseline: LIKE '%…%' ({like['n']} queries)", 0.0, 0, like))

    print(f"\n{'':40} {'index s':>8} {'size MB':>8} {'p50 ms':>8} {'p95 ms':>8} {'recall':>7}")
    for name, seconds, size, r in rows:
        recall = f"{r['recall']:.3f}" if r.get("recall") is not None else "—"
        print(f"{name:40} {seconds:8.0f} {size / 1e6:8.0f} {r['p50']:8.1f} {r['p95']:8.1f} {recall:>7}")
    for name, _, _, r in rows:
        if r.get("p95_common") is not None:
            print(f"{name}: p95 of the common-word queries {r['p95_common']:.1f} ms; "
                  f"{r['capped']} queries matched more than the ranking limit")  # fmt: skip
    print(f"trigram recall on queries with a two-character term: {trigram['recall_2char']:.3f}")
    print("load average after the queries: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print("targets: p95 ≤ 20 ms on SQLite, ≤ 30 ms on PostgreSQL, recall 1.0")


if __name__ == "__main__":
    main()
