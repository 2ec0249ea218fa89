"""Property-based tests on the pure core: any sequence of events from any state
keeps the invariants."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.text.i18n import Translator
from conversations import (
    CHOICES,
    COMMANDS,
    CURRENCIES,
    LANGUAGES,
    Choice,
    Command,
    Conversation,
    Credit,
    CreditExhausted,
    CreditStatus,
    CreditUsed,
    EmailConfirmed,
    EmailDeliveryFailed,
    EmailRefused,
    Event,
    FormRejected,
    FormSubmitted,
    HandoffClosed,
    HandoffMessage,
    HandoffNewPaymentLink,
    HandoffResendEmail,
    HandoffResumed,
    HandoffTaken,
    MandateInactive,
    OrganizationCreated,
    OrganizationRefused,
    PaymentLinkDelayed,
    PaymentLinkExpired,
    PaymentLinkReady,
    PaymentLinkUnavailable,
    Reply,
    SavedMethod,
    SetupFailed,
    SetupProcessing,
    SetupSucceeded,
    State,
    Text,
    Timer,
    step,
)
from conversations.validation import EmailResult, NameResult, check_email, check_name

TRANSLATOR = Translator(Path(__file__).resolve().parents[2] / "locales")
ALL_CHOICES = sorted({value for values in CHOICES.values() for value in values} | {"handoff"})
INTERESTING_TEXT = [
    "Acme Labs",
    "ООО Ромашка",
    "a",
    "",
    " ",
    "alice@acme.com",
    "bob@gmail.com",
    "x@mailinator.com",
    "not an email",
    "<b>x</b>",
    "4242 4242 4242 4242",
    "DE89 3704 0044 0532 0130 00",
    "Ac\u200bme",
    "Ac\x00me",
    "N" * 101,
    "x" * 2000,
    "/start",
]

texts = st.one_of(st.sampled_from(INTERESTING_TEXT), st.text(max_size=120))
org_ids = st.integers(min_value=1, max_value=3)
credits = st.one_of(
    st.builds(Credit, status=st.sampled_from(list(CreditStatus))),
    st.builds(
        Credit,
        status=st.just(CreditStatus.GRANTED),
        amount_minor=st.just(2500),
        remaining_minor=st.integers(0, 2500),
    ),
)
events: st.SearchStrategy[Event] = st.one_of(
    st.builds(Text, text=texts),
    st.builds(Choice, value=st.one_of(st.sampled_from(ALL_CHOICES), st.text(max_size=10))),
    st.builds(
        Command,
        name=st.one_of(st.sampled_from(COMMANDS), st.from_regex(r"[a-z]{1,12}", fullmatch=True)),
        arg=st.text(max_size=20),
    ),
    st.builds(
        FormSubmitted,
        name=texts,
        email=texts,
        currency=st.sampled_from([*CURRENCIES, "", "GBP"]),
        language=st.sampled_from([*LANGUAGES, "", "de"]),
    ),
    st.builds(OrganizationCreated, org_id=org_ids),
    st.builds(EmailConfirmed, org_id=org_ids),
    st.builds(EmailConfirmed, org_id=org_ids, credit=credits),
    st.builds(CreditUsed, org_id=org_ids, remaining_minor=st.integers(-100, 5000)),
    st.builds(CreditExhausted, org_id=org_ids),
    st.builds(EmailDeliveryFailed, org_id=org_ids),
    st.builds(
        SetupSucceeded,
        org_id=org_ids,
        method=st.sampled_from(
            [
                SavedMethod(kind="card", brand="visa", last4="4242"),
                SavedMethod(kind="card", brand="unknown", last4="0000"),
                SavedMethod(
                    kind="sepa_debit",
                    brand="37040044",
                    last4="3000",
                    country="DE",
                    mandate="pending",
                ),
            ]
        ),
    ),
    st.builds(SetupFailed, org_id=org_ids, reason=st.just("declined")),
    st.builds(SetupProcessing, org_id=org_ids),
    st.builds(PaymentLinkExpired, org_id=org_ids),
    st.builds(
        PaymentLinkReady,
        org_id=org_ids,
        url=st.just("https://checkout.example/c/1"),
        card_only=st.booleans(),
    ),
    st.builds(PaymentLinkDelayed, org_id=org_ids),
    st.builds(PaymentLinkUnavailable, org_id=org_ids),
    st.builds(MandateInactive, org_id=org_ids),
    st.builds(OrganizationRefused, hours=st.integers(min_value=0, max_value=24)),
    st.builds(EmailRefused, org_id=org_ids, hours=st.integers(min_value=0, max_value=24)),
    st.builds(Timer, name=st.text(max_size=10), org_id=st.none() | org_ids),
    st.builds(HandoffTaken, agent=st.sampled_from(["dana", ""])),
    st.builds(HandoffMessage, text=texts),
    st.builds(HandoffResumed),
    st.builds(HandoffClosed),
    st.builds(HandoffResendEmail),
    st.builds(HandoffNewPaymentLink),
    st.builds(Timer, name=st.just("handoff-sla")),
)


def _fields_valid(conv: Conversation) -> None:
    assert conv.state in State
    assert conv.language in LANGUAGES
    if conv.name is not None:
        assert check_name(conv.name) == NameResult(conv.name)
    if conv.email is not None:
        result = check_email(conv.email)
        assert isinstance(result, EmailResult) and result.value == conv.email
    assert conv.currency is None or conv.currency in CURRENCIES
    if conv.credit is not None:
        assert 0 <= conv.credit.remaining_minor <= max(conv.credit.amount_minor, 0)
    assert Conversation.from_data(conv.state.value, conv.to_data()) == conv
    assert conv.handoff in (None, "waiting", "taken", "escalated")


def _rendered(reply: Reply | FormRejected, language: str) -> None:
    if isinstance(reply, FormRejected):
        for message_id in reply.errors.values():
            assert TRANSLATOR.format(reply.language, message_id) != message_id
        return
    text = TRANSLATOR.format(language, reply.message_id, reply.args)
    assert text and text != reply.message_id
    for button in reply.buttons:
        assert TRANSLATOR.format(language, button.label, button.args) != button.label


@settings(max_examples=400, deadline=None)
@given(st.lists(events, max_size=40))
def test_any_sequence_keeps_the_invariants(sequence: list[Event]) -> None:
    conv = Conversation()
    confirmed: set[int] = set()
    for event in sequence:
        if isinstance(event, OrganizationCreated) and event.org_id in confirmed:
            continue  # the shell never hands out an organization id twice
        before = conv
        conv, effects = step(conv, event)
        _fields_valid(conv)
        if before.handoff is not None and isinstance(event, Text):
            # A person owns the conversation: what the user writes moves nothing.
            assert conv == before
        for effect in effects:
            if isinstance(effect, Reply | FormRejected):
                _rendered(effect, conv.language)
        if conv.step in (State.PAYMENT, State.DONE) and conv.org_id is not None:
            confirmed.add(conv.org_id)
        if conv.org_id in confirmed:
            # A confirmed organization never goes back to waiting for its email.
            assert conv.step not in (State.AWAITING_EMAIL, State.EMAIL, State.SUMMARY)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(list(State)), st.lists(events, max_size=10))
def test_from_any_state(state: State, sequence: list[Event]) -> None:
    conv = Conversation(
        state=state,
        name="Acme",
        email="a@acme.com",
        currency="EUR",
        org_id=1 if state in (State.AWAITING_EMAIL, State.PAYMENT, State.DONE) else None,
        resume=State.SUMMARY if state.value.startswith(("pick", "confirm")) else None,
    )
    for event in sequence:
        conv, effects = step(conv, event)
        _fields_valid(conv)
        for effect in effects:
            if isinstance(effect, Reply | FormRejected):
                _rendered(effect, conv.language)
