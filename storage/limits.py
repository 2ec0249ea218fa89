"""What the abuse limits count in the database: a user's message window,
organizations a user created, confirmation emails an address received."""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from conversations.flood import MessageWindow

from .models import EmailConfirmationRow, MessageWindowRow, OrganizationRow

__all__ = ["confirmations_since", "load_window", "organizations_since", "save_window"]


async def load_window(session: AsyncSession, identity_id: int) -> MessageWindow | None:
    """Read under the caller's conversation lock, so no other lock is needed."""
    row = await session.get(MessageWindowRow, identity_id)
    if row is None:
        return None
    return MessageWindow(started=row.started_at, count=row.count, warned=row.warned)


async def save_window(session: AsyncSession, identity_id: int, window: MessageWindow) -> None:
    row = await session.get(MessageWindowRow, identity_id)
    if row is None:
        row = MessageWindowRow(identity_id=identity_id)
        session.add(row)
    row.started_at, row.count, row.warned = window.started, window.count, window.warned
    await session.flush()


async def organizations_since(
    session: AsyncSession, identity_id: int, since: datetime
) -> list[datetime]:
    """When the user's organizations created after `since` were created, oldest first."""
    result = await session.execute(
        select(OrganizationRow.created_at)
        .where(OrganizationRow.identity_id == identity_id, OrganizationRow.created_at > since)
        .order_by(OrganizationRow.created_at)
    )
    return list(result.scalars())


async def confirmations_since(session: AsyncSession, email: str, since: datetime) -> list[datetime]:
    """When confirmation links went to this address (any organization, any
    user, letter case ignored) after `since`, oldest first."""
    result = await session.execute(
        select(EmailConfirmationRow.created_at)
        .where(
            func.lower(EmailConfirmationRow.email) == email.lower(),
            EmailConfirmationRow.created_at > since,
        )
        .order_by(EmailConfirmationRow.created_at)
    )
    return list(result.scalars())
