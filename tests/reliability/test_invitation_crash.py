"""A real worker process killed while sending an invitation email and started
again: one email, or the same bytes twice when the kill falls between the
SMTP server's "250 OK" and our commit (as the confirmation email)."""

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.invitations import INVITATION_EMAIL
from bot.ops.faults import CRASH_EXIT_CODE
from bot.organizations.confirmation import use_link
from bot.services import Services
from conversations import Choice, Command
from storage.models import OutboxRow
from tests.smtp_server import SmtpServer

from .test_worker_crash import run_worker_once, save_without_sending, system_services, worker_env

__all__ = ["system_services"]  # fixture


@pytest.mark.parametrize(("crash_at", "copies"), [("before-send", 1), ("after-send", 2)])
async def test_killed_worker_sends_one_invitation(
    system_services: Services, smtp_server: SmtpServer, tmp_path: Path, crash_at: str, copies: int
) -> None:
    services = system_services
    await save_without_sending(services)
    env = worker_env(services)
    assert await run_worker_once(env, tmp_path) == 0  # the confirmation email
    (confirmation,) = smtp_server.mailbox.wait_for(1)
    body = confirmation.message.get_body(preferencelist=("plain",))
    assert body is not None
    token = str(body.get_content()).split("/confirm/")[1].split()[0]
    await use_link(services.engine, token)
    engine = services.engine
    await engine.handle("console", "alice", Command(name="invite", arg="Ann <ann@acme.com>"))
    await engine.handle("console", "alice", Choice(value="invite-send"))

    code = await run_worker_once({**env, "BOT_CRASH_AT": crash_at}, tmp_path)
    assert code == CRASH_EXIT_CODE
    assert len(smtp_server.mailbox.received) == 1 + copies - 1
    assert await run_worker_once(env, tmp_path) == 0
    assert await run_worker_once(env, tmp_path) == 0
    received = [r for r in smtp_server.mailbox.wait_for(1 + copies) if "ann@acme.com" in r.rcpt_tos]
    assert len(received) == copies
    assert len({r.raw for r in received}) == 1  # Message-ID, Date, boundary and all

    async with services.engine.sessions() as session:
        (row,) = await session.scalars(select(OutboxRow).where(OutboxRow.kind == INVITATION_EMAIL))
    assert row.done_at is not None and row.last_error is None and "token" not in row.payload
