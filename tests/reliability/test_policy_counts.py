"""The daily limits are decided in the core from counts the shell reads only
for a step that could use them (`conversations.policy.counts_needed`). Here:
a step given every count it asked for, each at its limit, never creates an
organization nor sends a confirmation email (so no path escapes the limits
by not asking), and the refusals say when to try again."""

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from conversations import (
    Choice,
    Conversation,
    CreateOrganization,
    CreatePaymentLink,
    Event,
    FormSubmitted,
    HandoffResendEmail,
    OrganizationCreated,
    Reply,
    SendConfirmationEmail,
    State,
    TellDesk,
    Text,
    step,
)
from conversations.facts import DailyCount, Facts
from conversations.handoff import TAKEN, WAITING
from conversations.policy import counts_needed

from .test_core_properties import events

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
LIMIT = 3
FULL = DailyCount(tuple(NOW - timedelta(hours=h) for h in (5, 4, 3)), LIMIT)


def _full_facts(conv: Conversation, event: Event) -> Facts:
    """What the engine would pass with every counted limit reached."""
    needed = counts_needed(conv, event)
    return Facts(
        organizations_today=FULL if needed.organizations else None,
        emails_today={email: FULL for email in needed.emails_to},
    )


def _assert_limited(conv: Conversation, event: Event) -> Conversation:
    after, effects = step(conv, event, now=NOW, facts=_full_facts(conv, event))
    kinds = {type(effect) for effect in effects}
    assert CreateOrganization not in kinds, (conv, event)
    assert SendConfirmationEmail not in kinds, (conv, event)
    return after


states = st.sampled_from(list(State))
addresses = st.sampled_from(["a@acme.com", "b@gmial.com", "c@gmail.com", None])


@settings(max_examples=400, deadline=None)
@given(
    states,
    st.sampled_from([None, WAITING, TAKEN]),
    st.sampled_from([None, 1]),
    addresses,
    addresses,
    st.lists(events, min_size=1, max_size=6),
)
def test_no_step_creates_or_sends_past_a_counted_limit(
    state: State,
    handoff: str | None,
    org_id: int | None,
    pending: str | None,
    suggestion: str | None,
    sequence: list[Event],
) -> None:
    conv = Conversation(
        state=state,
        name="Acme",
        email="a@acme.com",
        currency="EUR",
        org_id=org_id,
        pending_email=pending,
        suggestion=suggestion,
        handoff=handoff,
        resume=State.SUMMARY if state.value.startswith(("pick", "confirm")) else None,
    )
    for event in sequence:
        _assert_limited(conv, event)
        conv, _ = step(conv, event, now=NOW)  # on, as if under the limits


SUMMARY = Conversation(
    state=State.SUMMARY, language="en", name="Acme", email="a@acme.com", currency="EUR"
)
AWAITING = Conversation(
    state=State.AWAITING_EMAIL, name="Acme", email="a@acme.com", currency="EUR", org_id=7
)


def test_saving_at_the_daily_limit_of_organizations_keeps_the_summary() -> None:
    save = Choice(value="save")
    conv, effects = step(SUMMARY, save, now=NOW, facts=_full_facts(SUMMARY, save))
    assert conv.state is State.SUMMARY and conv.name == "Acme"
    reply = next(e for e in effects if isinstance(e, Reply))
    assert reply.message_id == "limits-organizations-per-day"
    assert reply.args == {"hours": 19}  # the oldest of today's three, 5 h old, leaves in 19 h


def test_a_form_at_the_daily_limit_keeps_what_was_typed() -> None:
    form = FormSubmitted(name="Acme", email="a@acme.com", currency="EUR", language="en")
    conv, effects = step(Conversation(), form, now=NOW, facts=_full_facts(Conversation(), form))
    assert conv.state is State.SUMMARY and conv.email == "a@acme.com"
    assert "limits-organizations-per-day" in [e.message_id for e in effects if isinstance(e, Reply)]


def test_the_first_email_at_the_address_limit_is_refused_and_said_once() -> None:
    created = OrganizationCreated(org_id=7)
    awaiting = SUMMARY.at(State.AWAITING_EMAIL)
    conv, effects = step(awaiting, created, now=NOW, facts=_full_facts(awaiting, created))
    assert conv.org_id == 7
    assert [e.message_id for e in effects if isinstance(e, Reply)] == ["limits-emails-per-address"]
    assert conv.email_sends == ()  # nothing went out: the hourly rules count no send


def test_an_agent_resend_at_the_address_limit_tells_user_and_desk() -> None:
    conv = AWAITING.at(State.AWAITING_EMAIL, handoff=TAKEN)
    event = HandoffResendEmail()
    _, effects = step(conv, event, now=NOW, facts=_full_facts(conv, event))
    assert TellDesk(message_id="handoff-desk-email-refused", args={"hours": 19}) in effects


def test_under_the_limit_the_email_goes() -> None:
    resend = Choice(value="resend")
    facts = Facts(emails_today={"a@acme.com": DailyCount(FULL.times[:2], LIMIT)})
    _, effects = step(AWAITING, resend, now=NOW, facts=facts)
    assert any(isinstance(e, SendConfirmationEmail) for e in effects)


def test_an_ordinary_step_needs_no_count() -> None:
    ordinary: list[tuple[Conversation, Event]] = [
        (Conversation(state=State.NAME), Text(text="Acme")),
        (Conversation(state=State.EMAIL), Text(text="a@acme.com")),
        (Conversation(state=State.CURRENCY), Choice(value="EUR")),
        (AWAITING.at(State.PAYMENT), Text(text="hi")),
    ]
    for conv, event in ordinary:
        needed = counts_needed(conv, event)
        assert not needed.organizations and not needed.emails_to


def test_with_payments_off_a_new_link_is_not_asked_for_and_the_user_is_told() -> None:
    paying = AWAITING.at(State.PAYMENT)
    _, effects = step(paying, Choice(value="new-link"), now=NOW, facts=Facts(payments=False))
    assert not any(isinstance(e, CreatePaymentLink) for e in effects)
    assert Reply(message_id="payment-unavailable") in effects
