"""The engine's side of handoff effects, inside the step's transaction: the
ticket row, its SLA timer, and `desk` outbox rows the worker posts to the desks."""

import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from conversations import OpenTicket, RelayToDesk, TellDesk, UpdateTicket
from storage import outbox
from storage import tickets as tickets_repo

from .redact import redact

__all__ = ["DESK", "STATUS_NOTICES", "queue_desk", "record_line", "run_handoff_effect"]

log = logging.getLogger(__name__)

DESK = "desk"
# What the desk is told when a ticket moves on.
STATUS_NOTICES = {
    ("taken", None): "handoff-desk-taken",
    ("escalated", None): "handoff-desk-escalated",
    ("closed", "resumed"): "handoff-desk-resumed",
    ("closed", "closed"): "handoff-desk-closed",
    ("closed", "left"): "handoff-desk-user-left",
}

HandoffEffect = OpenTicket | RelayToDesk | UpdateTicket | TellDesk


async def queue_desk(
    session: AsyncSession, identity_id: int, ticket_id: int, op: str, now: datetime, **more: Any
) -> None:
    await outbox.enqueue(
        session, DESK, {"ticket_id": ticket_id, "op": op, **more}, now=now, identity_id=identity_id
    )


async def record_line(
    session: AsyncSession, identity_id: int, author: str, text: str, now: datetime
) -> None:
    # Control characters (NUL above all: PostgreSQL refuses it) never help an agent.
    printable = "".join(ch if ch.isprintable() or ch == "\n" else "�" for ch in text)
    await tickets_repo.add_line(session, identity_id, author, redact(printable)[:500], now)


async def run_handoff_effect(
    session: AsyncSession, identity_id: int, effect: HandoffEffect, now: datetime, sla: timedelta
) -> None:
    if isinstance(effect, OpenTicket):
        ticket_id = await tickets_repo.open_ticket(
            session, identity_id, now=now, sla_due_at=now + sla
        )
        await queue_desk(session, identity_id, ticket_id, "card", now)
        log.info("ticket %s opened", ticket_id)
        return
    ticket = await tickets_repo.current_ticket(session, identity_id)
    if ticket is None:
        log.warning("handoff effect %s without an open ticket", type(effect).__name__)
        return
    if isinstance(effect, RelayToDesk):
        await queue_desk(
            session,
            identity_id,
            ticket.id,
            "say",
            now,
            message_id="handoff-desk-user-says",
            args={"text": redact(effect.text)},
        )
    elif isinstance(effect, TellDesk):
        await queue_desk(
            session,
            identity_id,
            ticket.id,
            "say",
            now,
            message_id=effect.message_id,
            args=dict(effect.args),
        )
    else:
        await tickets_repo.set_status(
            session,
            ticket.id,
            effect.status,
            now=now,
            agent=effect.agent,
            resolution=effect.resolution,
        )
        notice = STATUS_NOTICES[(effect.status, effect.resolution)]
        args = {"agent": effect.agent or "—"} if effect.status == "taken" else {}
        await queue_desk(session, identity_id, ticket.id, "say", now, message_id=notice, args=args)
        await queue_desk(session, identity_id, ticket.id, "update", now)
