"""The ``newsdesk`` command line: a thin layer over the library.

Global options live here; each area of the pipeline registers its commands from
``newsdesk.commands.<area>`` so that this file stays small.

Start-up time matters (an editor runs these commands dozens of times a day): this module
and the command modules import only typer and rich at the top. Settings, the database and
the heavy libraries (scikit-learn, jieba, numpy, pypdf, httpx …) are imported inside the
commands that use them; ``tests/test_startup.py`` keeps it so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from typer.core import TyperGroup

if TYPE_CHECKING:
    from newsdesk.config import Settings

# Every command: its name, the module of ``newsdesk.commands`` that defines it, and the line
# `newsdesk --help` shows for it. A module is imported only when one of its commands runs (or
# its own --help is asked for), so listing the commands imports none of them. A new command:
# add its line here (tests/test_startup.py checks the lines against the modules). A module of
# newsdesk/commands that no line names is imported at every start, as all were before.
COMMANDS: list[tuple[str, str, str]] = [
    ("import", "archive", "Import past issues into the archive."),
    ("parse-issue", "archive", "Parse one issue and print its items, writing nothing to the archive."),
    ("issues", "archive", "List the issues in the archive, newest first."),
    ("show", "archive", "Print one archived issue in the house text format."),
    ("collect", "collect", "Fetch every due source once, concurrently (or keep going with --watch)."),
    ("demo", "demo", "Run the whole job on the bundled samples: archive, collect, process, publish."),
    ("serve", "desk", "Open the editor's desk in the browser: inbox, issue builder, archive, sources."),
    ("process", "editorial", "Cluster, classify, score, condense and extract figures of the new articles."),
    ("clusters", "editorial", "List same-story clusters with their member outlets, largest first."),
    ("train", "editorial", "Retrain the column model from the archive and the editor's decisions."),
    (
        "classify",
        "editorial",
        "Suggest a column for each JSON line; prints JSON lines with column, confidence, reasons.",
    ),
    (
        "figures",
        "editorial",
        "Export the figures of processed articles: amount, change, period, subject, sentence.",
    ),
    (
        "decide",
        "editorial",
        "Record the editor's decision on a candidate item; newsdesk train learns from it.",
    ),
    ("render", "publishing", "Write an archived issue as HTML, PDF, DOCX, Markdown, the house text or Atom."),
    ("candidates", "publishing", "The week's clusters as candidate items, best first."),
    ("compose", "publishing", "Make a draft issue from the candidates."),
    ("publish", "publishing", "Freeze the draft as an issue of the archive."),
    (
        "search",
        "search",
        "Search the archive in Chinese: ranked results with the words marked, and how the matches "
        "fall by column, outlet and month.",
    ),
    (
        "send",
        "send",
        "E-mail an issue over SMTP, one message per reader (settings: the mail table of newsdesk.toml).",
    ),
    ("config", "settings", "Print the settings in force, as TOML you can copy into newsdesk.toml."),
    ("site", "site", "Write the archive as a static site: issues, items, Atom feed, client-side search."),
    (
        "feed",
        "site",
        "Print the archive's Atom feed: one entry per issue, newest first, corrections included.",
    ),
    ("worker", "worker", "Collect and process in the background, sharing the work with the other workers."),
    (
        "migrate-db",
        "database",
        "Copy an archive to another database (SQLite to PostgreSQL, or back), checked by counts.",
    ),
    ("issue", "archive", "One issue of the archive."),
    ("source", "collect", "Register, list, pause and remove the sources articles are collected from."),
    ("user", "desk", "Accounts of the web desk: add, list, password, role, remove."),
    ("candidate", "publishing", "One candidate item."),
    (
        "draft",
        "publishing",
        "Look at and edit the draft issue: show, add, drop, move, edit, discard, revise.",
    ),
    ("jobs", "worker", "Queue work for the workers and see what they do (PostgreSQL)."),
]


class _LazyGroup(TyperGroup):
    """The root command: the commands of ``COMMANDS`` are made from their modules when used;
    the list in ``newsdesk --help`` is made from ``COMMANDS`` alone."""

    _listing = False

    def list_commands(self, ctx) -> list[str]:
        listed = [name for name, _, _ in COMMANDS]
        return listed + [name for name in super().list_commands(ctx) if name not in listed]

    def get_command(self, ctx, cmd_name: str):
        found = self.commands.get(cmd_name)
        if found is not None:
            return found
        entry = next((e for e in COMMANDS if e[0] == cmd_name), None)
        if entry is None:
            return None
        if self._listing:  # a line of the help: no need of the command itself
            from typer.core import TyperCommand

            return TyperCommand(name=cmd_name, help=entry[2], callback=None)
        self.commands[cmd_name] = command = _load_command(cmd_name, entry[1])
        return command

    def resolve_command(self, ctx, args):
        """typer suggests the commands made so far for a mistyped one: suggest from them all."""
        from typer._click.exceptions import UsageError

        try:
            return self._click_resolve_command(ctx, args)
        except UsageError as exc:
            if self.suggest_commands and args:
                from difflib import get_close_matches

                matches = get_close_matches(args[0], self.list_commands(ctx))
                if matches:
                    exc.message = f"{exc.message.rstrip('.')}. Did you mean {', '.join(map(repr, matches))}?"
            raise

    def format_help(self, ctx, formatter) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False


def _load_command(name: str, module: str):
    """Import ``newsdesk.commands.<module>`` (which registers its commands on ``app``) and make
    the click command of ``name``."""
    import importlib

    import typer.main as typer_main

    importlib.import_module(f"newsdesk.commands.{module}")
    options = {
        "pretty_exceptions_short": app.pretty_exceptions_short,
        "rich_markup_mode": app.rich_markup_mode,
    }
    for info in app.registered_commands:
        if (info.name or typer_main.get_command_name(info.callback.__name__)) == name:
            return typer_main.get_command_from_info(info, **options)
    for info in app.registered_groups:
        if info.name == name:
            return typer_main.get_group_from_info(info, suggest_commands=app.suggest_commands, **options)
    raise LookupError(f"newsdesk.commands.{module} defines no command {name!r} (see COMMANDS in cli.py)")


app = typer.Typer(
    name="newsdesk",
    help=(
        "Compile periodic industry digests (动态, 简报, 内参): import past issues into an archive, "
        "collect today's reporting, cluster, classify and condense it, and publish the issue.\n\n"
        "Settings come from ./newsdesk.toml (or $NEWSDESK_CONFIG) and NEWSDESK_* variables; "
        "the database defaults to an SQLite file under ./newsdesk-data."
    ),
    no_args_is_help=True,
    cls=_LazyGroup,
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

    @property
    def database_url(self) -> str:
        """The database URL alone, for a command that needs nothing else: read without
        building the settings (a quarter of a second of pydantic) when that is plain."""
        if self._settings is None:
            from newsdesk.config_file import quick_database_url

            url = quick_database_url(self.database)
            if url is not None:
                return url
        return self.settings.effective_database_url


def get_state(ctx: typer.Context) -> AppState:
    state = ctx.find_root().obj
    if state is None:  # called programmatically without the callback
        state = AppState()
        ctx.find_root().obj = state
    return state


def _load_settings(database: str | None, verbose: bool) -> Settings:
    import logging

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
    # WeasyPrint logs each layout step and fontTools each table it subsets.
    for noisy in (
        "alembic",
        "httpx",
        "httpcore",
        "trafilatura",
        "jieba",
        "charset_normalizer",
        "pypdf",
        "weasyprint",
        "fontTools",
        "procrastinate",
    ):
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


def _pass_plain_options() -> None:
    """typer builds a pydantic TypeAdapter for every option it processes, even one that was
    not given (None) or a plain text option (str), whose coercion gives back the same value;
    the first adapter costs 0.15–0.2 s of imports on every run. Such a value is passed on
    as it is (to the option's callback, if it has one), as typer does after coercing it;
    numbers, paths, choices, dates and lists are still coerced and checked by typer."""
    from typer.core import _TyperParameter

    coerced = _TyperParameter.process_value
    if getattr(coerced, "_newsdesk", False):
        return

    def process_value(self, ctx, value):
        descriptor = self.type_descriptor
        text = (
            isinstance(value, str)
            and descriptor.annotation in (str, str | None)
            and descriptor.parameter_info.parser is None
            and descriptor.file_annotation is None
        )
        if self.multiple or self.nargs != 1 or not (text or (value is None and not self.required)):
            return coerced(self, ctx, value)
        return value if self.callback is None else self.callback(ctx, self, value)

    process_value._newsdesk = True
    _TyperParameter.process_value = process_value


_pass_plain_options()


def _defer(module: str, *names: str) -> None:
    """Put a stand-in for ``module`` in its place until something really uses it (makes one
    of ``names`` or reads another attribute): then the real module is imported and used.

    typer's rich help imports rich.markdown (and markdown-it with its regular expressions) and
    rich.traceback (pygments, rich.pretty, attrs) at its top: for help written in Markdown,
    which newsdesk's is not (rich_markup_mode="rich"), and for pretty tracebacks, which are
    off. Together they were half of `newsdesk --help`."""
    import importlib
    import sys
    import types

    if module in sys.modules:
        return
    standin = types.ModuleType(module)

    def real():
        if sys.modules.get(module) is standin:
            del sys.modules[module]
        return importlib.import_module(module)

    class Deferred(type):
        def __call__(cls, *args, **kwargs):
            return getattr(real(), cls.__name__)(*args, **kwargs)

        def __getattr__(cls, name):  # class methods such as Traceback.from_exception
            return getattr(getattr(real(), cls.__name__), name)

    def attribute(name: str):
        if name.startswith("__"):  # what the import system asks of any module
            raise AttributeError(name)
        return getattr(real(), name)

    for name in names:
        setattr(standin, name, Deferred(name, (), {}))
    standin.__getattr__ = attribute
    sys.modules[module] = standin


_defer("rich.markdown", "Markdown")
_defer("rich.traceback", "Traceback")


def _register_commands() -> None:
    """The commands of ``COMMANDS`` are imported when used; every other module of
    ``newsdesk.commands`` is imported now, for its side effect of adding commands to ``app``."""
    import importlib
    import pkgutil

    import newsdesk.commands as commands

    listed = {module for _, module, _ in COMMANDS}
    for module in pkgutil.iter_modules(commands.__path__):
        if module.name not in listed and not module.name.startswith("_"):
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
