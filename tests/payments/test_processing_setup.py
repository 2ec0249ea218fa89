"""A setup Stripe is still verifying (a bank account, often): Checkout is
done, the SetupIntent `processing`. The user is told once, in their
language; `setup_intent.succeeded` saves the method, `setup_intent.setup_failed`
says why it failed and brings a new link."""

import pytest

from conversations import Choice
from tests.doubles.stripe_api import StripeDouble
from tests.payments.conftest import Payer


async def _processing(payer: Payer, stripe_double: StripeDouble, language: str) -> str:
    """Up to the verification; returns the SetupIntent's id."""
    await payer.sign_up(language, "EUR")
    await payer.work()
    session_id = payer.session_id()
    completed = stripe_double.submit_for_verification(session_id, last4="3000")
    assert await payer.post(completed) == (200, "ok")
    assert await payer.deliver() == ["payment-processing"]
    assert (await payer.profile()).status == "processing"
    # Stripe delivering the completion again, or a fresh event saying the
    # same, tells nothing new.
    assert await payer.post(completed) == (200, "duplicate")
    again = stripe_double.event("checkout.session.completed", stripe_double.sessions[session_id])
    assert await payer.post(again) == (200, "ok")
    assert await payer.deliver() == []
    return str(stripe_double.sessions[session_id]["setup_intent"])


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "being verified"),
        ("ru", "проходят проверку"),
        ("it", "Stiamo verificando"),
        ("pt-BR", "estão sendo verificados"),
        ("es", "Estamos verificando"),
    ],
)
async def test_processing_then_succeeded_saves_the_account(
    payer: Payer, stripe_double: StripeDouble, language: str, words: str
) -> None:
    intent_id = await _processing(payer, stripe_double, language)
    assert words in payer.shown[-1].text
    succeeded = stripe_double.finish_verification(intent_id, succeeded=True)
    assert await payer.post(succeeded) == (200, "ok")
    assert await payer.deliver() == ["onboarding-done", "credit-left"]
    assert "3000" in payer.shown[-2].text
    profile = await payer.profile()
    assert (profile.status, profile.method_type, profile.mandate_status) == (
        "saved",
        "sepa_debit",
        "active",
    )
    (customer,) = stripe_double.customers.values()
    assert customer["invoice_settings"]["default_payment_method"] == profile.payment_method_id
    assert await payer.post(succeeded) == (200, "duplicate")
    assert await payer.deliver() == []


async def test_processing_then_failed_says_why_and_sends_a_new_link(
    payer: Payer, stripe_double: StripeDouble
) -> None:
    intent_id = await _processing(payer, stripe_double, "es")
    first = payer.session_id()
    failed = stripe_double.finish_verification(
        intent_id, succeeded=False, code="bank_account_unusable", message="Account closed."
    )
    assert await payer.post(failed) == (200, "ok")
    assert await payer.deliver() == ["payment-failed"]
    assert "Account closed" not in payer.shown[-1].text  # Stripe's English is for operators
    profile = await payer.profile()
    assert profile.status == "failed"
    assert profile.failure_reason == "Account closed. (bank_account_unusable)"
    # The used page cannot be expired (it is complete): a new one is made anyway.
    assert await payer.work() == ["payment-link"]
    assert payer.session_id() != first
    assert (await payer.profile()).status == "link_sent"


async def test_asking_for_the_link_while_processing_repeats_the_news(
    payer: Payer, stripe_double: StripeDouble
) -> None:
    await _processing(payer, stripe_double, "en")
    sessions = len(stripe_double.sessions)
    assert await payer.say("/start") == ["payment-ask", "payment-processing"]
    assert len(stripe_double.sessions) == sessions


async def test_new_link_while_processing_is_made_and_a_late_success_still_counts(
    payer: Payer, stripe_double: StripeDouble
) -> None:
    intent_id = await _processing(payer, stripe_double, "en")
    first = payer.session_id()
    # The button under the earlier link message (chats keep it on screen).
    shown = len(payer.shown)
    await payer.channel.handle_event(Choice(value="new-link"))
    assert [m.message_id for m in payer.shown[shown:]] == ["payment-link"]
    assert payer.session_id() != first
    # The bank account is verified after all: it is saved.
    succeeded = stripe_double.finish_verification(intent_id, succeeded=True)
    assert await payer.post(succeeded) == (200, "ok")
    assert await payer.deliver() == ["onboarding-done", "credit-left"]
    assert (await payer.profile()).status == "saved"
