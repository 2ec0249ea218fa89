"""The fuzz of test_http_fuzz.py with every integration configured (Telegram
webhook, Slack, Stripe, each pointed at its loopback double; the internal
credit API with its token), and hostile bodies that carry VALID
authentication: the right Telegram secret header, correctly signed Slack and
Stripe requests, the internal bearer token with an idempotency key. Nothing answers 500; nothing in
the database changes, except Stripe recording the id of a well-formed event of
a type we do not handle (a delivery it must not repeat) and nothing else."""

import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from pydantic import SecretStr
from slack_sdk.signature import SignatureVerifier

from bot.channels.telegram import SECRET_HEADER, open_telegram, webhook_route
from bot.clock import FrozenClock
from bot.config import Settings
from bot.services import Services, open_services
from bot.web import build_app
from tests.bot.telegram_harness import SECRET as TELEGRAM_SECRET
from tests.bot.telegram_harness import TOKEN as TELEGRAM_TOKEN
from tests.bot.telegram_harness import telegram_settings
from tests.doubles.slack_api import SlackApiDouble
from tests.doubles.stripe_api import StripeDouble, sign
from tests.doubles.telegram_api import TelegramApiDouble

from .test_http_fuzz import BODIES, PATH_VALUES, _fill, _paths, _snapshot

SLACK_TOKEN = "xoxb-fuzz-token"
SLACK_SECRET = "slack-signing-secret-fuzz"
STRIPE_SECRET = "whsec_fuzz_0123456789"
INTERNAL_TOKEN = "internal-api-token-fuzz"
CREDIT_GARBAGE: list[bytes] = [
    b'{"amount_minor": 100}',  # well-formed: the organizations fuzzed do not exist
    b'{"amount_minor": 0}',
    b'{"amount_minor": -5}',
    b'{"amount_minor": 1e3}',
    b'{"amount_minor": true}',
    b'{"amount_minor": 99999999999999999999999999}',
    b'{"amount_minor": 100, "currency": "EUR"}',
    b'{"amount_minor": 100, "extra": 1}',
    b'{"amount_minor": "100"}',
    b"[100]",
    b"{",
]

TELEGRAM_GARBAGE: list[bytes] = [
    b"{}",
    b'{"update_id": "x"}',
    b'{"update_id": -1}',
    b'{"update_id": 1, "message": "x"}',
    b'{"update_id": 2, "message": {"text": 5}}',
    b'{"update_id": 3, "callback_query": {"data": "\\ud800"}}',
    b'{"update_id": 4, "message": {"message_id": "a", "chat": null}}',
    b'{"update_id": 99999999999999999999999}',
    json.dumps({"update_id": 5, "edited_message": {"text": "\u202e" * 5000}}).encode(),
]
SLACK_FORM = "application/x-www-form-urlencoded"
SLACK_GARBAGE: list[tuple[str, bytes]] = [
    (SLACK_FORM, b"payload=%7B"),
    (SLACK_FORM, b"payload=%5B%5D"),
    (SLACK_FORM, b"payload=" + b'{"type": "view_submission"}'),
    (SLACK_FORM, b"payload=" + b'{"type": "view_submission", "view": {"callback_id": 5}}'),
    (SLACK_FORM, b"payload=" + b'{"type": "block_actions", "actions": [{}]}'),
    (SLACK_FORM, b"payload=" + b'{"type": "block_actions", "actions": "x"}'),
    (SLACK_FORM, b"payload=" + b'{"type": "shortcut", "callback_id": "x"}'),
    (SLACK_FORM, b"command=%2Fonboard&text=status"),
    (SLACK_FORM, b"command=%2Fonboard&user_id=&team_id=&trigger_id="),
    (SLACK_FORM, b"command=%2Fother&user_id=U1&team_id=T1"),
    (SLACK_FORM, "command=/onboard&text=\u0000\ud83d".encode("utf-8", "surrogatepass")),
    ("application/json", b'{"type": "event_callback", "event": {"type": "message"}}'),
    ("application/json", b'{"type": "event_callback", "event": {"type": "app_home_opened"}}'),
    ("application/json", b'{"type": "event_callback", "event": null}'),
    ("application/json", b'{"type": "event_callback", "event": {"type": "message", "user": 5}}'),
    ("application/json", b'{"type": "nonsense"}'),
    ("application/json", b'{"type": "url_verification", "challenge": "\\u202e"}'),
]
_HANDLED = (
    "checkout.session.completed",
    "checkout.session.expired",
    "setup_intent.succeeded",
    "setup_intent.setup_failed",
    "mandate.updated",
)


