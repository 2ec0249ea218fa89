"""Rules of the flow that depend on what the shell knows (`Facts`): the daily
limits (organizations per user, confirmation emails per address) and what is
said when payments are off. `counts_needed` tells the shell which daily
counts a step could use, so it reads them only for such a step."""

from dataclasses import dataclass
from datetime import datetime

from .effects import Button, CancelTimers, CreatePaymentLink, Effect, Reply, TellDesk
from .events import Choice, Event, FormSubmitted, HandoffResendEmail, OrganizationCreated, Text
from .facts import Facts
from .limits import daily_refusal
from .model import Conversation
from .states import State
from .timer_names import REMINDER
from .validation import FieldError, check_email

__all__ = [
    "Counts",
    "counts_needed",
    "email_refusal",
    "email_refused",
    "organization_refusal",
    "payment_link",
]


@dataclass(frozen=True, slots=True)
class Counts:
    """The daily counts a step could use: the user's organizations made in the
    last day (it could create one), and the confirmation emails sent in the
    last day to each of `emails_to` (it could send one there)."""

    organizations: bool = False
    emails_to: tuple[str, ...] = ()


def counts_needed(conv: Conversation, event: Event) -> Counts:
    """What `step(conv, event)` could need counted. Generous where that is
    simple (any answer at the summary, any message while the email is out):
    an ordinary step reads nothing."""
    organizations = isinstance(event, FormSubmitted) or (
        conv.state is State.SUMMARY and isinstance(event, Choice | Text)
    )
    emails: list[str | None] = []
    if isinstance(event, OrganizationCreated | HandoffResendEmail):
        emails.append(conv.email)
    elif conv.org_id is not None and isinstance(event, Choice | Text):
        if conv.state is State.AWAITING_EMAIL:
            emails.append(conv.email)  # Resend
        elif conv.state is State.EMAIL:  # a new address for the organization
            emails += [conv.pending_email, conv.suggestion]
            if isinstance(event, Text):
                checked = check_email(event.text)
                if not isinstance(checked, FieldError):
                    emails.append(checked.value)
    found = tuple(dict.fromkeys(e for e in emails if e))
    return Counts(organizations=organizations, emails_to=found)


def organization_refusal(facts: Facts, now: datetime | None) -> int | None:
    """Hours until the user may create another organization, when today's are
    at the limit; None when allowed (or not counted, or without a time)."""
    count = facts.organizations_today
    if count is None or now is None:
        return None
    return daily_refusal(list(count.times), now, count.limit)


def email_refusal(facts: Facts, email: str | None, now: datetime | None) -> int | None:
    """Hours until `email` may get another confirmation email, when today's
    are at the limit; None when allowed (or not counted, or without a time)."""
    count = facts.emails_today.get(email) if email else None
    if count is None or now is None:
        return None
    return daily_refusal(list(count.times), now, count.limit)


def email_refused(conv: Conversation, org_id: int, hours: int) -> list[Effect]:
    """The address got too many confirmation emails today: none is queued, so
    no reminder about it either."""
    hours = max(1, hours)
    effects: list[Effect] = [
        CancelTimers(name=REMINDER, org_id=org_id),
        Reply(
            message_id="limits-emails-per-address",
            args={"hours": hours},
            buttons=(Button(label="button-change-email", value="change-email"),),
        ),
    ]
    if conv.handoff is not None:
        # The agent who pressed Resend learns it did not go out, and when it can.
        effects.append(TellDesk(message_id="handoff-desk-email-refused", args={"hours": hours}))
    return effects


def payment_link(conv: Conversation, org_id: int, *, renew: bool = False) -> Effect:
    """A payment link for the organization, or, with payments off since (no
    link can be made), the user is told so."""
    if not conv.facts.payments:
        return Reply(message_id="payment-unavailable")
    return CreatePaymentLink(org_id=org_id, renew=renew)
