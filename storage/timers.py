"""Timers: events due to a conversation later (reminders). Scheduled and
cancelled inside the step that decided so; claimed by a worker with a lease
(`FOR UPDATE SKIP LOCKED` on PostgreSQL); fired at most once."""

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ._dialect import is_postgres, table
from .models import TimerRow
from .records import TimerItem

__all__ = ["cancel", "claim_due", "mark_fired", "pending", "schedule", "schedule_all"]


async def schedule(
    session: AsyncSession,
    *,
    identity_id: int,
    name: str,
    org_id: int | None,
    due_at: datetime,
    now: datetime,
) -> int:
    result = await session.execute(
        _INSERT,
        {
            "identity_id": identity_id,
            "name": name,
            "org_id": org_id,
            "created_at": now,
            "due_at": due_at,
        },
    )
    return int(result.inserted_primary_key[0])  # type: ignore[attr-defined]


# A Core insert: a step's timers need no ORM unit of work.
_INSERT = table(TimerRow).insert()


async def schedule_all(
    session: AsyncSession,
    *,
    identity_id: int,
    name: str,
    org_id: int | None,
    due: list[datetime],
    now: datetime,
) -> None:
    """`schedule` for each of `due`, in one statement."""
    if not due:
        return
    rows = [
        {
            "identity_id": identity_id,
            "name": name,
            "org_id": org_id,
            "created_at": now,
            "due_at": at,
        }
        for at in due
    ]
    connection = await session.connection()
    await connection.execute(_INSERT, rows if len(rows) > 1 else rows[0])


def _open() -> ColumnElement[bool]:
    return and_(TimerRow.fired_at.is_(None), TimerRow.cancelled_at.is_(None))


async def cancel(
    session: AsyncSession, *, identity_id: int, name: str, org_id: int | None, now: datetime
) -> int:
    """Cancel the identity's open timers called `name` for `org_id`; how many."""
    result = await session.execute(
        update(TimerRow)
        .where(
            TimerRow.identity_id == identity_id,
            TimerRow.name == name,
            TimerRow.org_id.is_(None) if org_id is None else TimerRow.org_id == org_id,
            _open(),
        )
        .values(cancelled_at=now, claimed_until=None)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def _item(row: TimerRow) -> TimerItem:
    return TimerItem(
        id=row.id, identity_id=row.identity_id, name=row.name, org_id=row.org_id, due_at=row.due_at
    )


async def claim_due(
    session: AsyncSession,
    *,
    now: datetime,
    lease: timedelta,
    limit: int = 20,
    identity_id: int | None = None,
) -> list[TimerItem]:
    """Take due, open timers for `lease`; a crashed claimer's come back after it."""
    query = (
        select(TimerRow)
        .where(
            _open(),
            TimerRow.due_at <= now,
            or_(TimerRow.claimed_until.is_(None), TimerRow.claimed_until <= now),
        )
        .order_by(TimerRow.due_at, TimerRow.id)
        .limit(limit)
    )
    if identity_id is not None:
        query = query.where(TimerRow.identity_id == identity_id)
    if is_postgres(session):
        query = query.with_for_update(skip_locked=True)
    rows = list(await session.scalars(query))
    for row in rows:
        row.claimed_until = now + lease
    await session.flush()
    return [_item(row) for row in rows]


async def mark_fired(session: AsyncSession, timer_id: int, now: datetime) -> bool:
    """Fire a timer once: False when it was fired or cancelled meanwhile."""
    result = await session.execute(
        update(TimerRow)
        .where(TimerRow.id == timer_id, _open())
        .values(fired_at=now, claimed_until=None)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def pending(session: AsyncSession, identity_id: int | None = None) -> list[TimerItem]:
    """Open timers, soonest first."""
    query = select(TimerRow).where(_open()).order_by(TimerRow.due_at, TimerRow.id)
    if identity_id is not None:
        query = query.where(TimerRow.identity_id == identity_id)
    return [_item(row) for row in await session.scalars(query)]
