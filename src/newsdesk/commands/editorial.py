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
from rich.table import Table

from newsdesk.cli import app, console, err_console, get_state
from newsdesk.store.session import engine_for
from newsdesk.text.display import shown

# Ids and counts beyond this are no row of any table: said as such, not an OverflowError
# when the database is asked for them.
_MAX_ID = 2**62

if TYPE_CHECKING:
    from newsdesk.config import Settings


def parse_since(text: str, now: dt.datetime | None = None) -> dt.datetime:
    """``30d``, ``12h``, ``2w`` back from now, or an ISO date such as ``2022-06-01``."""
    now = now or dt.datetime.now(dt.UTC)
    m = re.fullmatch(r"\s*(\d{1,12})\s*([hdw])\s*", text)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        try:
            span = {"h": dt.timedelta(hours=n), "d": dt.timedelta(days=n), "w": dt.timedelta(weeks=n)}[unit]
            return now - span
        except OverflowError:
            # further back than datetime reaches: everything is "since" then
            return dt.datetime(1, 1, 1, tzinfo=dt.UTC)
    try:
        parsed = dt.datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise typer.BadParameter(f"{shown(repr(text))}: use 30d, 12h, 2w or a date like 2022-06-01") from exc
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
    from newsdesk.commands import progress_bar
    from newsdesk.editorial.pipeline import run_process

    with progress_bar("[bold]processing", disable=quiet) as progress:
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
                shown(column) if i == 0 else "",
                shown(c.title[:40], one_line=True),
                str(len(plan.member_ids)),
                f"{c.relevance:.2f}",
                f"{c.confidence:.2f}",
            )
    console.print(table)


