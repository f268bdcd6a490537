"""``newsdesk source …`` and ``newsdesk collect``: register sources and fetch articles from them."""

from __future__ import annotations

import signal
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import typer
from rich import box
from rich.table import Table

from newsdesk.cli import app, console, err_console, get_state
from newsdesk.collect.records import SOURCE_KINDS, CollectError, Source, SourceOutcome
from newsdesk.store.session import engine_for
from newsdesk.text.display import shown

if TYPE_CHECKING:
    from rich.progress import TaskID

    from newsdesk.config import Settings

source_app = typer.Typer(help="Register, list, pause and remove the sources articles are collected from.")
app.add_typer(source_app, name="source")


@source_app.command("add")
def source_add(
    ctx: typer.Context,
    location: str = typer.Argument(..., help="Feed, listing page or article URL, or a local folder."),
    name: str | None = typer.Option(
        None, "--name", "-n", help="Outlet name, e.g. 人民网 (default: from the source)."
    ),
    kind: str | None = typer.Option(
        None, "--kind", "-k", help="feed, listing, page or folder (default: detected)."
    ),
    every: str | None = typer.Option(
        None, "--every", "-e", help="Fetch interval, e.g. 30m, 2h (default: collect.default_interval)."
    ),
    selector: str | None = typer.Option(
        None, "--selector", "-s", help="CSS selector of article links (listing pages)."
    ),
) -> None:
    """Register a source; its kind is detected when not given."""
    import asyncio

    from newsdesk.collect.detect import detect_source
    from newsdesk.collect.runner import parse_interval
    from newsdesk.store import sources as source_store

    settings = get_state(ctx).settings
    if kind is not None and kind not in SOURCE_KINDS:
        _fail(f"--kind must be one of {', '.join(SOURCE_KINDS)}, not {shown(repr(kind))}")
    try:
        interval = parse_interval(every or settings.collect.default_interval)
    except ValueError as exc:
        _fail(shown(exc))
    try:
        detected = asyncio.run(detect_source(location, settings.collect, kind))
    except CollectError as exc:
        _fail(f"cannot add {shown(location)}: {shown(exc)}")
    engine = engine_for(settings)
    if name is None:
        # A second page of the same site: number the suggested name rather than refuse it.
        name = detected.suggested_name
        number = 2
        while source_store.find_source(engine, name) is not None:
            name = f"{detected.suggested_name} ({number})"
            number += 1
    try:
        source = source_store.add_source(
            engine,
            name=name,
            location=detected.location,
            kind=detected.kind,
            interval_seconds=interval,
            css_selector=selector,
        )
    except source_store.SourceExistsError as exc:
        _fail(shown(exc))
    console.print(
        f"added [bold]{shown(source.name)}[/bold]: {source.kind} {shown(source.location)}, "
        f"every {_duration(source.interval_seconds)}"
    )


@source_app.command("list")
def source_list(ctx: typer.Context) -> None:
    """Sources with their health: last fetch, new articles, consecutive failures, last error."""
    from newsdesk.store import sources as source_store

    found = source_store.list_sources(engine_for(get_state(ctx).settings))
    if not found:
        console.print("no sources yet: add one with [bold]newsdesk source add URL|FOLDER[/bold]")
        return
    # Short headers and no side borders: the table has to fit an 80-column terminal.
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("name", "kind", "every", "status", "last fetch (UTC)", "new", "total", "fails"):
        table.add_column(column, no_wrap=True)
    for source in found:
        table.add_row(
            shown(source.name),
            source.kind,
            _duration(source.interval_seconds),
            _status(source),
            _when(source.last_fetch_at),
            str(source.last_new_articles),
            str(source.article_count),
            f"[red]{source.consecutive_failures}[/red]" if source.consecutive_failures else "0",
        )
    console.print(table)
    # Locations and errors are long: one line each below the table keeps it readable.
    for source in found:
        console.print(f"[bold]{shown(source.name)}[/bold]  {shown(source.location)}", soft_wrap=True)
        if source.paused and is_demo_source(source):
            console.print("    paused: a sample site of the demo, served only while it ran", soft_wrap=True)
        if source.last_error:
            console.print(
                f"    [red]last error:[/red] {shown(source.last_error, one_line=True)}", soft_wrap=True
            )


@source_app.command("pause")
def source_pause(
    ctx: typer.Context, name: str = typer.Argument(..., help="Source name or location.")
) -> None:
    """Stop collecting from a source (its articles stay)."""
    _set_paused(ctx, name, True)


@source_app.command("resume")
def source_resume(
    ctx: typer.Context, name: str = typer.Argument(..., help="Source name or location.")
) -> None:
    """Collect from a paused source again, starting with the next run."""
    _set_paused(ctx, name, False)


