"""Support tickets (one per handoff) and the redacted transcript the ticket
card shows. The transcript goes with the identity; a ticket stays, anonymous
(`identity_id` None, closed), so its cards in the desks can be blanked."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from . import history
from .models import HistoryRow, TicketPostRow, TicketRow

__all__ = [
    "TicketPost",
    "TicketRecord",
    "TranscriptLine",
    "add_line",
    "add_lines",
    "add_post",
    "count_open",
    "current_ticket",
    "delete_for_identity",
    "drop_post",
    "erase_for_identity",
    "find_by_slack_thread",
    "find_by_telegram",
    "get_ticket",
    "last_lines",
    "list_tickets",
    "open_ticket",
    "posts",
    "set_refs",
    "set_status",
    "trim_lines",
]

KEEP_LINES = 40
OPEN_STATUSES = ("open", "taken", "escalated")


@dataclass(frozen=True, slots=True)
class TicketRecord:
    id: int
    identity_id: int | None  # None: the user deleted their data
    status: str
    resolution: str | None
    agent: str | None
    opened_at: datetime
    taken_at: datetime | None
    escalated_at: datetime | None
    closed_at: datetime | None
    sla_due_at: datetime | None
    telegram_chat_id: int | None
    telegram_topic_id: int | None
    telegram_card_id: int | None
    slack_channel: str | None
    slack_thread_ts: str | None


@dataclass(frozen=True, slots=True)
class TranscriptLine:
    author: str
    text: str
    at: datetime


@dataclass(frozen=True, slots=True)
class TicketPost:
    id: int
    desk: str
    ref: str


def _record(row: TicketRow) -> TicketRecord:
    return TicketRecord(**{name: getattr(row, name) for name in TicketRecord.__slots__})


async def open_ticket(
    session: AsyncSession, identity_id: int, *, now: datetime, sla_due_at: datetime
) -> int:
    row = TicketRow(identity_id=identity_id, status="open", opened_at=now, sla_due_at=sla_due_at)
    session.add(row)
    await session.flush()
    return row.id


async def get_ticket(session: AsyncSession, ticket_id: int) -> TicketRecord | None:
    row = await session.get(TicketRow, ticket_id)
    return None if row is None else _record(row)


async def current_ticket(session: AsyncSession, identity_id: int) -> TicketRecord | None:
    """The identity's ticket that is not closed yet (the newest)."""
    row = await session.scalar(
        select(TicketRow)
        .where(TicketRow.identity_id == identity_id, TicketRow.status.in_(OPEN_STATUSES))
        .order_by(TicketRow.id.desc())
        .limit(1)
    )
    return None if row is None else _record(row)


async def set_status(
    session: AsyncSession,
    ticket_id: int,
    status: str,
    *,
    now: datetime,
    agent: str | None = None,
    resolution: str | None = None,
) -> None:
    values: dict[str, Any] = {"status": status, "sla_due_at": None}
    if status == "taken":
        values["taken_at"] = now
        if agent is not None:
            values["agent"] = agent[:128]
    elif status == "escalated":
        values["escalated_at"] = now
    elif status == "closed":
        values |= {"closed_at": now, "resolution": resolution}
    await session.execute(update(TicketRow).where(TicketRow.id == ticket_id).values(**values))


async def set_refs(session: AsyncSession, ticket_id: int, **refs: Any) -> None:
    """Where the ticket's thread lives (telegram_* / slack_* columns)."""
    await session.execute(update(TicketRow).where(TicketRow.id == ticket_id).values(**refs))


async def find_by_telegram(
    session: AsyncSession, chat_id: int, *, topic_id: int | None, reply_to: int | None
) -> TicketRecord | None:
    """The ticket whose forum topic is `topic_id`, or whose card `reply_to` answers."""
    query = select(TicketRow).where(TicketRow.telegram_chat_id == chat_id)
    if topic_id is not None:
        query = query.where(TicketRow.telegram_topic_id == topic_id)
    elif reply_to is not None:
        query = query.where(TicketRow.telegram_card_id == reply_to)
    else:
        return None
    row = await session.scalar(query.order_by(TicketRow.id.desc()).limit(1))
    return None if row is None else _record(row)


async def find_by_slack_thread(
    session: AsyncSession, channel: str, thread_ts: str
) -> TicketRecord | None:
    row = await session.scalar(
        select(TicketRow).where(
            TicketRow.slack_channel == channel, TicketRow.slack_thread_ts == thread_ts
        )
    )
    return None if row is None else _record(row)


