"""The invitation email, in the organization's language: who invited, to
which organization, a Join button (in the brand's mail-client HTML,
`bot/mail/layout.py`) (the page it opens asks once more, so a
mail scanner that fetches the link joins nobody), how long it is valid, and a
link to never be invited again (also as one-click `List-Unsubscribe`, RFC
8058). Built with the confirmation email's machinery (`bot/mail/content.py`):
header-safe text, headers from the registry and checked on the wire, the
`Date` of the invitation, the `Message-ID` of the outbox row and a boundary
from the token, so a copy sent again after a crash is the same bytes."""

from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from urllib.parse import urlsplit

from bot.config import Settings
from bot.mail.address import ascii_recipient, configured_mailbox
from bot.mail.content import _boundary, _check_wire, _set_subject, _transfer_encoding, header_safe
from bot.mail.layout import ConfirmationText, confirmation_html
from bot.text.i18n import Translator
from conversations.validation import display_email

__all__ = ["build_invitation_email", "join_url", "opt_out_url"]


def join_url(settings: Settings, token: str) -> str:
    return f"{settings.base_url}/join/{token}"


def opt_out_url(settings: Settings, token: str) -> str:
    return f"{settings.base_url}/join/{token}/opt-out"


def _message_id(settings: Settings, outbox_id: int) -> str:
    host = urlsplit(settings.base_url).hostname or "localhost"
    return f"<invite-{outbox_id}@{host}>"


def build_invitation_email(
    translator: Translator,
    settings: Settings,
    *,
    outbox_id: int,
    to: str,
    org_name: str,
    inviter: str,
    language: str,
    token: str,
    expires_at: datetime,
    date: datetime,
) -> EmailMessage:
    """A function of its arguments: a second build is the same bytes."""
    name = header_safe(org_name)
    who = header_safe(display_email(inviter))
    url = join_url(settings, token)
    never = opt_out_url(settings, token)
    days = max(1, round((expires_at - date).total_seconds() / 86400))

    def t(message_id: str, **args: object) -> str:
        return translator.format(language, message_id, args)

    intro = t("email-invite-intro", name=name, inviter=who)
    action = t("email-invite-action")
    expiry = t("email-invite-expiry", days=days)
    ignore = t("email-invite-ignore")
    opt_out = t("email-invite-opt-out")
    signature = t("email-confirm-signature")
    subject = header_safe(t("email-invite-subject", name=name, inviter=who))

    message = EmailMessage(policy=policy.default)
    _set_subject(message, subject)
    message["From"] = configured_mailbox(settings.mail_from, "MAIL_FROM")
    message["To"] = ascii_recipient(to)
    message["Reply-To"] = configured_mailbox(settings.mail_reply_to, "MAIL_REPLY_TO")
    message["Date"] = format_datetime(date)
    message["Message-ID"] = _message_id(settings, outbox_id)
    message["Auto-Submitted"] = "auto-generated"
    message["List-Unsubscribe"] = f"<{never}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    next_step = t("email-invite-next")
    text = (
        f"{intro}\n\n{action}: {url}\n\n{expiry}\n\n{next_step}\n\n{ignore}\n\n"
        f"{signature}\n\n{opt_out} {never}\n"
    )
    message.set_content(text, cte=_transfer_encoding(text))
    words = ConfirmationText(
        subject=subject,
        preheader=t("email-invite-preheader", name=name, inviter=who),
        brand=t("brand-name"),
        title=t("web-join-title"),
        intro=intro,
        action=action,
        expiry=expiry,
        next_heading=t("email-confirm-next-heading"),
        next_step=next_step,
        link_hint=t("email-confirm-link-hint"),
        ignore=ignore,
        signature=signature,
    )
    page = confirmation_html(language, url, words, footer=(opt_out, never))
    message.add_alternative(page, subtype="html", cte=_transfer_encoding(page))
    message["Content-Language"] = language
    message.set_boundary(_boundary(token))
    _check_wire(message, subject)
    return message
