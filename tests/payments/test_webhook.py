"""Stripe's webhook over real HTTP: signatures checked before anything is
read, each event applied once, objects fetched again because events can be
stale or out of order."""

import json
import logging
import time
from typing import Any

import aiohttp
import pytest

from bot.cli import _orgs as cli_orgs
from bot.services import Services, open_services
from storage import outbox
from storage.conversations import was_processed
from tests.doubles.stripe_api import StripeDouble
from tests.payments.conftest import WEBHOOK_SECRET, Payer, serve


async def _ready(payer: Payer, language: str = "en", currency: str = "EUR") -> str:
    await payer.sign_up(language, currency)
    await payer.work()
    return payer.session_id()


async def _orgs_json(payer: Payer, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    """What `python -m bot orgs --json` prints for the payer's database."""
    capsys.readouterr()
    await cli_orgs(payer.services.settings, True)
    rows: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return rows


async def _queued(payer: Payer) -> int:
    async with payer.services.engine.sessions() as session:
        return await outbox.depth(session)


async def test_card_saved_usd(payer: Payer, stripe_double: StripeDouble) -> None:
    session_id = await _ready(payer, "en", "USD")
    event = stripe_double.complete(session_id, "card", brand="visa", last4="4242")
    assert await payer.post(event) == (200, "ok")
    assert await payer.deliver() == ["onboarding-done", "credit-left"]
    done = payer.shown[-2].text
    assert "payment method is saved" in done and "Payment method: Visa •••• 4242\n" in done
    (customer,) = stripe_double.customers.values()
    method_id = stripe_double.setup_intents[stripe_double.sessions[session_id]["setup_intent"]][
        "payment_method"
    ]
    assert customer["invoice_settings"]["default_payment_method"] == method_id
    profile = await payer.profile()
    assert (profile.status, profile.method_type, profile.method_brand, profile.method_last4) == (
        "saved",
        "card",
        "visa",
        "4242",
    )
    assert await payer.say("/status") == ["status-summary", "invite-status"]
    assert "Visa •••• 4242" in payer.shown[-2].text


@pytest.mark.parametrize(
    ("mandate", "expected"),
    [("pending", "IBAN DE •••• 3000 (mandato in attesa"), ("active", "mandato attivo")],
)
async def test_sepa_saved_eur_in_the_users_language(
    payer: Payer, stripe_double: StripeDouble, mandate: str, expected: str
) -> None:
    session_id = await _ready(payer, "it", "EUR")
    event = stripe_double.complete(session_id, "sepa_debit", last4="3000", mandate_status=mandate)
    assert await payer.post(event) == (200, "ok")
    assert await payer.deliver() == ["onboarding-done", "credit-left"]
    assert expected in payer.shown[-2].text
    profile = await payer.profile()
    assert (profile.method_type, profile.method_country, profile.mandate_status) == (
        "sepa_debit",
        "DE",
        mandate,
    )


async def test_replayed_event_changes_nothing(payer: Payer, stripe_double: StripeDouble) -> None:
    session_id = await _ready(payer)
    event = stripe_double.complete(session_id)
    assert await payer.post(event) == (200, "ok")
    await payer.deliver()
    before = (await payer.profile(), len(stripe_double.requests), await _queued(payer))
    shown = len(payer.shown)
    for _ in range(2):
        assert await payer.post(event) == (200, "duplicate")
    assert (await payer.profile(), len(stripe_double.requests), await _queued(payer)) == before
    assert await payer.deliver() == [] and len(payer.shown) == shown


@pytest.mark.parametrize("attack", ["wrong-secret", "missing", "stale", "tampered", "garbage"])
async def test_forged_and_stale_signatures_are_refused(
    payer: Payer, stripe_double: StripeDouble, attack: str
) -> None:
    session_id = await _ready(payer)
    event = stripe_double.complete(session_id)
    body = json.dumps(event).encode()
    if attack == "wrong-secret":
        result = await payer.post(event, secret="whsec_someone_else")
    elif attack == "missing":
        result = await payer.post(event, header="")
    elif attack == "stale":
        result = await payer.post(event, timestamp=int(time.time()) - 301)
    elif attack == "tampered":
        from tests.doubles.stripe_api import sign

        header = sign(body, WEBHOOK_SECRET)
        forged = body.replace(b'"complete"', b'"completf"')
        result = await payer.post(event, header=header, body=forged)
    else:
        result = await payer.post(event, header="t=abc,v0=zzz")
    assert result[0] == 400
    assert await payer.deliver() == []
    assert (await payer.profile()).status == "link_sent"
    async with payer.services.engine.sessions() as session:
        assert not await was_processed(session, "stripe", str(event["id"]))
    # The genuine delivery still works afterwards.
    assert await payer.post(event) == (200, "ok")


async def test_signed_but_not_json_is_refused(payer: Payer) -> None:
    assert (await payer.post({}, body=b"not json"))[0] == 400


async def test_stale_snapshot_is_fetched_again(payer: Payer, stripe_double: StripeDouble) -> None:
    """An event whose snapshot predates the outcome: the fresh object decides."""
    session_id = await _ready(payer)
    stale = stripe_double.event("checkout.session.completed", stripe_double.sessions[session_id])
    assert stale["data"]["object"]["status"] == "open"  # type: ignore[index]
    stripe_double.complete(session_id)
    assert await payer.post(stale) == (200, "ok")
    assert await payer.deliver() == ["onboarding-done", "credit-left"]


async def test_failure_reported_after_success_is_ignored(
    payer: Payer, stripe_double: StripeDouble
) -> None:
    session_id = await _ready(payer)
    failed = stripe_double.fail_setup(session_id)  # a first attempt failed...
    completed = stripe_double.complete(session_id)  # ...the second worked
    assert await payer.post(completed) == (200, "ok")  # and the events come in reverse
    assert await payer.post(failed) == (200, "ok")
    assert await payer.deliver() == ["onboarding-done", "credit-left"]
    assert (await payer.profile()).status == "saved"


async def test_completion_before_anything_else_still_counts(
    payer: Payer, stripe_double: StripeDouble
) -> None:
    """The session's expiry notice of an older link arrives after the new one is paid."""
    await _ready(payer)
    await payer.say("New link")
    await payer.work()
    new = payer.session_id()
    completed = stripe_double.complete(new)
    assert await payer.post(completed) == (200, "ok")
    (old_expired,) = stripe_double.events
    assert await payer.post(old_expired) == (200, "ok")
    assert await payer.deliver() == ["onboarding-done", "credit-left"]


async def test_failed_setup_gives_the_reason_and_a_new_link(
    payer: Payer, stripe_double: StripeDouble, caplog: pytest.LogCaptureFixture
) -> None:
    session_id = await _ready(payer, "es")
    event = stripe_double.fail_setup(
        session_id,
        code="card_declined",
        decline_code="insufficient_funds",
        message="Your card has insufficient funds.",
    )
    with caplog.at_level(logging.INFO, logger="bot"):
        assert await payer.post(event) == (200, "ok")
    assert await payer.deliver() == ["payment-failed"]
    text = payer.shown[-1].text
    assert "fondos suficientes" in text and "enlace nuevo" in text
    assert "insufficient" not in text  # Stripe's English is for operators only
    profile = await payer.profile()
    assert (profile.status, profile.failure_reason) == (
        "failed",
        "Your card has insufficient funds. (card_declined/insufficient_funds)",
    )
    assert "Your card has insufficient funds." in caplog.text
    assert await payer.work() == ["payment-link"]
    assert payer.session_id() != session_id
    assert stripe_double.sessions[session_id]["status"] == "expired"


@pytest.mark.parametrize(
    ("language", "code", "decline_code", "expected"),
    [
        ("ru", "expired_card", "expired_card", "Срок действия карты истёк"),
        ("it", "incorrect_cvc", None, "codice di sicurezza (CVC)"),
        ("pt-BR", "processing_error", None, "Ocorreu um erro ao verificar o cartão"),
        ("es", "setup_intent_authentication_failure", None, "3D Secure"),
        ("en", "something_new", None, "The payment method couldn't be saved"),
    ],
)
async def test_setup_failure_reasons_are_localized(
    payer: Payer,
    stripe_double: StripeDouble,
    capsys: pytest.CaptureFixture[str],
    language: str,
    code: str | None,
    decline_code: str | None,
    expected: str,
) -> None:
    session_id = await _ready(payer, language)
    stripe_message = "Stripe says something in English."
    event = stripe_double.fail_setup(
        session_id, code=code, decline_code=decline_code, message=stripe_message
    )
    assert await payer.post(event) == (200, "ok")
    assert await payer.deliver() == ["payment-failed"]
    text = payer.shown[-1].text
    assert expected in text and "English" not in text
    assert stripe_message in ((await payer.profile()).failure_reason or "")
    assert (await _orgs_json(payer, capsys))[0]["payment"]["reason"].startswith(stripe_message)


async def test_expired_session_gets_a_new_link(payer: Payer, stripe_double: StripeDouble) -> None:
    session_id = await _ready(payer, "ru")
    assert await payer.post(stripe_double.expire(session_id)) == (200, "ok")
    assert await payer.deliver() == ["payment-link-expired"]
    assert await payer.work() == ["payment-link"]
    assert payer.session_id() != session_id
    assert len(stripe_double.sessions) == 2 and len(stripe_double.customers) == 1


async def test_inactive_mandate_tells_the_user_and_support(
    payer: Payer, stripe_double: StripeDouble, caplog: pytest.LogCaptureFixture
) -> None:
    session_id = await _ready(payer, "pt-BR")
    await payer.post(stripe_double.complete(session_id, "sepa_debit"))
    await payer.deliver()
    (mandate_id,) = stripe_double.mandates
    with caplog.at_level(logging.WARNING, logger="bot"):
        assert await payer.post(stripe_double.set_mandate(mandate_id, "inactive")) == (200, "ok")
    assert f"support: the SEPA mandate {mandate_id}" in caplog.text
    assert await payer.deliver() == ["payment-mandate-inactive", "payment-ask"]
    assert await payer.work() == ["payment-link"]
    profile = await payer.profile()
    assert (profile.status, profile.mandate_status) == ("link_sent", "inactive")


async def test_mandate_that_becomes_active_later_is_told_once(
    payer: Payer, stripe_double: StripeDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    session_id = await _ready(payer, "it")
    completed = stripe_double.complete(
        session_id, "sepa_debit", last4="3000", mandate_status="pending"
    )
    assert await payer.post(completed) == (200, "ok")
    assert await payer.deliver() == ["onboarding-done", "credit-left"]
    assert "mandato in attesa" in payer.shown[-2].text
    (mandate_id,) = stripe_double.mandates
    stale_pending = stripe_double.event("mandate.updated", stripe_double.mandates[mandate_id])

    activated = stripe_double.set_mandate(mandate_id, "active")
    assert await payer.post(activated) == (200, "ok")
    assert await payer.deliver() == ["payment-mandate-active"]
    assert "IBAN DE •••• 3000 ora è attivo" in payer.shown[-1].text
    assert (await payer.profile()).mandate_status == "active"
    (org,) = await _orgs_json(payer, capsys)
    assert org["payment"]["status"] == "saved" and org["payment"]["mandate"] == "active"
    assert await payer.say("/status") == ["status-summary", "invite-status"]
    assert "mandato attivo" in payer.shown[-2].text

    # The same event again, another event saying the same, an older "pending"
    # delivered late, and Stripe itself momentarily answering "pending": no
    # second message, and the status does not move back.
    assert await payer.post(activated) == (200, "duplicate")
    again = stripe_double.event("mandate.updated", stripe_double.mandates[mandate_id])
    assert await payer.post(again) == (200, "ok")
    assert await payer.post(stale_pending) == (200, "ok")
    stripe_double.mandates[mandate_id]["status"] = "pending"
    lagging = stripe_double.event("mandate.updated", stripe_double.mandates[mandate_id])
    assert await payer.post(lagging) == (200, "ok")
    assert await payer.work() == []
    assert (await payer.profile()).mandate_status == "active"

    # Forward still works: active → inactive is told (and support with it).
    assert await payer.post(stripe_double.set_mandate(mandate_id, "inactive")) == (200, "ok")
    assert await payer.deliver() == ["payment-mandate-inactive", "payment-ask"]


async def test_mandate_active_before_completion_is_told_in_the_saved_message(
    payer: Payer, stripe_double: StripeDouble
) -> None:
    session_id = await _ready(payer, "en")
    completed = stripe_double.complete(
        session_id, "sepa_debit", last4="3000", mandate_status="pending"
    )
    (mandate_id,) = stripe_double.mandates
    # Stripe delivers the mandate's activation before the session's completion.
    assert await payer.post(stripe_double.set_mandate(mandate_id, "active")) == (200, "ok")
    assert await payer.deliver() == []
    assert await payer.post(completed) == (200, "ok")
    assert await payer.deliver() == ["onboarding-done", "credit-left"]
    assert "mandate active" in payer.shown[-2].text
    again = stripe_double.event("mandate.updated", stripe_double.mandates[mandate_id])
    assert await payer.post(again) == (200, "ok")
    assert await payer.work() == []
    assert (await payer.profile()).mandate_status == "active"


async def test_unknown_event_types_are_acknowledged(
    payer: Payer, stripe_double: StripeDouble
) -> None:
    await _ready(payer)
    event = stripe_double.event("customer.updated", next(iter(stripe_double.customers.values())))
    assert await payer.post(event) == (200, "ignored")


async def test_stripe_down_during_a_webhook_asks_for_redelivery(
    payer: Payer, stripe_double: StripeDouble
) -> None:
    session_id = await _ready(payer)
    event = stripe_double.complete(session_id)
    stripe_double.fail_next(3)
    assert (await payer.post(event))[0] == 500
    assert (await payer.profile()).status == "link_sent"
    assert await payer.post(event) == (200, "ok")


async def test_return_pages_are_localized(payer: Payer) -> None:
    translator = payer.services.translator
    async with aiohttp.ClientSession() as http:
        for path, text_id in [
            ("/payment/done?lang=ru&session_id=cs_test_1", "web-payment-unknown-text"),
            ("/payment/cancelled?lang=pt-BR", "web-payment-cancelled-text"),
        ]:
            async with http.get(payer.web_url + path) as response:
                assert response.status == 200
                language = "ru" if "ru" in path else "pt-BR"
                assert translator.format(language, text_id) in await response.text()


async def test_without_a_webhook_secret_nothing_is_read(
    paying: Services, stripe_double: StripeDouble, caplog: pytest.LogCaptureFixture
) -> None:
    unsigned = open_services(
        paying.settings.model_copy(update={"stripe_webhook_secret": None}),
        clock=paying.engine.clock,
    )
    runner, url = await serve(unsigned)
    try:
        payer = Payer(unsigned, url, stripe_double)
        session_id = await _ready(payer)
        with caplog.at_level(logging.ERROR, logger="bot"):
            status, _ = await payer.post(stripe_double.complete(session_id))
        assert status == 400 and "STRIPE_WEBHOOK_SECRET is not set" in caplog.text
        assert (await payer.profile()).status == "link_sent"
    finally:
        await runner.cleanup()
        await unsigned.close()
