"""Text from outside (file names, feed titles, page titles, server messages, what a user typed)
made safe to print: no terminal control codes, and no Rich markup taken for formatting.

A string like ``[/x]`` printed as Rich markup ends the command with a MarkupError; an
``ESC [2J`` written raw clears the editor's terminal. Everything that came from outside goes
through :func:`shown` (for Rich) or :func:`printable` (for plain output) before display.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls; bidirectional overrides and isolates,
# which make a line read differently from what it holds.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile(r"[\n\u2028\u2029]+")


def printable(value: object, *, one_line: bool = False) -> str:
    """``str(value)`` without control characters; with ``one_line`` line breaks become spaces."""
    text = _UNPRINTABLE.sub("", str(value))
    if one_line:
        text = _LINE_BREAKS.sub(" ", text)
    return text


def shown(value: object, *, one_line: bool = False) -> str:
    """:func:`printable`, then escaped so that Rich prints it as it is."""
    from rich.markup import escape

    return escape(printable(value, one_line=one_line))
