"""One worker process: procrastinate's worker with our tasks, and the recovery of the jobs
of workers that died.

procrastinate (v3) records a heartbeat per worker; a job whose worker stopped beating (killed,
machine gone) stays ``doing`` until someone queues it again. Every worker checks, once per
heartbeat, for jobs of workers silent for three heartbeats and queues them again; a
PostgreSQL advisory lock lets one worker check at a time, so that a job is never queued
again twice (the second time while a live worker already runs it).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from typing import TYPE_CHECKING

from newsdesk.jobs import queue
from newsdesk.jobs.tasks import JobFailed, Runtime, Tuning, queue_schedule, register_tasks

if TYPE_CHECKING:
    from procrastinate import App

    from newsdesk.config import Settings

log = logging.getLogger("newsdesk.jobs")

# pg_advisory_lock key of the recovery of stalled jobs ("nd-stall")
_RECOVERY_LOCK = 0x6E642D7374616C6C
# seconds a worker that stopped on a database error may take to stop before it exits anyway
_STUCK_GRACE = 30.0


class WorkerStopped(RuntimeError):
    """The worker stopped on its own (the database went away): a supervisor should start it again."""


def run_worker(
    settings: Settings, tuning: Tuning, *, until_idle: bool = False, name: str | None = None
) -> None:
    """Run a worker until it is stopped (SIGINT, SIGTERM: the running jobs finish; a second
    one stops at once) or, with ``until_idle``, until no job waits or runs anywhere.

    Raises WorkerStopped when it stopped for another reason (the database connection was
    lost), so that the command exits with a failure status."""
    queue.conninfo(settings.effective_database_url)  # PostgreSQL or QueueUnavailable
    _quiet_expected_failures()
    runtime = Runtime(settings, tuning)
    runtime.start_pool()
    from procrastinate.exceptions import ConnectorException
    from psycopg import Error as DriverError
    from psycopg_pool import PoolTimeout

    try:
        asked = asyncio.run(_serve(runtime, until_idle, name or f"{socket.gethostname()}-{os.getpid()}"))
    except (ConnectorException, DriverError, PoolTimeout) as exc:
        cause = exc.__cause__ or exc
        raise WorkerStopped(f"the worker lost its database: {type(cause).__name__}: {cause}") from exc
    finally:
        # wait for the idle extraction processes: a pool left to shut down by itself races
        # the interpreter's exit hook (CPython 3.11 then prints "Bad file descriptor")
        runtime.close(wait=True)
    if not asked:
        raise WorkerStopped("the worker stopped on a database error (logged above); start it again")


async def _serve(runtime: Runtime, until_idle: bool, name: str) -> bool:
    """Run the worker; True when it stopped because it was asked to (signal, idle)."""
    import signal

    from procrastinate.worker import Worker

    tuning = runtime.tuning
    app = queue.make_app(runtime.settings.effective_database_url, pool_size=tuning.concurrency + 4)
    register_tasks(app, runtime)
    async with app.open_async():
        await queue.ensure_schema(app)
        # don't wait for the next minute to look for due sources
        await queue_schedule(app)
        asked: list[str] = []
        stopped_itself: list[float] = []

        class _Worker(Worker):
            def stop(self) -> None:
                if not asked and not stopped_itself:
                    # procrastinate stops a worker whose side task failed: the database is gone
                    stopped_itself.append(time.monotonic())
                super().stop()

        worker = _Worker(
            app=app,
            name=name,
            concurrency=tuning.concurrency,
            wait=True,
            delete_jobs="successful",  # failed jobs stay, for ``newsdesk jobs``
            fetch_job_polling_interval=min(2.0, tuning.heartbeat),
            update_heartbeat_interval=tuning.heartbeat,
            stalled_worker_timeout=tuning.stalled_after,
            install_signal_handlers=False,  # ours, below: they stay for a second signal
        )

        def on_signal(signum: int) -> None:
            if asked:  # the second time: now, leaving the held jobs to the other workers
                log.warning("stopping now; the jobs this worker held run again on another")
                runtime.close(wait=False)
                os._exit(128 + signum)
            asked.append(signal.Signals(signum).name)
            log.info("stopping after the running jobs (again to stop now)")
            worker.stop()

        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, on_signal, signum)
        log.info(
            "worker %s: %d job(s) at a time%s; heartbeat every %gs",
            name,
            tuning.concurrency,
            ", until no job is left" if until_idle else "",
            tuning.heartbeat,
        )
        side = [
            asyncio.create_task(_recover_forever(app, tuning), name="recover stalled jobs"),
            asyncio.create_task(_exit_when_stuck(runtime, stopped_itself), name="exit when stuck"),
        ]
        if until_idle:
            side.append(asyncio.create_task(_stop_when_idle(app, worker, asked), name="stop when idle"))
        try:
            await worker.run()
        finally:
            for task in side:
                task.cancel()
            await asyncio.gather(*side, return_exceptions=True)
    log.info("worker %s stopped", name)
    return bool(asked)


async def _recover_forever(app: App, tuning: Tuning) -> None:
    while True:
        await asyncio.sleep(tuning.heartbeat)
        try:
            await recover_stalled_jobs(app, tuning.stalled_after)
        except Exception as exc:  # noqa: BLE001 - the next heartbeat tries again
            log.warning("looking for jobs of stopped workers failed: %s: %s", type(exc).__name__, exc)


async def recover_stalled_jobs(app: App, stalled_after: float) -> list[int]:
    """Queue again the jobs held by workers silent for ``stalled_after`` seconds; their ids."""
    from procrastinate.exceptions import UniqueViolation
    from procrastinate.jobs import Status

    async with app.connector.pool.connection() as connection:  # type: ignore[attr-defined]
        cursor = await connection.execute("SELECT pg_try_advisory_lock(%s)", (_RECOVERY_LOCK,))
        row = await cursor.fetchone()
        if not row or not row[0]:
            return []  # another worker is checking right now
        try:
            stalled = list(await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=stalled_after))
            for job in stalled:
                what = queue.TASK_LABELS.get(job.task_name, job.task_name)
                detail = f" {job.task_kwargs['source_name']}" if "source_name" in job.task_kwargs else ""
                try:
                    await app.job_manager.retry_job(job)
                    then = "queued again"
                except UniqueViolation:
                    # the same work was queued meanwhile (the schedule found the source
                    # still due): that job does it, this one is dropped
                    await app.job_manager.finish_job(job, status=Status.ABORTED, delete_job=True)
                    then = "the same work is queued already"
                log.warning(
                    "job %s %s%s: its worker stopped answering (no heartbeat for %gs); %s",
                    job.id,
                    what,
                    detail,
                    stalled_after,
                    then,
                )
            await app.job_manager.prune_stalled_workers(stalled_after)
        finally:
            await connection.execute("SELECT pg_advisory_unlock(%s)", (_RECOVERY_LOCK,))
            await connection.commit()
    return [job.id for job in stalled if job.id is not None]


async def _exit_when_stuck(runtime: Runtime, stopped_itself: list[float]) -> None:
    """A worker that lost its database cannot stop cleanly (it would tell the database):
    after a grace period it exits with a failure status, for its supervisor to start it
    again; the jobs it held run again on another worker."""
    while True:
        await asyncio.sleep(1.0)
        if stopped_itself and time.monotonic() - stopped_itself[0] > _STUCK_GRACE:
            log.error("the database stays out of reach: exiting (the jobs held run again on another worker)")
            runtime.close(wait=False)
            os._exit(1)


async def _stop_when_idle(app: App, worker, asked: list[str]) -> None:
    """Stop the worker once no job waits (retries scheduled later count) or runs anywhere."""
    while True:
        await asyncio.sleep(0.5)
        try:
            busy = sum(c.todo + c.doing for c in await queue.counts(app))
        except Exception as exc:  # noqa: BLE001 - look again
            log.debug("counting jobs failed: %s", exc)
            continue
        if not busy:
            log.info("no job is left: stopping")
            asked.append("idle")
            worker.stop()
            return


class _ExpectedFailure(logging.Filter):
    """procrastinate logs a failed job with its traceback; a source that failed is said in
    one line already (the source's error), so its traceback is left out."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], JobFailed):
            record.exc_info = None
            record.exc_text = None
        return True


def _quiet_expected_failures() -> None:
    for name in ("procrastinate.worker", "procrastinate"):
        logging.getLogger(name).addFilter(_ExpectedFailure())
