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
    """Each card number or IBAN replaced by a label; overlapping findings (an
    IBAN's digits also pass for a card) are cut as one, labelled IBAN."""
    cuts: list[tuple[int, int, str]] = []
    for found in find_payment_numbers(text):
        label = _LABELS.get(found.kind, _CARD_LABEL)
        if cuts and found.start < cuts[-1][1]:
            start, end, before = cuts[-1]
            cuts[-1] = (start, max(end, found.end), label if found.kind == IBAN else before)
        else:
            cuts.append((found.start, found.end, label))
    parts, kept = [], 0
    for start, end, label in cuts:
        parts += [text[kept:start], label]
        kept = end
    return "".join(parts) + text[kept:]


def redact(text: str) -> str:
    text = _URL.sub("[link]", text)
    text = redact_payment_numbers(text)
    return _TOKEN.sub("[token]", text)
