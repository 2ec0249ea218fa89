"""Our bot on each Telegram library: updates go through the library's own
dispatch (aiogram `Dispatcher.feed_update`, PTB `Application.process_update`)
into our channel, which persists every step; Bot API calls are answered
in-process. Also the webhook over HTTP on loopback."""

import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from bot.channels.telegram.channel import TelegramChannel, TelegramSender
from bot.channels.telegram.limits import Limits, SendLimiter
from bot.channels.telegram.runtime import TelegramRuntime, webhook_route
from bot.services import Services
from bot.web import build_app

from .engine_path import StatementCounter, temporary_services
from .fake_api import InProcessRequest, InProcessSession, callback_for
from .stats import Row
from .telegram_updates import button_update, text_update

__all__ = ["bench_ours"]

TOKEN = "123456:BENCHbenchBENCHbenchBENCHbenchBENCH12"  # noqa: S105 (a fake for the bench)
SECRET = "bench-secret"  # noqa: S105
UNLIMITED = Limits(per_chat=1e9, chat_burst=10**6, per_group=1e9, overall=1e9, overall_burst=10**6)
Feed = Callable[[dict[str, Any]], Awaitable[None]]


def _user_steps(user: int) -> list[Callable[[], dict[str, Any]]]:
    chat = 10_000 + user
    return [
        lambda: text_update(user, "/start"),
        lambda: button_update(user, callback_for(chat, "en")),
        lambda: text_update(user, f"Bench Org {user}"),
        lambda: text_update(user, f"user{user}@bench{user % 97}.example.com"),
        lambda: button_update(user, callback_for(chat, "EUR")),
        lambda: button_update(user, callback_for(chat, "save")),
    ]


async def _drive(row: Row, users: int, concurrency: int, feed: Feed) -> None:
    queue: asyncio.Queue[int] = asyncio.Queue()
    for user in range(users):
        queue.put_nowait(user)

    async def worker() -> None:
        while not queue.empty():
            user = queue.get_nowait()
            for make in _user_steps(user):  # each user waits for the answer first
                t0 = time.perf_counter()
                await feed(make())
                row.latencies.append(time.perf_counter() - t0)
                row.count += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    row.seconds = time.perf_counter() - started


def _aiogram(services: Services) -> tuple[Any, Feed]:
    from aiogram import Dispatcher
    from aiogram.types import TelegramObject, Update

    from bot.channels.telegram.aiogram import AiogramLibrary, to_incoming

    library = AiogramLibrary(TOKEN, "http://127.0.0.1:9")
    library.bot.session = InProcessSession()
    sender = TelegramSender(library.api, SendLimiter(UNLIMITED))
    channel = TelegramChannel(services, sender)
    dispatcher = Dispatcher()
    handled: list[asyncio.Task[None]] = []

    async def hand_over(_: Any, update: TelegramObject, __: dict[str, Any]) -> None:
        if isinstance(update, Update) and (incoming := to_incoming(update)) is not None:
            handled.append(channel.submit(incoming))

    dispatcher.update.outer_middleware(hand_over)

    async def feed(raw: dict[str, Any]) -> None:
        await dispatcher.feed_update(
            library.bot, Update.model_validate(raw, context={"bot": library.bot})
        )
        await handled.pop()

    return library, feed


def _ptb(services: Services) -> tuple[Any, Feed]:
    from telegram import Update
    from telegram.ext import Application, ContextTypes, TypeHandler

    from bot.channels.telegram.ptb import PtbLibrary, to_incoming

    library = PtbLibrary.__new__(PtbLibrary)
    library.application = (
        Application.builder()
        .token(TOKEN)
        .request(InProcessRequest())
        .get_updates_request(InProcessRequest())
        .updater(None)
        .build()
    )
    from bot.channels.telegram.ptb import _Api

    library.api = _Api(library.application)
    sender = TelegramSender(library.api, SendLimiter(UNLIMITED))
    channel = TelegramChannel(services, sender)
    handled: list[asyncio.Task[None]] = []

    async def hand_over(update: object, _: ContextTypes.DEFAULT_TYPE) -> None:
        if isinstance(update, Update) and (incoming := to_incoming(update)) is not None:
            handled.append(channel.submit(incoming))

    library.application.add_handler(TypeHandler(Update, hand_over))

    async def feed(raw: dict[str, Any]) -> None:
        await library.application.process_update(Update.de_json(raw, library.application.bot))
        await handled.pop()

    return library, feed


async def _webhook(services: Services, http: aiohttp.ClientSession) -> tuple[Any, Feed, Any]:
    from bot.channels.telegram.aiogram import AiogramLibrary

    library = AiogramLibrary(TOKEN, "http://127.0.0.1:9")
    library.bot.session = InProcessSession()
    sender = TelegramSender(library.api, SendLimiter(UNLIMITED))
    runtime = TelegramRuntime(library, TelegramChannel(services, sender))
    app = build_app(services.engine, services.translator)
    webhook_route(app, runtime, SECRET)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/telegram/webhook"
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}

    async def feed(raw: dict[str, Any]) -> None:
        async with http.post(url, json=raw, headers=headers) as response:
            assert response.status == 200, response.status

    return library, feed, runner


def bench_ours(
    name: str,
    library: str,
    users: int,
    database_url: str | None = None,
    concurrency: int = 8,
    profiler: Any = None,
) -> Row:
    """`profiler` (pyinstrument's): started and stopped around the updates."""
    row = Row(name)
    with tempfile.TemporaryDirectory() as workdir:
        services = temporary_services(database_url, Path(workdir))

        async def main() -> None:
            counter = StatementCounter(services)
            async with aiohttp.ClientSession() as http:
                runner = None
                if library == "webhook":
                    lib, feed, runner = await _webhook(services, http)
                elif library == "ptb":
                    lib, feed = _ptb(services)
                else:
                    lib, feed = _aiogram(services)
                await lib.open()
                counter.count = 0
                if profiler is not None:
                    profiler.start()
                await _drive(row, users, concurrency, feed)
                if profiler is not None:
                    profiler.stop()
                row.statements = counter.count
                if runner is not None:
                    await runner.cleanup()
                await lib.close()
            await services.close()

        asyncio.run(main())
    return row
