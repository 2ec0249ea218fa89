"""The onboarding conversation as pure code: states, events, effects and `step`.
Nothing here performs I/O or imports a platform, database or web library."""

from .effects import (
    AbandonOrganization,
    Button,
    CreateOrganization,
    CreatePaymentLink,
    DeleteUserData,
    Effect,
    FormRejected,
    RedactUserMessage,
    Reply,
    SendConfirmationEmail,
    UpdateOrganization,
)
from .events import (
    Choice,
    Command,
    EmailConfirmed,
    EmailDeliveryFailed,
    Event,
    FormSubmitted,
    MandateInactive,
    OrganizationCreated,
    PaymentLinkDelayed,
    PaymentLinkExpired,
    PaymentLinkReady,
    PaymentLinkUnavailable,
    SetupFailed,
    SetupSucceeded,
    Text,
    Timer,
)
from .flow import CHOICES, COMMANDS, TRANSITIONS, form_open, step
from .form import FORM_FIELDS
from .model import CURRENCIES, LANGUAGES, Conversation
from .payment import SavedMethod, method_args
from .prompts import prompt
from .states import State

__all__ = [
    "CHOICES",
    "COMMANDS",
    "CURRENCIES",
    "FORM_FIELDS",
    "LANGUAGES",
    "TRANSITIONS",
    "AbandonOrganization",
    "Button",
    "Choice",
    "Command",
    "Conversation",
    "CreateOrganization",
    "CreatePaymentLink",
    "DeleteUserData",
    "Effect",
    "EmailConfirmed",
    "EmailDeliveryFailed",
    "Event",
    "FormRejected",
    "FormSubmitted",
    "MandateInactive",
    "OrganizationCreated",
    "PaymentLinkDelayed",
    "PaymentLinkExpired",
    "PaymentLinkReady",
    "PaymentLinkUnavailable",
    "RedactUserMessage",
    "Reply",
    "SavedMethod",
    "SendConfirmationEmail",
    "SetupFailed",
    "SetupSucceeded",
    "State",
    "Text",
    "Timer",
    "UpdateOrganization",
    "form_open",
    "method_args",
    "prompt",
    "step",
]
