"""The one path of an update, for every channel: the adapter gives an
`Inbound`, the runner does the rest.

1. Order: one place's updates (a chat, a DM) run one after another, in
   arrival order; different places side by side, up to `concurrency`.
2. One transaction (`Engine.handle`): the conversation locked, the delivery
   key checked (a platform's retry is a duplicate), a pressed button checked
   against the live keyboard (stale: nothing steps), the flood limit, the
   step, and, with the dedupe row, the replies it owes and the new live
   keyboard's token. The engine counts it (metrics) and logs the line.
3. Send: the user's message redacted if it held a card number, the replies
   rendered and sent, the debt marked paid. A process that dies before that
   leaves the replies owed; the redelivered update (a duplicate) pays them.
4. Anything that fails: logged, and the user asked, in their language, to
   try again.

Queued messages (an outbox `chat_message`) go out through the same adapter."""

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.channels.channel import Address, Channel, Inbound, Unreachable
from bot.ops.faults import crash_point
from bot.organizations.tokens import new_keyboard_token
from bot.outbox.worker import PermanentDeliveryError
from bot.steps.codec import reply_from_json, reply_to_json
from bot.steps.engine import Engine, Outcome
from bot.text.i18n import Translator
from bot.text.render import RenderedMessage, render
from conversations import Reply
from storage import keyboards, owed_replies
from storage.db import DATABASE_UNAVAILABLE
from storage.records import ConversationRecord, LiveKeyboard

__all__ = ["TRY_AGAIN", "Runner", "asks"]

log = logging.getLogger(__name__)
TRY_AGAIN = Reply(message_id="error-try-again")
Work = Callable[[], Awaitable[None]]


def asks(replies: list[Reply]) -> bool:
    """Buttons that come back to us (not links) make a keyboard to keep live."""
    return any(b.url is None for reply in replies for b in reply.buttons)


def _asks(message: RenderedMessage) -> bool:
    return any(b.url is None for b in message.buttons)


