"""``newsdesk send``: e-mail an issue to the readers of a CSV file."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import typer
from rich.markup import escape

from newsdesk.cli import app, console, err_console, get_state
from newsdesk.store.session import engine_for

SHOWN_RECIPIENTS = 5


@app.command("send")
def send(
    ctx: typer.Context,
    issue: str = typer.Argument(..., help="Issue id, label (2022年第7期) or 'latest'."),
    to: Path | None = typer.Option(
        None, "--to", help="CSV of readers: a header row with 'email' and optionally 'name' (UTF-8 or GBK)."
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Build every message and say what would be sent; send and record nothing."
    ),
    status: bool = typer.Option(
        False, "--status", help="Count the issue's recipients by status, list failures."
    ),
    retry_failed: bool = typer.Option(
        False, "--retry-failed", help="Try again the recipients the server refused for good last time."
    ),
    retries: int = typer.Option(
        4,
        "--retries",
        min=0,
        help="Reconnections per message when the connection drops (waits 1 s, 2 s, 4 s…).",
    ),
) -> None:
    """E-mail an issue over SMTP, one message per reader (settings: the mail table of newsdesk.toml).

    Each message has the house text and the HTML as alternatives, an unsubscribe link and
    List-Unsubscribe headers. Every delivery is recorded: running the same command again
    after a crash or a dropped connection sends only to those not yet served. Lines of the
    CSV without a usable address, or repeating one, are reported and skipped.
    """
    from newsdesk.store.archive import IssueNotFound, load_issue, resolve_issue

    settings = get_state(ctx).settings
    engine = engine_for(settings)
    try:
        loaded = load_issue(engine, resolve_issue(engine, issue))
    except IssueNotFound as exc:
        _fail(str(exc))
    if status:
        _print_status(engine, loaded)
        return
    if to is None:
        _fail("give the readers with --to readers.csv (or ask for --status)", code=2)

    from newsdesk.issue import mailing

    try:
        readers = mailing.read_readers(to)
    except mailing.ReaderFileError as exc:
        _fail(f"{to}: {exc}")
    for skipped in readers.skipped:
        err_console.print(
            f"[yellow]![/yellow] {escape(str(to))} line {skipped.line}: skipped: {escape(skipped.reason)}",
            highlight=False,
        )
    if not readers.readers:
        _fail(f"{to}: no usable addresses")
    try:
        prepared = mailing.prepare_issue_mail(loaded, settings.mail, settings.publication.site_url)
        secret = mailing.mail_secret(settings.data_dir, create=not dry_run)
    except mailing.MailSetupError as exc:
        _fail(str(exc))

    if dry_run:
        _print_preview(
            mailing.preview_delivery(engine, prepared, readers.readers, secret), prepared, settings
        )
        return

    try:
        with mailing.send_lock(settings.data_dir, settings.effective_database_url, prepared.issue_id):
            if retry_failed:
                from newsdesk.store.sends import retry_failed as reopen_failed

                reopened = reopen_failed(engine, prepared.issue_id)
                if reopened:
                    console.print(f"{reopened} recipients refused last time will be tried again")
            report = _deliver(engine, prepared, readers.readers, settings, secret, retries)
    except mailing.SendInProgress as exc:
        _fail(str(exc))
    except mailing.DeliveryStopped as exc:
        _print_refusals(exc.report)
        _fail(
            f"{exc.reason}; {exc.report.sent_total} of {exc.report.total} sent; "
            "run the same command again to send the rest"
        )
    except KeyboardInterrupt:
        err_console.print("interrupted; run the same command again to send the rest")
        raise typer.Exit(130) from None
    _print_summary(report)
    if report.failed or report.deferred:
        raise typer.Exit(1)


def _fail(message: str, code: int = 1) -> NoReturn:
    err_console.print(f"[red]error:[/red] {escape(message)}", highlight=False)
    raise typer.Exit(code)


def _deliver(engine, prepared, readers, settings, secret, retries):
    from newsdesk.commands import progress_bar
    from newsdesk.issue.mailing import deliver_issue

    with progress_bar("[bold]sending", disable=not err_console.is_terminal) as progress:
        task = progress.add_task("send", total=None)

        def started(report, to_send: int) -> None:
            progress.update(task, total=to_send)

        return deliver_issue(
            engine,
            prepared,
            readers,
            settings.mail,
            secret,
            retries=retries,
            started=started,
            progress=lambda _outcome: progress.advance(task),
        )


def _print_refusals(report) -> None:
    for email, reason in report.failed:
        err_console.print(f"[red]✗[/red] {escape(email)}: refused: {escape(reason)}", highlight=False)
    for email, reason in report.deferred:
        err_console.print(
            f"[yellow]![/yellow] {escape(email)}: not sent this time: {escape(reason)}", highlight=False
        )


def _print_summary(report) -> None:
    _print_refusals(report)
    parts = [f"sent {report.sent} now", f"{report.sent_before} sent before (skipped)"]
    parts.append(f"{len(report.failed)} refused")
    if report.failed_before:
        parts.append(f"{report.failed_before} refused before (--retry-failed tries them again)")
    if report.deferred:
        parts.append(f"{len(report.deferred)} deferred (the next run tries them again)")
    console.print(
        f"{', '.join(parts)}; {report.sent_total} of {report.total} readers served",
        markup=False,
        highlight=False,
    )
    if report.pending_not_listed:
        console.print(
            f"{report.pending_not_listed} pending recipients of an earlier run are not in this list: not sent",
            highlight=False,
        )


def _print_preview(preview, prepared, settings) -> None:
    mail = settings.mail
    shown = ", ".join(r.email for r in preview.to_send[:SHOWN_RECIPIENTS])
    more = len(preview.to_send) - SHOWN_RECIPIENTS
    if more > 0:
        shown += f", … and {more} more"
    console.print(
        f"dry run: would send {len(preview.to_send)} of {preview.total} readers "
        f"({preview.sent_before} sent before, {preview.failed_before} refused before); nothing sent or recorded",
        markup=False,
        highlight=False,
    )
    console.print(f"subject: {prepared.subject}", markup=False, highlight=False)
    console.print(
        f"from: {prepared.sender} via {mail.host}:{mail.port} ({mail.security})",
        markup=False,
        highlight=False,
    )
    if preview.to_send:
        console.print(f"to: {shown}", markup=False, highlight=False)
        console.print(
            f"largest message: {preview.largest_bytes / 1024:.0f} KB", markup=False, highlight=False
        )


def _print_status(engine, issue) -> None:
    from newsdesk.store.sends import FAILED, PENDING, SENT, count_by_status, deliveries

    counts = count_by_status(engine, issue.id)
    label = f"issue {issue.id} «{issue.label}»"
    if not counts:
        console.print(f"{label}: not sent to anyone yet", markup=False, highlight=False)
        return
    console.print(
        f"{label}: {counts.get(SENT, 0)} sent, {counts.get(PENDING, 0)} pending, {counts.get(FAILED, 0)} refused",
        markup=False,
        highlight=False,
    )
    for delivery in deliveries(engine, issue.id, FAILED):
        console.print(f"✗ {delivery.email}: {delivery.error}", markup=False, highlight=False)
    for delivery in deliveries(engine, issue.id, PENDING):
        if delivery.error:
            console.print(f"! {delivery.email}: last try: {delivery.error}", markup=False, highlight=False)