@source_app.command("remove")
def source_remove(
    ctx: typer.Context, name: str = typer.Argument(..., help="Source name or location.")
) -> None:
    """Forget a source; the articles collected from it stay in the database."""
    from newsdesk.store import sources as source_store

    try:
        removed = source_store.remove_source(engine_for(get_state(ctx).settings), name)
    except source_store.SourceNotFoundError as exc:
        _fail(shown(exc))
    console.print(f"removed {shown(removed.name)} ({shown(removed.location)}); its articles are kept")


def _set_paused(ctx: typer.Context, name: str, paused: bool) -> None:
    from newsdesk.store import sources as source_store

    try:
        source = source_store.set_paused(engine_for(get_state(ctx).settings), name, paused)
    except source_store.SourceNotFoundError as exc:
        _fail(shown(exc))
    console.print(f"{shown(source.name)}: {'paused' if paused else 'active'}")


@app.command()
def collect(
    ctx: typer.Context,
    watch: bool = typer.Option(
        False, "--watch", "-w", help="Keep collecting, each source on its own interval."
    ),
    source: list[str] | None = typer.Option(
        None, "--source", "-s", help="Only this source (name or location); repeatable."
    ),
    reextract: bool = typer.Option(
        False, "--reextract", help="Fetch nothing: run extraction again over the stored raw pages."
    ),
) -> None:
    """Fetch every due source once, concurrently (or keep going with --watch)."""
    settings = get_state(ctx).settings
    if reextract:
        _reextract(settings)
        return
    if source:
        from newsdesk.store import sources as source_store

        engine = engine_for(settings)
        active = []
        for key in source:
            found = source_store.find_source(engine, key)
            if found is None:
                _fail(f"no source named {shown(repr(key))} (see newsdesk source list)")
            if found.paused:
                why = (
                    " by the demo, whose sample sites ran only while it did" if is_demo_source(found) else ""
                )
                err_console.print(
                    f"[yellow]![/yellow] {shown(found.name)} is paused{why}: "
                    f"newsdesk source resume {shown(found.name)} collects from it again"
                )
            else:
                active.append(key)
        if not active:
            raise typer.Exit(1)
        source = active
    outcomes = run_collect(settings, names=source or None, watch=watch)
    if not watch and outcomes and all(not outcome.ok for outcome in outcomes):
        raise typer.Exit(1)


def run_collect(
    settings: Settings, *, names: list[str] | None = None, watch: bool = False
) -> list[SourceOutcome]:
    """Collect with a Rich progress display; returns the outcomes of the (last) round."""
    import asyncio

    from newsdesk.collect.runner import collect_due, make_extraction_pool
    from newsdesk.collect.runner import watch as watch_sources

    engine = engine_for(settings)
    pool = make_extraction_pool(settings.collect)
    last: list[SourceOutcome] = []
    try:
        if watch:
            console.print("collecting until interrupted (Ctrl-C) …")

            def report(outcomes: list[SourceOutcome]) -> None:
                last[:] = outcomes
                _print_outcomes(outcomes)

            async def forever() -> None:
                stop = asyncio.Event()
                loop = asyncio.get_running_loop()
                for signum in (signal.SIGINT, signal.SIGTERM):
                    loop.add_signal_handler(signum, stop.set)
                with _RichProgress() as progress:
                    await watch_sources(
                        engine,
                        settings.collect,
                        pool,
                        names=names,
                        progress=progress,
                        on_round=report,
                        stop=stop,
                    )

            asyncio.run(forever())
        else:
            with _RichProgress() as progress:
                last = asyncio.run(
                    collect_due(engine, settings.collect, pool, names=names, progress=progress)
                )
            if not last:
                console.print("nothing is due (see newsdesk source list; --source NAME fetches one now)")
            else:
                _print_outcomes(last)
    finally:
        pool.shutdown(cancel_futures=True)
    return last


def _reextract(settings: Settings) -> None:
    import asyncio

    from newsdesk.collect.runner import make_extraction_pool
    from newsdesk.collect.runner import reextract as reextract_all

    pool = make_extraction_pool(settings.collect)
    try:
        with console.status("extracting again from the stored raw pages …"):
            updated, unchanged, problems = asyncio.run(reextract_all(engine_for(settings), pool))
    finally:
        pool.shutdown(cancel_futures=True)
    for problem in problems[:10]:
        err_console.print(f"[yellow]![/yellow] {shown(problem, one_line=True)}")
    console.print(f"re-extracted: {updated} changed, {unchanged} unchanged, {len(problems)} failed")


class _RichProgress:
    """One progress row per source: articles done out of articles to fetch."""

    def __init__(self) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[status]}"),
            console=console,
            transient=not console.is_terminal,
        )
        self._tasks: dict[int, TaskID] = {}

    def __enter__(self) -> _RichProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def source_started(self, source: Source) -> None:
        task = self._tasks.get(source.id)
        if task is None:
            self._tasks[source.id] = self._progress.add_task(
                shown(source.name), total=None, status="fetching"
            )
        else:
            self._progress.reset(task, total=None, status="fetching")

    def source_total(self, source: Source, total: int) -> None:
        self._progress.update(self._tasks[source.id], total=total, status="articles")

    def article_done(self, source: Source, stored: bool) -> None:
        self._progress.advance(self._tasks[source.id])

    def source_finished(self, source: Source, outcome: SourceOutcome) -> None:
        task = self._tasks[source.id]
        status = "[red]failed" if outcome.error else f"[green]{outcome.new_articles} new"
        total = self._progress.tasks[task].total
        self._progress.update(task, total=total or 1, completed=total or 1, status=status)


