"""The Telegram channel without a library: updates in (as `Incoming`), Bot API
calls out (through a `BotApi` that a library module provides). One chat's
updates run one after another in arrival order; different chats run side by
side. The database row lock keeps other processes out of the same
conversation meanwhile."""

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.channels.telegram_common import (
    CHANNEL,
    ApiError,
    BotApi,
    Incoming,
    RetryAfter,
    decode_callback,
    keyboard_of,
    new_keyboard_token,
    start_source,
    text_chunks,
    to_event,
)
from bot.channels.telegram_desk import TelegramDeskUpdates
from bot.channels.telegram_limits import SendLimiter
from bot.ops.clock import Clock
from bot.ops.faults import crash_point
from bot.outbox.worker import PermanentDeliveryError
from bot.services import Services
from bot.steps.codec import reply_from_json, reply_to_json
from bot.steps.engine import CONFIRMATION_EMAIL, Outcome
from bot.text.i18n import match_language
from bot.text.render import RenderedMessage, render
from conversations import LANGUAGES, Button, Choice, Command, Event, Reply, carries_payment_number
from storage import owed_replies
from storage import telegram as chats_repo
from storage.records import ConversationRecord

__all__ = ["COMMAND_DESCRIPTIONS", "SentObserver", "TelegramChannel", "TelegramSender"]

log = logging.getLogger(__name__)
T = TypeVar("T")
TRY_AGAIN = Reply(message_id="error-try-again")
SentObserver = Callable[[int, int, RenderedMessage], None]

# The command menu, in every language (setMyCommands).
COMMAND_DESCRIPTIONS = {
    "start": "telegram-command-start",
    "status": "telegram-command-status",
    "language": "telegram-command-language",
    "help": "telegram-command-help",
    "new": "telegram-command-new",
    "cancel": "telegram-command-cancel",
    "delete": "telegram-command-delete",
    "invite": "telegram-command-invite",
}
# Telegram's `language_code` is two letters.
TELEGRAM_LANGUAGE = {"en": "en", "ru": "ru", "it": "it", "pt-BR": "pt", "es": "es"}


def has_keyboard(replies: list[Reply]) -> bool:
    """Buttons that come back to us (not links) make a keyboard to keep live."""
    return any(b.url is None for reply in replies for b in reply.buttons)


class _KeyboardStep:
    """One update's bookkeeping inside the step's transaction: is the pressed
    keyboard the live one; the token of the keyboard the replies will carry,
    stored before they are sent so a quick press finds it live; and the
    replies themselves, owed until sent (see storage/owed_replies)."""

    def __init__(
        self, clock: Clock, chat_id: int, update_key: str, pressed: str | None = None
    ) -> None:
        self.clock = clock
        self.chat_id = chat_id
        self.update_key = update_key
        self.pressed = pressed
        self.token: str | None = None
        self.stale_language: str | None = None
        self.owes = False

    async def check(self, session: AsyncSession, _: ConversationRecord) -> bool:
        chat = await chats_repo.get_chat(session, self.chat_id)
        if chat is not None and chat.keyboard_token == self.pressed:
            return True
        self.stale_language = chat.language if chat else None
        return False

    async def remember(
        self, session: AsyncSession, record: ConversationRecord, outcome: Outcome
    ) -> None:
        if has_keyboard(outcome.replies):
            self.token = new_keyboard_token()
            await chats_repo.remember_keyboard(
                session, self.chat_id, self.token, outcome.language, self.clock.now()
            )
        if outcome.replies or outcome.redact:
            self.owes = True
            # The engine stores it with the update's dedupe row.
            outcome.owed = {
                "language": outcome.language,
                "replies": [reply_to_json(reply) for reply in outcome.replies],
                "redact": outcome.redact,
            }