def _stripe_event(index: int, kind: str, obj: Any) -> bytes:
    return json.dumps(
        {"id": f"evt_fuzz_{index}", "object": "event", "type": kind, "data": {"object": obj}}
    ).encode()


STRIPE_GARBAGE: list[bytes] = [
    b"{",
    b"[]",
    b"null",
    "\ud800".encode("utf-8", "surrogatepass"),
]
# Signed JSON objects that are no event we can use (no id, no object, an
# object Stripe does not know): acknowledged with 200 "ignored" and counted,
# so Stripe does not redeliver them for days; nothing is recorded. Unsigned,
# they are refused with 400 like everything else.
STRIPE_UNUSABLE: list[bytes] = [
    b'{"id": "evt_x"}',
    b'{"type": "checkout.session.completed"}',
    b'{"id": "evt_y", "object": "event", "type": "checkout.session.completed", "data": 5}',
    *[_stripe_event(i, kind, {"id": "xx_made_up"}) for i, kind in enumerate(_HANDLED)],
    *[_stripe_event(10 + i, kind, {}) for i, kind in enumerate(_HANDLED)],
    *[_stripe_event(20 + i, kind, {"id": None}) for i, kind in enumerate(_HANDLED)],
]
# Well-formed events of a type nothing handles: Stripe is told "ignored" and
# the id is recorded so a redelivery is a duplicate. Nothing else may change.
STRIPE_IGNORED: list[bytes] = [_stripe_event(30, "customer.created", {"id": "cus_x"})]


@dataclass
class Configured:
    services: Services
    url: str
    app: web.Application


@pytest.fixture
async def configured(
    settings: Settings, clock: FrozenClock, tmp_path: Path
) -> AsyncIterator[Configured]:
    telegram = TelegramApiDouble(TELEGRAM_TOKEN)
    await telegram.start()
    stripe_double = StripeDouble(now=lambda: clock.now().timestamp())
    await stripe_double.start()
    async with SlackApiDouble(token=SLACK_TOKEN).running() as slack_api:
        everything = telegram_settings(settings, telegram, "aiogram").model_copy(
            update={
                "slack_bot_token": SecretStr(SLACK_TOKEN),
                "slack_signing_secret": SecretStr(SLACK_SECRET),
                "slack_api_base": slack_api.base_url,
                "stripe_secret_key": SecretStr(stripe_double.api_key),
                "stripe_webhook_secret": SecretStr(STRIPE_SECRET),
                "stripe_api_base": stripe_double.base_url,
                "internal_api_token": SecretStr(INTERNAL_TOKEN),
                # This test is about what handlers do, not the per-IP limit.
                "confirm_attempts_per_ip_per_minute": 1_000_000,
            }
        )
        services = open_services(everything, clock=clock)
        runtime = open_telegram(services)
        app = build_app(services.engine, services.translator, services.stripe_webhook)
        webhook_route(app, runtime, TELEGRAM_SECRET)
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        try:
            await runtime.start()
            yield Configured(services, f"http://127.0.0.1:{runner.addresses[0][1]}", app)
        finally:
            await runner.cleanup()
            await runtime.close()
            await services.close()
    await stripe_double.stop()
    await telegram.stop()


def _slack_headers(body: bytes) -> dict[str, str]:
    stamp = str(int(time.time()))
    text = body.decode("utf-8", errors="replace")
    signature = SignatureVerifier(SLACK_SECRET).generate_signature(timestamp=stamp, body=text)
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": str(signature)}


