"""Open the configured database, migrated to the newest schema."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from newsdesk.config import Settings

# one engine (one connection pool) per database URL for the life of the process
_ENGINES: dict[str, Engine] = {}


def _engine_for(url: str) -> Engine:
    engine = _ENGINES.get(url)
    if engine is None:
        from newsdesk.store.db import open_database

        engine = _ENGINES[url] = open_database(url)
    return engine


def engine_for(settings: Settings) -> Engine:
    return _engine_for(settings.effective_database_url)


def close_engines() -> None:
    """Close every pooled connection (before a database is dropped, or a worker forks)."""
    while _ENGINES:
        _, engine = _ENGINES.popitem()
        engine.dispose()