class TelegramSender:
    """Every Bot API call that sends or changes something goes through the
    limiter, and a 429 is waited out and sent again: nothing is dropped."""

    def __init__(
        self,
        api: BotApi,
        limiter: SendLimiter,
        services: Services,
        on_sent: SentObserver | None = None,
    ) -> None:
        self.api = api
        self.limiter = limiter
        self.services = services
        self.on_sent = on_sent

    async def call(self, chat_id: int | None, make: Callable[[], Awaitable[T]]) -> T:
        while True:
            await self.limiter.acquire(chat_id)
            try:
                return await make()
            except RetryAfter as error:
                log.warning("telegram flood control: waiting %ss", error.seconds)
                self.limiter.hold(chat_id, error.seconds)

    async def send_replies(
        self,
        chat_id: int,
        language: str,
        replies: list[Reply],
        *,
        keyboard_token: str | None = None,
    ) -> None:
        """`keyboard_token`: the live keyboard's token, stored already (with
        the step that made these replies); otherwise a new one is stored here."""
        translator = self.services.translator
        messages = [render(translator, language, reply) for reply in replies]
        token = keyboard_token or new_keyboard_token()
        if keyboard_token is None and has_keyboard(replies):
            # Stored before sending, so a quick press already finds it live.
            async with self.services.engine.sessions.begin() as session:
                await chats_repo.remember_keyboard(
                    session, chat_id, token, language, self.services.engine.clock.now()
                )
        for message in messages:
            keyboard = keyboard_of(message.buttons, token)
            chunks = text_chunks(message)
            for number, chunk in enumerate(chunks, 1):
                send = functools.partial(
                    self.api.send_message,
                    chat_id,
                    chunk,
                    keyboard if number == len(chunks) else None,
                )
                sent_id = await self.call(chat_id, send)
            if self.on_sent is not None:
                self.on_sent(chat_id, sent_id, message)

    async def deliver(self, payload: dict[str, Any]) -> None:
        """An outbox `chat_message` (email confirmed, payment saved…) for a
        private chat. A chat we can never reach again is not retried."""
        reply = reply_from_json(payload["reply"])
        try:
            await self.send_replies(
                int(payload["external_id"]), payload.get("language", "en"), [reply]
            )
        except ApiError as error:
            if error.permanent:
                raise PermanentDeliveryError(str(error)) from None
            raise

    async def remove_keyboard(self, chat_id: int, message_id: int) -> None:
        try:
            await self.call(
                chat_id, functools.partial(self.api.remove_keyboard, chat_id, message_id)
            )
        except ApiError as error:  # already edited, or too old to edit
            log.info("keyboard not removed: %s", error)

    async def delete_message(self, chat_id: int, message_id: int) -> None:
        try:
            await self.call(
                chat_id, functools.partial(self.api.delete_message, chat_id, message_id)
            )
        except ApiError as error:
            log.warning("message not deleted: %s", error)

    async def answer_callback(self, callback_id: str, text: str | None) -> None:
        try:
            await self.call(None, functools.partial(self.api.answer_callback, callback_id, text))
        except ApiError as error:  # answered already, or too late
            log.info("callback not answered: %s", error)


