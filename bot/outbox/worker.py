"""Drains the outbox and fires due timers. Outbox rows are claimed with a
lease, run, and marked done; failures are retried with exponential backoff and
given up after a while. A row killed between sending and marking done comes
back when its lease ends and is sent again with the same Message-ID, so the
recipient's mail system sees one email. Each row's lease is renewed just
before it runs, and only while the claim is still this worker's: a batch that
outlived its lease is not sent by two workers. Timers fire once: marked fired in the
same transaction as the step their event causes."""

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.invitations import INVITATION_EMAIL
from bot.invitations.delivery import send_invitation
from bot.mail.content import build_confirmation_email, confirm_url
from bot.mail.mailer import FileMailer, Mailer, PermanentMailError
from bot.ops import metrics
from bot.ops.clock import Clock
from bot.ops.faults import crash_point
from bot.organizations.tokens import hash_token
from bot.steps.engine import CHAT_MESSAGE, CONFIRMATION_EMAIL, PAYMENT_LINK, Engine
from bot.text.i18n import Translator
from conversations import EmailDeliveryFailed, PaymentLinkUnavailable, Timer
from storage import conversations as conversations_repo
from storage import organizations as orgs_repo
from storage import outbox, timers
from storage.payments import DELETE_CUSTOMER
from storage.records import OutboxItem, TimerItem

__all__ = ["MAX_ATTEMPTS", "ChatSender", "PermanentDeliveryError", "Worker", "backoff"]

log = logging.getLogger(__name__)

# 5 s, 10 s, 20 s … doubling up to 30 min between tries: about four hours of
# an unreachable SMTP server before the user is told the email did not go out.
MAX_ATTEMPTS = 15
Runner = Callable[[OutboxItem], Awaitable[None]]
# Sends one `chat_message` payload ({channel, external_id, language, reply}).
ChatSender = Callable[[dict[str, Any]], Awaitable[None]]


class PermanentDeliveryError(Exception):
    """A chat message that can never be delivered (the user is gone): no retries."""


def _service(item: OutboxItem) -> str:
    """The outside service an outbox row talks to, for the metrics."""
    if item.kind in (CONFIRMATION_EMAIL, INVITATION_EMAIL):
        return "email"
    if item.kind in (PAYMENT_LINK, DELETE_CUSTOMER):
        return "stripe"
    return str(item.payload.get("channel") or item.kind)


def _scrubbed(item: OutboxItem) -> dict[str, Any]:
    """A finished email's payload without its link's token (only the hash stays)."""
    return {k: v for k, v in item.payload.items() if k != "token"}


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(1800, 2 ** max(0, attempts - 1) * 5))


