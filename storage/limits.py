"""What the abuse limits count in the database: organizations a user
created, confirmation emails an address received, requests a client address
made to the public pages. (A user's message window is kept on their
conversation row: `storage/conversations`.)

A daily count is a check-then-act: count, and if under the limit, insert.
Two transactions doing that side by side would both see the same count and
both pass, so counting first takes a lock on what is counted, held until the
caller's transaction ends (it inserts before committing): on PostgreSQL a
transaction-scoped advisory lock on the address (or the user), on SQLite the
write lock every transaction already holds from `BEGIN IMMEDIATE`. The next
transaction counting the same thing waits, then sees the insert."""

from datetime import datetime, timedelta

from sqlalchemy import bindparam, case, delete, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from ._dialect import is_postgres, upsert_insert
from .models import (
    EmailConfirmationRow,
    IpWindowRow,
    OrganizationRow,
    UTCDateTime,
)

# The first key of our advisory locks (pg_advisory_xact_lock(int, int)), so
# they cannot collide with anyone else's on the same database.
_LOCK_SPACE = 0x0C0F


async def _lock_count(session: AsyncSession, key: str) -> None:
    if is_postgres(session):
        await session.execute(
            text("SELECT pg_advisory_xact_lock(:space, hashtext(:key))"),
            {"space": _LOCK_SPACE, "key": key},
        )


__all__ = [
    "confirmations_since",
    "count_request",
    "forget_windows",
    "organizations_since",
]


async def organizations_since(
    session: AsyncSession, identity_id: int, since: datetime
) -> list[datetime]:
    """When the user's organizations created after `since` were created,
    oldest first; counted under a lock held until the transaction ends."""
    await _lock_count(session, f"organizations:{identity_id}")
    result = await session.execute(
        select(OrganizationRow.created_at)
        .where(OrganizationRow.identity_id == identity_id, OrganizationRow.created_at > since)
        .order_by(OrganizationRow.created_at)
    )
    return list(result.scalars())


async def confirmations_since(session: AsyncSession, email: str, since: datetime) -> list[datetime]:
    """When confirmation links went to this address (any organization, any
    user, letter case ignored) after `since`, oldest first; counted under a
    lock on the address held until the transaction ends."""
    await _lock_count(session, f"confirmations:{email.lower()}")
    result = await session.execute(
        select(EmailConfirmationRow.created_at)
        .where(
            func.lower(EmailConfirmationRow.email) == email.lower(),
            EmailConfirmationRow.created_at > since,
        )
        .order_by(EmailConfirmationRow.created_at)
    )
    return list(result.scalars())


async def count_request(
    session: AsyncSession, address: str, now: datetime, window: timedelta
) -> tuple[datetime, int]:
    """Count one request from `address` in its current window (a new window
    when the last one is over): (window start, requests in it, this one
    included). One statement, atomic on both backends, so web processes
    sharing the database share the count."""
    current = IpWindowRow.started_at > bindparam("window_open", now - window, UTCDateTime())
    at_now = bindparam("now", now, UTCDateTime())
    statement = (
        upsert_insert(session, IpWindowRow)
        .values(address=address[:64], started_at=now, count=1)
        .on_conflict_do_update(
            index_elements=["address"],
            set_={
                "count": case((current, IpWindowRow.count + 1), else_=1),
                "started_at": case((current, IpWindowRow.started_at), else_=at_now),
            },
        )
        .returning(IpWindowRow.started_at, IpWindowRow.count)
    )
    started, count = (await session.execute(statement)).one()
    return started, int(count)


async def forget_windows(session: AsyncSession, before: datetime) -> None:
    """Drop windows that started before `before` (over, and not coming back)."""
    await session.execute(delete(IpWindowRow).where(IpWindowRow.started_at < before))
