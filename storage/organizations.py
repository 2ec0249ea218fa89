"""Organizations and their email confirmation links."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, func, select, type_coerce, update
from sqlalchemy.ext.asyncio import AsyncSession

from ._dialect import is_postgres, table
from .models import EmailConfirmationRow, OrganizationRow
from .records import ConfirmationRecord, OrganizationRecord

__all__ = [
    "PENDING_EMAIL",
    "confirm_organization",
    "create_organization",
    "detach_organizations",
    "find_confirmation",
    "get_organization",
    "issue_confirmation",
    "list_organizations",
    "set_organization_status",
    "update_organization",
    "use_confirmation",
]

PENDING_EMAIL = "pending_email"
CONFIRMED = "confirmed"


def _record(row: OrganizationRow) -> OrganizationRecord:
    return OrganizationRecord(
        id=row.id,
        identity_id=row.identity_id,
        channel=row.channel,
        name=row.name,
        email=row.email,
        domain=row.domain,
        language=row.language,
        currency=row.currency,
        status=row.status,
        created_at=row.created_at,
        confirmed_at=row.confirmed_at,
        credit_status=row.credit_status,
    )


async def create_organization(
    session: AsyncSession,
    *,
    identity_id: int,
    channel: str,
    name: str,
    email: str,
    domain: str,
    language: str,
    currency: str,
    now: datetime,
) -> int:
    connection = await session.connection()
    result = await connection.execute(
        _INSERT_ORGANIZATION,
        {
            "identity_id": identity_id,
            "channel": channel,
            "name": name,
            "email": email,
            "domain": domain,
            "language": language,
            "currency": currency,
            "status": PENDING_EMAIL,
            "created_at": now,
        },
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


# Core inserts: a step's new rows need no ORM unit of work.
_INSERT_ORGANIZATION = table(OrganizationRow).insert()
_INSERT_CONFIRMATION = table(EmailConfirmationRow).insert()


async def get_organization(
    session: AsyncSession, org_id: int, *, for_update: bool = False
) -> OrganizationRecord | None:
    query = select(OrganizationRow).where(OrganizationRow.id == org_id)
    if for_update and is_postgres(session):
        query = query.with_for_update()
    row = await session.scalar(query)
    return _record(row) if row else None


async def update_organization(
    session: AsyncSession,
    org_id: int,
    *,
    email: str | None = None,
    domain: str | None = None,
    language: str | None = None,
) -> None:
    values: dict[str, str] = {}
    if email is not None:
        values["email"] = email
    if domain is not None:
        values["domain"] = domain
    if language is not None:
        values["language"] = language
    if values:
        await session.execute(
            update(OrganizationRow).where(OrganizationRow.id == org_id).values(**values)
        )


async def set_organization_status(session: AsyncSession, org_id: int, status: str) -> None:
    await session.execute(
        update(OrganizationRow).where(OrganizationRow.id == org_id).values(status=status)
    )


async def confirm_organization(session: AsyncSession, org_id: int, now: datetime) -> None:
    await session.execute(
        update(OrganizationRow)
        .where(OrganizationRow.id == org_id)
        .values(status=CONFIRMED, confirmed_at=now)
    )


async def list_organizations(
    session: AsyncSession, identity_id: int | None = None
) -> list[OrganizationRecord]:
    query = select(OrganizationRow).order_by(OrganizationRow.id)
    if identity_id is not None:
        query = query.where(OrganizationRow.identity_id == identity_id)
    return [_record(row) for row in await session.scalars(query)]


def _named(identity_id: Any) -> Any:
    return (
        (OrganizationRow.identity_id == identity_id)
        & (OrganizationRow.status != "cancelled")
        & OrganizationRow.name.is_not(None)
    )


async def organization_names(session: AsyncSession, identity_id: int) -> tuple[str, ...]:
    """The names of the user's organizations that were not cancelled."""
    query = select(OrganizationRow.name).where(_named(identity_id))
    return tuple(name for name in await session.scalars(query) if name)


def organization_names_column(identity_id: Any, postgres: bool) -> Any:
    """`organization_names` as a JSON array, for a column of another query
    (NULL or `[]` when there are none): `names_from_column` reads it."""
    aggregate = func.json_agg if postgres else func.json_group_array
    names = select(aggregate(OrganizationRow.name)).where(_named(identity_id))
    return type_coerce(names.scalar_subquery(), JSON)


def names_from_column(value: Any) -> tuple[str, ...]:
    return tuple(name for name in value or () if name)


async def detach_organizations(session: AsyncSession, identity_id: int) -> None:
    """Organizations outlive a deleted user, without the user's personal data."""
    org_ids = select(OrganizationRow.id).where(OrganizationRow.identity_id == identity_id)
    await session.execute(
        update(EmailConfirmationRow)
        .where(EmailConfirmationRow.org_id.in_(org_ids))
        .values(email=None)
    )
    await session.execute(
        update(OrganizationRow)
        .where(OrganizationRow.identity_id == identity_id)
        .values(identity_id=None, name=None, email=None)
    )


async def issue_confirmation(
    session: AsyncSession,
    *,
    org_id: int,
    email: str,
    token_hash: str,
    expires_at: datetime,
    now: datetime,
    first: bool = False,
) -> None:
    """Store a new link's hash; every older link of the organization stops
    working. `first`: the organization was created in this transaction, so
    it has no older link to revoke."""
    connection = await session.connection()
    if not first:
        await connection.execute(
            update(EmailConfirmationRow)
            .where(
                EmailConfirmationRow.org_id == org_id,
                EmailConfirmationRow.used_at.is_(None),
                EmailConfirmationRow.revoked_at.is_(None),
            )
            .values(revoked_at=now)
        )
    await connection.execute(
        _INSERT_CONFIRMATION,
        {
            "org_id": org_id,
            "token_hash": token_hash,
            "email": email,
            "created_at": now,
            "expires_at": expires_at,
        },
    )


async def find_confirmation(
    session: AsyncSession, token_hash: str, *, for_update: bool = False
) -> ConfirmationRecord | None:
    query = select(EmailConfirmationRow).where(EmailConfirmationRow.token_hash == token_hash)
    if for_update and is_postgres(session):
        query = query.with_for_update()
    row = await session.scalar(query)
    if row is None:
        return None
    return ConfirmationRecord(
        id=row.id,
        org_id=row.org_id,
        email=row.email,
        expires_at=row.expires_at,
        used_at=row.used_at,
        revoked_at=row.revoked_at,
        created_at=row.created_at,
    )


async def use_confirmation(session: AsyncSession, confirmation_id: int, now: datetime) -> bool:
    """Mark a link used; False if another request used it first."""
    result = await session.execute(
        update(EmailConfirmationRow)
        .where(EmailConfirmationRow.id == confirmation_id, EmailConfirmationRow.used_at.is_(None))
        .values(used_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
