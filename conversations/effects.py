"""Effects: what `step` asks the shell to do, as plain data. `Reply` carries a
Fluent message id and arguments, never text; the shell renders it."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from .invitation_effects import RevokeInvitations, SendInvitations

__all__ = [
    "AbandonOrganization",
    "Button",
    "CancelTimers",
    "CreateOrganization",
    "CreatePaymentLink",
    "DeleteUserData",
    "Effect",
    "FormRejected",
    "OpenTicket",
    "RedactUserMessage",
    "RelayToDesk",
    "Reply",
    "RevokeInvitations",
    "ScheduleTimer",
    "SendConfirmationEmail",
    "SendInvitations",
    "TellDesk",
    "UpdateOrganization",
    "UpdateTicket",
]

Args = Mapping[str, str | int]


@dataclass(frozen=True, slots=True, kw_only=True)
class Button:
    """A choice offered to the user. `label` is a Fluent message id; `value` is
    what comes back as `Choice(value)`; `url`, when set, makes a link button;
    `selected` marks the option already in effect (the current language)."""

    label: str
    value: str
    args: Args = field(default_factory=dict)
    url: str | None = None
    selected: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Reply:
    message_id: str
    args: Args = field(default_factory=dict)
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class FormRejected:
    """A submitted form had invalid fields: `errors` maps a field name (see
    `conversations.form.FORM_FIELDS`) to a Fluent message id, shown next to the
    field in `language`. Nothing else changed."""

    errors: Mapping[str, str]
    language: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateOrganization:
    """Run inside the step's transaction; the shell answers `OrganizationCreated`."""

    name: str
    email: str
    language: str
    currency: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateOrganization:
    org_id: int
    email: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SendConfirmationEmail:
    """Issue a new link (older ones stop working) and mail it via the outbox.
    `announce` (to the user, or to the support desk) is said once the email
    is queued. Never asked for an address at its daily limit (the core
    refuses instead, `policy.email_refusal`), so nobody hears "sent" first."""

    org_id: int
    announce: tuple["Reply | TellDesk", ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class CreatePaymentLink:
    org_id: int
    renew: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class AbandonOrganization:
    org_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class DeleteUserData:
    """Erase the user's personal data; organizations are detached."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RedactUserMessage:
    """The user's last message held a card number or IBAN: delete it where the
    platform allows, and never store or log it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduleTimer:
    """Deliver `Timer(name, org_id)` to this conversation later: after `delay`,
    or, when `delay` is None, once at each delay the deployment configures for
    `name` (the reminder schedule is configuration, the rule to remind is here)."""

    name: str
    org_id: int | None = None
    delay: timedelta | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CancelTimers:
    """Drop this conversation's pending timers called `name` (for `org_id`)."""

    name: str
    org_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenTicket:
    """Open a support ticket for this conversation and post its card to the desk."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RelayToDesk:
    """What the user wrote, for the ticket's thread (never a payment number)."""

    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateTicket:
    """The open ticket moves on: "taken", "escalated" or "closed" (how: `resolution`)."""

    status: str
    agent: str | None = None
    resolution: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TellDesk:
    """A notice for the agents in the ticket's thread (a Fluent message id)."""

    message_id: str
    args: Args = field(default_factory=dict)


Effect = (
    Reply
    | FormRejected
    | CreateOrganization
    | UpdateOrganization
    | SendConfirmationEmail
    | CreatePaymentLink
    | AbandonOrganization
    | DeleteUserData
    | RedactUserMessage
    | ScheduleTimer
    | CancelTimers
    | OpenTicket
    | RelayToDesk
    | UpdateTicket
    | TellDesk
    | SendInvitations
    | RevokeInvitations
)
