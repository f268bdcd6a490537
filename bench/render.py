"""Rendering speed: a 50-item issue in every format, each beside a baseline, in one run.

The issue is made of the bundled sample issues' items (a full month of 《电子商务动态》 holds
about 45). Each format goes through the product's own ``render``; the first call of a
format pays for importing its library (WeasyPrint, python-docx), as the CLI does once per
run, so both the first call and the best of the warm calls are printed. Baselines:

- html: the same items through a bare Jinja2 template (no masthead, contents, styles);
- pdf:  the same HTML through WeasyPrint with the installed WenQuanYi font left to
        WeasyPrint's own subsetting, and with a Noto CJK font stack (when fonts-noto-cjk is
        installed);
- docx: python-docx writing the same paragraphs with no styles, fields or masthead.

    .venv/bin/python bench/render.py [--items 50] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from newsdesk.archive.importer import parse_issue_file
from newsdesk.issue.model import Issue, Publication
from newsdesk.issue.render import FORMATS, paragraphs, render, render_html

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "newsdesk" / "samples" / "issues"
COLUMNS = ["行业资讯", "政策法规", "数据观察", "专家视点", "悦读电商"]
TARGETS = {"html": 0.3, "docx": 1.0, "pdf": 5.0}
NOTO_STACK = '"Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif'


def sample_issue(count: int) -> Issue:
    items, titles = [], set()
    for path in sorted(SAMPLES.glob("*.txt")):
        for item in parse_issue_file(path)[0].items:
            if item.title not in titles:
                titles.add(item.title)
                items.append(item)
    if len(items) < count:
        raise SystemExit(f"the samples hold {len(items)} distinct items, fewer than {count}")
    chosen = sorted(
        items[:count], key=lambda i: COLUMNS.index(i.column) if i.column in COLUMNS else len(COLUMNS)
    )
    publication = Publication(
        "电子商务动态", "《电子商务动态》编辑部", COLUMNS, sponsor="中国国际电子商务中心"
    )
    return Issue(
        items=chosen,
        publication=publication,
        label="2022年第12期",
        issue_date=dt.date(2022, 12, 30),
        serial=128,
        revision=2,
    )


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float, float, object]:
    """(first call, best of the next ``repeat`` calls, CPU seconds of the first call, its result).

    CPU time is printed beside wall time because the machine is shared: wall time counts
    other people's work too."""
    start, cpu_start = time.perf_counter(), time.process_time()
    result = action()
    first, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    warm = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        warm.append(time.perf_counter() - start)
    return first, min(warm) if warm else first, cpu, result


def bare_html(issue: Issue) -> str:
    from jinja2 import Environment

    template = Environment(autoescape=True).from_string(
        "{% for item in items %}<h3>{{ item.title }}</h3>"
        "{% for p in paragraphs(item) %}<p>{{ p }}</p>{% endfor %}{% endfor %}"
    )
    return template.render(items=issue.items, paragraphs=paragraphs)


def weasyprint_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=str(Path.cwd()) + "/").write_pdf()


def noto_installed() -> bool:
    try:
        families = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    except OSError:
        return False
    return "Noto Sans CJK" in families or "Noto Serif CJK" in families


def pdf_pages(pdf: bytes) -> str:
    """ " (N pages)" as pdfinfo (poppler-utils) counts them, or "" without it."""
    if not shutil.which("pdfinfo"):
        return ""
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True).stdout.decode("utf-8", "replace")
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    return f" ({match.group(1)} pages)" if match else ""


def unstyled_docx(issue: Issue) -> bytes:
    import io

    from docx import Document

    document = Document()
    for item in issue.items:
        document.add_paragraph(item.title)
        for p in paragraphs(item):
            document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3, help="warm calls per format (best is printed)")
    args = parser.parse_args()
    issue = sample_issue(args.items)
    characters = sum(len(i.title) + len(i.body) for i in issue.items)
    print(
        f"issue: {len(issue.items)} items, {characters:,} characters, {len(issue.columns_in_order())} columns"
    )
    print(f"{'format':<6} {'first call':>10} {'(cpu)':>8} {'warm':>8} {'size':>10}  target    baseline")

    for fmt in FORMATS:
        try:
            first, warm, cpu, output = timed(lambda fmt=fmt: render(issue, fmt), args.repeat)
        except ImportError as exc:  # a format whose module is not there yet
            print(f"{fmt:<6} {'—':>10} {'—':>8} {'—':>8} {'—':>10}  —         not available: {exc}")
            continue
        size = len(output) if isinstance(output, bytes) else len(output.encode("utf-8"))
        target = f"≤ {TARGETS[fmt]} s" if fmt in TARGETS else "—"
        # Judged on the first call's CPU time, imports included: what one CLI run costs on
        # an idle machine.
        met = "" if fmt not in TARGETS else (" met" if cpu <= TARGETS[fmt] else " MISSED")
        extra = ""
        if fmt == "pdf":
            extra = pdf_pages(output)
        print(
            f"{fmt:<6} {first:>9.3f}s {cpu:>7.3f}s {warm:>7.3f}s {size:>9,}B  {target}{met:<7}  "
            f"{baseline(fmt, issue, args.repeat)}{extra}"
        )


def baseline(fmt: str, issue: Issue, repeat: int) -> str:
    if fmt == "html":
        _, warm, _, _ = timed(lambda: bare_html(issue), repeat)
        return f"bare Jinja2 items: {warm:.3f} s"
    if fmt == "docx":
        _, warm, _, _ = timed(lambda: unstyled_docx(issue), repeat)
        return f"python-docx, same paragraphs unstyled: {warm:.3f} s"
    if fmt == "pdf":
        paged = render_html(issue, paged=True)  # the installed font, left to WeasyPrint to subset
        _, seconds, cpu, data = timed(lambda: weasyprint_pdf(paged), 0)
        parts = [f"font left to WeasyPrint: {seconds:.2f} s (cpu {cpu:.2f} s), {len(data):,} B"]
        if noto_installed():
            noto = paged.replace('"WenQuanYi Micro Hei", "Noto Sans CJK SC"', NOTO_STACK)
            _, seconds, noto_cpu, _ = timed(lambda: weasyprint_pdf(noto), 0)
            parts.append(f"Noto CJK stack: {seconds:.2f} s (cpu {noto_cpu:.2f} s)")
        else:
            parts.append("Noto CJK stack: not measured, fonts-noto-cjk is not installed")
        return "; ".join(parts)
    return "—"


if __name__ == "__main__":
    main()
