"""SQL statements per update, by step of the flow: users go one at a time
through our aiogram + SQLite path and each update's statements are counted
(SQLAlchemy's `before_cursor_execute`: one per statement sent, `BEGIN
IMMEDIATE` included, `COMMIT` not; an `executemany` counts once). Step 1 is a
newcomer's `/start`; steps 2-6 are a known user's."""

import asyncio
import tempfile
from pathlib import Path

from .engine_path import StatementCounter, temporary_services
from .ours import _aiogram, _user_steps

__all__ = ["STEP_NAMES", "statements_by_step"]

STEP_NAMES = ["/start (newcomer)", "language button", "name", "email", "currency button", "save"]


def statements_by_step(users: int) -> list[float]:
    """Mean statements of each step of the flow."""
    totals = [0] * len(STEP_NAMES)
    with tempfile.TemporaryDirectory() as workdir:
        services = temporary_services(None, Path(workdir))

        async def main() -> None:
            counter = StatementCounter(services)
            library, feed = _aiogram(services)
            await library.open()
            for user in range(50_000, 50_000 + users):
                for index, make in enumerate(_user_steps(user)):
                    before = counter.count
                    await feed(make())
                    totals[index] += counter.count - before
            await library.close()
            await services.close()

        asyncio.run(main())
    return [total / users for total in totals]
