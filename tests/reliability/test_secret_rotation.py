"""Stripe and Slack signing secrets and the Telegram webhook secret rotate
without downtime: while `*_PREVIOUS` holds the secret being retired,
requests signed with (or carrying) either the new or the old one are
accepted; with neither, refused; once the previous one is removed from the
settings, it is refused too."""

import json
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from pydantic import SecretStr
from slack_sdk.signature import SignatureVerifier

from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.services import open_services
from bot.web import build_app
from tests.doubles.stripe_api import StripeDouble, sign
from tests.doubles.telegram_api import TelegramApiDouble
from tests.reliability.test_web_crashes import Web
from tests.smtp_server import free_port

NEW, OLD, WRONG = "secret-new-0123456789", "secret-old-0123456789", "secret-wrong-0123456789"
TELEGRAM_TOKEN = "123456789:AAHtest-token_for_the-double-0123456789"
TELEGRAM_USER = 4242


@asynccontextmanager
async def serving(settings: Settings, clock: FrozenClock) -> AsyncIterator[str]:
    services = open_services(settings, clock=clock)
    runner = web.AppRunner(build_app(services.engine, services.translator, services.stripe_webhook))
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()
        await services.close()


async def _statuses(url: str, attempts: list[tuple[bytes, dict[str, str]]]) -> list[int]:
    found = []
    async with aiohttp.ClientSession() as http:
        for body, headers in attempts:
            async with http.post(url, data=body, headers=headers) as response:
                found.append(response.status)
    return found


async def test_stripe_accepts_the_current_and_the_previous_secret(
    settings: Settings, clock: FrozenClock
) -> None:
    double = StripeDouble(now=lambda: clock.now().timestamp())
    await double.start()
    counter = iter(range(100))

    def event() -> bytes:
        # A type nothing handles: accepted means 200, and nothing else happens.
        data = {"id": f"evt_rot_{next(counter)}", "object": "event", "type": "customer.created"}
        return json.dumps({**data, "data": {"object": {"id": "cus_1"}}}).encode()

    def signed(secret: str) -> tuple[bytes, dict[str, str]]:
        body = event()
        return body, {"Stripe-Signature": sign(body, secret), "Content-Type": "application/json"}

    base = settings.model_copy(
        update={
            "stripe_secret_key": SecretStr(double.api_key),
            "stripe_api_base": double.base_url,
            "stripe_webhook_secret": SecretStr(NEW),
        }
    )
    rotating = base.model_copy(update={"stripe_webhook_secret_previous": SecretStr(OLD)})
    try:
        async with serving(rotating, clock) as url:
            hook = f"{url}/stripe/webhook"
            assert await _statuses(hook, [signed(NEW), signed(OLD), signed(WRONG)]) == [
                200,
                200,
                400,
            ]
        async with serving(base, clock) as url:
            hook = f"{url}/stripe/webhook"
            assert await _statuses(hook, [signed(NEW), signed(OLD)]) == [200, 400]
    finally:
        await double.stop()


async def test_slack_accepts_the_current_and_the_previous_secret(
    settings: Settings, clock: FrozenClock
) -> None:
    challenge = "rotate-\u00e9"
    body = json.dumps({"type": "url_verification", "challenge": challenge}).encode()

    def signed(secret: str) -> tuple[bytes, dict[str, str]]:
        stamp = str(int(time.time()))
        signature = SignatureVerifier(secret).generate_signature(
            timestamp=stamp, body=body.decode()
        )
        return body, {
            "Content-Type": "application/json",
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": str(signature),
        }

    base = settings.model_copy(
        update={
            "slack_bot_token": SecretStr("xoxb-rotation"),
            "slack_signing_secret": SecretStr(NEW),
            "slack_api_base": "http://127.0.0.1:9/api/",  # never called here
        }
    )
    rotating = base.model_copy(update={"slack_signing_secret_previous": SecretStr(OLD)})
    async with serving(rotating, clock) as url, aiohttp.ClientSession() as http:
        for secret, expected in ((NEW, 200), (OLD, 200), (WRONG, 401)):
            sent, headers = signed(secret)
            async with http.post(f"{url}/slack/events", data=sent, headers=headers) as response:
                assert response.status == expected, secret
                if expected == 200:
                    assert (await response.json())["challenge"] == challenge
    async with serving(base, clock) as url:
        assert await _statuses(f"{url}/slack/events", [signed(NEW), signed(OLD)]) == [200, 401]


