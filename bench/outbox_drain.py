"""How fast `python -m bot worker` processes drain the outbox on PostgreSQL,
one against two: the workers are started and idle first, then `rows`
confirmation emails are queued in one transaction (organizations and links
written as the save step writes them), and the clock runs until no row is
left. Emails go to files (the local mailer), so the cost is the worker's own:
claiming, rendering, completing.

Besides the wall time, each run counts the CPU seconds of the worker
processes and of the PostgreSQL backends serving them (from `/proc`, the
same machine): CPU per email says whether a second worker costs more per
email (a design that contends) or only finds no free core (a loaded
machine)."""

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy import make_url

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


@dataclass(frozen=True)
class Sched:
    """What the scheduler counted for some processes: seconds on a CPU, and
    seconds runnable but waiting for one (`/proc/<pid>/task/*/schedstat`)."""

    cpu: float = 0.0
    waited: float = 0.0

    def __add__(self, other: "Sched") -> "Sched":
        return Sched(self.cpu + other.cpu, self.waited + other.waited)

    def __sub__(self, other: "Sched") -> "Sched":
        return Sched(self.cpu - other.cpu, self.waited - other.waited)


def _sched(pid: int) -> Sched:
    """All threads of a live process (nothing when it is gone)."""
    total = Sched()
    for stat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
        try:
            on_cpu, waiting, _ = stat.read_text().split()
        except (OSError, ValueError):
            continue
        total += Sched(int(on_cpu) / 1e9, int(waiting) / 1e9)
    return total


@dataclass
class Drain:
    workers: int
    rows: int
    seconds: float
    worker: Sched  # all the worker processes, during the drain
    postgres: Sched  # the PostgreSQL backends serving them
    polls: int  # how often their backends' wait events were sampled
    lock_waits: int  # samples of a backend waiting for a lock (one row, one counter …)
    load: float  # the 1-minute load average when the drain ended

    @property
    def cpu(self) -> float:
        return self.worker.cpu + self.postgres.cpu

    @property
    def cpu_ms_per_email(self) -> float:
        return self.cpu / self.rows * 1000

    @property
    def postgres_share(self) -> float:
        return self.postgres.cpu / self.cpu if self.cpu else float("nan")

    @property
    def cores_busy(self) -> float:
        """How many cores the workers and their backends kept busy, on average."""
        return self.cpu / self.seconds

    @property
    def waited_for_cpu(self) -> float:
        """Seconds the workers were runnable but had no core, per second of drain."""
        return self.worker.waited / self.seconds

    def note(self) -> str:
        return (
            f"{self.cpu_ms_per_email:.1f} ms CPU/email ({self.postgres_share:.0%} PostgreSQL), "
            f"{self.cores_busy:.2f} cores busy, workers waited {self.waited_for_cpu:.2f} s/s "
            f"for a core, {self.lock_waits}/{self.polls} lock waits, load {self.load:.1f}"
        )


def _connect_args(url: str) -> dict[str, object]:
    parsed = make_url(url)
    return {
        "host": parsed.host,
        "port": parsed.port,
        "user": parsed.username,
        "database": parsed.database,
    }


_BACKENDS = (
    "SELECT pid, wait_event_type FROM pg_stat_activity"
    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
)


async def _wait_drained(url: str, workers: list[int], within: float) -> Drain:
    """Polls until no row is left; what the drain cost, counted from now."""
    connection = await asyncpg.connect(**_connect_args(url))
    try:
        started = time.perf_counter()
        workers_before = sum((_sched(pid) for pid in workers), Sched())
        backends_before = {
            row["pid"]: _sched(row["pid"]) for row in await connection.fetch(_BACKENDS)
        }
        deadline = started + within
        left, polls, lock_waits = -1, 0, 0
        while time.perf_counter() < deadline:
            left = await connection.fetchval("SELECT count(*) FROM outbox WHERE done_at IS NULL")
            backends = await connection.fetch(_BACKENDS)
            polls += 1
            lock_waits += sum(row["wait_event_type"] == "Lock" for row in backends)
            if left == 0:
                break
            await asyncio.sleep(0.02)
        seconds = time.perf_counter() - started
        worker = sum((_sched(pid) for pid in workers), Sched()) - workers_before
        postgres = sum(
            (_sched(row["pid"]) - backends_before.get(row["pid"], Sched()) for row in backends),
            Sched(),
        )
    finally:
        await connection.close()
    if left:
        raise RuntimeError(f"{left} outbox rows left after {seconds:.0f} s")
    return Drain(
        workers=len(workers),
        rows=0,
        seconds=seconds,
        worker=worker,
        postgres=postgres,
        polls=polls,
        lock_waits=lock_waits,
        load=os.getloadavg()[0],
    )


