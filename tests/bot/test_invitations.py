"""Inviting the team through the shell, on SQLite and PostgreSQL: the
invitation email at a real SMTP server (headers, the organization's
language, both parts, the links), the join page (GET never joins, POST
does; expired, revoked, reused, after the owner deleted their data), the
owner told, opting out, the daily limits, and the team in /status."""

import io
import json
import os
import re
from datetime import timedelta
from email import message_from_bytes
from email.utils import parsedate_to_datetime
from html import unescape
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy import func, select

from bot.channels.console import ConsoleChannel
from bot.invitations import INVITATION_EMAIL
from bot.invitations.email import build_invitation_email
from bot.ops.clock import FrozenClock
from bot.organizations.confirmation import use_link
from bot.services import Services
from conversations import LANGUAGES, Choice, Command
from storage.models import InvitationRow, MemberRow, OutboxRow
from tests.smtp_server import SmtpServer
from tests.transcripts.mailbox import messages, newest_join_token, newest_token, text_of

CONFIRM = re.compile(r"http://127\.0\.0\.1:8080/confirm/([A-Za-z0-9_-]{43})")
JOIN = re.compile(r"http://127\.0\.0\.1:8080/join/([A-Za-z0-9_-]{43})")
OPT_OUT = re.compile(r"http://127\.0\.0\.1:8080/join/([A-Za-z0-9_-]{43})/opt-out")


async def owner(
    services: Services, language: str = "en", *, token: str | None = None
) -> ConsoleChannel:
    """An owner whose organization is confirmed, on the terminal channel."""
    channel = ConsoleChannel(services, "owner", io.StringIO())
    for line in ["/start", language, "Acme Labs", "alice@acme.com", "EUR", "save"]:
        await channel.handle_line(line)
    await use_link(services.engine, token or newest_token(services.settings.mail_dir))
    await channel.deliver_pending()
    return channel


def said(channel: ConsoleChannel, since: int) -> list[str]:
    return [m.message_id for m in channel.shown[since:]]


async def invite(channel: ConsoleChannel, pasted: str) -> list[str]:
    before = len(channel.shown)
    await channel.handle_line(f"/invite {pasted}")
    await channel.handle_event(Choice(value="invite-send"))
    return said(channel, before)


async def count(services: Services, row: type) -> int:
    async with services.engine.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(row)) or 0)


@pytest.mark.parametrize("language", LANGUAGES)
async def test_invitation_email_at_the_smtp_server(
    smtp_services: Services, smtp_server: SmtpServer, clock: FrozenClock, language: str
) -> None:
    services = smtp_services
    channel = ConsoleChannel(services, "owner", io.StringIO())
    for line in ["/start", language, "Acme Labs", "alice@acme.com", "EUR", "save"]:
        await channel.handle_line(line)
    (confirmation,) = smtp_server.mailbox.wait_for(1)
    (token,) = set(CONFIRM.findall(text_of(confirmation.message)))
    await use_link(services.engine, token)
    await channel.deliver_pending()

    ids = await invite(channel, "Ann Smith <ann@acme.com>")
    assert ids == ["invite-found-new", "invite-confirm", "invite-sent", "invite-ask"]
    received = smtp_server.mailbox.wait_for(2)[1]
    assert received.mail_from == "no-reply@proficonf.local"
    assert received.rcpt_tos == ("ann@acme.com",)  # the display name was dropped
    message = received.message
    t = services.translator
    args = {"name": "Acme Labs", "inviter": "alice@acme.com"}
    assert message["To"] == "ann@acme.com"
    assert message["From"] == services.settings.mail_from
    assert message["Reply-To"] == services.settings.mail_reply_to
    assert message["Subject"] == t.format(language, "email-invite-subject", args)
    assert message["Content-Language"] == language
    assert parsedate_to_datetime(message["Date"]) == clock.now()
    assert re.fullmatch(r"<invite-\d+@127\.0\.0\.1>", message["Message-ID"])
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert OPT_OUT.fullmatch(message["List-Unsubscribe"].strip("<>"))
    assert message.get_content_type() == "multipart/alternative"
    assert not message.defects
    text_part = message.get_body(preferencelist=("plain",))
    html_part = message.get_body(preferencelist=("html",))
    assert text_part is not None and html_part is not None
    text, html = str(text_part.get_content()), str(html_part.get_content())
    for body in (text, unescape(html)):
        assert len(set(JOIN.findall(body))) == 1
        assert len(set(OPT_OUT.findall(body))) == 1
        assert t.format(language, "email-invite-intro", args) in body
        assert t.format(language, "email-invite-expiry", {"days": 7}) in body
        assert t.format(language, "email-invite-action") in body
    assert f'lang="{language}"' in html

    async with services.engine.sessions() as session:
        (row,) = await session.scalars(select(OutboxRow).where(OutboxRow.kind == INVITATION_EMAIL))
    assert row.done_at is not None and "token" not in row.payload  # scrubbed once sent