class Runner:
    """One per channel adapter. `before_replies` runs after a step commits and
    before its replies go (embedded mode: the confirmation email first, so
    the reply that announces it is true). `address_of` turns a conversation's
    external id into where a queued message goes."""

    def __init__(
        self,
        channel: Channel,
        engine: Engine,
        translator: Translator,
        *,
        concurrency: int = 32,
        before_replies: Work | None = None,
        address_of: Callable[[str], Address] | None = None,
    ) -> None:
        self.channel = channel
        self.engine = engine
        self.translator = translator
        self.before_replies = before_replies
        self.address_of = address_of or (lambda user: Address(channel.name, user, user))
        self._slots = asyncio.Semaphore(concurrency)
        self._tails: dict[str, asyncio.Task[None]] = {}

    # -- order, and what failures get -------------------------------------------

    def submit(self, to: Address, language: str | None, work: Work) -> "asyncio.Task[None]":
        """Queue `work` behind the earlier work for the same place. A failure
        is logged and `to` is asked, in `language`, to try again."""
        order = to.reply_to
        previous = self._tails.get(order)
        task = asyncio.create_task(self._after(previous, to, language, work))
        self._tails[order] = task
        task.add_done_callback(functools.partial(self._forget, order))
        return task

    def _forget(self, order: str, task: "asyncio.Task[None]") -> None:
        if self._tails.get(order) is task:
            del self._tails[order]

    async def _after(
        self, previous: "asyncio.Task[None] | None", to: Address, language: str | None, work: Work
    ) -> None:
        if previous is not None:
            await asyncio.wait([previous])
        async with self._slots:
            try:
                await work()
            except DATABASE_UNAVAILABLE as error:  # expected now and then: no traceback
                log.warning(
                    "%s update failed: database unavailable (%s); the user is asked to retry",
                    self.channel.name,
                    type(error).__name__,
                )
            except Exception:
                log.exception("%s update failed", self.channel.name)
            else:
                return
            try:
                await self.tell(to, language or "en", [TRY_AGAIN])
            except Exception:
                log.exception("could not ask a %s user to try again", self.channel.name)

    async def drain(self) -> None:
        """Wait until every queued update has been handled."""
        while self._tails:
            await asyncio.wait(list(self._tails.values()))

    async def run(
        self, inbound: Inbound, *, stepped: Callable[[Outcome], None] | None = None
    ) -> Outcome | None:
        """`handle`, in order and with failures answered; None if it failed."""
        done: list[Outcome | None] = []

        async def work() -> None:
            done.append(await self.handle(inbound, stepped=stepped))

        await self.submit(inbound.address, inbound.language, work)
        return done[0] if done else None

    # -- one update --------------------------------------------------------------

    async def handle(
        self, inbound: Inbound, *, stepped: Callable[[Outcome], None] | None = None
    ) -> Outcome | None:
        """Step the update and send what it says. `stepped` sees the outcome
        after the commit, before anything is sent. None: a button we cannot
        read, answered as stale."""
        channel = self.channel
        if inbound.event is None:
            await channel.answer_button(inbound, self._stale_notice(inbound.language))
            return None
        delivery = _Delivery(self, inbound)
        outcome = await self.engine.handle(
            channel.name,
            inbound.address.user,
            inbound.event,
            locale_hint=inbound.language,
            update_key=inbound.key,
            guard=delivery.check if inbound.pressed is not None else None,
            after=delivery.remember,
        )
        if inbound.button_ref is not None:
            if outcome.declined:
                language = delivery.stale_language or inbound.language
                await channel.answer_button(inbound, self._stale_notice(language))
                return outcome
            await channel.answer_button(inbound, None)
        if outcome.duplicate:
            await self.pay_owed(inbound)
            return outcome
        if stepped is not None:
            stepped(outcome)
        crash_point(f"{channel.name}-before-replies")
        if outcome.redact and inbound.message_ref is not None:
            await channel.redact(inbound.address, inbound.message_ref)
        if self.before_replies is not None:
            await self.before_replies()
        language = outcome.conversation.language if outcome.conversation else None
        await self.send(
            inbound.address,
            language or inbound.language or "en",
            outcome.replies,
            keyboard=delivery.token,
        )
        if delivery.owes and inbound.key is not None:
            await self._paid(inbound.key)
        return outcome

    def _stale_notice(self, language: str | None) -> str | None:
        notice = self.channel.stale_notice
        return None if notice is None else self.translator.format(language or "en", notice)

    async def pay_owed(self, inbound: Inbound) -> None:
        """A repeated update: ignored, unless the process that stepped it died
        before sending its answer; then that answer goes out now."""
        if inbound.key is None:
            return
        async with self.engine.sessions() as session:
            owing = await owed_replies.owed(session, self.channel.name, inbound.key)
        if owing is None:
            return
        log.info(
            "sending the replies of a repeated update that were never sent",
            extra={"channel": self.channel.name},
        )
        if owing.get("redact") and inbound.message_ref is not None:
            await self.channel.redact(inbound.address, inbound.message_ref)
        replies = [reply_from_json(reply) for reply in owing.get("replies", [])]
        await self.send(inbound.address, owing.get("language", "en"), replies)
        await self._paid(inbound.key)

    async def _paid(self, key: str) -> None:
        # One statement, atomic on its own: no BEGIN around it.
        async with self.engine.sessions() as session:
            autocommit = await session.connection(
                execution_options={"isolation_level": "AUTOCOMMIT"}
            )
            await owed_replies.paid_on(autocommit, self.channel.name, key)

    # -- sending -----------------------------------------------------------------

    async def send(
        self, to: Address, language: str, replies: list[Reply], *, keyboard: str | None = None
    ) -> None:
        """Render and send. `keyboard`: the live keyboard's token, stored
        already (with the step that made these replies); otherwise, where the
        channel checks for stale buttons, a new one is stored here."""
        messages = [render(self.translator, language, reply) for reply in replies]
        if keyboard is None and self.channel.stale_notice is not None and asks(replies):
            keyboard = new_keyboard_token()
            # Stored before sending, so a quick press already finds it live.
            async with self.engine.sessions.begin() as session:
                await keyboards.remember_keyboard(
                    session,
                    self.channel.name,
                    to.user,
                    keyboard,
                    language,
                    self.engine.clock.now(),
                )
        for message in messages:
            await self.channel.send(to, message, keyboard if _asks(message) else None)

    async def tell(self, to: Address, language: str, replies: list[Reply]) -> None:
        """Replies outside a step (a refusal, a notice in a group)."""
        await self.send(to, language, replies)

    async def deliver(self, payload: dict[str, Any]) -> None:
        """An outbox `chat_message` (email confirmed, payment saved…): the
        worker's sender for this channel. An address that is gone for good is
        not retried."""
        reply = reply_from_json(payload["reply"])
        to = self.address_of(str(payload["external_id"]))
        try:
            await self.send(to, payload.get("language", "en"), [reply])
        except Unreachable as error:
            raise PermanentDeliveryError(str(error)) from error


class _Delivery:
    """One update's bookkeeping inside the step's transaction: is the pressed
    keyboard the live one; the token of the keyboard the replies will carry,
    stored before they are sent so a quick press finds it live; and the
    replies themselves, owed until sent (see storage/owed_replies)."""

    def __init__(self, runner: Runner, inbound: Inbound) -> None:
        self.runner = runner
        self.inbound = inbound
        self.token: str | None = None
        self.stale_language: str | None = None
        self.owes = False

    async def check(self, _: AsyncSession, record: ConversationRecord) -> bool:
        # A step is only ever in the user's own place: its live keyboard is
        # the conversation's, loaded with it.
        live = record.keyboard
        if live is not None and live.token == self.inbound.pressed:
            return True
        self.stale_language = live.language if live else None
        return False

    async def remember(self, _: AsyncSession, __: ConversationRecord, outcome: Outcome) -> None:
        runner = self.runner
        if runner.channel.stale_notice is not None and asks(outcome.replies):
            self.token = new_keyboard_token()
            # The engine saves it with the conversation, before the replies go.
            outcome.keyboard = LiveKeyboard(self.token, outcome.language)
        if self.inbound.key is not None and (outcome.replies or outcome.redact):
            self.owes = True
            # The engine stores it with the update's dedupe row.
            outcome.owed = {
                "language": outcome.language,
                "replies": [reply_to_json(reply) for reply in outcome.replies],
                "redact": outcome.redact,
            }
