"""The Telegram adapter, without a library: updates in (as `Incoming`), Bot
API calls out (through a `BotApi` that a library module provides). What a
private chat's update becomes is decided here; dedupe, order, owed replies,
stale buttons and the rest are the runner's. Group chats and the support
desk's supergroup are answered here, outside any conversation."""

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from bot.channels.channel import Address, Inbound, Unreachable
from bot.channels.parts import ChannelParts
from bot.channels.runner import Runner, Work
from bot.channels.telegram.common import (
    CHANNEL,
    ApiError,
    BotApi,
    Incoming,
    RetryAfter,
    decode_callback,
    keyboard_of,
    start_source,
    text_chunks,
    to_event,
)
from bot.channels.telegram.desk import TelegramDeskUpdates
from bot.channels.telegram.limits import SendLimiter
from bot.steps.engine import CONFIRMATION_EMAIL
from bot.text.i18n import match_language
from bot.text.render import RenderedMessage
from conversations import LANGUAGES, Button, Choice, Command, Event, Reply, carries_payment_number
from conversations.languages import language as registry_language
from storage import telegram as chats_repo

__all__ = ["COMMAND_DESCRIPTIONS", "SentObserver", "TelegramChannel", "TelegramSender"]

log = logging.getLogger(__name__)
T = TypeVar("T")
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


def chat_address(chat_id: int, user_id: int | None = None) -> Address:
    """A private chat's id is its user's; a group's answers go to the group."""
    return Address(CHANNEL, str(chat_id if user_id is None else user_id), str(chat_id))


