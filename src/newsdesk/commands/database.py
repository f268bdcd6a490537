"""Moving an archive between databases: ``newsdesk migrate-db FROM TO``."""

from __future__ import annotations

import typer

from newsdesk.cli import app, console, err_console
from newsdesk.text.display import shown


def _error(message: str, status: int) -> typer.Exit:
    err_console.print(f"[red]error:[/red] {shown(message, one_line=True)}", highlight=False)
    return typer.Exit(status)


@app.command("migrate-db")
def migrate_db(
    source: str = typer.Argument(
        ..., metavar="FROM", help="The archive to copy, e.g. sqlite:///newsdesk-data/newsdesk.db."
    ),
    destination: str = typer.Argument(
        ...,
        metavar="TO",
        help="Where to copy it, e.g. postgresql://editor@localhost/newsdesk (brought to the newest schema).",
    ),
    replace: bool = typer.Option(
        False,
        "--replace",
        help="TO holds an archive already: remove it and copy FROM in its place (one transaction).",
    ),
    batch: int = typer.Option(1000, "--batch", min=1, max=100_000, help="Rows read and written at a time."),
) -> None:
    """Copy an archive to another database (SQLite to PostgreSQL, or back), checked by counts.

    Every table is copied with its ids, in one transaction on TO; the search index is rebuilt there.

    TO must be empty unless --replace. FROM is read in one snapshot: collectors may go on.

    Prints the rows of each table in FROM and in TO, and exits 1 when they differ.
    """
    from newsdesk.commands import progress_bar
    from newsdesk.store.copy import CopyFailed, CopyRefused, DatabaseUnusable, copy_database
    from newsdesk.store.db import database_name, describe_database_error

    console.print(f"copying {database_name(source)} → {database_name(destination)}", highlight=False)
    with progress_bar() as bar:
        tasks: dict[str, int] = {}

        def progress(part: str, done: int, total: int) -> None:
            if part not in tasks:
                tasks[part] = bar.add_task(part, total=total)
            bar.update(tasks[part], completed=done, total=total)

        try:
            report = copy_database(source, destination, replace=replace, batch=batch, progress=progress)
        except CopyRefused as exc:
            raise _error(str(exc), 2) from exc
        except CopyFailed as exc:
            raise _error(str(exc), 1) from exc
        except DatabaseUnusable as exc:
            described = describe_database_error(exc.error, exc.url)
            if described is None:
                raise exc.error from exc
            raise _error(f"{exc.role}: {described}", 2) from exc

    if report.migrated_source:
        console.print("FROM was brought to the newest schema first")
    if report.replaced:
        removed = ", ".join(f"{n} {table}" for table, n in report.replaced.items())
        console.print(f"replaced what TO held: {removed}", highlight=False)
    width = max(len(c.table) for c in report.counts)
    console.print(f"{'table':<{width}}  {'FROM':>9}  {'TO':>9}", highlight=False)
    for count in report.counts:
        mark = "" if count.ok else "  ← differs"
        console.print(f"{count.table:<{width}}  {count.source:>9}  {count.copied:>9}{mark}", highlight=False)
    for name, built in report.rebuilt.items():
        detail = ", ".join(f"{n} {part}" for part, n in built.items()) if isinstance(built, dict) else ""
        console.print(f"{name} rebuilt on TO" + (f": {detail}" if detail else ""), highlight=False)
    rows = sum(c.copied for c in report.counts)
    if not report.ok:
        differing = ", ".join(c.table for c in report.counts if not c.ok)
        raise _error(f"the counts differ in {differing}: TO is not a full copy of FROM", 1)
    console.print(f"copied {rows} rows of {len(report.counts)} tables: every count matches", highlight=False)
