"""A child process for the cross-process race: opens its own services on the
database URL given, says "ready", waits for "go" on stdin, then uses the
confirmation tokens (one JSON list on argv) all at once and prints the outcomes.

    python -m tests.bot.credit_racer DATABASE_URL '["token", ...]'
"""

import asyncio
import json
import sys

from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.organizations.confirmation import use_link
from bot.services import open_services


async def race(database_url: str, tokens: list[str]) -> list[str]:
    settings = Settings(database_url=database_url, _env_file=None)  # type: ignore[call-arg]
    services = open_services(settings, clock=FrozenClock())
    try:
        async with services.engine.sessions() as session:  # connect before the start line
            await session.connection()
        print("ready", flush=True)
        line = await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        assert line.strip() == "go", line
        views = await asyncio.gather(*(use_link(services.engine, token) for token in tokens))
        return [view.status.value for view in views]
    finally:
        await services.close()


if __name__ == "__main__":
    outcome = asyncio.run(race(sys.argv[1], json.loads(sys.argv[2])))
    print(json.dumps(outcome), flush=True)
