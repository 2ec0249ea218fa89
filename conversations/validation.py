"""Field rules: organization name, email address, and numbers that must never be
kept (card numbers, IBANs). Pure functions; errors are Fluent message ids.
Every channel's text meets here, normalized by `text.py`."""

import re
import unicodedata
from dataclasses import dataclass

import idna

from .payment_numbers import holds_payment_number
from .text import TextLimits, TextProblem, check_text, has_encoded_word

__all__ = [
    "EMAIL_MAX",
    "NAME_MAX_BYTES",
    "EmailResult",
    "FieldError",
    "NameResult",
    "check_email",
    "check_name",
    "display_email",
    "holds_payment_number",
    "mask_email",
]

NAME_MIN, NAME_MAX = 2, 100  # grapheme clusters, as a person counts characters
# Bytes of UTF-8: what the `organizations.name` column is sized from. Roomy
# enough for 100 characters of any script with its marks (Devanagari averages
# about 7 bytes per character); a flood of emoji or marks hits it instead.
NAME_MAX_BYTES = 1024
NAME_LIMITS = TextLimits(NAME_MIN, NAME_MAX, NAME_MAX_BYTES)
# RFC 5321's limit of a forward path, of the ASCII form we store and send.
EMAIL_MAX = 254
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]*>|&[A-Za-z]+;|&#\d+;")
_NAME_ERRORS = {
    TextProblem.EMPTY: "error-name-empty",
    TextProblem.INVISIBLE: "error-name-invisible",
    TextProblem.STACKED_MARKS: "error-name-stacked-marks",
    TextProblem.TOO_SHORT: "error-name-too-short",
    TextProblem.TOO_LONG: "error-name-too-long",
    TextProblem.TOO_BIG: "error-name-too-big",
}


@dataclass(frozen=True, slots=True)
class FieldError:
    message_id: str


@dataclass(frozen=True, slots=True)
class NameResult:
    value: str


@dataclass(frozen=True, slots=True)
class EmailResult:
    """`value` is the ASCII form (the domain as IDNA A-labels): what is
    stored, shown and written to the envelope and the To header."""

    value: str
    domain: str


def check_name(raw: str) -> NameResult | FieldError:
    checked = check_text(raw, NAME_LIMITS)
    if isinstance(checked, TextProblem):
        return FieldError(_NAME_ERRORS[checked])
    if _MARKUP.search(checked):
        return FieldError("error-name-markup")
    if has_encoded_word(checked):
        return FieldError("error-name-encoded-word")
    return NameResult(checked)


def check_email(raw: str) -> EmailResult | FieldError:
    """Accepted only if our mail path delivers it without SMTPUTF8: an ASCII
    local part (dot-atom, not quoted), a domain name (not an IP literal),
    internationalized domains turned into their A-labels. See SECURITY.md."""
    text = unicodedata.normalize("NFC", raw.strip())
    if not text:
        return FieldError("error-email-empty")
    if len(text) > EMAIL_MAX:  # the ASCII form is never shorter
        return FieldError("error-email-too-long")
    if any(unicodedata.category(ch)[0] in "CZ" for ch in text) or "=?" in text:
        return FieldError("error-email-invalid")
    local, at, _ = text.rpartition("@")
    if at and not local.isascii():
        return FieldError("error-email-latin-local-part")
    # Imported with the first address: compiling its RFC patterns is a
    # noticeable part of a start-up that may never see one.
    from email_validator import EmailNotValidError, validate_email

    try:
        result = validate_email(
            text,
            check_deliverability=False,
            allow_smtputf8=False,
            allow_quoted_local=False,
            allow_domain_literal=False,
            allow_display_name=False,
        )
    except EmailNotValidError:
        return FieldError("error-email-invalid")
    value = f"{result.ascii_local_part}@{result.ascii_domain.lower()}"
    if len(value) > EMAIL_MAX:
        return FieldError("error-email-too-long")
    return EmailResult(value, result.ascii_domain.lower())


def display_email(email: str) -> str:
    """The address as a person reads it: `ivan@xn--e1afmkfd.xn--p1ai` →
    `ivan@пример.рф`. Stored addresses keep the ASCII form (`check_email`);
    this is for the text shown. Decoded with `idna`, the library
    email_validator encoded it with (IDNA 2008, which also refuses labels
    holding controls or mixed directions); a label that does not decode stays
    as it is."""
    local, at, domain = email.rpartition("@")
    if not at or "xn--" not in domain.lower():
        return email
    labels = []
    for label in domain.split("."):
        try:
            labels.append(idna.decode(label) if label.lower().startswith("xn--") else label)
        except (idna.IDNAError, UnicodeError, ValueError):
            labels.append(label)
    return f"{local}@{'.'.join(labels)}"


def mask_email(email: str) -> str:
    """`alice@acme.com` → `a…@acme.com`, the domain as `display_email` shows it."""
    local, _, domain = display_email(email).rpartition("@")
    return f"{local[:1]}…@{domain}" if local else email
