"""What never reaches a ticket card or a stored transcript: card numbers,
IBANs, links (confirmation and payment URLs carry tokens) and anything shaped
like a token. What a payment number is, is the core's detector's to say
(`conversations/payment_numbers.py`), the same one that refuses a message."""

import re

from conversations.payment_numbers import IBAN, find_payment_numbers

__all__ = ["redact", "redact_payment_numbers"]

_URL = re.compile(r"\b(?:https?|tg)://\S+", re.IGNORECASE)
# Long runs of token characters with at least one digit (words are left alone).
_TOKEN = re.compile(r"\b(?=[A-Za-z_-]*\d)[A-Za-z0-9_-]{20,}\b")
_LABELS = {IBAN: "[IBAN]"}
_CARD_LABEL = "[card number]"


def redact_payment_numbers(text: str) -> str:
    """Each card number or IBAN (overlapping findings as one) replaced by a label."""
    parts: list[str] = []
    kept = 0  # text[:kept] is dealt with
    end, label = -1, ""
    for found in find_payment_numbers(text):
        if found.start < end:  # overlaps the one being cut: extend it
            end = max(end, found.end)
            label = _LABELS.get(found.kind, label)
            continue
        if end > 0:
            parts.append(label)
            kept = end
        parts.append(text[kept : found.start])
        end, label = found.end, _LABELS.get(found.kind, _CARD_LABEL)
    if end > 0:
        parts.append(label)
        kept = end
    return "".join(parts) + text[kept:]


def redact(text: str) -> str:
    text = _URL.sub("[link]", text)
    text = redact_payment_numbers(text)
    return _TOKEN.sub("[token]", text)
