"""Runs one event through the pure core inside one database transaction: lock
the conversation, step, run each effect through its runner (`bot/effects/`:
the ones that stay in the database, and the outbox rows for the ones that
leave the process), save. This module is the transaction and the step loop."""

import functools
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.effects import EffectContext, run_effect
from bot.handoff.effects import reply_line, said_line
from bot.ops import metrics
from bot.ops.clock import Clock
from bot.ops.faults import crash_point
from bot.outbox.kinds.names import (
    CHAT_MESSAGE,
    CONFIRMATION_EMAIL,
    CONSOLE_MESSAGE,
    PAYMENT_LINK,
    message_kind,
)
from bot.steps.codec import reply_to_json
from bot.steps.facts import gather_facts
from conversations import (
    Choice,
    Command,
    Conversation,
    Event,
    FormRejected,
    HandoffMessage,
    Reply,
    State,
    Text,
    carries_payment_number,
    step,
)
from conversations.flood import Admission, MessageWindow, admit, slow_down
from conversations.payment_numbers import holds_payment_number
from storage import conversations as conversations_repo
from storage import history, outbox, owed_replies
from storage import tickets as tickets_repo
from storage.records import ConversationRecord, LiveKeyboard

__all__ = [
    "CHAT_MESSAGE",
    "CONFIRMATION_EMAIL",
    "CONSOLE_MESSAGE",
    "PAYMENT_LINK",
    "Engine",
    "Outcome",
    "StepGuard",
    "StepHook",
]

log = logging.getLogger(__name__)

# A conversation's transcript is trimmed on every this many steps.
TRIM_TRANSCRIPT_EVERY = 8


@dataclass
class Outcome:
    """What the channel that delivered the event must show (or do) right away."""

    replies: list[Reply] = field(default_factory=list)
    redact: bool = False
    conversation: Conversation | None = None
    duplicate: bool = False
    erase: bool = False
    form_rejected: FormRejected | None = None
    declined: bool = False  # the channel's check refused the event: nothing stepped
    # Set by a channel's `after` hook: what it owes the user for this delivery
    # until sent, stored with the delivery's dedupe row (storage/owed_replies);
    # the keyboard its replies will carry, saved with the conversation as the
    # live one.
    owed: dict[str, Any] | None = None
    keyboard: LiveKeyboard | None = None

    @property
    def language(self) -> str:
        return self.conversation.language if self.conversation else "en"


# A channel's own check and bookkeeping, run inside the step's transaction
# with the conversation locked: `guard` False declines the event (e.g. a
# button from a keyboard that is no longer the live one); `after` sees the
# outcome before the commit (e.g. to set the new live keyboard, saved with it).
StepGuard = Callable[[AsyncSession, ConversationRecord], Awaitable[bool]]
StepHook = Callable[[AsyncSession, ConversationRecord, Outcome], Awaitable[None]]


