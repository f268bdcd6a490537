"""Workers on PostgreSQL: 1, 2 and 4 ``newsdesk worker`` processes through the same backlog.

The backlog: ``--sources`` feeds (20 by default) of ``--articles`` article pages each (25),
served from loopback with ``--latency`` seconds (0.05) before each answer, as a remote site
would; every source is due. For each number of workers a fresh database gets the same sources
and the workers run with ``--until-idle`` (collection of every source, then processing of what
was collected) until no job is left. Printed per run: wall time, articles/s end to end, the
seconds spent in processing batches (which run one at a time whatever the number of workers),
and the checks: every article stored once, every article page and feed fetched once, every
article processed once (the batches' counts add up to the articles, each has its analysis).

The column model is trained once before the runs (the first ``process`` of a fresh
installation does it) and is not counted. Politeness towards one host is turned off
(``per_host_interval_seconds = 0``): all the feeds are on 127.0.0.1.

    .venv/bin/python bench/workers.py [--workers 1 2 4] [--sources 20] [--articles 25]
        [--latency 0.05] [--concurrency 4] [--postgres URL]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.postgres_server, the loopback server of the tests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--sources", type=int, default=20)
    parser.add_argument("--articles", type=int, default=25, help="article pages per source")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds before each answer")
    parser.add_argument("--concurrency", type=int, default=4, help="jobs at once per worker")
    parser.add_argument("--postgres", help="a PostgreSQL server's URL (default: a throwaway one)")
    args = parser.parse_args()

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from tests.collect.conftest import LoopbackServer
    from tests.jobs.conftest import serve_outlet, worker_environment
    from tests.postgres_server import start, stop

    from newsdesk.editorial.columns import ColumnModel, with_bundled

    work = Path(tempfile.mkdtemp(prefix="newsdesk-bench-workers-"))
    server_url = args.postgres or start(work / "postgres")
    model = work / "columns.pkl"
    model.write_bytes(ColumnModel().fit(with_bundled([])).dumps())
    site = LoopbackServer()
    site.start()
    print(
        f"{args.sources} sources × {args.articles} articles, {args.latency * 1000:.0f} ms per answer, "
        f"{args.concurrency} jobs per worker, {os.cpu_count()} cores"
    )
    print(f"{'workers':>7} {'articles':>8} {'wall s':>7} {'art/s':>6} {'process s':>9}  checks")
    try:
        for count in args.workers:
            name = f"bench_workers_{count}"
            admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                conn.execute(text(f"CREATE DATABASE {name}"))
            admin.dispose()
            url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
            site.routes.clear()
            site.hits.clear()
            feeds = _backlog(site, serve_outlet, count, args)
            _add_sources(url, feeds)
            env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
            env.update(worker_environment(url, work / name, model))
            env["NEWSDESK_COLLECT__EXTRACT_WORKERS"] = "0"  # one per core, as by default
            env["NEWSDESK_EDITORIAL__WORKERS"] = "0"
            logs = [work / f"{name}-{i}.log" for i in range(count)]
            started = time.perf_counter()
            processes = [
                subprocess.Popen(
                    [sys.executable, "-m", "newsdesk", "worker", "--until-idle"]
                    + ["--concurrency", str(args.concurrency), "--heartbeat", "2"],
                    env=env,
                    cwd=work,
                    stdout=log.open("w"),
                    stderr=subprocess.STDOUT,
                )
                for log in logs
            ]
            codes = [p.wait() for p in processes]
            wall = time.perf_counter() - started
            text_of_logs = "".join(log.read_text() for log in logs)
            stored, distinct, analysed = _counts(url)
            expected = args.sources * args.articles
            processed = sum(int(n) for n in re.findall(r"processed (\d+) article", text_of_logs))
            process_s = sum(
                float(s) for s in re.findall(r"processed \d+ article.*? in ([\d.]+)s", text_of_logs)
            )
            pages = [path for path in site.hits if path.endswith(".html")]
            checks = {
                "exit 0": all(code == 0 for code in codes),
                "stored once": stored == distinct == expected,
                "fetched once": len(pages) == expected
                and all(site.hits[p] == 1 for p in site.hits if p != "/robots.txt"),
                "processed once": processed == analysed == expected,
            }
            failed = [k for k, ok in checks.items() if not ok]
            print(
                f"{count:>7} {stored:>8} {wall:>7.1f} {stored / wall:>6.1f} {process_s:>9.1f}  "
                + ("all passed" if not failed else "FAILED: " + ", ".join(failed) + f" (logs in {work})")
            )
            admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            admin.dispose()
    finally:
        site.stop()
        if not args.postgres:
            stop(work / "postgres")


def _backlog(site, serve_outlet, run: int, args) -> dict[str, str]:
    from tests.collect.conftest import Reply

    feeds = {}
    for index in range(args.sources):
        slug = f"r{run}s{index}"
        feeds[f"来源{index:03d}"] = serve_outlet(site, slug, f"来源{index:03d}", args.articles)
    if args.latency:
        for path, route in list(site.routes.items()):
            site.routes[path] = Reply(body=route.body, headers=route.headers, delay=args.latency)
    return feeds


def _add_sources(url: str, feeds: dict[str, str]) -> None:
    from newsdesk.store import sources as source_store
    from newsdesk.store.db import open_database

    engine = open_database(url)
    for name, feed in feeds.items():
        source_store.add_source(engine, name=name, location=feed, kind="feed", interval_seconds=3600)
    engine.dispose()


def _counts(url: str) -> tuple[int, int, int]:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        stored, distinct = conn.execute(text("SELECT count(*), count(DISTINCT url) FROM articles")).one()
        analysed = conn.execute(
            text("SELECT count(*) FROM article_analysis a JOIN articles r ON r.id = a.article_id")
        ).scalar_one()
    engine.dispose()
    return stored, distinct, analysed


if __name__ == "__main__":
    main()
