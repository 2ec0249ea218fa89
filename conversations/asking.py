"""What many steps say the same way: a wrong answer counted (and, the third
time in a row, a person offered), where to write when nobody is at a desk,
and a confirmation email sent."""

from .effects import CancelTimers, Effect, Reply, ScheduleTimer, SendConfirmationEmail
from .handoff import INVALID_BEFORE_OFFER, offer_button
from .limits import recent_sends
from .model import Conversation
from .policy import email_refusal, email_refused
from .table import Outcome, Turn
from .timer_names import REMINDER

__all__ = ["invalid", "pick_option", "send_email", "support_contact"]


def support_contact(conv: Conversation) -> Reply:
    return Reply(message_id="support-contact", args={"email": conv.facts.support_email})


def _offer_after_invalid(conv: Conversation) -> list[Effect]:
    """The third invalid answer in a row: offer a person (once per streak),
    or, with nobody at a desk to answer, say where to write."""
    if conv.invalid_in_a_row != INVALID_BEFORE_OFFER:
        return []
    if not conv.facts.desk:
        return [support_contact(conv)]
    return [Reply(message_id="handoff-offer", buttons=(offer_button(),))]


def invalid(conv: Conversation, message_id: str) -> Outcome:
    conv = conv.at(conv.state, invalid_in_a_row=conv.invalid_in_a_row + 1)
    return conv, [Reply(message_id=message_id), *_offer_after_invalid(conv)]


def pick_option(turn: Turn, conv: Conversation, _: object) -> Outcome:
    """Text where only an option will do (and that names none of them)."""
    conv = conv.at(conv.state, invalid_in_a_row=conv.invalid_in_a_row + 1)
    return conv, [
        Reply(message_id="error-pick-option"),
        turn.flow.prompt(conv),
        *_offer_after_invalid(conv),
    ]


def send_email(turn: Turn, conv: Conversation, org_id: int, *announce: Reply) -> Outcome:
    """A new confirmation email: counted for the resend rules, and the
    reminders start over from it. `announce`: what to say once it is queued
    (nothing is said if the address is over its daily limit)."""
    hours = email_refusal(conv.facts, conv.email, turn.now)
    if hours is not None:
        return conv, email_refused(conv, org_id, hours)
    if turn.now is not None:
        conv = conv.at(
            conv.state, email_sends=(*recent_sends(conv.email_sends, turn.now), turn.now)
        )
    return conv, [
        SendConfirmationEmail(org_id=org_id, announce=announce),
        CancelTimers(name=REMINDER, org_id=org_id),
        ScheduleTimer(name=REMINDER, org_id=org_id),
    ]
