"""A pasted list of people to invite → the addresses, each judged by the owner's
email rule (`validation.check_email`). Entries are separated by commas,
semicolons, new lines or spaces; an entry may carry a display name
(`Ann Smith <ann@acme.com>`, as mail clients copy it), which is checked for
hostile text (controls, bidi, RFC 2047 encoded words) and then dropped: only
the address is kept, so nothing of it can reach a header. Pure."""

import re
import unicodedata
from dataclasses import dataclass

from .text import BIDI_CONTROLS, free_text, has_encoded_word
from .validation import EmailResult, check_email

__all__ = ["MAX_INVITEES", "MAX_INVITE_TEXT", "Pasted", "invitee_key", "parse_invitees"]

# At most this many addresses in one message: a clear cap, said as such,
# rather than a few hundred emails going out from one paste.
MAX_INVITEES = 50
# A paste of MAX_INVITEES long addresses with display names fits; beyond it
# the message is refused before it is read (the chat's own limit is smaller).
MAX_INVITE_TEXT = 20_000
# How much of a refused entry is shown back, cleaned of anything invisible.
_ECHO = 40
# A new line is one (\r\n too); a lone CR is not, and is refused with its entry.
_SEPARATORS = re.compile(r"(?:\r\n|[,;\n])+")
# One entry: an address with a display name before it (words, or quoted),
# or a bare token. Leading words of a name that are addresses themselves
# ("bob@acme.com Ann <ann@acme.com>") are entries of their own (`_peel`).
# Only spaces and tabs part tokens: a lone CR or any other control stays
# inside its entry, which is then refused.
_NAME_WORD = r'(?:"[^"<>]*"|[^ \t<>"]+)'
_ENTRY = re.compile(rf"(?:{_NAME_WORD}(?:[ \t]+{_NAME_WORD})*[ \t]*)?<[^<>]*>|[^ \t<>]+|[<>]")
_NAMED = re.compile(r"^(?P<name>[^<>]*)<(?P<address>[^<>]*)>$")


@dataclass(frozen=True, slots=True)
class Pasted:
    """`valid`: checked addresses (ASCII form, lower case), in the order
    typed, each once; `invalid`: the refused entries as they may be shown;
    `repeated`: how many entries named an address already in `valid`;
    `entries`: how many entries there were in all."""

    valid: tuple[str, ...]
    invalid: tuple[str, ...]
    repeated: int
    entries: int


def invitee_key(address: str) -> str:
    """One invitation per address: `Ann@Acme.com` and `ann@acme.com` are one."""
    return address.lower()


def _entries(text: str) -> list[str]:
    spaced = "".join(
        " " if unicodedata.category(ch) == "Zs" else ch for ch in unicodedata.normalize("NFC", text)
    )
    found: list[str] = []
    for chunk in _SEPARATORS.split(spaced):
        for match in _ENTRY.finditer(chunk):
            found.extend(_peel(match.group().strip(" \t")))
    return [entry for entry in found if entry]


def _peel(entry: str) -> list[str]:
    name, bracket, rest = entry.partition("<")
    if not bracket:
        return [entry]
    words = name.split(" ")
    peeled: list[str] = []
    while words and isinstance(check_email(words[0]), EmailResult):
        peeled.append(words.pop(0))
    return [*peeled, " ".join([*words, f"<{rest}"]).strip()]


def _hostile(text: str) -> bool:
    return (
        has_encoded_word(text)
        or "=?" in text
        or any(unicodedata.category(ch)[0] == "C" or ch in BIDI_CONTROLS for ch in text)
        or any(unicodedata.category(ch) in ("Zl", "Zp") for ch in text)
    )


def _address(entry: str) -> str | None:
    """The checked address of one entry, or None when it is refused."""
    named = _NAMED.match(entry)
    if named is not None:
        name = named.group("name").strip().strip('"').strip()
        if _hostile(name):
            return None
        entry = named.group("address").strip()
    elif "<" in entry or ">" in entry:
        return None
    if _hostile(entry):  # what the owner's rule would strip (U+2028) is refused here
        return None
    checked = check_email(entry)
    return invitee_key(checked.value) if isinstance(checked, EmailResult) else None


def echo(entry: str) -> str:
    """A refused entry as it may be shown back: no controls, bidi or line
    breaks (free_text drops them), no encoded word, at most _ECHO characters."""
    cleaned = free_text(entry, len(entry)).replace("\n", " ").replace("\t", " ")
    return free_text(cleaned.replace("=?", "= ?"), _ECHO).strip() or "…"


def parse_invitees(text: str) -> Pasted:
    valid: list[str] = []
    invalid: list[str] = []
    repeated = 0
    entries = _entries(text)
    for entry in entries:
        address = _address(entry)
        if address is None:
            invalid.append(echo(entry))
        elif address in valid:
            repeated += 1
        else:
            valid.append(address)
    return Pasted(tuple(valid), tuple(invalid), repeated, len(entries))
