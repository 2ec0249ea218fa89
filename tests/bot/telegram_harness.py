"""Runs the real Telegram channel (aiogram or PTB, polling or webhook) against
the Bot API double, and plays transcript actions as a Telegram user."""

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
from aiohttp import web
from pydantic import SecretStr

from bot.channels.telegram.common import button_text, decode_callback
from bot.channels.telegram.runtime import TelegramRuntime, open_telegram, webhook_route
from bot.config import Settings
from bot.services import Services
from bot.text.render import RenderedMessage
from bot.web import build_app
from tests.doubles.telegram_api import BotMessage, TelegramApiDouble
from tests.transcripts.mailbox import join_by_link, newest_token
from tests.transcripts.script import Action, JoinLink, OpenLink, Press, Say

TOKEN = "123456789:AAHtest-token_for_the-double-0123456789"
SECRET = "webhook-secret_for-tests"
COMBOS = [(lib, mode) for lib in ("aiogram", "ptb") for mode in ("polling", "webhook")]
# How long an update may take before the test calls it lost. A bound for a
# hang, not a speed claim: 300 users at once on a core shared with the other
# xdist worker's processes take longer than 20 s between two updates.
WAIT = 60.0


def telegram_settings(
    settings: Settings, double: TelegramApiDouble, library: str, **changes: Any
) -> Settings:
    """Telegram on, pointed at the double. Limits are lifted unless a test
    sets them: the limiter has tests of its own."""
    values: dict[str, Any] = {
        "telegram_bot_token": SecretStr(TOKEN),
        "telegram_library": library,
        "telegram_api_base": double.base_url,
        "telegram_webhook_secret": SecretStr(SECRET),
        "telegram_poll_timeout": 1,
        "telegram_rate_per_chat": 10_000.0,
        "telegram_chat_burst": 10_000,
        "telegram_group_per_minute": 600_000.0,
        "telegram_rate_overall": 10_000.0,
        **changes,
    }
    return settings.model_copy(update=values)


class Running:
    """The bot running, with the two test hooks: which message id each sent
    text was rendered from, and how often each update has been handled."""

    runtime: TelegramRuntime
    web_url: str

    def __init__(self) -> None:
        self.rendered: dict[tuple[int, int], RenderedMessage] = {}
        self.processed: Counter[int] = Counter()
        self.order: list[int] = []
        self._waiters: list[tuple[int, int, asyncio.Future[None]]] = []

    def on_sent(self, chat_id: int, message_id: int, message: RenderedMessage) -> None:
        self.rendered[(chat_id, message_id)] = message

    def on_processed(self, update_id: int) -> None:
        self.processed[update_id] += 1
        self.order.append(update_id)
        for wanted, times, future in self._waiters:
            if self.processed[wanted] >= times and not future.done():
                future.set_result(None)

    async def handled(self, update_id: int, times: int = 1) -> None:
        """Wait until the bot is done with this update (`times` deliveries)."""
        if self.processed[update_id] >= times:
            return
        future = asyncio.get_running_loop().create_future()
        self._waiters.append((update_id, times, future))
        await asyncio.wait_for(future, WAIT)


@asynccontextmanager
async def running_bot(
    services: Services, double: TelegramApiDouble, mode: str
) -> AsyncIterator[Running]:
    """The bot as `python -m bot telegram` (polling) or `python -m bot web`
    (webhook) runs it, in this process, with hooks to know when an update is
    done and which message id each sent text was rendered from."""
    running = Running()
    runtime = open_telegram(services, on_sent=running.on_sent, on_processed=running.on_processed)
    running.runtime = runtime
    app = build_app(services.engine, services.translator)
    webhook_route(app, runtime, SECRET)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    web_url = running.web_url = f"http://127.0.0.1:{runner.addresses[0][1]}"
    stop = asyncio.Event()
    polling: asyncio.Task[None] | None = None
    try:
        await runtime.start()
        if mode == "webhook":
            await runtime.register_webhook(web_url, SECRET)
        else:
            polling = asyncio.create_task(runtime.run_polling(stop, 1))
        yield running
    finally:
        stop.set()
        if polling is not None:
            await polling
        await runner.cleanup()
        await runtime.close()


class TelegramHarness:
    """Plays Say/Press/OpenLink as user `user_id`; returns the message ids of
    what reached the double, each checked against the text it was rendered to."""

    def __init__(
        self, services: Services, double: TelegramApiDouble, running: Running, user_id: int
    ) -> None:
        self.services = services
        self.double = double
        self.running = running
        self.user_id = user_id

    def _live_button(self, value: str) -> tuple[BotMessage, str] | None:
        """The button on the newest keyboard still on screen (older keyboards
        are stale, and the stale-button test presses those on purpose)."""
        for message in reversed(self.double.messages_in(self.user_id)):
            if message.callback_data():
                for data in message.callback_data():
                    decoded = decode_callback(data)
                    if decoded is not None and decoded[1] == value:
                        return message, data
                return None
        return None

    def _newest_token(self) -> str:
        for method, params in reversed(self.double.calls):
            markup = params.get("reply_markup") or {}
            if method == "sendmessage" and int(params["chat_id"]) == self.user_id:
                for row in markup.get("inline_keyboard", []):
                    for button in row:
                        decoded = decode_callback(button.get("callback_data"))
                        if decoded is not None:
                            return decoded[0]
        return "none"

    async def press(self, value: str) -> None:
        found = self._live_button(value)
        if found is not None:
            message, data = found
            update_id = await self.double.press(self.user_id, message.message_id, data)
        else:
            # No such button on screen: a modified client replays the newest
            # keyboard's token with this value (the console's "any option").
            newest = self.double.messages_in(self.user_id)[-1]
            data = f"k:{self._newest_token()}:{value}"
            update_id = await self.double.press(self.user_id, newest.message_id, data, forged=True)
        await self.running.handled(update_id)

    async def open_link(self) -> None:
        token = newest_token(self.services.settings.mail_dir)
        url = f"{self.running.web_url}/confirm/{token}"
        async with aiohttp.ClientSession() as http, http.post(url) as response:
            assert response.status == 200, await response.text()

    async def act(self, action: Action) -> list[str]:
        before = len(self.double.messages_in(self.user_id))
        if isinstance(action, Say):
            await self.running.handled(await self.double.say(self.user_id, action.text))
        elif isinstance(action, Press):
            await self.press(action.value)
        elif isinstance(action, OpenLink):
            await self.open_link()
        elif isinstance(action, JoinLink):
            await join_by_link(self.running.web_url, self.services.settings.mail_dir)
        # The outbox worker's turn: confirmation emails, messages from elsewhere.
        await self.services.worker.drain_once()
        return [self.message_id(m) for m in self.double.messages_in(self.user_id)[before:]]

    async def act_all(self, texts: list[str]) -> list[str]:
        """Say each text in turn; the message ids answered to all of them."""
        seen: list[str] = []
        for said in texts:
            seen += await self.act(Say(said))
        return seen

    def message_id(self, message: BotMessage) -> str:
        rendered = self.running.rendered[(message.chat_id, message.message_id)]
        assert message.text == rendered.text, "what the user sees differs from the rendering"
        rows = (message.markup or {}).get("inline_keyboard", [])
        labels = [b["text"] for row in rows for b in row]
        choices = [button_text(b) for b in rendered.buttons if b.url is None]
        assert labels == choices + [b.label for b in rendered.buttons if b.url is not None]
        return rendered.message_id
