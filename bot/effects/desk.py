"""The support desk: tickets opened and moved on in the step's transaction,
and `desk` outbox rows the worker posts to the desks (`bot/handoff/desk.py`)."""

import logging
from collections.abc import Mapping

from bot.effects.context import EffectContext, Runners
from bot.handoff.effects import STATUS_NOTICES, queue_desk
from bot.handoff.redact import redact
from conversations import Event, OpenTicket, RelayToDesk, TellDesk, UpdateTicket
from storage import tickets as tickets_repo
from storage.tickets import TicketRecord

__all__ = ["RUNNERS", "run_desk_effect"]

log = logging.getLogger(__name__)

DeskEffect = OpenTicket | RelayToDesk | UpdateTicket | TellDesk


async def open_ticket(_: OpenTicket, context: EffectContext) -> Event | None:
    session, identity_id, now = context.session, context.record.identity_id, context.now
    ticket_id = await tickets_repo.open_ticket(
        session, identity_id, now=now, sla_due_at=now + context.settings.handoff_sla
    )
    await queue_desk(session, identity_id, ticket_id, "card", now)
    log.info("ticket %s opened", ticket_id)
    return None


async def _current(effect: DeskEffect, context: EffectContext) -> TicketRecord | None:
    ticket = await tickets_repo.current_ticket(context.session, context.record.identity_id)
    if ticket is None:
        log.warning("handoff effect %s without an open ticket", type(effect).__name__)
    return ticket


async def relay(effect: RelayToDesk, context: EffectContext) -> Event | None:
    ticket = await _current(effect, context)
    if ticket is not None:
        args = {"text": redact(effect.text)}
        await _say(context, ticket, "handoff-desk-user-says", args)
    return None


async def tell(effect: TellDesk, context: EffectContext) -> Event | None:
    ticket = await _current(effect, context)
    if ticket is not None:
        await _say(context, ticket, effect.message_id, dict(effect.args))
    return None


async def update_ticket(effect: UpdateTicket, context: EffectContext) -> Event | None:
    ticket = await _current(effect, context)
    if ticket is None:
        return None
    await tickets_repo.set_status(
        context.session,
        ticket.id,
        effect.status,
        now=context.now,
        agent=effect.agent,
        resolution=effect.resolution,
    )
    notice = STATUS_NOTICES[(effect.status, effect.resolution)]
    args = {"agent": effect.agent or "—"} if effect.status == "taken" else {}
    await _say(context, ticket, notice, args)
    await queue_desk(context.session, context.record.identity_id, ticket.id, "update", context.now)
    return None


async def _say(
    context: EffectContext, ticket: TicketRecord, message_id: str, args: Mapping[str, object]
) -> None:
    await queue_desk(
        context.session,
        context.record.identity_id,
        ticket.id,
        "say",
        context.now,
        message_id=message_id,
        args=args,
    )


RUNNERS: Runners = {
    OpenTicket: open_ticket,
    RelayToDesk: relay,
    TellDesk: tell,
    UpdateTicket: update_ticket,
}


async def run_desk_effect(effect: DeskEffect, context: EffectContext) -> None:
    """A desk effect said on another effect's behalf (a confirmation email's announcement)."""
    await RUNNERS[type(effect)](effect, context)
