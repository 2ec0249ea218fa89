"""The core, event by event."""

from datetime import UTC, datetime

import pytest

from conversations import (
    CHOICES,
    TRANSITIONS,
    AbandonOrganization,
    Choice,
    Command,
    Conversation,
    CreateOrganization,
    CreatePaymentLink,
    DeleteUserData,
    EmailConfirmed,
    EmailDeliveryFailed,
    EmailRefused,
    FormSubmitted,
    MandateInactive,
    OrganizationCreated,
    OrganizationRefused,
    PaymentLinkDelayed,
    PaymentLinkExpired,
    PaymentLinkReady,
    PaymentLinkUnavailable,
    RedactUserMessage,
    Reply,
    SavedMethod,
    SendConfirmationEmail,
    SetupFailed,
    SetupProcessing,
    SetupSucceeded,
    State,
    Text,
    Timer,
    UpdateOrganization,
    method_args,
    prompt,
    step,
)
from conversations.invitations import invite_button

VISA = SavedMethod(kind="card", brand="visa", last4="4242")
SEPA = SavedMethod(
    kind="sepa_debit", brand="37040044", last4="3000", country="DE", mandate="active"
)

FULL = Conversation(
    state=State.SUMMARY, language="en", name="Acme", email="a@acme.com", currency="EUR"
)
SAVED = Conversation(
    state=State.AWAITING_EMAIL,
    language="en",
    name="Acme",
    email="a@acme.com",
    currency="EUR",
    org_id=7,
)
PAYING = Conversation(**{**SAVED.to_data(), "state": State.PAYMENT})


def conv_in(state: State) -> Conversation:
    """A plausible conversation in each state."""
    if state in (State.AWAITING_EMAIL, State.PAYMENT, State.DONE):
        return Conversation(**{**SAVED.to_data(), "state": state})
    if state in (State.PICK_LANGUAGE, State.CONFIRM_CANCEL, State.CONFIRM_DELETE):
        return Conversation(**{**FULL.to_data(), "state": state, "resume": State.SUMMARY})
    return Conversation(**{**FULL.to_data(), "state": state})


def ids(effects: list[object]) -> list[str]:
    """What the user hears, an email's announcement included (the shell
    says it once the email is queued)."""
    said: list[str] = []
    for effect in effects:
        if isinstance(effect, Reply):
            said.append(effect.message_id)
        elif isinstance(effect, SendConfirmationEmail):
            said += [reply.message_id for reply in effect.announce]
    return said


SAMPLE_EVENTS = [
    Text(text="hello"),
    Choice(value="save"),
    FormSubmitted(name="Acme", email="a@acme.com", currency="EUR", language="en"),
    OrganizationCreated(org_id=7),
    EmailDeliveryFailed(org_id=7),
    SetupSucceeded(org_id=7, method=VISA),
    SetupFailed(org_id=7, reason="declined"),
    SetupProcessing(org_id=7),
    PaymentLinkExpired(org_id=7),
    PaymentLinkReady(org_id=7, url="https://checkout.example/c/1"),
    PaymentLinkDelayed(org_id=7),
    PaymentLinkUnavailable(org_id=7),
    MandateInactive(org_id=7),
    OrganizationRefused(hours=3),
    EmailRefused(org_id=7, hours=3),
]


def _legal(state: State, event: object) -> bool:
    if type(event) not in TRANSITIONS[state]:
        return False
    return not isinstance(event, Choice) or event.value in CHOICES.get(state, frozenset())


ILLEGAL_PAIRS = [
    pytest.param(state, event, id=f"{state.value}-{type(event).__name__}")
    for state in State
    for event in SAMPLE_EVENTS
    if not _legal(state, event)
]


def test_the_table_has_illegal_pairs_in_every_state() -> None:
    assert {state for state, _ in (p.values for p in ILLEGAL_PAIRS)} == set(State)


@pytest.mark.parametrize(("state", "event"), ILLEGAL_PAIRS)
def test_every_illegal_pair_leaves_state_alone(state: State, event: object) -> None:
    conv = conv_in(state)
    new, effects = step(conv, event)  # type: ignore[arg-type]
    assert new == conv
    if isinstance(event, EmailDeliveryFailed | OrganizationRefused | EmailRefused):
        # unasked news that no longer fits: dropped
        assert effects == []
    else:
        assert effects == [Reply(message_id="error-not-now"), prompt(conv)]