class Engine:
    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], settings: Settings, clock: Clock
    ) -> None:
        self.sessions = sessions
        self.settings = settings
        self.clock = clock

    async def handle(
        self,
        channel: str,
        external_id: str,
        event: Event,
        *,
        locale_hint: str | None = None,
        update_key: str | None = None,
        guard: StepGuard | None = None,
        after: StepHook | None = None,
    ) -> Outcome:
        """An event from the user, in their own channel: replies come back here.
        Everything happens in one transaction: the lock (with the look for a
        repeated delivery), `guard`, the message limit, the step and its
        effects, `after`, the delivery's dedupe mark with what it owes."""
        started = time.perf_counter()
        now = self.clock.now()
        try:
            async with self.sessions.begin() as session:
                outcome = await self._handle_in(
                    session, channel, external_id, event, now, locale_hint, update_key, guard, after
                )
                if outcome.duplicate:
                    log.info("duplicate update ignored", extra={"channel": channel})
                    return outcome
                if not outcome.declined:
                    crash_point("step-before-commit")
        except _SeenMeanwhile:  # rolled back: another process handled it first
            log.info("duplicate update ignored", extra={"channel": channel})
            return Outcome(duplicate=True)
        if outcome.declined:
            return outcome
        seconds = time.perf_counter() - started
        metrics.update_handled(channel, seconds)
        assert outcome.conversation is not None
        log.info(
            "update",
            extra={
                "channel": channel,
                "step": outcome.conversation.step.value,
                "duration_ms": round(seconds * 1000, 2),
            },
        )
        return outcome

    async def _handle_in(
        self,
        session: AsyncSession,
        channel: str,
        external_id: str,
        event: Event,
        now: datetime,
        locale_hint: str | None,
        update_key: str | None,
        guard: StepGuard | None,
        after: StepHook | None,
    ) -> Outcome:
        """`handle`'s transaction. A known user's delivery is checked for a
        repeat in the statement that loads and locks the conversation, and
        marked at the end with the replies owed for it (one insert); a
        newcomer's is marked first, before their identity is created."""
        delivery = (channel, update_key) if update_key is not None else None
        record, seen = await conversations_repo.find_conversation(
            session, channel, external_id, delivery=delivery, names_at=State.NAME.value
        )
        if seen:
            return Outcome(duplicate=True)
        marked = False
        if record is None:
            if update_key is not None:
                if not await conversations_repo.mark_processed(session, channel, update_key, now):
                    return Outcome(duplicate=True)
                marked = True
            initial_state, initial_data = _fresh(locale_hint or "en")
            record = await conversations_repo.create_conversation(
                session,
                channel,
                external_id,
                initial_state=initial_state,
                initial_data=initial_data,
                now=now,
            )
        if guard is not None and not await guard(session, record):
            if record.created:
                await self._entered(session, record, _conversation(record), now)
            outcome = Outcome(declined=True, conversation=_conversation(record))
        else:
            outcome, window = await self._admit(session, record, event, now)
            if after is not None:
                await after(session, record, outcome)
            if not outcome.erase:
                await self._save(session, record, outcome, now, window)
        if update_key is None:
            return outcome
        if not marked:
            if not await conversations_repo.mark_processed(
                session, channel, update_key, now, replies=outcome.owed
            ):
                raise _SeenMeanwhile
        elif outcome.owed is not None:
            await owed_replies.owe(session, channel, update_key, outcome.owed)
        return outcome

    async def _admit(
        self, session: AsyncSession, record: ConversationRecord, event: Event, now: datetime
    ) -> tuple[Outcome, MessageWindow]:
        """The message limit (flood), shared by every channel: over it, one
        "slow down" per window, then nothing; the conversation is not
        stepped (only its window is saved). A card number sent over the
        limit is still deleted where it can be. Returns the window to save."""
        window, admission = admit(record.window, now, self.settings.messages_per_minute)
        if admission is Admission.ALLOW:
            return await self._apply(session, record, event, now, from_user=True), window
        conv = _conversation(record)
        log.info("message over the limit %s", admission.value, extra={"channel": record.channel})
        replies = [slow_down(window, now)] if admission is Admission.WARN else []
        outcome = Outcome(replies=replies, conversation=conv, redact=carries_payment_number(event))
        return outcome, window

    async def _save(
        self,
        session: AsyncSession,
        record: ConversationRecord,
        outcome: Outcome,
        now: datetime,
        window: MessageWindow | None = None,
    ) -> None:
        """The step's conversation, with the message window and the new live
        keyboard when there are: one UPDATE."""
        conv = outcome.conversation
        assert conv is not None
        await conversations_repo.save_conversation(
            session,
            record,
            conv.state.value,
            conv.to_data(),
            now,
            window=window,
            keyboard=outcome.keyboard,
        )

    async def first_delivery(self, channel: str, key: str) -> bool:
        """Record a delivery that needs no step (opening a form, a home tab);
        False when it was seen before (a platform retry)."""
        async with self.sessions.begin() as session:
            return await conversations_repo.mark_processed(session, channel, key, self.clock.now())

    async def peek(self, channel: str, external_id: str) -> tuple[int | None, Conversation | None]:
        """The user's identity id and conversation, read without stepping."""
        async with self.sessions.begin() as session:
            identity_id = await conversations_repo.find_identity(session, channel, external_id)
            if identity_id is None:
                return None, None
            record = await conversations_repo.load_conversation_by_identity(session, identity_id)
        if record is None:
            return identity_id, None
        return identity_id, Conversation.from_data(record.state, record.data)

    async def handle_external(
        self, session: AsyncSession, identity_id: int, event: Event
    ) -> Conversation | None:
        """An event from elsewhere (a confirmed link, a webhook) inside the
        caller's transaction; replies go to the user's channel via the outbox."""
        now = self.clock.now()
        record = await conversations_repo.load_conversation_by_identity(session, identity_id)
        if record is None:
            return None
        outcome = await self._apply(session, record, event, now)
        assert outcome.conversation is not None
        if not outcome.erase:
            await self._save(session, record, outcome, now)
        for reply in outcome.replies:
            await self.send_later(session, record, reply, outcome.conversation.language, now)
        return outcome.conversation

    async def send_later(
        self,
        session: AsyncSession,
        record: ConversationRecord,
        reply: Reply,
        language: str,
        now: datetime,
    ) -> None:
        await outbox.enqueue(
            session,
            message_kind(record.channel),
            {
                "channel": record.channel,
                "external_id": record.external_id,
                "language": language,
                "reply": reply_to_json(reply),
            },
            now=now,
            identity_id=record.identity_id,
        )

    async def _apply(
        self,
        session: AsyncSession,
        record: ConversationRecord,
        event: Event,
        now: datetime,
        *,
        from_user: bool = False,
    ) -> Outcome:
        """Step `event` and run its effects; the caller saves the outcome's
        conversation (`_save`), unless the user was erased."""
        conv = Conversation.from_data(record.state, record.data)
        steps = [_entered(record, conv)] if record.created else []
        before = conv.step
        outcome = Outcome()
        context = EffectContext(session, record, now, self.settings, outcome)
        pending: list[Event] = [event]
        # Loaded with the conversation (at the name step), true until an effect runs.
        org_names = record.org_names
        while pending:
            stepped = pending.pop(0)
            facts = await gather_facts(
                session, record, conv, stepped, now, self.settings, org_names=org_names
            )
            org_names = None
            conv, effects = step(conv, stepped, now=now, facts=facts)
            for effect in effects:
                follow_up = await run_effect(effect, context)
                if follow_up is not None:
                    pending.append(follow_up)
        outcome.conversation = conv
        if outcome.erase:
            # The user asked to be forgotten: identity, conversation and queued
            # messages go (cascade); organizations were detached already.
            await history.write(session, now, steps=steps)
            await conversations_repo.delete_identity(session, record.identity_id)
            return outcome
        if conv.step is not before:
            metrics.step_transition(before.value, conv.step.value)
            steps.append(_entered(record, conv))
        lines = _transcript_lines(event, outcome, from_user=from_user)
        # The step's transcript lines and step events: one insert.
        await history.write(session, now, identity_id=record.identity_id, lines=lines, steps=steps)
        # The old lines are dropped every few steps, not on each (readers ask
        # for the newest ones with a limit): one statement less per update.
        # Never on a conversation's first step: there is nothing to drop.
        if lines and (record.version + 1) % TRIM_TRANSCRIPT_EVERY == 0:
            await tickets_repo.trim_lines(session, record.identity_id)
        return outcome

    async def _entered(
        self, session: AsyncSession, record: ConversationRecord, conv: Conversation, now: datetime
    ) -> None:
        await history.write(session, now, steps=[_entered(record, conv)])