async def list_tickets(session: AsyncSession) -> list[TicketRecord]:
    rows = await session.scalars(select(TicketRow).order_by(TicketRow.id))
    return [_record(row) for row in rows]


async def add_line(
    session: AsyncSession, identity_id: int, author: str, text: str, now: datetime
) -> None:
    """Append a (redacted) line; only the newest KEEP_LINES are kept."""
    await add_lines(session, identity_id, [(author, text)], now)


async def add_lines(
    session: AsyncSession,
    identity_id: int,
    lines: list[tuple[str, str]],
    now: datetime,
    *,
    trim: bool = True,
) -> None:
    """Append (author, redacted text) lines in order, in one insert; then, if
    `trim`, drop all but the newest KEEP_LINES in one delete. (Readers ask for
    the newest lines with a limit, so a caller may trim every few steps.)"""
    if not lines:
        return
    await history.write(session, now, identity_id=identity_id, lines=lines)
    if trim:
        await trim_lines(session, identity_id)


async def trim_lines(session: AsyncSession, identity_id: int) -> None:
    """Drop all but the newest KEEP_LINES lines of the transcript."""
    connection = await session.connection()
    await connection.execute(_TRIM_LINES, {"identity_id": identity_id})


_LINES = cast(Table, HistoryRow.__table__)
# `id <= NULL` holds for no row, so while there are fewer lines nothing goes.
_TRIM_LINES = _LINES.delete().where(
    _LINES.c.identity_id == bindparam("identity_id"),
    _LINES.c.id
    <= (
        select(_LINES.c.id)
        .where(_LINES.c.identity_id == bindparam("identity_id"))
        .order_by(_LINES.c.id.desc())
        .limit(1)
        .offset(KEEP_LINES)
        .scalar_subquery()
    ),
)


async def add_post(session: AsyncSession, ticket_id: int, desk: str, ref: str) -> None:
    """A message with the user's words the bot posted in the ticket's thread."""
    session.add(TicketPostRow(ticket_id=ticket_id, desk=desk, ref=ref))


async def posts(session: AsyncSession, ticket_id: int) -> list[TicketPost]:
    rows = await session.scalars(
        select(TicketPostRow).where(TicketPostRow.ticket_id == ticket_id).order_by(TicketPostRow.id)
    )
    return [TicketPost(row.id, row.desk, row.ref) for row in rows]


async def drop_post(session: AsyncSession, post_id: int) -> None:
    await session.execute(delete(TicketPostRow).where(TicketPostRow.id == post_id))


async def last_lines(session: AsyncSession, identity_id: int, limit: int) -> list[TranscriptLine]:
    # An identity's rows in `history` are its transcript lines (step events have none).
    rows = await session.execute(
        select(HistoryRow.author, HistoryRow.text, HistoryRow.at)
        .where(HistoryRow.identity_id == identity_id)
        .order_by(HistoryRow.id.desc())
        .limit(limit)
    )
    return [TranscriptLine(str(author), str(text), at) for author, text, at in reversed(rows.all())]


async def delete_for_identity(session: AsyncSession, identity_id: int) -> None:
    await session.execute(delete(HistoryRow).where(HistoryRow.identity_id == identity_id))
    await session.execute(delete(TicketRow).where(TicketRow.identity_id == identity_id))


async def erase_for_identity(
    session: AsyncSession, identity_id: int, *, now: datetime
) -> list[TicketRecord]:
    """The user deleted their data: their transcript goes, their tickets stay
    anonymous, and the ones still open are closed ("erased"). Returns the
    tickets as they were, so the desks can be told."""
    rows = await session.scalars(
        select(TicketRow).where(TicketRow.identity_id == identity_id).order_by(TicketRow.id)
    )
    tickets = [_record(row) for row in rows]
    await session.execute(delete(HistoryRow).where(HistoryRow.identity_id == identity_id))
    await session.execute(
        update(TicketRow)
        .where(TicketRow.identity_id == identity_id, TicketRow.status.in_(OPEN_STATUSES))
        .values(status="closed", resolution="erased", closed_at=now, sla_due_at=None)
    )
    await session.execute(
        update(TicketRow).where(TicketRow.identity_id == identity_id).values(identity_id=None)
    )
    return tickets


async def count_open(session: AsyncSession) -> int:
    """Tickets a person is or should be working on (for the metrics)."""
    count = await session.scalar(
        select(func.count()).select_from(TicketRow).where(TicketRow.status.in_(OPEN_STATUSES))
    )
    return int(count or 0)