class TelegramSender:
    """The `Channel` for Telegram. Every Bot API call that sends or changes
    something goes through the limiter, and a 429 is waited out and sent
    again: nothing is dropped."""

    name = CHANNEL
    stale_notice = "telegram-button-stale"

    def __init__(
        self, api: BotApi, limiter: SendLimiter, on_sent: SentObserver | None = None
    ) -> None:
        self.api = api
        self.limiter = limiter
        self.on_sent = on_sent

    async def call(self, chat_id: int | None, make: Callable[[], Awaitable[T]]) -> T:
        while True:
            await self.limiter.acquire(chat_id)
            try:
                return await make()
            except RetryAfter as error:
                log.warning("telegram flood control: waiting %ss", error.seconds)
                self.limiter.hold(chat_id, error.seconds)

    async def send(self, to: Address, message: RenderedMessage, keyboard: str | None) -> None:
        chat_id = int(to.reply_to)
        markup = keyboard_of(message.buttons, keyboard or "")
        chunks = text_chunks(message)
        try:
            for number, chunk in enumerate(chunks, 1):
                send = functools.partial(
                    self.api.send_message,
                    chat_id,
                    chunk,
                    markup if number == len(chunks) else None,
                )
                sent_id = await self.call(chat_id, send)
        except ApiError as error:
            if error.permanent:  # blocked, deleted: no retry will reach it
                raise Unreachable(str(error)) from None
            raise
        if self.on_sent is not None:
            self.on_sent(chat_id, sent_id, message)

    async def redact(self, to: Address, message_ref: str) -> None:
        await self.delete_message(int(to.reply_to), int(message_ref))

    async def answer_button(self, inbound: Inbound, notice: str | None) -> None:
        """The pressed keyboard is edited away, so it is pressed once."""
        if inbound.message_ref is not None:
            await self.remove_keyboard(int(inbound.address.reply_to), int(inbound.message_ref))
        if inbound.button_ref is not None:
            await self.answer_callback(inbound.button_ref, notice)

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
    """Telegram updates into the runner. `embedded` (`python -m bot telegram`
    with no separate worker): the confirmation email goes out before the
    reply that announces it."""

    def __init__(
        self,
        parts: ChannelParts,
        sender: TelegramSender,
        *,
        concurrency: int = 32,
        on_processed: Callable[[int], None] | None = None,
        embedded: bool = False,
    ) -> None:
        self.parts = parts
        self.sender = sender
        self.username = ""
        self.on_processed = on_processed
        self.runner = Runner(
            sender,
            parts.engine,
            parts.translator,
            concurrency=concurrency,
            before_replies=self._send_confirmations if embedded else None,
            address_of=lambda user: chat_address(int(user)),
        )
        self.desk = TelegramDeskUpdates(parts, sender)

    async def _send_confirmations(self) -> None:
        await self.parts.worker.drain_once((CONFIRMATION_EMAIL,))

    async def start(self) -> None:
        """Learn our username (for deep links) and set the command menu."""
        api = self.sender.api
        self.username = await self.sender.call(None, api.get_username)
        translator = self.parts.translator
        for language in (*LANGUAGES, None):
            commands = [
                (name, translator.format(language or "en", message_id))
                for name, message_id in COMMAND_DESCRIPTIONS.items()
            ]
            code = registry_language(language).telegram if language else None
            await self.sender.call(None, functools.partial(api.set_commands, commands, code))

    def submit(self, incoming: Incoming) -> "asyncio.Task[None]":
        """Queue an update behind the ones of the same chat; returns its task."""
        hint = match_language(incoming.language_code)
        work: Work = functools.partial(self._process, incoming)
        return self.runner.submit(chat_address(incoming.chat_id), hint, work)

    async def drain(self) -> None:
        """Wait until every queued update has been handled."""
        await self.runner.drain()

    async def _process(self, incoming: Incoming) -> None:
        try:
            await self.process(incoming)
        finally:
            if self.on_processed is not None:
                self.on_processed(incoming.update_id)

    async def process(self, incoming: Incoming) -> None:
        hint = match_language(incoming.language_code)
        if self.desk.is_desk(incoming):
            await self.desk.handle(incoming)
        elif incoming.callback_id is not None and (incoming.callback_data or "").startswith("h:"):
            await self.desk.refuse_button(incoming)
        elif not incoming.private:
            await self._private_only(incoming, hint)
        else:
            await self.runner.handle(await self._inbound(incoming, hint))

    async def _inbound(self, incoming: Incoming, hint: str | None) -> Inbound:
        """A private chat's update for the runner. A press of a keyboard we
        did not send (no token in its data) steps nothing: `event` None."""
        address = chat_address(incoming.chat_id, incoming.user_id)
        key = str(incoming.update_id)
        ref = None if incoming.message_id is None else str(incoming.message_id)
        if incoming.callback_id is None:
            event = await self._typed(incoming)
            return Inbound(address=address, event=event, key=key, language=hint, message_ref=ref)
        decoded = decode_callback(incoming.callback_data)
        return Inbound(
            address=address,
            event=Choice(value=decoded[1]) if decoded else None,
            key=key,
            language=hint,
            pressed=decoded[0] if decoded else None,
            message_ref=ref,
            button_ref=incoming.callback_id,
        )

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
                engine = self.parts.engine
                async with engine.sessions.begin() as session:
                    await chats_repo.record_start_source(
                        session, incoming.chat_id, source, engine.clock.now()
                    )
            return Command(name="start")
        return event

    async def _private_only(self, incoming: Incoming, hint: str | None) -> None:
        """In a group: only a command or a mention of us gets an answer, and
        that answer is a link to a private chat."""
        if incoming.callback_id is not None:
            await self.sender.answer_callback(incoming.callback_id, None)
            return
        group = chat_address(incoming.chat_id)
        text = incoming.text or ""
        if carries_payment_number(to_event(text)) and incoming.message_id is not None:
            # Deleted when we may (an admin of the group), then the warning.
            await self.sender.delete_message(incoming.chat_id, incoming.message_id)
            warning = Reply(message_id="warning-payment-number")
            await self.runner.tell(group, hint or "en", [warning])
            return
        if not (text.startswith("/") or f"@{self.username}".casefold() in text.casefold()):
            return
        link = f"https://t.me/{self.username}?start=group"
        reply = Reply(
            message_id="telegram-private-only",
            buttons=(Button(label="telegram-open-private", value="private", url=link),),
        )
        await self.runner.tell(group, hint or "en", [reply])
