"""``newsdesk worker`` and ``newsdesk jobs``: parallel workers on PostgreSQL (procrastinate)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer
from rich import box
from rich.table import Table

from newsdesk.cli import app, console, err_console, get_state
from newsdesk.text.display import shown

if TYPE_CHECKING:
    from newsdesk.config import Settings

jobs_app = typer.Typer(
    help="Queue work for the workers and see what they do (PostgreSQL).", invoke_without_command=True
)
app.add_typer(jobs_app, name="jobs")


@app.command()
def worker(
    ctx: typer.Context,
    concurrency: int = typer.Option(
        4, "--concurrency", "-c", min=1, max=64, help="Jobs this worker runs at once."
    ),
    until_idle: bool = typer.Option(
        False, "--until-idle", help="Stop once no job waits or runs on any worker (a backlog, a test)."
    ),
    attempts: int = typer.Option(3, "--attempts", min=1, max=20, help="Runs of a failing job in all."),
    retry_wait: float = typer.Option(
        30.0, "--retry-wait", min=0.1, help="Seconds before a failed job runs again; doubled each time."
    ),
    heartbeat: float = typer.Option(
        10.0,
        "--heartbeat",
        min=0.2,
        help="Seconds between a worker's signs of life; the job of a worker silent for three "
        "runs again elsewhere. The same on every worker.",
    ),
    name: str | None = typer.Option(None, "--name", help="Name in the logs (default host-pid)."),
) -> None:
    """Collect and process in the background, sharing the work with the other workers.

    Run any number against one PostgreSQL database, on one machine or several.

    Sources are collected when due, new articles processed in batches, failed jobs retried.

    The job of a worker that died runs again on another. Ctrl-C stops after the running jobs.
    """
    from newsdesk.jobs.tasks import Tuning
    from newsdesk.jobs.worker import WorkerStopped, run_worker

    settings = _postgresql_settings(ctx)
    tuning = Tuning(concurrency=concurrency, attempts=attempts, retry_wait=retry_wait, heartbeat=heartbeat)
    try:
        run_worker(settings, tuning, until_idle=until_idle, name=name)
    except WorkerStopped as exc:
        err_console.print(f"[red]error:[/red] {shown(exc, one_line=True)}", highlight=False)
        raise typer.Exit(1) from exc


@jobs_app.callback()
def jobs_status(ctx: typer.Context) -> None:
    """Jobs waiting, running and failed, per kind (with no subcommand)."""
    if ctx.invoked_subcommand is not None:
        return
    settings = _postgresql_settings(ctx)

    async def look():
        from newsdesk.jobs import queue

        app_ = queue.make_app(settings.effective_database_url)
        async with app_.open_async():
            await queue.ensure_schema(app_)
            counted = await queue.counts(app_)
            running = list(await app_.job_manager.list_jobs_async(status="doing"))
            failed = list(await app_.job_manager.list_jobs_async(status="failed"))
        return counted, running, failed

    counted, running, failed = _run(look())
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("job", "queued", "running", "failed"):
        table.add_column(column, justify="left" if column == "job" else "right")
    for entry in counted:
        table.add_row(
            entry.task,
            str(entry.todo),
            str(entry.doing),
            f"[red]{entry.failed}[/red]" if entry.failed else "0",
        )
    console.print(table)
    for job in running:
        console.print(f"running: {_described(job)}")
    # the newest failures; a failed collection's error is the source's last error
    for job in sorted(failed, key=lambda j: j.id or 0, reverse=True)[:10]:
        console.print(f"[red]failed:[/red] {_described(job)} after {job.attempts} attempt(s)")
    if failed:
        console.print("why a collection failed: the last error in newsdesk source list")


def _described(job) -> str:
    from newsdesk.jobs.queue import TASK_LABELS

    source = job.task_kwargs.get("source_name")
    return f"job {job.id} {TASK_LABELS.get(job.task_name, job.task_name)}" + (
        f" {shown(source)}" if source else ""
    )


@jobs_app.command("collect")
def jobs_collect(
    ctx: typer.Context,
    source: list[str] | None = typer.Argument(
        None, help="Source names or locations (default: every active source)."
    ),
) -> None:
    """Queue a collection of the sources now, due or not."""
    from newsdesk.store import sources as source_store
    from newsdesk.store.session import engine_for

    settings = _postgresql_settings(ctx)
    engine = engine_for(settings)
    if source:
        chosen = []
        for key in source:
            found = source_store.find_source(engine, key)
            if found is None:
                _fail(f"no source named {shown(repr(key))} (see newsdesk source list)")
            chosen.append(found)
    else:
        chosen = [s for s in source_store.list_sources(engine) if not s.paused and not s.gone]
    if not chosen:
        console.print("no active source: add one with newsdesk source add")
        return

    async def enqueue():
        from newsdesk.jobs import queue
        from newsdesk.jobs.tasks import queue_collection

        app_ = queue.make_app(settings.effective_database_url)
        async with app_.open_async():
            await queue.ensure_schema(app_)
            return [await queue_collection(app_, s, force=True) for s in chosen]

    ids = _run(enqueue())
    queued = sum(1 for job_id in ids if job_id is not None)
    console.print(
        f"queued {queued} collection(s)"
        + (f"; {len(ids) - queued} queued already" if queued < len(ids) else "")
        + "; run newsdesk worker to do them"
    )


@jobs_app.command("process")
def jobs_process(ctx: typer.Context) -> None:
    """Queue a processing batch of the new articles."""
    settings = _postgresql_settings(ctx)

    async def enqueue():
        from newsdesk.jobs import queue
        from newsdesk.jobs.tasks import queue_processing

        app_ = queue.make_app(settings.effective_database_url)
        async with app_.open_async():
            await queue.ensure_schema(app_)
            return await queue_processing(app_)

    job_id = _run(enqueue())
    console.print(
        "processing queued" if job_id is not None else "processing is queued already",
        "; run newsdesk worker to do it",
        sep="",
    )


def _postgresql_settings(ctx: typer.Context) -> Settings:
    from newsdesk.jobs.queue import NEEDS_POSTGRESQL, is_postgresql
    from newsdesk.store.session import engine_for

    state = get_state(ctx)
    settings = state.settings
    if not is_postgresql(settings.effective_database_url):
        _fail(NEEDS_POSTGRESQL)
    # Our schema first: a database that cannot be reached or used is said in one line here
    # (by the command line's handler), not after the queue's connection pool gave up.
    engine_for(settings)
    if not state.verbose:
        import logging

        # procrastinate says something about every job at INFO; ours say what happened
        logging.getLogger("procrastinate").setLevel(logging.WARNING)
    return settings


def _run(coroutine):
    """Run a conversation with the queue; a database that fails it is one line, status 2."""
    import asyncio

    from procrastinate.exceptions import ConnectorException
    from psycopg import Error as DriverError
    from psycopg_pool import PoolTimeout

    try:
        return asyncio.run(coroutine)
    except (ConnectorException, DriverError, PoolTimeout) as exc:
        _fail(f"the job queue cannot be used: {shown(exc, one_line=True)}")


def _fail(message: str) -> None:
    err_console.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(2)
