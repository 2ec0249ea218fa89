"""The internal usage endpoint over real HTTP: bearer token before anything
else, strict amounts, idempotency keys, a ledger that never goes below zero
and exactly one nudge in chat when the credit runs out."""

import asyncio
import io
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from pydantic import SecretStr
from sqlalchemy import func, select

from bot.channels.console import ConsoleChannel
from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.organizations.confirmation import use_link
from bot.services import Services, open_services
from bot.web import build_app
from conversations import SetupSucceeded
from conversations.payment import SavedMethod
from storage import payments as payments_repo
from storage.models import CreditUsageRow, OutboxRow
from storage.organizations import list_organizations
from tests.transcripts.mailbox import newest_token

TOKEN = "internal-test-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"internal_api_token": SecretStr(TOKEN)})


async def _confirmed(services: Services, user: str, email: str) -> tuple[ConsoleChannel, int]:
    channel = ConsoleChannel(services, user, io.StringIO())
    keep = ["keep"] if email.endswith("@gmail.com") else []  # free mail: kept on purpose
    for line in ["/start", "en", "Acme", email, *keep, "USD", "save"]:
        await channel.handle_line(line)
    await use_link(services.engine, newest_token(services.settings.mail_dir))
    await channel.deliver_pending()
    async with services.engine.sessions() as session:
        org = (await list_organizations(session))[-1]
    return channel, org.id


async def _usages(services: Services) -> int:
    async with services.engine.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(CreditUsageRow)) or 0)


async def _nudges(services: Services) -> int:
    async with services.engine.sessions() as session:
        payloads = list(await session.scalars(select(OutboxRow.payload)))
    nudges = {"credit-exhausted", "credit-exhausted-org"}
    return sum(1 for p in payloads if p.get("reply", {}).get("message_id") in nudges)


async def _store_payment(services: Services, org_id: int, *, saved: bool) -> None:
    """What the payment step leaves in storage: an open Checkout link, then
    (`saved`) the card the webhook recorded."""
    now = services.engine.clock.now()
    async with services.engine.sessions.begin() as session:
        generation = await payments_repo.request_link(session, org_id, renew=False, now=now)
        await payments_repo.store_link(
            session,
            org_id,
            generation=generation,
            session_id="cs_test_1",
            url="https://checkout.stripe.test/c/pay/cs_test_1",
            expires_at=now + timedelta(hours=20),
            setup_intent_id="seti_1",
            now=now,
        )
        if saved:
            await payments_repo.mark_saved(
                session,
                org_id,
                payment_method_id="pm_1",
                method_type="card",
                brand="visa",
                last4="4242",
                country=None,
                mandate_status=None,
                now=now,
            )


class Api:
    def __init__(self, http: aiohttp.ClientSession, base: str) -> None:
        self.http = http
        self.base = base

    async def report(
        self,
        org_id: int | str,
        body: Any,
        *,
        key: str | None = "k1",
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ) -> tuple[int, Any, dict[str, str]]:
        sent = dict(AUTH if headers is None else headers)
        if key is not None:
            sent["Idempotency-Key"] = key
        url = f"{self.base}/api/v1/organizations/{org_id}/credit-usage"
        kwargs: dict[str, Any] = {"data": raw} if raw is not None else {"json": body}
        async with self.http.post(url, headers=sent, **kwargs) as response:
            try:
                payload = await response.json(content_type=None)
            except ValueError:
                payload = None
            return response.status, payload, dict(response.headers)


@pytest.fixture
async def api(web_url: str) -> AsyncIterator[Api]:
    async with aiohttp.ClientSession() as http:
        yield Api(http, web_url)


WRONG_AUTH = [
    {},
    {"Authorization": "Bearer wrong-token"},
    {"Authorization": f"Bearer {TOKEN}x"},
    {"Authorization": f"Bearer {TOKEN[:-1]}"},
    {"Authorization": f"Basic {TOKEN}"},
    {"Authorization": TOKEN},
    {"Authorization": "Bearer "},
]


