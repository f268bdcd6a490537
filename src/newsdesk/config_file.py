"""Where the settings file is, and the database URL read without building the settings.

The full settings (``newsdesk.config``) are a pydantic-settings model, and building it
costs about a quarter of a second of imports. A command that only reads the archive
(``newsdesk issues``) needs nothing but the database URL, which this module resolves with
the same precedence — the ``--database`` flag, then ``NEWSDESK_DATABASE_URL``, then the
TOML file, then ``data_dir`` (``NEWSDESK_DATA_DIR``, the file, the default) — or answers
None whenever it has any doubt, and the caller builds the full settings, which also say
what is wrong in their own words. ``tests/test_config.py`` checks both agree.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

CONFIG_ENV = "NEWSDESK_CONFIG"
DEFAULT_CONFIG_FILE = "newsdesk.toml"
DEFAULT_DATA_DIR = "newsdesk-data"


def config_file_path() -> Path | None:
    explicit = os.environ.get(CONFIG_ENV)
    if explicit:
        return Path(explicit)
    default = Path(DEFAULT_CONFIG_FILE)
    return default if default.exists() else None


def _environment(name: str) -> str | None:
    # pydantic-settings reads NEWSDESK_* case-insensitively
    wanted = f"newsdesk_{name}"
    found = [value for key, value in os.environ.items() if key.lower() == wanted]
    if len(found) > 1:
        raise LookupError(name)  # two spellings: let the settings decide
    return found[0] if found else None


def quick_database_url(override: str | None = None) -> str | None:
    """The database URL the settings would give, or None when it is not plain to see."""
    try:
        from_file: dict = {}
        path = config_file_path()
        if path is not None:
            with path.open("rb") as fh:
                from_file = tomllib.load(fh)
        database_url = override if override is not None else _environment("database_url")
        if database_url is None:
            database_url = from_file.get("database_url")
        if database_url is not None:
            return database_url if isinstance(database_url, str) and database_url else None
        data_dir = _environment("data_dir")
        if data_dir is None:
            data_dir = from_file.get("data_dir", DEFAULT_DATA_DIR)
    except (OSError, tomllib.TOMLDecodeError, LookupError):
        return None
    if not isinstance(data_dir, str) or not data_dir:
        return None
    return f"sqlite:///{(Path(data_dir) / 'newsdesk.db').as_posix()}"
