"""Open the configured database, migrated to the newest schema."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from newsdesk.config import Settings


@lru_cache(maxsize=8)
def _engine_for(url: str) -> Engine:
    from newsdesk.store.db import open_database

    return open_database(url)


def engine_for(settings: Settings) -> Engine:
    return _engine_for(settings.effective_database_url)
