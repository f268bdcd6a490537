"""Write the labelled examples the column model is fitted on when the archive is small.

A fresh install has no archive to learn the columns from; ``newsdesk`` then fits the model
on ``src/newsdesk/editorial/data/column_examples.jsonl.gz``: the items of the bundled sample
issues and one report of every story of the development evaluation sets, each filed by its
writer (``bench/quality.py``'s DEVELOPMENT_SETS; the held-out sets and the blind column set
are never used). Rerun after editing the sample issues or adding labelled sets.

The writers of the development sets filed a company's own figures (京东11.11战报, 拼多多
二季度营收…) under 行业资讯 and an authority's 约谈, campaign, penalty or court ruling under
政策法规; the house files the first under 数据观察 — an item built around figures, whoever's
they are — and the second under 行业资讯, keeping 政策法规 for documents. Each example is
filed as the house would file it (``columns.house_filing``), and every change is printed
with its reason.

    .venv/bin/python bench/column_examples.py
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from newsdesk.archive.importer import parse_issue_file  # noqa: E402
from newsdesk.editorial.columns import HOUSE_COLUMNS, house_filing  # noqa: E402
from quality import DEVELOPMENT_SETS, SAMPLE_ISSUES, load_stories  # noqa: E402

OUT = ROOT / "src" / "newsdesk" / "editorial" / "data" / "column_examples.jsonl.gz"
BODY_CHARS = 800


def main() -> None:
    rows: list[dict] = []
    for path in sorted(SAMPLE_ISSUES.glob("*.txt")):
        issue, _ = parse_issue_file(path)
        rows += [{"title": i.title, "body": i.body, "column": i.column} for i in issue.items]
    samples = len(rows)
    seen: set[str] = set()
    for name in DEVELOPMENT_SETS:
        for r in load_stories(name):
            key = f"{name}:{r['story']}"
            if key in seen or r.get("column") not in HOUSE_COLUMNS:
                continue
            seen.add(key)
            # the lead and the first paragraphs say what kind of item it is
            rows.append({"title": r["title"], "body": r["body"][:BODY_CHARS], "column": r["column"]})
    refiled = 0
    for row in rows:
        column, why = house_filing(row["title"], row["body"], row["column"])
        if why:
            print(f"  {row['column']} → {column}: {row['title'][:40]}  [{why}]")
            row["column"] = column
            refiled += 1
    print(f"{refiled} examples filed as the house files them")
    # no time stamp or file name in the header: the same examples give the same bytes
    with open(OUT, "wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as packed:
        packed.write("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8"))
    print(f"{len(rows)} examples ({samples} from the sample issues) → {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
