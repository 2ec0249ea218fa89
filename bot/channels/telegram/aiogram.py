"""The Telegram channel on aiogram 3: its Bot for the API calls (getUpdates
too), its Dispatcher to dispatch polled updates, its types to parse updates.
Nothing else; the polling loop is `polling`."""

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError, TelegramRetryAfter
from aiogram.methods import (
    AnswerCallbackQuery,
    CreateForumTopic,
    DeleteMessage,
    DeleteWebhook,
    EditMessageReplyMarkup,
    EditMessageText,
    GetMe,
    GetUpdates,
    SendMessage,
    SetMyCommands,
    SetWebhook,
)
from aiogram.methods.base import Response
from aiogram.types import (
    BotCommand,
    BotCommandScopeDefault,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyParameters,
    TelegramObject,
    Update,
)

from bot.channels.telegram.common import ApiError, Incoming, Keyboard, RetryAfter, incoming_from

__all__ = ["AiogramLibrary"]

Submit = Callable[[Incoming], object]
ALLOWED_UPDATES = ["message", "callback_query"]

# aiogram reads every Bot API answer as `Response[<the method's result>]`, a
# generic pydantic model made on first use. pydantic caches those classes in a
# weak dictionary: once a garbage collection drops one, the next call builds
# its schema again, tens of milliseconds on the event loop (the profile in
# bench/README.md). Holding the ones we call makes that once per process.
_RESPONSE_TYPES = tuple(
    Response[method.__returning__]  # type: ignore[name-defined]
    for method in (
        AnswerCallbackQuery,
        CreateForumTopic,
        DeleteMessage,
        DeleteWebhook,
        EditMessageReplyMarkup,
        EditMessageText,
        GetMe,
        GetUpdates,
        SendMessage,
        SetMyCommands,
        SetWebhook,
    )
)


def _markup(keyboard: Keyboard | None) -> InlineKeyboardMarkup | None:
    if keyboard is None:
        return None
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(text=b.text, callback_data=b.callback_data, url=b.url)
                for b in row
            ]
            for row in keyboard
        ]
    )


def to_incoming(update: Update) -> Incoming | None:
    return incoming_from(update)


class _Api:
    """`BotApi` on an aiogram Bot."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def _do(self, call: Awaitable[Any]) -> Any:
        try:
            return await call
        except TelegramRetryAfter as error:
            raise RetryAfter(error.retry_after) from None
        except TelegramForbiddenError as error:  # blocked by the user, or kicked
            raise ApiError(error.message, permanent=True) from None
        except TelegramAPIError as error:
            raise ApiError(error.message, permanent="chat not found" in error.message) from None

    async def get_username(self) -> str:
        me = await self._do(self.bot.get_me())
        return str(me.username or "")

    async def send_message(self, chat_id: int, text: str, keyboard: Keyboard | None) -> int:
        sent = await self._do(
            self.bot.send_message(chat_id, text, reply_markup=_markup(keyboard), parse_mode="HTML")
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
                reply_markup=_markup(keyboard),
                parse_mode="HTML",
                message_thread_id=topic_id,
                reply_parameters=None if reply_to is None else ReplyParameters(message_id=reply_to),
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
                reply_markup=_markup(keyboard),
                parse_mode="HTML",
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
                [BotCommand(command=name, description=text) for name, text in commands],
                scope=BotCommandScopeDefault(),
                language_code=language,
            )
        )

    async def set_webhook(self, url: str, secret: str) -> None:
        await self._do(
            self.bot.set_webhook(url, secret_token=secret, allowed_updates=ALLOWED_UPDATES)
        )

    async def delete_webhook(self) -> None:
        await self._do(self.bot.delete_webhook())

    async def close(self) -> None:
        await self.bot.session.close()


class AiogramLibrary:
    def __init__(self, token: str, api_base: str) -> None:
        session = AiohttpSession(api=TelegramAPIServer.from_base(api_base))
        self.bot = Bot(token, session=session, default=DefaultBotProperties(parse_mode="HTML"))
        self.api = _Api(self.bot)

    async def open(self) -> None:
        """Nothing to do: aiogram opens its HTTP session on the first call."""

    def parse_update(self, data: dict[str, Any]) -> Incoming | None:
        return to_incoming(Update.model_validate(data, context={"bot": self.bot}))

    def dispatch_to(self, submit: Submit) -> None:
        """Updates fed to the Dispatcher go to `submit` (which only queues them)."""

        async def hand_over(_: Any, update: TelegramObject, __: dict[str, Any]) -> None:
            if isinstance(update, Update) and (incoming := to_incoming(update)) is not None:
                submit(incoming)

        self.dispatcher = Dispatcher()
        self.dispatcher.update.outer_middleware(hand_over)

    async def get_updates(self, offset: int | None, poll_seconds: int) -> list[Update]:
        # The HTTP request must outlast the long poll (as aiogram's own loop does).
        session_timeout = self.bot.session.timeout
        request_timeout = int(session_timeout + poll_seconds) if session_timeout else None
        updates = await self.api._do(
            self.bot.get_updates(
                offset=offset,
                timeout=poll_seconds,
                allowed_updates=ALLOWED_UPDATES,
                request_timeout=request_timeout,
            )
        )
        return list(updates)

    async def feed(self, update: Update) -> None:
        await self.dispatcher.feed_update(self.bot, update)

    async def close(self) -> None:
        await self.api.close()
