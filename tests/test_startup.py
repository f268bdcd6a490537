"""Start-up stays light: ``newsdesk --help``, ``--version`` and the archive listing do not
import the heavy libraries (scikit-learn, jieba, numpy, the PDF and HTTP stacks …), which
are imported inside the commands that use them. Not timed (``bench/startup.py`` measures);
this checks which modules a fresh interpreter loads, and names the newsdesk line that
imported a forbidden one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

# never needed to list the commands or print help and version
HEAVY = (
    "sklearn",
    "scipy",
    "numpy",
    "jieba",
    "rjieba",
    "datasketch",
    "cn2an",
    "trafilatura",
    "lxml",
    "weasyprint",
    "docx",
    "pypdf",
    "httpx",
    "feedparser",
    "charset_normalizer",
    "jinja2",
    "nh3",
    "sqlalchemy",
    "alembic",
    "pydantic",
    "pydantic_settings",
)

PROBE = textwrap.dedent(
    """
    import importlib.abc, json, sys, traceback
    forbidden = set(json.loads(sys.argv[1]))
    culprits = {}

    class Watch(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            top = name.split(".")[0]
            if top in forbidden and top not in culprits:
                ours = [f for f in traceback.extract_stack() if "/newsdesk/" in f.filename.replace("\\\\", "/")]
                where = ours[-1] if ours else None
                culprits[top] = f"{where.filename}:{where.lineno}" if where else "outside newsdesk"
            return None

    sys.meta_path.insert(0, Watch())
    from newsdesk.cli import app
    try:
        app(sys.argv[2:], prog_name="newsdesk")
    except SystemExit:
        pass
    print(json.dumps(culprits))
    """
)


def _imports(*args: str, forbidden: tuple[str, ...], tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env["NEWSDESK_DATABASE_URL"] = f"sqlite:///{tmp_path / 'newsdesk.db'}"
    env["COLUMNS"] = "100"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(forbidden), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [["--help"], ["--version"]])
def test_help_and_version_import_no_heavy_library(args, tmp_path):
    assert _imports(*args, forbidden=HEAVY, tmp_path=tmp_path) == {}


@pytest.mark.parametrize("args", [["import", "--help"], ["source", "add", "--help"], ["classify", "--help"]])
def test_a_command_s_help_reads_no_settings(args, tmp_path):
    # not even typer's pydantic coercion of the root options (cli._pass_plain_options)
    assert _imports(*args, forbidden=HEAVY, tmp_path=tmp_path) == {}


def test_the_archive_listing_reads_an_sqlite_file_without_sqlalchemy_or_pydantic(tmp_path):
    # a first run creates the schema (alembic); the second finds it at the newest revision
    # and reads it with sqlite3 (store.listing), the URL taken without building the settings
    _imports("issues", forbidden=(), tmp_path=tmp_path)
    assert _imports("issues", forbidden=HEAVY, tmp_path=tmp_path) == {}


def test_options_that_are_given_are_still_checked(tmp_path):
    from typer.testing import CliRunner

    from newsdesk.cli import app

    runner = CliRunner(env={"COLUMNS": "200", "NEWSDESK_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"})
    result = runner.invoke(app, ["candidates", "--limit", "many"])
    assert result.exit_code == 2 and "valid integer" in result.output
    result = runner.invoke(app, ["render", "latest", "--format", "pptx"])
    assert result.exit_code == 2 and "pptx" in result.output


def test_every_command_has_help_without_markup_or_type_noise():
    """Each command's --help: no reST ``literals`` from docstrings, no <bool> beside flags."""
    from typer.main import get_command
    from typer.testing import CliRunner

    from newsdesk.cli import app

    root = get_command(app)
    paths: list[list[str]] = [[]]
    with root.make_context("newsdesk", ["--version"], resilient_parsing=True) as ctx:
        for name in root.list_commands(ctx):
            paths.append([name])
            paths += [[name, sub] for sub in getattr(root.get_command(ctx, name), "commands", {})]
    runner = CliRunner(env={"COLUMNS": "200"})
    for path in paths:
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "``" not in result.output, (path, result.output)
        assert "<bool>" not in result.output, (path, result.output)


def test_the_command_list_names_each_command_as_its_module_defines_it():
    """``newsdesk --help`` lists the commands from cli.COMMANDS without importing them: each
    line must name a command its module defines, with the first paragraph of its own help."""
    from typer.main import get_command

    from newsdesk.cli import COMMANDS, _load_command, app

    root = get_command(app)
    for name, module, listed in COMMANDS:
        command = _load_command(name, module)
        own = (command.help or "").strip().split("\n\n")[0]
        assert " ".join(own.split()) == listed, (name, module, own)
    with root.make_context("newsdesk", ["--version"], resilient_parsing=True) as ctx:
        assert [n for n, _, _ in COMMANDS] == root.list_commands(ctx)[: len(COMMANDS)]


def test_help_lists_every_command_and_imports_none_of_them(tmp_path):
    from newsdesk.cli import COMMANDS

    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")}
    env["COLUMNS"] = "200"
    probe = (
        "import sys, io\n"
        "from newsdesk.cli import app, COMMANDS\n"
        "out = io.StringIO(); sys.stdout = out\n"
        "try:\n    app(['--help'], prog_name='newsdesk')\nexcept SystemExit:\n    pass\n"
        "sys.stdout = sys.__stdout__\n"
        "listed = {f'newsdesk.commands.{m}' for _, m, _ in COMMANDS}\n"
        "print(sorted(listed & set(sys.modules)))\n"
        "print(out.getvalue())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    imported, _, shown = done.stdout.partition("\n")
    assert imported == "[]", f"--help imported command modules: {imported}"
    for name, _, _ in COMMANDS:
        assert f" {name} " in shown, name


@pytest.mark.parametrize("args", [["issues", "--help"], ["source", "add", "--help"], ["--help"]])
def test_help_runs_without_markdown_or_traceback_rendering(args, tmp_path):
    # typer imports rich.markdown and rich.traceback for help; newsdesk defers both (cli._defer)
    assert _imports(*args, forbidden=("markdown_it", "pygments"), tmp_path=tmp_path) == {}


def test_a_mistyped_command_is_told_the_near_ones():
    from typer.testing import CliRunner

    from newsdesk.cli import app

    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["isues"])
    assert result.exit_code != 0 and "Did you mean 'issues'" in result.output
