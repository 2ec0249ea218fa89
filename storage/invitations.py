"""Invitations to join an organization, its members, and the addresses that
asked never to be invited. Daily counts lock what they count, as
`storage/limits.py` explains, so two steps side by side cannot both pass."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from conversations.team import Team

from ._dialect import is_postgres
from .limits import _lock_count
from .models import InvitationOptOutRow, InvitationRow, MemberRow, OrganizationRow

__all__ = [
    "InvitationRecord",
    "TeamCounts",
    "accept_invitation",
    "add_member",
    "find_invitation",
    "invitation_totals",
    "invitations_since",
    "is_member",
    "issue_invitation",
    "opt_out",
    "opted_out",
    "revoke_for_identity",
    "revoke_invitations",
    "team",
    "team_counts",
]


@dataclass(frozen=True, slots=True)
class InvitationRecord:
    id: int
    org_id: int
    email: str
    invited_by: str | None
    created_at: datetime
    expires_at: datetime
    accepted_at: datetime | None
    revoked_at: datetime | None


@dataclass(frozen=True, slots=True)
class TeamCounts:
    invited: int = 0
    joined: int = 0
    expired: int = 0


def _record(row: InvitationRow) -> InvitationRecord:
    return InvitationRecord(
        id=row.id,
        org_id=row.org_id,
        email=row.email,
        invited_by=row.invited_by,
        created_at=row.created_at,
        expires_at=row.expires_at,
        accepted_at=row.accepted_at,
        revoked_at=row.revoked_at,
    )


def _open() -> list[ColumnElement[bool]]:
    return [InvitationRow.accepted_at.is_(None), InvitationRow.revoked_at.is_(None)]


async def team(session: AsyncSession, org_id: int, now: datetime) -> Team:
    """Who has an open invitation, whose expired (and none newer is open), who joined."""
    rows = (
        await session.execute(
            select(InvitationRow.email, InvitationRow.expires_at).where(
                InvitationRow.org_id == org_id, *_open()
            )
        )
    ).all()
    members = tuple(
        await session.scalars(
            select(MemberRow.email).where(MemberRow.org_id == org_id).order_by(MemberRow.id)
        )
    )
    invited = sorted({email for email, expires in rows if expires > now} - set(members))
    expired = sorted({email for email, _ in rows} - set(invited) - set(members))
    return Team(invited=tuple(invited), expired=tuple(expired), members=members)


async def invitations_since(
    session: AsyncSession, *, since: datetime, org_id: int | None = None, email: str | None = None
) -> list[datetime]:
    """When invitations of one organization, or to one address, were issued
    since `since` (oldest first). Locks the count until the transaction ends."""
    query = select(InvitationRow.created_at).where(InvitationRow.created_at > since)
    if org_id is not None:
        await _lock_count(session, f"invitations-org:{org_id}")
        query = query.where(InvitationRow.org_id == org_id)
    if email is not None:
        await _lock_count(session, f"invitations-to:{email}")
        query = query.where(InvitationRow.email == email)
    return list(await session.scalars(query.order_by(InvitationRow.created_at)))


async def issue_invitation(
    session: AsyncSession,
    *,
    org_id: int,
    email: str,
    invited_by: str | None,
    token_hash: str,
    expires_at: datetime,
    now: datetime,
) -> int:
    """A new link for `email`; an older open one to the same address stops working."""
    await session.execute(
        update(InvitationRow)
        .where(InvitationRow.org_id == org_id, InvitationRow.email == email, *_open())
        .values(revoked_at=now)
    )
    row = InvitationRow(
        org_id=org_id,
        email=email,
        invited_by=invited_by,
        token_hash=token_hash,
        created_at=now,
        expires_at=expires_at,
    )
    session.add(row)
    await session.flush()
    return row.id


async def revoke_invitations(
    session: AsyncSession, org_id: int, emails: tuple[str, ...], now: datetime
) -> int:
    result = await session.execute(
        update(InvitationRow)
        .where(InvitationRow.org_id == org_id, InvitationRow.email.in_(emails), *_open())
        .values(revoked_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def revoke_for_identity(session: AsyncSession, identity_id: int, now: datetime) -> None:
    """The owner deletes their data: their organizations' open invitations
    stop working, and no invitation keeps the owner's address."""
    org_ids = select(OrganizationRow.id).where(OrganizationRow.identity_id == identity_id)
    await session.execute(
        update(InvitationRow)
        .where(InvitationRow.org_id.in_(org_ids), *_open())
        .values(revoked_at=now)
    )
    await session.execute(
        update(InvitationRow).where(InvitationRow.org_id.in_(org_ids)).values(invited_by=None)
    )


