"""How fast `python -m bot worker` processes drain the outbox on PostgreSQL,
one against two: the workers are started and idle first, then `rows`
confirmation emails are queued in one transaction (organizations and links
written as the save step writes them), and the clock runs until no row is
left. Emails go to files (the local mailer), so the cost is the worker's own:
claiming, rendering, completing."""

import asyncio
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.organizations.tokens import hash_token, new_token
from bot.steps.engine import CONFIRMATION_EMAIL
from storage import conversations as conversations_repo
from storage import organizations as orgs_repo
from storage import outbox
from storage.db import make_engine, make_sessionmaker
from storage.migrate import upgrade

from .pg import postgres_database
from .stats import Row

__all__ = ["bench_outbox_drain"]


async def _queue(url: str, rows: int) -> None:
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    now = datetime.now(UTC)
    async with sessions.begin() as session:
        for n in range(rows):
            record = await conversations_repo.lock_conversation(
                session, "bench", f"drain{n}", initial_state="start", initial_data={}, now=now
            )
            email = f"drain{n}@bench{n % 97}.example.com"
            org_id = await orgs_repo.create_organization(
                session,
                identity_id=record.identity_id,
                channel="bench",
                name=f"Drain Org {n}",
                email=email,
                domain=f"bench{n % 97}.example.com",
                language="en",
                currency="EUR",
                now=now,
            )
            token = new_token()
            expires_at = now + timedelta(days=2)
            await orgs_repo.issue_confirmation(
                session,
                org_id=org_id,
                email=email,
                token_hash=hash_token(token),
                expires_at=expires_at,
                now=now,
            )
            payload = {"org_id": org_id, "token": token, "expires_at": expires_at.isoformat()}
            await outbox.enqueue(
                session, CONFIRMATION_EMAIL, payload, now=now, identity_id=record.identity_id
            )
    await engine.dispose()


async def _pending(url: str) -> int:
    engine = make_engine(url)
    async with make_sessionmaker(engine)() as session:
        depth = await outbox.depth(session)
    await engine.dispose()
    return depth


async def _wait_drained(url: str, within: float) -> None:
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    deadline = time.perf_counter() + within
    while time.perf_counter() < deadline:
        async with sessions() as session:
            if await outbox.depth(session) == 0:
                break
        await asyncio.sleep(0.02)
    await engine.dispose()


def _drain(url: str, workers: int, rows: int) -> float:
    """Seconds from the rows' commit until the outbox is empty."""
    upgrade(url)
    with tempfile.TemporaryDirectory() as workdir:
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "MAIL_DIR": str(Path(workdir) / "mail"),
            "LOG_LEVEL": "WARNING",
            "WORKER_POLL_INTERVAL": "0.02",
        }
        children = [
            subprocess.Popen(
                [sys.executable, "-m", "bot", "worker"],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=env,
                cwd=workdir,
            )
            for _ in range(workers)
        ]
        try:
            for child in children:
                assert child.stdout is not None
                child.stdout.readline()  # "worker running"
            asyncio.run(_queue(url, rows))
            started = time.perf_counter()
            asyncio.run(_wait_drained(url, within=300))
            seconds = time.perf_counter() - started
            left = asyncio.run(_pending(url))
            if left:
                raise RuntimeError(f"{left} outbox rows left after {seconds:.0f} s")
            sent = len(list((Path(workdir) / "mail").glob("*.eml")))
            if sent < rows:
                raise RuntimeError(f"{sent} emails written for {rows} rows")
            return seconds
        finally:
            for child in children:
                child.terminate()
            for child in children:
                child.wait(timeout=30)


def bench_outbox_drain(rows: int) -> tuple[Row, Row] | None:
    """(one worker, two workers), or None without PostgreSQL."""
    result = []
    for workers in (1, 2):
        with postgres_database() as url:
            if url is None:
                return None
            seconds = _drain(url, workers, rows)
        processes = "1 worker process" if workers == 1 else f"{workers} worker processes"
        row = Row(f"outbox drain, PostgreSQL, {processes}")
        row.count, row.seconds = rows, seconds
        result.append(row)
    return result[0], result[1]
