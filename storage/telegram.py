"""Telegram chats: where the user came from (the live keyboard is
`storage/keyboards`'s, as for every channel)."""

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ._dialect import upsert_insert
from .models import TelegramChatRow

__all__ = ["record_start_source", "start_source_of"]


async def _ensure(session: AsyncSession, chat_id: int, now: datetime) -> None:
    await session.execute(
        upsert_insert(session, TelegramChatRow)
        .values(chat_id=chat_id, created_at=now, updated_at=now)
        .on_conflict_do_nothing(index_elements=["chat_id"])
    )


async def record_start_source(
    session: AsyncSession, chat_id: int, source: str, now: datetime
) -> bool:
    """Keep the first deep-link payload the user arrived with; False if one was kept."""
    await _ensure(session, chat_id, now)
    result = await session.execute(
        update(TelegramChatRow)
        .where(TelegramChatRow.chat_id == chat_id, TelegramChatRow.start_source.is_(None))
        .values(start_source=source, updated_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def start_source_of(session: AsyncSession, chat_id: int) -> str | None:
    return await session.scalar(
        select(TelegramChatRow.start_source).where(TelegramChatRow.chat_id == chat_id)
    )
