"""Payment methods through Stripe Checkout in setup mode: the client, the
PAYMENT_LINK outbox runner, the webhook, and the deletion of a customer when
the user asks to be forgotten."""

from .checkout import PaymentLinkRunner
from .client import StripeGateway, is_misconfiguration, is_transient
from .erasure import CustomerDeletionRunner
from .webhook import StripeWebhook

__all__ = [
    "CustomerDeletionRunner",
    "PaymentLinkRunner",
    "StripeGateway",
    "StripeWebhook",
    "is_misconfiguration",
    "is_transient",
]
