"""Queries on the ``issue_sends`` table: who an issue was e-mailed to, and how it went.

One row per (issue, address), ``pending`` until the SMTP server has accepted the message
(``sent``) or refused it for good (``failed``). Each change is its own transaction, so a
sender killed at any point leaves every row telling the truth except, at most, the one
message in flight (see :func:`newsdesk.issue.mailing.deliver_issue`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, func, insert, select, update

from newsdesk.store.schema import issue_sends

PENDING, SENT, FAILED = "pending", "sent", "failed"


@dataclass(frozen=True)
class Delivery:
    id: int
    email: str
    name: str | None
    status: str
    message_id: str | None
    attempts: int
    error: str | None


@dataclass(frozen=True)
class NewRecipient:
    email: str
    name: str | None
    message_id: str


def address_key(email: str) -> str:
    """Two spellings of one mailbox that differ only in case are the same reader."""
    return email.lower()


def add_recipients(engine: Engine, issue_id: int, recipients: Iterable[NewRecipient]) -> int:
    """Record new recipients of an issue as ``pending``; addresses already recorded are left alone.

    Returns how many rows were added. Running it again with the same list adds nothing.
    """
    now = datetime.now(UTC)
    with engine.begin() as conn:
        known = {
            address_key(email)
            for email in conn.execute(
                select(issue_sends.c.email).where(issue_sends.c.issue_id == issue_id)
            ).scalars()
        }
        rows = []
        for recipient in recipients:
            key = address_key(recipient.email)
            if key in known:
                continue
            known.add(key)
            rows.append(
                {
                    "issue_id": issue_id,
                    "email": recipient.email,
                    "name": recipient.name,
                    "status": PENDING,
                    "message_id": recipient.message_id,
                    "attempts": 0,
                    "updated_at": now,
                }
            )
        if rows:
            conn.execute(insert(issue_sends), rows)
    return len(rows)


def deliveries(engine: Engine, issue_id: int, status: str | None = None) -> list[Delivery]:
    """The issue's recipients in the order they were recorded, optionally of one status."""
    query = (
        select(
            issue_sends.c.id,
            issue_sends.c.email,
            issue_sends.c.name,
            issue_sends.c.status,
            issue_sends.c.message_id,
            issue_sends.c.attempts,
            issue_sends.c.error,
        )
        .where(issue_sends.c.issue_id == issue_id)
        .order_by(issue_sends.c.id)
    )
    if status is not None:
        query = query.where(issue_sends.c.status == status)
    with engine.connect() as conn:
        return [Delivery(*row) for row in conn.execute(query)]


def count_by_status(engine: Engine, issue_id: int) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(issue_sends.c.status, func.count())
            .where(issue_sends.c.issue_id == issue_id)
            .group_by(issue_sends.c.status)
        )
        return {status: n for status, n in rows}


def _finish(engine: Engine, delivery_id: int, tries: int, **values) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(issue_sends)
            .where(issue_sends.c.id == delivery_id)
            .values(attempts=issue_sends.c.attempts + tries, updated_at=datetime.now(UTC), **values)
        )


def mark_sent(engine: Engine, delivery_id: int, tries: int) -> None:
    """The server accepted the message (committed at once: see the delivery guarantee)."""
    _finish(engine, delivery_id, tries, status=SENT, error=None)


def mark_failed(engine: Engine, delivery_id: int, tries: int, error: str) -> None:
    """The server refused this recipient for good (a 5xx reply); reruns leave it alone."""
    _finish(engine, delivery_id, tries, status=FAILED, error=error)


def mark_deferred(engine: Engine, delivery_id: int, tries: int, error: str) -> None:
    """Not delivered this time (a 4xx reply or a lost connection): stays pending for the rerun."""
    _finish(engine, delivery_id, tries, status=PENDING, error=error)


def retry_failed(engine: Engine, issue_id: int) -> int:
    """Make the issue's failed recipients pending again; returns how many."""
    with engine.begin() as conn:
        return conn.execute(
            update(issue_sends)
            .where(issue_sends.c.issue_id == issue_id, issue_sends.c.status == FAILED)
            .values(status=PENDING, updated_at=datetime.now(UTC))
        ).rowcount
