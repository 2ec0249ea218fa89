"""Handoff mode: a person from the support desk takes the conversation over.

While `Conversation.handoff` is set the bot does not answer the user on its
own: what the user writes is relayed to the ticket, and agents act through
`Handoff*` events. The state stays the step the user was on, so "resume bot"
brings them back exactly there."""

from collections.abc import Callable
from typing import Any

from .effects import (
    Button,
    CancelTimers,
    Effect,
    OpenTicket,
    RelayToDesk,
    Reply,
    ScheduleTimer,
    SendConfirmationEmail,
    TellDesk,
    UpdateTicket,
)
from .events import (
    Choice,
    Command,
    Event,
    HandoffClosed,
    HandoffMessage,
    HandoffNewPaymentLink,
    HandoffResendEmail,
    HandoffResumed,
    HandoffTaken,
    Text,
    Timer,
)
from .limits import recent_sends
from .model import Conversation
from .payment_numbers import holds_payment_number
from .policy import email_refusal, email_refused, payment_link
from .states import OVERLAYS, State
from .table import Outcome, Turn
from .text import free_text
from .timer_names import REMINDER, SLA_TIMER
from .validation import display_email, mask_email

__all__ = [
    "HANDOFF_CHOICE",
    "INVALID_BEFORE_OFFER",
    "WAITING",
    "handoff_step",
    "offer_button",
    "split_text",
    "start_handoff",
]

HANDOFF_CHOICE = "handoff"
INVALID_BEFORE_OFFER = 3
MAX_RELAYED = 1000
# One message argument at most (Fluent refuses placeables over 2,500 characters).
MAX_PART = 2000
_STOP_SLA = CancelTimers(name=SLA_TIMER)
WAITING, TAKEN, ESCALATED = "waiting", "taken", "escalated"
# Commands that keep working while a person owns the conversation.
_KEPT_COMMANDS = frozenset({"status", "delete", "language"})


def split_text(text: str, size: int = MAX_PART) -> list[str]:
    """`text` in parts of at most `size` characters, cut at a space or line
    break near the end of each part when there is one."""
    parts: list[str] = []
    while len(text) > size:
        cut = max(text.rfind(" ", 0, size), text.rfind("\n", 0, size))
        if cut < size * 4 // 5:
            cut = size
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*parts, text] if text or not parts else parts


def offer_button() -> Button:
    return Button(label="handoff-button-talk", value=HANDOFF_CHOICE)


def start_handoff(conv: Conversation) -> Outcome:
    if conv.handoff is not None:
        return conv, [Reply(message_id="handoff-already-open")]
    base = conv.at(conv.step, resume=None) if conv.state in OVERLAYS else conv
    return base.at(base.state, handoff=WAITING, invalid_in_a_row=0), [
        OpenTicket(),
        ScheduleTimer(name=SLA_TIMER),
        Reply(message_id="handoff-opened"),
    ]


def _took(_: Turn, conv: Conversation, event: HandoffTaken) -> Outcome:
    if conv.handoff == TAKEN:
        return conv, []
    return conv.at(conv.state, handoff=TAKEN), [
        _STOP_SLA,
        UpdateTicket(status=TAKEN, agent=event.agent),
        Reply(message_id="handoff-taken"),
    ]


def _agent_message(_: Turn, conv: Conversation, event: HandoffMessage) -> Outcome:
    if holds_payment_number(event.text):
        # Not passed on (nor kept in the user's chat or our outbox); the agent is told.
        return conv, [TellDesk(message_id="handoff-desk-payment-number")]
    # Answering is taking: the ticket is no longer waiting for anyone.
    taken: list[Effect] = (
        [] if conv.handoff == TAKEN else [_STOP_SLA, UpdateTicket(status=TAKEN, agent=event.agent)]
    )
    return conv.at(conv.state, handoff=TAKEN), [
        *taken,
        *(
            Reply(message_id="handoff-agent-message", args={"text": part})
            for part in split_text(event.text)
        ),
    ]


def _resumed(turn: Turn, conv: Conversation, _: HandoffResumed) -> Outcome:
    back = conv.at(conv.state, handoff=None, invalid_in_a_row=0)
    return back, [
        _STOP_SLA,
        UpdateTicket(status="closed", resolution="resumed"),
        Reply(message_id="handoff-resumed", args={"step": back.step.value}),
        turn.flow.prompt(back),
    ]


