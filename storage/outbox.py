"""The transactional outbox: rows written with the state change that caused
them, claimed by a worker with a lease, retried with backoff, done once."""

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ._dialect import is_postgres, table
from .models import OutboxRow
from .records import OutboxItem

__all__ = [
    "claim",
    "complete",
    "depth",
    "enqueue",
    "fail",
    "failed_count",
    "oldest_pending",
    "renew",
    "retry_later",
]


async def enqueue(
    session: AsyncSession,
    kind: str,
    payload: dict[str, Any],
    *,
    now: datetime,
    identity_id: int | None = None,
) -> int:
    result = await session.execute(
        _INSERT,
        {
            "kind": kind,
            "identity_id": identity_id,
            "payload": payload,
            "created_at": now,
            "available_at": now,
            "attempts": 0,
        },
    )
    return int(result.inserted_primary_key[0])  # type: ignore[attr-defined]


# A Core insert: a step's outbox rows need no ORM unit of work.
_INSERT = table(OutboxRow).insert()


_OUTBOX = table(OutboxRow)
_CLAIMED = (
    _OUTBOX.c.id,
    _OUTBOX.c.kind,
    _OUTBOX.c.identity_id,
    _OUTBOX.c.payload,
    _OUTBOX.c.attempts,
    _OUTBOX.c.claimed_until,
)


async def claim(
    session: AsyncSession,
    *,
    now: datetime,
    lease: timedelta,
    limit: int = 20,
    kinds: tuple[str, ...] | None = None,
    identity_id: int | None = None,
) -> list[OutboxItem]:
    """Take due rows for `lease`; a crashed claimer's rows come back when it ends.

    One statement: the due rows' ids are picked and leased by the same
    `UPDATE … RETURNING`. On PostgreSQL the pick skips rows another claimer
    has locked (`FOR UPDATE SKIP LOCKED`), so concurrent workers take
    different rows instead of queueing on the same ones; SQLite has one
    writer at a time anyway."""
    due = (
        select(_OUTBOX.c.id)
        .where(
            _OUTBOX.c.done_at.is_(None),
            _OUTBOX.c.available_at <= now,
            or_(_OUTBOX.c.claimed_until.is_(None), _OUTBOX.c.claimed_until <= now),
        )
        .order_by(_OUTBOX.c.id)
        .limit(limit)
    )
    if kinds is not None:
        due = due.where(_OUTBOX.c.kind.in_(kinds))
    if identity_id is not None:
        due = due.where(_OUTBOX.c.identity_id == identity_id)
    if is_postgres(session):
        due = due.with_for_update(skip_locked=True)
    leased = (
        update(_OUTBOX)
        .where(_OUTBOX.c.id.in_(due.scalar_subquery()))
        .values(claimed_until=now + lease, attempts=_OUTBOX.c.attempts + 1)
        .returning(*_CLAIMED)
    )
    rows = (await session.execute(leased)).all()
    # RETURNING gives no order: run them oldest first, as picked.
    return sorted(
        (
            OutboxItem(
                id=row.id,
                kind=row.kind,
                identity_id=row.identity_id,
                payload=dict(row.payload),
                attempts=row.attempts,
                leased_until=row.claimed_until,
            )
            for row in rows
        ),
        key=lambda item: item.id,
    )


async def renew(
    session: AsyncSession, item: OutboxItem, *, now: datetime, lease: timedelta
) -> OutboxItem | None:
    """Extend `item`'s lease right before it runs, if the claim is still ours.

    A batch is claimed with one lease; on a slow machine the last rows of a
    batch can outlive it, and another worker claims them. Without this check
    both would send. None when the row was taken over (or finished) meanwhile.
    """
    until = now + lease
    result = await session.execute(
        _RENEW, {"row_id": item.id, "leased_until": item.leased_until, "until": until}
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        return None
    return replace(item, leased_until=until)


_RENEW = (
    update(_OUTBOX)
    .where(
        _OUTBOX.c.id == bindparam("row_id"),
        _OUTBOX.c.done_at.is_(None),
        _OUTBOX.c.claimed_until == bindparam("leased_until"),
    )
    .values(claimed_until=bindparam("until"))
)


async def complete(
    session: AsyncSession, item_id: int, *, now: datetime, payload: dict[str, Any] | None = None
) -> None:
    values: dict[str, Any] = {"done_at": now, "claimed_until": None, "last_error": None}
    if payload is not None:
        values["payload"] = payload
    await session.execute(update(_OUTBOX).where(_OUTBOX.c.id == item_id).values(**values))


async def retry_later(session: AsyncSession, item_id: int, *, at: datetime, error: str) -> None:
    await session.execute(
        update(_OUTBOX)
        .where(_OUTBOX.c.id == item_id)
        .values(available_at=at, claimed_until=None, last_error=error[:2000])
    )


async def fail(
    session: AsyncSession,
    item_id: int,
    *,
    now: datetime,
    error: str,
    payload: dict[str, Any] | None = None,
) -> None:
    """Give up on a row for good (it stays, with the error, for operators);
    `payload` replaces what it carried (to drop a secret it no longer needs)."""
    values: dict[str, Any] = {
        "done_at": now,
        "claimed_until": None,
        "last_error": f"{FAILED_PREFIX}{error[:1990]}",
    }
    if payload is not None:
        values["payload"] = payload
    await session.execute(update(_OUTBOX).where(_OUTBOX.c.id == item_id).values(**values))


async def depth(session: AsyncSession) -> int:
    count = await session.scalar(
        select(func.count()).select_from(OutboxRow).where(OutboxRow.done_at.is_(None))
    )
    return int(count or 0)


async def oldest_pending(session: AsyncSession) -> datetime | None:
    return await session.scalar(
        select(func.min(OutboxRow.created_at)).where(OutboxRow.done_at.is_(None))
    )


FAILED_PREFIX = "failed: "


async def failed_count(session: AsyncSession, kind: str | None = None) -> int:
    """Rows given up on for good (a permanent SMTP refusal, or too many
    attempts): the delivery-failure counter."""
    query = (
        select(func.count())
        .select_from(OutboxRow)
        .where(OutboxRow.done_at.is_not(None), OutboxRow.last_error.startswith(FAILED_PREFIX))
    )
    if kind is not None:
        query = query.where(OutboxRow.kind == kind)
    return int(await session.scalar(query) or 0)