def _print_outcomes(outcomes: list[SourceOutcome]) -> None:
    new = sum(o.new_articles for o in outcomes)
    failed = [o for o in outcomes if o.error]
    for outcome in outcomes:
        if outcome.error:
            gone = " (marked gone)" if outcome.gone else ""
            err_console.print(
                f"[red]✗ {shown(outcome.source)}{gone}:[/red] {shown(outcome.error, one_line=True)}"
            )
        elif outcome.article_errors:
            err_console.print(
                f"[yellow]! {shown(outcome.source)}:[/yellow] {len(outcome.article_errors)} problem(s)"
            )
            for problem in outcome.article_errors[:5]:
                err_console.print(f"    {shown(problem, one_line=True)}")
    unchanged = sum(1 for o in outcomes if o.not_modified)
    console.print(
        f"collected {new} new article(s) from {len(outcomes)} source(s)"
        + (f"; {unchanged} unchanged" if unchanged else "")
        + (f"; [red]{len(failed)} failed[/red]" if failed else "")
    )


def _fail(message: str) -> None:
    err_console.print(f"[red]error:[/red] {message}")
    raise typer.Exit(2)


def _duration(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def _when(value: datetime | None) -> str:
    if value is None:
        return "never"
    return value.astimezone(UTC).strftime("%m-%d %H:%M")


def _status(source: Source) -> str:
    if source.gone:
        return "[red]gone[/red]"
    if source.paused:
        # "paused (demo)" would not fit an 80-column table: the line below the table says it
        return "[yellow]demo[/yellow]" if is_demo_source(source) else "[yellow]paused[/yellow]"
    return "active"


DEMO_FOLDER_SOURCE = "资料文件夹"


def run_demo_collect(settings: Settings) -> list[SourceOutcome]:
    """Serve the bundled corpus on loopback, register its outlets as sources and collect them."""
    from newsdesk.collect.demo_site import OUTLETS, DemoSite, folder_path
    from newsdesk.collect.runner import parse_interval
    from newsdesk.store import articles as article_store
    from newsdesk.store import sources as source_store

    # The demo's own sites live on loopback; nothing else is contacted.
    demo_collect = settings.collect.model_copy(
        update={
            "allow_networks": sorted({*settings.collect.allow_networks, "loopback"}),
            "per_host_interval_seconds": 0.0,
            "per_host_concurrency": 8,
        }
    )
    demo_settings = settings.model_copy(update={"collect": demo_collect})
    engine = engine_for(settings)
    interval = parse_interval(settings.collect.default_interval)
    with DemoSite() as site:
        wanted = [
            (o.name, site.entry_url(o), "listing" if o.way_in == "listing" else "feed") for o in OUTLETS
        ]
        wanted.append((DEMO_FOLDER_SOURCE, str(folder_path().resolve()), "folder"))
        for name, location, kind in wanted:
            existing = source_store.find_source(engine, name)
            if existing is None:
                source_store.add_source(
                    engine, name=name, location=location, kind=kind, interval_seconds=interval
                )
            else:
                if existing.location != location:
                    source_store.move_source(engine, name, location)
                if existing.paused:  # paused by the last demo
                    source_store.set_paused(engine, name, False)
        console.print(
            f"sample sites on {site.base}: {', '.join(o.name for o in OUTLETS)}; folder {folder_path()}"
        )
        try:
            outcomes = run_collect(demo_settings, names=[name for name, _, _ in wanted])
        finally:
            # The sample sites stop with the demo: pause their sources, or the next
            # `newsdesk collect` would try a loopback server that is no longer there.
            for name, _, _ in wanted:
                source_store.set_paused(engine, name, True)
    console.print(f"articles in the database: {article_store.count_articles(engine)}")
    console.print(
        f"the demo's {len(wanted)} sources are paused now (status demo in source list); "
        "add your own with newsdesk source add"
    )
    return outcomes


def is_demo_source(source: Source) -> bool:
    """A source the demo registered: one of its loopback sites, or its sample folder."""
    from urllib.parse import urlsplit

    if source.kind == "folder":
        from newsdesk.collect.demo_site import folder_path

        return source.location == str(folder_path().resolve())
    return (urlsplit(source.location).hostname or "") in ("127.0.0.1", "localhost", "::1") and (
        source.name in _demo_outlet_names()
    )


def _demo_outlet_names() -> set[str]:
    from newsdesk.collect.demo_site import OUTLETS

    return {o.name for o in OUTLETS}
