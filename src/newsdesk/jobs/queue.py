"""The job queue: a procrastinate app on the archive's own PostgreSQL database.

procrastinate's tables (``procrastinate_jobs``, ``procrastinate_workers`` …) live beside
ours; none of our tables starts with ``procrastinate_``. Alembic manages our schema, and
procrastinate's schema is installed by the first worker or ``newsdesk jobs`` command that
finds it missing; the table comment records the procrastinate version that installed it, so
that an upgrade which needs procrastinate's migrations is said, not discovered as an error.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from procrastinate import App

log = logging.getLogger(__name__)

COLLECT_TASK = "newsdesk.collect_source"
PROCESS_TASK = "newsdesk.process_batch"
SCHEDULE_TASK = "newsdesk.schedule_collection"
CLEANUP_TASK = "newsdesk.forget_old_jobs"
# the name a person reads in logs and in ``newsdesk jobs``
TASK_LABELS = {COLLECT_TASK: "collect", PROCESS_TASK: "process", SCHEDULE_TASK: "schedule"}
# failed jobs are kept this long for ``newsdesk jobs`` (succeeded ones are deleted at once)
KEEP_FAILED_HOURS = 14 * 24

NEEDS_POSTGRESQL = (
    "workers need a PostgreSQL database (--database postgresql+psycopg://…); "
    "with SQLite run newsdesk collect (or collect --watch) and then newsdesk process"
)


class QueueUnavailable(RuntimeError):
    """The database cannot hold the job queue (it is not PostgreSQL)."""


def is_postgresql(database_url: str) -> bool:
    from sqlalchemy.engine import make_url

    return make_url(database_url).get_backend_name() == "postgresql"


def conninfo(database_url: str) -> str:
    """The libpq connection string of an SQLAlchemy URL (``postgresql+psycopg://`` → ``postgresql://``)."""
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    if url.get_backend_name() != "postgresql":
        raise QueueUnavailable(NEEDS_POSTGRESQL)
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def make_app(database_url: str, *, pool_size: int = 4) -> App:
    """A procrastinate app on the database (not yet open), without tasks."""
    from procrastinate import App, PsycopgConnector

    connector = PsycopgConnector(conninfo=conninfo(database_url), min_size=1, max_size=pool_size)
    return App(connector=connector)


def _schema_mark() -> str:
    from importlib.metadata import version

    return f"procrastinate {version('procrastinate')}"


async def ensure_schema(app: App) -> None:
    """Install procrastinate's tables when they are missing (the app is open).

    Two workers that start at once may both try: the second one's attempt fails on the
    objects the first created, and finding the tables then is success.
    """
    present, mark = await _installed(app)
    if present:
        if mark and mark != _schema_mark():
            log.warning(
                "the job queue's tables were installed by %s and this is %s: if its release notes "
                "name migrations, apply them (procrastinate's sql/migrations) before running workers",
                mark,
                _schema_mark(),
            )
        return
    try:
        await app.schema_manager.apply_schema_async()
    except Exception:
        present, _ = await _installed(app)
        if not present:
            raise
        return
    await app.connector.execute_query_async(
        f"COMMENT ON TABLE procrastinate_jobs IS '{_schema_mark()}'"  # type: ignore[arg-type]
    )
    log.info("installed the job queue's tables (%s)", _schema_mark())


async def _installed(app: App) -> tuple[bool, str | None]:
    row = await app.connector.execute_query_one_async(
        "SELECT to_regclass('procrastinate_jobs') IS NOT NULL AS present, "
        "obj_description(to_regclass('procrastinate_jobs'), 'pg_class') AS mark"
    )
    return bool(row["present"]), row["mark"]


@dataclass
class TaskCounts:
    task: str
    todo: int = 0
    doing: int = 0
    failed: int = 0


async def counts(app: App) -> list[TaskCounts]:
    """Jobs waiting (including retries scheduled later), running and failed, per task."""
    found = {label: TaskCounts(label) for label in TASK_LABELS.values()}
    for row in await app.job_manager.list_tasks_async():
        label = TASK_LABELS.get(row["name"], row["name"])
        entry = found.setdefault(label, TaskCounts(label))
        entry.todo += row["todo"]
        entry.doing += row["doing"]
        entry.failed += row["failed"]
    return list(found.values())
