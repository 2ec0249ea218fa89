"""A real SMTP server on loopback for the tests (aiosmtpd, in its own thread).
It records what it accepted, and can be told to answer RCPT with scripted
replies (a 451 once, a 550 for good), to hold one RCPT until the test lets it
answer (something happens while an email is in flight), or to require a login."""

import asyncio
import ssl
import threading
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.ports import free_port

__all__ = ["Received", "SmtpServer", "free_port"]


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes
    tls: bool = False

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.raw, policy=policy.default)  # type: ignore[return-value]


class Mailbox:
    """The aiosmtpd handler."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.rcpt_script: list[str] = []  # replies used one by one, then "250 OK"
        self.rcpt_always: str | None = None
        self.logins: list[tuple[str, str]] = []
        self._arrived = threading.Condition()
        self._hold: tuple[threading.Event, str] | None = None
        self.holding = threading.Event()  # set once the held RCPT has arrived

    def hold_next_rcpt(self, reply: str) -> threading.Event:
        """The next RCPT waits until the returned event is set, then gets `reply`."""
        release = threading.Event()
        self._hold = (release, reply)
        self.holding.clear()
        return release

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if self._hold is not None:
            release, reply = self._hold
            self._hold = None
            self.holding.set()
            # In a thread: other sessions of this server go on meanwhile.
            await asyncio.get_running_loop().run_in_executor(None, release.wait, 30)
            return reply
        if self.rcpt_script:
            return self.rcpt_script.pop(0)
        if self.rcpt_always:
            return self.rcpt_always
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self._arrived:
            self.received.append(
                Received(
                    envelope.mail_from,
                    tuple(envelope.rcpt_tos),
                    bytes(envelope.content),
                    tls=session.ssl is not None  # STARTTLS, or TLS from the start:
                    or server.transport.get_extra_info("ssl_object") is not None,
                )
            )
            self._arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, count: int, timeout: float = 30) -> list[Received]:
        """Block (in a thread) until `count` messages arrived; explicit sync."""
        with self._arrived:
            assert self._arrived.wait_for(lambda: len(self.received) >= count, timeout), (
                f"{len(self.received)} of {count} emails arrived"
            )
            return list(self.received)


class SmtpServer:
    """`tls`: None (plain), "starttls" (offered and required before MAIL) or
    "implicit" (TLS from the first byte), with `tls_context` as the certificate."""

    def __init__(
        self,
        port: int | None = None,
        *,
        credentials: tuple[str, str] | None = None,
        tls: str | None = None,
        tls_context: ssl.SSLContext | None = None,
    ):
        self.port = port or free_port()
        self.mailbox = Mailbox()
        self.credentials = credentials
        self.tls = tls
        self.tls_context = tls_context
        self._controller: Controller | None = None

    @property
    def url(self) -> str:
        scheme = "smtps" if self.tls == "implicit" else "smtp"
        return f"{scheme}://127.0.0.1:{self.port}"

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and self.credentials == (
            data.login.decode(),
            data.password.decode(),
        )
        if ok:
            self.mailbox.logins.append((data.login.decode(), data.password.decode()))
        return AuthResult(success=ok)

    def start(self) -> None:
        kwargs: dict[str, Any] = {}
        if self.credentials is not None:
            kwargs = {
                "authenticator": self._authenticate,
                "auth_required": True,
                # STARTTLS: no AUTH before it. (aiosmtpd cannot tell that an
                # implicit-TLS session is encrypted; plain with a login is what
                # bot/mail/smtp.py allows on loopback only.)
                "auth_require_tls": self.tls == "starttls",
            }
        if self.tls == "starttls":
            kwargs |= {"tls_context": self.tls_context, "require_starttls": True}
        elif self.tls == "implicit":
            kwargs |= {"ssl_context": self.tls_context}
        self._controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port, **kwargs)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
