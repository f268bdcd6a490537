"""The ``newsdesk`` command line: a thin layer over the library.

Global options live here; each area of the pipeline registers its commands from
``newsdesk.commands.<area>`` so that this file stays small.

Start-up time matters (an editor runs these commands dozens of times a day): this module
and the command modules import only typer and rich at the top. Settings, the database and
the heavy libraries (scikit-learn, jieba, numpy, pypdf, httpx …) are imported inside the
commands that use them; ``tests/test_startup.py`` keeps it so.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

import typer
from rich.console import Console

if TYPE_CHECKING:
    from newsdesk.config import Settings

app = typer.Typer(
    name="newsdesk",
    help=(
        "Compile periodic industry digests (动态, 简报, 内参): import past issues into an archive, "
        "collect today's reporting, cluster, classify and condense it, and publish the issue.\n\n"
        "Settings come from ./newsdesk.toml (or $NEWSDESK_CONFIG) and NEWSDESK_* variables; "
        "the database defaults to an SQLite file under ./newsdesk-data."
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

# soft_wrap: a report line stays one line (greppable, one error per line) at any width.
console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)


@dataclass
class AppState:
    """The root options. The settings are read, and logging set up, when a command first
    asks for them: ``newsdesk import --help`` reads no settings file."""

    database: str | None = None
    verbose: bool = False
    _settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = _load_settings(self.database, self.verbose)
        return self._settings


def get_state(ctx: typer.Context) -> AppState:
    state = ctx.find_root().obj
    if state is None:  # called programmatically without the callback
        state = AppState()
        ctx.find_root().obj = state
    return state


def _load_settings(database: str | None, verbose: bool) -> Settings:
    from rich.logging import RichHandler

    from newsdesk.config import ConfigError, load_settings

    try:
        settings = load_settings(database_url=database)
    except ConfigError as exc:
        from newsdesk.text.display import shown

        err_console.print(f"[red]error:[/red] {shown(exc, one_line=True)}")
        raise typer.Exit(2) from exc
    level = logging.DEBUG if verbose else getattr(logging, settings.log_level.upper(), logging.INFO)
    logging.basicConfig(
        level=level,
        format="%(message)s",
        handlers=[RichHandler(console=err_console, show_path=False, show_time=verbose)],
    )
    # Third-party libraries are chatty at INFO; keep their warnings only.
    for noisy in ("alembic", "httpx", "httpcore", "trafilatura", "jieba", "charset_normalizer", "pypdf"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # pypdf warns about every repairable quirk of a PDF; our own error says what matters.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    return settings


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("newsdesk")
        except PackageNotFoundError:  # run from a source tree that was never installed
            from newsdesk import __version__ as number
        typer.echo(f"newsdesk {number}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    database: str | None = typer.Option(
        None,
        "--database",
        "-d",
        help="SQLAlchemy URL, e.g. sqlite:///digest.db or postgresql+psycopg://user@host/db.",
        envvar="NEWSDESK_DATABASE_URL",
        show_envvar=True,
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what each stage does."),
    version: bool = typer.Option(
        False, "--version", help="Print the version and exit.", callback=_version, is_eager=True
    ),
) -> None:
    ctx.obj = AppState(database=database, verbose=verbose)


def _hide_flag_types() -> None:
    """typer prints each option's type beside it; a flag takes no value, so print none
    rather than ``<bool>``."""
    from typer.core import TyperOption

    shown = getattr(TyperOption, "display_type_rich", None)
    if shown is None or getattr(shown, "_newsdesk", False):
        return

    def display_type_rich(self, ctx):
        if self.is_flag and self.metavar is None:
            return None
        return shown(self, ctx)

    display_type_rich._newsdesk = True
    TyperOption.display_type_rich = display_type_rich


_hide_flag_types()


def _register_commands() -> None:
    # Imported for their side effect of adding commands to ``app``.
    import importlib
    import pkgutil

    import newsdesk.commands as commands

    for module in pkgutil.iter_modules(commands.__path__):
        importlib.import_module(f"newsdesk.commands.{module.name}")


_register_commands()


def main() -> None:
    try:
        app()
    except Exception as exc:
        # A problem of the database itself (locked, read-only, not a database, damaged, an
        # unknown schema revision, a bad URL or driver) is one line and exit status 2.
        from newsdesk.store.db import describe_database_error

        described = describe_database_error(exc, _database_url())
        if described is None:
            raise
        from newsdesk.text.display import shown

        err_console.print(f"[red]error:[/red] {shown(described, one_line=True)}", highlight=False)
        raise SystemExit(2) from None


def _database_url() -> str:
    """The database the command used, for naming it in an error."""
    import os
    import sys

    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg in ("--database", "-d") and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--database="):
            return arg.split("=", 1)[1]
    if os.environ.get("NEWSDESK_DATABASE_URL"):
        return os.environ["NEWSDESK_DATABASE_URL"]
    try:
        from newsdesk.config import load_settings

        return load_settings().effective_database_url
    except Exception:  # noqa: BLE001 - the settings themselves are broken: name no database
        return "the configured database"
