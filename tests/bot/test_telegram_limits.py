"""Outbound limits: the limiter's arithmetic on a virtual clock, then the real
libraries against the double answering 429, and 300 users at once."""

import asyncio
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

from bot.channels.telegram.limits import Limits, SendLimiter
from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.services import Services, open_services
from tests.bot.telegram_harness import (
    TOKEN,
    Running,
    TelegramHarness,
    running_bot,
    telegram_settings,
)
from tests.doubles.telegram_api import TelegramApiDouble

LIBRARIES = ("aiogram", "ptb")


class VirtualTime:
    """The limiter's clock for sequential sends: a wait moves time forward."""

    def __init__(self) -> None:
        self.now = 0.0

    async def sleep(self, seconds: float) -> None:
        self.now += seconds

    async def acquire(self, limiter: SendLimiter, chat_id: int | None) -> float:
        await limiter.acquire(chat_id)
        return self.now


def limiter(time: VirtualTime, **changes: Any) -> SendLimiter:
    return SendLimiter(Limits(**changes), now=lambda: time.now, sleep=time.sleep)


async def test_one_message_a_second_per_chat_after_a_short_burst() -> None:
    time = VirtualTime()
    limits = limiter(time)
    at = [await time.acquire(limits, 1) for _ in range(6)]
    # The burst goes out at once (spaced only by the overall 1/30 s).
    assert at == pytest.approx([0, 0, 0, 1, 2, 3], abs=0.07)
    assert await time.acquire(limits, 2) == pytest.approx(3, abs=0.04)  # no chat wait


async def test_twenty_a_minute_per_group() -> None:
    time = VirtualTime()
    limits = limiter(time)
    at = [await time.acquire(limits, -100) for _ in range(25)]
    assert at[:3] == pytest.approx([0, 0, 0], abs=0.07)
    assert at[22] == pytest.approx(60.0)  # 3 at once, then 20 more in a minute
    assert at[24] - at[23] == pytest.approx(3.0)


async def test_thirty_a_second_overall() -> None:
    time = VirtualTime()
    limits = limiter(time)
    at = [await time.acquire(limits, chat) for chat in range(1, 91)]
    slack = Limits().overall_slack
    # Evenly spaced at 30/s, and never more than 30 within a second and the
    # slack (room for jitter on the way to Telegram): 90 sends take 3 windows.
    assert all(b - a >= 1 / 30 - 1e-9 for a, b in itertools.pairwise(at))
    assert at[89] == pytest.approx(89 / 30 + 2 * slack)
    for start in range(len(at) - 30):
        assert at[start + 30] - at[start] >= 1.0 + slack - 1e-9


async def test_a_429_holds_the_chat_for_retry_after() -> None:
    time = VirtualTime()
    limits = limiter(time)
    await time.acquire(limits, 1)
    limits.hold(1, 5)
    assert await time.acquire(limits, 1) == pytest.approx(5.0, abs=0.04)


async def test_a_waiting_chat_does_not_hold_up_the_others() -> None:
    limits = SendLimiter(Limits(per_chat=50.0, chat_burst=1))
    slow = [asyncio.create_task(limits.acquire(1)) for _ in range(10)]  # 0.18 s of waiting
    await limits.acquire(2)
    assert not all(task.done() for task in slow)
    await asyncio.gather(*slow)


@pytest.fixture
def backend() -> str:
    return "sqlite"


@pytest.fixture
async def double() -> AsyncIterator[TelegramApiDouble]:
    api = TelegramApiDouble(TOKEN)
    await api.start()
    yield api
    await api.stop()


@asynccontextmanager
async def bot(
    settings: Settings, clock: FrozenClock, double: TelegramApiDouble, library: str, **limits: Any
) -> AsyncIterator[tuple[Services, Running]]:
    services = open_services(telegram_settings(settings, double, library, **limits), clock=clock)
    try:
        async with running_bot(services, double, "polling") as running:
            yield services, running
    finally:
        await services.close()


@pytest.mark.parametrize("library", LIBRARIES)
async def test_a_429_is_waited_out_and_the_message_sent_again(
    library: str, settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    double.add_user(1)
    async with bot(settings, clock, double, library) as (services, running):
        double.flood_next("sendMessage", retry_after=1)
        harness = TelegramHarness(services, double, running, 1)
        assert await harness.act_all(["/start"]) == [
            "onboarding-welcome",
            "onboarding-ask-language",
        ]
        assert double.flood_answers == 1
        first_try = next(i for i, (m, _) in enumerate(double.calls) if m == "sendmessage")
        assert double.calls[first_try][1] == double.calls[first_try + 1][1]  # the same, again


@pytest.mark.parametrize("library", LIBRARIES)
async def test_three_hundred_users_at_once(
    library: str, settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    """Every user gets both answers, in order, nobody sees a 429, and the
    overall rate holds. The overall limit is raised from Telegram's 30/s to
    200/s here to keep the test short; per chat the real 1/s with a burst of 3."""
    users = range(1, 301)
    for user in users:
        double.add_user(user)
    double.flood_every("sendMessage", 97, retry_after=1)
    limits = {
        "telegram_rate_overall": 200.0,
        "telegram_rate_per_chat": 1.0,
        "telegram_chat_burst": 3,
    }
    async with bot(settings, clock, double, library, **limits) as (services, running):
        update_ids = [await double.say(user, "/start") for user in users]
        for update_id in update_ids:
            await running.handled(update_id)
        for user in users:
            harness = TelegramHarness(services, double, running, user)
            said = [harness.message_id(m) for m in double.messages_in(user)]
            assert said == ["onboarding-welcome", "onboarding-ask-language"], user
    assert double.flood_answers >= 5
    sent = sorted(m.sent_at for m in double.bot_messages)
    assert len(sent) == 600
    # 200/s: 600 sends take at least 3 s (a busy machine only makes it longer),
    # and never come in a lump (timestamps at the double: allow for jitter).
    assert sent[-1] - sent[0] >= 599 / 200 - 0.05
    for start in range(len(sent) - 202):
        assert sent[start + 202] - sent[start] >= 0.5
