"""Field rules: organization name, email address, and numbers that must never be
kept (card numbers, IBANs). Pure functions; errors are Fluent message ids."""

import re
import unicodedata
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from .payment_numbers import holds_payment_number

__all__ = [
    "EmailResult",
    "FieldError",
    "NameResult",
    "check_email",
    "check_name",
    "holds_payment_number",
    "mask_email",
]

NAME_MIN, NAME_MAX = 2, 100
EMAIL_MAX = 254
ZWJ = "\u200d"
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]*>|&[A-Za-z]+;|&#\d+;")


@dataclass(frozen=True, slots=True)
class FieldError:
    message_id: str


@dataclass(frozen=True, slots=True)
class NameResult:
    value: str


@dataclass(frozen=True, slots=True)
class EmailResult:
    value: str
    domain: str


def _is_emojiish(ch: str) -> bool:
    return ord(ch) > 0x2000 and unicodedata.category(ch) in {"So", "Sk", "Mn"}


def _forbidden(text: str) -> bool:
    for i, ch in enumerate(text):
        cat = unicodedata.category(ch)
        if cat in {"Cc", "Cs", "Co", "Cn", "Zl", "Zp"}:
            return True
        if cat == "Cf":
            # A zero-width joiner is how emoji such as 👨‍💻 are built; allow it
            # only between two emoji, never as an invisible separator in text.
            inside_emoji = (
                ch == ZWJ
                and 0 < i < len(text) - 1
                and _is_emojiish(text[i - 1])
                and _is_emojiish(text[i + 1])
            )
            if not inside_emoji:
                return True
    return False


def visible_length(text: str) -> int:
    return sum(1 for ch in text if unicodedata.category(ch) not in {"Mn", "Me", "Cf"})


def check_name(raw: str) -> NameResult | FieldError:
    text = unicodedata.normalize("NFC", raw.strip())
    if not text:
        return FieldError("error-name-empty")
    if _forbidden(text):
        return FieldError("error-name-invisible")
    if _MARKUP.search(text):
        return FieldError("error-name-markup")
    length = visible_length(text)
    if length < NAME_MIN:
        return FieldError("error-name-too-short")
    if length > NAME_MAX:
        return FieldError("error-name-too-long")
    return NameResult(" ".join(text.split()))


def check_email(raw: str) -> EmailResult | FieldError:
    text = raw.strip()
    if not text:
        return FieldError("error-email-empty")
    if len(text) > EMAIL_MAX:
        return FieldError("error-email-too-long")
    if _forbidden(text) or any(ch.isspace() for ch in text):
        return FieldError("error-email-invalid")
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return FieldError("error-email-invalid")
    return EmailResult(result.normalized, result.ascii_domain.lower())


def mask_email(email: str) -> str:
    """`alice@acme.com` → `a…@acme.com`."""
    local, _, domain = email.rpartition("@")
    return f"{local[:1]}…@{domain}" if local else email
