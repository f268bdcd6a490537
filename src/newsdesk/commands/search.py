"""Archive search: ``newsdesk search QUERY``."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from typing import TYPE_CHECKING

import typer
from rich.table import Table
from rich.text import Text

from newsdesk.cli import app, console, err_console, get_state
from newsdesk.store.session import engine_for
from newsdesk.text.display import printable, shown

if TYPE_CHECKING:
    from newsdesk.store.search import SearchResults
    from newsdesk.text.search_terms import Snippet

_RELATIVE = re.compile(r"^(\d{1,5})([dw])$")


def parse_day(value: str | None, *, end: bool = False, today: dt.date | None = None) -> dt.date | None:
    """2022-06-01, 2022-06 or 2022 (its first day, or with ``end`` its last), or 30d / 2w ago."""
    if not value:
        return None
    value = value.strip()
    relative = _RELATIVE.match(value)
    if relative:
        days = int(relative.group(1)) * (7 if relative.group(2) == "w" else 1)
        return (today or dt.date.today()) - dt.timedelta(days=days)
    try:
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 12, 31) if end else dt.date(int(value), 1, 1)
        if re.fullmatch(r"\d{4}-\d{1,2}", value):
            year, month = map(int, value.split("-"))
            day = calendar.monthrange(year, month)[1] if end else 1
            return dt.date(year, month, day)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is no date: give 2022-06-01, 2022-06, 2022 or 30d") from None


def _marked(snippet: Snippet) -> Text:
    out = Text()
    for part, hit in snippet.parts:
        out.append(printable(part, one_line=True), style="bold reverse" if hit else None)
    return out


# ``-拼多多`` is a word of the query, not an unknown option
@app.command("search", context_settings={"ignore_unknown_options": True})
def search_(
    ctx: typer.Context,
    words: list[str] = typer.Argument(
        ...,
        metavar="QUERY",
        help="Words to find, all of them: 京东 国家馆; a phrase in quotes: '\"网络零售额\"'; "
        "either word: 直播 OR 带货; leave out: -拼多多.",
    ),
    column: str | None = typer.Option(None, "--column", help="Only items of this column (e.g. 数据观察)."),
    outlet: str | None = typer.Option(None, "--outlet", help="Only this outlet (e.g. 国际商报)."),
    since: str | None = typer.Option(
        None, "--since", help="From this day: 2022-06-01, 2022-06, 2022 or 30d."
    ),
    until: str | None = typer.Option(
        None, "--until", help="Up to this day (inclusive): 2022-06-30, 2022-06 …"
    ),
    within: str = typer.Option(
        "items", "--in", help="items: the archive's issues; articles: collected articles."
    ),
    limit: int = typer.Option(20, "--limit", "-n", min=1, max=1000, help="How many results."),
    page: int = typer.Option(1, "--page", min=1, help="Which page of results."),
    as_json: bool = typer.Option(False, "--json", help="Print the results and facets as JSON."),
) -> None:
    """Search the archive in Chinese: ranked results with the words marked, and how the matches fall by column, outlet and month.

    Two-character words (京东, 直播) match, and a word matches inside longer ones (零售 finds 零售额). Traditional and Simplified characters, full-width and half-width forms, upper and lower case match each other.
    """  # noqa: E501 - rich keeps the docstring's line breaks
    from newsdesk.store.search import SearchError, SearchFilters, search

    if within not in ("items", "articles"):
        raise typer.BadParameter("--in takes items or articles")
    filters = SearchFilters(
        column=column, outlet=outlet, since=parse_day(since), until=parse_day(until, end=True)
    )
    query = " ".join(words)
    engine = engine_for(get_state(ctx).settings)
    try:
        results = search(
            engine, query, within=within, filters=filters, offset=(page - 1) * limit, limit=limit
        )
    except SearchError as exc:
        err_console.print(f"[red]error:[/red] {shown(exc, one_line=True)}")
        raise typer.Exit(2) from exc
    if as_json:
        typer.echo(json.dumps(results.as_json(), ensure_ascii=False, indent=2))
        return
    _print(results)


def _print(results: SearchResults) -> None:
    query = shown(results.query, one_line=True)
    if not results.total:
        console.print(f"nothing in the {results.within} matches «{query}»")
        return
    first = results.offset + 1
    last = results.offset + len(results.hits)
    total = str(results.total) if results.total_exact else f"more than {results.total - 1}"
    shown_range = f"{first}–{last} of {total}" if results.hits else f"none of {total} on this page"
    console.print(f"{results.within} matching «{query}»: {shown_range}")
    if results.ranked_among:
        console.print(
            f"[yellow]![/yellow] {total} matches: the newest {results.ranked_among} are ranked and counted "
            "below; add a word or a filter to narrow it"
        )
    if results.hits:
        table = Table(
            "#", "title and snippet", "outlet", "date", "where" if results.within == "items" else "url"
        )
        for n, hit in enumerate(results.hits, start=first):
            cell = _marked(hit.title_marked)
            cell.stylize("bold")
            cell.append("\n")
            cell.append_text(_marked(hit.snippet))
            if hit.kind == "item":
                where = f"{printable(hit.issue_label or '', one_line=True)} #{hit.position} {printable(hit.column or '', one_line=True)}"
            else:
                where = printable(hit.url or "", one_line=True)
            table.add_row(
                str(n),
                cell,
                Text(printable(hit.outlet or "—", one_line=True)),
                str(hit.date or "—"),
                Text(where),
            )
        console.print(table)
    for name, values in results.facets.items():
        if not values:
            continue
        counts = "  ".join(f"{shown(value, one_line=True)} {count}" for value, count in values[:12])
        console.print(f"[bold]{name}[/bold]: {counts}")