def _closed(_: Turn, conv: Conversation, __: HandoffClosed) -> Outcome:
    return conv.at(conv.state, handoff=None), [
        _STOP_SLA,
        UpdateTicket(status="closed", resolution="closed"),
        Reply(message_id="handoff-closed"),
    ]


def _resend_email(turn: Turn, conv: Conversation, _: HandoffResendEmail) -> Outcome:
    """An agent's resend skips the user's cool-down but counts as a send, and
    the reminders start over from it (as asking.send_email)."""
    if conv.org_id is None or conv.step not in turn.flow.sets.unconfirmed or not conv.email:
        return conv, [TellDesk(message_id="handoff-desk-no-email")]
    masked, org_id = mask_email(conv.email), conv.org_id
    hours = email_refusal(conv.facts, conv.email, turn.now)
    if hours is not None:
        return conv, email_refused(conv, org_id, hours)
    if turn.now is not None:
        sends = (*recent_sends(conv.email_sends, turn.now), turn.now)
        conv = conv.at(conv.state, email_sends=sends)
    announce = (
        Reply(message_id="email-resent", args={"email": masked}),
        TellDesk(message_id="handoff-desk-email-resent", args={"email": masked}),
    )
    return conv, [
        SendConfirmationEmail(org_id=org_id, announce=announce),
        CancelTimers(name=REMINDER, org_id=org_id),
        ScheduleTimer(name=REMINDER, org_id=org_id),
    ]


def _new_payment_link(_: Turn, conv: Conversation, __: HandoffNewPaymentLink) -> Outcome:
    if conv.org_id is None or conv.step is not State.PAYMENT:
        return conv, [TellDesk(message_id="handoff-desk-no-payment")]
    return conv, [
        payment_link(conv, conv.org_id, renew=True),
        TellDesk(message_id="handoff-desk-link-sent"),
    ]


def _sla_expired(conv: Conversation) -> Outcome:
    if conv.handoff != WAITING:
        return conv, []
    told = (
        Reply(message_id="handoff-sla-email", args={"email": display_email(conv.email)})
        if conv.email
        else Reply(message_id="handoff-sla-ask-email")
    )
    return conv.at(conv.state, handoff=ESCALATED), [UpdateTicket(status=ESCALATED), told]


def _from_user(turn: Turn, conv: Conversation, event: Text | Choice | Command) -> Outcome | None:
    """The user's own events while a person is involved; None: the usual flow."""
    if isinstance(event, Text):
        return conv, [RelayToDesk(text=free_text(event.text, MAX_RELAYED))]
    if isinstance(event, Command):
        if event.name in _KEPT_COMMANDS:
            return None
        if event.name == "start":
            # The user would rather go on with the bot: the ticket ends here.
            back = conv.at(conv.state, handoff=None)
            return back, [
                _STOP_SLA,
                UpdateTicket(status="closed", resolution="left"),
                Reply(message_id="handoff-left"),
                turn.flow.prompt(back),
            ]
        return conv, [Reply(message_id="handoff-already-open")]
    if conv.state in OVERLAYS:
        return None  # answering a question the user asked for (/delete, /language)
    return conv, [Reply(message_id="handoff-already-open")]


_AGENT: dict[type, Callable[[Turn, Conversation, Any], Outcome]] = {
    HandoffTaken: _took,
    HandoffMessage: _agent_message,
    HandoffResumed: _resumed,
    HandoffClosed: _closed,
    HandoffResendEmail: _resend_email,
    HandoffNewPaymentLink: _new_payment_link,
}


def handoff_step(turn: Turn, conv: Conversation, event: Event) -> Outcome | None:
    """The outcome when handoff mode decides this event; None otherwise."""
    if isinstance(event, Timer) and event.name == SLA_TIMER:
        return _sla_expired(conv)
    handler = _AGENT.get(type(event))
    if handler is not None:
        # A ticket that is over (or never was) takes no more agent actions.
        return handler(turn, conv, event) if conv.handoff is not None else (conv, [])
    if isinstance(event, Choice) and event.value == HANDOFF_CHOICE:
        return start_handoff(conv)
    if conv.handoff is not None and isinstance(event, Text | Choice | Command):
        return _from_user(turn, conv, event)
    return None
