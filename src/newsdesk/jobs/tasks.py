"""The jobs workers run, and how they are queued.

- ``collect_source(source_id, source_name)`` fetches one source with the collector that
  ``newsdesk collect`` uses. Its queueing lock keeps a source queued once at most, and its
  lock keeps one source from being fetched by two workers at once; a job that finds its
  source no longer due (another job fetched it meanwhile) does nothing. A source that
  fails is recorded on the source (``newsdesk source list``) as by ``collect``, and the job
  fails, so that it is retried after a wait that doubles each time.
- ``process_batch()`` runs the editorial stage (``newsdesk process``) over up to a batch of
  unprocessed articles. Clustering compares new articles with the clusters already stored,
  so batches run one at a time (lock ``process``) while collection goes on in parallel; one
  batch waits at most (queueing lock ``process``), and a collection that stored new
  articles queues one.
- ``forget_old_jobs()`` runs daily and deletes failed jobs after two weeks.
- ``schedule_collection()`` runs every minute (procrastinate's periodic deferrer makes it
  run once per minute whatever the number of workers) and queues every source that is due
  by its own interval.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from procrastinate.jobs import Job
from procrastinate.retry import BaseRetryStrategy, RetryDecision

from newsdesk.jobs.queue import (
    CLEANUP_TASK,
    COLLECT_TASK,
    KEEP_FAILED_HOURS,
    PROCESS_TASK,
    SCHEDULE_TASK,
)

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from procrastinate import App
    from procrastinate.job_context import JobContext

    from newsdesk.collect.records import Source
    from newsdesk.config import Settings

log = logging.getLogger("newsdesk.jobs")


@dataclass
class Tuning:
    """How a worker runs; every worker on one database should use the same heartbeat."""

    concurrency: int = 4
    # a failing job runs this many times in all, waiting retry_wait, then twice that …
    attempts: int = 3
    retry_wait: float = 30.0
    # seconds between a worker's signs of life; one silent for three is taken for dead and
    # the job it held is queued again
    heartbeat: float = 10.0
    # articles per processing job
    process_batch: int = 2000
    schedule_cron: str = "* * * * *"

    @property
    def stalled_after(self) -> float:
        return self.heartbeat * 3


class JobFailed(Exception):
    """A job failed for a reason already logged in one line (no traceback is due)."""


class Runtime:
    """What the jobs of one worker process share: settings, the database, the extraction pool."""

    def __init__(self, settings: Settings, tuning: Tuning) -> None:
        from newsdesk.store.session import engine_for

        self.settings = settings
        self.tuning = tuning
        self.engine = engine_for(settings)  # migrates our schema on first use
        self._pool: ProcessPoolExecutor | None = None
        self._pool_lock = threading.Lock()  # jobs run in threads of their own

    def start_pool(self) -> None:
        """Start the extraction processes now, before the worker's threads exist (as
        ``make_extraction_pool`` does), each one ending when the worker is gone: a worker
        killed with -9 leaves none behind."""
        import os
        from concurrent.futures import ProcessPoolExecutor

        workers = self.settings.collect.extract_workers or os.cpu_count() or 1
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_end_with_parent, initargs=(os.getpid(),))
        for future in [pool.submit(_ready) for _ in range(workers)]:
            future.result()
        self._pool = pool

    @property
    def pool(self) -> ProcessPoolExecutor:
        with self._pool_lock:
            if self._pool is None or getattr(self._pool, "_broken", False):
                # an extraction process died (killed, out of memory): later jobs get a new pool
                if self._pool is not None:
                    log.warning("the extraction processes broke; starting new ones")
                    self._pool.shutdown(wait=False, cancel_futures=True)
                self.start_pool()
            assert self._pool is not None
            return self._pool

    def close(self, wait: bool = True) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
            self._pool = None


def _end_with_parent(parent: int) -> None:
    import os

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="end with the worker", daemon=True).start()


def _ready() -> bool:
    return True


# -- queueing ----------------------------------------------------------------------------------


def collect_deferrer(app: App, source: Source):
    return app.configure_task(
        COLLECT_TASK, queueing_lock=f"collect-source-{source.id}", lock=f"source-{source.id}"
    )


def process_deferrer(app: App):
    return app.configure_task(PROCESS_TASK, queueing_lock="process", lock="process")


def schedule_deferrer(app: App):
    return app.configure_task(SCHEDULE_TASK, queueing_lock="schedule")


async def queue_collection(app: App, source: Source, *, force: bool = False) -> int | None:
    """Queue a collection of the source; None when one is queued already."""
    from procrastinate.exceptions import AlreadyEnqueued

    try:
        return await collect_deferrer(app, source).defer_async(
            source_id=source.id, source_name=source.name, force=force
        )
    except AlreadyEnqueued:
        return None


async def queue_processing(app: App) -> int | None:
    from procrastinate.exceptions import AlreadyEnqueued

    try:
        return await process_deferrer(app).defer_async()
    except AlreadyEnqueued:
        return None


async def queue_schedule(app: App) -> int | None:
    from procrastinate.exceptions import AlreadyEnqueued

    try:
        return await schedule_deferrer(app).defer_async()
    except AlreadyEnqueued:
        return None


def _defer_quietly(deferrer, **kwargs) -> int | None:
    """Queue from a job's thread; None when the queueing lock says it is queued already."""
    from procrastinate.exceptions import AlreadyEnqueued

    try:
        return deferrer.defer(**kwargs)
    except AlreadyEnqueued:
        return None


