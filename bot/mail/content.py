"""The confirmation email: subject, text and HTML parts in the organization's
language. User-supplied text is made harmless for headers (no line breaks,
controls or RFC 2047 encoded words: Python 3.11's email package decodes one
it finds in a header and writes its CR/LF as is) and for HTML (escaped).
Every header is made by the email package's header registry from values
checked here (`bot/mail/address.py` for addresses), and the built message is
parsed back from its bytes before it is handed on: if its headers are not
exactly the ones set, with the values set, it is refused (ValueError), never
sent. `From`, `Reply-To` come from configuration; `Date` is when the email was asked
for (its link's creation), the `Message-ID` comes from the outbox row and the
MIME boundary from the link: a copy sent again after a crash is byte for byte
the same email."""

import hashlib
import unicodedata
from datetime import datetime
from email import policy
from email.header import Header
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime
from urllib.parse import urlsplit

from bot.config import Settings
from bot.mail.address import ascii_recipient, configured_mailbox
from bot.mail.layout import ConfirmationText, confirmation_html
from bot.text.i18n import Translator

__all__ = ["build_confirmation_email", "confirm_url", "header_safe", "message_id_for"]


_SMTP_LINE_MAX = 998


def header_safe(text: str) -> str:
    """Collapse anything that could break out of a header into plain spaces,
    and break every `=?` so no encoded word can be decoded from it (the core
    refuses such names; this keeps older rows and translations harmless)."""
    cleaned = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text)
    return " ".join(cleaned.split()).replace("=?", "= ?")


def confirm_url(settings: Settings, token: str) -> str:
    return f"{settings.base_url}/confirm/{token}"


def message_id_for(settings: Settings, outbox_id: int) -> str:
    """Stable per outbox row, so a resent copy is recognisably the same email."""
    host = urlsplit(settings.base_url).hostname or "localhost"
    return f"<confirm-{outbox_id}@{host}>"


def _boundary(token: str) -> str:
    """The multipart boundary, fixed per email (the library's default is random,
    so every build would differ). Derived from the link's secret token, so no
    one can know it in advance and plant it in an organization name to split
    the message; the hash does not reveal the token."""
    digest = hashlib.sha256(f"mime-boundary:{token}".encode()).hexdigest()
    return f"==proficonf-{digest[:40]}=="


def build_confirmation_email(
    translator: Translator,
    settings: Settings,
    *,
    outbox_id: int,
    to: str,
    org_name: str,
    language: str,
    token: str,
    expires_at: datetime,
    date: datetime,
) -> EmailMessage:
    """`date` is when the email was asked for: the `Date` header, and what the
    link's lifetime ("expires in 24 hours") is counted from. Everything here is
    a function of the arguments, so a second build is the same bytes."""
    name = header_safe(org_name)
    url = confirm_url(settings, token)
    hours = max(1, round((expires_at - date).total_seconds() / 3600))

    def t(message_id: str, **args: object) -> str:
        return translator.format(language, message_id, args)

    intro = t("email-confirm-intro", name=name)
    expiry = t("email-confirm-expiry", hours=hours)
    ignore = t("email-confirm-ignore-saved")
    signature = t("email-confirm-signature")
    action = t("email-confirm-action")

    subject = header_safe(t("email-confirm-subject", name=name))
    message = EmailMessage(policy=policy.default)
    _set_subject(message, subject)
    message["From"] = configured_mailbox(settings.mail_from, "MAIL_FROM")
    # Raises ValueError for anything but one plain address (line breaks included).
    message["To"] = ascii_recipient(to)
    message["Reply-To"] = configured_mailbox(settings.mail_reply_to, "MAIL_REPLY_TO")
    message["Date"] = format_datetime(date)
    message["Message-ID"] = message_id_for(settings, outbox_id)
    message["Auto-Submitted"] = "auto-generated"
    next_step = t("email-confirm-next")
    text = f"{intro}\n\n{action}: {url}\n\n{expiry}\n\n{next_step}\n\n{ignore}\n\n{signature}\n"
    message.set_content(text, cte=_transfer_encoding(text))
    words = ConfirmationText(
        subject=subject,
        preheader=t("email-confirm-preheader", name=name),
        brand=t("brand-name"),
        title=t("web-confirm-title"),
        intro=intro,
        action=action,
        expiry=expiry,
        next_heading=t("email-confirm-next-heading"),
        next_step=next_step,
        link_hint=t("email-confirm-link-hint"),
        ignore=ignore,
        signature=signature,
    )
    page = confirmation_html(language, url, words)
    message.add_alternative(page, subtype="html", cte=_transfer_encoding(page))
    message["Content-Language"] = language
    message.set_boundary(_boundary(token))
    _check_wire(message, subject)
    return message


def _transfer_encoding(body: str) -> str:
    """8bit keeps the link greppable in `.eml` files and readable in any client,
    but SMTP allows at most 998 bytes a line (RFC 5321 4.5.3.1.6): a long
    organization name puts more on one, so that part goes quoted-printable."""
    longest = max(len(line.encode()) for line in body.splitlines())
    return "8bit" if longest <= _SMTP_LINE_MAX else "quoted-printable"


def _set_subject(message: EmailMessage, subject: str) -> None:
    """An ASCII subject goes through the header registry. A non-ASCII one is
    encoded whole by `email.header.Header`, spaces inside its encoded words:
    Python 3.11's registry folds a long one into encoded words with the space
    between them, which RFC 2047 readers drop ("организацииОчень"). The
    subject is checked text (`header_safe`: no line break, no control, no
    `=?`), and `_check_wire` parses the result back to the same text."""
    if subject.isascii():
        message["Subject"] = subject
    else:
        message.set_raw("Subject", Header(subject, "utf-8", header_name="Subject").encode())


def _unfolded(value: str) -> str:
    """A header value without its whitespace. Python's folder may lead a
    value with a space (3.11 moves a long ASCII subject holding a colon to the
    line after "Subject:"); that adds no header and changes no word, so the
    comparison ignores whitespace rather than refuse an honest email for it."""
    return "".join(value.split())


def _check_wire(message: EmailMessage, subject: str) -> None:
    """What a mail server will read: no line over SMTP's limit, and the bytes
    parsed back have exactly the headers set, once each, with the values set."""
    sent = [
        (name, _unfolded(subject if name == "Subject" else str(value)))
        for name, value in message.items()
    ]
    raw = bytes(message)
    if any(len(line) > _SMTP_LINE_MAX for line in raw.splitlines()):
        raise ValueError("a line of the email is longer than SMTP allows")
    # The top level's headers are what is checked: the parts' bodies need no parse.
    parsed = BytesParser(policy=policy.default).parsebytes(raw, headersonly=True)
    received = [(name, _unfolded(str(value))) for name, value in parsed.items()]
    if received != sent or _unfolded(str(parsed["Subject"])) != _unfolded(subject):
        raise ValueError("the email's headers would not survive being sent")
    if any(ch in value for _, value in received for ch in "\r\n"):
        raise ValueError("a header value holds a line break")
