"""Events: everything that can happen to a conversation, as plain data.
Channels, the web app and the worker build these; only `step` interprets them."""

from dataclasses import dataclass

from .credits import Credit
from .invitation_events import InvitationAccepted, InvitationsSent, InviteesPicked
from .payment import SavedMethod

__all__ = [
    "Choice",
    "Command",
    "CreditExhausted",
    "CreditUsed",
    "EmailConfirmed",
    "EmailDeliveryFailed",
    "EmailRefused",
    "Event",
    "FormSubmitted",
    "HandoffClosed",
    "HandoffMessage",
    "HandoffNewPaymentLink",
    "HandoffResendEmail",
    "HandoffResumed",
    "HandoffTaken",
    "InvitationAccepted",
    "InvitationsSent",
    "InviteesPicked",
    "MandateActive",
    "MandateInactive",
    "OrganizationCreated",
    "OrganizationRefused",
    "PaymentLinkDelayed",
    "PaymentLinkExpired",
    "PaymentLinkReady",
    "PaymentLinkUnavailable",
    "SetupFailed",
    "SetupProcessing",
    "SetupSucceeded",
    "Text",
    "Timer",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Text:
    """Free text typed by the user."""

    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Choice:
    """A button pressed (or an option picked by number or label)."""

    value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Command:
    """`/name arg` — the name without the slash, lower case."""

    name: str
    arg: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class FormSubmitted:
    """Every field of the sign-up at once, from a channel with forms (a Slack
    modal). Values are raw: the core validates them with the chat's rules."""

    name: str
    email: str
    currency: str
    language: str


@dataclass(frozen=True, slots=True, kw_only=True)
class OrganizationCreated:
    """The shell created the organization asked for by `CreateOrganization`."""

    org_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class EmailConfirmed:
    """The link was used. `credit` is the trial credit the shell decided in the
    same transaction (None only where no decision was made)."""

    org_id: int
    credit: Credit | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditUsed:
    """Spend was charged against the organization's trial credit."""

    org_id: int
    remaining_minor: int


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditExhausted:
    """The trial credit just reached zero; the shell sends this once per grant,
    to the organization's owner whatever they are doing, with what storage
    says of that organization: its name, the credit that ran out, whether a
    payment method is saved, and its Checkout link while one is open."""

    org_id: int
    name: str = ""
    credit: Credit | None = None
    payment_saved: bool = False
    link_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EmailDeliveryFailed:
    """A confirmation email was refused for good. `email`: the address it went
    to (None where the shell could not tell; the conversation's is assumed)."""

    org_id: int
    email: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SetupSucceeded:
    """A payment method was saved. `method` is structured data (brand, last
    four digits, never a full number); the words come from the locales."""

    org_id: int
    method: SavedMethod


@dataclass(frozen=True, slots=True, kw_only=True)
class SetupFailed:
    """Stripe could not save the method. `reason` is Stripe's error code
    (`last_setup_error.code`) and `decline_code` the card's decline code, never
    Stripe's English message: the words come from the locales."""

    org_id: int
    reason: str
    decline_code: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class SetupProcessing:
    """The user finished the Checkout page but Stripe is still verifying the
    method (a bank account, often). `SetupSucceeded` or `SetupFailed` follows."""

    org_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentLinkExpired:
    org_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentLinkReady:
    """A Checkout link for the organization exists (new, or the current one again).
    `card_only`: the page offers no SEPA Direct Debit, though the currency
    would allow it (the Stripe account does not offer it)."""

    org_id: int
    url: str
    card_only: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentLinkDelayed:
    """Making the link failed for a passing reason; the shell keeps retrying."""

    org_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentLinkUnavailable:
    """Making the link failed for good (our configuration); operators are told."""

    org_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class MandateActive:
    """The SEPA mandate of the saved payment method became active (after the
    chat said "pending"). The shell sends it once per mandate."""

    org_id: int
    method: SavedMethod


@dataclass(frozen=True, slots=True, kw_only=True)
class MandateInactive:
    """The SEPA mandate of the saved payment method can no longer be used."""

    org_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Timer:
    name: str
    org_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OrganizationRefused:
    """The organization just saved is not created: the user created the most
    allowed in a day (decided by `policy.organization_refusal` from the count
    in `Facts`). `hours`: until another one can be created."""

    hours: int


@dataclass(frozen=True, slots=True, kw_only=True)
class EmailRefused:
    """The confirmation email for `org_id` is not queued: its address got the
    most confirmation emails allowed in a day, from anyone (decided by
    `policy.email_refusal` from the count in `Facts`)."""

    org_id: int
    hours: int


# -- a person from the support desk (see conversations/handoff.py) -------------


@dataclass(frozen=True, slots=True, kw_only=True)
class HandoffTaken:
    """An agent took the ticket: from now on a person owns the conversation."""

    agent: str


@dataclass(frozen=True, slots=True, kw_only=True)
class HandoffMessage:
    """An agent wrote to the user (already checked: not a desk command)."""

    text: str
    agent: str | None = None  # who: answering an untaken ticket takes it


@dataclass(frozen=True, slots=True, kw_only=True)
class HandoffResumed:
    """The agent handed the conversation back to the bot."""


@dataclass(frozen=True, slots=True, kw_only=True)
class HandoffClosed:
    """The agent closed the ticket; the conversation stays where it is."""


@dataclass(frozen=True, slots=True, kw_only=True)
class HandoffResendEmail:
    """The agent asked for a new confirmation email for the user."""


@dataclass(frozen=True, slots=True, kw_only=True)
class HandoffNewPaymentLink:
    """The agent asked for a new payment link for the user."""


HANDOFF_EVENTS = (
    HandoffTaken,
    HandoffMessage,
    HandoffResumed,
    HandoffClosed,
    HandoffResendEmail,
    HandoffNewPaymentLink,
)

Event = (
    Text
    | Choice
    | Command
    | FormSubmitted
    | OrganizationCreated
    | EmailConfirmed
    | CreditUsed
    | CreditExhausted
    | EmailDeliveryFailed
    | SetupSucceeded
    | SetupFailed
    | SetupProcessing
    | PaymentLinkExpired
    | PaymentLinkReady
    | PaymentLinkDelayed
    | PaymentLinkUnavailable
    | MandateActive
    | MandateInactive
    | Timer
    | OrganizationRefused
    | EmailRefused
    | HandoffTaken
    | HandoffMessage
    | HandoffResumed
    | HandoffClosed
    | HandoffResendEmail
    | HandoffNewPaymentLink
    | InviteesPicked
    | InvitationsSent
    | InvitationAccepted
)
