"""A saved payment method as plain data, the Fluent arguments that describe
it, and why a setup failed in words the user can read. The shell fills these
from Stripe; the words come from the locales."""

from dataclasses import dataclass
from typing import Any

__all__ = ["SavedMethod", "failure_reason", "method_args"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SavedMethod:
    """`kind` is Stripe's payment method type (`card`, `sepa_debit`); `brand`
    the card brand or the bank code; `mandate` the SEPA mandate status."""

    kind: str
    brand: str
    last4: str
    country: str = ""
    mandate: str = ""

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "SavedMethod":
        return cls(**{k: str(v) for k, v in data.items() if k in cls.__dataclass_fields__})


def method_args(method: SavedMethod | None) -> dict[str, str | int]:
    """Arguments for `payment-method-description` (kind `none` when nothing is saved)."""
    if method is None:
        return {
            "method_kind": "none",
            "method_brand": "",
            "method_last4": "",
            "method_country": "",
            "mandate": "",
        }
    return {
        "method_kind": method.kind,
        "method_brand": method.brand,
        "method_last4": method.last4,
        "method_country": method.country,
        "mandate": method.mandate,
    }


# Stripe's `last_setup_error.code` and card `decline_code` values → the reason
# `payment-failed` gives (its `$reason` selector). Stripe's own `message` is
# English and meant for developers: it goes to logs and `orgs --json` only.
_DECLINED = "declined"
_REASONS: dict[str, str] = {
    "insufficient_funds": "insufficient-funds",
    "withdrawal_count_limit_exceeded": "insufficient-funds",
    "expired_card": "expired-card",
    "invalid_expiry_month": "expired-card",
    "invalid_expiry_year": "expired-card",
    "incorrect_cvc": "incorrect-cvc",
    "invalid_cvc": "incorrect-cvc",
    "incorrect_number": "incorrect-number",
    "invalid_number": "incorrect-number",
    "processing_error": "processing-error",
    "try_again_later": "processing-error",
    "issuer_not_available": "processing-error",
    "reenter_transaction": "processing-error",
    "authentication_required": "authentication",
    "authentication_failure": "authentication",
    "setup_intent_authentication_failure": "authentication",
    "payment_intent_authentication_failure": "authentication",
    "card_declined": _DECLINED,
    "generic_decline": _DECLINED,
    "do_not_honor": _DECLINED,
    "do_not_try_again": _DECLINED,
    "call_issuer": _DECLINED,
    "card_not_supported": _DECLINED,
    "card_velocity_exceeded": _DECLINED,
    "currency_not_supported": _DECLINED,
    "fraudulent": _DECLINED,
    "invalid_account": _DECLINED,
    "lost_card": _DECLINED,
    "merchant_blacklist": _DECLINED,
    "new_account_information_available": _DECLINED,
    "no_action_taken": _DECLINED,
    "not_permitted": _DECLINED,
    "pickup_card": _DECLINED,
    "restricted_card": _DECLINED,
    "revocation_of_all_authorizations": _DECLINED,
    "revocation_of_authorization": _DECLINED,
    "security_violation": _DECLINED,
    "service_not_allowed": _DECLINED,
    "stolen_card": _DECLINED,
    "stop_payment_order": _DECLINED,
    "transaction_not_allowed": _DECLINED,
}
OTHER_REASON = "other"


def failure_reason(code: str, decline_code: str = "") -> str:
    """The `$reason` of `payment-failed`: the most specific of the decline code
    and the error code that we know; a plain "declined" only when nothing more
    specific is known; `other` (a generic sentence) for anything else."""
    found = [_REASONS[c] for c in (decline_code, code) if c in _REASONS]
    specific = [r for r in found if r != _DECLINED]
    if specific:
        return specific[0]
    return found[0] if found else OTHER_REASON
