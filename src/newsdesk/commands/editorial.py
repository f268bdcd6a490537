"""Editorial commands: process, clusters, train, classify, figures, decide."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsdesk.cli import app, console, err_console, get_state
from newsdesk.store.session import engine_for

if TYPE_CHECKING:
    from newsdesk.config import Settings


def parse_since(text: str, now: dt.datetime | None = None) -> dt.datetime:
    """``30d``, ``12h``, ``2w`` back from now, or an ISO date such as ``2022-06-01``."""
    now = now or dt.datetime.now(dt.UTC)
    m = re.fullmatch(r"\s*(\d+)\s*([hdw])\s*", text)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        return now - {"h": dt.timedelta(hours=n), "d": dt.timedelta(days=n), "w": dt.timedelta(weeks=n)}[unit]
    try:
        parsed = dt.datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise typer.BadParameter(f"{text!r}: use 30d, 12h, 2w or a date like 2022-06-01") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


@dataclass
class _NothingProcessed:
    """What ``process_articles`` returns when no article waits: an empty RunResult."""

    analyses: list = field(default_factory=list)
    plans: list = field(default_factory=list)
    processed_ids: list = field(default_factory=list)
    pairs_checked: int = 0
    new_clusters: int = 0


def process_articles(settings: Settings, limit: int | None = None, quiet: bool = False):
    """Run the editorial stage with a progress bar; returns the RunResult."""
    from newsdesk.store.editorial import count_unprocessed

    engine = engine_for(settings)
    pending = count_unprocessed(engine)
    if limit:
        pending = min(pending, limit)
    if not pending:  # no models to load, no clustering libraries to import
        return _NothingProcessed()
    from newsdesk.editorial.pipeline import run_process

    with Progress(
        TextColumn("[bold]processing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=quiet,
    ) as progress:
        task = progress.add_task("process", total=pending)
        result = run_process(engine, settings, limit=limit, progress=lambda n: progress.advance(task, n))
    return result


@app.command()
def process(
    ctx: typer.Context,
    limit: int | None = typer.Option(None, "--limit", "-n", help="Process at most this many new articles."),
    again: bool = typer.Option(
        False, "--again", help="Forget earlier results and process every article anew."
    ),
) -> None:
    """Cluster, classify, score, condense and extract figures of the new articles."""
    settings = get_state(ctx).settings
    if again:
        from newsdesk.store.editorial import reset_processing

        reset_processing(engine_for(settings))
    result = process_articles(settings, limit)
    if not result.processed_ids:
        console.print("nothing new to process")
        return
    figures = sum(len(a.figures) for a in result.analyses)
    console.print(
        f"processed {len(result.processed_ids)} articles: {len(result.plans)} clusters updated "
        f"({result.new_clusters} new), {figures} figures"
    )
    _print_top_items(result.plans)


def _print_top_items(plans, per_column: int = 3) -> None:
    by_column: dict[str, list] = {}
    for plan in plans:
        by_column.setdefault(plan.candidate.column_name, []).append(plan)
    table = Table(title="top suggestions per column", show_lines=False)
    table.add_column("column")
    table.add_column("title")
    table.add_column("outlets", justify="right")
    table.add_column("relevance", justify="right")
    table.add_column("confidence", justify="right")
    for column, plans_of_column in by_column.items():
        best = sorted(plans_of_column, key=lambda p: -p.candidate.relevance)[:per_column]
        for i, plan in enumerate(best):
            c = plan.candidate
            table.add_row(
                column if i == 0 else "",
                c.title[:40],
                str(len(plan.member_ids)),
                f"{c.relevance:.2f}",
                f"{c.confidence:.2f}",
            )
    console.print(table)


@app.command()
def clusters(
    ctx: typer.Context,
    min_size: int = typer.Option(1, "--min-size", help="Only clusters with at least this many articles."),
    limit: int = typer.Option(30, "--limit", "-n"),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """List same-story clusters with their member outlets, largest first."""
    from newsdesk.store.editorial import list_clusters

    rows = list_clusters(engine_for(get_state(ctx).settings), min_size=min_size, limit=limit)
    if as_json:
        for r in rows:
            print(
                json.dumps(
                    {
                        "id": r.id,
                        "size": r.size,
                        "title": r.lead_title,
                        "outlets": list(dict.fromkeys(r.outlets)),  # an outlet once, however many reports
                        "column": r.column_name,
                        "relevance": r.relevance,
                    },
                    ensure_ascii=False,
                )
            )
        return
    if not rows:
        console.print("no clusters yet: run [bold]newsdesk process[/bold]")
        return
    table = Table(title=f"{len(rows)} clusters")
    table.add_column("id", justify="right")
    table.add_column("size", justify="right")
    table.add_column("lead title")
    table.add_column("outlets")
    table.add_column("column")
    table.add_column("relevance", justify="right")
    for r in rows:
        table.add_row(
            str(r.id),
            str(r.size),
            r.lead_title[:36],
            "、".join(dict.fromkeys(r.outlets))[:40],
            r.column_name or "",
            f"{r.relevance:.2f}" if r.relevance is not None else "",
        )
    console.print(table)


@app.command()
def train(ctx: typer.Context) -> None:
    """Retrain the column model from the archive and the editor's decisions."""
    from newsdesk.editorial.pipeline import train_column_model

    settings = get_state(ctx).settings
    with console.status("training the column model (cross-validating on the archive)…"):
        model, report = train_column_model(engine_for(settings), settings)
    if model is None:
        err_console.print(
            f"[red]error:[/red] not enough labelled examples ({report['examples']} in columns {report['columns']}); "
            "import past issues first (newsdesk import)"
        )
        raise typer.Exit(1)
    console.print(f"trained on {report['examples']} examples, columns: {'、'.join(model.columns)}")
    if "accuracy" in report:
        console.print(f"cross-validated accuracy: {report['accuracy']:.3f}")
        table = Table(title="confusion (rows: editor, columns: suggested)")
        table.add_column("")
        for c in report["columns"]:
            table.add_column(c, justify="right")
        for c, row in zip(report["columns"], report["confusion"], strict=True):
            table.add_row(c, *[str(n) for n in row])
        console.print(table)
    console.print(f"saved to {settings.editorial_model_path}")


