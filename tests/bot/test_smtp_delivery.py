"""Confirmation emails through a real SMTP server on loopback (aiosmtpd), on
SQLite and PostgreSQL: content and headers in every language, outages,
temporary and permanent refusals, login."""

import asyncio
import io
import re
from datetime import timedelta
from email.utils import parsedate_to_datetime
from html import unescape

import pytest
from pydantic import SecretStr
from sqlalchemy import select

from bot.channels.console import ConsoleChannel
from bot.config import Settings
from bot.mail.mailer import FileMailer
from bot.mail.smtp import SmtpMailer
from bot.ops.clock import FrozenClock
from bot.ops.metrics import REGISTRY
from bot.services import Services, make_mailer, open_services
from bot.steps.engine import CONFIRMATION_EMAIL, CONSOLE_MESSAGE
from conversations import LANGUAGES, Choice, Command, Text
from storage import outbox
from storage.models import OutboxRow
from storage.organizations import list_organizations
from tests.smtp_server import SmtpServer

LINK = re.compile(r"http://127\.0\.0\.1:8080/confirm/([A-Za-z0-9_-]{43})")


async def save(
    services: Services, language: str = "en", *, user: str = "u", email: str = "alice@acme.com"
) -> ConsoleChannel:
    """Through the terminal channel up to Save; it sends the email inline."""
    channel = ConsoleChannel(services, user, io.StringIO())
    for line in ["/start", language, "Acme Labs", email, "EUR", "save"]:
        await channel.handle_line(line)
    return channel


def email_calls(outcome: str) -> float:
    labels = {"service": "email", "outcome": outcome}
    return REGISTRY.get_sample_value("onboarding_external_calls_total", labels) or 0.0


def test_the_composition_root_picks_the_mailer(settings: Settings) -> None:
    assert isinstance(make_mailer(settings), FileMailer)
    smtp = settings.model_copy(update={"smtp_url": SecretStr("smtp://u:p@127.0.0.1:2525")})
    assert isinstance(make_mailer(smtp), SmtpMailer)


@pytest.mark.parametrize("language", LANGUAGES)
async def test_delivery_content_and_headers(
    smtp_services: Services, smtp_server: SmtpServer, clock: FrozenClock, language: str
) -> None:
    services = smtp_services
    await save(services, language)
    (received,) = smtp_server.mailbox.wait_for(1)
    assert received.mail_from == "no-reply@proficonf.local"
    assert received.rcpt_tos == ("alice@acme.com",)

    message = received.message
    t = services.translator
    async with services.engine.sessions() as session:
        (org,) = await list_organizations(session)
    assert message["From"] == services.settings.mail_from
    assert message["Reply-To"] == services.settings.mail_reply_to
    assert message["To"] == "alice@acme.com"
    assert parsedate_to_datetime(message["Date"]) == clock.now()
    assert re.fullmatch(r"<confirm-\d+@127\.0\.0\.1>", message["Message-ID"])
    assert message["Subject"] == t.format(language, "email-confirm-subject", {"name": "Acme Labs"})
    assert message["Content-Language"] == language
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_type() == "multipart/alternative"
    assert not message.defects

    text_part = message.get_body(preferencelist=("plain",))
    html_part = message.get_body(preferencelist=("html",))
    assert text_part is not None and html_part is not None
    text, html = str(text_part.get_content()), str(html_part.get_content())
    # The HTML part as its reader sees it (an apostrophe is written &#x27;).
    for body in (text, unescape(html)):
        assert len(set(LINK.findall(body))) == 1
        assert t.format(language, "email-confirm-expiry", {"hours": 24}) in body
        assert t.format(language, "email-confirm-ignore-saved") in body
        assert t.format(language, "email-confirm-action") in body
    assert f'lang="{language}"' in html
    assert org.language == language


