"""The web chat's transcript: what its visitor saw, both sides, numbered per
conversation (`seq`, from 1). A browser resumes from the last `seq` it saw,
so numbers are given out in commit order: the next one is taken under a lock
on the conversation (PostgreSQL: its row `FOR UPDATE`; SQLite: the write lock
every transaction holds), and a later number is never visible before an
earlier one."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ._dialect import is_postgres
from .models import ConversationRow, IdentityRow, WebChatMessageRow

__all__ = [
    "REMOVED",
    "ChatLine",
    "append",
    "forget",
    "history",
    "identities_of",
    "identity_of",
    "newest",
    "recipient",
]


@dataclass(frozen=True, slots=True)
class ChatLine:
    seq: int
    author: str  # "bot", "user" or REMOVED
    message_id: str | None
    text: str
    buttons: tuple[dict[str, Any], ...]
    keyboard: str | None
    language: str


async def identity_of(session: AsyncSession, channel: str, visitor: str) -> int | None:
    found = await session.execute(
        select(IdentityRow.id).where(
            IdentityRow.channel == channel, IdentityRow.external_id == visitor
        )
    )
    return found.scalar()


async def identities_of(
    session: AsyncSession, channel: str, visitors: Iterable[str]
) -> dict[str, int]:
    """The identities of these visitors that have one (one query per 500)."""
    wanted = list(visitors)
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        rows = await session.execute(
            select(IdentityRow.external_id, IdentityRow.id).where(
                IdentityRow.channel == channel,
                IdentityRow.external_id.in_(wanted[start : start + 500]),
            )
        )
        found.update(dict(rows.tuples().all()))
    return found


async def recipient(session: AsyncSession, channel: str, visitor: str) -> tuple[int, str] | None:
    """The visitor's identity and the language their conversation speaks."""
    found = await session.execute(
        select(IdentityRow.id, ConversationRow.data)
        .join(ConversationRow, ConversationRow.identity_id == IdentityRow.id)
        .where(IdentityRow.channel == channel, IdentityRow.external_id == visitor)
    )
    row = found.first()
    if row is None:
        return None
    return row[0], str((row[1] or {}).get("language") or "en")


async def append(
    session: AsyncSession,
    identity_id: int,
    *,
    author: str,
    text: str,
    language: str,
    now: datetime,
    message_id: str | None = None,
    buttons: Sequence[dict[str, Any]] = (),
    keyboard: str | None = None,
) -> int:
    """Add one message at the end; its `seq`."""
    if is_postgres(session):
        await session.execute(
            select(ConversationRow.id)
            .where(ConversationRow.identity_id == identity_id)
            .with_for_update()
        )
    last = await session.execute(
        select(func.max(WebChatMessageRow.seq)).where(WebChatMessageRow.identity_id == identity_id)
    )
    seq = (last.scalar() or 0) + 1
    session.add(
        WebChatMessageRow(
            identity_id=identity_id,
            seq=seq,
            author=author,
            message_id=message_id,
            text=text,
            buttons=list(buttons),
            keyboard=keyboard,
            language=language,
            created_at=now,
        )
    )
    await session.flush()
    return seq


async def history(
    session: AsyncSession, identity_id: int, *, after: int = 0, limit: int = 200
) -> list[ChatLine]:
    """Messages after `after`, oldest first; at most the newest `limit` of
    them when a browser starts from nothing (a long chat loads its end)."""
    query = select(WebChatMessageRow).where(
        WebChatMessageRow.identity_id == identity_id, WebChatMessageRow.seq > after
    )
    rows = (
        await session.execute(query.order_by(WebChatMessageRow.seq.desc()).limit(limit))
    ).scalars()
    return [
        ChatLine(
            seq=row.seq,
            author=row.author,
            message_id=row.message_id,
            text=row.text,
            buttons=tuple(row.buttons),
            keyboard=row.keyboard,
            language=row.language,
        )
        for row in reversed(list(rows))
    ]


async def newest(session: AsyncSession, identity_ids: Iterable[int]) -> dict[int, int]:
    """The last `seq` of each of these conversations that has any (one query
    for every open stream of a process)."""
    ids = list(identity_ids)
    newest: dict[int, int] = {}
    for start in range(0, len(ids), 500):
        found = await session.execute(
            select(WebChatMessageRow.identity_id, func.max(WebChatMessageRow.seq))
            .where(WebChatMessageRow.identity_id.in_(ids[start : start + 500]))
            .group_by(WebChatMessageRow.identity_id)
        )
        newest.update({identity: seq for identity, seq in found})
    return newest


REMOVED = "removed"


async def forget(session: AsyncSession, identity_id: int, seq: int) -> bool:
    """Empty one message (it held a card number); False if it was not there.
    The row stays, marked removed, so its number is not given out again."""
    result = await session.execute(
        update(WebChatMessageRow)
        .where(WebChatMessageRow.identity_id == identity_id, WebChatMessageRow.seq == seq)
        .values(author=REMOVED, text="", buttons=[], message_id=None, keyboard=None)
    )
    return bool(getattr(result, "rowcount", 0))
