"""Payment methods through Stripe Checkout in setup mode: the client, the
PAYMENT_LINK outbox runner, the webhook, and the deletion of a customer when
the user asks to be forgotten."""

from bot.payments.checkout import PaymentLinkRunner
from bot.payments.client import StripeGateway, is_misconfiguration, is_transient
from bot.payments.erasure import CustomerDeletionRunner
from bot.payments.webhook import StripeWebhook

__all__ = [
    "CustomerDeletionRunner",
    "PaymentLinkRunner",
    "StripeGateway",
    "StripeWebhook",
    "is_misconfiguration",
    "is_transient",
]
