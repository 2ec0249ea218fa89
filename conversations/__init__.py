"""The onboarding conversation as pure code: states, events, effects and `step`.
Nothing here performs I/O or imports a platform, database or web library."""

from .effects import (
    AbandonOrganization,
    Button,
    CreateOrganization,
    CreatePaymentLink,
    DeleteUserData,
    Effect,
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
    OrganizationCreated,
    PaymentLinkExpired,
    SetupFailed,
    SetupSucceeded,
    Text,
    Timer,
)
from .flow import CHOICES, COMMANDS, TRANSITIONS, step
from .model import CURRENCIES, LANGUAGES, Conversation
from .prompts import prompt
from .states import State

__all__ = [
    "CHOICES",
    "COMMANDS",
    "CURRENCIES",
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
    "OrganizationCreated",
    "PaymentLinkExpired",
    "RedactUserMessage",
    "Reply",
    "SendConfirmationEmail",
    "SetupFailed",
    "SetupSucceeded",
    "State",
    "Text",
    "Timer",
    "UpdateOrganization",
    "prompt",
    "step",
]
