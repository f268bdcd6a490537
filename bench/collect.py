"""Collection throughput: 2,000 article pages served from loopback, collected end to end into SQLite.

Prints articles/s and peak memory of the collector, and, in the same run, the baseline: calling
trafilatura's extraction on the same pages in a plain loop, in as many processes as the
collector extracts in (like with like: parallel against parallel). Target: end to end at least 0.8 of
the baseline's rate, peak memory under 500 MB.

    .venv/bin/python bench/collect.py [--pages 2000] [--feeds 20]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import random
import resource
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import trafilatura

from newsdesk.collect.runner import collect_due, make_extraction_pool
from newsdesk.config import CollectSettings
from newsdesk.store.articles import count_articles
from newsdesk.store.db import open_database
from newsdesk.store.sources import add_source

BEIJING = timezone(timedelta(hours=8))

SUBJECTS = [
    "商务部",
    "国家统计局",
    "海关总署",
    "国家邮政局",
    "中国电子商务研究中心",
    "各地商务主管部门",
    "主要电商平台",
    "行业协会",
]
VERBS = [
    "发布数据显示",
    "有关负责人介绍",
    "在新闻发布会上表示",
    "近日印发通知指出",
    "调研发现",
    "监测数据显示",
]
TOPICS = [
    "全国网上零售额",
    "实物商品网上零售额",
    "跨境电商进出口规模",
    "农村网络零售额",
    "快递业务量",
    "即时零售订单量",
    "直播电商交易额",
    "绿色智能家电网络销售额",
    "农产品网络零售额",
    "数字服务贸易额",
]
TAILS = [
    "较上年同期有所提高，显示出网络消费较强的韧性。",
    "增速比一季度加快，消费市场呈现恢复态势。",
    "中西部地区增速快于东部，区域发展更加协调。",
    "新业态新模式持续涌现，带动就业创业。",
    "业内人士认为，下半年有望保持平稳增长。",
    "专家建议进一步完善物流配送体系，降低流通成本。",
]
NAV = [
    "首页",
    "时政",
    "国际",
    "财经",
    "科技",
    "社会",
    "评论",
    "图片",
    "视频",
    "地方",
    "教育",
    "健康",
    "汽车",
    "房产",
]


def sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(SUBJECTS)}{rng.choice(VERBS)}，{rng.randint(1, 12)}月份{rng.choice(TOPICS)}达到"
        f"{rng.randint(100, 99999) / 10:.1f}亿元，同比增长{rng.randint(1, 400) / 10:.1f}%，{rng.choice(TAILS)}"
    )


def page_html(index: int) -> tuple[str, str]:
    """Page ``index`` and its encoding: ~20 KB of news markup with navigation and footers."""
    rng = random.Random(index)
    encoding = "gbk" if index % 4 == 0 else "utf-8"
    title = f"{rng.choice(SUBJECTS)}：{rng.choice(TOPICS)}保持增长（第{index}号）"
    when = datetime(2022, 6, 1, 8, tzinfo=BEIJING) + timedelta(minutes=37 * index)
    nav = "".join(f'<li><a href="/{i}/index.html">{name}</a></li>' for i, name in enumerate(NAV))
    paragraphs = "\n".join(f"<p>{sentence(rng)}{sentence(rng)}</p>" for _ in range(rng.randint(52, 62)))
    related = "".join(
        f'<li><a href="/n1/2022/{rng.randint(1000, 9999)}.html">{rng.choice(TOPICS)}相关报道{k}</a></li>'
        for k in range(20)
    )
    footer_links = "".join(f'<a href="/about/{k}.html">关于我们{k}</a> | ' for k in range(20))
    html = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{encoding}">
<title>{title}--财经--示例网</title>
<meta name="keywords" content="电子商务,网络零售,{rng.choice(TOPICS)}">
<meta name="description" content="{sentence(rng)}">
<link rel="stylesheet" href="/css/main.css"><script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>
</head><body>
<div class="header"><div class="logo"><a href="/">示例网</a></div><ul class="nav">{nav}</ul>
<div class="search"><form action="/search"><input name="q"><button>搜索</button></form></div></div>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/finance/">财经</a> &gt; 正文</div>
<div class="container"><div class="main">
<h1>{title}</h1>
<div class="info">{when:%Y年%m月%d日 %H:%M}　来源：示例网　作者：记者{rng.choice("王李张刘陈杨")}{rng.choice("明华强丽军")}</div>
<div class="article-content" id="rwb_zw">
{paragraphs}
</div>
<div class="editor">（责任编辑：{rng.choice("王李张")}编辑）</div>
<div class="share">分享到：微信 微博 QQ空间</div></div>
<div class="sidebar"><h3>相关新闻</h3><ul>{related}</ul><h3>热点排行</h3><ul>{related}</ul></div></div>
<div class="footer"><p>{footer_links}</p><p>示例网版权所有 未经授权禁止复制或建立镜像</p>
<p>京ICP证000000号 京公网安备00000000000000号</p></div>
</body></html>"""
    return html, encoding


# -- the server, in its own process so that it does not share the collector's interpreter -----------