@pytest.mark.parametrize("state", list(State))
def test_unknown_choice_value_is_not_now(state: State) -> None:
    conv = conv_in(state)
    new, effects = step(conv, Choice(value="no-such-button"))
    assert new == conv
    assert ids(effects)[0] == "error-not-now"


@pytest.mark.parametrize("state", list(State))
def test_unknown_command_changes_nothing(state: State) -> None:
    conv = conv_in(state)
    new, effects = step(conv, Command(name="frobnicate"))
    assert new == conv
    assert ids(effects) == ["error-unknown-command", prompt(conv).message_id]


@pytest.mark.parametrize("state", list(State))
def test_status_and_help_change_nothing(state: State) -> None:
    conv = conv_in(state)
    assert step(conv, Command(name="status"))[0] == conv
    assert ids(step(conv, Command(name="help"))[1]) == ["help-text"]


@pytest.mark.parametrize("state", list(State))
def test_payment_numbers_are_never_kept(state: State) -> None:
    conv = conv_in(state)
    new, effects = step(conv, Text(text="card 4111-1111-1111-1111 thanks"))
    assert new == conv
    assert effects == [RedactUserMessage(), Reply(message_id="warning-payment-number")]


@pytest.mark.parametrize("state", list(State))
def test_a_timer_nobody_asked_for_changes_nothing(state: State) -> None:
    # Reminders themselves: tests/conversations/test_resend_and_reminders.py.
    assert step(conv_in(state), Timer(name="no-such-timer")) == (conv_in(state), [])


def test_the_whole_flow() -> None:
    conv = Conversation(language="ru")
    conv, effects = step(conv, Command(name="start"))
    assert conv.state is State.LANGUAGE
    assert ids(effects) == ["onboarding-welcome", "onboarding-ask-language"]
    conv, _ = step(conv, Choice(value="it"))
    assert (conv.state, conv.language) == (State.NAME, "it")
    conv, _ = step(conv, Text(text="  Acme   Labs "))
    assert (conv.state, conv.name) == (State.EMAIL, "Acme Labs")
    conv, _ = step(conv, Text(text="Alice@ACME.com"))
    assert (conv.state, conv.email) == (State.CURRENCY, "Alice@acme.com")
    conv, _ = step(conv, Choice(value="EUR"))
    assert (conv.state, conv.currency) == (State.SUMMARY, "EUR")
    conv, effects = step(conv, Choice(value="save"))
    assert conv.state is State.AWAITING_EMAIL
    assert effects == [
        CreateOrganization(name="Acme Labs", email="Alice@acme.com", language="it", currency="EUR")
    ]
    conv, effects = step(conv, OrganizationCreated(org_id=3))
    assert conv.org_id == 3
    assert effects[0] == SendConfirmationEmail(org_id=3, announce=(prompt(conv),))
    assert ids(effects) == ["onboarding-awaiting-email"]
    conv, effects = step(conv, EmailConfirmed(org_id=3))
    assert conv.state is State.PAYMENT
    assert effects[-1] == CreatePaymentLink(org_id=3)
    conv, effects = step(conv, SetupSucceeded(org_id=3, method=VISA))
    assert conv.state is State.DONE and conv.payment_method == VISA
    assert effects == [
        Reply(message_id="onboarding-done", args=method_args(VISA), buttons=(invite_button(),))
    ]


def test_invalid_name_counts_and_keeps_state() -> None:
    conv = conv_in(State.NAME)
    new, effects = step(conv, Text(text="x"))
    assert new.state is State.NAME and new.name == conv.name
    assert new.invalid_in_a_row == 1
    assert ids(effects) == ["error-name-too-short"]


def test_free_mail_is_accepted_with_a_note() -> None:
    # The note offers the choice it mentions: the step waits for "keep" (or another address).
    conv = Conversation(state=State.EMAIL, name="Acme")
    new, effects = step(conv, Text(text="bob@yandex.ru"))
    assert new.state is State.EMAIL and new.pending_email == "bob@yandex.ru"
    assert ids(effects) == ["email-note-free"]
    new, effects = step(new, Choice(value="keep-email"))
    assert new.state is State.CURRENCY and new.email == "bob@yandex.ru"
    assert ids(effects) == ["onboarding-ask-currency"]


