"""Making the Checkout link: the parameters Stripe receives (checked by the
double against the stripe package's own definitions), one customer and one
session per link even when Stripe fails, and what the user is told."""

import logging
from datetime import timedelta

import pytest

from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.services import open_services
from conversations import LANGUAGES
from storage import outbox
from tests.doubles.stripe_api import StripeDouble
from tests.payments.conftest import Payer, serve, with_stripe
from tests.ports import free_port

PLACEHOLDER = "{CHECKOUT_SESSION_ID}"


@pytest.mark.parametrize(
    ("language", "currency"),
    [(lang, "EUR" if i % 2 else "USD") for i, lang in enumerate(LANGUAGES)],
)
async def test_link_in_each_language_with_the_right_methods(
    payer: Payer, stripe_double: StripeDouble, clock: FrozenClock, language: str, currency: str
) -> None:
    seen = await payer.sign_up(language, currency)
    assert seen == ["email-confirmed", "credit-granted", "payment-ask"]
    seen = await payer.work()
    usd_note = ["payment-card-only-usd"] if currency == "USD" else []
    assert seen == [*usd_note, "payment-link"]

    (customer,) = stripe_double.customers.values()
    assert customer["email"] == "alice@acme.com" and customer["name"] == "Acme Labs"
    assert customer["preferred_locales"] == [language]
    assert customer["metadata"] == {"org_id": str(payer.org_id)}

    (session,) = stripe_double.sessions.values()
    assert payer.link() == session["url"]
    assert session["mode"] == "setup" and session["customer"] == customer["id"]
    assert session["locale"] == language
    assert session["currency"] == currency.lower()
    methods = ["card", "sepa_debit"] if currency == "EUR" else ["card"]
    assert session["allowed_payment_method_types"] == methods
    assert session["payment_method_types"] == methods
    assert session["client_reference_id"] == str(payer.org_id)
    intent = stripe_double.setup_intents[session["setup_intent"]]
    assert intent["metadata"] == {"org_id": str(payer.org_id)}
    assert PLACEHOLDER in session["success_url"]
    assert session["success_url"].startswith(f"{payer.services.settings.base_url}/payment/done")
    assert (
        f"lang={language}" in session["success_url"] and f"lang={language}" in session["cancel_url"]
    )
    lifetime = session["expires_at"] - clock.now().timestamp()
    assert timedelta(hours=23, minutes=50) < timedelta(seconds=lifetime) <= timedelta(hours=24)

    posts = [r for r in stripe_double.requests if r.method == "POST"]
    assert posts and all(r.idempotency_key for r in posts)
    assert all(str(payer.org_id) in (r.idempotency_key or "") for r in posts)
    profile = await payer.profile()
    assert (profile.status, profile.session_id) == ("link_sent", session["id"])


async def test_usd_never_offers_sepa(payer: Payer, stripe_double: StripeDouble) -> None:
    await payer.sign_up("en", "USD")
    await payer.work()
    (session,) = stripe_double.sessions.values()
    assert "sepa_debit" not in session["payment_method_types"]
    with pytest.raises(AssertionError, match="not offered"):
        stripe_double.complete(session["id"], "sepa_debit")
    note = next(m for m in payer.shown if m.message_id == "payment-card-only-usd")
    assert "SEPA" in note.text and "euro" in note.text


async def test_start_shows_the_same_link_again(payer: Payer, stripe_double: StripeDouble) -> None:
    await payer.sign_up()
    await payer.work()
    first = payer.link()
    # The terminal makes links itself (no worker needed on the local default).
    assert await payer.say("/start") == ["payment-ask", "payment-link"]
    assert payer.link() == first
    assert len(stripe_double.sessions) == 1 and len(stripe_double.customers) == 1


async def test_new_link_expires_the_old_session(payer: Payer, stripe_double: StripeDouble) -> None:
    await payer.sign_up()
    await payer.work()
    old = payer.session_id()
    assert await payer.say("New link") == ["payment-link"]
    new = payer.session_id()
    assert new != old
    assert stripe_double.sessions[old]["status"] == "expired"
    assert stripe_double.sessions[new]["status"] == "open"
    assert len(stripe_double.customers) == 1
    # Stripe then reports the old session's expiry: it is not the current link.
    (expired_event,) = stripe_double.events
    assert await payer.post(expired_event) == (200, "ok")
    assert await payer.work() == []
    assert (await payer.profile()).session_id == new


