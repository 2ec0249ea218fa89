"""`python -m bot telegram` (long polling) killed while an update it has
fetched is not handled yet: Telegram still holds the update (no later
getUpdates offset confirmed it), so the restarted process handles it, once.
Both libraries: each drives getUpdates through our own loop and dispatches
through its own `feed_update` / `process_update`."""

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.config import Settings
from bot.ops.faults import CRASH_EXIT_CODE
from bot.services import open_services
from storage.db import make_engine
from tests.bot.telegram_harness import TOKEN
from tests.doubles.telegram_api import TelegramApiDouble

USER = 6060
WAIT = 120.0
LIBRARIES = ("aiogram", "ptb")


@pytest.fixture
async def double() -> AsyncIterator[TelegramApiDouble]:
    api = TelegramApiDouble(TOKEN)
    await api.start()
    yield api
    await api.stop()


class Polling:
    """One `python -m bot telegram` child process."""

    def __init__(self, settings: Settings, double: TelegramApiDouble, library: str) -> None:
        self.env = {
            **os.environ,
            "DATABASE_URL": settings.database_url,
            "MAIL_DIR": str(settings.mail_dir),
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_LIBRARY": library,
            "TELEGRAM_API_BASE": double.base_url,
            "TELEGRAM_POLL_TIMEOUT": "1",
            "TELEGRAM_RATE_PER_CHAT": "50",
            "PYTHONUNBUFFERED": "1",
        }
        self.cwd: Path = settings.mail_dir.parent
        self.process: asyncio.subprocess.Process | None = None

    async def start(self, crash_at: str | None = None) -> None:
        env = {k: v for k, v in self.env.items() if k != "BOT_CRASH_AT"}
        if crash_at is not None:
            env["BOT_CRASH_AT"] = crash_at
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "telegram",
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
            env=env,
            cwd=self.cwd,
        )
        assert self.process.stdout is not None
        line = await asyncio.wait_for(self.process.stdout.readline(), WAIT)
        assert line.decode().startswith("polling as"), line

    async def exited(self) -> int:
        assert self.process is not None
        return await asyncio.wait_for(self.process.wait(), WAIT)

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(self.process.wait(), WAIT)


def _polled_again_after(double: TelegramApiDouble, update_id: int) -> bool:
    """The bot fetched `update_id` and has asked Telegram for updates since:
    the moment an eager loop would have confirmed it."""
    fetched = [i for i, (_, ids) in enumerate(double.polls) if update_id in ids]
    return bool(fetched) and len(double.polls) > fetched[0] + 1


def _confirmed(double: TelegramApiDouble, update_id: int) -> bool:
    return any(offset > update_id for offset, _ in double.polls)


def _texts(double: TelegramApiDouble) -> list[str]:
    return [m.text for m in double.messages_in(USER)]


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
@pytest.mark.parametrize("library", LIBRARIES)
async def test_sigkilled_while_an_update_waits_its_turn(
    library: str, settings: Settings, double: TelegramApiDouble
) -> None:
    """The conversation is locked by someone else (another process's step),
    so the update waits while polling goes on; then SIGKILL. Nothing confirmed
    it, so the next process gets it again and answers it once."""
    translator = open_services(settings).translator
    double.add_user(USER, language_code="es")
    bot = Polling(settings, double, library)
    engine = make_engine(settings.database_url)
    try:
        await bot.start()
        await double.say(USER, "/start")
        await double.wait_for_messages(USER, 2, within=WAIT)
        async with engine.connect() as holder:
            await holder.execute(text("SELECT id FROM conversations FOR UPDATE"))
            update_id = await double.say(USER, "/help")
            await double.wait_until(lambda: _polled_again_after(double, update_id), WAIT)
            assert not _confirmed(double, update_id)
            assert bot.process is not None
            bot.process.send_signal(signal.SIGKILL)
            assert await bot.exited() == -signal.SIGKILL
            await holder.rollback()
        assert len(double.messages_in(USER)) == 2  # nothing answered the lost step
        await bot.start()
        await double.wait_for_messages(USER, 3, within=WAIT)
        await double.wait_until(lambda: _confirmed(double, update_id), WAIT)
    finally:
        await bot.stop()
        await engine.dispose()
    help_text = translator.format("es", "help-text")
    assert _texts(double)[2:] == [help_text]
    assert bot.process is not None and bot.process.returncode == 0


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.parametrize("library", LIBRARIES)
async def test_crash_inside_the_step_of_a_polled_update(
    library: str, settings: Settings, double: TelegramApiDouble
) -> None:
    """`os._exit` inside the step's transaction (crash point
    `step-before-commit`): the update was fetched, never confirmed; the
    restarted process handles it once."""
    translator = open_services(settings).translator
    double.add_user(USER, language_code="it")
    bot = Polling(settings, double, library)
    try:
        await bot.start(crash_at="step-before-commit")
        update_id = await double.say(USER, "/start")
        assert await bot.exited() == CRASH_EXIT_CODE
        assert not _confirmed(double, update_id)
        assert double.messages_in(USER) == []
        await bot.start()
        await double.wait_for_messages(USER, 2, within=WAIT)
        await double.wait_until(lambda: _confirmed(double, update_id), WAIT)
    finally:
        await bot.stop()
    assert _texts(double) == [
        translator.format("it", "onboarding-welcome"),
        translator.format("it", "onboarding-ask-language"),
    ]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
@pytest.mark.parametrize("library", LIBRARIES)
async def test_crash_after_the_step_before_its_answer_is_sent(
    library: str, settings: Settings, double: TelegramApiDouble
) -> None:
    """`os._exit` after the step committed but before its replies went out
    (crash point `telegram-before-replies`): the update comes again, is a
    duplicate for the engine, and the answer it owes is sent then, once."""
    translator = open_services(settings).translator
    double.add_user(USER, language_code="pt")
    bot = Polling(settings, double, library)
    try:
        await bot.start()
        await double.say(USER, "/start")
        await double.wait_for_messages(USER, 2, within=WAIT)
        await bot.stop()
        await bot.start(crash_at="telegram-before-replies")
        update_id = await double.say(USER, "/help")
        assert await bot.exited() == CRASH_EXIT_CODE
        assert not _confirmed(double, update_id)
        assert len(double.messages_in(USER)) == 2
        await bot.start()
        await double.wait_for_messages(USER, 3, within=WAIT)
        await double.wait_until(lambda: _confirmed(double, update_id), WAIT)
        await double.say(USER, "/status")  # the next update: nothing more is owed
        await double.wait_for_messages(USER, 4, within=WAIT)
    finally:
        await bot.stop()
    texts = _texts(double)
    assert texts[2] == translator.format("pt-BR", "help-text")
    assert texts.count(texts[2]) == 1