def test_settings_list_the_accepted_secrets(settings: Settings) -> None:
    assert settings.stripe_webhook_secrets == () and settings.slack_signing_secrets == ()
    rotating = settings.model_copy(
        update={
            "stripe_webhook_secret": SecretStr(NEW),
            "stripe_webhook_secret_previous": SecretStr(OLD),
            "slack_signing_secret": SecretStr(NEW),
            "slack_signing_secret_previous": SecretStr(""),
        }
    )
    assert rotating.stripe_webhook_secrets == (NEW, OLD)
    assert rotating.slack_signing_secrets == (NEW,)
    assert OLD not in repr(rotating) and NEW not in repr(rotating)


# The check runs before either library sees the request; the database plays no part.
@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_telegram_webhook_accepts_the_current_and_the_previous_secret(
    settings: Settings, tmp_path: Path
) -> None:
    """A real `python -m bot web` during a rotation: it registers the new
    secret; deliveries with the new one and with the old one (Telegram still
    using what a not yet restarted replica registered) are both handled; any
    other secret, or none, is 401 with the body unread. Once `_PREVIOUS` is
    gone, the old secret is refused too."""
    double = TelegramApiDouble(TELEGRAM_TOKEN)
    await double.start()
    double.add_user(TELEGRAM_USER, language_code="en")
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "MAIL_DIR": str(settings.mail_dir),
        "PORT": str(port),
        "PUBLIC_URL": f"http://127.0.0.1:{port}",
        "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": NEW,
        "TELEGRAM_WEBHOOK_SECRET_PREVIOUS": OLD,
        "TELEGRAM_LIBRARY": "ptb",
        "TELEGRAM_API_BASE": double.base_url,
    }
    hook = f"http://127.0.0.1:{port}/telegram/webhook"
    rotating = Web(env, tmp_path)
    try:
        await rotating.start()
        assert double.webhook == (hook, NEW)
        await double.say(TELEGRAM_USER, "/start")
        await double.wait_for_messages(TELEGRAM_USER, 2)
        double.webhook = (hook, OLD)
        await double.say(TELEGRAM_USER, "/help")
        await double.wait_for_messages(TELEGRAM_USER, 3)
        await double.webhook_answered()
        assert [status for _, status in double.webhook_statuses] == [200, 200]
        # Anything else: 401 before the body is read (garbage is not a 400).
        garbage = b"{not json"
        refused = [
            (garbage, {}),
            (garbage, {"X-Telegram-Bot-Api-Secret-Token": WRONG}),
            (garbage, {"X-Telegram-Bot-Api-Secret-Token": NEW[:-1]}),
            (garbage, {"X-Telegram-Bot-Api-Secret-Token": f"{OLD}x"}),
            (garbage, {"X-Telegram-Bot-Api-Secret-Token": ""}),
        ]
        assert await _statuses(hook, refused) == [401] * len(refused)
        assert await _statuses(hook, [(garbage, {"X-Telegram-Bot-Api-Secret-Token": OLD})]) == [400]
        await rotating.stop()
        # The rotation is over: only the new secret.
        done = Web({k: v for k, v in env.items() if not k.endswith("_PREVIOUS")}, tmp_path)
        await done.start()
        try:
            assert double.webhook == (hook, NEW)
            old, new = ({"X-Telegram-Bot-Api-Secret-Token": s} for s in (OLD, NEW))
            assert await _statuses(hook, [(garbage, old), (garbage, new)]) == [401, 400]
        finally:
            await done.stop()
    finally:
        await rotating.stop()
        await double.stop()
    assert len(double.messages_in(TELEGRAM_USER)) == 3
