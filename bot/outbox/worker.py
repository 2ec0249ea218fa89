"""Drains the outbox and fires due timers. Outbox rows are claimed with a
lease, run by their kind (`bot/outbox/kinds/`), and marked done; failures are
retried with exponential backoff and given up after a while (the kind's
`give_up`). A row killed between running and marking done comes back when its
lease ends and runs again (an email with the same Message-ID, so the
recipient's mail system sees one email). Each row's lease is renewed just
before it runs, and only while the claim is still this worker's: a batch that
outlived its lease is not sent by two workers. Timers fire once: marked fired in the
same transaction as the step their event causes."""

import asyncio
import contextlib
import logging
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.mail.mailer import PermanentMailError
from bot.ops import metrics
from bot.ops.clock import Clock
from bot.ops.faults import crash_point
from bot.outbox.kinds import OutboxKind, OutboxKinds
from bot.outbox.kinds.chat_message import ChatMessageKind, ChatSender
from bot.steps.engine import Engine
from conversations import Timer
from storage import conversations as conversations_repo
from storage import outbox, timers
from storage.records import OutboxItem, TimerItem

__all__ = ["MAX_ATTEMPTS", "ChatSender", "PermanentDeliveryError", "Worker", "backoff"]

log = logging.getLogger(__name__)

# 5 s, 10 s, 20 s … doubling up to 30 min between tries: about four hours of
# an unreachable SMTP server before the user is told the email did not go out.
MAX_ATTEMPTS = 15


class PermanentDeliveryError(Exception):
    """A chat message that can never be delivered (the user is gone): no retries."""


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(1800, 2 ** max(0, attempts - 1) * 5))


class Worker:
    def __init__(self, engine: Engine, *kinds: OutboxKind) -> None:
        self.engine = engine
        # The kinds this worker runs, by name: a row of any other kind waits.
        self.runners: OutboxKinds = {}
        for kind in kinds:
            self.add_kind(kind)
        self._chat = ChatMessageKind(engine.sessions, engine.clock)

    def add_kind(self, kind: OutboxKind) -> None:
        """Run the outbox rows of `kind.name` with `kind`."""
        self.runners[kind.name] = kind

    def add_chat_sender(self, channel: str, sender: ChatSender) -> None:
        """Deliver queued `chat_message` rows of `channel` with `sender`."""
        self._chat.senders[channel] = sender
        self.add_kind(self._chat)

    @property
    def sessions(self) -> async_sessionmaker[AsyncSession]:
        return self.engine.sessions

    @property
    def settings(self) -> Settings:
        return self.engine.settings

    @property
    def clock(self) -> Clock:
        return self.engine.clock

    async def tick(self) -> int:
        """One round of everything a worker does: the outbox, then due timers."""
        return await self.drain_once() + await self.fire_due_timers()

    async def drain_once(self, kinds: tuple[str, ...] | None = None) -> int:
        """Run every due row of `kinds` (default: all we can run). Returns how many ran."""
        wanted = tuple(k for k in (kinds or tuple(self.runners)) if k in self.runners)
        done = 0
        # A user's chat messages go out in order: once one fails, the user's
        # later ones wait for its retry instead of overtaking it.
        held: dict[int, datetime] = {}
        while True:
            async with self.sessions.begin() as session:
                items = await outbox.claim(
                    session, now=self.clock.now(), lease=self.settings.outbox_lease, kinds=wanted
                )
            if not items:
                return done
            for item in items:
                kind = self.runners.get(item.kind)
                if kind is None:
                    continue  # taken out of the registry meanwhile: its lease ends
                in_order = kind.in_order and item.identity_id is not None
                if in_order and item.identity_id in held:
                    async with self.sessions.begin() as session:
                        await outbox.retry_later(
                            session, item.id, at=held[item.identity_id], error="waiting"
                        )
                    continue
                async with self.sessions.begin() as session:
                    renewed = await outbox.renew(
                        session, item, now=self.clock.now(), lease=self.settings.outbox_lease
                    )
                if renewed is None:
                    continue  # its lease ran out while earlier rows ran; another worker has it
                retry_at = await self._run(kind, renewed)
                if retry_at is not None and in_order and item.identity_id is not None:
                    held[item.identity_id] = retry_at
                done += 1

    async def _run(self, kind: OutboxKind, item: OutboxItem) -> datetime | None:
        """Run one row; when it failed and will be retried, the time of the retry."""
        service = kind.service(item)
        try:
            await kind.run(item)
        except (PermanentMailError, PermanentDeliveryError) as error:
            metrics.external_call(service, "failed")
            await self._give_up(kind, item, str(error))
        except Exception as error:
            if item.attempts >= MAX_ATTEMPTS:
                metrics.external_call(service, "failed")
                await self._give_up(kind, item, repr(error))
                return None
            metrics.external_call(service, "retry")
            log.warning(
                "outbox %s (%s) attempt %s failed: %r", item.id, item.kind, item.attempts, error
            )
            retry_at = self.clock.now() + backoff(item.attempts)
            async with self.sessions.begin() as session:
                await outbox.retry_later(session, item.id, at=retry_at, error=repr(error))
            return retry_at
        return None

    async def _give_up(self, kind: OutboxKind, item: OutboxItem, error: str) -> None:
        log.error("outbox %s (%s) failed for good: %s", item.id, item.kind, error)
        async with self.sessions.begin() as session:
            await kind.give_up(session, item, error, self.clock.now())

    async def fire_due_timers(self, identity_id: int | None = None) -> int:
        """Run the `Timer` event of every due timer (of one identity, if given)
        through the conversation; its replies reach the user via the outbox."""
        fired = 0
        while True:
            async with self.sessions.begin() as session:
                due = await timers.claim_due(
                    session,
                    now=self.clock.now(),
                    lease=self.settings.outbox_lease,
                    identity_id=identity_id,
                )
            if not due:
                return fired
            for timer in due:
                try:
                    fired += await self._fire(timer)
                except Exception:
                    # Its lease ends and another round tries again.
                    log.exception("timer %s (%s) failed", timer.id, timer.name)

    async def _fire(self, timer: TimerItem) -> bool:
        async with self.sessions.begin() as session:
            # The conversation's lock first, as a step takes it before it
            # cancels timers: the two serialize instead of deadlocking.
            record = await conversations_repo.load_conversation_by_identity(
                session, timer.identity_id
            )
            if not await timers.mark_fired(session, timer.id, self.clock.now()):
                return False  # cancelled or fired meanwhile
            if record is not None:
                await self.engine.handle_external(
                    session, timer.identity_id, Timer(name=timer.name, org_id=timer.org_id)
                )
            crash_point("timer-before-commit")
        return True

    async def run_forever(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.tick()
            except Exception:
                log.exception("worker round failed; trying again")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.settings.worker_poll_interval)
