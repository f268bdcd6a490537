"""``newsdesk config``: show the settings in force and where they came from."""

from __future__ import annotations

import json
import re
from pathlib import Path

import typer

from newsdesk.cli import app, console, get_state


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _toml_value(value) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, Path):
        value = value.as_posix()
    # A JSON string is a valid TOML basic string.
    return json.dumps(value, ensure_ascii=False)


def settings_as_toml(data: dict) -> str:
    # Top-level dicts become [tables]; dicts inside them are written inline.
    scalars = {k: v for k, v in data.items() if not isinstance(v, dict)}
    tables = {k: v for k, v in data.items() if isinstance(v, dict)}
    lines = [f"{k} = {_toml_value(v)}" for k, v in scalars.items() if v is not None]
    for name, table in tables.items():
        lines += ["", f"[{name}]"]
        lines += [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in table.items() if v is not None]
    return "\n".join(lines) + "\n"


@app.command("config")
def config_(ctx: typer.Context) -> None:
    """Print the settings in force, as TOML you can copy into newsdesk.toml.

    Sources, highest first: command-line flags, NEWSDESK_* environment variables
    (nested keys with __, e.g. NEWSDESK_COLLECT__TIMEOUT_SECONDS), the settings file
    ($NEWSDESK_CONFIG or ./newsdesk.toml), then the defaults.
    """
    from newsdesk.config import config_file_path

    settings = get_state(ctx).settings
    path = config_file_path()
    console.print(
        f"# settings file: {path.resolve() if path else 'none (./newsdesk.toml not found)'}", markup=False
    )
    console.print(f"# database in use: {settings.effective_database_url}", markup=False)
    typer.echo(settings_as_toml(settings.model_dump(mode="json")), nl=False)
