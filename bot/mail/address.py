"""The one way an address becomes a header: `mailbox()` turns a configured
`Name <a@b>` / `a@b` or a stored recipient into an `email.headerregistry.Address`,
or raises ValueError. Used by the settings check at start-up and by the email
builder, so nothing reaches From, To or Reply-To that the check did not see.

Why so strict: Python 3.11's email package decodes an RFC 2047 encoded word
(`=?utf-8?q?...=0D=0A...?=`) it finds in a display name and writes the
decoded CR/LF into the header as is, so a header could be split. A display
name may therefore hold no encoded word and no control character, and the
address itself must be plain ASCII (an internationalized domain as its IDNA
A-labels), which every SMTP server accepts without SMTPUTF8."""

import unicodedata
from email import policy
from email.headerregistry import Address
from functools import lru_cache

from conversations.text import has_encoded_word
from conversations.validation import EmailResult, check_email

__all__ = ["ascii_recipient", "configured_mailbox", "mailbox"]


def _clean(value: str, what: str) -> None:
    if "\r" in value or "\n" in value:
        raise ValueError(f"{what}: address parts cannot contain CR or LF")
    if any(unicodedata.category(ch)[0] == "C" or ch in "\u2028\u2029" for ch in value):
        raise ValueError(f"{what}: no control or format characters")
    if "=?" in value or has_encoded_word(value):
        raise ValueError(f"{what}: no RFC 2047 encoded words (=?...?=)")


def mailbox(value: str, what: str = "address") -> Address:
    """`Name <a@b>` or `a@b` as one Address, checked as described above."""
    _clean(value, what)
    header = policy.default.header_factory("To", value)
    addresses: tuple[Address, ...] = getattr(header, "addresses", ())
    if len(addresses) != 1 or header.defects:
        raise ValueError(f"{what}: must be exactly one email address")
    address = addresses[0]
    spec = address.addr_spec
    if not spec.isascii() or "@" not in spec or not address.username or not address.domain:
        raise ValueError(f"{what}: the address must be ASCII, like name@example.com")
    _clean(address.display_name, what)
    # Built again from its parts: the header is made by the registry from
    # values checked here, never from the text as given.
    return Address(display_name=address.display_name, addr_spec=spec)


def ascii_recipient(to: str) -> Address:
    """A stored recipient, in the ASCII form the core's rule accepts (rows
    written before that rule may hold a Unicode domain)."""
    _clean(to, "recipient")
    checked = check_email(to)
    if not isinstance(checked, EmailResult):
        raise ValueError(f"recipient refused: {checked.message_id}")
    return mailbox(checked.value, "recipient")


@lru_cache(maxsize=16)
def configured_mailbox(value: str, what: str) -> Address:
    """`mailbox()` of a configured sender (`MAIL_FROM`, `MAIL_REPLY_TO`): the
    same few values for every email, so checked once (an `Address` is
    immutable; a refused value raises each time, nothing cached)."""
    return mailbox(value, what)