@app.command()
def classify(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="JSON lines with title and body; - for standard input."),
) -> None:
    """Suggest a column for each JSON line; prints JSON lines with column, confidence, reasons."""
    from newsdesk.editorial.columns import ColumnClassifier

    settings = get_state(ctx).settings
    lines = sys.stdin.read().splitlines() if str(file) == "-" else _read_lines(file)
    records = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            err_console.print(f"[red]error:[/red] {file}:{n}: not JSON: {exc.msg}")
            raise typer.Exit(2) from exc
        if not isinstance(record, dict) or not isinstance(record.get("title", ""), str):
            err_console.print(f"[red]error:[/red] {file}:{n}: expected an object with title and body")
            raise typer.Exit(2)
        records.append(record)
    model = _column_model(settings)
    classifier = (
        ColumnClassifier(model, settings.publication.columns)
        if settings.publication.columns
        else ColumnClassifier(model)
    )
    suggestions = classifier.suggest_many([(r.get("title", ""), r.get("body", "")) for r in records])
    for record, s in zip(records, suggestions, strict=True):
        out = {k: v for k, v in record.items() if k not in ("body",)}
        out.update(s.as_dict())
        print(json.dumps(out, ensure_ascii=False))


def _column_model(settings: Settings):
    """The saved column model, read without opening the database or importing the
    clustering stage; trained (which needs both) only when there is none."""
    from newsdesk.editorial.columns import ColumnModel

    path = Path(settings.editorial_model_path)
    if path.exists():
        try:
            return ColumnModel.loads(path.read_bytes())
        except Exception:  # noqa: BLE001 - load_column_model below reports it and retrains
            pass
    from newsdesk.editorial.pipeline import load_column_model

    return load_column_model(engine_for(settings), settings)


def _read_lines(file: Path) -> list[str]:
    try:
        return file.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        err_console.print(f"[red]error:[/red] {file}: {exc.strerror}")
        raise typer.Exit(2) from exc


FIGURE_FIELDS = [
    "article_id",
    "published_at",
    "outlet",
    "title",
    "subject",
    "text",
    "value",
    "unit",
    "kind",
    "period",
    "sentence",
]