# -- the tasks ---------------------------------------------------------------------------------


class Backoff(BaseRetryStrategy):
    """Retry a failed job after ``wait`` seconds, then twice that …, ``attempts`` runs in all."""

    def __init__(self, attempts: int, wait: float) -> None:
        self.attempts = attempts
        self.wait = wait

    def get_retry_decision(self, *, exception: BaseException, job: Job) -> RetryDecision | None:
        if job.attempts + 1 >= self.attempts:
            return None
        return RetryDecision(retry_in={"seconds": self.wait * 2**job.attempts})


def register_tasks(app: App, runtime: Runtime) -> None:
    """Add the tasks to the app, bound to this worker's runtime."""
    tuning = runtime.tuning
    retry = Backoff(tuning.attempts, tuning.retry_wait)

    @app.task(name=COLLECT_TASK, pass_context=True, retry=retry)
    def collect_source(context: JobContext, source_id: int, source_name: str, force: bool = False) -> str:
        return _collect_source(app, runtime, context, source_id, source_name, force)

    @app.task(name=PROCESS_TASK, pass_context=True, retry=retry)
    def process_batch(context: JobContext) -> str:
        return _process_batch(app, runtime, context)

    @app.periodic(cron=tuning.schedule_cron)
    @app.task(name=SCHEDULE_TASK, queueing_lock="schedule")
    def schedule_collection(timestamp: int | None = None) -> str:
        return _schedule_collection(app, runtime)

    @app.periodic(cron="17 4 * * *")
    @app.task(name=CLEANUP_TASK, queueing_lock="forget-old-jobs")
    async def forget_old_jobs(timestamp: int | None = None) -> None:
        await app.job_manager.delete_old_jobs(
            nb_hours=KEEP_FAILED_HOURS, include_failed=True, include_cancelled=True, include_aborted=True
        )


