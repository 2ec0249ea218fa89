"""The confirmation email cannot be bent by an organization name: `<script>`
stays text, a line break cannot start a header, in every language and on the
wire (a real SMTP server on loopback, SQLite and PostgreSQL)."""

from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from html import escape
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.config import Settings
from bot.mail.content import build_confirmation_email, header_safe
from bot.services import Services
from bot.text.i18n import Translator
from conversations import LANGUAGES, Choice, Command, Text
from storage import outbox
from storage.models import EmailConfirmationRow, OrganizationRow
from tests.smtp_server import SmtpServer

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 6, 1, 9, 30, tzinfo=UTC)
EVIL_NAMES = [
    "<script>alert(1)</script>",
    '"\r\nBcc: x@y',
    "Acme\nX-Injected: yes\n\n<b>body</b>",
    "Acme\u2028Bcc: z@z.example",
    'R&D <Lab "X"> \' \t onload=alert(1)',
]
HEADERS = {
    "Subject",
    "From",
    "To",
    "Reply-To",
    "Date",
    "Message-ID",
    "Auto-Submitted",
    "Content-Language",
    "MIME-Version",
    "Content-Type",
}


def parts(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert text is not None and html is not None
    return str(text.get_content()), str(html.get_content())


def assert_harmless(message: EmailMessage, name: str) -> None:
    assert set(message.keys()) == HEADERS
    assert all("\r" not in v and "\n" not in v for v in map(str, message.values()))
    assert message["To"] == "alice@acme.com"
    text, html = parts(message)
    assert "<script" not in html and "<b>" not in html
    assert escape(header_safe(name)) in html  # as text, quotes included
    if "<script>" in name:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for line in text.splitlines():
        assert not line.startswith(("Bcc:", "X-Injected:")), line
    assert header_safe(name) in str(message["Subject"])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", EVIL_NAMES)
def test_builder_keeps_names_harmless(language: str, name: str) -> None:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    message = build_confirmation_email(
        Translator(ROOT / "locales"),
        settings,
        outbox_id=42,
        to="alice@acme.com",
        org_name=name,
        language=language,
        token="t" * 43,
        expires_at=NOW + timedelta(hours=24),
        date=NOW,
    )
    # What a mail server would see: the bytes, parsed back.
    assert_harmless(message_from_bytes(bytes(message), policy=policy.default), name)  # type: ignore[arg-type]


def _build(*, token: str = "t" * 43, date: datetime = NOW) -> EmailMessage:
    return build_confirmation_email(
        Translator(ROOT / "locales"),
        Settings(_env_file=None),  # type: ignore[call-arg]
        outbox_id=42,
        to="alice@acme.com",
        org_name="Acme",
        language="it",
        token=token,
        expires_at=date + timedelta(hours=24),
        date=date,
    )


def test_the_same_email_built_twice_is_the_same_bytes() -> None:
    """A copy resent after a crash: same Date, same boundary, same bytes."""
    first = _build()
    assert bytes(first) == bytes(_build())
    assert first["Date"] == "Mon, 01 Jun 2026 09:30:00 +0000"
    # The expiry is counted from the email's date, not from when it is built.
    assert "24" in str(first.get_body(preferencelist=("plain",)).get_content())  # type: ignore[union-attr]


def test_the_mime_boundary_comes_from_the_secret_token() -> None:
    """Nobody can know it in advance (to plant it in a name and split the
    message): not derived from the guessable outbox id, and not random."""
    boundary = _build().get_boundary()
    assert boundary is not None and boundary.startswith("==proficonf-")
    assert _build(token="u" * 43).get_boundary() != boundary
    assert "t" * 8 not in boundary  # the hash, not the token itself


def test_a_recipient_with_a_line_break_is_refused() -> None:
    with pytest.raises(ValueError, match="CR or LF"):
        build_confirmation_email(
            Translator(ROOT / "locales"),
            Settings(_env_file=None),  # type: ignore[call-arg]
            outbox_id=1,
            to="alice@acme.com\r\nBcc: x@y.example",
            org_name="Acme",
            language="en",
            token="t" * 43,
            expires_at=NOW,
            date=NOW,
        )


async def queue(services: Services, name: str, email: str = "alice@acme.com") -> None:
    """Save through the engine (the email waits in the outbox), then give the
    organization row the name, and it and its link the address, under test."""
    for event in [
        Command(name="start"),
        Choice(value="en"),
        Text(text="Acme Labs"),
        Text(text="alice@acme.com"),
        Choice(value="USD"),
        Choice(value="save"),
    ]:
        await services.engine.handle("console", "mallory", event)
    async with services.engine.sessions.begin() as session:
        await session.execute(update(OrganizationRow).values(name=name, email=email))
        await session.execute(update(EmailConfirmationRow).values(email=email))


@pytest.mark.parametrize("name", EVIL_NAMES[:3])
async def test_on_the_wire_names_stay_harmless(
    smtp_services: Services, smtp_server: SmtpServer, name: str
) -> None:
    await queue(smtp_services, name)
    assert await smtp_services.worker.drain_once() == 1
    (received,) = smtp_server.mailbox.wait_for(1)
    assert received.rcpt_tos == ("alice@acme.com",)
    assert_harmless(received.message, name)


async def test_on_the_wire_an_injected_recipient_is_never_used(
    smtp_services: Services, smtp_server: SmtpServer
) -> None:
    await queue(smtp_services, "Acme", email="alice@acme.com\r\nBcc: x@y.example")
    assert await smtp_services.worker.drain_once() == 1
    assert smtp_server.mailbox.received == []
    async with smtp_services.engine.sessions() as session:
        assert await outbox.failed_count(session) == 1
