"""`python -m bot telegram` as a real process against the Bot API double: a
user goes through the whole flow, on either library; the token stays out of
its output; and the other commands never import a Telegram library."""

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from bot.channels.telegram.common import decode_callback
from bot.config import Settings
from bot.services import open_services
from bot.web import build_app
from tests.bot.telegram_harness import SECRET, TOKEN
from tests.doubles.telegram_api import TelegramApiDouble
from tests.ports import free_port
from tests.transcripts.mailbox import wait_for_token

ROOT = Path(__file__).resolve().parents[2]
USER = 5150


@pytest.fixture
def backend() -> str:
    return "sqlite"


@pytest.fixture
async def double() -> AsyncIterator[TelegramApiDouble]:
    api = TelegramApiDouble(TOKEN)
    await api.start()
    yield api
    await api.stop()


@pytest.fixture
async def confirm_url(settings: Settings) -> AsyncIterator[str]:
    """The confirmation pages on the same database, as `python -m bot web` serves them."""
    services = open_services(settings)
    runner = web.AppRunner(build_app(services.engine, services.translator))
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}/confirm"
    await runner.cleanup()
    await services.close()


async def _press(double: TelegramApiDouble, value: str) -> None:
    message = next(m for m in reversed(double.messages_in(USER)) if m.callback_data())
    data = next(d for d in message.callback_data() if (decode_callback(d) or ("", ""))[1] == value)
    await double.press(USER, message.message_id, data)


@pytest.mark.parametrize("library", ["aiogram", "ptb"])
async def test_a_user_goes_through_the_whole_flow(
    library: str, settings: Settings, double: TelegramApiDouble, confirm_url: str
) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "MAIL_DIR": str(settings.mail_dir),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
        "TELEGRAM_LIBRARY": library,
        "TELEGRAM_API_BASE": double.base_url,
        "TELEGRAM_POLL_TIMEOUT": "1",
        "WORKER_POLL_INTERVAL": "0.1",
        "TELEGRAM_RATE_PER_CHAT": "50",  # the real 1/s would make this test 7 s longer
        "LOG_LEVEL": "DEBUG",
        "PYTHONUNBUFFERED": "1",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "telegram",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
        cwd=settings.mail_dir.parent,
    )
    double.add_user(USER, language_code="it")
    translator = open_services(settings).translator
    try:
        assert process.stdout is not None
        line = await asyncio.wait_for(process.stdout.readline(), 60)
        assert line.decode().strip() == "polling as @proficonf_test_bot"
        steps: list[tuple[str, str, int]] = [
            ("say", "/start", 2),
            ("press", "en", 3),
            ("say", "Acme Labs", 4),
            ("say", "alice@acme.com", 5),
            ("press", "EUR", 6),
            ("press", "save", 7),
        ]
        for kind, what, count in steps:
            if kind == "say":
                await double.say(USER, what)
            else:
                await _press(double, what)
            await double.wait_for_messages(USER, count)
        # The process's own worker writes the email after the reply; on a busy
        # machine that can be a moment later.
        token = await wait_for_token(settings.mail_dir)
        async with aiohttp.ClientSession() as http, http.post(f"{confirm_url}/{token}") as page:
            assert page.status == 200
        await double.wait_for_messages(USER, 10)
        texts = [m.text for m in double.messages_in(USER)]
        assert texts[0] == translator.format("it", "onboarding-welcome")
        credit = {"amount_minor": 2500, "amount_currency": "USD", "domain": "acme.com"}
        assert texts[7:] == [
            translator.format("en", "email-confirmed"),
            translator.format("en", "credit-granted", credit),
            translator.format(
                "en", "onboarding-ready-no-payment", {"email": settings.support_email}
            ),
        ]
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, err.decode()
    for secret in (TOKEN, SECRET, TOKEN.split(":")[1]):
        assert secret not in out.decode() + err.decode()


async def test_other_commands_do_not_import_a_telegram_library() -> None:
    code = (
        "import sys; import bot.cli, bot.services, bot.channels.console, bot.web; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('aiogram', 'telegram')))"
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", code, stdout=asyncio.subprocess.PIPE, cwd=ROOT
    )
    out, _ = await process.communicate()
    assert out.decode().strip() == "[]"


async def test_web_takes_the_webhook(settings: Settings, double: TelegramApiDouble) -> None:
    """`python -m bot web` registers its webhook with the secret and answers
    the updates Telegram posts to it."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "MAIL_DIR": str(settings.mail_dir),
        "PORT": str(port),
        "PUBLIC_URL": f"http://127.0.0.1:{port}",
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
        "TELEGRAM_LIBRARY": "ptb",
        "TELEGRAM_API_BASE": double.base_url,
        "PYTHONUNBUFFERED": "1",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "web",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
        cwd=settings.mail_dir.parent,
    )
    double.add_user(USER, language_code="es")
    try:
        assert process.stdout is not None
        line = await asyncio.wait_for(process.stdout.readline(), 60)
        assert line.decode().startswith("listening on")
        assert double.webhook == (f"http://127.0.0.1:{port}/telegram/webhook", SECRET)
        await double.say(USER, "/start")
        await double.wait_for_messages(USER, 2)
        translator = open_services(settings).translator
        assert [m.text for m in double.messages_in(USER)] == [
            translator.format("es", "onboarding-welcome"),
            translator.format("es", "onboarding-ask-language"),
        ]
        await double.webhook_answered()
        assert double.webhook_statuses == [(double.delivered_updates[0]["update_id"], 200)]
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, err.decode()
    assert TOKEN not in out.decode() + err.decode()
