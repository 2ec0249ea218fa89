"""Drains the outbox: claims due rows with a lease, runs them, marks them done,
retries with exponential backoff, gives up after a while."""

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from conversations import EmailDeliveryFailed, PaymentLinkUnavailable
from storage import organizations as orgs_repo
from storage import outbox
from storage.records import OutboxItem

from .clock import Clock
from .config import Settings
from .email_content import build_confirmation_email, confirm_url
from .engine import CHAT_MESSAGE, CONFIRMATION_EMAIL, PAYMENT_LINK, Engine
from .i18n import Translator
from .mailer import FileMailer, Mailer, PermanentMailError

__all__ = ["ChatSender", "PermanentDeliveryError", "Worker"]

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
Runner = Callable[[OutboxItem], Awaitable[None]]
# Sends one `chat_message` payload ({channel, external_id, language, reply}).
ChatSender = Callable[[dict[str, Any]], Awaitable[None]]


class PermanentDeliveryError(Exception):
    """A chat message that can never be delivered (the user is gone): no retries."""


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(600, 2 ** max(0, attempts - 1) * 5))


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
        self.runners: dict[str, Runner] = {CONFIRMATION_EMAIL: self._send_confirmation}
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
                retry_at = await self._run(item)
                if retry_at is not None and in_order and item.identity_id is not None:
                    held[item.identity_id] = retry_at
                done += 1

    async def _run(self, item: OutboxItem) -> datetime | None:
        """Run one row; when it failed and will be retried, the time of the retry."""
        try:
            await self.runners[item.kind](item)
        except (PermanentMailError, PermanentDeliveryError) as error:
            await self._give_up(item, str(error))
        except Exception as error:
            if item.attempts >= MAX_ATTEMPTS:
                await self._give_up(item, repr(error))
                return None
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
            await outbox.fail(session, item.id, now=self.clock.now(), error=error)
            if item.kind == CONFIRMATION_EMAIL and item.identity_id is not None:
                await self.engine.handle_external(
                    session, item.identity_id, EmailDeliveryFailed(org_id=item.payload["org_id"])
                )
            if item.kind == PAYMENT_LINK and item.identity_id is not None:
                await self.engine.handle_external(
                    session, item.identity_id, PaymentLinkUnavailable(org_id=item.payload["org_id"])
                )

    async def _send_confirmation(self, item: OutboxItem) -> None:
        payload = item.payload
        async with self.sessions.begin() as session:
            org = await orgs_repo.get_organization(session, payload["org_id"])
        now = self.clock.now()
        token = payload.get("token")
        if org is None or org.email is None or org.name is None or not token:
            async with self.sessions.begin() as session:
                await outbox.complete(session, item.id, now=now)
            return
        message = build_confirmation_email(
            self.translator,
            self.settings,
            outbox_id=item.id,
            to=org.email,
            org_name=org.name,
            language=org.language,
            token=token,
            expires_at=datetime.fromisoformat(payload["expires_at"]),
            now=now,
        )
        await self.mailer.send(message)
        if isinstance(self.mailer, FileMailer):
            # Local default only: no real mail goes out, so show where the link is.
            log.info(
                "confirmation link for organization %s: %s",
                org.id,
                confirm_url(self.settings, token),
            )
        scrubbed = {k: v for k, v in payload.items() if k != "token"}
        async with self.sessions.begin() as session:
            await outbox.complete(session, item.id, now=self.clock.now(), payload=scrubbed)

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
                await self.drain_once()
            except Exception:
                log.exception("outbox drain failed; trying again")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.settings.worker_poll_interval)