@app.command()
def figures(
    ctx: typer.Context,
    since: str = typer.Option("30d", "--since", help="30d, 12h, 2w, or a date like 2022-06-01."),
    as_csv: bool = typer.Option(
        False, "--csv", help="CSV (UTF-8 with BOM, opens in Excel) instead of a table."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write to this file instead of standard output."
    ),
) -> None:
    """Export the figures of processed articles: amount, change, period, subject, sentence."""
    from newsdesk.store.editorial import figures_since

    engine = engine_for(get_state(ctx).settings)
    start = parse_since(since)
    rows = figures_since(engine, start)
    if as_csv or output:
        handle = output.open("w", encoding="utf-8-sig", newline="") if output else sys.stdout
        try:
            writer = csv.DictWriter(handle, fieldnames=FIGURE_FIELDS, extrasaction="ignore")
            writer.writeheader()
            for r in rows:
                writer.writerow(
                    {**r, "published_at": r["published_at"].isoformat() if r["published_at"] else ""}
                )
        finally:
            if output:
                handle.close()
        if output:
            err_console.print(f"wrote {len(rows)} figures to {output}")
        return
    if not rows:
        _explain_no_figures(engine, start)
        return
    table = Table(title=f"{len(rows)} figures since {since}")
    for name in ("subject", "text", "period", "outlet", "title"):
        table.add_column(name)
    for r in rows[:200]:
        table.add_row(
            r["subject"] or "", r["text"], r["period"] or "", r["outlet"] or "", (r["title"] or "")[:30]
        )
    console.print(table)


def _explain_no_figures(engine, start: dt.datetime) -> None:
    """Articles are dated by publication, not by collection: say when the newest is from."""
    from sqlalchemy import func, select

    from newsdesk.store.schema import article_figures, articles

    when = func.coalesce(articles.c.published_at, articles.c.fetched_at)
    query = select(func.max(when)).select_from(
        article_figures.join(articles, articles.c.id == article_figures.c.article_id)
    )
    with engine.connect() as conn:
        newest = conn.execute(query).scalar()
    if newest is None:
        console.print("no figures yet: newsdesk process extracts them from the collected articles")
        return
    suggestion = (newest - dt.timedelta(days=30)).strftime("%Y-%m-%d")
    console.print(
        f"no figures in articles published since {start:%Y-%m-%d} (articles are dated by publication); "
        f"the newest is from {newest:%Y-%m-%d}: try --since {suggestion}"
    )


@app.command()
def decide(
    ctx: typer.Context,
    candidate_id: int = typer.Argument(..., help="Candidate item id (see newsdesk clusters)."),
    column: str | None = typer.Option(
        None, "--column", "-c", help="File it in this column (default: as suggested)."
    ),
    reject: bool = typer.Option(False, "--reject", help="Leave it out of the issue."),
    merged: bool = typer.Option(
        False,
        "--merged",
        help="The office merged several reports into it: 来源：…编辑部整理 instead of an outlet.",
    ),
) -> None:
    """Record the editor's decision on a candidate item; newsdesk train learns from it."""
    import datetime as dt

    from newsdesk.editorial.pipeline import build_office, merged_attribution
    from newsdesk.store.editorial import mark_office_compiled, record_decision

    settings = get_state(ctx).settings
    engine = engine_for(settings)
    try:
        record_decision(engine, candidate_id, column, accepted=not reject)
        if merged:
            line = merged_attribution(build_office(engine, settings), dt.date.today())
            mark_office_compiled(engine, candidate_id, line)
            console.print(line)
    except KeyError as exc:
        err_console.print(f"[red]error:[/red] {exc.args[0]}")
        raise typer.Exit(1) from exc
    console.print(f"candidate {candidate_id}: {'rejected' if reject else 'accepted'}")


def run_demo_process(settings: Settings) -> None:
    """Demo step: process the collected articles and show what came of them."""
    from newsdesk.store.editorial import list_clusters

    console.print(
        "\n[bold]3. Editorial processing[/bold]: clusters, columns, relevance, condensation, figures"
    )
    result = process_articles(settings)
    figures_found = sum(len(a.figures) for a in result.analyses)
    multi = list_clusters(engine_for(settings), min_size=2, limit=10_000)
    if result.processed_ids:
        console.print(
            f"   {len(result.processed_ids)} articles → {len(result.plans)} clusters, "
            f"{len(multi)} of them reported by several outlets; {figures_found} figures"
        )
    else:  # a second demo: everything was processed by the first
        console.print(
            f"   no new articles to process; the clusters of earlier runs stand, "
            f"{len(multi)} of them reported by several outlets"
        )
    for c in multi[:5]:
        console.print(f"   · {c.lead_title[:34]} — {'、'.join(dict.fromkeys(c.outlets))}")
    if result.plans:
        _print_top_items(result.plans, per_column=2)
