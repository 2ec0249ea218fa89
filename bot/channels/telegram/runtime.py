"""Telegram, put together: the library chosen by `TELEGRAM_LIBRARY`, the
limiter, the channel; crash-safe long polling, or the webhook route on the web app.
The libraries are imported here only when Telegram is actually used."""

import asyncio
import hmac
import logging
from collections.abc import Callable
from typing import Any, Protocol

from aiohttp import web

from bot.channels.parts import ChannelParts
from bot.channels.telegram.channel import SentObserver, TelegramChannel, TelegramSender
from bot.channels.telegram.common import CHANNEL, BotApi, Incoming
from bot.channels.telegram.limits import Limits, SendLimiter
from bot.channels.telegram.polling import Poller
from bot.config import Settings
from bot.web.json_body import MalformedJson, parse_json

__all__ = ["WEBHOOK_PATH", "TelegramRuntime", "limits_from", "open_telegram", "webhook_route"]

log = logging.getLogger(__name__)
WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 (a header name)


class Library(Protocol):
    @property
    def api(self) -> BotApi: ...

    async def open(self) -> None: ...

    def parse_update(self, data: dict[str, Any]) -> Incoming | None: ...

    def dispatch_to(self, submit: Callable[[Incoming], object]) -> None: ...

    async def get_updates(self, offset: int | None, poll_seconds: int) -> list[Any]: ...

    async def feed(self, update: Any) -> None: ...

    async def close(self) -> None: ...


def limits_from(settings: Settings) -> Limits:
    return Limits(
        per_chat=settings.telegram_rate_per_chat,
        chat_burst=settings.telegram_chat_burst,
        per_group=settings.telegram_group_per_minute / 60,
        overall=settings.telegram_rate_overall,
    )


def _library(settings: Settings) -> Library:
    assert settings.telegram_bot_token is not None
    token = settings.telegram_bot_token.get_secret_value()
    if settings.telegram_library == "ptb":
        from bot.channels.telegram.ptb import PtbLibrary

        return PtbLibrary(token, settings.telegram_api_base)
    from bot.channels.telegram.aiogram import AiogramLibrary

    return AiogramLibrary(token, settings.telegram_api_base)


class TelegramRuntime:
    def __init__(self, library: Library, channel: TelegramChannel) -> None:
        self.library = library
        self.channel = channel

    @property
    def sender(self) -> TelegramSender:
        return self.channel.sender

    async def start(self) -> None:
        await self.library.open()
        await self.channel.start()

    async def run_polling(self, stop: asyncio.Event, poll_seconds: int) -> None:
        """Long polling until `stop`; an update is confirmed to Telegram only
        once handled (see `polling`)."""
        await self.sender.call(None, self.library.api.delete_webhook)
        poller = Poller(self.library, self.channel, poll_seconds)
        try:
            await poller.run(stop)
        finally:
            await self.channel.drain()
        await poller.confirm()

    async def register_webhook(self, public_url: str, secret: str) -> None:
        url = f"{public_url.rstrip('/')}{WEBHOOK_PATH}"
        await self.sender.call(None, lambda: self.library.api.set_webhook(url, secret))

    async def handle_webhook(self, data: dict[str, Any]) -> None:
        """One webhook delivery; returns once it is handled, so Telegram only
        hears 200 for updates we are done with."""
        try:
            incoming = self.library.parse_update(data)
        except Exception as error:  # not an update we can read: dropping it beats retries
            log.warning("unreadable telegram update dropped: %s", type(error).__name__)
            return
        if incoming is not None:
            await self.channel.submit(incoming)

    async def close(self) -> None:
        await self.channel.drain()
        await self.library.close()


def open_telegram(
    services: ChannelParts,
    *,
    on_sent: SentObserver | None = None,
    on_processed: Callable[[int], None] | None = None,
    embedded: bool = False,
) -> TelegramRuntime:
    """Build the runtime and let the outbox worker send through it."""
    settings = services.settings
    library = _library(settings)
    sender = TelegramSender(library.api, SendLimiter(limits_from(settings)), on_sent)
    channel = TelegramChannel(services, sender, on_processed=on_processed, embedded=embedded)
    services.worker.add_chat_sender(CHANNEL, channel.runner.deliver)
    if settings.support_telegram_chat_id is not None:
        from bot.channels.telegram.desk import TelegramDesk

        services.desk.add_poster(
            TelegramDesk(sender, settings.support_telegram_chat_id, services.desk)
        )
    return TelegramRuntime(library, channel)


TELEGRAM = web.AppKey("telegram", TelegramRuntime)
WEBHOOK_SECRETS = web.AppKey("telegram_webhook_secrets", tuple[bytes, ...])


def _accepted(given: bytes, secrets: tuple[bytes, ...]) -> bool:
    """Constant time, and every accepted secret is compared (no early exit),
    so timing tells neither which one matched nor how much of one."""
    matched = False
    for secret in secrets:
        matched |= hmac.compare_digest(given, secret)
    return matched


async def _webhook(request: web.Request) -> web.Response:
    """Checked before anything is read: without an accepted secret (the
    current one, or the previous one during a rotation), 401 and the body
    stays unread."""
    given = request.headers.get(SECRET_HEADER, "").encode()
    if not _accepted(given, request.app[WEBHOOK_SECRETS]):
        log.warning("telegram webhook with a wrong secret from %s", request.remote)
        return web.Response(status=401)
    try:
        # The raw bytes, whatever the Content-Type's charset says (Telegram
        # sends UTF-8; a bogus charset must not reach a codec lookup).
        data = parse_json(await request.read())
    except MalformedJson:
        return web.Response(status=400)
    if not isinstance(data, dict):
        return web.Response(status=400)
    await request.app[TELEGRAM].handle_webhook(data)
    return web.Response()


def webhook_route(
    app: web.Application, runtime: TelegramRuntime, secret: str, previous: str | None = None
) -> None:
    """`secret` is the one registered with `setWebhook`; `previous`, when
    given, is accepted too (a rotation in progress). An empty secret would
    let requests without the header in, so it is refused here."""
    if not secret:
        raise ValueError("TELEGRAM_WEBHOOK_SECRET is empty")
    app[TELEGRAM] = runtime
    app[WEBHOOK_SECRETS] = tuple(s.encode() for s in (secret, previous) if s)
    app.router.add_post(WEBHOOK_PATH, _webhook)
