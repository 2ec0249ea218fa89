"""The time rules of the core, event by event: resend cool-down, the hourly
cap on confirmation emails, reminders scheduled, fired and cancelled."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conversations import (
    REMINDER,
    TRANSITIONS,
    CancelTimers,
    Choice,
    Command,
    Conversation,
    EmailConfirmed,
    EmailDeliveryFailed,
    OrganizationCreated,
    Reply,
    ScheduleTimer,
    SendConfirmationEmail,
    State,
    Text,
    Timer,
    step,
)
from conversations.limits import COOL_DOWN, SENDS_PER_WINDOW, WINDOW
from conversations.states import OVERLAYS

T0 = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
SAVED = Conversation(
    state=State.AWAITING_EMAIL,
    language="en",
    name="Acme",
    email="alice@acme.com",
    currency="EUR",
    org_id=7,
    email_sends=(T0,),
)
SENDING = [
    SendConfirmationEmail(org_id=7),
    CancelTimers(name=REMINDER, org_id=7),
    ScheduleTimer(name=REMINDER, org_id=7),
]
STOP_REMINDERS = CancelTimers(name=REMINDER, org_id=7)


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


def sends(effects: list[object]) -> list[int]:
    """The organizations a confirmation email goes out for."""
    return [e.org_id for e in effects if isinstance(e, SendConfirmationEmail)]


def unannounced(effects: list[object]) -> list[object]:
    return [replace(e, announce=()) if isinstance(e, SendConfirmationEmail) else e for e in effects]


def test_saving_sends_and_schedules_reminders() -> None:
    conv = Conversation(state=State.AWAITING_EMAIL, name="Acme", email="a@acme.com", currency="USD")
    conv, effects = step(conv, OrganizationCreated(org_id=7), now=T0)
    assert unannounced(effects)[:3] == SENDING
    assert conv.email_sends == (T0,)


def test_resend_within_the_cool_down_is_refused_with_seconds_left() -> None:
    conv, effects = step(SAVED, Choice(value="resend"), now=T0 + timedelta(seconds=15))
    assert conv == SAVED
    (reply,) = effects
    assert isinstance(reply, Reply)
    assert (reply.message_id, dict(reply.args)) == ("email-resend-wait", {"seconds": 45})
    assert [b.value for b in reply.buttons] == ["resend", "change-email"]


def test_resend_after_the_cool_down_sends() -> None:
    later = T0 + COOL_DOWN
    conv, effects = step(SAVED, Choice(value="resend"), now=later)
    assert unannounced(effects)[:3] == SENDING
    assert ids(effects) == ["email-resent"]
    assert conv.email_sends == (T0, later)


def _sent_five() -> Conversation:
    conv = SAVED
    for minute in range(1, SENDS_PER_WINDOW):
        conv, effects = step(conv, Choice(value="resend"), now=T0 + timedelta(minutes=minute))
        assert sends(effects) == [7]
    assert len(conv.email_sends) == SENDS_PER_WINDOW
    return conv


def test_the_sixth_email_in_an_hour_is_refused_with_minutes_left() -> None:
    conv = _sent_five()
    for choice in ("resend", "change-email"):
        new, effects = step(conv, Choice(value=choice), now=T0 + timedelta(minutes=37, seconds=1))
        assert new == conv
        (reply,) = effects
        assert isinstance(reply, Reply)
        # The first of the five leaves the window at T0 + 60 min: 23 minutes left.
        assert (reply.message_id, dict(reply.args)) == ("email-send-limit", {"minutes": 23})


def test_the_cap_frees_up_an_hour_after_the_oldest_send() -> None:
    conv = _sent_five()
    new, effects = step(conv, Choice(value="resend"), now=T0 + WINDOW)
    assert sends(effects) == [7]
    assert len(new.email_sends) == SENDS_PER_WINDOW  # the oldest dropped out


def test_change_email_is_not_held_by_the_cool_down_but_counts() -> None:
    soon = T0 + timedelta(seconds=5)
    conv, effects = step(SAVED, Choice(value="change-email"), now=soon)
    assert conv.state is State.EMAIL and ids(effects) == ["onboarding-ask-email"]
    conv, effects = step(conv, Text(text="bob@acme.com"), now=soon)
    assert conv.state is State.AWAITING_EMAIL and conv.email == "bob@acme.com"
    assert all(effect in unannounced(effects) for effect in SENDING)
    assert conv.email_sends == (T0, soon)


def test_a_new_address_over_the_cap_keeps_the_old_one() -> None:
    conv = _sent_five()
    editing = conv.at(State.EMAIL, editing=True)
    now = T0 + timedelta(minutes=10)
    new, effects = step(editing, Text(text="carol@acme.com"), now=now)
    assert new.state is State.AWAITING_EMAIL and new.email == "alice@acme.com"
    assert ids(effects) == ["email-send-limit"]
    assert not any(isinstance(e, SendConfirmationEmail) for e in effects)


def test_without_a_time_nothing_is_refused_or_recorded() -> None:
    conv, effects = step(SAVED, Choice(value="resend"))
    assert sends(effects) == [7]
    assert conv.email_sends == SAVED.email_sends


def test_a_new_organization_starts_a_new_history() -> None:
    conv = _sent_five()
    fresh, _ = step(conv, Command(name="new"), now=T0 + timedelta(minutes=5))
    assert fresh.email_sends == ()


def test_reminder_in_the_email_wait_offers_resend_and_change() -> None:
    conv, effects = step(SAVED, Timer(name=REMINDER, org_id=7), now=T0 + timedelta(hours=1))
    assert conv == SAVED
    (reply,) = effects
    assert isinstance(reply, Reply)
    assert (reply.message_id, dict(reply.args)) == ("email-reminder", {"email": "a…@acme.com"})
    assert [b.value for b in reply.buttons] == ["resend", "change-email"]


@pytest.mark.parametrize(
    "timer",
    [Timer(name=REMINDER, org_id=8), Timer(name=REMINDER), Timer(name="something-else", org_id=7)],
)
def test_stale_or_unknown_timers_do_nothing(timer: Timer) -> None:
    assert step(SAVED, timer, now=T0) == (SAVED, [])


@pytest.mark.parametrize(
    "state", [s for s in State if Timer not in TRANSITIONS[s] and s not in OVERLAYS]
)
def test_a_timer_in_any_other_state_does_nothing(state: State) -> None:
    conv = SAVED.at(state)
    assert step(conv, Timer(name=REMINDER, org_id=7), now=T0) == (conv, [])


@pytest.mark.parametrize("overlay", sorted(OVERLAYS))
def test_a_reminder_under_an_open_question_is_still_shown(overlay: State) -> None:
    conv = SAVED.at(overlay, resume=State.AWAITING_EMAIL)
    after, effects = step(conv, Timer(name=REMINDER, org_id=7), now=T0)
    assert (after.state, after.resume) == (overlay, State.AWAITING_EMAIL)
    assert [e.message_id for e in effects if isinstance(e, Reply)] == ["email-reminder"]


@pytest.mark.parametrize(
    ("events", "state"),
    [
        ([EmailConfirmed(org_id=7)], State.PAYMENT),
        ([Command(name="cancel"), Choice(value="yes")], State.CANCELLED),
        ([Command(name="delete"), Choice(value="yes")], State.LANGUAGE),
        ([Command(name="new")], State.NAME),
    ],
)
def test_leaving_the_email_wait_cancels_the_reminders(events: list[object], state: State) -> None:
    conv = SAVED
    effects: list[object] = []
    for event in events:
        conv, step_effects = step(conv, event, now=T0)  # type: ignore[arg-type]
        effects += step_effects
    assert conv.state is state
    assert effects.count(STOP_REMINDERS) == 1


@pytest.mark.parametrize(
    "event",
    [
        Text(text="hi"),
        Command(name="status"),
        Command(name="language"),
        Choice(value="change-email"),
    ],
)
def test_staying_in_the_email_wait_keeps_the_reminders(event: object) -> None:
    _, effects = step(SAVED, event, now=T0)  # type: ignore[arg-type]
    assert STOP_REMINDERS not in effects


def test_send_history_survives_storage_and_old_data_loads() -> None:
    conv = _sent_five()
    data = conv.to_data()
    assert data["email_sends"][0] == T0.isoformat()
    assert Conversation.from_data(conv.state.value, data) == conv
    old = {k: v for k, v in data.items() if k != "email_sends"}
    assert Conversation.from_data("awaiting_email", old).email_sends == ()


def test_a_bounce_after_the_user_moved_on_is_dropped() -> None:
    changing, _ = step(SAVED, Choice(value="change-email"), now=T0)
    assert step(changing, EmailDeliveryFailed(org_id=7), now=T0) == (changing, [])
    _, effects = step(SAVED, EmailDeliveryFailed(org_id=7), now=T0)
    assert ids(effects) == ["email-delivery-failed"]


def test_a_bounce_names_the_address_that_failed_and_only_the_current_one() -> None:
    assert SAVED.email is not None
    _, effects = step(SAVED, EmailDeliveryFailed(org_id=7, email=SAVED.email), now=T0)
    (told,) = effects
    assert isinstance(told, Reply) and told.args == {"email": SAVED.email}
    replaced = EmailDeliveryFailed(org_id=7, email="old@acme.com")
    assert step(SAVED, replaced, now=T0) == (SAVED, [])


USER_ACTIONS = st.one_of(
    st.sampled_from(
        [
            Choice(value="resend"),
            Choice(value="change-email"),
            Text(text="bob@acme.com"),
            Text(text="hello"),
            Command(name="start"),
            Command(name="language"),
            Choice(value="en"),
            Timer(name=REMINDER, org_id=7),
        ]
    )
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(USER_ACTIONS, st.integers(0, 900)), max_size=60))
def test_no_sequence_breaks_the_limits(actions: list[tuple[object, int]]) -> None:
    """Whatever the user does and however fast: at most five emails in any hour,
    and no Resend within a minute of the previous email."""
    conv, now, sent = SAVED, T0, [T0]
    for event, seconds in actions:
        now += timedelta(seconds=seconds)
        conv, effects = step(conv, event, now=now)  # type: ignore[arg-type]
        if sends(effects) == [7]:
            if event == Choice(value="resend"):
                assert now - sent[-1] >= COOL_DOWN
            sent.append(now)
            assert len([t for t in sent if now - t < WINDOW]) <= SENDS_PER_WINDOW
