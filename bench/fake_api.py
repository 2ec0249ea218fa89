"""Bot API calls answered in-process, behind each library's own transport
seam: an aiogram `BaseSession`, a python-telegram-bot `BaseRequest`. Both
remember the newest inline keyboard per chat so a simulated user can press it."""

import json
from collections.abc import AsyncGenerator
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from telegram.request import BaseRequest, RequestData

from .telegram_updates import api_response

__all__ = ["KEYBOARDS", "InProcessRequest", "InProcessSession", "callback_for"]

# chat id → {button value → callback_data} of the newest keyboard sent there
KEYBOARDS: dict[int, dict[str, str]] = {}


def _remember(chat_id: Any, markup: Any) -> None:
    if not markup or chat_id is None:
        return
    rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else []
    buttons = {}
    for row in rows:
        for button in row:
            data = button.get("callback_data")
            if data:
                buttons[data.rsplit(":", 1)[-1]] = data
    if buttons:
        KEYBOARDS[int(chat_id)] = buttons


def callback_for(chat_id: int, value: str) -> str:
    """The callback_data the bot put on the button with `value` (or the bare
    value for bots that use plain callback data)."""
    return KEYBOARDS.get(chat_id, {}).get(value, value)


class InProcessSession(BaseSession):
    calls = 0

    async def close(self) -> None:
        return None

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 (the interface's signature)
    ) -> TelegramType:
        InProcessSession.calls += 1
        text = getattr(method, "text", None)
        chat_id = getattr(method, "chat_id", None) or 1
        markup = getattr(method, "reply_markup", None)
        if markup is not None and hasattr(markup, "model_dump"):
            _remember(chat_id, markup.model_dump(mode="json", exclude_none=True))
        params = {"chat_id": chat_id, "text": text if isinstance(text, str) else "…"}
        content = api_response(method.__api_method__, params)
        response = self.check_response(bot=bot, method=method, status_code=200, content=content)
        return response.result  # type: ignore[return-value]

    async def stream_content(self, *args: Any, **kwargs: Any) -> AsyncGenerator[bytes, None]:
        raise NotImplementedError
        yield b""


class InProcessRequest(BaseRequest):
    calls = 0

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        InProcessRequest.calls += 1
        raw = request_data.parameters if request_data else {}
        params = {
            k: (json.loads(v) if isinstance(v, str) and v[:1] in "[{" else v)
            for k, v in raw.items()
        }
        _remember(params.get("chat_id"), params.get("reply_markup"))
        return 200, api_response(url.rsplit("/", 1)[-1], params).encode()
