"""A saved payment method as plain data, and the Fluent arguments that
describe it. The shell fills it from Stripe; the words come from the locales."""

from dataclasses import dataclass
from typing import Any

__all__ = ["SavedMethod", "method_args"]


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
