"""The whole ``process`` stage, in articles per second, on the demo corpus scaled up.

The demo corpus (the 60-odd articles ``make demo`` collects from its loopback sites and
folder) is collected once; the archive is the bundled sample issues. The corpus is then
scaled up (see ``scaled``),
published at about 2,000 articles a day, one in ten a reprint — so that the stage does the work it does on a
real day: clean-up, figures, tags, clustering against the window, column, relevance,
condensation, attribution, storage in SQLite.

Beside it, in the same run, the floor of the stage: jieba alone cutting the same texts, in as
many processes as ``process`` prepares articles in.

    .venv/bin/python bench/process.py [--articles 10000] [--chars 1000] [--window N]

As the product runs it, a run reopens the clusters of the last days first: ``--window``
articles (by default as many as the timed run) are processed before the clock starts, so
that the timed run reopens them — from the preparation the earlier run kept — before it
clusters its own. Beside it, the same window reopened with the preparation made afresh.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import random
import re
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ISSUES = ROOT / "src" / "newsdesk" / "samples" / "issues"
PER_DAY = 2000


def demo_corpus(settings) -> list:
    from rich.console import Console

    import newsdesk.commands.collect as collect_commands
    from newsdesk.store.editorial import unprocessed_articles
    from newsdesk.store.session import engine_for

    collect_commands.console = Console(quiet=True)  # the bench prints its own lines
    collect_commands.run_demo_collect(settings)
    return unprocessed_articles(engine_for(settings))


def scaled(corpus: list, n: int, target_chars: int = 0, seed: int = 3) -> list[dict]:
    """``n`` articles from the demo corpus: each an altered copy of a demo article (half of
    its characters swapped for others of the corpus, its figures changed), lengthened to
    ``target_chars`` with altered paragraphs of other articles; one in ten is instead a
    reprint of a recent generated article, with a dateline and a sign-off."""
    rng = random.Random(seed)
    alphabet = [c for a in corpus for c in a.text if "\u4e00" <= c <= "\u9fff"]
    start = dt.datetime(2022, 6, 1, tzinfo=dt.UTC)

    def alter(text: str) -> str:
        text = re.sub(r"\d", lambda m: str(rng.randrange(10)), text)
        return "".join(
            rng.choice(alphabet) if "\u4e00" <= c <= "\u9fff" and rng.random() < 0.5 else c for c in text
        )

    rows: list[dict] = []
    for i in range(n):
        when = start + dt.timedelta(days=i / PER_DAY)
        if i >= 50 and rng.random() < 0.1:
            original = rows[i - rng.randrange(1, 50)]
            rows.append(
                {
                    "url": f"https://bench.invalid/{i}",
                    "outlet": rng.choice(corpus).outlet,
                    "title": original["title"],
                    "text": "本报讯（记者 张三）" + original["text"] + "\n（完）\n责任编辑：李四",
                    "published_at": when,
                }
            )
            continue
        base = rng.choice(corpus)
        text = alter(base.text)
        while len(text) < target_chars:
            text += "\n" + alter(rng.choice(corpus).text)
        rows.append(
            {
                "url": f"https://bench.invalid/{i}",
                "outlet": base.outlet,
                "title": alter(base.title),
                "text": text,
                "published_at": when,
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description="process stage throughput")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument(
        "--chars", type=int, default=0, help="lengthen articles to about this many characters"
    )
    parser.add_argument(
        "--window",
        type=int,
        default=-1,
        help="articles processed before the timed run, which it reopens (default: as many as --articles)",
    )
    args = parser.parse_args()
    window = args.articles if args.window < 0 else args.window
    logging.disable(logging.WARNING)

    from newsdesk.archive.importer import import_issue_file
    from newsdesk.config import Settings
    from newsdesk.editorial.pipeline import build_context, run_process
    from newsdesk.store.editorial import insert_plain_articles, list_clusters
    from newsdesk.store.session import engine_for

    with tempfile.TemporaryDirectory() as tmp:
        corpus_settings = Settings(data_dir=Path(tmp) / "corpus")
        corpus = demo_corpus(corpus_settings)
        settings = Settings(data_dir=Path(tmp) / "bench")
        engine = engine_for(settings)
        for path in sorted(SAMPLE_ISSUES.glob("*.txt")):
            import_issue_file(engine, path)
        every = scaled(corpus, window + args.articles, args.chars)
        earlier, rows = every[:window], every[window:]
        chars = sum(len(r["text"]) for r in rows) / len(rows)
        print(
            f"process stage: {len(corpus)} demo articles scaled to {len(rows):,} (mean {chars:.0f} characters), "
            f"after {len(earlier):,} processed by an earlier run"
        )
        t0 = time.perf_counter()
        context = build_context(engine, settings)  # trains the column model on the archive
        training = time.perf_counter() - t0
        if earlier:
            insert_plain_articles(engine, earlier)
            run_process(engine, settings, context=context)
        insert_plain_articles(engine, rows)
        reopen_kept, reopen_fresh, window_size = reopen_times(engine, settings, context)

        t1 = time.perf_counter()
        main_before, workers_before = _cpu_seconds()
        result = run_process(engine, settings, context=context)
        t2 = time.perf_counter()
        main_after, workers_after = _cpu_seconds()
        main_cpu, workers_cpu = main_after - main_before, workers_after - workers_before
        load = os.getloadavg()
        multi = len(list_clusters(engine, min_size=2, limit=1_000_000))
        print(f"  model training and relevance fitting on the archive: {training:.1f} s (once per run)")
        print(
            f"  reopening the window ({window_size:,} articles of the earlier run's clusters), part of the run: "
            f"{reopen_kept:.1f} s from the preparation kept; {reopen_fresh:.1f} s preparing it afresh (not timed)"
        )
        print(
            f"  {len(result.processed_ids):,} articles in {t2 - t1:.1f} s: {len(result.processed_ids) / (t2 - t1):.0f} articles/s "
            f"({len(result.processed_ids) / (t2 - t1 + training):.0f}/s including the training)"
        )
        print(
            f"  {len(result.plans):,} cluster updates, {multi:,} clusters with several articles, "
            f"{sum(len(a.figures) for a in result.analyses):,} figures, {result.pairs_checked:,} same-story decisions"
        )
        n = len(result.processed_ids)
        print(
            f"  CPU per article: {1000 * main_cpu / n:.2f} ms in the main process (clustering, plans, storage), "
            f"{1000 * workers_cpu / n:.2f} ms in the workers (preparation); load average during the run "
            f"{load[0]:.2f} (the machine has {os.cpu_count()} cores)"
        )
        workers = settings.editorial.workers or os.cpu_count() or 1
        seconds, cpu = jieba_baseline([r["title"] + "\n" + r["text"] for r in rows], workers)
        print(
            f"  baseline, the floor of the stage: jieba alone cutting the same {len(rows):,} texts "
            f"(no cache, {workers} processes as process prepares in): {seconds:.1f} s, "
            f"{len(rows) / seconds:.0f} articles/s, {1000 * cpu / len(rows):.2f} ms CPU per article; "
            f"process is {(len(rows) / seconds) / (n / (t2 - t1)):.1f}× slower; load average {os.getloadavg()[0]:.2f}"
        )


def reopen_times(engine, settings, context) -> tuple[float, float, int]:
    """Seconds to reopen the window the timed run will reopen: from the kept preparation,
    and preparing it afresh (in as many processes as ``process`` uses)."""
    from newsdesk.editorial.pipeline import cluster_window, kept_preparation, open_cluster_state
    from newsdesk.store.editorial import unprocessed_articles

    window = cluster_window(engine, settings, unprocessed_articles(engine))
    workers = settings.editorial.workers or os.cpu_count() or 1
    cache = kept_preparation(settings, context)
    start = time.perf_counter()
    open_cluster_state(window, context, cache, workers)
    kept = time.perf_counter() - start
    start = time.perf_counter()
    open_cluster_state(window, context, None, workers)
    return kept, time.perf_counter() - start, len(window)


def _cpu_seconds() -> tuple[float, float]:
    """CPU seconds (user and system) of this process and of its finished children: on a
    shared machine the wall clock also counts what others run, the CPU time does not."""
    mine = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime, children.ru_utime + children.ru_stime


def _cut(texts: list[str]) -> float:
    """CPU seconds jieba takes to cut the texts."""
    import jieba

    start = time.process_time()
    for t in texts:
        jieba.lcut(t, HMM=False)
    return time.process_time() - start


def jieba_baseline(texts: list[str], workers: int) -> tuple[float, float]:
    """Seconds, and CPU seconds, for plain jieba (its own dictionary, loaded before the
    clock) to cut the texts, split among ``workers`` processes."""
    import multiprocessing

    import jieba

    jieba.initialize()  # in the parent: the forked workers start with it loaded
    shares = [texts[k::workers] for k in range(workers)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pool.map(len, shares)  # started before the clock
        start = time.perf_counter()
        cpu = sum(pool.map(_cut, shares))
        return time.perf_counter() - start, cpu


if __name__ == "__main__":
    main()
