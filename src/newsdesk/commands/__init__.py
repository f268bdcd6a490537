"""CLI commands, one module per area; each module adds its commands to ``newsdesk.cli.app``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress


def progress_bar(
    label: str = "[progress.description]{task.description}", *, disable: bool = False
) -> Progress:
    """The commands' one progress bar: label, bar, done of total, time; on standard error, gone
    when finished (so standard output stays the command's answer)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from newsdesk.cli import err_console

    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=disable,
    )
