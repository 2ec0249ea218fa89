"""The handoff's storage helpers for the step's transaction: `desk` outbox
rows the worker posts to the desks, the ticket's transcript lines, the erasure
of a user's tickets. The desk effects themselves run in `bot/effects/desk.py`."""

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.handoff.redact import redact
from bot.handoff.transcript import encode_reply, printable
from conversations import Reply
from storage import outbox
from storage import tickets as tickets_repo

__all__ = [
    "DESK",
    "STATUS_NOTICES",
    "erase_tickets",
    "queue_desk",
    "record_line",
    "record_reply",
    "reply_line",
    "said_line",
]

DESK = "desk"
# What the desk is told when a ticket moves on.
STATUS_NOTICES = {
    ("taken", None): "handoff-desk-taken",
    ("escalated", None): "handoff-desk-escalated",
    ("closed", "resumed"): "handoff-desk-resumed",
    ("closed", "closed"): "handoff-desk-closed",
    ("closed", "left"): "handoff-desk-user-left",
}


async def queue_desk(
    session: AsyncSession,
    identity_id: int | None,
    ticket_id: int,
    op: str,
    now: datetime,
    **more: Any,
) -> None:
    """A `desk` row. With the user's identity it goes if they delete their
    data before it ran; without, it outlives them (blanking their cards)."""
    await outbox.enqueue(
        session, DESK, {"ticket_id": ticket_id, "op": op, **more}, now=now, identity_id=identity_id
    )


async def record_line(
    session: AsyncSession, identity_id: int, author: str, text: str, now: datetime
) -> None:
    await tickets_repo.add_line(session, identity_id, author, redact(printable(text))[:500], now)


async def record_reply(
    session: AsyncSession, identity_id: int, reply: Reply, language: str, now: datetime
) -> None:
    """A reply the user read, kept so the card can show it as they saw it."""
    encoded = encode_reply(reply, language)
    if encoded is not None:
        await tickets_repo.add_line(session, identity_id, "bot", encoded, now)


def said_line(author: str, text: str) -> tuple[str, str]:
    """What `record_line` stores for a user's or an agent's message."""
    return author, redact(printable(text))[:500]


def reply_line(reply: Reply, language: str) -> tuple[str, str] | None:
    """What `record_reply` stores for a reply, if anything."""
    encoded = encode_reply(reply, language)
    return None if encoded is None else ("bot", encoded)


async def erase_tickets(session: AsyncSession, identity_id: int, now: datetime) -> None:
    """The user deleted their data: their tickets stay anonymous and closed,
    every card already posted in a desk is blanked and the bot's posts with
    the user's words are removed (these rows carry no identity, so they
    outlive the user and are retried until done)."""
    for ticket in await tickets_repo.erase_for_identity(session, identity_id, now=now):
        if ticket.telegram_chat_id is None and ticket.slack_thread_ts is None:
            continue  # no card yet; the `card` row goes with the user
        await queue_desk(session, None, ticket.id, "update", now)
        await queue_desk(session, None, ticket.id, "purge", now)
        if ticket.status in tickets_repo.OPEN_STATUSES:
            await queue_desk(
                session, None, ticket.id, "say", now, message_id="handoff-desk-user-erased", args={}
            )