async def test_the_email_is_the_same_bytes_when_built_again_and_header_safe(
    services: Services, clock: FrozenClock
) -> None:
    def build(**changes: object) -> bytes:
        args: dict[str, object] = {
            "outbox_id": 7,
            "to": "ann@acme.com",
            "org_name": "Acme Labs",
            "inviter": "alice@xn--e1afmkfd.xn--p1ai",
            "language": "ru",
            "token": "t" * 43,
            "expires_at": clock.now() + timedelta(days=7),
            "date": clock.now(),
        } | changes
        message = build_invitation_email(services.translator, services.settings, **args)  # type: ignore[arg-type]
        return bytes(message)

    assert build() == build()
    # A hostile organization name (older rows; the core refuses it) stays in the Subject.
    raw = build(org_name="Acme\r\nBcc: x@evil.example =?utf-8?q?=0D=0A?=")
    headers = raw.split(b"\n\n", 1)[0]
    assert b"Bcc" not in headers.replace(b"Bcc: x@evil", b"")  # only inside the Subject text
    parsed = message_from_bytes(raw)
    assert parsed["Bcc"] is None and len(parsed.get_all("To")) == 1
    for to in ("ann@acme.com\r\nBcc: x@evil.example", "=?utf-8?q?a?=@acme.com", "Ann <a@b.c>"):
        with pytest.raises(ValueError):
            build(to=to)


async def test_join_page_shows_then_joins_and_the_owner_is_told(
    services: Services, web_url: str
) -> None:
    channel = await owner(services, "it")
    assert (await invite(channel, "ann@acme.com"))[-2:] == ["invite-sent", "invite-ask"]
    url = f"{web_url}/join/{newest_join_token(services.settings.mail_dir)}"
    async with aiohttp.ClientSession() as http:
        for _ in range(3):  # a mail scanner fetching the link joins nobody
            async with http.get(url) as response:
                page = await response.text()
                assert response.status == 200
        assert "Acme Labs" in page and "alice@acme.com" in page
        assert 'lang="it"' in page and '<form method="post"' in page
        assert await count(services, MemberRow) == 0
        async with http.post(url) as response:
            assert response.status == 200
            assert services.translator.format("it", "web-joined-title") in await response.text()
        async with http.post(url) as response:  # reused
            assert response.status == 409
        async with http.get(url) as response:
            assert response.status == 409
    assert await count(services, MemberRow) == 1
    before = len(channel.shown)
    await channel.deliver_pending()
    assert said(channel, before) == ["invite-joined"]
    assert "ann@acme.com" in channel.shown[-1].text
    # Already a member: pasted again, nothing to send.
    before = len(channel.shown)
    await channel.handle_line("ann@acme.com")
    assert said(channel, before) == ["invite-found-member", "invite-ask"]
    await channel.handle_line("/status")
    status = channel.shown[-1]
    assert status.message_id == "invite-status"
    assert status.text == services.translator.format(
        "it", "invite-status", {"invited": 0, "joined": 1, "expired": 0}
    )


async def test_expired_revoked_and_unknown_links(
    services: Services, web_url: str, clock: FrozenClock
) -> None:
    channel = await owner(services)
    await invite(channel, "ann@acme.com")
    first = newest_join_token(services.settings.mail_dir)
    before = len(channel.shown)
    await channel.handle_line("/invite ann@acme.com")
    assert said(channel, before) == ["invite-found-invited", "invite-confirm-again"]
    await channel.handle_line("1")  # Send again
    second = newest_join_token(services.settings.mail_dir)
    assert first != second
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{web_url}/join/{first}") as response:
            assert response.status == 404  # the resend revoked it
        for bad in ("nope", "x" * 500, "%0d%0aSet-Cookie:a=b"):
            async with http.get(f"{web_url}/join/{bad}") as response:
                assert response.status == 404
        clock.advance(timedelta(days=7, seconds=1))
        async with http.get(f"{web_url}/join/{second}") as response:
            assert response.status == 410
        async with http.post(f"{web_url}/join/{second}") as response:
            assert response.status == 410
    assert await count(services, MemberRow) == 0
    before = len(channel.shown)
    await channel.handle_line("/invite ann@acme.com")
    assert said(channel, before) == ["invite-found-expired", "invite-confirm-again"]
    await channel.handle_line("/status")
    assert channel.shown[-1].text == services.translator.format(
        "en", "invite-status", {"invited": 0, "joined": 0, "expired": 1}
    )


async def test_revoke_from_the_chat(services: Services, web_url: str) -> None:
    channel = await owner(services)
    await invite(channel, "ann@acme.com")
    token = newest_join_token(services.settings.mail_dir)
    await channel.handle_line("/invite ann@acme.com")
    before = len(channel.shown)
    await channel.handle_line("2")  # Cancel invitations
    assert said(channel, before) == ["invite-revoked", "invite-ask"]
    async with aiohttp.ClientSession() as http, http.post(f"{web_url}/join/{token}") as response:
        assert response.status == 404


