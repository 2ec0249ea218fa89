"""The support desk, whatever chat it lives in: posting ticket cards and
thread messages (the `desk` outbox rows), agents' actions on tickets, and the
SLA timer. Telegram and Slack provide a `DeskPoster` each; every configured
desk gets every ticket, and an agent on any of them can act on it.

The desk reads English: cards and notices are rendered in `DESK_LANGUAGE`;
whatever reaches the user is in the user's language."""

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.handoff.effects import queue_desk
from bot.handoff.redact import redact
from bot.handoff.transcript import fit, line_text, short
from bot.steps.engine import Engine
from bot.text.i18n import Translator
from conversations import (
    Conversation,
    Event,
    HandoffClosed,
    HandoffMessage,
    HandoffNewPaymentLink,
    HandoffResendEmail,
    HandoffResumed,
    HandoffTaken,
)
from conversations.handoff import split_text
from conversations.payment_numbers import holds_payment_number
from storage import conversations as conversations_repo
from storage import organizations as orgs_repo
from storage import outbox
from storage import payments as payments_repo
from storage import tickets as tickets_repo
from storage.records import OutboxItem
from storage.tickets import TicketRecord

__all__ = [
    "ACTIONS",
    "DESK_LANGUAGE",
    "CardButton",
    "Desk",
    "DeskPoster",
    "is_desk_command",
]

log = logging.getLogger(__name__)

DESK_LANGUAGE = "en"
CARD_LINES = 20
# A card is one Slack section block (3,000 characters at most; Telegram's
# 4,096 is looser): the newest lines of the transcript that fit are shown.
CARD_MAX = 3000
# Desk messages with what the user (or an agent, to them) wrote: removed when
# the user deletes their data.
PERSONAL = frozenset(
    {"handoff-desk-user-says", "handoff-desk-agent-says", "handoff-desk-email-resent"}
)
# How each desk is named on messages mirrored from it into the others.
DESK_NAMES = {"telegram": "Telegram", "slack": "Slack"}
# Card buttons: action value → (label, event for the core).
ACTIONS: dict[str, tuple[str, Callable[[str], Event]]] = {
    "take": ("handoff-desk-button-take", lambda agent: HandoffTaken(agent=agent)),
    "resume": ("handoff-desk-button-resume", lambda _: HandoffResumed()),
    "resend": ("handoff-desk-button-resend", lambda _: HandoffResendEmail()),
    "new-link": ("handoff-desk-button-new-link", lambda _: HandoffNewPaymentLink()),
    "close": ("handoff-desk-button-close", lambda _: HandoffClosed()),
}


@dataclass(frozen=True, slots=True)
class CardButton:
    label: str
    action: str


class DeskPoster(Protocol):
    """One desk (a Telegram supergroup, a Slack channel)."""

    name: str

    def posted(self, ticket: TicketRecord) -> bool:
        """Whether the ticket's thread exists on this desk already."""

    async def post_card(
        self, ticket: TicketRecord, text: str, buttons: list[CardButton]
    ) -> dict[str, Any]:
        """Open the ticket's thread with its card; the refs to store (set_refs)."""

    async def update_card(
        self, ticket: TicketRecord, text: str, buttons: list[CardButton]
    ) -> None: ...

    async def post(self, ticket: TicketRecord, text: str) -> str:
        """A message in the ticket's thread; its ref (to delete it)."""

    async def delete(self, ticket: TicketRecord, ref: str) -> None:
        """Remove a message the bot posted in the thread; one that is gone or
        can no longer be removed is logged, not raised."""


def is_desk_command(text: str) -> bool:
    """Agents' own commands ("/...", "!...") stay in the desk."""
    return text.lstrip().startswith(("/", "!"))


def _email_status(conv: Conversation, org_status: str | None) -> str:
    if org_status is not None:
        return org_status
    return "not saved yet" if conv.email else "—"