def _entered(record: ConversationRecord, conv: Conversation) -> history.StepEntered:
    return history.StepEntered(record.id, record.channel, conv.language, conv.step.value)


def _transcript_lines(event: Event, outcome: Outcome, *, from_user: bool) -> list[tuple[str, str]]:
    """The conversation's last messages, for a ticket card. A message the
    core refused for a card number or an IBAN (the user's or an agent's)
    is never stored."""
    lines: list[tuple[str, str]] = []
    if from_user and not outcome.redact:
        said = _said(event)
        if said is not None:
            lines.append(said_line("user", said))
    if isinstance(event, HandoffMessage) and not holds_payment_number(event.text):
        lines.append(said_line("agent", event.text))  # refused otherwise: not said
    for reply in outcome.replies:
        line = reply_line(reply, outcome.language)
        if line is not None:
            lines.append(line)
    return lines


@functools.lru_cache(maxsize=32)
def _fresh_data(language: str) -> tuple[str, str]:
    fresh = Conversation(language=language)
    return fresh.state.value, json.dumps(fresh.to_data())


def _fresh(language: str) -> tuple[str, dict[str, Any]]:
    """A new conversation's state and data (for newcomers only, but asked for
    every update: built once per language)."""
    state, data = _fresh_data(language)
    return state, json.loads(data)


class _SeenMeanwhile(Exception):
    """The delivery's dedupe row appeared while this transaction stepped it
    (another process, on PostgreSQL): roll the step back, it is a repeat."""


def _conversation(record: ConversationRecord) -> Conversation:
    return Conversation.from_data(record.state, record.data)


def _said(event: Event) -> str | None:
    if isinstance(event, Text):
        return event.text
    if isinstance(event, Choice):
        return f"[{event.value}]"
    if isinstance(event, Command):
        return f"/{event.name} {event.arg}".strip()
    return None
