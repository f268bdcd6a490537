"""Archive commands: import, parse-issue, issues, show, render, issue remove."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.table import Table

from newsdesk.cli import app, console, err_console, get_state
from newsdesk.store.session import engine_for
from newsdesk.text.display import printable, shown

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
    # File names, labels, columns and text come from the files: never taken for markup.
    name = shown(outcome.path, one_line=True)
    if not outcome.ok:
        err_console.print(f"[red]✗[/red] {name}: {shown(outcome.error, one_line=True)}")
        return
    counts = "  ".join(f"{shown(column, one_line=True)} {n}" for column, n in outcome.column_counts)
    total = sum(n for _, n in outcome.column_counts)
    verb = "imported as" if outcome.created else "already in the archive as"
    mark = "[green]✓[/green]" if outcome.created else "[yellow]=[/yellow]"
    console.print(
        f"{mark} {name}: {verb} issue {outcome.issue_id} «{shown(outcome.label, one_line=True)}», {total} items: {counts}"
    )
    if outcome.notice:
        err_console.print(f"  [yellow]![/yellow] {name}: {shown(outcome.notice, one_line=True)}")
    for u in outcome.unplaced:
        lines = (
            f"line {u.first_line}" if u.first_line == u.last_line else f"lines {u.first_line}–{u.last_line}"
        )
        preview = u.text.replace("\n", " ")
        preview = shown(preview if len(preview) <= 60 else preview[:57] + "…", one_line=True)
        err_console.print(
            f"  [yellow]![/yellow] {name} {lines}: not placed in an item ({u.reason}): {preview}"
        )


@app.command("import")
def import_(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(
        ..., help="Issue files (.pdf with a text layer, .txt) or folders of them."
    ),
    replace: bool = typer.Option(
        False, "--replace", help="Replace the issue already stored under the same label (one transaction)."
    ),
) -> None:
    """Import past issues into the archive.

    Each file becomes one issue; importing the same file again changes nothing. Text that
    cannot be placed in an item is reported with its line numbers. A bad file is reported
    and the rest of the batch goes on; the exit status is 1 if any file failed. A label
    already in the archive is said; --replace replaces that issue. A file beyond
    archive.max_items_per_issue or archive.max_columns_per_issue is refused.
    """
    from newsdesk.archive.reading import expand_paths

    settings = get_state(ctx).settings
    engine = engine_for(settings)
    files, problems = expand_paths(paths)
    for path, reason in problems:
        err_console.print(f"[red]✗[/red] {shown(path, one_line=True)}: {reason}")
    outcomes = run_import(settings, engine, files, replace=replace)
    failed = len(problems) + sum(not o.ok for o in outcomes)
    created = sum(o.created for o in outcomes)
    console.print(
        f"{len(files)} files: {created} new issues, {sum(o.ok and not o.created for o in outcomes)} already archived, "
        f"{failed} failed"
    )
    if failed:
        raise typer.Exit(1)


def run_import(
    settings: Settings, engine, files: list[Path], *, replace: bool = False
) -> list[ImportOutcome]:
    from newsdesk.archive.importer import import_issue_file
    from newsdesk.commands import progress_bar

    outcomes = []
    with progress_bar(disable=len(files) < 2) as progress:
        task = progress.add_task("importing", total=len(files))
        for path in files:
            progress.update(task, description=f"importing {shown(path.name, one_line=True)}")
            # Re-read each time: an import teaches the publication new columns.
            outcome = import_issue_file(
                engine, path, _known_publication(settings, engine), limits=settings.archive, replace=replace
            )
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
        err_console.print(f"[red]error:[/red] {shown(path, one_line=True)}: {shown(exc, one_line=True)}")
        raise typer.Exit(1) from exc
    for u in issue.unplaced:
        err_console.print(
            f"{shown(path, one_line=True)} lines {u.first_line}–{u.last_line}: not placed in an item ({u.reason})"
        )
    if as_json:
        typer.echo(json.dumps([item.as_public_dict() for item in issue.items], ensure_ascii=False, indent=2))
        return
    table = Table(title=f"{shown(path.name, one_line=True)}: {len(issue.items)} items")
    for name in ("#", "column"):
        table.add_column(name, no_wrap=True)
    # Chinese has no spaces to wrap at: fold a long title onto the next line, never cut it
    table.add_column("title", overflow="fold", ratio=1)
    for name in ("outlet", "date", "chars"):
        table.add_column(name, no_wrap=True)
    for n, item in enumerate(issue.items, start=1):
        d = item.as_public_dict()
        outlet = d["outlet"] or ("编辑部整理" if d["office_compiled"] else "—")
        table.add_row(
            str(n),
            shown(item.column),
            shown(item.title),
            shown(outlet),
            d["date"] or "—",
            str(len(item.body)),
        )
    console.print(table)


@app.command("issues")
def issues_(ctx: typer.Context) -> None:
    """List the issues in the archive, newest first."""
    from newsdesk.store.listing import list_issues_from_file

    state = get_state(ctx)
    stored = list_issues_from_file(state.database_url)
    if stored is None:  # not an SQLite file at the newest schema: open it the usual way
        from newsdesk.store.archive import list_issues

        stored = list_issues(engine_for(state.settings))
    if not stored:
        console.print("The archive is empty: `newsdesk import PATH...` adds past issues.")
        return
    table = Table("id", "issue", "publication", "date", "items", "from")
    for s in stored:
        label = shown(s.label, one_line=True)
        if s.serial:
            label += f" (总第{s.serial}期)"
        if s.revision > 1:
            label += f" 修订版 {s.revision}"
        if s.published_at is not None:
            origin = f"published {s.published_at:%Y-%m-%d %H:%M} UTC"
        else:
            origin = shown(s.source_path or "", one_line=True)
        table.add_row(
            str(s.id),
            label,
            f"《{shown(s.publication, one_line=True)}》",
            str(s.issue_date or "—"),
            str(s.item_count),
            origin,
        )
    console.print(table)


def _load(ctx: typer.Context, reference: str):
    from newsdesk.store.archive import IssueNotFound, load_issue, resolve_issue

    engine = engine_for(get_state(ctx).settings)
    try:
        return load_issue(engine, resolve_issue(engine, reference))
    except IssueNotFound as exc:
        err_console.print(f"[red]error:[/red] {shown(exc, one_line=True)}")
        raise typer.Exit(1) from exc


@app.command()
def show(
    ctx: typer.Context, issue: str = typer.Argument(..., help="Issue id, label (2022年第7期) or 'latest'.")
) -> None:
    """Print one archived issue in the house text format."""
    from newsdesk.issue.render import render

    typer.echo(render(_load(ctx, issue), "txt"), nl=False)


issue_app = typer.Typer(help="One issue of the archive.", no_args_is_help=True)
app.add_typer(issue_app, name="issue")


@issue_app.command("remove")
def issue_remove(
    ctx: typer.Context,
    issue: str = typer.Argument(..., help="Issue id, label (2022年第7期), LABEL@N or 'latest'."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
) -> None:
    """Remove an issue and its items from the archive (its e-mail deliveries go with it)."""
    from newsdesk.store.archive import IssueNotFound, load_issue, remove_issue, resolve_issue

    engine = engine_for(get_state(ctx).settings)
    try:
        issue_id = resolve_issue(engine, issue)
        stored = load_issue(engine, issue_id)
    except IssueNotFound as exc:
        err_console.print(f"[red]error:[/red] {shown(exc, one_line=True)}")
        raise typer.Exit(1) from exc
    label = shown(stored.label, one_line=True)
    if not yes and not typer.confirm(
        f"Remove issue {issue_id} «{printable(stored.label, one_line=True)}» and its {len(stored.items)} items?"
    ):
        raise typer.Exit(1)
    try:
        removed = remove_issue(engine, issue_id)
    except IssueNotFound as exc:  # removed meanwhile
        err_console.print(f"[red]error:[/red] {shown(exc, one_line=True)}")
        raise typer.Exit(1) from exc
    console.print(f"removed issue {removed.id} «{label}» and its {removed.item_count} items")


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