class Desk:
    def __init__(self, engine: Engine, translator: Translator) -> None:
        self.engine = engine
        self.translator = translator
        self.posters: dict[str, DeskPoster] = {}

    def add_poster(self, poster: DeskPoster) -> None:
        self.posters[poster.name] = poster

    def text(self, message_id: str, args: dict[str, Any] | None = None) -> str:
        return self.translator.format(DESK_LANGUAGE, message_id, args)

    # -- the card --------------------------------------------------------------

    async def card(self, session: AsyncSession, ticket: TicketRecord) -> str:
        if ticket.identity_id is None:  # the user deleted their data
            return self.text("handoff-desk-card-erased", {"ticket": ticket.id})
        record = await conversations_repo.load_conversation_by_identity(session, ticket.identity_id)
        conv = (
            Conversation() if record is None else Conversation.from_data(record.state, record.data)
        )
        org = await orgs_repo.get_organization(session, conv.org_id) if conv.org_id else None
        profile = await payments_repo.get_profile(session, conv.org_id) if conv.org_id else None
        lines = await tickets_repo.last_lines(session, ticket.identity_id, CARD_LINES)
        shown = [short(f"{line.author}: {line_text(self.translator, line)}") for line in lines]
        args: dict[str, Any] = {
            "ticket": ticket.id,
            "status": ticket.status,
            "channel": record.channel if record else "—",
            "language": conv.language,
            "step": conv.step.value,
            "name": redact(conv.name or "—"),
            "email": conv.email or "—",
            "email_status": _email_status(conv, org.status if org else None),
            "currency": conv.currency or "—",
            "payment": profile.status if profile else "none",
            "credit": conv.credit.status.value if conv.credit else "—",
            "credit_left_minor": conv.credit.remaining_minor if conv.credit else 0,
            "credit_left_currency": conv.credit.currency if conv.credit else "USD",
        }
        # The transcript is added here, not as a placeable: Fluent refuses
        # placeables over 2,500 characters.
        head = self.text("handoff-desk-card", args)
        transcript = fit(shown, CARD_MAX - len(head) - 1, self.text("handoff-desk-earlier"))
        return f"{head}\n{transcript or '—'}"

    def buttons(self, ticket: TicketRecord) -> list[CardButton]:
        if ticket.status == "closed":
            return []
        return [CardButton(self.text(label), action) for action, (label, _) in ACTIONS.items()]

    # -- the outbox runner ------------------------------------------------------

    async def run(self, item: OutboxItem) -> None:
        """One `desk` row: post the card, say something in the thread (on
        every desk but `skip`), refresh the card, or remove the bot's posts
        with the user's words (`purge`). Posters that have the thread already
        are skipped for a card, so a retried row posts each card once. The
        ticket of a user who deleted their data gets no new card, and its
        posted cards are redrawn as a stub."""
        payload = item.payload
        op = payload["op"]
        async with self.engine.sessions.begin() as session:
            ticket = await tickets_repo.get_ticket(session, int(payload["ticket_id"]))
            card = ""
            if ticket is not None and op in ("card", "update"):
                card = await self.card(session, ticket)
        if ticket is not None:
            if op == "card":
                await self._post_cards(ticket, card)
            elif op == "update":
                await self._each_desk(ticket, "card", self._updater(ticket, card))
            elif op == "say":
                await self._say(ticket, payload)
            elif op == "purge":
                await self._purge(ticket)
        await self._complete(item)

    async def _each_desk(
        self, ticket: TicketRecord, what: str, do: Callable[[DeskPoster], Awaitable[None]]
    ) -> None:
        """`do` on every desk; a failure is raised (and the row retried) once
        the other desks had theirs."""
        failed: Exception | None = None
        for poster in self.posters.values():
            try:
                await do(poster)
            except Exception as error:
                log.warning("ticket %s %s on %s: %r", ticket.id, what, poster.name, error)
                failed = failed or error
        if failed is not None:
            raise failed

    def _updater(self, ticket: TicketRecord, card: str) -> Callable[[DeskPoster], Awaitable[None]]:
        async def update(poster: DeskPoster) -> None:
            if poster.posted(ticket):
                await poster.update_card(ticket, card, self.buttons(ticket))

        return update

    async def _post_cards(self, ticket: TicketRecord, card: str) -> None:
        for poster in self.posters.values():
            if poster.posted(ticket) or ticket.identity_id is None:
                continue
            refs = await poster.post_card(ticket, card, self.buttons(ticket))
            async with self.engine.sessions.begin() as session:
                await tickets_repo.set_refs(session, ticket.id, **refs)
                ticket = await tickets_repo.get_ticket(session, ticket.id) or ticket
                if ticket.identity_id is None:  # erased while the card was on its way
                    await queue_desk(session, None, ticket.id, "update", self.engine.clock.now())

    async def _say(self, ticket: TicketRecord, payload: dict[str, Any]) -> None:
        message_id = payload["message_id"]
        text = self.text(message_id, payload.get("args") or {})
        for poster in self.posters.values():
            if poster.name == payload.get("skip"):
                continue
            if not poster.posted(ticket):
                if ticket.identity_id is None:
                    continue  # that desk never got the card of this erased user
                raise RuntimeError(f"ticket {ticket.id} has no thread on {poster.name} yet")
            ref = await poster.post(ticket, text)
            if message_id not in PERSONAL:
                continue
            async with self.engine.sessions.begin() as session:
                await tickets_repo.add_post(session, ticket.id, poster.name, ref)
                current = await tickets_repo.get_ticket(session, ticket.id)
                if current is not None and current.identity_id is None:  # erased meanwhile
                    await queue_desk(session, None, ticket.id, "purge", self.engine.clock.now())

    async def _purge(self, ticket: TicketRecord) -> None:
        async with self.engine.sessions.begin() as session:
            posts = await tickets_repo.posts(session, ticket.id)

        async def purge(poster: DeskPoster) -> None:
            for post in posts:
                if post.desk == poster.name:
                    await poster.delete(ticket, post.ref)
                    async with self.engine.sessions.begin() as session:
                        await tickets_repo.drop_post(session, post.id)

        await self._each_desk(ticket, "purge", purge)

    async def _complete(self, item: OutboxItem) -> None:
        async with self.engine.sessions.begin() as session:
            await outbox.complete(session, item.id, now=self.engine.clock.now())

    # -- agents ---------------------------------------------------------------------

    async def act(
        self,
        ticket: TicketRecord,
        event: Event,
        *,
        dedupe: tuple[str, str] | None = None,
        mirror: tuple[str, str, str] | None = None,
    ) -> bool:
        """An agent's action on a ticket, in one transaction with its step.
        False when the ticket is closed (nothing happens) or a duplicate.
        `mirror` (desk, agent, text): what an agent wrote in one desk's thread,
        posted in the others' too, in the same transaction."""
        now = self.engine.clock.now()
        async with self.engine.sessions.begin() as session:
            if dedupe is not None and not await conversations_repo.mark_processed(
                session, dedupe[0], dedupe[1], now
            ):
                return False
            current = await tickets_repo.get_ticket(session, ticket.id)
            if current is None or current.status == "closed" or current.identity_id is None:
                await queue_desk(
                    session,
                    ticket.identity_id,
                    ticket.id,
                    "say",
                    now,
                    message_id="handoff-desk-ticket-over",
                    args={},
                )
                return False
            conv = await self.engine.handle_external(session, current.identity_id, event)
            if mirror is not None and conv is not None:
                desk, agent, text = mirror
                for part in split_text(redact(text)):
                    await queue_desk(
                        session,
                        current.identity_id,
                        current.id,
                        "say",
                        now,
                        message_id="handoff-desk-agent-says",
                        args={
                            "agent": short(agent, 64),
                            "channel": DESK_NAMES.get(desk, desk),
                            "text": part,
                        },
                        skip=desk,
                    )
        return True

    async def agent_message(
        self,
        ticket: TicketRecord,
        text: str,
        *,
        desk: str,
        agent: str,
        dedupe: tuple[str, str] | None = None,
    ) -> bool:
        """An agent's reply in `desk`'s thread: to the user, and mirrored into
        the other desks. Agents' own commands stay where they were written."""
        if is_desk_command(text) or not text.strip():
            return False
        text = text[:3000]
        # One holding a card number is refused by the core: not mirrored either.
        refused = holds_payment_number(text)
        return await self.act(
            ticket,
            HandoffMessage(text=text, agent=agent),
            dedupe=dedupe,
            mirror=None if refused else (desk, agent, text),
        )


def ticket_timings(ticket: TicketRecord) -> dict[str, Any]:
    def iso(moment: datetime | None) -> str | None:
        return moment.isoformat() if moment else None

    waited = ticket.taken_at or ticket.escalated_at or ticket.closed_at
    return {
        "id": ticket.id,
        "status": ticket.status,
        "resolution": ticket.resolution,
        "agent": ticket.agent,
        "opened_at": iso(ticket.opened_at),
        "taken_at": iso(ticket.taken_at),
        "escalated_at": iso(ticket.escalated_at),
        "closed_at": iso(ticket.closed_at),
        "sla_due_at": iso(ticket.sla_due_at),
        "wait_seconds": (waited - ticket.opened_at).total_seconds() if waited else None,
        "desks": [
            name
            for name, present in (
                ("telegram", ticket.telegram_chat_id is not None),
                ("slack", ticket.slack_thread_ts is not None),
            )
            if present
        ],
    }
