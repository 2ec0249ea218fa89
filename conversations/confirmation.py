"""The waiting step's handlers: the organization saved (or refused), its
confirmation email sent, resent, bounced or refused, and the reminders."""

from . import policy
from .asking import send_email
from .effects import Button, Reply
from .events import (
    Choice,
    EmailDeliveryFailed,
    EmailRefused,
    OrganizationCreated,
    OrganizationRefused,
    Text,
    Timer,
)
from .limits import refusal
from .model import Conversation
from .prompts import awaiting_buttons
from .states import State
from .table import Outcome, Turn
from .timer_names import REMINDER
from .validation import display_email, mask_email

__all__ = [
    "awaiting_choice",
    "awaiting_text",
    "delivery_failed",
    "email_refused",
    "organization_created",
    "organization_refused",
    "reminder_due",
]


def organization_created(turn: Turn, conv: Conversation, event: OrganizationCreated) -> Outcome:
    awaiting = conv.at(conv.state, org_id=event.org_id, email_sends=())
    return send_email(turn, awaiting, event.org_id, turn.flow.prompt(awaiting))


def organization_refused(turn: Turn, conv: Conversation, event: OrganizationRefused) -> Outcome:
    """Too many organizations today: nothing was created; back to the summary,
    everything typed kept, to save again later."""
    if conv.org_id is not None:
        return conv, []  # stale: this organization exists
    back = conv.at(State.SUMMARY, editing=False, invalid_in_a_row=0)
    refused = Reply(message_id="limits-organizations-per-day", args={"hours": max(1, event.hours)})
    return turn.ask(back, refused)


def email_refused(_: Turn, conv: Conversation, event: EmailRefused) -> Outcome:
    return conv, policy.email_refused(conv, event.org_id, event.hours)


def awaiting_choice(turn: Turn, conv: Conversation, event: Choice) -> Outcome:
    resend = event.value == "resend"
    refused = refusal(conv.email_sends, turn.now, resend=resend)
    if refused is not None:
        return conv, [refused]
    if resend and conv.org_id is not None:
        resent = Reply(
            message_id="email-resent",
            args={"email": mask_email(conv.email or "")},
            buttons=awaiting_buttons(),
        )
        return send_email(turn, conv, conv.org_id, resent)
    return turn.ask(conv.at(turn.flow.leads_to(conv.state, "change-email"), editing=True))


def reminder_due(_: Turn, conv: Conversation, event: Timer) -> Outcome:
    if event.name != REMINDER:
        return conv, []  # an unknown timer
    return conv, [
        Reply(
            message_id="email-reminder",
            args={"email": mask_email(conv.email or "")},
            buttons=awaiting_buttons(),
        )
    ]


def awaiting_text(turn: Turn, conv: Conversation, _: Text) -> Outcome:
    return turn.ask(conv, Reply(message_id="onboarding-awaiting-hint"))


def delivery_failed(_: Turn, conv: Conversation, event: EmailDeliveryFailed) -> Outcome:
    if event.email is not None and event.email != conv.email:
        # An email to an address the user has replaced since: the new one's
        # email is what counts now, and its wait goes on undisturbed.
        return conv, []
    return conv, [
        Reply(
            message_id="email-delivery-failed",
            args={"email": display_email(event.email or conv.email or "")},
            buttons=(Button(label="button-change-email", value="change-email"),),
        )
    ]
