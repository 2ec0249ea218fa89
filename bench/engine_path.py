"""Our engine with persistence: each event is one database transaction
(lock, step, effects, save), as every channel uses it."""

import asyncio
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event

from bot.config import Settings
from bot.ops.clock import SystemClock
from bot.services import Services, open_services
from conversations import LANGUAGES
from storage.migrate import upgrade

from .flow import flow_events
from .stats import Row

__all__ = ["StatementCounter", "bench_engine", "temporary_services"]


class StatementCounter:
    def __init__(self, services: Services) -> None:
        self.count = 0
        event.listen(services.db.sync_engine, "before_cursor_execute", self._on_statement)

    def _on_statement(self, *_: Any) -> None:
        self.count += 1


def temporary_services(database_url: str | None, workdir: Path) -> Services:
    url = database_url or f"sqlite+aiosqlite:///{workdir / 'bench.db'}"
    upgrade(url)
    settings = Settings(database_url=url, mail_dir=workdir / "mail", _env_file=None)  # type: ignore[call-arg]
    services = open_services(settings, clock=SystemClock())
    for language in LANGUAGES:  # parsed on first use: not inside the timed updates
        services.translator.has(language, "onboarding-welcome")
    return services


async def _run(services: Services, users: int, concurrency: int, row: Row) -> None:
    queue: asyncio.Queue[int] = asyncio.Queue()
    for user in range(users):
        queue.put_nowait(user)

    async def one_user_at_a_time() -> None:
        while not queue.empty():
            user = queue.get_nowait()
            for item in flow_events(user):
                t0 = time.perf_counter()
                await services.engine.handle("bench", str(user), item)
                row.latencies.append(time.perf_counter() - t0)
                row.count += 1

    started = time.perf_counter()
    await asyncio.gather(*(one_user_at_a_time() for _ in range(concurrency)))
    row.seconds = time.perf_counter() - started


def bench_engine(
    name: str, users: int, database_url: str | None = None, concurrency: int = 8
) -> Row:
    with tempfile.TemporaryDirectory() as workdir:
        services = temporary_services(database_url, Path(workdir))
        row = Row(name)

        async def main() -> None:
            counter = StatementCounter(services)
            await _run(services, users, concurrency, row)
            row.statements = counter.count
            await services.close()

        asyncio.run(main())
    return row
