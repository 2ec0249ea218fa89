"""The transcript suite on Telegram: both libraries, polling and webhook, on
SQLite; one combination also on PostgreSQL."""

from collections.abc import AsyncIterator

import pytest

from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.services import open_services
from tests.bot.telegram_harness import COMBOS, TelegramHarness, running_bot, telegram_settings
from tests.doubles.telegram_api import TelegramApiDouble
from tests.transcripts.script import SCRIPTS

USER = 4242


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
async def double() -> AsyncIterator[TelegramApiDouble]:
    api = TelegramApiDouble("123456789:AAHtest-token_for_the-double-0123456789")
    await api.start()
    yield api
    await api.stop()


async def _play(
    settings: Settings,
    clock: FrozenClock,
    double: TelegramApiDouble,
    library: str,
    mode: str,
    name: str,
) -> None:
    services = open_services(telegram_settings(settings, double, library), clock=clock)
    double.add_user(USER, language_code="en")
    try:
        async with running_bot(services, double, mode) as running:
            harness = TelegramHarness(services, double, running, USER)
            for number, (action, expected) in enumerate(SCRIPTS[name], 1):
                seen = await harness.act(action)
                assert tuple(seen) == expected, f"turn {number}: {action}"
    finally:
        await services.close()


@pytest.mark.parametrize(("library", "mode"), COMBOS)
@pytest.mark.parametrize("name", sorted(SCRIPTS))
async def test_transcript(
    name: str,
    library: str,
    mode: str,
    settings: Settings,
    clock: FrozenClock,
    double: TelegramApiDouble,
) -> None:
    await _play(settings, clock, double, library, mode, name)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
@pytest.mark.parametrize("name", sorted(SCRIPTS))
async def test_transcript_on_postgresql(
    name: str, settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    await _play(settings, clock, double, "aiogram", "polling", name)
