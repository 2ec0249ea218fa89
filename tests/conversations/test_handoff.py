"""Handoff mode in the core, event by event."""

import pytest

from conversations import (
    REMINDER,
    SLA_TIMER,
    CancelTimers,
    Choice,
    Command,
    Conversation,
    CreatePaymentLink,
    EmailConfirmed,
    EmailRefused,
    HandoffClosed,
    HandoffMessage,
    HandoffNewPaymentLink,
    HandoffResendEmail,
    HandoffResumed,
    HandoffTaken,
    OpenTicket,
    RedactUserMessage,
    RelayToDesk,
    Reply,
    ScheduleTimer,
    SendConfirmationEmail,
    State,
    TellDesk,
    Text,
    Timer,
    UpdateTicket,
    prompt,
    step,
)
from conversations.events import HANDOFF_EVENTS
from conversations.handoff import split_text

from .test_flow import FULL, PAYING, SAVED, conv_in, ids

AGENT_EVENTS = [
    HandoffTaken(agent="dana"),
    HandoffMessage(text="hi"),
    HandoffResumed(),
    HandoffClosed(),
    HandoffResendEmail(),
    HandoffNewPaymentLink(),
]
SLA = Timer(name=SLA_TIMER)
STOP_SLA = CancelTimers(name=SLA_TIMER)


def waiting(conv: Conversation) -> Conversation:
    return conv.at(conv.state, handoff="waiting")


def test_every_agent_event_is_covered() -> None:
    assert {type(e) for e in AGENT_EVENTS} == set(HANDOFF_EVENTS)


@pytest.mark.parametrize("state", list(State))
def test_sla_timer_without_a_handoff_does_nothing(state: State) -> None:
    assert step(conv_in(state), SLA) == (conv_in(state), [])


@pytest.mark.parametrize("state", list(State))
def test_talk_to_a_person_opens_a_ticket_from_any_state(state: State) -> None:
    conv = conv_in(state)
    new, effects = step(conv, Choice(value="handoff"))
    assert new.handoff == "waiting" and new.state == conv.step and new.invalid_in_a_row == 0
    assert effects == [
        OpenTicket(),
        ScheduleTimer(name=SLA_TIMER),
        Reply(message_id="handoff-opened"),
    ]
    # Asking again changes nothing.
    assert step(new, Choice(value="handoff")) == (new, [Reply(message_id="handoff-already-open")])


@pytest.mark.parametrize("state", list(State))
def test_agent_events_without_a_handoff_do_nothing(state: State) -> None:
    conv = conv_in(state)
    for event in AGENT_EVENTS:
        assert step(conv, event) == (conv, [])


def test_help_offers_a_person_and_the_prompts_carry_the_button() -> None:
    (reply,) = step(FULL, Command(name="help"))[1]
    assert isinstance(reply, Reply) and [b.value for b in reply.buttons] == ["handoff"]
    for conv in (FULL, SAVED, PAYING):
        assert "handoff" in [b.value for b in prompt(conv).buttons]


def test_third_invalid_answer_in_a_row_offers_a_person_once() -> None:
    conv = Conversation(state=State.NAME)
    seen = []
    for _ in range(4):
        conv, effects = step(conv, Text(text="A"))
        seen.append(ids(effects))
    assert seen[2] == ["error-name-too-short", "handoff-offer"]
    assert seen[3] == ["error-name-too-short"]
    # A valid answer starts a new streak.
    conv, _ = step(conv, Text(text="Acme"))
    assert conv.invalid_in_a_row == 0


def test_user_messages_are_relayed_and_the_bot_stays_silent() -> None:
    conv = waiting(SAVED)
    assert step(conv, Text(text="no email yet")) == (conv, [RelayToDesk(text="no email yet")])
    # Buttons and most commands do not move the flow while a person is involved.
    for event in (Choice(value="resend"), Command(name="new"), Command(name="help")):
        assert step(conv, event) == (conv, [Reply(message_id="handoff-already-open")])
    # Payment numbers are never relayed.
    assert step(conv, Text(text="4242 4242 4242 4242")) == (
        conv,
        [RedactUserMessage(), Reply(message_id="warning-payment-number")],
    )
    # Status and delete still work.
    assert ids(step(conv, Command(name="status"))[1]) == ["status-summary"]
    asked, _ = step(conv, Command(name="delete"))
    assert asked.state is State.CONFIRM_DELETE
    assert step(asked, Choice(value="yes"))[0].handoff is None


def test_long_messages_are_relayed_cut() -> None:
    _, effects = step(waiting(FULL), Text(text="x" * 5000))
    assert effects == [RelayToDesk(text="x" * 1000)]


def test_take_then_message() -> None:
    conv, effects = step(waiting(SAVED), HandoffTaken(agent="dana"))
    assert conv.handoff == "taken"
    assert effects == [
        STOP_SLA,
        UpdateTicket(status="taken", agent="dana"),
        Reply(message_id="handoff-taken"),
    ]
    assert step(conv, HandoffTaken(agent="eve")) == (conv, [])
    assert step(conv, HandoffMessage(text="hello")) == (
        conv,
        [Reply(message_id="handoff-agent-message", args={"text": "hello"})],
    )