def test_editing_returns_to_summary() -> None:
    conv, _ = step(FULL, Choice(value="edit-email"))
    assert conv.state is State.EMAIL and conv.editing
    conv, effects = step(conv, Text(text="new@acme.com"))
    assert conv.state is State.SUMMARY and not conv.editing
    assert ids(effects) == ["onboarding-summary"]


def test_change_email_after_save_sends_a_new_link() -> None:
    conv, _ = step(SAVED, Choice(value="change-email"))
    conv, effects = step(conv, Text(text="other@acme.com"))
    assert conv.state is State.AWAITING_EMAIL
    assert UpdateOrganization(org_id=7, email="other@acme.com") in effects
    assert SendConfirmationEmail(org_id=7, announce=(prompt(conv),)) in effects
    assert ids(effects) == ["onboarding-awaiting-email"]


def test_a_resend_is_announced_only_with_its_email() -> None:
    """ "Sent again" rides on the send: the shell says it only if the email
    is queued, so at the address's daily limit the user hears only the limit."""
    later = SAVED.at(State.AWAITING_EMAIL, email_sends=())
    conv, effects = step(later, Choice(value="resend"), now=datetime(2026, 5, 4, tzinfo=UTC))
    (send,) = [e for e in effects if isinstance(e, SendConfirmationEmail)]
    assert [r.message_id for r in send.announce] == ["email-resent"]
    assert not any(isinstance(e, Reply) for e in effects)
    conv, effects = step(conv, EmailRefused(org_id=7, hours=5))
    assert ids(effects) == ["limits-emails-per-address"]


def test_confirmation_while_changing_email_still_confirms() -> None:
    conv, _ = step(SAVED, Choice(value="change-email"))
    conv, _ = step(conv, EmailConfirmed(org_id=7))
    assert conv.state is State.PAYMENT and not conv.editing


def test_confirmation_of_another_org_only_tells() -> None:
    conv, effects = step(SAVED, EmailConfirmed(org_id=99))
    assert conv == SAVED
    assert ids(effects) == ["email-confirmed-other"]


def test_confirmation_under_an_overlay_moves_the_step_beneath() -> None:
    conv, _ = step(SAVED, Command(name="language"))
    conv, _ = step(conv, EmailConfirmed(org_id=7))
    assert conv.state is State.PICK_LANGUAGE and conv.resume is State.PAYMENT
    conv, effects = step(conv, Choice(value="es"))
    assert conv.state is State.PAYMENT and conv.language == "es"
    assert UpdateOrganization(org_id=7, language="es") in effects


def test_cancel_after_save_abandons_the_organization() -> None:
    conv, _ = step(SAVED, Command(name="cancel"))
    assert conv.state is State.CONFIRM_CANCEL
    conv, effects = step(conv, Choice(value="yes"))
    assert conv.state is State.CANCELLED and conv.name is None
    assert AbandonOrganization(org_id=7) in effects


def test_cancel_no_resumes() -> None:
    conv, _ = step(FULL, Command(name="cancel"))
    conv, effects = step(conv, Choice(value="no"))
    assert conv == FULL
    assert ids(effects) == ["onboarding-summary"]


def test_delete_erases_collected_data() -> None:
    conv, _ = step(PAYING, Command(name="delete"))
    conv, effects = step(conv, Choice(value="yes"))
    assert conv == Conversation(language="en")
    assert DeleteUserData() in effects


def test_new_after_save_starts_over_keeping_language() -> None:
    conv, effects = step(
        Conversation(**{**PAYING.to_data(), "language": "pt-BR"}), Command(name="new")
    )
    assert conv == Conversation(state=State.NAME, language="pt-BR")
    assert ids(effects) == ["onboarding-ask-name"]


def test_start_resumes_at_the_same_step() -> None:
    conv = conv_in(State.CURRENCY)
    new, effects = step(conv, Command(name="start"))
    assert new == conv
    assert ids(effects) == ["onboarding-ask-currency"]


def test_start_under_an_overlay_drops_the_overlay() -> None:
    conv, _ = step(FULL, Command(name="delete"))
    new, _ = step(conv, Command(name="start"))
    assert new == FULL


def test_setup_failure_offers_a_new_link() -> None:
    conv, effects = step(PAYING, SetupFailed(org_id=7, reason="card declined"))
    assert conv == PAYING
    assert ids(effects) == ["payment-failed"]
    assert CreatePaymentLink(org_id=7, renew=True) in effects


