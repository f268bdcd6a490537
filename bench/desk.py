"""The editor's desk under load: 20 editors on loopback paging the inbox and opening clusters.

A fresh SQLite database gets ``--articles`` generated articles (~400 characters, 25 outlets,
60 days) grouped into ``--clusters`` clusters with their candidate items; ``newsdesk serve``
runs in its own process; ``--clients`` concurrent clients each sign in, then for
``--seconds`` open the inbox, page through it (pages 1–5, sometimes filtered by column or
outlet) and open a cluster from the page, with no pause between requests. Prints requests/s
and p50/p95/p99 latency, overall and per kind of page; a baseline: the same clients fetching
a static file from the same server (what the server and the client cost alone); and one
client alone, whose latency is the time a page takes to serve.

    .venv/bin/python bench/desk.py [--articles 100000] [--clusters 20000] [--clients 20] [--seconds 60]
        [--workers N] [--keep DIR] [--lean]

The clients are httpx's; on this machine they take about as much CPU per request as the
server, on the same cores. ``--lean`` measures once more with a minimal keep-alive client.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = [
    "新华社", "人民网", "经济日报", "国际商报", "中国商报", "电商报", "央视网", "澎湃新闻", "第一财经日报",
    "21世纪经济报道", "证券日报", "中国经济网", "中国新闻网", "网经社", "亿邦动力", "人民日报", "新华网",
    "中国消费者报", "商务部网站", "工信微报", "光明日报", "经济参考报", "南方日报", "北京商报", "界面新闻",
]  # fmt: skip
COLUMNS = ["行业资讯", "政策法规", "数据观察", "专家视点", "悦读电商"]
PASSWORD = "bench password"


def build(url: str, n_articles: int, n_clusters: int, seed: int = 7) -> None:
    from newsdesk.desk.security import hash_password
    from newsdesk.store.db import open_database
    from newsdesk.store.desk import add_user
    from newsdesk.store.editorial import CandidateRow, ClusterPlan, insert_plain_articles, save_run

    rng = random.Random(seed)
    alphabet = "电商平台跨境物流消费者数据增长同比市场企业发布报告显示今年上半年全国网上零售额直播农村快递业务量政策监管规定"
    start = dt.datetime(2022, 5, 1, tzinfo=dt.UTC)
    engine = open_database(url)
    batch = []
    for i in range(n_articles):
        words = "".join(rng.choices(alphabet, k=400))
        text = "。\n".join(words[k : k + 100] for k in range(0, 400, 100)) + "。"
        batch.append(
            {
                "url": f"https://bench.invalid/{i}",
                "outlet": OUTLETS[i % len(OUTLETS)],
                "title": f"{words[:18]}（{i}）",
                "text": text,
                "published_at": start + dt.timedelta(minutes=i * 60 * 24 * 60 / n_articles),
            }
        )
        if len(batch) == 5000:
            insert_plain_articles(engine, batch)
            batch = []
    if batch:
        insert_plain_articles(engine, batch)
    size = max(1, n_articles // n_clusters)
    plans = []
    for c in range(n_clusters):
        members = list(range(c * size + 1, c * size + size + 1))
        lead = members[0]
        column = COLUMNS[c % len(COLUMNS)]
        outlet = OUTLETS[(lead - 1) % len(OUTLETS)]
        plans.append(
            ClusterPlan(
                existing_ids=[],
                member_ids=members,
                lead_article_id=lead,
                candidate=CandidateRow(
                    lead_article_id=lead,
                    title=f"候选{c}：" + "".join(rng.choice(alphabet) for _ in range(16)),
                    body="".join(rng.choice(alphabet) for _ in range(300)),
                    column_name=column,
                    confidence=rng.random(),
                    column_reasons=[f"model: 0.{rng.randrange(10, 99)} for {column}"],
                    relevance=rng.random(),
                    relevance_reasons=["beat words: 电商"],
                    outlet=outlet,
                    outlet_mark="《》",
                    attribution_line=f"来源：《{outlet}》 编选：《电子商务动态》编辑部 2022 年 06 月 28 日",
                ),
                new_member_reasons={m: ["bench"] for m in members[1:]},
            )
        )
        if len(plans) == 2000:
            save_run(engine, [], plans, [])
            plans = []
    if plans:
        save_run(engine, [], plans, [])
    add_user(engine, "bench", "editor", hash_password(PASSWORD))
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LeanHTTP:
    """GET over one keep-alive HTTP/1.1 connection with the session cookie, and nothing else:
    a client that costs a tenth of httpx's CPU, for ``--lean`` (what the server does when the
    load generator does not take the cores it runs on)."""

    def __init__(self, base: str, cookies: dict[str, str]):
        host, port = base.removeprefix("http://").split(":")
        self.host, self.port, self.cookies = host, int(port), dict(cookies)
        self.reader = self.writer = None

    async def get(self, path: str) -> tuple[int, str]:
        from urllib.parse import quote

        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        request = f"GET {quote(path, safe='/?=&')} HTTP/1.1\r\nHost: {self.host}\r\nCookie: {cookie}\r\n\r\n"
        self.writer.write(request.encode("ascii"))
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        length = 0
        for line in head[1:]:
            name, _, value = line.partition(":")
            name = name.lower()
            if name == "content-length":
                length = int(value)
            elif name == "set-cookie":
                key, _, rest = value.strip().partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        body = await self.reader.readexactly(length)
        return status, body.decode("utf-8")

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def client(
    base: str, seconds: float, latencies: dict, rng: random.Random, static_only: bool, lean: bool = False
) -> None:
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        page = await http.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        done = await http.post(
            "/login", data={"username": "bench", "password": PASSWORD, "csrf_token": token, "next": "/inbox"}
        )
        assert done.status_code in (200, 303), done.status_code
        raw = LeanHTTP(base, dict(http.cookies.items())) if lean else None
        stop = time.perf_counter() + seconds
        candidates: list[str] = []
        while time.perf_counter() < stop:
            if static_only:
                kind, path = "static", "/static/desk.css"
            else:
                roll = rng.random()
                if roll < 0.4 and candidates:
                    kind, path = "cluster", f"/clusters/{rng.choice(candidates)}"
                elif roll < 0.55:
                    kind = "inbox filtered"
                    path = rng.choice(
                        [f"/inbox?column={rng.choice(COLUMNS)}", f"/inbox?outlet={rng.choice(OUTLETS)}"]
                    )
                else:
                    kind, path = "inbox", f"/inbox?page={rng.randint(1, 5)}"
            t0 = time.perf_counter()
            if raw is not None:
                status, text = await raw.get(path)
            else:
                answer = await http.get(path)
                status, text = answer.status_code, answer.text
            elapsed = time.perf_counter() - t0
            if status != 200:
                raise SystemExit(f"{path}: HTTP {status}")
            latencies.setdefault(kind, []).append(elapsed)
            if kind.startswith("inbox"):
                found = re.findall(r'data-candidate="(\d+)"', text)
                if found:
                    candidates = found
        if raw is not None:
            await raw.close()


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) of the server and its worker processes so far (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == pid or int(fields[1]) == pid:  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(title: str, latencies: dict, seconds: float) -> None:
    every = [x for v in latencies.values() for x in v]
    print(f"{title}: {len(every) / seconds:,.1f} requests/s over {seconds:.0f} s ({len(every):,} requests)")
    for kind, values in [("all", every), *sorted(latencies.items())]:
        print(
            f"  {kind:<15} n={len(values):>6}  p50 {percentile(values, 0.5) * 1000:6.1f} ms  "
            f"p95 {percentile(values, 0.95) * 1000:6.1f} ms  p99 {percentile(values, 0.99) * 1000:6.1f} ms  "
            f"mean {statistics.fmean(values) * 1000:6.1f} ms"
        )


def run_load(base: str, clients: int, seconds: float, static_only: bool = False, lean: bool = False) -> dict:
    latencies: dict = {}

    async def main() -> None:
        await asyncio.gather(
            *(client(base, seconds, latencies, random.Random(n), static_only, lean) for n in range(clients))
        )

    asyncio.run(main())
    return latencies


def measure(pid: int, base: str, args, who: str, started: list[str], lean: bool = False) -> float:
    """The load of ``args.clients`` clients for ``args.seconds``: latencies, and the CPU per
    request of the server's processes and of the clients; returns p95 in ms."""
    cpu_before, load_before = server_cpu(pid), os.getloadavg()[0]
    client_before = time.process_time()
    measured = run_load(base, args.clients, args.seconds, lean=lean)
    cpu = server_cpu(pid) - cpu_before
    client_cpu = time.process_time() - client_before
    n = sum(len(v) for v in measured.values())
    report(
        f"desk, {who} (inbox, its pages and filters, clusters); {' '.join(started)}", measured, args.seconds
    )
    print(
        f"  CPU per request: server {cpu * 1000 / max(n, 1):.1f} ms (user + system of its processes), "
        f"these clients {client_cpu * 1000 / max(n, 1):.1f} ms; "
        f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores"
    )
    return percentile([x for v in measured.values() for x in v], 0.95) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--clusters", type=int, default=20_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--workers", type=int, help="server processes (newsdesk serve --workers; default: serve's own)"
    )
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="build the database in DIR and keep it; a later run with the same DIR reuses it",
    )
    parser.add_argument(
        "--lean",
        action="store_true",
        help="then the same load again from a minimal HTTP client (a tenth of httpx's CPU per request)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="newsdesk-desk-bench-") as scratch:
        folder = str(args.keep.resolve()) if args.keep else scratch
        Path(folder).mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{Path(folder) / 'newsdesk.db'}"
        if args.keep and (Path(folder) / "newsdesk.db").exists():
            print(f"database: reused {Path(folder) / 'newsdesk.db'}")
        else:
            t0 = time.perf_counter()
            build(url, args.articles, args.clusters)
            print(
                f"database: {args.articles:,} articles, {args.clusters:,} clusters in {time.perf_counter() - t0:.1f} s"
            )
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
        env["NEWSDESK_DATA_DIR"] = folder
        log = open(Path(folder) / "serve.log", "wb")  # noqa: SIM115 - closed with the folder
        workers = ["--workers", str(args.workers)] if args.workers else []
        server = subprocess.Popen(
            [sys.executable, "-m", "newsdesk", "--database", url, "serve", "--port", str(port), *workers],
            env=env,
            cwd=folder,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                        break
                except OSError:
                    time.sleep(0.1)
            else:
                raise SystemExit("the desk did not start: " + (Path(folder) / "serve.log").read_text())
            run_load(base, 2, 3)  # warm up
            baseline = run_load(base, args.clients, min(10.0, args.seconds), static_only=True)
            report(
                f"baseline, {args.clients} clients fetching a static file", baseline, min(10.0, args.seconds)
            )
            alone = run_load(base, 1, min(10.0, args.seconds))
            report(
                "desk, one client alone (the time a request takes to serve)", alone, min(10.0, args.seconds)
            )
            started = (Path(folder) / "serve.log").read_text(errors="replace").splitlines()[:1]
            p95 = measure(server.pid, base, args, f"{args.clients} clients (httpx)", started)
            verdict = (
                f"p95 {p95:.1f} ms with httpx clients (target < 100 ms): {'met' if p95 < 100 else 'NOT met'}"
            )
            if args.lean:
                lean = measure(server.pid, base, args, f"{args.clients} lean clients", started, lean=True)
                # the clients share the server's cores: httpx's own CPU per request is about
                # the server's, the lean client's a tenth of it
                verdict += f"; p95 {lean:.1f} ms with lean clients: {'met' if lean < 100 else 'NOT met'}"
            print(verdict)
        except BaseException:
            print((Path(folder) / "serve.log").read_text()[-3000:], file=sys.stderr)
            raise
        finally:
            server.terminate()
            server.wait(timeout=20)
            log.close()


if __name__ == "__main__":
    main()
