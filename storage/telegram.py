"""Telegram chats: which keyboard is the live one, and where the user came from."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ._dialect import dialect_name, per_dialect, table, upsert_insert
from .models import TelegramChatRow

__all__ = [
    "TelegramChat",
    "get_chat",
    "record_start_source",
    "remember_keyboard",
    "start_source_of",
]


@dataclass(frozen=True, slots=True)
class TelegramChat:
    chat_id: int
    keyboard_token: str | None
    language: str | None
    start_source: str | None


async def _ensure(session: AsyncSession, chat_id: int, now: datetime) -> None:
    await session.execute(
        upsert_insert(session, TelegramChatRow)
        .values(chat_id=chat_id, created_at=now, updated_at=now)
        .on_conflict_do_nothing(index_elements=["chat_id"])
    )


_CHATS = table(TelegramChatRow)
_GET_CHAT = select(
    _CHATS.c.chat_id, _CHATS.c.keyboard_token, _CHATS.c.language, _CHATS.c.start_source
).where(_CHATS.c.chat_id == bindparam("chat_id"))


def _upsert_keyboard(insert: Any) -> Any:
    values: dict[str, Any] = {
        "keyboard_token": bindparam("token"),
        "language": bindparam("language"),
        "updated_at": bindparam("now"),
    }
    return (
        insert(_CHATS)
        .values(chat_id=bindparam("chat_id"), created_at=bindparam("now"), **values)
        .on_conflict_do_update(index_elements=["chat_id"], set_=values)
    )


_REMEMBER_KEYBOARD = per_dialect(_upsert_keyboard)


async def get_chat(session: AsyncSession, chat_id: int) -> TelegramChat | None:
    row = (await session.execute(_GET_CHAT, {"chat_id": chat_id})).first()
    if row is None:
        return None
    return TelegramChat(row[0], row[1], row[2], row[3])


async def remember_keyboard(
    session: AsyncSession, chat_id: int, token: str | None, language: str | None, now: datetime
) -> None:
    """`token` marks the newest keyboard in the chat; every older one is stale."""
    await session.execute(
        _REMEMBER_KEYBOARD[dialect_name(session)],
        {"chat_id": chat_id, "token": token, "language": language, "now": now},
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