@pytest.mark.parametrize(
    "event",
    [
        SetupSucceeded(org_id=8, method=VISA),
        SetupFailed(org_id=8, reason="x"),
        PaymentLinkExpired(org_id=8),
        PaymentLinkReady(org_id=8, url="https://checkout.example/c/1"),
        PaymentLinkDelayed(org_id=8),
        PaymentLinkUnavailable(org_id=8),
    ],
)
def test_events_for_another_org_in_payment_are_ignored(event: object) -> None:
    assert step(PAYING, event) == (PAYING, [])  # type: ignore[arg-type]


def test_link_ready_shows_a_url_button_and_a_new_link_button() -> None:
    conv, effects = step(PAYING, PaymentLinkReady(org_id=7, url="https://checkout.example/c/1"))
    assert conv == PAYING
    (reply,) = effects
    assert isinstance(reply, Reply) and reply.message_id == "payment-link"
    assert [(b.value, b.url) for b in reply.buttons] == [
        ("open-payment-link", "https://checkout.example/c/1"),
        ("new-link", None),
    ]


def test_usd_users_are_told_why_there_is_no_sepa() -> None:
    paying_usd = PAYING.at(State.PAYMENT, currency="USD")
    _, effects = step(paying_usd, PaymentLinkReady(org_id=7, url="https://checkout.example/c/1"))
    assert ids(effects) == ["payment-card-only-usd", "payment-link"]


def test_new_link_renews() -> None:
    assert step(PAYING, Choice(value="new-link")) == (
        PAYING,
        [CreatePaymentLink(org_id=7, renew=True)],
    )


def test_link_delays_and_failures_are_told() -> None:
    assert ids(step(PAYING, PaymentLinkDelayed(org_id=7))[1]) == ["payment-link-delayed"]
    assert ids(step(PAYING, PaymentLinkUnavailable(org_id=7))[1]) == ["payment-link-unavailable"]


def test_expired_link_is_replaced() -> None:
    conv, effects = step(PAYING, PaymentLinkExpired(org_id=7))
    assert conv == PAYING
    assert ids(effects) == ["payment-link-expired"]
    assert CreatePaymentLink(org_id=7, renew=True) in effects


def test_inactive_mandate_goes_back_to_payment() -> None:
    done = PAYING.at(State.DONE, payment_method=SEPA)
    conv, effects = step(done, MandateInactive(org_id=7))
    assert conv.state is State.PAYMENT and conv.payment_method is None
    assert ids(effects) == ["payment-mandate-inactive", "payment-ask"]
    assert CreatePaymentLink(org_id=7, renew=True) in effects
    assert step(done, MandateInactive(org_id=8)) == (done, [])


def test_status_describes_the_saved_method_with_arguments() -> None:
    done = PAYING.at(State.DONE, payment_method=SEPA)
    reply, _team = step(done, Command(name="status"))[1]
    assert isinstance(reply, Reply)
    assert reply.args["method_kind"] == "sepa_debit" and reply.args["mandate"] == "active"
    reply, _team = step(PAYING, Command(name="status"))[1]
    assert isinstance(reply, Reply) and reply.args["method_kind"] == "none"


def test_saved_method_survives_serialization() -> None:
    done = PAYING.at(State.DONE, payment_method=SEPA)
    assert Conversation.from_data(done.state.value, done.to_data()) == done
    legacy = {**PAYING.to_data(), "payment_method": "Visa •••• 4242"}
    assert Conversation.from_data("done", legacy).payment_method is None


def test_serialization_round_trip() -> None:
    conv, _ = step(SAVED, Command(name="language"))
    assert Conversation.from_data(conv.state.value, conv.to_data()) == conv


def test_news_under_an_open_question_reaches_the_step_beneath() -> None:
    """A card saved (or a reminder due) while the language picker is open is
    not lost: it applies to the payment step, and the picker stays open."""
    conv, _ = step(PAYING, Command(name="language"))
    method = SavedMethod(kind="card", brand="visa", last4="4242")
    conv, effects = step(conv, SetupSucceeded(org_id=7, method=method))
    assert conv.state is State.PICK_LANGUAGE and conv.resume is State.DONE
    assert conv.payment_method == method
    assert "onboarding-done" in ids(effects)
    conv, _ = step(conv, Choice(value="es"))
    assert conv.state is State.DONE and conv.language == "es"