def _auth_headers(path: str, body: bytes) -> dict[str, str]:
    """The credentials the route expects, valid for this body."""
    if path == "/telegram/webhook":
        return {SECRET_HEADER: TELEGRAM_SECRET}
    if path == "/slack/events":
        return _slack_headers(body)
    if path == "/stripe/webhook":
        return {"Stripe-Signature": sign(body, STRIPE_SECRET)}
    if path.startswith("/api/"):
        return {"Authorization": f"Bearer {INTERNAL_TOKEN}", "Idempotency-Key": "fuzz-key-1"}
    return {}


def _without_processed(state: dict[str, list[Any]]) -> dict[str, list[Any]]:
    return {table: rows for table, rows in state.items() if table != "processed_updates"}


async def test_every_route_with_every_integration_survives_hostile_requests(
    configured: Configured,
) -> None:
    routes = _paths(configured.app)
    paths = {path for _, path in routes}
    assert {"/telegram/webhook", "/slack/events", "/stripe/webhook"} <= paths
    assert {"/confirm/{token}", "/payment/done", "/healthz"} <= paths
    credit = next(p for p in paths if p.startswith("/api/v1/organizations/"))
    before = await _snapshot(configured.services)
    statuses: dict[tuple[str, str], set[int]] = {}
    async with aiohttp.ClientSession() as http:

        async def send(method: str, path: str, content_type: str, body: bytes, auth: bool) -> int:
            headers = {"Content-Type": content_type} if content_type else {}
            if auth:
                headers.update(_auth_headers(path, body))
            async with http.request(
                method, f"{configured.url}{path}", data=body, headers=headers
            ) as response:
                assert response.status < 500, (method, path, content_type, body[:80], auth)
                statuses.setdefault((method, path), set()).add(response.status)
                return response.status

        for method, template in routes:
            for value in PATH_VALUES:
                path = _fill(template, value)
                for content_type, body in BODIES:
                    for auth in (False, True):
                        await send(method, path, content_type, body, auth)
        for body in TELEGRAM_GARBAGE:
            assert await send("POST", "/telegram/webhook", "application/json", body, True) in (
                200,
                400,
            )
            assert await send("POST", "/telegram/webhook", "application/json", body, False) == 401
        for content_type, body in SLACK_GARBAGE:
            await send("POST", "/slack/events", content_type, body, True)
            assert await send("POST", "/slack/events", content_type, body, False) == 401
        for body in STRIPE_GARBAGE:
            assert await send("POST", "/stripe/webhook", "application/json", body, True) == 400
            assert await send("POST", "/stripe/webhook", "application/json", body, False) == 400
        for body in STRIPE_UNUSABLE:
            assert await send("POST", "/stripe/webhook", "application/json", body, True) == 200
            assert await send("POST", "/stripe/webhook", "application/json", body, False) == 400
        for org in ("0", "1", "999999999", "999999999999999999"):
            path = _fill(credit, org)
            for body in CREDIT_GARBAGE:
                assert await send("POST", path, "application/json", body, True) in (400, 404)
                assert await send("POST", path, "application/json", body, False) == 401
        for body in STRIPE_IGNORED:
            assert await send("POST", "/stripe/webhook", "application/json", body, True) == 200

    after = await _snapshot(configured.services)
    assert _without_processed(after) == _without_processed(before)
    recorded = set(after["processed_updates"]) - set(before["processed_updates"])
    assert len(recorded) == len(STRIPE_IGNORED)
    assert all("'stripe', 'evt_fuzz_30'" in row for row in recorded), recorded
    # Authenticated requests reached the handlers (not all refused at the door).
    assert statuses[("POST", "/telegram/webhook")] >= {200, 401}
    assert statuses[("POST", "/slack/events")] >= {400, 401}
    assert statuses[("POST", _fill(credit, "1"))] == {400, 401, 404}


async def test_huge_bodies_get_413_even_when_authenticated(configured: Configured) -> None:
    big = b"x" * (1024 * 1024)
    async with aiohttp.ClientSession() as http:
        for method, template in _paths(configured.app):
            if method != "POST":
                continue
            path = _fill(template, "x")
            headers = _auth_headers(path, big)
            async with http.post(f"{configured.url}{path}", data=big, headers=headers) as response:
                assert response.status == 413, path
