"""A throwaway PostgreSQL server on loopback for the tests, from Debian's server binaries.

`.ci/run` starts one with ``python3 tests/postgres_server.py start DIR`` and exports the URL it
prints as NEWSDESK_TEST_POSTGRES; without that variable the test session starts its own when
the binaries are installed (Debian: ``apt-get install postgresql``), and otherwise the
PostgreSQL half of the suite skips, saying what to install.

PostgreSQL refuses to run as root, so as root the server runs as the ``postgres`` user.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

ROLE = "newsdesk"


def server_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl (the newest Debian version first), or None."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)
    for folder in candidates:
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(os.path.realpath(initdb)).parent
    return None


def _version_key(folder: str) -> int:
    try:
        return int(Path(folder).parent.name)
    except ValueError:
        return 0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def start(data_dir: Path, port: int | None = None) -> str:
    """Create a cluster in ``data_dir`` and start it on 127.0.0.1; return its SQLAlchemy URL."""
    binaries = server_binaries()
    if binaries is None:
        raise RuntimeError("PostgreSQL server binaries not found (Debian: apt-get install postgresql)")
    port = port or _free_port()
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(data_dir, "postgres", "postgres")
    if not (data_dir / "PG_VERSION").exists():
        subprocess.run(
            _as_server_user(
                [str(binaries / "initdb"), "-D", str(data_dir), "-A", "trust", "-U", ROLE, "-E", "UTF8"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    options = (
        f"-h 127.0.0.1 -p {port} -k {data_dir} -c max_connections=300 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off"
    )
    subprocess.run(
        _as_server_user(
            [
                str(binaries / "pg_ctl"),
                "-D",
                str(data_dir),
                "-o",
                options,
                "-l",
                str(data_dir / "log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return f"postgresql+psycopg://{ROLE}@127.0.0.1:{port}/postgres"


def stop(data_dir: Path) -> None:
    binaries = server_binaries()
    if binaries is None:
        return
    subprocess.run(
        _as_server_user([str(binaries / "pg_ctl"), "-D", str(data_dir), "-m", "immediate", "stop"]),
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in {"start", "stop"}:
        sys.exit("usage: postgres_server.py start|stop DATA_DIR")
    if sys.argv[1] == "start":
        print(start(Path(sys.argv[2])))
    else:
        stop(Path(sys.argv[2]))
