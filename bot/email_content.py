"""The confirmation email: subject, text and HTML parts in the organization's
language. User-supplied text is made harmless for headers (no line breaks or
controls) and for HTML (escaped); the recipient must be one plain address.
`From`, `Reply-To` come from configuration; `Date` is when the email was asked
for (its link's creation), the `Message-ID` comes from the outbox row and the
MIME boundary from the link: a copy sent again after a crash is byte for byte
the same email."""

import hashlib
import html
import unicodedata
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from urllib.parse import urlsplit

from .config import Settings
from .i18n import Translator

__all__ = ["build_confirmation_email", "confirm_url", "header_safe", "message_id_for"]


def header_safe(text: str) -> str:
    """Collapse anything that could break out of a header into plain spaces."""
    cleaned = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text)
    return " ".join(cleaned.split())


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

    message = EmailMessage()
    message["Subject"] = header_safe(t("email-confirm-subject", name=name))
    message["From"] = settings.mail_from
    # Raises ValueError for anything but one address (line breaks included).
    message["To"] = Address(addr_spec=to)
    message["Reply-To"] = settings.mail_reply_to
    message["Date"] = format_datetime(date)
    message["Message-ID"] = message_id_for(settings, outbox_id)
    message["Auto-Submitted"] = "auto-generated"
    # 8bit keeps the link greppable in `.eml` files and readable in any client.
    message.set_content(
        f"{intro}\n\n{action}: {url}\n\n{expiry}\n\n{ignore}\n\n{signature}\n", cte="8bit"
    )
    e = html.escape
    message.add_alternative(
        f"""<!doctype html>
<html lang="{e(language)}"><body style="font-family:sans-serif">
<p>{e(intro)}</p>
<p><a href="{e(url)}" style="display:inline-block;padding:10px 18px;background:#2563eb;\
color:#fff;text-decoration:none;border-radius:6px">{e(action)}</a></p>
<p style="font-size:small">{e(url)}</p>
<p>{e(expiry)}</p>
<p style="color:#555">{e(ignore)}</p>
<p>{e(signature)}</p>
</body></html>
""",
        subtype="html",
        cte="8bit",
    )
    message["Content-Language"] = language
    message.set_boundary(_boundary(token))
    return message