async def test_delete_revokes_open_invitations_and_unsent_emails(
    services: Services, web_url: str
) -> None:
    channel = await owner(services)
    await invite(channel, "ann@acme.com")
    token = newest_join_token(services.settings.mail_dir)
    sent = len(messages(services.settings.mail_dir))
    # One more, queued but not sent yet, when the owner deletes their data.
    engine = services.engine
    await engine.handle("console", "owner", Command(name="invite", arg="bob@acme.com"))
    await engine.handle("console", "owner", Choice(value="invite-send"))
    await engine.handle("console", "owner", Command(name="delete"))
    outcome = await engine.handle("console", "owner", Choice(value="yes"))
    assert [r.message_id for r in outcome.replies] == ["delete-done"]
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{web_url}/join/{token}") as response:
            assert response.status == 404
        async with http.post(f"{web_url}/join/{token}") as response:
            assert response.status == 404
    async with services.engine.sessions() as session:
        rows = list(await session.scalars(select(InvitationRow)))
    assert all(row.revoked_at is not None and row.invited_by is None for row in rows)
    await services.worker.drain_once()
    assert len(messages(services.settings.mail_dir)) == sent
    assert await count(services, MemberRow) == 0


async def test_opting_out_stops_future_invitations(services: Services, web_url: str) -> None:
    channel = await owner(services)
    await invite(channel, "ann@acme.com")
    url = f"{web_url}/join/{newest_join_token(services.settings.mail_dir)}/opt-out"
    async with aiohttp.ClientSession() as http:
        async with http.get(url) as response:
            assert response.status == 200 and '<form method="post"' in await response.text()
        async with http.post(url) as response:
            assert response.status == 200
        async with http.post(url.removesuffix("/opt-out")) as response:
            assert response.status == 404  # its open invitation stopped working
    sent = len(messages(services.settings.mail_dir))
    ids = await invite(channel, "ann@acme.com, bob@acme.com")
    assert ids[-3:] == ["invite-sent", "invite-opted-out", "invite-ask"]
    assert len(messages(services.settings.mail_dir)) == sent + 1


async def test_daily_limits_per_organization_and_per_address(
    services: Services, clock: FrozenClock
) -> None:
    from bot.services import open_services

    tight = services.settings.model_copy(
        update={"invitations_per_org_per_day": 2, "invitations_per_address_per_day": 1}
    )
    limited = open_services(tight, clock=clock)
    try:
        channel = await owner(limited)
        ids = await invite(channel, "a@acme.com b@acme.com c@acme.com")
        assert ids[-3:] == ["invite-sent", "invite-limited", "invite-ask"]
        assert await count(limited, InvitationRow) == 2
        assert await count(limited, OutboxRow) >= 2
        clock.advance(timedelta(days=1, seconds=1))
        # A new day for the organization; the address limit still counts per day.
        await channel.handle_line("/invite a@acme.com")
        await channel.handle_line("1")
        assert channel.shown[-2].message_id == "invite-sent"
        await channel.handle_line("/invite a@acme.com")
        await channel.handle_line("1")
        assert channel.shown[-2].message_id == "invite-limited"
    finally:
        await limited.close()


async def test_hostile_pastes_change_nothing(services: Services) -> None:
    channel = await owner(services)
    await channel.handle_line("/invite")
    hostile = [
        ", ".join(f"p{i}@acme.com" for i in range(51)),
        "a@acme.com\rBcc: x@evil.example",
        "=?utf-8?q?Ann=0D=0ABcc:_x@evil.example?= <ann@acme.com>",
        "\u202eAnn <ann@acme.com>",
        "ann@acme.com\u0000",
        "<script>alert(1)</script>",
    ]
    for text in hostile:
        await channel.handle_line(text)
    await channel.handle_line("4242 4242 4242 4242, ann@acme.com")
    assert channel.shown[-1].message_id == "warning-payment-number"
    await channel.handle_line("/invite")
    assert channel.shown[-1].message_id == "invite-ask"
    assert await count(services, InvitationRow) == 0
    assert not [m for m in messages(services.settings.mail_dir) if JOIN.search(text_of(m))]


async def test_orgs_json_and_the_funnel_show_the_team(services: Services, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from bot.invitations.links import join
    from bot.services import open_services

    from .test_cli import run_bot

    live = open_services(services.settings, clock=FrozenClock(datetime.now(UTC)))
    try:
        channel = await owner(live)
        await invite(channel, "ann@acme.com, bob@acme.com")
        await join(live.engine, newest_join_token(live.settings.mail_dir))
    finally:
        await live.close()
    env = {
        **os.environ,
        "DATABASE_URL": services.settings.database_url,
        "MAIL_DIR": str(tmp_path / "mail"),
    }
    code, out, err = await run_bot(env, "orgs", "--json")
    assert code == 0, err
    (org,) = json.loads(out)
    assert org["team"] == {"invited": 1, "joined": 1, "expired": 0}
    code, out, _ = await run_bot(env, "orgs")
    assert "team: 1 invited, 1 joined, 0 expired" in out
    code, out, _ = await run_bot(env, "funnel")
    assert re.search(r"invitations sent +2\n", out) and re.search(r"invitations accepted +1", out)
