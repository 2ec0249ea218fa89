"""Reading Stripe's objects without trusting their shape: a field may be
missing (left out because it does not apply, or dropped by an API version)
or null, and a nested object may be a plain dict or a `StripeObject`."""

from typing import Any

import stripe

__all__ = ["field", "text"]


def field(obj: object, name: str) -> Any:
    """`obj[name]`, or None when `obj` is no object or has no such field."""
    if isinstance(obj, stripe.StripeObject):  # not a dict: no `.get`
        return obj[name] if name in obj else None  # noqa: SIM401
    if isinstance(obj, dict):
        return obj.get(name)
    return None


def text(obj: object, name: str, limit: int = 255) -> str:
    """A string field cut to `limit` characters; "" when it is not a string."""
    value = field(obj, name)
    return value[:limit] if isinstance(value, str) else ""
