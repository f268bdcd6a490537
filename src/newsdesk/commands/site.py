"""Site commands: the static archive site and the archive's Atom feed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from newsdesk.cli import app, console, err_console, get_state
from newsdesk.text.display import shown

if TYPE_CHECKING:  # the database and settings are loaded only by a command that runs
    from newsdesk.config import Settings
    from newsdesk.issue.model import Issue


def archive_issues(settings: Settings) -> list[Issue]:
    """Every issue of the archive, every revision, with the configured look of its publication."""
    from newsdesk.publishing import with_configured_look
    from newsdesk.store.archive import list_issues, load_issue
    from newsdesk.store.session import engine_for

    engine = engine_for(settings)
    return [with_configured_look(load_issue(engine, stored.id), settings) for stored in list_issues(engine)]


def _size(n: int) -> str:
    return f"{n / 1024:.1f} KB" if n >= 1024 else f"{n} bytes"


@app.command("site")
def site(
    ctx: typer.Context,
    out_dir: Path = typer.Argument(
        ..., metavar="OUT_DIR", help="Folder to write the site to (replaced on each build)."
    ),
    site_url: str | None = typer.Option(
        None,
        "--site-url",
        help="Public address of the site, for absolute links in the feed (default: publication.site_url).",
    ),
) -> None:
    """Write the archive as a static site: issues, items, Atom feed, client-side search.

    Every link is relative, so the folder works from any web server or opened from disk.

    The site is built beside OUT_DIR and swapped in, so a failed build leaves the old one.
    Only an empty folder or a site built here is ever replaced.
    """
    from newsdesk.issue.site import SiteError, build_site

    settings = get_state(ctx).settings
    issues = archive_issues(settings)
    if not issues:
        err_console.print("the archive is empty: nothing to publish (see `newsdesk import`)")
        raise typer.Exit(1)
    try:
        report = build_site(
            issues,
            out_dir,
            site_url=site_url or settings.publication.site_url,
            templates_dir=settings.publication.templates_dir,
        )
    except SiteError as exc:
        err_console.print(f"[red]error:[/red] {shown(exc)}")
        raise typer.Exit(1) from exc
    revisions = f" (+{report.revision_pages} revision pages)" if report.revision_pages else ""
    console.print(
        f"wrote {report.out_dir}: {report.pages} pages — {report.issues} issues{revisions}, "
        f"{report.item_pages} items; feed.atom {_size(report.feed_bytes)}; "
        f"search index {report.search_entries} items, {_size(report.search_index_bytes)}"
    )
    console.print(f"open {shown(report.out_dir / 'index.html')}")


@app.command("feed")
def feed(
    ctx: typer.Context,
    output: Path | None = typer.Option(
        None, "--output", "-o", help="File to write (default: standard output)."
    ),
    site_url: str | None = typer.Option(
        None, "--site-url", help="Public address of the site, for links (default: publication.site_url)."
    ),
) -> None:
    """Print the archive's Atom feed: one entry per issue, newest first, corrections included."""
    from newsdesk.issue.atom import archive_feed

    settings = get_state(ctx).settings
    issues = archive_issues(settings)
    if not issues:
        err_console.print("the archive is empty: no feed to write (see `newsdesk import`)")
        raise typer.Exit(1)
    content = archive_feed(issues, site_url=site_url or settings.publication.site_url)
    if output is None:
        typer.echo(content, nl=False)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(content, encoding="utf-8")
    except OSError as exc:
        err_console.print(f"[red]error:[/red] cannot write {shown(output)}: {shown(exc.strerror or exc)}")
        raise typer.Exit(1) from exc
    console.print(f"wrote {shown(output)}")