async def test_stripe_500s_then_recovery_make_one_customer_and_one_session(
    payer: Payer, stripe_double: StripeDouble, clock: FrozenClock
) -> None:
    await payer.sign_up()
    # Each request is carried out but its answer lost, three times in a row:
    # the library's two retries give up and the outbox row is retried later.
    stripe_double.fail_next(3, executed=True, path="/v1/customers")
    stripe_double.fail_next(3, executed=True, path="/v1/checkout/sessions")
    assert await payer.work() == ["payment-link-delayed"]
    clock.advance(timedelta(minutes=1))
    assert await payer.work() == []  # the session's answers are lost now
    clock.advance(timedelta(minutes=1))
    assert await payer.work() == ["payment-link"]
    assert len(stripe_double.customers) == 1
    assert len(stripe_double.sessions) == 1
    assert payer.link() == next(iter(stripe_double.sessions.values()))["url"]
    keys = {r.idempotency_key for r in stripe_double.requests if r.path == "/v1/customers"}
    assert len(keys) == 1


async def test_stripe_unreachable_is_retried_then_works(
    settings: Settings, stripe_double: StripeDouble, clock: FrozenClock
) -> None:
    closed = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    services = open_services(
        with_stripe(settings, stripe_double, stripe_api_base=closed), clock=clock
    )
    runner, url = await serve(services)
    try:
        payer = Payer(services, url, stripe_double)
        await payer.sign_up()
        assert await payer.work() == ["payment-link-delayed"]
        assert stripe_double.customers == {}
    finally:
        await runner.cleanup()
        await services.close()
    # The same database, now with Stripe reachable: the queued row goes through.
    services = open_services(with_stripe(settings, stripe_double), clock=clock)
    runner, url = await serve(services)
    try:
        payer = Payer(services, url, stripe_double)
        clock.advance(timedelta(minutes=1))
        assert await payer.work() == ["payment-link"]
        assert len(stripe_double.sessions) == 1
    finally:
        await runner.cleanup()
        await services.close()


async def test_misconfiguration_is_logged_and_the_user_told(
    settings: Settings,
    stripe_double: StripeDouble,
    clock: FrozenClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    wrong = with_stripe(settings, stripe_double)
    services = open_services(
        wrong.model_copy(
            update={"stripe_secret_key": type(wrong.stripe_webhook_secret)("sk_test_wrong_key_123")}
        ),
        clock=clock,
    )
    runner, url = await serve(services)
    try:
        payer = Payer(services, url, stripe_double)
        await payer.sign_up()
        with caplog.at_level(logging.ERROR, logger="bot"):
            assert await payer.work() == ["payment-link-unavailable"]
        assert "Stripe refused" in caplog.text and "HTTP 401" in caplog.text
        assert "sk_test_wrong_key_123" not in caplog.text
        text = payer.shown[-1].text
        assert "Traceback" not in text and "401" not in text
        clock.advance(timedelta(hours=1))
        assert await payer.work() == []  # given up, not retried
        async with services.engine.sessions() as session:
            assert await outbox.depth(session) == 0
    finally:
        await runner.cleanup()
        await services.close()


@pytest.mark.parametrize("lost", ["/v1/customers", "/v1/checkout/sessions"])
async def test_language_switch_between_retries_reuses_no_key_with_other_parameters(
    payer: Payer, stripe_double: StripeDouble, clock: FrozenClock, lost: str
) -> None:
    await payer.sign_up("en")
    # Stripe does the work but every answer is lost: the row is retried later.
    stripe_double.fail_next(3, executed=True, path=lost)
    assert await payer.work() == ["payment-link-delayed"]
    # Meanwhile the user switches to Russian.
    await payer.say("/language")
    assert (await payer.say("ru"))[0] == "language-changed"
    clock.advance(timedelta(minutes=1))
    assert await payer.work() == ["payment-link"]

    refused = [r for r in stripe_double.requests if r.status >= 400]
    assert refused == []  # no idempotency error, no "we are on it"
    (customer,) = stripe_double.customers.values()
    assert customer["preferred_locales"] == ["ru"]
    creates = [r for r in stripe_double.requests if r.path == "/v1/customers"]
    assert len({r.idempotency_key for r in creates}) == 1
    assert all(r.params == creates[0].params for r in creates)
    shown = stripe_double.sessions[payer.session_id()]
    assert shown["locale"] == "ru" and "lang=ru" in shown["cancel_url"]
    assert payer.shown[-1].text != payer.services.translator.format("en", "payment-link")
    # Every key Stripe saw again came with the very same parameters.
    by_key: dict[str, set[str]] = {}
    for request in stripe_double.requests:
        if request.idempotency_key:
            by_key.setdefault(request.idempotency_key, set()).add(repr(request.params))
    assert all(len(params) == 1 for params in by_key.values())
