"""`chat_message`: a reply that reaches the user later, in their channel (a
confirmed email, a saved card, a reminder), sent by that channel's sender."""

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.ops.clock import Clock
from bot.outbox.kinds.names import CHAT_MESSAGE
from storage import outbox
from storage.records import OutboxItem

__all__ = ["ChatMessageKind", "ChatSender"]

# Sends one `chat_message` payload ({channel, external_id, language, reply}).
ChatSender = Callable[[dict[str, Any]], Awaitable[None]]


class ChatMessageKind:
    name = CHAT_MESSAGE
    in_order = True

    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock) -> None:
        self.sessions = sessions
        self.clock = clock
        self.senders: dict[str, ChatSender] = {}

    def service(self, item: OutboxItem) -> str:
        return str(item.payload.get("channel") or item.kind)

    async def run(self, item: OutboxItem) -> None:
        sender = self.senders.get(item.payload.get("channel", ""))
        if sender is None:
            raise RuntimeError(f"no sender for channel {item.payload.get('channel')!r}")
        await sender(item.payload)
        async with self.sessions.begin() as session:
            await outbox.complete(session, item.id, now=self.clock.now())

    async def give_up(
        self, session: AsyncSession, item: OutboxItem, error: str, now: datetime
    ) -> None:
        await outbox.fail(session, item.id, now=now, error=error)
