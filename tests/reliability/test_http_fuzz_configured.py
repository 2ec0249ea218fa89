"""The fuzz of test_http_fuzz.py with every integration configured (Telegram
webhook, Slack, Stripe, each pointed at its loopback double; the internal
credit API with its token), and hostile bodies that carry VALID
authentication: the right Telegram secret header, correctly signed Slack and
Stripe requests, the internal bearer token with an idempotency key. Nothing answers 500; nothing in
the database changes, except Stripe recording the id of a well-formed event of
a type we do not handle (a delivery it must not repeat) and nothing else."""

import gc
import json
import time
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp
import hypothesis
import pytest
from aiohttp import web
from hypothesis import strategies as st
from multidict import CIMultiDict
from pydantic import SecretStr
from slack_sdk.signature import SignatureVerifier

from bot.channels.telegram.runtime import SECRET_HEADER, open_telegram, webhook_route
from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.services import Services, open_services
from bot.web import build_app
from tests.bot.telegram_harness import SECRET as TELEGRAM_SECRET
from tests.bot.telegram_harness import TOKEN as TELEGRAM_TOKEN
from tests.bot.telegram_harness import telegram_settings
from tests.doubles.slack_api import SlackApiDouble
from tests.doubles.stripe_api import StripeDouble, sign
from tests.doubles.telegram_api import TelegramApiDouble

from .test_http_fuzz import (
    BODIES,
    PATH_VALUES,
    RAW_REQUESTS,
    _fill,
    _paths,
    _snapshot,
    raw_exchange,
    rss_bytes,
    scanning_logs,
)

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


async def _every_route_hostile(
    configured: Configured,
    routes: list[tuple[str, str]],
    credit: str,
    statuses: dict[tuple[str, str], set[int]],
) -> None:
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
    with scanning_logs() as scan:
        await _every_route_hostile(configured, routes, credit, statuses)
    assert scan.tracebacks == [], scan.tracebacks[:3]

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


# -- generated requests (hypothesis), and malformed HTTP on a socket ----------

GENERATED = 1_000
CHARSETS = ["utf-8", "bogus-enc", "utf-16", "latin-1", "", "utf-8; charset=x", '"utf-8"', "idna"]
CONTENT_TYPES = [
    "application/json",
    "application/x-www-form-urlencoded",
    "text/plain",
    "multipart/form-data; boundary=zz",
    "application/octet-stream",
    "",
]
_VISIBLE = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def _deep(depth: int, opener: bytes) -> bytes:
    closer = b"]" if opener == b"[" else b"}"
    item = b'{"a":' if opener == b"{" else b"["
    return item * depth + (b"1" if opener == b"{" else b"") + closer * depth


_BODIES = st.one_of(
    st.binary(max_size=300),
    _JSON.map(lambda value: json.dumps(value).encode()),
    st.builds(_deep, st.integers(30, 20_000), st.sampled_from([b"[", b"{"])),
    st.sampled_from([b"\xff\xfe\xfd", b'{"a": "\xed\xa0\x80"}', b"\xc3", b'{"update_id": NaN}']),
    st.text(max_size=60).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.sampled_from([body for _, body in SLACK_GARBAGE] + TELEGRAM_GARBAGE + STRIPE_GARBAGE),
)
_AUTH_JUNK = st.fixed_dictionaries(
    {},
    optional={
        "X-Slack-Request-Timestamp": st.one_of(
            st.sampled_from(["abc", "1e3", "-1", "", "9" * 30, f"{int(time.time())}.5"]),
            st.text(_VISIBLE, max_size=12),
        ),
        "X-Slack-Signature": st.text(_VISIBLE, max_size=70),
        "Stripe-Signature": st.one_of(
            st.text(_VISIBLE, max_size=60), st.just("t=abc,v1=zz"), st.just("t=1,v1=,v0=")
        ),
        SECRET_HEADER: st.one_of(st.text(_VISIBLE, max_size=40), st.just(TELEGRAM_SECRET + "x")),
        "Authorization": st.one_of(
            st.text(_VISIBLE, max_size=40), st.just(f"Bearer {INTERNAL_TOKEN[:-1]}")
        ),
        "Idempotency-Key": st.text(_VISIBLE, max_size=300),
        "Accept-Language": st.text(_VISIBLE, max_size=40),
        "X-Big": st.integers(1, 12_000).map(lambda n: "a" * n),
    },
)