async def test_server_down_at_first_then_up_is_delivered_once(
    smtp_services: Services, smtp_server: SmtpServer, clock: FrozenClock
) -> None:
    services = smtp_services
    smtp_server.stop()
    channel = await save(services)
    assert channel.shown[-1].message_id == "onboarding-awaiting-email"
    assert await services.worker.drain_once() == 0  # waiting for its backoff
    async with services.engine.sessions() as session:
        assert await outbox.depth(session) == 1

    smtp_server.start()
    clock.advance(timedelta(seconds=5))
    assert await services.worker.drain_once() == 1
    clock.advance(timedelta(minutes=30))
    assert await services.worker.drain_once() == 0
    assert len(smtp_server.mailbox.wait_for(1)) == 1
    async with services.engine.sessions() as session:
        assert await outbox.depth(session) == 0
        assert await outbox.failed_count(session) == 0


async def test_temporary_refusal_then_success(
    smtp_services: Services, smtp_server: SmtpServer, clock: FrozenClock
) -> None:
    services = smtp_services
    smtp_server.mailbox.rcpt_script = ["451 4.3.0 Try again later"]
    await save(services)
    assert smtp_server.mailbox.received == []
    clock.advance(timedelta(seconds=4))
    assert await services.worker.drain_once() == 0  # backoff: 5 s after the first try
    clock.advance(timedelta(seconds=1))
    assert await services.worker.drain_once() == 1
    (received,) = smtp_server.mailbox.wait_for(1)
    assert received.rcpt_tos == ("alice@acme.com",)
    assert await services.worker.drain_once() == 0


async def test_permanent_refusal_is_told_and_counted(
    smtp_services: Services, smtp_server: SmtpServer, clock: FrozenClock
) -> None:
    services = smtp_services
    smtp_server.mailbox.rcpt_always = "550 5.1.1 No such user here"
    failed_before = email_calls("failed")
    channel = await save(services, "es")
    assert email_calls("failed") == failed_before + 1  # the /metrics counter
    assert smtp_server.mailbox.received == []
    failed = channel.shown[-1]
    assert failed.message_id == "email-delivery-failed"
    assert failed.text == services.translator.format(
        "es", "email-delivery-failed", {"email": "alice@acme.com"}
    )
    assert [b.value for b in failed.buttons] == ["change-email"]
    async with services.engine.sessions() as session:
        assert await outbox.failed_count(session, CONFIRMATION_EMAIL) == 1
        assert await outbox.depth(session) == 0

    # The user fixes the address: the new email goes out.
    smtp_server.mailbox.rcpt_always = None
    await channel.handle_line("1")  # Change email
    await channel.handle_line("alice@acme.org")
    (received,) = smtp_server.mailbox.wait_for(1)
    assert received.rcpt_tos == ("alice@acme.org",)


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
async def test_login_when_the_url_has_credentials(settings: Settings, clock: FrozenClock) -> None:
    server = SmtpServer(credentials=("mailer", "p@ss:word"))
    server.start()
    url = f"smtp://mailer:p%40ss%3Aword@127.0.0.1:{server.port}"
    services = open_services(settings.model_copy(update={"smtp_url": SecretStr(url)}), clock=clock)
    try:
        await save(services)
        assert len(server.mailbox.wait_for(1)) == 1
        assert server.mailbox.logins == [("mailer", "p@ss:word")]
    finally:
        await services.close()
        server.stop()


async def test_a_replaced_email_waiting_for_retry_is_not_sent(
    smtp_services: Services, smtp_server: SmtpServer, clock: FrozenClock
) -> None:
    """Change email while the first email waits for its retry: only the new one goes out."""
    services = smtp_services
    smtp_server.stop()
    channel = await save(services)
    await channel.handle_line("2")  # Change email
    await channel.handle_line("bob@acme.com")
    smtp_server.start()
    clock.advance(timedelta(minutes=5))
    assert await services.worker.drain_once() == 2
    (received,) = smtp_server.mailbox.wait_for(1)
    assert received.rcpt_tos == ("bob@acme.com",)


