"""Start-up time of the commands an editor runs all day, beside ``python -c pass``.

Each command runs in a fresh process, ``--runs`` times (10 by default), after one warm-up
run that is not counted (it fills the operating system's file cache, Python's bytecode
cache and newsdesk's own: the column model file, jieba's dictionary, the fitted pair
model). The table gives wall time and, since the machine is shared, the CPU time (user +
system) of the process, which other load disturbs much less. The database is an SQLite
file in a temporary folder holding the bundled sample issues; ``classify`` reads three
items, ``process`` has nothing to do. Bytecode is cached as in a user's installation:
PYTHONDONTWRITEBYTECODE is dropped and the cache goes to a temporary PYTHONPYCACHEPREFIX.
In the same run, ``python -X importtime -c "import newsdesk.cli"`` gives the import time
of the command line itself and its largest imports.

    .venv/bin/python bench/startup.py [--runs 10] [--markdown]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ISSUES = ROOT / "src" / "newsdesk" / "samples" / "issues"
ITEMS = [
    {
        "title": "商务部等部门印发《关于加快发展数字贸易的意见》",
        "body": "商务部会同有关部门印发意见，自发布之日起施行。",
    },
    {
        "title": "上半年全国网上零售额同比增长12.3%",
        "body": "国家统计局数据显示，上半年全国网上零售额6.3万亿元，同比增长12.3%。",
    },
    {
        "title": "专家：直播电商要走向规范",
        "body": "有专家认为，直播电商的关键在于规范，也要看到其带动就业的作用。",
    },
]
TARGETS = {"--help": 0.3, "issues": 0.5, "classify": 1.5}


def newsdesk_command() -> list[str]:
    script = Path(sys.executable).with_name("newsdesk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newsdesk"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: list[str], cwd: Path, env: dict[str, str], runs: int) -> list[tuple[float, float]] | None:
    """(wall, CPU) seconds of ``runs`` runs after a warm-up, or None when the command fails."""

    def once() -> tuple[float, float] | None:
        cpu = _children_cpu()
        start = time.perf_counter()
        done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True)
        elapsed = time.perf_counter() - start, _children_cpu() - cpu
        if done.returncode != 0:
            last = done.stderr.decode(errors="replace").strip().splitlines()[-1:]
            print(f"{' '.join(argv[-2:])}: exit status {done.returncode} {' '.join(last)}", file=sys.stderr)
            return None
        return elapsed

    if once() is None:  # warm-up: file cache, model caches
        return None
    return [once() for _ in range(runs)]


def import_profile(env: dict[str, str], top: int = 8) -> tuple[float, list[tuple[float, str]]]:
    """Seconds to import newsdesk.cli, and the largest top-level packages it pulls in."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import newsdesk.cli"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    total = 0.0
    packages: dict[str, float] = {}  # self time of every module, summed per top-level package
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| +(\S+)", line)
        if not m:
            continue
        own, cumulative, name = int(m.group(1)), int(m.group(2)), m.group(3)
        if name == "newsdesk.cli":
            total = cumulative / 1e6
        root = name.split(".")[0]
        packages[root] = packages.get(root, 0.0) + own / 1e6
    largest = sorted(((s, n) for n, s in packages.items()), reverse=True)[:top]
    return total, largest


def machine_speed() -> float:
    """Seconds of a fixed pure-Python loop (best of three): the machine is a shared virtual
    one whose speed varies several-fold with its neighbours' load, which the load average
    inside it does not show."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for i in range(5_000_000):
            total += i
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--train-runs", type=int, default=3, help="train does real work: fewer runs")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args()

    nd = newsdesk_command()
    with tempfile.TemporaryDirectory(prefix="newsdesk-startup-") as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
        env["NEWSDESK_DATABASE_URL"] = f"sqlite:///{work / 'newsdesk.db'}"
        env["NEWSDESK_DATA_DIR"] = str(work / "data")
        env["NO_COLOR"] = "1"
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        items = work / "items.jsonl"
        items.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in ITEMS) + "\n", encoding="utf-8")
        subprocess.run(
            [*nd, "import", str(SAMPLE_ISSUES)], cwd=work, env=env, capture_output=True, check=True
        )

        commands = [
            ("python -c pass", [sys.executable, "-c", "pass"], args.runs),
            ("newsdesk --version", [*nd, "--version"], args.runs),
            ("newsdesk --help", [*nd, "--help"], args.runs),
            ("newsdesk issues", [*nd, "issues"], args.runs),
            ("newsdesk classify (3 items)", [*nd, "classify", str(items)], args.runs),
            ("newsdesk process (nothing to do)", [*nd, "process"], args.runs),
            ("newsdesk train", [*nd, "train"], args.train_runs),
        ]
        rows = []
        for label, argv, runs in commands:
            times = timed(argv, work, env, runs)
            if times is None:
                rows.append((label, float("nan"), float("nan"), float("nan"), float("nan"), 0))
                continue
            wall = [w for w, _ in times]
            cpu = [c for _, c in times]
            rows.append((label, statistics.median(wall), min(wall), max(wall), statistics.median(cpu), runs))
        cli_import, largest = import_profile(env)
        shutil.rmtree(work / "data", ignore_errors=True)

    base_wall, base_cpu = rows[0][1], rows[0][4]
    load = os.getloadavg()[0]
    speed = machine_speed()
    if args.markdown:
        print(
            "| command | wall median s | min | max | over `python -c pass` | CPU median s | over pass | runs |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for label, med, lo, hi, cpu, runs in rows:
            print(
                f"| `{label}` | {med:.2f} | {lo:.2f} | {hi:.2f} | {med - base_wall:+.2f} "
                f"| {cpu:.2f} | {cpu - base_cpu:+.2f} | {runs} |"
            )
    else:
        print(f"{'command':36} {'wall':>6} {'min':>6} {'max':>6} {'+pass':>6} {'CPU':>6} {'+pass':>6} runs")
        for label, med, lo, hi, cpu, runs in rows:
            print(
                f"{label:36} {med:6.2f} {lo:6.2f} {hi:6.2f} {med - base_wall:+6.2f} "
                f"{cpu:6.2f} {cpu - base_cpu:+6.2f} {runs:4}"
            )
    print(f"\nload average at the end: {load:.1f} on {os.cpu_count()} cores")
    print(
        f"machine speed: a 5,000,000-step Python loop takes {speed:.2f} s (about 0.3 s when this "
        "machine's host is quiet; the figures above scale with it)"
    )
    print(f"\nimport newsdesk.cli: {cli_import:.2f} s (python -X importtime); largest imports:")
    print("  " + ", ".join(f"{name} {seconds:.2f}" for seconds, name in largest))
    over = [
        f"{label} {med:.2f} s > {limit} s"
        for label, med, *_ in rows
        for key, limit in TARGETS.items()
        if label.split(" (")[0].endswith(key) and med > limit
    ]
    print("targets (--help ≤ 0.3 s, issues ≤ 0.5 s, classify ≤ 1.5 s): " + ("; ".join(over) or "met"))


if __name__ == "__main__":
    main()
