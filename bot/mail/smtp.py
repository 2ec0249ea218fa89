"""Sending through SMTP with aiosmtplib. The URL decides the transport, by an
explicit rule:

- `smtps://[user:password@]host[:465]`: TLS from the first byte (implicit TLS).
- `smtp://[user:password@]host[:587]`: STARTTLS, required; a server that does
  not offer it is not used, so credentials and links never travel in clear.
  Only on a loopback host (127.0.0.0/8, ::1, `localhost`: a local relay, the
  tests' server) is STARTTLS used when offered and plain SMTP otherwise.

It logs in only when the URL has a user name (percent-encode special
characters). Certificates are checked against the system's CAs, or against
SMTP_CA_FILE when set (a relay with a private CA).

A refusal of the recipient or of the message with a 5xx code is permanent
(`PermanentMailError`: the user is told); everything else
(connection errors, timeouts, 4xx, a 5xx to our own login or sender, which is
a configuration problem) is temporary and retried by the worker."""

import ipaddress
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import unquote, urlsplit

import aiosmtplib

from bot.mail.mailer import PermanentMailError, TemporaryMailError

__all__ = ["SmtpMailer", "SmtpTarget", "parse_smtp_url"]

_DEFAULT_PORTS = {"smtp": 587, "smtps": 465}


@dataclass(frozen=True, slots=True)
class SmtpTarget:
    host: str
    port: int
    implicit_tls: bool
    # True: STARTTLS or fail; None: STARTTLS when the server offers it.
    start_tls: bool | None
    username: str | None
    password: str | None


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_smtp_url(url: str) -> SmtpTarget:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise ValueError("SMTP_URL must look like smtp://user:password@host:587 or smtps://…")
    implicit = scheme == "smtps"
    return SmtpTarget(
        host=parts.hostname,
        port=parts.port or _DEFAULT_PORTS[scheme],
        implicit_tls=implicit,
        start_tls=None if implicit else (None if _is_loopback(parts.hostname) else True),
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password is not None else None,
    )


def _addresses(message: EmailMessage, header: str) -> list[str]:
    value = message[header]
    found: tuple[Address, ...] = getattr(value, "addresses", ())
    return [address.addr_spec for address in found]


def _refused_for_good(error: Exception) -> bool:
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        return all(500 <= refused.code < 600 for refused in error.recipients)
    if isinstance(error, aiosmtplib.SMTPRecipientRefused | aiosmtplib.SMTPDataError):
        return 500 <= error.code < 600
    return False


class SmtpMailer:
    def __init__(self, url: str, *, timeout: float = 30.0, ca_file: Path | None = None) -> None:
        self.target = parse_smtp_url(url)
        self.timeout = timeout
        self.ca_file = ca_file

    async def send(self, message: EmailMessage) -> None:
        # The envelope comes from the To header alone: nothing the message
        # carries (Cc, Bcc) can add a recipient.
        recipients = _addresses(message, "To")
        sender = _addresses(message, "From")
        if not recipients or not sender:
            raise PermanentMailError("message without a From or To address")
        target = self.target
        try:
            await aiosmtplib.send(
                message,
                sender=sender[0],
                recipients=recipients,
                hostname=target.host,
                port=target.port,
                username=target.username,
                password=target.password,
                use_tls=target.implicit_tls,
                start_tls=target.start_tls,
                timeout=self.timeout,
                cert_bundle=str(self.ca_file) if self.ca_file else None,
            )
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as error:
            if _refused_for_good(error):
                raise PermanentMailError(_describe(error)) from error
            raise TemporaryMailError(_describe(error)) from error


def _describe(error: Exception) -> str:
    """The server's answer without anything secret (aiosmtplib never puts the
    password in an error)."""
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        return "; ".join(f"{r.code} {r.message}" for r in error.recipients)
    code = getattr(error, "code", None)
    return f"{code} {getattr(error, 'message', error)}" if code else repr(error)