class Worker:
    def __init__(
        self,
        engine: Engine,
        translator: Translator,
        mailer: Mailer,
    ) -> None:
        self.engine = engine
        self.translator = translator
        self.mailer = mailer
        self.runners: dict[str, Runner] = {
            CONFIRMATION_EMAIL: self._send_confirmation,
            INVITATION_EMAIL: self._send_invitation,
        }
        self.chat_senders: dict[str, ChatSender] = {}

    def add_chat_sender(self, channel: str, sender: ChatSender) -> None:
        """Deliver queued `chat_message` rows of `channel` with `sender`."""
        self.chat_senders[channel] = sender
        self.runners[CHAT_MESSAGE] = self._send_chat_message

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
                in_order = item.kind == CHAT_MESSAGE and item.identity_id is not None
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
                retry_at = await self._run(renewed)
                if retry_at is not None and in_order and item.identity_id is not None:
                    held[item.identity_id] = retry_at
                done += 1

    async def _run(self, item: OutboxItem) -> datetime | None:
        """Run one row; when it failed and will be retried, the time of the retry."""
        service = _service(item)
        try:
            await self.runners[item.kind](item)
        except (PermanentMailError, PermanentDeliveryError) as error:
            metrics.external_call(service, "failed")
            await self._give_up(item, str(error))
        except Exception as error:
            if item.attempts >= MAX_ATTEMPTS:
                metrics.external_call(service, "failed")
                await self._give_up(item, repr(error))
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

    async def _give_up(self, item: OutboxItem, error: str) -> None:
        log.error("outbox %s (%s) failed for good: %s", item.id, item.kind, error)
        async with self.sessions.begin() as session:
            if item.kind == CONFIRMATION_EMAIL:
                # The token leaves the database with a failed email too.
                await outbox.fail(
                    session, item.id, now=self.clock.now(), error=error, payload=_scrubbed(item)
                )
                if item.identity_id is not None:
                    await self._email_failed(session, item, item.identity_id)
            else:
                # A link's token never stays in a row given up on.
                await outbox.fail(
                    session, item.id, now=self.clock.now(), error=error, payload=_scrubbed(item)
                )
            if item.kind == PAYMENT_LINK and item.identity_id is not None:
                await self.engine.handle_external(
                    session, item.identity_id, PaymentLinkUnavailable(org_id=item.payload["org_id"])
                )

    async def _email_failed(
        self, session: AsyncSession, item: OutboxItem, identity_id: int
    ) -> None:
        """Tell the user that their confirmation email cannot be delivered, in
        the same transaction as giving it up. Not when the address that failed
        is no longer the organization's: the user changed it since, the email
        to the new address is on its way, and "<old address> failed, change
        email" would only make them doubt the address they just fixed. Logged
        and counted like any failure."""
        org_id = int(item.payload["org_id"])
        token: str = item.payload.get("token") or ""
        link = await orgs_repo.find_confirmation(session, hash_token(token)) if token else None
        org = await orgs_repo.get_organization(session, org_id)
        current = org.email if org is not None else None
        failed = link.email if link is not None and link.email else current
        if failed is None:
            return  # the user's data was deleted meanwhile
        if failed != current:
            log.info(
                "outbox %s: the email to a replaced address of organization %s failed; "
                "the user is not told",
                item.id,
                org_id,
            )
            return
        await self.engine.handle_external(
            session, identity_id, EmailDeliveryFailed(org_id=org_id, email=failed)
        )

    async def _send_confirmation(self, item: OutboxItem) -> None:
        payload = item.payload
        token: str = payload.get("token") or ""
        async with self.sessions.begin() as session:
            org = await orgs_repo.get_organization(session, payload["org_id"])
            link = await orgs_repo.find_confirmation(session, hash_token(token)) if token else None
        now = self.clock.now()
        if org is None or org.email is None or org.name is None or link is None or not token:
            await self._finish(item, now)
            return
        if link.revoked_at is not None or link.used_at is not None:
            # A newer email (resend, changed address) replaced this one before
            # it went out, or the link was used meanwhile: sending it is noise.
            await self._finish(item, now)
            return
        try:
            # Everything the email says is fixed by its link and this row: the
            # address the link was issued for, dated when it was asked for. A
            # copy sent again after a crash is the same message.
            message = build_confirmation_email(
                self.translator,
                self.settings,
                outbox_id=item.id,
                to=link.email or org.email,
                org_name=org.name,
                language=org.language,
                token=token,
                expires_at=link.expires_at,
                date=link.created_at,
            )
        except ValueError as error:
            raise PermanentMailError(f"cannot address the email: {error}") from error
        crash_point("before-send")
        await self.mailer.send(message)
        metrics.external_call("email", "ok")
        crash_point("after-send")
        if isinstance(self.mailer, FileMailer):
            # Local default only: no real mail goes out, so show where the link is.
            log.info(
                "confirmation link for organization %s: %s",
                org.id,
                confirm_url(self.settings, token),
            )
        await self._finish(item, self.clock.now())

    async def _send_invitation(self, item: OutboxItem) -> None:
        await send_invitation(
            item,
            sessions=self.sessions,
            settings=self.settings,
            clock=self.clock,
            translator=self.translator,
            mailer=self.mailer,
        )

    async def _finish(self, item: OutboxItem, now: datetime) -> None:
        """Done; the token leaves the database with it (only its hash stays)."""
        async with self.sessions.begin() as session:
            await outbox.complete(session, item.id, now=now, payload=_scrubbed(item))

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

    async def _send_chat_message(self, item: OutboxItem) -> None:
        sender = self.chat_senders.get(item.payload.get("channel", ""))
        if sender is None:
            raise RuntimeError(f"no sender for channel {item.payload.get('channel')!r}")
        await sender(item.payload)
        async with self.sessions.begin() as session:
            await outbox.complete(session, item.id, now=self.clock.now())

    async def run_forever(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.tick()
            except Exception:
                log.exception("worker round failed; trying again")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.settings.worker_poll_interval)
