"""What never reaches a ticket card or a stored transcript: card numbers,
IBANs, links (confirmation and payment URLs carry tokens) and anything shaped
like a token."""

import re

__all__ = ["redact"]

_URL = re.compile(r"\b(?:https?|tg)://\S+", re.IGNORECASE)
_CARD = re.compile(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")
_IBAN = re.compile(r"\b[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30}\b")
# Long runs of token characters with at least one digit (words are left alone).
_TOKEN = re.compile(r"\b(?=[A-Za-z_-]*\d)[A-Za-z0-9_-]{20,}\b")


def redact(text: str) -> str:
    text = _URL.sub("[link]", text)
    text = _IBAN.sub("[IBAN]", text)
    text = _CARD.sub("[card number]", text)
    return _TOKEN.sub("[token]", text)
