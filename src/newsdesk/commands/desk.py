"""``newsdesk serve`` (the editor's desk in a browser) and ``newsdesk user …`` (its accounts)."""

from __future__ import annotations

import sys

import typer

from newsdesk.cli import app, console, err_console, get_state
from newsdesk.store.session import engine_for

user_app = typer.Typer(
    help="Accounts of the web desk: add, list, password, role, remove.", no_args_is_help=True
)
app.add_typer(user_app, name="user")

ROLES_HELP = "admin (users, sources, publications), editor (everything editorial), viewer (read the archive)"


@app.command()
def serve(
    ctx: typer.Context,
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to listen on (default: this machine only)."
    ),
    port: int = typer.Option(8000, "--port", "-p", help="Port to listen on."),
    workers: int = typer.Option(
        0,
        "--workers",
        "-w",
        min=0,
        show_default=False,
        help="Server processes; more serve more editors at once on more cores (default: one per core, at most 4).",
    ),
) -> None:
    """Open the editor's desk in the browser: inbox, issue builder, archive, sources.

    Sign in at http://HOST:PORT/login with an account made by `newsdesk user add`.
    """
    from newsdesk.desk.app import default_workers
    from newsdesk.desk.app import serve as serve_desk
    from newsdesk.store.desk import list_users

    settings = get_state(ctx).settings
    if not list_users(engine_for(settings)):  # opens (and migrates) the database once, here
        err_console.print(
            "no accounts yet: make one with `newsdesk user add NAME --role admin` to sign in", markup=False
        )
    workers = workers or default_workers()
    console.print(
        f"the desk is at http://{host}:{port}/login ({workers} worker process{'es' if workers > 1 else ''}; Ctrl-C stops it)",
        markup=False,
    )
    serve_desk(settings, host, port, workers)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    return password


@user_app.command("add")
def user_add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The name to sign in with."),
    role: str = typer.Option("editor", "--role", "-r", help=ROLES_HELP),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from the first line of standard input."
    ),
) -> None:
    """Make an account for the web desk (the password is asked for, or read from stdin)."""
    from newsdesk.desk.security import hash_password
    from newsdesk.store.desk import ROLES, UserExists, add_user

    if role not in ROLES:
        err_console.print(f"error: --role must be one of {', '.join(ROLES)}, not {role!r}", markup=False)
        raise typer.Exit(2)
    name = name.strip()
    if not name or len(name) > 100:
        err_console.print("error: a name of 1 to 100 characters", markup=False)
        raise typer.Exit(2)
    try:
        hashed = hash_password(_read_password(password_stdin))
        add_user(engine_for(get_state(ctx).settings), name, role, hashed)
    except (ValueError, UserExists) as exc:
        err_console.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from exc
    console.print(f"added {name} ({role})", markup=False)


@user_app.command("list")
def user_list(ctx: typer.Context) -> None:
    """The desk's accounts with their roles and last sign-in."""
    from newsdesk.store.desk import list_users

    found = list_users(engine_for(get_state(ctx).settings))
    if not found:
        console.print("no accounts: newsdesk user add NAME --role admin", markup=False)
        return
    for u in found:
        last = u.last_login_at.strftime("%Y-%m-%d %H:%M UTC") if u.last_login_at else "never signed in"
        typer.echo(f"{u.name}\t{u.role}\t{last}")


@user_app.command("password")
def user_password(
    ctx: typer.Context,
    name: str = typer.Argument(...),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read it from standard input."),
) -> None:
    """Set a new password."""
    from newsdesk.desk.security import hash_password
    from newsdesk.store.desk import find_user, set_password_hash

    engine = engine_for(get_state(ctx).settings)
    user = find_user(engine, name)
    if user is None:
        err_console.print(f"error: no user {name!r}", markup=False)
        raise typer.Exit(1)
    try:
        set_password_hash(engine, user.id, hash_password(_read_password(password_stdin)))
    except ValueError as exc:
        err_console.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from exc
    console.print(f"password of {name} changed", markup=False)


@user_app.command("role")
def user_role(ctx: typer.Context, name: str = typer.Argument(...), role: str = typer.Argument(...)) -> None:
    """Give a user another role (signs them out of the desk)."""
    from newsdesk.store.desk import set_role

    try:
        set_role(engine_for(get_state(ctx).settings), name, role)
    except (ValueError, KeyError) as exc:
        err_console.print(f"error: {exc.args[0]}", markup=False)
        raise typer.Exit(1) from exc
    console.print(f"{name} is now {role}", markup=False)


@user_app.command("remove")
def user_remove(ctx: typer.Context, name: str = typer.Argument(...)) -> None:
    """Delete an account."""
    from newsdesk.store.desk import remove_user

    try:
        remove_user(engine_for(get_state(ctx).settings), name)
    except KeyError as exc:
        err_console.print(f"error: {exc.args[0]}", markup=False)
        raise typer.Exit(1) from exc
    console.print(f"removed {name}", markup=False)