async def find_invitation(
    session: AsyncSession, token_hash: str, *, for_update: bool = False
) -> InvitationRecord | None:
    query = select(InvitationRow).where(InvitationRow.token_hash == token_hash)
    if for_update and is_postgres(session):
        query = query.with_for_update()
    row = await session.scalar(query)
    return _record(row) if row is not None else None


async def get_invitation(session: AsyncSession, invitation_id: int) -> InvitationRecord | None:
    row = await session.get(InvitationRow, invitation_id)
    return _record(row) if row is not None else None


async def accept_invitation(session: AsyncSession, invitation_id: int, now: datetime) -> bool:
    """Mark it accepted; False if it was accepted or revoked meanwhile."""
    result = await session.execute(
        update(InvitationRow)
        .where(InvitationRow.id == invitation_id, *_open())
        .values(accepted_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def is_member(session: AsyncSession, org_id: int, email: str) -> bool:
    found = await session.scalar(
        select(MemberRow.id).where(MemberRow.org_id == org_id, MemberRow.email == email)
    )
    return found is not None


async def add_member(
    session: AsyncSession, *, org_id: int, email: str, invitation_id: int, now: datetime
) -> None:
    session.add(MemberRow(org_id=org_id, email=email, invitation_id=invitation_id, joined_at=now))
    await session.flush()


async def opted_out(session: AsyncSession, emails: tuple[str, ...]) -> set[str]:
    if not emails:
        return set()
    found = await session.scalars(
        select(InvitationOptOutRow.email).where(InvitationOptOutRow.email.in_(emails))
    )
    return set(found)


async def opt_out(session: AsyncSession, email: str, now: datetime) -> None:
    """Never invite `email` again; its open invitations stop working."""
    if not await opted_out(session, (email,)):
        session.add(InvitationOptOutRow(email=email, created_at=now))
        await session.flush()
    await session.execute(
        update(InvitationRow).where(InvitationRow.email == email, *_open()).values(revoked_at=now)
    )


async def team_counts(session: AsyncSession, now: datetime) -> dict[int, TeamCounts]:
    """Per organization: open invitations, members, expired invitations."""
    counts: dict[int, TeamCounts] = {}
    orgs = {row for row in await session.scalars(select(InvitationRow.org_id).distinct())}
    orgs |= {row for row in await session.scalars(select(MemberRow.org_id).distinct())}
    for org_id in sorted(orgs):
        known = await team(session, org_id, now)
        counts[org_id] = TeamCounts(len(known.invited), len(known.members), len(known.expired))
    return counts


async def invitation_totals(
    session: AsyncSession, since: datetime | None = None
) -> tuple[int, int]:
    """For the funnel: invitations sent and accepted (since `since`)."""
    sent = select(func.count()).select_from(InvitationRow)
    accepted = (
        select(func.count())
        .select_from(InvitationRow)
        .where(InvitationRow.accepted_at.is_not(None))
    )
    if since is not None:
        sent = sent.where(InvitationRow.created_at >= since)
        accepted = accepted.where(InvitationRow.created_at >= since)
    return int(await session.scalar(sent) or 0), int(await session.scalar(accepted) or 0)