def _drain(url: str, workers: int, rows: int, *, own_session: bool = True) -> Drain:
    """From the rows' commit until the outbox is empty."""
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
                # Its own session, as a worker started by a supervisor is:
                # with autogroup scheduling (Linux's default on desktops and
                # many VMs) the processes of one session share one CPU share,
                # so two workers in the bench's session would split the share
                # one worker gets instead of each having their own.
                start_new_session=own_session,
            )
            for _ in range(workers)
        ]
        try:
            for child in children:
                assert child.stdout is not None
                child.stdout.readline()  # "worker running"
            asyncio.run(_queue(url, rows))
            drain = asyncio.run(_wait_drained(url, [c.pid for c in children], within=300))
            sent = len(list((Path(workdir) / "mail").glob("*.eml")))
            if sent < rows:
                raise RuntimeError(f"{sent} emails written for {rows} rows")
            return replace(drain, rows=rows)
        finally:
            for child in children:
                child.terminate()
            for child in children:
                child.wait(timeout=30)


def drains(rows: int, *, own_session: bool = True) -> tuple[Drain, Drain] | None:
    """(one worker, two workers), each on a fresh database; None without PostgreSQL."""
    result = []
    for workers in (1, 2):
        with postgres_database() as url:
            if url is None:
                return None
            result.append(_drain(url, workers, rows, own_session=own_session))
    return result[0], result[1]


def bench_outbox_drain(rows: int) -> tuple[Row, Row] | None:
    """(one worker, two workers), or None without PostgreSQL."""
    measured = drains(rows)
    if measured is None:
        return None
    result = []
    for drain in measured:
        processes = f"{drain.workers} worker process" + ("es" if drain.workers > 1 else "")
        row = Row(f"outbox drain, PostgreSQL, {processes}")
        row.count, row.seconds, row.note = drain.rows, drain.seconds, drain.note()
        result.append(row)
    return result[0], result[1]


def main() -> None:
    """`python -m bench.outbox_drain [--rows N] [--runs N]`: this row alone, repeated."""
    parser = argparse.ArgumentParser(prog="python -m bench.outbox_drain")
    parser.add_argument("--rows", type=int, default=400)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument(
        "--one-session",
        action="store_true",
        help="start the workers in the bench's own session (shares one autogroup)",
    )
    args = parser.parse_args()
    for run in range(args.runs):
        measured = drains(args.rows, own_session=not args.one_session)
        if measured is None:
            raise SystemExit("no PostgreSQL on " + os.environ.get("BENCH_PG_HOST", "127.0.0.1"))
        one, two = measured
        for drain in measured:
            print(
                f"run {run + 1}: {drain.workers} worker(s): {drain.rows / drain.seconds:.1f}"
                f" emails/s; workers {drain.worker.cpu / drain.rows * 1000:.2f} +"
                f" PostgreSQL {drain.postgres.cpu / drain.rows * 1000:.2f} ms CPU/email;"
                f" {drain.cores_busy:.2f} cores busy; workers waited"
                f" {drain.waited_for_cpu:.2f} s/s for a core;"
                f" {drain.lock_waits}/{drain.polls} lock waits; load {drain.load:.1f}",
                flush=True,
            )
        print(f"run {run + 1}: two/one {one.seconds / two.seconds:.2f}x", flush=True)


if __name__ == "__main__":
    main()