def test_a_long_agent_message_arrives_in_parts() -> None:
    """Message arguments stay under Fluent's placeable limit (2,500)."""
    text = " ".join(f"word{n}" for n in range(400))  # 2,689 characters
    conv, _ = step(waiting(SAVED), HandoffTaken(agent="dana"))
    _, effects = step(conv, HandoffMessage(text=text))
    parts = [e.args["text"] for e in effects if isinstance(e, Reply)]
    assert len(parts) == 2 and all(len(part) <= 2000 for part in parts)
    assert " ".join(parts) == text


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("short", ["short"]),
        ("a" * 25, ["a" * 10, "a" * 10, "a" * 5]),  # no space: cut at the size
        ("aaaaaaaaa bbbbbbbb", ["aaaaaaaaa", "bbbbbbbb"]),  # at the space
        ("a b ccccccccccccccc", ["a b cccccc", "ccccccccc"]),  # a space too early: cut
        ("aaaaaaaaa\nbbb", ["aaaaaaaaa", "bbb"]),
    ],
)
def test_split_text(text: str, parts: list[str]) -> None:
    assert split_text(text, 10) == parts


def test_answering_an_untaken_ticket_takes_it() -> None:
    conv, effects = step(waiting(SAVED), HandoffMessage(text="hello", agent="dana"))
    assert conv.handoff == "taken"
    assert effects[:2] == [STOP_SLA, UpdateTicket(status="taken", agent="dana")]


def test_resume_returns_to_the_exact_step_with_a_recap() -> None:
    conv = waiting(SAVED).at(State.AWAITING_EMAIL, invalid_in_a_row=2)
    back, effects = step(conv, HandoffResumed())
    assert back == SAVED
    assert effects == [
        STOP_SLA,
        UpdateTicket(status="closed", resolution="resumed"),
        Reply(message_id="handoff-resumed", args={"step": "awaiting_email"}),
        prompt(SAVED),
    ]


def test_close_leaves_the_conversation_where_it_was() -> None:
    back, effects = step(waiting(PAYING), HandoffClosed())
    assert back == PAYING
    assert ids(effects) == ["handoff-closed"]
    assert UpdateTicket(status="closed", resolution="closed") in effects and STOP_SLA in effects


def test_resend_email_only_while_it_waits_for_confirmation() -> None:
    conv = waiting(SAVED)
    assert step(conv, HandoffResendEmail()) == (
        conv,
        [
            # Said only once the email is queued (not at the address's daily limit).
            SendConfirmationEmail(
                org_id=7,
                announce=(
                    Reply(message_id="email-resent", args={"email": "a…@acme.com"}),
                    TellDesk(message_id="handoff-desk-email-resent", args={"email": "a…@acme.com"}),
                ),
            ),
            CancelTimers(name=REMINDER, org_id=7),
            ScheduleTimer(name=REMINDER, org_id=7),
        ],
    )
    paying = waiting(PAYING)
    assert step(paying, HandoffResendEmail()) == (
        paying,
        [TellDesk(message_id="handoff-desk-no-email")],
    )


def test_new_payment_link_only_at_the_payment_step() -> None:
    paying = waiting(PAYING)
    assert step(paying, HandoffNewPaymentLink()) == (
        paying,
        [CreatePaymentLink(org_id=7, renew=True), TellDesk(message_id="handoff-desk-link-sent")],
    )
    conv = waiting(SAVED)
    assert step(conv, HandoffNewPaymentLink()) == (
        conv,
        [TellDesk(message_id="handoff-desk-no-payment")],
    )


def test_sla_expiry_tells_the_user_about_email_once() -> None:
    conv, effects = step(waiting(SAVED), SLA)
    assert conv.handoff == "escalated"
    assert effects == [
        UpdateTicket(status="escalated"),
        Reply(message_id="handoff-sla-email", args={"email": "a@acme.com"}),
    ]
    assert step(conv, SLA) == (conv, [])
    # Still relayed, and an agent can take it later.
    assert step(conv, Text(text="ok")) == (conv, [RelayToDesk(text="ok")])
    assert step(conv, HandoffTaken(agent="dana"))[0].handoff == "taken"


def test_sla_expiry_asks_for_an_address_when_there_is_none() -> None:
    conv = waiting(Conversation(state=State.NAME))
    assert ids(step(conv, SLA)[1]) == ["handoff-sla-ask-email"]


def test_sla_expiry_after_taking_does_nothing() -> None:
    conv = waiting(SAVED).at(State.AWAITING_EMAIL, handoff="taken")
    assert step(conv, SLA) == (conv, [])


def test_events_from_elsewhere_still_move_the_flow() -> None:
    conv, effects = step(waiting(SAVED), EmailConfirmed(org_id=7))
    assert conv.state is State.PAYMENT and conv.handoff == "waiting"
    assert "email-confirmed" in ids(effects)


def test_handoff_survives_storage() -> None:
    conv = waiting(SAVED)
    assert Conversation.from_data(conv.state.value, conv.to_data()) == conv


def test_start_leaves_the_handoff_for_the_bot() -> None:
    back, effects = step(waiting(SAVED), Command(name="start"))
    assert back == SAVED
    assert effects == [
        STOP_SLA,
        UpdateTicket(status="closed", resolution="left"),
        Reply(message_id="handoff-left"),
        prompt(SAVED),
    ]


def test_an_agent_resend_counts_as_a_send() -> None:
    from datetime import UTC, datetime

    now = datetime(2026, 1, 1, tzinfo=UTC)
    conv, _ = step(waiting(SAVED), HandoffResendEmail(), now=now)
    assert conv.email_sends == (now,)


def test_an_agent_resend_refused_at_the_daily_limit_tells_user_and_desk() -> None:
    _, effects = step(waiting(SAVED), EmailRefused(org_id=7, hours=3))
    assert ids(effects) == ["limits-emails-per-address"]
    assert TellDesk(message_id="handoff-desk-email-refused", args={"hours": 3}) in effects
    _, alone = step(SAVED, EmailRefused(org_id=7, hours=3))
    assert not [e for e in alone if isinstance(e, TellDesk)]
