"""Stripe PaymentMethod → our `SavedMethod` (brand or bank, last four digits;
never a full number)."""

import stripe

from bot.payments.fields import field, text
from conversations import SavedMethod

__all__ = ["saved_method"]


def saved_method(method: stripe.PaymentMethod, mandate_status: str | None) -> SavedMethod:
    """Every field is read as possibly missing or null (Stripe leaves out what
    does not apply, and an API version may drop what we expect)."""
    kind = text(method, "type", 32)
    details = field(method, kind) if kind in ("card", "sepa_debit") else None
    if kind == "card" and details is not None:
        return SavedMethod(
            kind="card",
            brand=text(details, "brand", 64),
            last4=text(details, "last4", 4),
            country=text(details, "country", 2),
        )
    if kind == "sepa_debit" and details is not None:
        return SavedMethod(
            kind="sepa_debit",
            brand=text(details, "bank_code", 64),
            last4=text(details, "last4", 4),
            country=text(details, "country", 2),
            mandate=(mandate_status or "pending")[:16],
        )
    return SavedMethod(kind=kind or "unknown", brand="", last4="")