def serve(port_queue, pages: int, feeds: int) -> None:
    per_feed = pages // feeds
    # Rendered up front: the server's work per request should be what a real server's is, sending.
    rendered = {}
    for index in range(pages):
        html, encoding = page_html(index)
        rendered[index] = (html.encode(encoding), f"text/html; charset={encoding}")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            path = self.path.split("?", 1)[0]
            if path.startswith("/feed/"):
                feed = int(path.split("/")[2].split(".")[0])
                items = []
                for index in range(feed * per_feed, (feed + 1) * per_feed):
                    when = datetime(2022, 6, 1, 8, tzinfo=BEIJING) + timedelta(minutes=37 * index)
                    items.append(
                        f"<item><title>第{index}号</title><link>http://127.0.0.1:{port}/n/{index}.html?utm_source=rss</link>"
                        f"<pubDate>{format_datetime(when)}</pubDate></item>"
                    )
                body = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>示例网{feed}</title>{"".join(items)}</channel></rss>'.encode()
                content_type = "application/rss+xml"
            elif path.startswith("/n/"):
                body, content_type = rendered[int(path[3:].split(".")[0])]
            else:
                body, content_type = b"not found", "text/plain"
                self.send_response(404)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port = server.server_address[1]
    port_queue.put(port)
    server.serve_forever()


# -- memory -------------------------------------------------------------------------------------------


class MemorySampler(threading.Thread):
    """Peak of the summed resident memory of this process and its children (the extraction pool)."""

    def __init__(self, exclude: set[int]) -> None:
        super().__init__(daemon=True)
        self.exclude = exclude
        self.peak = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, self.total())
            time.sleep(0.05)

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak

    def total(self) -> int:
        pids = [os.getpid()]
        try:
            children = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read_text().split()
            pids += [int(p) for p in children if int(p) not in self.exclude]
        except OSError:
            pass
        return sum(_rss(pid) for pid in pids)


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _ready(_: int) -> bool:
    return True


def _extract_pages(indexes: list[int]) -> int:
    for index in indexes:
        html, _encoding = page_html(index)
        trafilatura.bare_extraction(html, url=f"http://127.0.0.1/n/{index}.html", with_metadata=True)
    return len(indexes)


# -- main -----------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--feeds", type=int, default=20)
    args = parser.parse_args()
    pages = args.pages - args.pages % args.feeds

    sizes = [len(page_html(i)[0].encode(page_html(i)[1])) for i in range(0, pages, max(1, pages // 50))]
    print(
        f"{pages} pages of ~{sum(sizes) / len(sizes) / 1024:.1f} KB each, {args.feeds} feeds, {os.cpu_count()} cores"
    )

    context = multiprocessing.get_context("fork")
    port_queue = context.Queue()
    server = context.Process(target=serve, args=(port_queue, pages, args.feeds), daemon=True)
    server.start()
    port = port_queue.get(timeout=120)

    settings = CollectSettings(
        allow_networks=["loopback"],
        per_host_interval_seconds=0.0,
        per_host_concurrency=16,
        concurrency=16,
        max_articles_per_source=pages,
    )
    with tempfile.TemporaryDirectory() as folder:
        engine = open_database(f"sqlite:///{folder}/bench.db")
        for feed in range(args.feeds):
            add_source(
                engine,
                name=f"示例网{feed}",
                location=f"http://127.0.0.1:{port}/feed/{feed}.xml",
                kind="feed",
                interval_seconds=1800,
            )
        pool = make_extraction_pool(settings)
        sampler = MemorySampler(exclude={server.pid})
        sampler.start()
        started = time.perf_counter()
        outcomes = asyncio.run(collect_due(engine, settings, pool))
        elapsed = time.perf_counter() - started
        peak = sampler.stop()
        pool.shutdown()
        stored = count_articles(engine)
        failed = [o for o in outcomes if o.error or o.article_errors]
    server.terminate()
    if failed or stored != pages:
        print(
            f"WARNING: {stored} of {pages} stored; problems: {[(o.source, o.error, o.article_errors[:1]) for o in failed][:3]}"
        )
    end_to_end = stored / elapsed
    main_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    # The baseline with as many processes as the collector extracts in: each runs
    # trafilatura over its share of the pages (decoded beforehand), timed from the start of
    # the first to the end of the last — parallel against parallel.
    workers = settings.extract_workers or os.cpu_count() or 1
    shares = [list(range(k, pages, workers)) for k in range(workers)]
    with context.Pool(workers) as baseline_pool:
        baseline_pool.map(_ready, range(workers))  # started before the clock
        tick = time.perf_counter()
        baseline_pool.map(_extract_pages, shares)
        extraction = time.perf_counter() - tick
    baseline = pages / extraction

    print(
        f"end to end : {stored} articles in {elapsed:.1f} s = {end_to_end:.1f} articles/s (fetch, decode, extract, store)"
    )
    print(
        f"baseline   : trafilatura.bare_extraction in a plain loop, in {workers} processes as the "
        f"collector's extraction = {baseline:.1f} pages/s"
    )
    print(f"ratio      : {end_to_end / baseline:.2f} of the baseline (target >= 0.80)")
    print(
        f"peak memory: {peak / 2**20:.0f} MB collector incl. extraction workers "
        f"(main process alone {main_peak / 2**20:.0f} MB; target < 500 MB)"
    )


if __name__ == "__main__":
    main()