async def test_missing_or_wrong_token_is_401_and_records_nothing(
    services: Services, api: Api
) -> None:
    _, org_id = await _confirmed(services, "alice", "alice@acme.com")
    for headers in WRONG_AUTH:
        status, body, sent = await api.report(org_id, {"amount_minor": 100}, headers=headers)
        assert (status, body) == (401, {"error": "unauthorized"}), headers
        assert sent["WWW-Authenticate"] == "Bearer"
        # A request wrong in every other way too is refused for the token first.
        status, _, _ = await api.report(999, None, key=None, headers=headers, raw=b"{")
        assert status == 401
    assert await _usages(services) == 0


BAD_BODIES = [
    b'{"amount_minor": -100}',
    b'{"amount_minor": 0}',
    b'{"amount_minor": 10000001}',
    b'{"amount_minor": 99999999999999999999999999}',
    b'{"amount_minor": 1' + b"0" * 5000 + b"}",
    b'{"amount_minor": 1.5}',
    b'{"amount_minor": 100.0}',
    b'{"amount_minor": 1e3}',
    b'{"amount_minor": "100"}',
    b'{"amount_minor": true}',
    b'{"amount_minor": null}',
    b'{"amount_minor": NaN}',
    b'{"amount_minor": Infinity}',
    b"{}",
    b"[100]",
    b"100",
    b'{"amount_minor": 100, "currency": "EUR"}',
    b'{"amount_minor": 100, "org": 2}',
    b'{"amount_minor": 100',
    b"",
    b"\xff\xfe",
]


async def test_bad_amounts_are_400_and_record_nothing(services: Services, api: Api) -> None:
    _, org_id = await _confirmed(services, "alice", "alice@acme.com")
    for raw in BAD_BODIES:
        status, body, _ = await api.report(org_id, None, raw=raw)
        assert status == 400, raw
        assert body["error"] in {"invalid_amount", "malformed_json"}
    assert await _usages(services) == 0


async def test_idempotency_key_is_required_and_sane(services: Services, api: Api) -> None:
    _, org_id = await _confirmed(services, "alice", "alice@acme.com")
    for key in (None, "", "k" * 256, "two words", "ключ"):
        status, body, _ = await api.report(org_id, {"amount_minor": 100}, key=key)
        assert (status, body) == (400, {"error": "idempotency_key_required"}), key
    assert await _usages(services) == 0


async def test_unknown_organization_is_404(services: Services, api: Api) -> None:
    for org_id in ("999", "99999999999", "abc", "-1"):
        status, _, _ = await api.report(org_id, {"amount_minor": 100})
        assert status == 404, org_id
    assert await _usages(services) == 0


async def test_replayed_keys_are_recorded_once(services: Services, api: Api) -> None:
    channel, org_id = await _confirmed(services, "alice", "alice@acme.com")
    first = await api.report(org_id, {"amount_minor": 700}, key="usage-1")
    assert first[0] == 200
    assert first[1] == {
        "organization_id": org_id,
        "idempotency_key": "usage-1",
        "amount_minor": 700,
        "applied_minor": 700,
        "remaining_minor": 1800,
        "currency": "USD",
    }
    assert "Idempotent-Replayed" not in first[2]
    again = await api.report(org_id, {"amount_minor": 700, "currency": "USD"}, key="usage-1")
    assert again[:2] == first[:2] and again[2]["Idempotent-Replayed"] == "true"
    status, body, _ = await api.report(org_id, {"amount_minor": 800}, key="usage-1")
    assert (status, body) == (422, {"error": "idempotency_key_reused"})
    _, other_org = await _confirmed(services, "bob", "bob@other.com")
    status, _, _ = await api.report(other_org, {"amount_minor": 700}, key="usage-1")
    assert status == 422
    second = await api.report(org_id, {"amount_minor": 700}, key="usage-2")
    assert second[1]["remaining_minor"] == 1100
    assert await _usages(services) == 2

    await channel.handle_line("/status")
    summary = next(m for m in reversed(channel.shown) if m.message_id == "status-summary")
    assert "$11.00 left of $25.00" in summary.text


