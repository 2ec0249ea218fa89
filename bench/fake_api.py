"""Bot API calls answered in-process, behind each library's own transport
seam: an aiogram `BaseSession`, a python-telegram-bot `BaseRequest`."""

import json
from collections.abc import AsyncGenerator
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from telegram.request import BaseRequest, RequestData

from .telegram_updates import api_response

__all__ = ["InProcessRequest", "InProcessSession"]


class InProcessSession(BaseSession):
    calls = 0

    async def close(self) -> None:
        return None

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        InProcessSession.calls += 1
        text = getattr(method, "text", None)
        params = {
            "chat_id": getattr(method, "chat_id", None) or 1,
            "text": text if isinstance(text, str) else "…",
        }
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
        params = request_data.parameters if request_data else {}
        params = {
            k: (json.loads(v) if isinstance(v, str) and v[:1] in "[{" else v)
            for k, v in params.items()
        }
        return 200, api_response(url.rsplit("/", 1)[-1], params).encode()
