"""SMTP_URL: which transport each form means, that STARTTLS, when required,
is never skipped, and real TLS (STARTTLS and implicit) with a checked certificate."""

import dataclasses
import ssl
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest
import trustme
from pydantic import SecretStr

from bot.config import Settings
from bot.mail.mailer import TemporaryMailError
from bot.mail.smtp import SmtpMailer, SmtpTarget, parse_smtp_url
from bot.ops.clock import FrozenClock
from bot.services import open_services
from tests.bot.test_smtp_delivery import save
from tests.smtp_server import SmtpServer


@pytest.mark.parametrize(
    ("url", "target"),
    [
        (
            "smtp://user:p%40ss@smtp.example.com",
            SmtpTarget("smtp.example.com", 587, False, True, "user", "p@ss"),
        ),
        (
            "smtp://smtp.example.com:2525",
            SmtpTarget("smtp.example.com", 2525, False, True, None, None),
        ),
        (
            "smtps://u:p@smtp.example.com",
            SmtpTarget("smtp.example.com", 465, True, None, "u", "p"),
        ),
        ("smtp://127.0.0.1:1025", SmtpTarget("127.0.0.1", 1025, False, None, None, None)),
        ("smtp://localhost:1025", SmtpTarget("localhost", 1025, False, None, None, None)),
        ("smtp://[::1]:1025", SmtpTarget("::1", 1025, False, None, None, None)),
    ],
)
def test_the_transport_rule(url: str, target: SmtpTarget) -> None:
    assert parse_smtp_url(url) == target


@pytest.mark.parametrize("url", ["http://smtp.example.com", "smtp://", "mail.example.com:25"])
def test_nonsense_is_refused_at_start(url: str) -> None:
    with pytest.raises(ValueError, match="SMTP_URL"):
        parse_smtp_url(url)


async def test_required_starttls_is_never_skipped(smtp_server: SmtpServer) -> None:
    """As for a remote host: our loopback server offers no STARTTLS, so nothing is sent."""
    mailer = SmtpMailer(smtp_server.url, timeout=10)
    mailer.target = dataclasses.replace(mailer.target, start_tls=True)
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "a@b.example", "c@d.example", "x"
    message["Date"] = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    message.set_content("x")
    with pytest.raises(TemporaryMailError):
        await mailer.send(message)
    assert smtp_server.mailbox.received == []


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def _server_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    return context


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
@pytest.mark.parametrize("tls", ["starttls", "implicit"])
async def test_delivery_over_tls_with_login(
    ca: trustme.CA, tmp_path: Path, settings: Settings, clock: FrozenClock, tls: str
) -> None:
    """STARTTLS offered (and required by the server before MAIL) or implicit TLS
    (smtps://), the certificate checked against SMTP_CA_FILE, then a login."""
    server = SmtpServer(credentials=("mailer", "secret"), tls=tls, tls_context=_server_context(ca))
    server.start()
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    url = server.url.replace("://", "://mailer:secret@")
    services = open_services(
        settings.model_copy(update={"smtp_url": SecretStr(url), "smtp_ca_file": ca_file}),
        clock=clock,
    )
    try:
        await save(services, "ru")
        (received,) = server.mailbox.wait_for(1)
        assert received.tls and server.mailbox.logins == [("mailer", "secret")]
        assert received.message["Content-Language"] == "ru"
    finally:
        await services.close()
        server.stop()


async def test_an_untrusted_certificate_is_not_used(
    ca: trustme.CA, settings: Settings, clock: FrozenClock
) -> None:
    server = SmtpServer(tls="implicit", tls_context=_server_context(ca))
    server.start()
    services = open_services(
        settings.model_copy(update={"smtp_url": SecretStr(server.url)}), clock=clock
    )
    try:
        channel = await save(services)
        assert channel.shown[-1].message_id == "onboarding-awaiting-email"  # retried later
        assert server.mailbox.received == []
    finally:
        await services.close()
        server.stop()
