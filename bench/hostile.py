"""Importing a hostile issue file: N column headers, each with one item, into an archive that
already knows the publication. Prints the import's time beside `parse-issue` of the same file
(the floor: import = parse + store), for growing N, so that growth beyond linear shows.

The import runs twice per size: with the archive limits lifted (every header becomes a
column, every item is stored: what the store does with such a file) and with the default
limits, which refuse the file in one line. The target: the import of 10,000 headers within
2× the parse.

    .venv/bin/python bench/hostile.py [--sizes 500 1000 2000 10000] [--cli]

With --cli the same is timed through the command line (`newsdesk import` against
`newsdesk parse-issue --json`), start-up included.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsdesk.archive.importer import import_issue_file, parse_issue_file
from newsdesk.config import ArchiveSettings
from newsdesk.store.archive import load_publication
from newsdesk.store.db import open_database

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "newsdesk" / "samples" / "issues" / "2022-01.txt"
ATTRIBUTION = "来源：《国际商报》 编选：《电子商务动态》编辑部 2022 年 06 月 28 日"
UNLIMITED = ArchiveSettings(max_items_per_issue=0, max_columns_per_issue=0)


def headers_file(n: int, path: Path) -> Path:
    lines = ["《电子商务动态》", "2022年第7期", ""]
    for i in range(n):
        lines += [f"【栏目{i}】", f"标题{i}", f"　　正文第{i}段。", ATTRIBUTION, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def timed(function, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def library_run(n: int, folder: Path) -> None:
    path = headers_file(n, folder / f"headers-{n}.txt")
    engine = open_database(f"sqlite:///{folder / f'archive-{n}.db'}")
    assert import_issue_file(engine, SAMPLE).created  # the publication is known, with its columns
    known = load_publication(engine)
    parse_seconds, _ = timed(parse_issue_file, path, known)
    refused_seconds, refused = timed(import_issue_file, engine, path, known)
    import_seconds, imported = timed(import_issue_file, engine, path, known, limits=UNLIMITED)
    assert not refused.ok and imported.created, (refused.error, imported.error)
    columns = len(load_publication(engine).columns)
    print(
        f"{n:>6} headers: parse-issue {parse_seconds:6.2f} s | import {import_seconds:6.2f} s "
        f"({import_seconds / parse_seconds:4.2f}× parse; {columns} columns learned) | "
        f"default limits: refused in {refused_seconds:5.2f} s ({refused_seconds / parse_seconds:4.2f}×)"
    )
    if n == max(ARGS.sizes):
        print(f"        refusal: {refused.error}")


def cli_run(n: int, folder: Path) -> None:
    path = headers_file(n, folder / f"cli-headers-{n}.txt")
    command = [sys.executable, "-m", "newsdesk", "--database", f"sqlite:///{folder / f'cli-{n}.db'}"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    unlimited = {
        **env,
        "NEWSDESK_ARCHIVE__MAX_ITEMS_PER_ISSUE": "0",
        "NEWSDESK_ARCHIVE__MAX_COLUMNS_PER_ISSUE": "0",
    }

    def run(*args: str, environment: dict[str, str] = env) -> tuple[float, subprocess.CompletedProcess]:
        return timed(
            subprocess.run, [*command, *args], env=environment, capture_output=True, text=True, cwd=folder
        )

    run("import", str(SAMPLE))
    parse_seconds, _ = run("parse-issue", str(path), "--json")
    refused_seconds, _ = run("import", str(path))
    import_seconds, imported = run("import", str(path), environment=unlimited)
    how = "imported" if "imported as issue" in imported.stdout else "refused (the limits are not lifted here)"
    print(
        f"{n:>6} headers (CLI): parse-issue --json {parse_seconds:6.2f} s | import {import_seconds:6.2f} s, {how} "
        f"({import_seconds / parse_seconds:4.2f}×) | default limits: refused in {refused_seconds:5.2f} s"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in ARGS.sizes:
            library_run(n, folder)
        if ARGS.cli:
            for n in ARGS.sizes:
                cli_run(n, folder)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000, 10000])
    parser.add_argument("--cli", action="store_true", help="also time the command line")
    ARGS = parser.parse_args()
    main()
