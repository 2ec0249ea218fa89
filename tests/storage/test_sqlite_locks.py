"""Another process holds SQLite's write lock (the `worker` and `web`/`chat`
share one file): a step waits for it without blocking the event loop and
then goes on; a lock held past the timeout is answered, in the user's
language, with "try again", and nothing of the step is written.

The other process is a real one (`sqlite3` in a child Python) that holds the
lock until this test tells it to let go, from the event loop the waiting step
runs on: were the wait blocking the loop, the lock would never be let go."""

import asyncio
import io
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url

from bot.channels.console import ConsoleChannel
from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.services import Services, open_services
from tests.databases import migrated_database

HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
connection.execute("COMMIT")
print("released", flush=True)
"""


class LockHolder:
    """A child process holding the database's write lock until `release`."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.process: asyncio.subprocess.Process | None = None

    async def hold(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            HOLDER,
            self.path,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        assert await self._said() == "locked"

    async def release(self) -> None:
        assert self.process is not None and self.process.stdin is not None
        self.process.stdin.write(b"\n")
        await self.process.stdin.drain()
        assert await self._said() == "released"
        assert await self.process.wait() == 0

    async def _said(self) -> str:
        assert self.process is not None and self.process.stdout is not None
        return (await self.process.stdout.readline()).decode().strip()

    def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.kill()


async def _services(url: str, tmp_path: Path) -> Services:
    settings = Settings(database_url=url, mail_dir=tmp_path / "mail", _env_file=None)  # type: ignore[call-arg]
    return open_services(settings, clock=FrozenClock())


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[str]:
    async with migrated_database("sqlite", tmp_path) as url:
        yield url


@pytest.fixture
async def holder(database: str) -> AsyncIterator[LockHolder]:
    path = make_url(database).database
    assert path is not None
    lock = LockHolder(path)
    yield lock
    lock.stop()


def _on_begin(services: Services) -> asyncio.Event:
    """Set when this process asks SQLite for the write lock."""
    asked = asyncio.Event()

    def statement(_conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
        if sql == "BEGIN IMMEDIATE":
            asked.set()

    event.listen(services.db.sync_engine, "before_cursor_execute", statement)
    return asked


async def test_a_step_waits_for_another_processs_lock_and_the_loop_keeps_serving(
    database: str, holder: LockHolder, tmp_path: Path
) -> None:
    services = await _services(database, tmp_path)
    try:
        channel = ConsoleChannel(services, "waits", io.StringIO())
        await channel.handle_line("/start")
        await holder.hold()
        asked = _on_begin(services)
        step = asyncio.create_task(channel.handle_line("2"))  # Russian
        await asked.wait()
        assert not step.done()  # waiting for the lock, and this test runs meanwhile
        await holder.release()
        await step
        assert channel.shown[-1].message_id == "onboarding-ask-name"
        assert channel.shown[-1].text == services.translator.format("ru", "onboarding-ask-name")
    finally:
        await services.close()


async def test_a_lock_held_past_the_timeout_asks_the_user_to_try_again(
    database: str, holder: LockHolder, tmp_path: Path
) -> None:
    services = await _services(f"{database}?timeout=0.2", tmp_path)
    try:
        channel = ConsoleChannel(services, "gives-up", io.StringIO())
        for line in ["/start", "2"]:  # Russian; now asked for the organization
            await channel.handle_line(line)
        await holder.hold()
        await channel.handle_line("Acme")
        told = channel.shown[-1]
        assert told.message_id == "error-try-again"
        assert told.text == services.translator.format("ru", "error-try-again")
        await holder.release()

        await channel.handle_line("/status")
        assert "Acme" not in channel.shown[-1].text  # the refused step left nothing
        await channel.handle_line("Acme")
        assert channel.shown[-1].message_id == "onboarding-ask-email"
    finally:
        await services.close()