async def test_exhausted_credit_nudges_exactly_once(services: Services, api: Api) -> None:
    channel, org_id = await _confirmed(services, "alice", "alice@acme.com")
    status, body, _ = await api.report(org_id, {"amount_minor": 2000}, key="a")
    assert body["remaining_minor"] == 500
    status, body, _ = await api.report(org_id, {"amount_minor": 1200}, key="b")
    assert (status, body["applied_minor"], body["remaining_minor"]) == (200, 500, 0)
    await api.report(org_id, {"amount_minor": 1200}, key="b")  # a retry
    status, body, _ = await api.report(org_id, {"amount_minor": 300}, key="c")
    assert (status, body["applied_minor"], body["remaining_minor"]) == (200, 0, 0)
    assert await _nudges(services) == 1

    before = len(channel.shown)
    await channel.deliver_pending()
    nudge, contact = channel.shown[before:]
    assert nudge.message_id == "credit-exhausted"
    assert "$25.00" in nudge.text
    # Payments are not set up here and nobody is at a desk: no button that
    # cannot work, but where to write to add a payment method.
    assert nudge.buttons == ()
    assert contact.message_id == "support-contact"
    await channel.handle_line("/status")
    summary = next(m for m in reversed(channel.shown) if m.message_id == "status-summary")
    assert "$0.00 left of $25.00" in summary.text


async def test_nudge_is_in_the_users_language(services: Services, api: Api) -> None:
    channel = ConsoleChannel(services, "ana", io.StringIO())
    for line in ["/start", "es", "Acme", "ana@acme.es", "EUR", "save"]:
        await channel.handle_line(line)
    await use_link(services.engine, newest_token(services.settings.mail_dir))
    async with services.engine.sessions() as session:
        (org,) = await list_organizations(session)
    await api.report(org.id, {"amount_minor": 5000}, key="x")
    await channel.deliver_pending()
    nudge = channel.shown[-2]  # then where to write (payments are not set up here)
    assert nudge.message_id == "credit-exhausted"
    assert nudge.text == services.translator.format(
        "es", "credit-exhausted", {"amount_minor": 2500, "amount_currency": "USD"}
    )
    assert "25,00\u00a0US$" in nudge.text


async def test_no_nudge_with_a_saved_payment_method(services: Services, api: Api) -> None:
    _, org_id = await _confirmed(services, "alice", "alice@acme.com")
    engine = services.engine
    await _store_payment(services, org_id, saved=True)
    async with engine.sessions.begin() as session:
        (org,) = await list_organizations(session)
        assert org.identity_id is not None
        await engine.handle_external(
            session,
            org.identity_id,
            SetupSucceeded(
                org_id=org_id, method=SavedMethod(kind="card", brand="visa", last4="4242")
            ),
        )
    status, body, _ = await api.report(org_id, {"amount_minor": 2500}, key="all")
    assert (status, body["remaining_minor"]) == (200, 0)
    assert await _nudges(services) == 0


async def test_storage_not_the_conversation_says_a_method_is_saved(
    services: Services, api: Api
) -> None:
    """The card was saved (the payment profile says so) while the chat does
    not know of it: no nudge to add what is there."""
    _, org_id = await _confirmed(services, "alice", "alice@acme.com")
    await _store_payment(services, org_id, saved=True)
    _, conversation = await services.engine.peek("console", "alice")
    assert conversation is not None and conversation.payment_method is None
    status, body, _ = await api.report(org_id, {"amount_minor": 2500}, key="all")
    assert (status, body["remaining_minor"]) == (200, 0)
    assert await _nudges(services) == 0


async def _onboarding_another(services: Services, language: str) -> ConsoleChannel:
    """Alice confirmed Acme, then started `/new` for a second organization and
    is typing its name when Acme's credit runs out."""
    channel = ConsoleChannel(services, "alice", io.StringIO())
    for line in ["/start", language, "Acme", "alice@acme.com", "USD", "save"]:
        await channel.handle_line(line)
    await use_link(services.engine, newest_token(services.settings.mail_dir))
    await channel.deliver_pending()
    await channel.handle_line("/new")
    return channel


