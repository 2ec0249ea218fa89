"""Replies a step made but a channel has not sent yet, kept on the delivery's
dedupe row. A process that dies between the step's commit and the sending
leaves them here; when the platform delivers the update again it is a
duplicate for the engine, and the channel sends what is owed instead of
nothing. Cleared once sent."""

from typing import Any

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from .models import ProcessedUpdateRow

__all__ = ["owe", "owed", "paid"]


def _row(source: str, key: str) -> ColumnElement[bool]:
    return (ProcessedUpdateRow.source == source) & (ProcessedUpdateRow.key == key)


async def owe(session: AsyncSession, source: str, key: str, replies: dict[str, Any]) -> None:
    """Inside the step's transaction, after `mark_processed` took the key."""
    await session.execute(
        update(ProcessedUpdateRow).where(_row(source, key)).values(replies=replies)
    )


async def owed(session: AsyncSession, source: str, key: str) -> dict[str, Any] | None:
    return await session.scalar(select(ProcessedUpdateRow.replies).where(_row(source, key)))


async def paid(session: AsyncSession, source: str, key: str) -> None:
    await session.execute(update(ProcessedUpdateRow).where(_row(source, key)).values(replies=None))
