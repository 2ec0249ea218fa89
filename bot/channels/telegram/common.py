"""What both Telegram modules share and no library knows about: the neutral
shape of an update, the Bot API calls we make, callback data with a staleness
token, keyboards, and HTML text with everything user-supplied escaped."""

import html
import re
from dataclasses import dataclass
from typing import Any, Protocol

from bot.channels.commands import parse_command
from bot.organizations.tokens import new_keyboard_token
from bot.text.render import RenderedButton, RenderedMessage
from conversations import Event, Text

__all__ = [
    "CHANNEL",
    "MAX_CALLBACK_BYTES",
    "MAX_TEXT",
    "SELECTED_MARK",
    "ApiError",
    "BotApi",
    "Incoming",
    "KeyButton",
    "Keyboard",
    "RetryAfter",
    "button_text",
    "decode_callback",
    "encode_callback",
    "incoming_from",
    "keyboard_of",
    "new_keyboard_token",
    "start_source",
    "text_chunks",
    "to_event",
]

CHANNEL = "telegram"
MAX_TEXT = 4096
MAX_CALLBACK_BYTES = 64
SELECTED_MARK = "✓"
_SOURCE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_CALLBACK = re.compile(r"^k:([A-Za-z0-9_-]{1,16}):(.+)$", re.DOTALL)


@dataclass(frozen=True, slots=True, kw_only=True)
class Incoming:
    """One update, as much of it as we use. `message_id` is the user's message,
    or for a button press the bot's message that holds the keyboard."""

    update_id: int
    chat_id: int
    chat_type: str
    user_id: int
    language_code: str | None = None
    message_id: int | None = None
    text: str | None = None
    callback_id: str | None = None
    callback_data: str | None = None
    # In a group: the forum topic of the message, or the message it answers
    # (the root of its reply thread); who wrote it, for the desk.
    topic_id: int | None = None
    reply_to: int | None = None
    user_name: str = ""

    @property
    def private(self) -> bool:
        return self.chat_type == "private"


@dataclass(frozen=True, slots=True)
class KeyButton:
    text: str
    callback_data: str | None = None
    url: str | None = None


Keyboard = tuple[tuple[KeyButton, ...], ...]


class RetryAfter(Exception):
    """Telegram said 429: try again after `seconds`."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds}s")
        self.seconds = seconds


class ApiError(Exception):
    """Any other refusal from the Bot API (the description, never the URL).
    `permanent`: the chat is out of reach for good (blocked, deleted, unknown)."""

    def __init__(self, description: str, *, permanent: bool = False) -> None:
        super().__init__(description)
        self.permanent = permanent


class BotApi(Protocol):
    """The Bot API calls we make; each library module implements them and
    turns its own flood-control error into `RetryAfter`."""

    async def get_username(self) -> str: ...

    async def send_message(self, chat_id: int, text: str, keyboard: Keyboard | None) -> int:
        """Send HTML text; returns the new message's id."""

    async def send_in_thread(
        self,
        chat_id: int,
        text: str,
        keyboard: Keyboard | None,
        *,
        topic_id: int | None,
        reply_to: int | None,
    ) -> int:
        """Send HTML text into a forum topic, or as a reply; the new message's id."""

    async def create_topic(self, chat_id: int, name: str) -> int:
        """A new forum topic; its message_thread_id."""

    async def edit_text(
        self, chat_id: int, message_id: int, text: str, keyboard: Keyboard | None
    ) -> None: ...

    async def remove_keyboard(self, chat_id: int, message_id: int) -> None: ...

    async def delete_message(self, chat_id: int, message_id: int) -> None: ...

    async def answer_callback(self, callback_id: str, text: str | None) -> None: ...

    async def set_commands(self, commands: list[tuple[str, str]], language: str | None) -> None: ...

    async def set_webhook(self, url: str, secret: str) -> None: ...

    async def delete_webhook(self) -> None: ...

    async def close(self) -> None: ...


def start_source(arg: str) -> str | None:
    """The payload of a `/start <payload>` deep link, when it is a valid one."""
    return arg if _SOURCE.match(arg) else None


def to_event(text: str) -> Event:
    if text.strip().startswith("/"):
        command = parse_command(text)
        if command is not None:
            return command
    return Text(text=text)


def encode_callback(token: str, value: str) -> str:
    data = f"k:{token}:{value}"
    if len(data.encode()) > MAX_CALLBACK_BYTES:
        raise ValueError(f"callback data too long for {value!r}")
    return data


def decode_callback(data: str | None) -> tuple[str, str] | None:
    """(token, value), or None for data we never sent."""
    match = _CALLBACK.match(data or "")
    return (match.group(1), match.group(2)) if match else None


def _rows(buttons: list[KeyButton]) -> list[tuple[KeyButton, ...]]:
    """Short labels (languages, currencies, yes/no) side by side; long ones alone."""
    if buttons and max(len(b.text) for b in buttons) <= 12:
        return [tuple(buttons[i : i + 3]) for i in range(0, len(buttons), 3)]
    return [(b,) for b in buttons]


def button_text(button: RenderedButton) -> str:
    """The label on the key; the option in effect (the language pre-selected
    from `language_code`, or chosen before) carries a check mark."""
    return f"{SELECTED_MARK} {button.label}" if button.selected else button.label


def keyboard_of(buttons: tuple[RenderedButton, ...], token: str) -> Keyboard | None:
    choices = [
        KeyButton(text=button_text(b), callback_data=encode_callback(token, b.value))
        for b in buttons
        if b.url is None
    ]
    links = [(KeyButton(text=b.label, url=b.url),) for b in buttons if b.url is not None]
    rows = (*_rows(choices), *links)
    return rows or None


def text_chunks(message: RenderedMessage) -> list[str]:
    """HTML-escaped text in pieces Telegram accepts (≤ 4096 characters each)."""
    escaped = html.escape(message.text, quote=False)
    if len(escaped) <= MAX_TEXT:
        return [escaped]
    # Escaping grows a character to at most 6 ("&quot;"-like); cut the raw text.
    step = MAX_TEXT // 6
    return [
        html.escape(message.text[i : i + step], quote=False)
        for i in range(0, len(message.text), step)
    ]


def incoming_from(update: Any) -> Incoming | None:
    """An aiogram or python-telegram-bot `Update` → `Incoming`. Both libraries
    model the Bot API with the same attribute names, so one mapping serves."""
    if update.message is not None and update.message.from_user is not None:
        message = update.message
        user = message.from_user
        return Incoming(
            update_id=update.update_id,
            chat_id=message.chat.id,
            chat_type=message.chat.type,
            user_id=user.id,
            language_code=user.language_code,
            message_id=message.message_id,
            text=message.text if message.text is not None else message.caption,
            topic_id=message.message_thread_id if message.is_topic_message else None,
            reply_to=(
                message.reply_to_message.message_id
                if message.reply_to_message is not None
                else message.message_thread_id
            ),
            user_name=user.username or user.first_name,
        )
    query = update.callback_query
    if query is not None and query.message is not None:
        return Incoming(
            update_id=update.update_id,
            chat_id=query.message.chat.id,
            chat_type=query.message.chat.type,
            user_id=query.from_user.id,
            language_code=query.from_user.language_code,
            message_id=query.message.message_id,
            callback_id=query.id,
            callback_data=query.data,
            user_name=query.from_user.username or query.from_user.first_name,
        )
    return None