@dataclass(frozen=True)
class Generated:
    method: str
    route: int
    fill: str
    query: str
    content_type: str
    charset: str
    headers: tuple[tuple[str, str], ...]
    duplicate: bool
    body: bytes
    auth: bool


_REQUESTS = st.builds(
    Generated,
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "FUZZ"]),
    route=st.integers(0, 1_000),
    fill=st.one_of(st.sampled_from(PATH_VALUES), st.text(_VISIBLE, max_size=40)),
    query=st.text(_VISIBLE, max_size=30),
    content_type=st.sampled_from(CONTENT_TYPES),
    charset=st.sampled_from(CHARSETS),
    headers=_AUTH_JUNK.map(lambda found: tuple(sorted(found.items()))),
    duplicate=st.booleans(),
    body=_BODIES,
    auth=st.booleans(),
)


def _generated() -> list[Generated]:
    """A fixed corpus: hypothesis draws it, derandomized, so every CI run
    sends the same requests (and a failure names one to replay)."""
    found: list[Generated] = []

    @hypothesis.settings(
        max_examples=GENERATED,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(hypothesis.HealthCheck),
        phases=[hypothesis.Phase.generate],
    )
    @hypothesis.given(_REQUESTS)
    def collect(request: Generated) -> None:
        found.append(request)

    collect()
    return found


def _request_of(generated: Generated, routes: list[tuple[str, str]]) -> tuple[str, str, Any, bytes]:
    method, template = routes[generated.route % len(routes)]
    path = _fill(template, quote(generated.fill, safe="/%"))
    if generated.query:
        path += "?" + quote(generated.query, safe="=&%")
    headers: list[tuple[str, str]] = list(generated.headers)
    if generated.content_type:
        charset = f"; charset={generated.charset}" if generated.charset else ""
        headers.append(("Content-Type", generated.content_type + charset))
    if generated.auth:
        headers += list(_auth_headers(path.split("?")[0], generated.body).items())
    if generated.duplicate:
        headers += list(headers)
    verb = generated.method if generated.method != "FUZZ" else method
    return verb, path, CIMultiDict(headers), generated.body


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_generated_requests_to_every_route_never_fail_or_leak(
    configured: Configured,
) -> None:
    """1 000 requests drawn by hypothesis (random methods, router paths with
    odd values, bogus charsets, huge and duplicate headers, bad Slack,
    Telegram, Stripe and bearer credentials, or valid ones over a bad body;
    deep JSON, bad UTF-8, random bytes), then the raw-socket malformed HTTP
    of test_http_fuzz against the app with every integration on: no 5xx, no
    traceback logged, nothing stored, memory flat."""
    routes = _paths(configured.app)
    corpus = _generated()
    assert len(corpus) == GENERATED
    before = await _snapshot(configured.services)
    port = int(configured.url.rsplit(":", 1)[1])
    statuses: Counter[int] = Counter()
    with scanning_logs() as scan:
        async with aiohttp.ClientSession(skip_auto_headers=["Content-Type"]) as http:

            async def send(generated: Generated) -> None:
                method, path, headers, body = _request_of(generated, routes)
                try:
                    async with http.request(
                        method, f"{configured.url}{path}", data=body, headers=headers
                    ) as response:
                        await response.read()
                        status = response.status
                except aiohttp.ClientResponseError as error:
                    # aiohttp's refusal of a request it cannot parse (a
                    # duplicate Content-Type, say) is a 400 the client reads
                    # badly ("data after Connection: close").
                    status = error.status
                except aiohttp.ServerDisconnectedError:
                    status = 0  # refused at the parser, connection closed
                assert status < 500, (method, path, dict(headers), body[:80])
                statuses[status] += 1

            for warm in corpus[:200]:
                await send(warm)
            gc.collect()
            memory = rss_bytes()
            for generated in corpus[200:]:
                await send(generated)
        for data, close_after in RAW_REQUESTS:
            status = await raw_exchange(port, data, close_after)
            assert status is None or status < 300 or 400 <= status < 500, (status, data[:80])
        gc.collect()
        grown = rss_bytes() - memory
    assert grown < 64 * 1024 * 1024, f"RSS grew {grown} bytes over the fuzz"
    assert scan.tracebacks == [], scan.tracebacks[:3]
    after = await _snapshot(configured.services)
    assert after == before
    # The corpus reached the handlers (not all refused at the door).
    assert {200, 400, 401, 404} <= set(statuses), statuses
