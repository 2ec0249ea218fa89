"""A real `python -m bot worker` process killed at a crash point and started
again: one outbox row gives one email (or, when the kill falls between the
SMTP server's "250 OK" and our commit, the same email twice: the same bytes,
Message-ID and Date included), and a reminder fires once."""

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy import select

from bot.config import Settings
from bot.ops.faults import CRASH_EXIT_CODE
from bot.services import Services, open_services
from bot.steps.engine import CONSOLE_MESSAGE
from conversations import Choice, Command, Text
from storage.models import OutboxRow, TimerRow
from tests.smtp_server import SmtpServer


@pytest.fixture
async def system_services(
    database_url: str, tmp_path: Path, smtp_server: SmtpServer
) -> AsyncIterator[Services]:
    """The test's own view of the database, on the system clock like the worker."""
    settings = Settings(
        database_url=database_url,
        mail_dir=tmp_path / "mail",
        smtp_url=SecretStr(smtp_server.url),
        _env_file=None,  # type: ignore[call-arg]
    )
    services = open_services(settings)
    yield services
    await services.close()


def worker_env(services: Services, **extra: str) -> dict[str, str]:
    settings = services.settings
    assert settings.smtp_url is not None
    return {
        **{k: v for k, v in os.environ.items() if k != "BOT_CRASH_AT"},
        "DATABASE_URL": settings.database_url,
        "SMTP_URL": settings.smtp_url.get_secret_value(),
        "MAIL_DIR": str(settings.mail_dir),
        # A lease that ends at once: the restarted worker may take over the
        # dead one's rows right away (there is only ever one worker here).
        "OUTBOX_LEASE": "PT0S",
        **extra,
    }


async def run_worker_once(env: dict[str, str], cwd: Path) -> int:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "worker",
        "--once",
        env=env,
        cwd=cwd,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        _, err = await asyncio.wait_for(process.communicate(), timeout=60)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    assert process.returncode is not None
    assert process.returncode in (0, CRASH_EXIT_CODE), err.decode()
    return process.returncode


async def save_without_sending(services: Services, user: str = "alice") -> None:
    """The steps up to Save straight through the engine: the email waits in the outbox."""
    events = [
        Command(name="start"),
        Choice(value="en"),
        Text(text="Acme Labs"),
        Text(text="alice@acme.com"),
        Choice(value="EUR"),
        Choice(value="save"),
    ]
    for event in events:
        await services.engine.handle("console", user, event)


@pytest.mark.parametrize(("crash_at", "copies"), [("before-send", 1), ("after-send", 2)])
async def test_killed_worker_sends_one_email(
    system_services: Services, smtp_server: SmtpServer, tmp_path: Path, crash_at: str, copies: int
) -> None:
    await save_without_sending(system_services)
    env = worker_env(system_services)

    code = await run_worker_once({**env, "BOT_CRASH_AT": crash_at}, tmp_path)
    assert code == CRASH_EXIT_CODE
    assert len(smtp_server.mailbox.received) == copies - 1

    assert await run_worker_once(env, tmp_path) == 0
    assert await run_worker_once(env, tmp_path) == 0  # nothing left to send
    received = smtp_server.mailbox.wait_for(copies)
    assert len(received) == copies
    assert len({r.message["Message-ID"] for r in received}) == 1
    # The copy is the same message byte for byte, though the second worker
    # built it seconds later: Date, boundary and body do not depend on when.
    assert len({r.raw for r in received}) == 1
    assert len({r.message["Date"] for r in received}) == 1

    async with system_services.engine.sessions() as session:
        (row,) = await session.scalars(select(OutboxRow))
        assert row.done_at is not None and row.last_error is None
        assert "token" not in row.payload  # scrubbed once sent


async def test_killed_while_firing_a_reminder_fires_it_once(
    system_services: Services, tmp_path: Path
) -> None:
    due_at_once = system_services.settings.model_copy(update={"reminder_delays": (timedelta(0),)})
    services = open_services(due_at_once)
    try:
        await save_without_sending(services)
    finally:
        await services.close()
    env = worker_env(system_services)

    code = await run_worker_once({**env, "BOT_CRASH_AT": "timer-before-commit"}, tmp_path)
    assert code == CRASH_EXIT_CODE
    assert await run_worker_once(env, tmp_path) == 0
    assert await run_worker_once(env, tmp_path) == 0

    async with system_services.engine.sessions() as session:
        (timer,) = await session.scalars(select(TimerRow))
        assert timer.fired_at is not None
        messages = list(
            await session.scalars(select(OutboxRow).where(OutboxRow.kind == CONSOLE_MESSAGE))
        )
    assert [m.payload["reply"]["message_id"] for m in messages] == ["email-reminder"]
