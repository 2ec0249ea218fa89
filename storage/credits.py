"""The credit ledger: grants (one per registrable domain, enforced by a unique
constraint) and usage reports (one per idempotency key)."""

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ._dialect import is_postgres, upsert_insert
from .models import CreditGrantRow, CreditUsageRow, OrganizationRow
from .records import CreditGrantRecord, CreditUsageRecord

__all__ = [
    "add_usage",
    "find_usage",
    "grants_for",
    "lock_grant",
    "mark_exhausted",
    "set_credit_status",
    "try_grant",
]


async def try_grant(
    session: AsyncSession,
    *,
    org_id: int,
    domain: str,
    amount_minor: int,
    currency: str,
    now: datetime,
) -> bool:
    """Insert the domain's grant; False when the domain already has one. No read
    first: the unique constraint decides, so this holds across processes (on
    PostgreSQL a racing insert waits for the winner to commit or roll back)."""
    result = await session.execute(
        upsert_insert(session, CreditGrantRow)
        .values(
            org_id=org_id,
            domain=domain,
            amount_minor=amount_minor,
            currency=currency,
            created_at=now,
        )
        .on_conflict_do_nothing(index_elements=["domain"])
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def set_credit_status(session: AsyncSession, org_id: int, status: str) -> None:
    await session.execute(
        update(OrganizationRow).where(OrganizationRow.id == org_id).values(credit_status=status)
    )


def _grant(row: CreditGrantRow, used: int) -> CreditGrantRecord:
    return CreditGrantRecord(
        id=row.id,
        org_id=row.org_id,
        domain=row.domain,
        amount_minor=row.amount_minor,
        currency=row.currency,
        used_minor=int(used),
        exhausted_at=row.exhausted_at,
    )


async def lock_grant(session: AsyncSession, org_id: int) -> CreditGrantRecord | None:
    """The organization's grant, locked for this transaction so that usage
    reports for one organization are applied one after the other."""
    query = select(CreditGrantRow).where(CreditGrantRow.org_id == org_id)
    if is_postgres(session):
        query = query.with_for_update()
    row = await session.scalar(query)
    if row is None:
        return None
    used = await session.scalar(
        select(func.coalesce(func.sum(CreditUsageRow.applied_minor), 0)).where(
            CreditUsageRow.org_id == org_id
        )
    )
    return _grant(row, int(used or 0))


async def grants_for(session: AsyncSession, org_ids: Iterable[int]) -> dict[int, CreditGrantRecord]:
    wanted = list(org_ids)
    if not wanted:
        return {}
    used = (
        select(
            CreditUsageRow.org_id,
            func.sum(CreditUsageRow.applied_minor).label("used"),
        )
        .where(CreditUsageRow.org_id.in_(wanted))
        .group_by(CreditUsageRow.org_id)
        .subquery()
    )
    query = (
        select(CreditGrantRow, func.coalesce(used.c.used, 0))
        .outerjoin(used, used.c.org_id == CreditGrantRow.org_id)
        .where(CreditGrantRow.org_id.in_(wanted))
    )
    return {row.org_id: _grant(row, spent) for row, spent in (await session.execute(query)).all()}


async def add_usage(
    session: AsyncSession,
    *,
    org_id: int,
    idempotency_key: str,
    amount_minor: int,
    applied_minor: int,
    remaining_minor: int,
    currency: str,
    now: datetime,
) -> bool:
    """Record a usage report; False when the key was used before (by anyone)."""
    result = await session.execute(
        upsert_insert(session, CreditUsageRow)
        .values(
            org_id=org_id,
            idempotency_key=idempotency_key,
            amount_minor=amount_minor,
            applied_minor=applied_minor,
            remaining_minor=remaining_minor,
            currency=currency,
            created_at=now,
        )
        .on_conflict_do_nothing(index_elements=["idempotency_key"])
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def find_usage(session: AsyncSession, idempotency_key: str) -> CreditUsageRecord | None:
    row = await session.scalar(
        select(CreditUsageRow).where(CreditUsageRow.idempotency_key == idempotency_key)
    )
    if row is None:
        return None
    return CreditUsageRecord(
        id=row.id,
        org_id=row.org_id,
        idempotency_key=row.idempotency_key,
        amount_minor=row.amount_minor,
        applied_minor=row.applied_minor,
        remaining_minor=row.remaining_minor,
        currency=row.currency,
        created_at=row.created_at,
    )


async def mark_exhausted(session: AsyncSession, grant_id: int, now: datetime) -> bool:
    """True for exactly one caller: the first to see the credit reach zero."""
    result = await session.execute(
        update(CreditGrantRow)
        .where(CreditGrantRow.id == grant_id, CreditGrantRow.exhausted_at.is_(None))
        .values(exhausted_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