@app.command()
def clusters(
    ctx: typer.Context,
    min_size: int = typer.Option(
        1, "--min-size", min=1, max=_MAX_ID, help="Only clusters with at least this many articles."
    ),
    limit: int = typer.Option(30, "--limit", "-n", min=1, max=_MAX_ID),
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
            shown(r.lead_title[:36], one_line=True),
            shown("、".join(dict.fromkeys(r.outlets))[:40], one_line=True),
            shown(r.column_name or ""),
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
    console.print(f"trained on {report['examples']} examples, columns: {shown('、'.join(model.columns))}")
    if "accuracy" in report:
        console.print(f"cross-validated accuracy: {report['accuracy']:.3f}")
        table = Table(title="confusion (rows: editor, columns: suggested)")
        table.add_column("")
        for c in report["columns"]:
            table.add_column(shown(c), justify="right")
        for c, row in zip(report["columns"], report["confusion"], strict=True):
            table.add_row(shown(c), *[str(n) for n in row])
        console.print(table)
    console.print(f"saved to {settings.editorial_model_path}")


@app.command()
def classify(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="JSON lines with title and body; - for standard input."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first bad line instead of skipping it."),
) -> None:
    """Suggest a column for each JSON line; prints JSON lines with column, confidence, reasons.

    Each line is an object with a title and/or a body (strings). A line that is not one is
    reported with its line number and skipped, and the good lines still print (exit status
    1, or 2 when no line was good); with --strict the first bad line stops the run (exit
    status 2).
    """
    from newsdesk.editorial.columns import ColumnClassifier

    settings = get_state(ctx).settings
    name = "<stdin>" if str(file) == "-" else shown(file, one_line=True)
    records: list[tuple[int, dict]] = []
    bad = 0
    for n, line in enumerate(_read_lines(file), 1):
        if not line.strip():
            continue
        record, problem = _classify_record(line)
        if problem is not None:
            err_console.print(f"[red]error:[/red] {name}:{n}: {shown(problem, one_line=True)}")
            if strict:
                raise typer.Exit(2)
            bad += 1
            continue
        records.append((n, record))
    if records:
        model = _column_model(settings)
        classifier = (
            ColumnClassifier(model, settings.publication.columns)
            if settings.publication.columns
            else ColumnClassifier(model)
        )
        suggestions = classifier.suggest_many([(r.get("title", ""), r.get("body", "")) for _, r in records])
        for (_, record), s in zip(records, suggestions, strict=True):
            out = {k: v for k, v in record.items() if k not in ("body",)}
            out.update(s.as_dict())
            print(json.dumps(out, ensure_ascii=False))
    if bad:
        err_console.print(f"{bad} line(s) skipped, {len(records)} classified")
        raise typer.Exit(1 if records else 2)


def _classify_record(line: str) -> tuple[dict, None] | tuple[None, str]:
    """One line as a record with string title/body, or the reason it is not one."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"not JSON: {exc.msg} (column {exc.colno})"
    except RecursionError:
        return None, "not usable JSON: nested too deeply"
    except ValueError as exc:  # e.g. an integer of thousands of digits
        return None, f"not usable JSON: {exc}"
    if not isinstance(record, dict):
        return None, f"expected an object with title and body, not {_json_kind(record)}"
    if "title" not in record and "body" not in record:
        keys = ", ".join(list(record)[:5]) or "none"
        return None, f"no title or body (keys: {keys})"
    for key in ("title", "body"):
        if key in record and not isinstance(record[key], str):
            return None, f"{key} is {_json_kind(record[key])}, not a string"
    return record, None


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return {dict: "an object", list: "a list", str: "a string"}.get(type(value), type(value).__name__)


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
    """The lines of a JSON-lines file (or standard input), split on newline only: a raw
    U+2028 inside a JSON string is part of the string. UTF-8 first; GB18030, GBK and
    UTF-16 files are recognised."""
    from newsdesk.text.encoding import NotTextError, decode_bytes

    try:
        if str(file) == "-":
            stream = getattr(sys.stdin, "buffer", None)
            data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
        else:
            data = file.read_bytes()
    except OSError as exc:
        err_console.print(f"[red]error:[/red] {shown(file, one_line=True)}: {exc.strerror}")
        raise typer.Exit(2) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = decode_bytes(data).text
        except NotTextError as exc:
            err_console.print(f"[red]error:[/red] {shown(file, one_line=True)}: not text: {shown(exc)}")
            raise typer.Exit(2) from exc
    return [line.removesuffix("\r") for line in text.split("\n")]


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
    "base",
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
    table = Table(title=f"{len(rows)} figures since {shown(since)}")
    for name in ("subject", "text", "period", "outlet", "title"):
        table.add_column(name)
    for r in rows[:200]:
        table.add_row(
            *(
                shown(value, one_line=True)
                for value in (
                    r["subject"] or "",
                    r["text"],
                    r["period"] or "",
                    r["outlet"] or "",
                    (r["title"] or "")[:30],
                )
            )
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
    candidate_id: int = typer.Argument(
        ..., min=1, max=_MAX_ID, help="Candidate item id (see newsdesk clusters)."
    ),
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
    if column is not None:
        known = _publication_columns(settings, engine)
        if known and column not in known:
            # train would learn it as a new column, and every suggestion after could name it
            err_console.print(
                f"[red]error:[/red] {shown(repr(column))} is not a column of the publication; "
                f"its columns: {shown('、'.join(known))} (set in publication.columns or learned by import)"
            )
            raise typer.Exit(2)
        if not known:
            err_console.print(
                "[red]error:[/red] the publication has no columns yet: import past issues "
                "(newsdesk import) or set publication.columns"
            )
            raise typer.Exit(2)
    try:
        record_decision(engine, candidate_id, column, accepted=not reject)
        if merged:
            line = merged_attribution(build_office(engine, settings), dt.date.today())
            mark_office_compiled(engine, candidate_id, line)
            console.print(line)
    except KeyError as exc:
        err_console.print(f"[red]error:[/red] {shown(exc.args[0])}")
        raise typer.Exit(1) from exc
    console.print(f"candidate {candidate_id}: {'rejected' if reject else 'accepted'}")


def _publication_columns(settings: Settings, engine) -> list[str]:
    """The publication's columns: configured, else learned from the imported issues."""
    if settings.publication.columns:
        return list(settings.publication.columns)
    from newsdesk.store.archive import load_publication

    publication = load_publication(engine, settings.publication.name)
    return list(publication.columns) if publication else []


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
        console.print(
            f"   · {shown(c.lead_title[:34], one_line=True)} — {shown('、'.join(dict.fromkeys(c.outlets)), one_line=True)}"
        )
    if result.plans:
        _print_top_items(result.plans, per_column=2)
