"""Payment methods through Stripe Checkout in setup mode: the client, the
PAYMENT_LINK outbox runner and the webhook."""

from .checkout import PaymentLinkRunner
from .client import StripeGateway, is_misconfiguration, is_transient
from .webhook import StripeWebhook

__all__ = [
    "PaymentLinkRunner",
    "StripeGateway",
    "StripeWebhook",
    "is_misconfiguration",
    "is_transient",
]
