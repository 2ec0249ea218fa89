"""A real `python -m bot web` killed in the middle of a step (`os._exit` at a
crash point, as SIGKILL would): the Telegram update and the Stripe event it
was handling are delivered again to a restarted process, and each takes
effect exactly once."""

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy import select

from bot.ops.clock import FrozenClock
from bot.ops.faults import CRASH_EXIT_CODE
from conversations import Conversation, State
from storage.models import ConversationRow, OutboxRow
from tests.doubles.stripe_api import StripeDouble, sign
from tests.doubles.telegram_api import TelegramApiDouble
from tests.payments.conftest import WEBHOOK_SECRET, Payer
from tests.smtp_server import free_port

TOKEN = "123456789:AAHtest-token_for_the-double-0123456789"
SECRET = "crash-webhook-secret"
WAIT = 60.0


class Web:
    """One `web` process; `start` waits until it answers /healthz."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.env, self.cwd = env, cwd
        self.url = env["PUBLIC_URL"]
        self.process: asyncio.subprocess.Process | None = None

    async def start(self, crash_at: str | None = None) -> None:
        env = {k: v for k, v in self.env.items() if k != "BOT_CRASH_AT"}
        if crash_at:
            env["BOT_CRASH_AT"] = crash_at
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "web",
            env=env,
            cwd=self.cwd,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        async with aiohttp.ClientSession() as http:
            for _ in range(1200):
                try:
                    async with http.get(f"{self.url}/healthz") as response:
                        if response.status == 200:
                            return
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.05)
        raise AssertionError("web did not start")

    async def died(self) -> int:
        assert self.process is not None
        return await asyncio.wait_for(self.process.wait(), WAIT)

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()
            await asyncio.wait_for(self.process.wait(), WAIT)


def _env(database_url: str, tmp_path: Path, **extra: str) -> dict[str, str]:
    port = free_port()
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "PUBLIC_URL": f"http://127.0.0.1:{port}",
        "PORT": str(port),
        "MAIL_DIR": str(tmp_path / "mail"),
        "LOG_LEVEL": "WARNING",
        **extra,
    }


@pytest.fixture
async def telegram() -> AsyncIterator[TelegramApiDouble]:
    double = TelegramApiDouble(TOKEN)
    await double.start()
    yield double
    await double.stop()


async def _conversation(services_url: str, external_id: str) -> tuple[str, dict[str, object]]:
    from storage.db import make_engine, make_sessionmaker
    from storage.models import IdentityRow

    engine = make_engine(services_url)
    async with make_sessionmaker(engine)() as session:
        row = (
            await session.execute(
                select(ConversationRow.state, ConversationRow.data)
                .join(IdentityRow, IdentityRow.id == ConversationRow.identity_id)
                .where(IdentityRow.external_id == external_id)
            )
        ).one()
    await engine.dispose()
    return row[0], dict(row[1])


async def test_telegram_update_survives_a_crash_mid_step(
    database_url: str, tmp_path: Path, telegram: TelegramApiDouble
) -> None:
    web = Web(
        _env(
            database_url,
            tmp_path,
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_BASE=telegram.base_url,
            TELEGRAM_WEBHOOK_SECRET=SECRET,
            TELEGRAM_RATE_OVERALL="10000",
            TELEGRAM_RATE_PER_CHAT="10000",
            TELEGRAM_CHAT_BURST="10000",
        ),
        tmp_path,
    )
    telegram.add_user(42)
    await web.start()
    await telegram.say(42, "/start")
    await telegram.wait_for_messages(42, 2, within=WAIT)
    await web.stop()

    await web.start(crash_at="step-before-commit")
    buttons = telegram.messages_in(42)[-1].callback_data()
    english = next(data for data in buttons if data.endswith(":en"))
    update_id = await telegram.press(42, telegram.messages_in(42)[-1].message_id, english)
    assert await web.died() == CRASH_EXIT_CODE
    assert len(telegram.messages_in(42)) == 2  # nothing was said for the lost step
    state, _ = await _conversation(database_url, "42")
    assert state == State.LANGUAGE.value  # and nothing half-written

    await web.start()  # Telegram did not hear 200, so it delivers the update again
    await telegram.redeliver(update_id)
    await telegram.wait_for_messages(42, 3, within=WAIT)
    await telegram.redeliver(update_id)  # and once more: a duplicate now
    await telegram.webhook_answered()
    await web.stop()
    texts = [m.text for m in telegram.messages_in(42)]
    assert len(texts) == 3
    state, data = await _conversation(database_url, "42")
    assert state == State.NAME.value and Conversation.from_data(state, data).language == "en"


async def test_stripe_event_survives_a_crash_mid_webhook(
    payer: Payer,
    stripe_double: StripeDouble,
    database_url: str,
    tmp_path: Path,
    clock: FrozenClock,
) -> None:
    await payer.sign_up("en", "USD")
    await payer.work()
    event = stripe_double.complete(payer.session_id(), "card", brand="visa", last4="4242")
    body = json.dumps(event).encode()
    web = Web(
        _env(
            database_url,
            tmp_path,
            STRIPE_SECRET_KEY=stripe_double.api_key,
            STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET,
            STRIPE_API_BASE=stripe_double.base_url,
        ),
        tmp_path,
    )

    async def deliver() -> int:
        headers = {
            "Content-Type": "application/json",
            "Stripe-Signature": sign(body, WEBHOOK_SECRET),
        }
        async with (
            aiohttp.ClientSession() as http,
            http.post(f"{web.url}/stripe/webhook", data=body, headers=headers) as response,
        ):
            return response.status

    await web.start(crash_at="stripe-webhook-before-commit")
    with pytest.raises(aiohttp.ClientError):
        await deliver()
    assert await web.died() == CRASH_EXIT_CODE
    assert (await payer.profile()).status != "saved"

    await web.start()  # Stripe retries an event that got no answer
    assert await deliver() == 200
    assert await deliver() == 200  # a replay: acknowledged, ignored
    await web.stop()
    assert (await payer.profile()).status == "saved"
    clock.advance(datetime.now(UTC) - clock.now())  # the web process runs on real time
    shown = await payer.deliver()
    assert shown.count("onboarding-done") == 1
    async with payer.services.engine.sessions() as session:
        pending = await session.scalars(select(OutboxRow).where(OutboxRow.done_at.is_(None)))
        assert [row.kind for row in pending] == []
