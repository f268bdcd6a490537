"""Publishing commands: candidates, compose, draft, publish, render."""

from __future__ import annotations

from pathlib import Path

import typer

from newsdesk.cli import app, console, err_console, get_state
from newsdesk.store.session import engine_for

RENDER_FORMATS = ("html", "pdf", "docx", "md", "txt", "atom")
BINARY_FORMATS = ("pdf", "docx")


def _load_issue(ctx: typer.Context, reference: str):
    from newsdesk.store.archive import IssueNotFound, load_issue, resolve_issue

    engine = engine_for(get_state(ctx).settings)
    try:
        return load_issue(engine, resolve_issue(engine, reference))
    except IssueNotFound as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc


@app.command("render")
def render_(
    ctx: typer.Context,
    issue: str = typer.Argument(..., help="Issue id, label (2022年第7期) or 'latest'."),
    fmt: str = typer.Option("txt", "--format", "-f", help=f"One of: {', '.join(RENDER_FORMATS)}."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="File to write (default: standard output; pdf and docx need a file)."
    ),
) -> None:
    """Write an archived issue in the house format (columns in the publication's order)."""
    from newsdesk.issue.render import render

    if fmt not in RENDER_FORMATS:
        err_console.print(
            f"[red]error:[/red] unknown format {fmt!r}; choose one of {', '.join(RENDER_FORMATS)}"
        )
        raise typer.Exit(2)
    if output is None and fmt in BINARY_FORMATS:
        err_console.print(f"[red]error:[/red] {fmt} is a binary format: give a file with -o issue.{fmt}")
        raise typer.Exit(2)
    content = render(_load_issue(ctx, issue), fmt)
    if output is None:
        typer.echo(content, nl=False)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        output.write_bytes(content)
    else:
        output.write_text(content, encoding="utf-8")
    console.print(f"wrote {output}")
