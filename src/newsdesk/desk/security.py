"""Passwords, the session secret, CSRF tokens, sign-in rate limiting and the security headers.

Kept apart from the routes so that ``newsdesk user add`` hashes passwords without importing
the web framework.
"""

from __future__ import annotations

import os
import secrets
import threading
import time
from collections import deque
from pathlib import Path

ROLE_RANK = {"viewer": 0, "editor": 1, "admin": 2}
MIN_PASSWORD_LENGTH = 8

_hasher = None


def _password_hasher():
    global _hasher
    if _hasher is None:
        from argon2 import PasswordHasher

        _hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
    return _hasher


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    return _password_hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    try:
        return _password_hasher().verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _password_hasher().check_needs_rehash(password_hash)


# A hash to verify against when the user does not exist, so that a wrong name takes as long
# as a wrong password (no way to learn which names exist from the timing).
_DUMMY_HASH: str | None = None


def dummy_verify(password: str) -> None:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = _password_hasher().hash(secrets.token_urlsafe(16))
    verify_password(_DUMMY_HASH, password)


def session_secret(data_dir: Path) -> str:
    """The key that signs session cookies, made on first use and kept in ``data_dir`` (mode 600)."""
    path = data_dir / "desk-secret.key"
    if path.exists():
        value = path.read_text(encoding="ascii").strip()
        if len(value) >= 32:
            return value
    data_dir.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(value + "\n")
    return value


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def same_token(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and secrets.compare_digest(str(expected), str(given))


class LoginLimiter:
    """Failed sign-ins per name and per address within a window; past the limit, refuse.

    Kept in a small SQLite file beside the session key (``data_dir/desk-logins.db``), so that
    every worker process of ``newsdesk serve --workers N`` counts the same failures and a
    restart forgets nothing; without a file (``path=None``), in this process's memory.
    """

    def __init__(
        self,
        per_name: int = 5,
        per_address: int = 20,
        window_seconds: float = 600.0,
        path: Path | None = None,
    ):
        self.per_name = per_name
        self.per_address = per_address
        self.window = window_seconds
        self.path = path
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as db:
                db.execute("CREATE TABLE IF NOT EXISTS failures (key TEXT NOT NULL, at REAL NOT NULL)")
                db.execute("CREATE INDEX IF NOT EXISTS failures_key ON failures (key, at)")

    def _connect(self):
        import sqlite3

        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        db.execute("PRAGMA busy_timeout=10000")
        return _Closing(db)

    def _keys(self, name: str, address: str) -> list[tuple[str, int]]:
        return [(f"n:{name.lower()}", self.per_name), (f"a:{address}", self.per_address)]

    def _recent(self, key: str, now: float) -> deque[float]:
        found = self._failures.setdefault(key, deque())
        while found and found[0] <= now - self.window:
            found.popleft()
        return found

    def retry_after(self, name: str, address: str) -> int:
        """Seconds to wait before another try (0: go ahead)."""
        waits = []
        if self.path is None:
            now = time.monotonic()
            with self._lock:
                for key, limit in self._keys(name, address):
                    recent = self._recent(key, now)
                    if len(recent) >= limit:
                        waits.append(recent[0] + self.window - now)
        else:
            now = time.time()
            with self._connect() as db:
                db.execute("DELETE FROM failures WHERE at <= ?", (now - self.window,))
                for key, limit in self._keys(name, address):
                    count, first = db.execute(
                        "SELECT count(*), min(at) FROM failures WHERE key = ?", (key,)
                    ).fetchone()
                    if count >= limit:
                        waits.append(first + self.window - now)
        return max(1, int(max(waits)) + 1) if waits else 0

    def failed(self, name: str, address: str) -> None:
        if self.path is None:
            now = time.monotonic()
            with self._lock:
                for key, _ in self._keys(name, address):
                    self._recent(key, now).append(now)
            return
        now = time.time()
        with self._connect() as db:
            db.executemany(
                "INSERT INTO failures (key, at) VALUES (?, ?)",
                [(k, now) for k, _ in self._keys(name, address)],
            )

    def succeeded(self, name: str) -> None:
        key = f"n:{name.lower()}"
        if self.path is None:
            with self._lock:
                self._failures.pop(key, None)
            return
        with self._connect() as db:
            db.execute("DELETE FROM failures WHERE key = ?", (key,))


class _Closing:
    """A sqlite3 connection closed at the end of a ``with`` block (sqlite3's own only commits)."""

    def __init__(self, db):
        self.db = db

    def __enter__(self):
        return self.db

    def __exit__(self, *exc):
        self.db.close()


# No inline script or style anywhere: scripts and styles come from /static only.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; "
    "form-action 'self'; base-uri 'none'; object-src 'none'"
)
# The house HTML of an issue carries its styles inline; it runs no script at all.
ISSUE_HTML_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
    "frame-ancestors 'self'; form-action 'none'; base-uri 'none'"
)