async def test_exhausted_while_onboarding_another_organization_nudges_once(
    services: Services, api: Api
) -> None:
    channel = await _onboarding_another(services, "pt-BR")
    async with services.engine.sessions() as session:
        (org,) = await list_organizations(session)
    status, body, _ = await api.report(org.id, {"amount_minor": 2500}, key="all")
    assert (status, body["remaining_minor"]) == (200, 0)
    await api.report(org.id, {"amount_minor": 2500}, key="all")  # a retry
    await api.report(org.id, {"amount_minor": 100}, key="more")  # past zero
    assert await _nudges(services) == 1

    before = len(channel.shown)
    await channel.deliver_pending()
    nudge, contact = channel.shown[before:]
    assert nudge.message_id == "credit-exhausted-org"
    assert nudge.text == services.translator.format(
        "pt-BR",
        "credit-exhausted-org",
        {"amount_minor": 2500, "amount_currency": "USD", "name": "Acme"},
    )
    assert "US$\u00a025,00" in nudge.text and "Acme" in nudge.text
    # No link is open and the chat cannot go back to Acme's payment step, and
    # no desk is configured here: no button, but where to write.
    assert nudge.buttons == () and contact.message_id == "support-contact"
    # The organization being typed is not disturbed.
    _, conversation = await services.engine.peek("console", "alice")
    assert conversation is not None and conversation.step.value == "name"
    await channel.handle_line("Beta Labs")
    assert channel.shown[-1].message_id == "onboarding-ask-email"


async def test_the_nudge_elsewhere_carries_the_open_payment_link(
    services: Services, api: Api
) -> None:
    channel = await _onboarding_another(services, "en")
    async with services.engine.sessions() as session:
        (org,) = await list_organizations(session)
    await _store_payment(services, org.id, saved=False)
    await api.report(org.id, {"amount_minor": 2500}, key="all")
    await channel.deliver_pending()
    nudge = channel.shown[-1]
    assert nudge.message_id == "credit-exhausted-org"
    assert [(b.label, b.url) for b in nudge.buttons] == [
        ("Add payment method", "https://checkout.stripe.test/c/pay/cs_test_1")
    ]
    assert await _nudges(services) == 1


async def test_no_credit_means_nothing_applied(services: Services, api: Api) -> None:
    _, org_id = await _confirmed(services, "bob", "bob@gmail.com")
    status, body, _ = await api.report(org_id, {"amount_minor": 100}, key="free")
    assert (status, body["applied_minor"], body["remaining_minor"]) == (200, 0, 0)
    assert await _nudges(services) == 0


async def test_concurrent_reports_never_overdraw(services: Services, api: Api) -> None:
    _, org_id = await _confirmed(services, "alice", "alice@acme.com")
    answers = await asyncio.gather(
        *(api.report(org_id, {"amount_minor": 300}, key=f"c{n}") for n in range(12)),
        *(api.report(org_id, {"amount_minor": 300}, key="same") for _ in range(6)),
    )
    assert {status for status, _, _ in answers} == {200}
    by_key = {body["idempotency_key"]: body for _, body, _ in answers}
    assert len(by_key) == 13
    assert sum(body["applied_minor"] for body in by_key.values()) == 2500
    assert sorted(body["remaining_minor"] for body in by_key.values())[0] == 0
    same = [body for _, body, _ in answers if body["idempotency_key"] == "same"]
    assert all(body == same[0] for body in same)
    assert await _usages(services) == 13
    assert await _nudges(services) == 1


@asynccontextmanager
async def _serve(services: Services) -> AsyncIterator[str]:
    runner = web.AppRunner(build_app(services.engine, services.translator))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()


async def test_without_a_token_the_endpoint_does_not_exist(
    settings: Settings, clock: FrozenClock
) -> None:
    off = open_services(settings.model_copy(update={"internal_api_token": None}), clock=clock)
    try:
        async with _serve(off) as base, aiohttp.ClientSession() as http:
            api = Api(http, base)
            for headers in ({}, AUTH, {"Authorization": "Bearer "}):
                status, _, _ = await api.report(1, {"amount_minor": 100}, headers=headers)
                assert status == 404
    finally:
        await off.close()


async def test_deep_json_and_odd_charsets_are_400(services: Services, api: Api) -> None:
    """Nested 1 000+ deep was a RecursionError (500); the body is read as
    bytes by the one JSON reader, so a bogus charset changes nothing either."""
    _, org_id = await _confirmed(services, "alice", "alice@acme.com")
    for depth in (40, 1_000, 5_000):
        for raw in (b"[" * depth + b"]" * depth, b'{"a":' * depth + b"1" + b"}" * depth):
            status, body, _ = await api.report(org_id, None, raw=raw)
            assert (status, body) == (400, {"error": "malformed_json"}), depth
    headers = {**AUTH, "Content-Type": "application/json; charset=bogus-enc"}
    status, body, _ = await api.report(org_id, None, headers=headers, raw=b'{"amount_minor": 5}')
    assert status == 200, body
    assert await _usages(services) == 1
