"""Archive commands: import, parse-issue, issues, show, render."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.table import Table

from newsdesk.cli import app, console, err_console, get_state
from newsdesk.store.session import engine_for

if TYPE_CHECKING:
    from newsdesk.archive.importer import ImportOutcome
    from newsdesk.config import Settings
    from newsdesk.issue.model import Publication

SAMPLE_ISSUES = Path(__file__).resolve().parent.parent / "samples" / "issues"


def _configured_publication(settings: Settings) -> Publication | None:
    from newsdesk.issue.model import Publication

    p = settings.publication
    if not (p.name or p.office or p.columns):
        return None
    return Publication(name=p.name, office=p.office, columns=list(p.columns))


def _known_publication(settings: Settings, engine) -> Publication | None:
    from newsdesk.store.archive import load_publication

    return _configured_publication(settings) or load_publication(engine)


def _report(outcome: ImportOutcome) -> None:
    name = str(outcome.path)
    if not outcome.ok:
        err_console.print(f"[red]✗[/red] {name}: {outcome.error}")
        return
    counts = "  ".join(f"{column} {n}" for column, n in outcome.column_counts)
    total = sum(n for _, n in outcome.column_counts)
    verb = "imported as" if outcome.created else "already in the archive as"
    mark = "[green]✓[/green]" if outcome.created else "[yellow]=[/yellow]"
    console.print(
        f"{mark} {name}: {verb} issue {outcome.issue_id} «{outcome.label}», {total} items: {counts}"
    )
    for u in outcome.unplaced:
        lines = (
            f"line {u.first_line}" if u.first_line == u.last_line else f"lines {u.first_line}–{u.last_line}"
        )
        preview = u.text.replace("\n", " ")
        preview = preview if len(preview) <= 60 else preview[:57] + "…"
        err_console.print(
            f"  [yellow]![/yellow] {name} {lines}: not placed in an item ({u.reason}): {preview}"
        )


@app.command("import")
def import_(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(
        ..., help="Issue files (.pdf with a text layer, .txt) or folders of them."
    ),
) -> None:
    """Import past issues into the archive.

    Each file becomes one issue; importing the same file again changes nothing. Text that
    cannot be placed in an item is reported with its line numbers. A bad file is reported
    and the rest of the batch goes on; the exit status is 1 if any file failed.
    """
    from newsdesk.archive.reading import expand_paths

    settings = get_state(ctx).settings
    engine = engine_for(settings)
    files, problems = expand_paths(paths)
    for path, reason in problems:
        err_console.print(f"[red]✗[/red] {path}: {reason}")
    outcomes = run_import(settings, engine, files)
    failed = len(problems) + sum(not o.ok for o in outcomes)
    created = sum(o.created for o in outcomes)
    console.print(
        f"{len(files)} files: {created} new issues, {sum(o.ok and not o.created for o in outcomes)} already archived, "
        f"{failed} failed"
    )
    if failed:
        raise typer.Exit(1)


def run_import(settings: Settings, engine, files: list[Path]) -> list[ImportOutcome]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from newsdesk.archive.importer import import_issue_file

    outcomes = []
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=len(files) < 2,
    ) as progress:
        task = progress.add_task("importing", total=len(files))
        for path in files:
            progress.update(task, description=f"importing {path.name}")
            # Re-read each time: an import teaches the publication new columns.
            outcome = import_issue_file(engine, path, _known_publication(settings, engine))
            _report(outcome)
            outcomes.append(outcome)
            progress.advance(task)
    return outcomes


@app.command("parse-issue")
def parse_issue(
    ctx: typer.Context,
    path: Path = typer.Argument(..., help="An issue file (.pdf or .txt)."),
    as_json: bool = typer.Option(False, "--json", help="Print the items as a JSON array."),
) -> None:
    """Parse one issue and print its items, writing nothing to the archive.

    With --json, each item is an object with column, title, body (paragraphs separated by
    newlines), outlet, office_compiled, editorial_office and date (YYYY-MM-DD or null).
    """
    from newsdesk.archive.importer import parse_issue_file
    from newsdesk.archive.parse import IssueFormatError
    from newsdesk.archive.reading import IssueFileError

    settings = get_state(ctx).settings
    try:
        issue, _ = parse_issue_file(path, _configured_publication(settings))
    except (IssueFileError, IssueFormatError) as exc:
        err_console.print(f"[red]error:[/red] {path}: {exc}")
        raise typer.Exit(1) from exc
    for u in issue.unplaced:
        err_console.print(f"{path} lines {u.first_line}–{u.last_line}: not placed in an item ({u.reason})")
    if as_json:
        typer.echo(json.dumps([item.as_public_dict() for item in issue.items], ensure_ascii=False, indent=2))
        return
    table = Table(title=f"{path.name}: {len(issue.items)} items")
    for name in ("#", "column"):
        table.add_column(name, no_wrap=True)
    # Chinese has no spaces to wrap at: fold a long title onto the next line, never cut it
    table.add_column("title", overflow="fold", ratio=1)
    for name in ("outlet", "date", "chars"):
        table.add_column(name, no_wrap=True)
    for n, item in enumerate(issue.items, start=1):
        d = item.as_public_dict()
        outlet = d["outlet"] or ("编辑部整理" if d["office_compiled"] else "—")
        table.add_row(str(n), item.column, item.title, outlet, d["date"] or "—", str(len(item.body)))
    console.print(table)


@app.command("issues")
def issues_(ctx: typer.Context) -> None:
    """List the issues in the archive, newest first."""
    from newsdesk.store.archive import list_issues

    engine = engine_for(get_state(ctx).settings)
    stored = list_issues(engine)
    if not stored:
        console.print("The archive is empty: `newsdesk import PATH...` adds past issues.")
        return
    table = Table("id", "issue", "publication", "date", "items", "imported from")
    for s in stored:
        table.add_row(
            str(s.id),
            s.label,
            f"《{s.publication}》",
            str(s.issue_date or "—"),
            str(s.item_count),
            s.source_path or "",
        )
    console.print(table)


def _load(ctx: typer.Context, reference: str):
    from newsdesk.store.archive import IssueNotFound, load_issue, resolve_issue

    engine = engine_for(get_state(ctx).settings)
    try:
        return load_issue(engine, resolve_issue(engine, reference))
    except IssueNotFound as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc


@app.command()
def show(
    ctx: typer.Context, issue: str = typer.Argument(..., help="Issue id, label (2022年第7期) or 'latest'.")
) -> None:
    """Print one archived issue in the house text format."""
    from newsdesk.issue.render import render

    typer.echo(render(_load(ctx, issue), "txt"), nl=False)


def run_demo_archive(settings: Settings, output: Path) -> None:
    """Demo step: import the bundled sample issues, render the newest as HTML, Markdown, text."""
    from newsdesk.archive.reading import expand_paths
    from newsdesk.issue.render import render
    from newsdesk.store.archive import load_issue, resolve_issue

    engine = engine_for(settings)
    console.print(f"\n[bold]1. Archive[/bold]: importing the bundled sample issues from {SAMPLE_ISSUES}")
    files, _ = expand_paths([SAMPLE_ISSUES])
    run_import(settings, engine, files)
    newest = load_issue(engine, resolve_issue(engine, "latest"))
    output.mkdir(parents=True, exist_ok=True)
    stem = (newest.label or "issue").replace("/", "-")
    for fmt in ("html", "md", "txt"):
        target = output / f"{stem}.{fmt}"
        target.write_text(render(newest, fmt), encoding="utf-8")
        console.print(f"   wrote {target.resolve()}")