class TelegramChannel:
    def __init__(
        self,
        services: Services,
        sender: TelegramSender,
        *,
        concurrency: int = 32,
        on_processed: Callable[[int], None] | None = None,
        embedded: bool = False,
    ) -> None:
        self.services = services
        self.sender = sender
        # Embedded (`python -m bot telegram` with no separate worker): the
        # confirmation email goes out before the reply that announces it.
        self.embedded = embedded
        self.username = ""
        self.on_processed = on_processed
        self._slots = asyncio.Semaphore(concurrency)
        self.desk = TelegramDeskUpdates(services, sender)
        self._tails: dict[int, asyncio.Task[None]] = {}

    async def start(self) -> None:
        """Learn our username (for deep links) and set the command menu."""
        api = self.sender.api
        self.username = await self.sender.call(None, api.get_username)
        translator = self.services.translator
        for language in (*LANGUAGES, None):
            commands = [
                (name, translator.format(language or "en", message_id))
                for name, message_id in COMMAND_DESCRIPTIONS.items()
            ]
            code = TELEGRAM_LANGUAGE[language] if language else None
            await self.sender.call(None, functools.partial(api.set_commands, commands, code))

    # -- ordering ------------------------------------------------------------

    def submit(self, incoming: Incoming) -> "asyncio.Task[None]":
        """Queue an update behind the ones of the same chat; returns its task."""
        previous = self._tails.get(incoming.chat_id)
        task = asyncio.create_task(self._after(previous, incoming))
        self._tails[incoming.chat_id] = task
        task.add_done_callback(functools.partial(self._forget, incoming.chat_id))
        return task

    def _forget(self, chat_id: int, task: "asyncio.Task[None]") -> None:
        if self._tails.get(chat_id) is task:
            del self._tails[chat_id]

    async def _after(self, previous: "asyncio.Task[None] | None", incoming: Incoming) -> None:
        if previous is not None:
            await asyncio.wait([previous])
        async with self._slots:
            await self._process_safely(incoming)

    async def drain(self) -> None:
        """Wait until every queued update has been handled."""
        while self._tails:
            await asyncio.wait(list(self._tails.values()))

    # -- one update ----------------------------------------------------------

    async def _process_safely(self, incoming: Incoming) -> None:
        try:
            await self.process(incoming)
        except Exception:
            log.exception("telegram update %s failed", incoming.update_id)
            try:
                language = match_language(incoming.language_code) or "en"
                await self.sender.send_replies(incoming.chat_id, language, [TRY_AGAIN])
            except Exception:
                log.exception("could not tell chat %s to try again", incoming.chat_id)
        finally:
            if self.on_processed is not None:
                self.on_processed(incoming.update_id)

    async def process(self, incoming: Incoming) -> None:
        hint = match_language(incoming.language_code)
        if self.desk.is_desk(incoming):
            await self.desk.handle(incoming)
            return
        if incoming.callback_id is not None and (incoming.callback_data or "").startswith("h:"):
            await self.desk.refuse_button(incoming)
            return
        if not incoming.private:
            await self._private_only(incoming, hint)
            return
        if incoming.callback_id is not None:
            await self._pressed(incoming, hint)
            return
        event = await self._typed(incoming)
        step = _KeyboardStep(self.services.engine.clock, incoming.chat_id, str(incoming.update_id))
        outcome = await self.services.engine.handle(
            CHANNEL,
            str(incoming.user_id),
            event,
            locale_hint=hint,
            update_key=step.update_key,
            after=step.remember,
        )
        if outcome.duplicate:
            await self._pay_owed(incoming)
            return
        await self._answer(incoming, outcome, step, hint)

    async def _answer(
        self, incoming: Incoming, outcome: Outcome, step: "_KeyboardStep", hint: str | None
    ) -> None:
        crash_point("telegram-before-replies")
        if outcome.redact and incoming.message_id is not None:
            await self.sender.delete_message(incoming.chat_id, incoming.message_id)
        if self.embedded:
            await self.services.worker.drain_once((CONFIRMATION_EMAIL,))
        language = outcome.conversation.language if outcome.conversation else hint or "en"
        await self.sender.send_replies(
            incoming.chat_id, language, outcome.replies, keyboard_token=step.token
        )
        if step.owes:
            await self._paid(step.update_key)

    async def _paid(self, update_key: str) -> None:
        # One statement, atomic on its own: no BEGIN around it.
        async with self.services.db.connect() as connection:
            autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await owed_replies.paid_on(autocommit, CHANNEL, update_key)

    async def _pay_owed(self, incoming: Incoming) -> None:
        """A repeated update: ignored, unless the process that stepped it died
        before sending its answer; then that answer goes out now."""
        key = str(incoming.update_id)
        async with self.services.engine.sessions() as session:
            owing = await owed_replies.owed(session, CHANNEL, key)
        if owing is None:
            return
        log.info("sending the replies of a repeated update that were never sent")
        if owing.get("redact") and incoming.message_id is not None:
            await self.sender.delete_message(incoming.chat_id, incoming.message_id)
        replies = [reply_from_json(reply) for reply in owing.get("replies", [])]
        await self.sender.send_replies(incoming.chat_id, owing.get("language", "en"), replies)
        await self._paid(key)

    async def _typed(self, incoming: Incoming) -> Event:
        """The message as an event. A `/start` payload is recorded as where the
        user came from, unless it holds a card number: then the command goes
        to the core whole, to be refused (and deleted) before anything is kept."""
        event = to_event(incoming.text or "")
        if carries_payment_number(event):
            return event
        if isinstance(event, Command) and event.name == "start" and event.arg:
            source = start_source(event.arg)
            if source is not None:
                async with self.services.engine.sessions.begin() as session:
                    await chats_repo.record_start_source(
                        session, incoming.chat_id, source, self.services.engine.clock.now()
                    )
            return Command(name="start")
        return event

    async def _pressed(self, incoming: Incoming, hint: str | None) -> None:
        """A button press. Only the newest keyboard is live: its press becomes
        a `Choice`, checked in the step's own transaction; older ones get a
        short callback answer and nothing else. Either way the pressed
        keyboard is edited away, so it is pressed once."""
        assert incoming.callback_id is not None
        decoded = decode_callback(incoming.callback_data)
        step = _KeyboardStep(
            self.services.engine.clock,
            incoming.chat_id,
            str(incoming.update_id),
            pressed=decoded[0] if decoded else None,
        )
        outcome = None
        if decoded is not None:
            outcome = await self.services.engine.handle(
                CHANNEL,
                str(incoming.user_id),
                Choice(value=decoded[1]),
                locale_hint=hint,
                update_key=step.update_key,
                guard=step.check,
                after=step.remember,
            )
        if incoming.message_id is not None:
            await self.sender.remove_keyboard(incoming.chat_id, incoming.message_id)
        if outcome is None or outcome.declined:
            language = step.stale_language or hint or "en"
            text = self.services.translator.format(language, "telegram-button-stale")
            await self.sender.answer_callback(incoming.callback_id, text)
            return
        await self.sender.answer_callback(incoming.callback_id, None)
        if outcome.duplicate:
            await self._pay_owed(incoming)
        else:
            await self._answer(incoming, outcome, step, hint)

    async def _private_only(self, incoming: Incoming, hint: str | None) -> None:
        """In a group: only a command or a mention of us gets an answer, and
        that answer is a link to a private chat."""
        if incoming.callback_id is not None:
            await self.sender.answer_callback(incoming.callback_id, None)
            return
        text = incoming.text or ""
        if carries_payment_number(to_event(text)) and incoming.message_id is not None:
            # Deleted when we may (an admin of the group), then the warning.
            await self.sender.delete_message(incoming.chat_id, incoming.message_id)
            warning = Reply(message_id="warning-payment-number")
            await self.sender.send_replies(incoming.chat_id, hint or "en", [warning])
            return
        if not (text.startswith("/") or f"@{self.username}".casefold() in text.casefold()):
            return
        link = f"https://t.me/{self.username}?start=group"
        reply = Reply(
            message_id="telegram-private-only",
            buttons=(Button(label="telegram-open-private", value="private", url=link),),
        )
        await self.sender.send_replies(incoming.chat_id, hint or "en", [reply])
