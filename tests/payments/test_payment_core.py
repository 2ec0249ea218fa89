"""The payment pieces of the pure core: Stripe's setup error codes → the
reason the user reads, a SEPA mandate that becomes active later, a setup
still being verified, and an EUR page that offers cards only
(tests/payments/test_webhook*.py drive them through the Stripe double)."""

import pytest

from bot.text.i18n import Translator
from conversations import (
    LANGUAGES,
    Command,
    Conversation,
    MandateActive,
    PaymentLinkReady,
    SavedMethod,
    SetupFailed,
    SetupProcessing,
    SetupSucceeded,
    State,
    failure_reason,
    step,
)
from tests.locales.test_locales import LOCALES

CONFIRMS = (State.CONFIRM_CANCEL, State.CONFIRM_DELETE)

PENDING = SavedMethod(
    kind="sepa_debit", brand="37040044", last4="3000", country="DE", mandate="pending"
)
ACTIVE = MandateActive(
    org_id=7,
    method=SavedMethod(
        kind="sepa_debit", brand="37040044", last4="3000", country="DE", mandate="active"
    ),
)
DONE = Conversation(
    state=State.DONE,
    language="en",
    name="Acme",
    email="a@acme.com",
    currency="EUR",
    org_id=7,
    payment_method=PENDING,
)


@pytest.mark.parametrize(
    ("code", "decline_code", "reason"),
    [
        ("card_declined", "generic_decline", "declined"),
        ("card_declined", "", "declined"),
        ("card_declined", "insufficient_funds", "insufficient-funds"),
        ("card_declined", "stolen_card", "declined"),
        ("expired_card", "", "expired-card"),
        ("card_declined", "expired_card", "expired-card"),
        ("incorrect_cvc", "", "incorrect-cvc"),
        ("invalid_number", "", "incorrect-number"),
        ("processing_error", "", "processing-error"),
        ("setup_intent_authentication_failure", "", "authentication"),
        ("card_declined", "authentication_required", "authentication"),
        # a specific decline code wins over the general error code, in any order
        ("expired_card", "generic_decline", "expired-card"),
        ("", "", "other"),
        ("bank_account_unusable", "", "other"),
    ],
)
def test_codes_map_to_a_reason(code: str, decline_code: str, reason: str) -> None:
    assert failure_reason(code, decline_code) == reason


REASONS = [
    "declined",
    "insufficient-funds",
    "expired-card",
    "incorrect-cvc",
    "incorrect-number",
    "processing-error",
    "authentication",
    "other",
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reason_has_its_own_words_in_every_language(language: str) -> None:
    translator = Translator(LOCALES)
    texts = {
        reason: translator.format(language, "payment-failed", {"reason": reason})
        for reason in REASONS
    }
    assert len(set(texts.values())) == len(REASONS)  # no reason falls back to another
    generic = texts["other"]
    tail = generic.rsplit(". ", 1)[-1]
    assert all(text.endswith(tail) for text in texts.values())  # always "here is a new link"
    if language != "en":
        english = {r: translator.format("en", "payment-failed", {"reason": r}) for r in REASONS}
        assert not set(texts.values()) & set(english.values())


def test_mandate_active_is_told_and_remembered() -> None:
    conv, effects = step(DONE, ACTIVE)
    assert [e.message_id for e in effects] == ["payment-mandate-active"]  # type: ignore[attr-defined]
    assert effects[0].args == {"method_country": "DE", "method_last4": "3000"}  # type: ignore[attr-defined]
    assert conv.state is State.DONE
    assert conv.payment_method is not None and conv.payment_method.mandate == "active"


def test_mandate_active_under_an_overlay_keeps_the_question_open() -> None:
    asking, _ = step(DONE, Command(name="delete"))
    conv, effects = step(asking, ACTIVE)
    assert [e.message_id for e in effects] == ["payment-mandate-active"]  # type: ignore[attr-defined]
    assert conv.state is State.CONFIRM_DELETE and conv.resume is State.DONE
    assert conv.payment_method is not None and conv.payment_method.mandate == "active"


def test_mandate_active_of_an_earlier_organization_is_still_told() -> None:
    other = Conversation(state=State.NAME, language="en")
    conv, effects = step(other, ACTIVE)
    assert conv == other
    assert [e.message_id for e in effects] == ["payment-mandate-active"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("handoff", [None, "taken"])
def test_mandate_active_in_any_state_is_told_and_changes_only_the_mandate(
    state: State, handoff: str | None
) -> None:
    resume = State.DONE if state in (State.PICK_LANGUAGE, *CONFIRMS) else None
    conv = DONE.at(state, resume=resume, handoff=handoff)
    after, effects = step(conv, ACTIVE)
    assert [e.message_id for e in effects] == ["payment-mandate-active"]  # type: ignore[attr-defined]
    text = Translator(LOCALES).format("ru", "payment-mandate-active", effects[0].args)  # type: ignore[attr-defined]
    assert "DE •••• 3000" in text
    assert after.at(after.state, payment_method=PENDING) == conv
    assert Conversation.from_data(after.state.value, after.to_data()) == after


PAYING = DONE.at(State.PAYMENT, payment_method=None)


def _ids(effects: list[object]) -> list[str]:
    return [getattr(e, "message_id", type(e).__name__) for e in effects]


def test_processing_setup_is_told_and_then_resolved_by_either_outcome() -> None:
    waiting, effects = step(PAYING, SetupProcessing(org_id=7))
    assert _ids(effects) == ["payment-processing"]
    assert waiting == PAYING  # still at the payment step: the outcome decides
    saved, effects = step(waiting, SetupSucceeded(org_id=7, method=PENDING))
    assert saved.state is State.DONE and saved.payment_method == PENDING
    assert _ids(effects)[0] == "onboarding-done"
    failed, effects = step(waiting, SetupFailed(org_id=7, reason="bank_account_unusable"))
    assert failed.state is State.PAYMENT
    assert _ids(effects) == ["payment-failed", "CreatePaymentLink"]
    assert effects[0].args == {"reason": "other"}  # type: ignore[attr-defined]


def test_processing_of_another_organization_says_nothing() -> None:
    assert step(PAYING, SetupProcessing(org_id=8)) == (PAYING, [])


@pytest.mark.parametrize(
    ("currency", "card_only", "expected"),
    [
        ("EUR", False, ["payment-link"]),
        ("EUR", True, ["payment-card-only-eur", "payment-link"]),
        ("USD", False, ["payment-card-only-usd", "payment-link"]),
        ("USD", True, ["payment-card-only-usd", "payment-link"]),
    ],
)
def test_the_link_says_truthfully_which_methods_the_page_offers(
    currency: str, card_only: bool, expected: list[str]
) -> None:
    conv = PAYING.at(State.PAYMENT, currency=currency)
    ready = PaymentLinkReady(org_id=7, url="https://checkout.example/c/1", card_only=card_only)
    assert _ids(step(conv, ready)[1]) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_processing_and_cards_only_have_their_own_words(language: str) -> None:
    translator = Translator(LOCALES)
    processing = translator.format(language, "payment-processing")
    cards_only = translator.format(language, "payment-card-only-eur")
    assert processing and cards_only and processing != cards_only
    assert "SEPA" in cards_only
    if language != "en":
        assert processing != translator.format("en", "payment-processing")
        assert cards_only != translator.format("en", "payment-card-only-eur")
