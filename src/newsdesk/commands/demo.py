"""``newsdesk demo``: the main job on the embedded default, with no network.

Each stage of the pipeline adds its step here, in pipeline order.
"""

from __future__ import annotations

from pathlib import Path

import typer

from newsdesk.cli import app, console, get_state


@app.command()
def demo(
    ctx: typer.Context,
    output: Path = typer.Option(Path("demo-output"), "--output", "-o", help="Folder for the rendered files."),
) -> None:
    """Run the whole job on the bundled samples: archive, collect, process, publish."""
    state = get_state(ctx)
    settings = state.settings
    console.rule("[bold]newsdesk demo")
    console.print(f"database: {settings.effective_database_url}")

    # 1. Archive: import the bundled sample issues and render the newest one.
    from newsdesk.commands.archive import run_demo_archive

    run_demo_archive(settings, output)

    # 2. Collection: the bundled corpus, served on loopback.
    from newsdesk.commands.collect import run_demo_collect

    run_demo_collect(settings)

    # 3. Editorial processing: clusters, relevance, columns, condensation, figures.
    from newsdesk.commands.editorial import run_demo_process

    run_demo_process(settings)

    # 4. Publishing: compose a new issue, publish it, render every format, build the site.
    from newsdesk.commands.publishing import run_demo_publish

    run_demo_publish(settings, output)

    console.rule("[bold green]demo done")
