"""The Bot API answering 500, or closing the connection, while queued chat
messages go out (the news that an email was confirmed): the worker retries
with backoff, and after recovery every message reaches the user exactly once
and in order."""

from collections.abc import AsyncIterator
from datetime import timedelta

import aiohttp
import pytest
from aiohttp import web

from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.services import open_services
from tests.bot.telegram_harness import TOKEN, TelegramHarness, running_bot, telegram_settings
from tests.doubles.telegram_api import TelegramApiDouble
from tests.transcripts.mailbox import newest_token
from tests.transcripts.script import Press, Say

USER = 4242


class FlakyTelegram(TelegramApiDouble):
    """The double, with an outage: the next calls of a method fail as told."""

    def __init__(self) -> None:
        super().__init__(TOKEN)
        self.outage: list[tuple[str, str]] = []  # (method, "500" | "close")

    async def _serve(self, request: web.Request) -> web.Response:
        method = request.match_info["method"].lower()
        if self.outage and self.outage[0][0] == method:
            _, how = self.outage.pop(0)
            if how == "close":
                assert request.transport is not None
                request.transport.close()
                return web.Response(status=500)
            return web.json_response(
                {"ok": False, "error_code": 500, "description": "Internal Server Error"},
                status=500,
            )
        return await super()._serve(request)


@pytest.fixture
async def flaky() -> AsyncIterator[FlakyTelegram]:
    double = FlakyTelegram()
    await double.start()
    yield double
    await double.stop()


async def test_queued_messages_survive_an_outage(
    settings: Settings, clock: FrozenClock, flaky: FlakyTelegram
) -> None:
    services = open_services(telegram_settings(settings, flaky, "aiogram"), clock=clock)
    flaky.add_user(USER)
    try:
        async with running_bot(services, flaky, "webhook") as running:
            user = TelegramHarness(services, flaky, running, USER)
            for action in [Say("/start"), Press("en"), Say("Acme Labs"), Say("ann@acme.com")]:
                await user.act(action)
            for action in [Press("EUR"), Press("save")]:
                await user.act(action)
            await services.worker.drain_once()  # the confirmation email
            before = len(flaky.messages_in(USER))

            flaky.outage = [("sendmessage", "500"), ("sendmessage", "close")] * 2
            link = f"{running.web_url}/confirm/{newest_token(services.settings.mail_dir)}"
            async with aiohttp.ClientSession() as http, http.post(link) as response:
                assert response.status == 200
            for _ in range(12):  # the worker's rounds, an hour apart: backoff has passed
                await services.worker.drain_once()
                clock.advance(timedelta(hours=1))
            assert flaky.outage == []  # the outage happened, and is over

            arrived = [user.message_id(m) for m in flaky.messages_in(USER)[before:]]
            assert arrived[0] == "email-confirmed"
            # Payments are not set up here: confirmed means done.
            assert arrived[-1] == "onboarding-ready-no-payment"
            assert len(arrived) == len(set(arrived))  # each exactly once, in order
            await services.worker.drain_once()
            assert len(flaky.messages_in(USER)) == before + len(arrived)
    finally:
        await services.close()
