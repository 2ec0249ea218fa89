"""Stripe PaymentMethod → our `SavedMethod` (brand or bank, last four digits;
never a full number)."""

import stripe

from conversations import SavedMethod

__all__ = ["saved_method"]


def saved_method(method: stripe.PaymentMethod, mandate_status: str | None) -> SavedMethod:
    if method.type == "card" and method.card is not None:
        return SavedMethod(
            kind="card",
            brand=method.card.brand or "",
            last4=method.card.last4 or "",
            country=method.card.country or "",
        )
    if method.type == "sepa_debit" and method.sepa_debit is not None:
        sepa = method.sepa_debit
        return SavedMethod(
            kind="sepa_debit",
            brand=sepa.bank_code or "",
            last4=sepa.last4 or "",
            country=sepa.country or "",
            mandate=mandate_status or "pending",
        )
    return SavedMethod(kind=method.type, brand="", last4="")
