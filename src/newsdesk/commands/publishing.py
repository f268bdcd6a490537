"""Publishing commands: candidates, compose, draft, publish, render."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from newsdesk.cli import app, console, err_console, get_state
from newsdesk.issue.render import BINARY_FORMATS
from newsdesk.issue.render import FORMATS as RENDER_FORMATS
from newsdesk.publishing import draft_from_candidates, publication_being_made, with_configured_look
from newsdesk.store.session import engine_for

if TYPE_CHECKING:
    from rich.text import Text


def load_archived_issue(ctx: typer.Context, reference: str):
    """An issue of the archive by id, label, LABEL@N or 'latest', with the configured look;
    a one-line error and exit 1 when there is no such issue."""
    from newsdesk.store.archive import IssueNotFound, load_issue, resolve_issue

    settings = get_state(ctx).settings
    engine = engine_for(settings)
    try:
        return with_configured_look(load_issue(engine, resolve_issue(engine, reference)), settings)
    except IssueNotFound as exc:
        raise _fail(str(exc)) from exc


def write_output(path: Path, content: str | bytes) -> None:
    """Write a rendered file; a path that cannot be written is a one-line error naming it."""
    if path.is_dir():
        raise _fail(f"{path} is a folder: give a file name", 2)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise _fail(f"cannot write {path}: {exc.strerror or exc}", 2) from exc


@app.command("render")
def render_(
    ctx: typer.Context,
    issue: str = typer.Argument(
        ..., help="Issue id, label (2022年第7期), LABEL@N for revision N, or 'latest'."
    ),
    fmt: str = typer.Option("txt", "--format", "-f", help=f"One of: {', '.join(RENDER_FORMATS)}."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="File to write (default: standard output; pdf and docx need a file)."
    ),
) -> None:
    """Write an archived issue as HTML, PDF, DOCX, Markdown, the house text or Atom.

    HTML, PDF and DOCX carry the masthead, a table of contents by column and the colophon;
    the look comes from [publication] in newsdesk.toml (sponsor, logo, templates_dir).
    """
    from newsdesk.issue.render import RenderError, render

    if fmt not in RENDER_FORMATS:
        raise _fail(f"unknown format {fmt!r}; choose one of {', '.join(RENDER_FORMATS)}", 2)
    if output is None and fmt in BINARY_FORMATS:
        raise _fail(f"{fmt} is a binary format: give a file with -o issue.{fmt}", 2)
    if output is not None and output.is_dir():
        raise _fail(f"{output} is a folder: give a file name, e.g. {output / ('issue.' + fmt)}", 2)
    settings = get_state(ctx).settings
    loaded = load_archived_issue(ctx, issue)
    try:
        content = render(loaded, fmt, templates_dir=settings.publication.templates_dir)
    except RenderError as exc:
        raise _fail(str(exc)) from exc
    if output is None:
        typer.echo(content, nl=False)
        return
    write_output(output, content)
    console.print(_plain(f"wrote {output}"))


# --- output helpers --------------------------------------------------------------------------


def _plain(value: object) -> Text:
    """Text from outside (titles, outlets, bodies) shown as is: never read as Rich markup, and
    without control characters that would drive the terminal."""
    from rich.text import Text as RichText

    from newsdesk.text.display import printable

    return RichText(printable(value))


def _fail(message: str, code: int = 1) -> typer.Exit:
    err_console.print(_plain_line("error: ", message, style="red"))
    return typer.Exit(code)


def _plain_line(prefix: str, message: str, style: str | None = None) -> Text:
    from rich.text import Text as RichText

    line = RichText(prefix, style=style)
    line.append_text(_plain(message))
    return line


def _engine(ctx: typer.Context):
    return engine_for(get_state(ctx).settings)


def _publication(ctx: typer.Context):
    return publication_being_made(get_state(ctx).settings)


def _check_column(ctx: typer.Context, column: str) -> None:
    columns = _publication(ctx).columns
    if columns and column not in columns:
        raise _fail(f"no column {column!r} in this publication; its columns are {'、'.join(columns)}", 2)


# --- candidates ------------------------------------------------------------------------------


def _candidate_dict(c) -> dict:
    return {
        "id": c.id,
        "cluster_id": c.cluster_id,
        "column": c.column,
        "confidence": round(c.confidence, 3),
        "column_reasons": c.column_reasons,
        "relevance": round(c.relevance, 3),
        "relevance_reasons": c.relevance_reasons,
        "status": c.status,
        "title": c.title,
        "outlets": c.outlets,
        "articles": c.size,
        "published_at": c.published_at.isoformat() if c.published_at else None,
        "source_url": c.source_url,
        "body": c.body,
        "figures": c.figures,
        "attribution": c.attribution_line,
    }


@app.command()
def candidates(
    ctx: typer.Context,
    since: str = typer.Option(
        "7d", "--since", help="Clusters changed in this window: 7d, 48h, 2w or 2022-06-01."
    ),
    column: str | None = typer.Option(None, "--column", "-c", help="Only this column."),
    show_all: bool = typer.Option(False, "--all", help="Also rejected and already published ones."),
    limit: int = typer.Option(60, "--limit", "-n", help="At most this many (the best first)."),
    as_json: bool = typer.Option(
        False, "--json", help="JSON lines, one candidate each, with body and figures."
    ),
) -> None:
    """The week's clusters as candidate items, best first.

    Each shows its suggested column (with the reasons), relevance, the outlets that reported
    it and the attribution line it would print. `newsdesk candidate show ID` prints one whole;
    `newsdesk compose` puts them into a draft issue.
    """
    from newsdesk.commands.editorial import parse_since
    from newsdesk.issue.compose import SPENT_STATUSES, rank
    from newsdesk.store.drafts import list_candidates

    found = list_candidates(_engine(ctx), since=parse_since(since), column=column, with_figures=as_json)
    if not show_all:
        found = [c for c in found if c.status not in SPENT_STATUSES]
    ranked = rank(found)[: max(limit, 0)]
    if as_json:
        for c in ranked:
            typer.echo(json.dumps(_candidate_dict(c), ensure_ascii=False))
        return
    if not ranked:
        console.print(
            f"no candidates changed in the last {since}: run `newsdesk collect` and `newsdesk process`, "
            "or widen --since (e.g. --since 30d)"
        )
        return
    from rich.table import Table

    table = Table(title=f"{len(ranked)} candidates since {since}, best first")
    for name, justify in (
        ("id", "right"),
        ("column", "left"),
        ("rel.", "right"),
        ("title", "left"),
        ("outlets", "left"),
        ("date", "left"),
        ("status", "left"),
    ):
        table.add_column(name, justify=justify)
    for c in ranked:
        table.add_row(
            str(c.id),
            _plain(c.column),
            f"{c.relevance:.2f}",
            _plain(c.title),
            _plain("、".join(c.outlets) or "—"),
            c.attribution.date.isoformat() if c.attribution and c.attribution.date else "—",
            c.status,
        )
    console.print(table)
    console.print("`newsdesk candidate show ID` prints one whole; `newsdesk compose --auto` drafts an issue.")


candidate_app = typer.Typer(help="One candidate item.", no_args_is_help=True)
app.add_typer(candidate_app, name="candidate")


@candidate_app.command("show")
def candidate_show(
    ctx: typer.Context,
    candidate_id: int = typer.Argument(..., help="Candidate id (see `newsdesk candidates`)."),
    as_json: bool = typer.Option(False, "--json", help="As one JSON object."),
) -> None:
    """Print one candidate whole: column and reasons, relevance, outlets, figures, the item."""
    from newsdesk.store.drafts import DraftError, get_candidate

    try:
        c = get_candidate(_engine(ctx), candidate_id)
    except DraftError as exc:
        raise _fail(str(exc)) from exc
    if as_json:
        typer.echo(json.dumps(_candidate_dict(c), ensure_ascii=False, indent=2))
        return
    facts = [
        ("column", f"{c.column} (confidence {c.confidence:.2f}): {'; '.join(c.column_reasons) or '—'}"),
        ("relevance", f"{c.relevance:.2f}: {'; '.join(c.relevance_reasons) or '—'}"),
        ("outlets", f"{'、'.join(c.outlets) or '—'} ({c.size} articles)"),
        ("status", c.status),
        ("source", c.source_url or "—"),
    ]
    for name, value in facts:
        console.print(_plain_line(f"{name:>10}  ", value, style="bold"))
    if c.figures:
        console.print(_plain_line(f"{'figures':>10}  ", "", style="bold"))
        for f in c.figures[:12]:
            detail = " · ".join(x for x in (f.get("subject"), f.get("period")) if x)
            console.print(_plain(f"            {f['text']}" + (f"  ({detail})" if detail else "")))
    console.rule()
    from newsdesk.issue.model import Issue
    from newsdesk.issue.render import render_text

    typer.echo(render_text(Issue(items=[c.as_item()])), nl=False)


# --- compose ---------------------------------------------------------------------------------


@app.command()
def compose(
    ctx: typer.Context,
    since: str = typer.Option("7d", "--since", help="Candidates of clusters changed in this window."),
    label: str | None = typer.Option(
        None, "--label", help="The issue's label, e.g. 2022年第9期 (default: next in the archive)."
    ),
    serial: int | None = typer.Option(None, "--serial", help="总第N期 (default: next in the archive)."),
    issue_date: str | None = typer.Option(None, "--date", help="Issue date, YYYY-MM-DD (default: today)."),
    auto: bool = typer.Option(
        False,
        "--auto",
        help="Fill each column with the best candidates up to its quota (publication.column_quotas).",
    ),
) -> None:
    """Make a draft issue from the candidates.

    Without --auto the draft takes what the editor accepted with `newsdesk decide`; with it,
    each column is filled from the ranked candidates up to the quotas in newsdesk.toml.
    Then edit it with `newsdesk draft …` and publish it with `newsdesk publish`.
    """
    from newsdesk.commands.editorial import parse_since
    from newsdesk.issue.attribution import CHINA_TIME
    from newsdesk.store.drafts import DraftError

    settings = get_state(ctx).settings
    try:
        day = dt.date.fromisoformat(issue_date) if issue_date else dt.datetime.now(CHINA_TIME).date()
    except ValueError as exc:
        raise _fail(f"--date {issue_date!r}: use YYYY-MM-DD", 2) from exc
    try:
        draft_id = draft_from_candidates(settings, parse_since(since), day, label, serial, auto)
    except DraftError as exc:
        raise _fail(f"{exc} (clusters changed in the last {since})") from exc
    _print_draft(_engine(ctx), draft_id)


# --- the draft -------------------------------------------------------------------------------

draft_app = typer.Typer(
    help="Look at and edit the draft issue: show, add, drop, move, edit, discard, revise.",
    no_args_is_help=True,
)
app.add_typer(draft_app, name="draft")


def _open_draft(ctx: typer.Context):
    from newsdesk.store.drafts import DraftError, load_draft

    try:
        return load_draft(_engine(ctx))
    except DraftError as exc:
        raise _fail(str(exc)) from exc


def _print_draft(engine, draft_id: int | None = None) -> None:
    from rich.table import Table

    from newsdesk.store.drafts import load_draft

    draft = load_draft(engine, draft_id)
    head = f"draft {draft.label}" + (f" (总第{draft.serial}期)" if draft.serial else "")
    if draft.revises_issue_id:
        head += f", a correction of issue {draft.revises_issue_id}"
    table = Table(title=f"{head}: {len(draft.items)} items", title_justify="left")
    for name, justify in (
        ("#", "right"),
        ("column", "left"),
        ("title", "left"),
        ("attribution", "left"),
        ("chars", "right"),
    ):
        table.add_column(name, justify=justify)
    from newsdesk.issue.attribution import attribution_line

    previous = None
    for n, d in enumerate(draft.items, start=1):
        table.add_row(
            str(n),
            _plain(d.column if d.column != previous else ""),
            _plain(d.title),
            _plain(attribution_line(d.attribution) if d.attribution else "（书讯：无来源行）"),
            str(len(d.body)),
        )
        previous = d.column
    console.print(table)
    console.print(_plain("  ".join(f"{column} {n}" for column, n in _column_counts(draft.items))))
    console.print(
        "edit: newsdesk draft edit N · move: draft move N --column C --position P · drop: draft drop N · publish: newsdesk publish"
    )


@draft_app.command("show")
def draft_show(
    ctx: typer.Context,
    text: bool = typer.Option(False, "--text", help="The whole draft in the house text format."),
) -> None:
    """The open draft: items by column, numbered as the other draft commands expect."""
    draft = _open_draft(ctx)
    if text:
        from newsdesk.issue.render import render_text

        typer.echo(render_text(draft.as_issue()), nl=False)
        return
    _print_draft(_engine(ctx), draft.id)


@draft_app.command("add")
def draft_add(
    ctx: typer.Context,
    candidate_id: int = typer.Argument(..., help="Candidate id (see `newsdesk candidates`)."),
    column: str | None = typer.Option(
        None, "--column", "-c", help="File it here (default: its suggested column)."
    ),
) -> None:
    """Add a candidate to the end of its column in the draft."""
    from newsdesk.store.drafts import DraftError, add_item, get_candidate

    draft = _open_draft(ctx)
    if column:
        _check_column(ctx, column)
    try:
        c = get_candidate(_engine(ctx), candidate_id)
        add_item(_engine(ctx), draft.id, column or c.column, c.as_item(column), candidate_id)
    except DraftError as exc:
        raise _fail(str(exc)) from exc
    console.print(_plain(f"added candidate {candidate_id} «{c.title}» to {column or c.column}"))


def _numbered(ctx: typer.Context, number: int):
    draft = _open_draft(ctx)
    try:
        return draft, draft.item_number(number)
    except LookupError as exc:
        raise _fail(str(exc)) from exc


@draft_app.command("drop")
def draft_drop(
    ctx: typer.Context, number: int = typer.Argument(..., help="Item number as `draft show` lists it.")
) -> None:
    """Take an item out of the draft (the candidate stays available)."""
    from newsdesk.store.drafts import remove_item

    draft, item = _numbered(ctx, number)
    remove_item(_engine(ctx), draft.id, item.id)
    console.print(_plain(f"dropped {number}: «{item.title}»"))


@draft_app.command("move")
def draft_move(
    ctx: typer.Context,
    number: int = typer.Argument(..., help="Item number as `draft show` lists it."),
    column: str | None = typer.Option(None, "--column", "-c", help="Move it to this column (default: stay)."),
    position: int | None = typer.Option(
        None, "--position", "-p", min=1, help="Its place in the column, 1 = first (default: last)."
    ),
) -> None:
    """Reorder an item within its column or move it to another column."""
    from newsdesk.store.drafts import move_item

    draft, item = _numbered(ctx, number)
    target = column or item.column
    if column:
        _check_column(ctx, column)
    move_item(_engine(ctx), draft.id, item.id, target, position)
    _print_draft(_engine(ctx), draft.id)


@draft_app.command("edit")
def draft_edit(
    ctx: typer.Context, number: int = typer.Argument(..., help="Item number as `draft show` lists it.")
) -> None:
    """Edit an item in $EDITOR as the house text: column header, title, body, attribution line.

    The text is parsed back when the editor closes, so what is saved is what was seen. A
    change of the 【column】 header moves the item; a change of the attribution line changes
    the outlet, the office or the date.
    """
    from newsdesk.archive.item_text import ItemTextError, item_from_house_text, item_house_text
    from newsdesk.store.drafts import StaleEdit, update_item

    draft, item = _numbered(ctx, number)
    original = item_house_text(item.as_item())
    edited = _edit_in_editor(original)
    if edited.strip() == original.strip():
        console.print("no change")
        return
    try:
        changed = item_from_house_text(edited, source_url=item.source_url)
    except ItemTextError as exc:
        raise _fail(f"not saved: {exc}") from exc
    _check_column(ctx, changed.column)
    try:
        update_item(_engine(ctx), draft.id, item.id, item.version, changed)
    except StaleEdit as exc:
        raise _fail(str(exc)) from exc
    console.print(_plain(f"saved {number}: «{changed.title}»"))


def _edit_in_editor(text: str) -> str:
    """Open $VISUAL or $EDITOR (else vi) on ``text`` in a temporary UTF-8 file; return what was saved."""
    import os
    import shlex
    import subprocess
    import tempfile

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    with tempfile.TemporaryDirectory(prefix="newsdesk-edit-") as folder:
        path = Path(folder) / "item.txt"
        path.write_text(text, encoding="utf-8")
        try:
            done = subprocess.run([*shlex.split(editor), str(path)], check=False)
        except OSError as exc:
            raise _fail(f"cannot start the editor {editor!r} ($EDITOR): {exc.strerror}", 2) from exc
        if done.returncode != 0:
            raise _fail(f"the editor {editor!r} exited with status {done.returncode}: nothing saved")
        return path.read_text(encoding="utf-8")


@draft_app.command("discard")
def draft_discard(
    ctx: typer.Context, yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask.")
) -> None:
    """Throw the open draft away (its candidates stay available)."""
    from newsdesk.store.drafts import discard_draft

    draft = _open_draft(ctx)
    if not yes and not typer.confirm(f"discard draft {draft.label} with {len(draft.items)} items?"):
        raise typer.Exit(1)
    discard_draft(_engine(ctx), draft.id)
    console.print(_plain(f"discarded draft {draft.label}"))


@draft_app.command("revise")
def draft_revise(
    ctx: typer.Context, issue: str = typer.Argument(..., help="A published issue: id or label.")
) -> None:
    """Open a correction of a published issue; `newsdesk publish` then makes its next revision.

    The published revision is never changed and stays readable (`newsdesk show LABEL@1`).
    """
    from newsdesk.store.archive import IssueNotFound, resolve_issue
    from newsdesk.store.drafts import DraftError, draft_from_issue

    engine = _engine(ctx)
    try:
        draft_id = draft_from_issue(engine, resolve_issue(engine, issue))
    except (IssueNotFound, DraftError) as exc:
        raise _fail(str(exc)) from exc
    _print_draft(engine, draft_id)


# --- publish ---------------------------------------------------------------------------------


@app.command()
def publish(
    ctx: typer.Context,
    draft_id: int | None = typer.Argument(None, help="Draft id (default: the open draft)."),
) -> None:
    """Freeze the draft as an issue of the archive.

    A published issue never changes: a correction (`newsdesk draft revise`) is published as
    revision 2, and revision 1 stays readable. Render it with `newsdesk render LABEL -f pdf -o …`.
    """
    from newsdesk.issue.render import render_text
    from newsdesk.store.drafts import DraftError, load_draft, publish_draft

    engine = _engine(ctx)
    try:
        draft = load_draft(engine, draft_id)
        issue_id, revision = publish_draft(engine, draft.id, render_text)
    except DraftError as exc:
        raise _fail(str(exc)) from exc
    what = f"{draft.label}" + (f" (总第{draft.serial}期)" if draft.serial else "")
    if revision > 1:
        what += f", revision {revision}"
    console.print(_plain(f"published {what} as issue {issue_id}: {len(draft.items)} items"))
    console.print(_plain(f"render it: newsdesk render {issue_id} --format pdf -o {draft.label}.pdf"))


def run_demo_publish(settings, output: Path) -> None:
    """Demo step: compose a new issue from the processed corpus, publish it, render every format."""
    from newsdesk.issue.attribution import report_date
    from newsdesk.issue.render import RenderError, render, render_text
    from newsdesk.store.archive import load_issue
    from newsdesk.store.drafts import (
        DraftError,
        latest_published_issue_id,
        list_candidates,
        load_draft,
        open_draft_id,
        publish_draft,
    )

    console.print("\n[bold]4. Publishing[/bold]: a new issue composed from the clusters, published, rendered")
    engine = engine_for(settings)
    draft_id = open_draft_id(engine)
    if draft_id is None and latest_published_issue_id(engine) is None:
        # The bundled corpus reports June–July 2022: date the issue the day after its newest report.
        dates = [c.published_at for c in list_candidates(engine, with_figures=False) if c.published_at]
        day = report_date(max(dates), dt.date.today()) + dt.timedelta(days=1) if dates else dt.date.today()
        try:
            draft_id = draft_from_candidates(settings, None, day, None, None, auto=True)
        except DraftError:
            draft_id = None
    if draft_id is not None:
        draft = load_draft(engine, draft_id)
        issue_id, _ = publish_draft(engine, draft_id, render_text)
        console.print(
            _plain(f"   composed and published {draft.label} (总第{draft.serial}期) as issue {issue_id}: ")
            + _plain("  ".join(f"{c} {n}" for c, n in _column_counts(draft.items)))
        )
    else:
        issue_id = latest_published_issue_id(engine)
        if issue_id is None:
            console.print("   no candidates to compose an issue from")
            return
        console.print(f"   the demo issue was published by an earlier run: issue {issue_id}")
    issue = with_configured_look(load_issue(engine, issue_id), settings)
    output.mkdir(parents=True, exist_ok=True)
    stem = (issue.label or f"issue-{issue_id}").replace("/", "-")
    for fmt in RENDER_FORMATS:
        target = output / f"{stem}.{fmt}"
        try:
            write_output(target, render(issue, fmt, templates_dir=settings.publication.templates_dir))
        except RenderError as exc:
            console.print(_plain_line("   ✗ ", f"{fmt}: {exc}", style="red"))
            continue
        console.print(_plain(f"   wrote {target.resolve()}"))

    from newsdesk.commands.site import archive_issues
    from newsdesk.issue.site import SiteError, build_site

    try:
        report = build_site(
            archive_issues(settings),
            output / "site",
            site_url=settings.publication.site_url,
            templates_dir=settings.publication.templates_dir,
        )
    except SiteError as exc:
        console.print(_plain_line("   ✗ ", f"site: {exc}", style="red"))
        return
    console.print(
        _plain(f"   wrote the archive site, {report.issues} issues and {report.item_pages} item pages: ")
        + _plain(str((report.out_dir / "index.html").resolve()))
    )


def _column_counts(items) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item.column] = counts.get(item.column, 0) + 1
    return list(counts.items())