def _collect_source(
    app: App, runtime: Runtime, context: JobContext, source_id: int, source_name: str, force: bool
) -> str:
    from newsdesk.collect.runner import Collector
    from newsdesk.store import sources as source_store

    job = context.job
    where = f"job {job.id} collect {source_name}"
    source = source_store.find_source(runtime.engine, source_name)
    if source is None or source.id != source_id:
        log.info("%s: the source was removed; nothing to do", where)
        return "removed"
    if source.paused or source.gone:
        log.info("%s: the source is %s; nothing to do", where, "paused" if source.paused else "gone")
        return "paused" if source.paused else "gone"
    now = datetime.now(UTC)
    # A retry, or a job taken over from a dead worker, runs whatever the schedule says.
    if not force and not job.attempts and source.next_due_at is not None and source.next_due_at > now:
        log.info("%s: fetched meanwhile, next due %s; nothing to do", where, f"{source.next_due_at:%H:%M:%S}")
        return "not due"
    attempt = f" (attempt {job.attempts + 1})" if job.attempts else ""
    log.info("%s: fetching %s%s", where, source.location, attempt)
    started = time.monotonic()
    collector = Collector(runtime.engine, runtime.settings.collect, runtime.pool)
    outcome = asyncio.run(collector.run([source]))[0]
    took = time.monotonic() - started
    if outcome.new_articles:
        queued = _defer_quietly(process_deferrer(app))
        then = f"; processing queued (job {queued})" if queued else "; processing is queued already"
    else:
        then = ""
    summary = (
        f"{outcome.new_articles} new, {outcome.seen_articles} seen"
        + (", not modified" if outcome.not_modified else "")
        + (f", {len(outcome.article_errors)} problem(s)" if outcome.article_errors else "")
    )
    if outcome.error:
        if outcome.gone:
            then = " (marked gone: not retried)"
        elif job.attempts + 1 < runtime.tuning.attempts:
            then = f" (retry in {runtime.tuning.retry_wait * 2**job.attempts:g}s)"
        else:
            then = f" (attempt {job.attempts + 1} of {runtime.tuning.attempts}: not retried)"
        log.warning("%s: failed after %.1fs%s: %s", where, took, then, " ".join(outcome.error.split()))
        if not outcome.gone:
            raise JobFailed(f"{source.name}: {outcome.error}")
        return f"gone: {outcome.error}"
    log.info("%s: %s in %.1fs%s", where, summary, took, then)
    return summary


def _process_batch(app: App, runtime: Runtime, context: JobContext) -> str:
    from newsdesk.store.editorial import count_unprocessed

    where = f"job {context.job.id} process"
    pending = count_unprocessed(runtime.engine)
    if not pending:
        log.info("%s: nothing new to process", where)
        return "nothing new"
    from newsdesk.editorial.pipeline import run_process

    log.info("%s: %d new article(s) to process", where, pending)
    started = time.monotonic()
    result = run_process(runtime.engine, runtime.settings, limit=runtime.tuning.process_batch)
    took = time.monotonic() - started
    left = count_unprocessed(runtime.engine)
    then = ""
    if left:
        queued = _defer_quietly(process_deferrer(app))
        then = f"; {left} wait, next batch " + (f"queued (job {queued})" if queued else "queued already")
    summary = (
        f"processed {len(result.processed_ids)} article(s): {len(result.plans)} cluster(s) updated "
        f"({result.new_clusters} new)"
    )
    log.info("%s: %s in %.1fs%s", where, summary, took, then)
    return summary


def _schedule_collection(app: App, runtime: Runtime) -> str:
    from newsdesk.store import sources as source_store

    due = source_store.due_sources(runtime.engine, datetime.now(UTC))
    # a source being fetched now stays due until its job ends: not queued a second time
    running = {
        job.task_kwargs.get("source_id")
        for job in app.job_manager.list_jobs(task=COLLECT_TASK, status="doing")
    }
    fetching = [source for source in due if source.id in running]
    due = [source for source in due if source.id not in running]
    queued = 0
    for source in due:
        deferred = _defer_quietly(
            collect_deferrer(app, source), source_id=source.id, source_name=source.name, force=False
        )
        queued += deferred is not None
    if due or fetching:
        log.info(
            "schedule: %d source(s) due, %d queued, %d queued already, %d being fetched",
            len(due) + len(fetching),
            queued,
            len(due) - queued,
            len(fetching),
        )
    return f"{len(due)} due, {queued} queued"