async def test_a_late_date_is_the_date_the_email_was_asked_for(
    smtp_services: Services, smtp_server: SmtpServer, clock: FrozenClock
) -> None:
    """Delivered after an outage, the email is dated when the user saved
    (its link's lifetime counts from then too), not when it finally went out."""
    services = smtp_services
    smtp_server.stop()
    saved_at = clock.now()
    await save(services)
    smtp_server.start()
    clock.advance(timedelta(minutes=10))
    assert await services.worker.drain_once() == 1
    (received,) = smtp_server.mailbox.wait_for(1)
    assert parsedate_to_datetime(received.message["Date"]) == saved_at
    text = received.message.get_body(preferencelist=("plain",))
    assert text is not None
    expiry = services.translator.format("en", "email-confirm-expiry", {"hours": 24})
    assert expiry in str(text.get_content())


async def _save_queued(services: Services, user: str = "alice") -> None:
    """Up to Save through the engine: the email waits for the worker."""
    for event in [
        Command(name="start"),
        Choice(value="en"),
        Text(text="Acme Labs"),
        Text(text="alice@acme.com"),
        Choice(value="EUR"),
        Choice(value="save"),
    ]:
        await services.engine.handle("console", user, event)


async def _told(services: Services) -> list[dict[str, object]]:
    """What was queued for the user's chat after Save, in order."""
    async with services.engine.sessions() as session:
        rows = await session.scalars(
            select(OutboxRow).where(OutboxRow.kind == CONSOLE_MESSAGE).order_by(OutboxRow.id)
        )
        return [dict(row.payload["reply"]) for row in rows]


async def _bounce_while_changing_email(
    services: Services, smtp_server: SmtpServer, reply: str
) -> None:
    """The worker is sending to alice@acme.com; while the server thinks, the
    user changes the address to bob@acme.com; then the server answers `reply`."""
    release = smtp_server.mailbox.hold_next_rcpt(reply)
    draining = asyncio.create_task(services.worker.drain_once())
    assert await asyncio.to_thread(smtp_server.mailbox.holding.wait, 10)
    await services.engine.handle("console", "alice", Choice(value="change-email"))
    await services.engine.handle("console", "alice", Text(text="bob@acme.com"))
    release.set()
    await draining  # gives up on alice's email, then sends bob's


async def test_a_bounce_from_a_replaced_address_leaves_the_user_alone(
    smtp_services: Services, smtp_server: SmtpServer
) -> None:
    """The old address fails after the user fixed it: nothing in chat (no
    "alice@… failed", no "Change email" for bob's address), bob's email goes
    out, and the failure is still counted for operators."""
    services = smtp_services
    await _save_queued(services)
    await _bounce_while_changing_email(services, smtp_server, "550 5.1.1 No such user here")

    (received,) = smtp_server.mailbox.wait_for(1)
    assert received.rcpt_tos == ("bob@acme.com",)
    assert [r["message_id"] for r in await _told(services)] == []
    _, conversation = await services.engine.peek("console", "alice")
    assert conversation is not None
    assert (conversation.step.value, conversation.email) == ("awaiting_email", "bob@acme.com")
    async with services.engine.sessions() as session:
        assert await outbox.failed_count(session, CONFIRMATION_EMAIL) == 1
        rows = list(await session.scalars(select(OutboxRow).order_by(OutboxRow.id)))
    assert all("token" not in row.payload for row in rows)  # failed or sent: scrubbed


async def test_a_bounce_from_the_current_address_names_that_address(
    smtp_services: Services, smtp_server: SmtpServer, clock: FrozenClock
) -> None:
    """The new address is the one that fails: the user is told, with it."""
    services = smtp_services
    await _save_queued(services)
    assert await services.worker.drain_once() == 1
    smtp_server.mailbox.wait_for(1)
    await services.engine.handle("console", "alice", Choice(value="change-email"))
    await services.engine.handle("console", "alice", Text(text="bob@acme.com"))
    smtp_server.mailbox.rcpt_always = "550 5.1.1 No such user here"
    assert await services.worker.drain_once() == 1

    (failed,) = await _told(services)
    assert failed["message_id"] == "email-delivery-failed"
    assert failed["args"] == {"email": "bob@acme.com"}
    assert [b["value"] for b in failed["buttons"]] == ["change-email"]  # type: ignore[union-attr]
