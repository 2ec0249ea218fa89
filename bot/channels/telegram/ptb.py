"""The Telegram channel on python-telegram-bot 22: its Bot for the API calls
(getUpdates too), its Application to process polled updates, its types to
parse updates. Nothing else; the polling loop is `polling`."""

import warnings
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyParameters,
    Update,
)
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.error import RetryAfter as PtbRetryAfter
from telegram.ext import Application, ContextTypes, TypeHandler
from telegram.warnings import PTBDeprecationWarning

from bot.channels.telegram.common import ApiError, Incoming, Keyboard, RetryAfter, incoming_from

__all__ = ["PtbLibrary"]

Submit = Callable[[Incoming], object]
ALLOWED_UPDATES = ["message", "callback_query"]
AnyApplication = Application[Any, Any, Any, Any, Any, Any]


def _markup(keyboard: Keyboard | None) -> InlineKeyboardMarkup | None:
    if keyboard is None:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.text, callback_data=b.callback_data, url=b.url) for b in row]
            for row in keyboard
        ]
    )


def to_incoming(update: Update) -> Incoming | None:
    return incoming_from(update)


class _Api:
    """`BotApi` on a PTB Application's bot."""

    def __init__(self, application: AnyApplication) -> None:
        self.application = application
        self.bot = application.bot

    async def _do(self, call: Awaitable[Any]) -> Any:
        try:
            return await call
        except PtbRetryAfter as error:
            with warnings.catch_warnings():  # int now, timedelta in PTB 23: both handled
                warnings.simplefilter("ignore", PTBDeprecationWarning)
                wait = error.retry_after
            raise RetryAfter(
                wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            ) from None
        except BadRequest as error:  # PTB files it under NetworkError
            raise ApiError(error.message, permanent="chat not found" in error.message) from None
        except Forbidden as error:  # blocked by the user, or kicked
            raise ApiError(error.message, permanent=True) from None
        except NetworkError:
            raise
        except TelegramError as error:
            raise ApiError(error.message) from None

    async def get_username(self) -> str:
        me = await self._do(self.bot.get_me())
        return str(me.username or "")

    async def send_message(self, chat_id: int, text: str, keyboard: Keyboard | None) -> int:
        sent = await self._do(
            self.bot.send_message(chat_id, text, parse_mode="HTML", reply_markup=_markup(keyboard))
        )
        return int(sent.message_id)

    async def send_in_thread(
        self,
        chat_id: int,
        text: str,
        keyboard: Keyboard | None,
        *,
        topic_id: int | None,
        reply_to: int | None,
    ) -> int:
        sent = await self._do(
            self.bot.send_message(
                chat_id,
                text,
                parse_mode="HTML",
                reply_markup=_markup(keyboard),
                message_thread_id=topic_id,
                reply_parameters=None if reply_to is None else ReplyParameters(reply_to),
            )
        )
        return int(sent.message_id)

    async def create_topic(self, chat_id: int, name: str) -> int:
        topic = await self._do(self.bot.create_forum_topic(chat_id, name))
        return int(topic.message_thread_id)

    async def edit_text(
        self, chat_id: int, message_id: int, text: str, keyboard: Keyboard | None
    ) -> None:
        await self._do(
            self.bot.edit_message_text(
                text,
                chat_id=chat_id,
                message_id=message_id,
                parse_mode="HTML",
                reply_markup=_markup(keyboard),
            )
        )

    async def remove_keyboard(self, chat_id: int, message_id: int) -> None:
        await self._do(self.bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id))

    async def delete_message(self, chat_id: int, message_id: int) -> None:
        await self._do(self.bot.delete_message(chat_id, message_id))

    async def answer_callback(self, callback_id: str, text: str | None) -> None:
        await self._do(self.bot.answer_callback_query(callback_id, text=text))

    async def set_commands(self, commands: list[tuple[str, str]], language: str | None) -> None:
        await self._do(
            self.bot.set_my_commands(
                [BotCommand(name, text) for name, text in commands], language_code=language
            )
        )

    async def set_webhook(self, url: str, secret: str) -> None:
        await self._do(
            self.bot.set_webhook(url, secret_token=secret, allowed_updates=ALLOWED_UPDATES)
        )

    async def delete_webhook(self) -> None:
        await self._do(self.bot.delete_webhook())

    async def close(self) -> None:
        await self.application.shutdown()


class PtbLibrary:
    def __init__(self, token: str, api_base: str) -> None:
        self.application: AnyApplication = (
            Application.builder()
            .token(token)
            .base_url(f"{api_base.rstrip('/')}/bot")
            .base_file_url(f"{api_base.rstrip('/')}/file/bot")
            .build()
        )
        self.api = _Api(self.application)

    async def open(self) -> None:
        await self.application.initialize()

    def parse_update(self, data: dict[str, Any]) -> Incoming | None:
        return to_incoming(Update.de_json(data, self.application.bot))

    def dispatch_to(self, submit: Submit) -> None:
        """Updates the Application processes go to `submit` (which only queues them)."""

        async def hand_over(update: object, _: ContextTypes.DEFAULT_TYPE) -> None:
            if isinstance(update, Update) and (incoming := to_incoming(update)) is not None:
                submit(incoming)

        self.application.add_handler(TypeHandler(Update, hand_over))

    async def get_updates(self, offset: int | None, poll_seconds: int) -> list[Update]:
        # PTB lengthens the read timeout by the long poll's own.
        updates = await self.api._do(
            self.application.bot.get_updates(
                offset=offset, timeout=poll_seconds, allowed_updates=ALLOWED_UPDATES
            )
        )
        return list(updates)

    async def feed(self, update: Update) -> None:
        await self.application.process_update(update)

    async def close(self) -> None:
        await self.api.close()
