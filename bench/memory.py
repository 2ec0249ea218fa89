"""Memory: what 10 000 idle conversations cost a running process (they live in
the database, so it should be close to nothing)."""

import asyncio
import gc
import tempfile
from pathlib import Path

from conversations import Command

from .engine_path import temporary_services
from .stats import rss_mb

__all__ = ["idle_conversations_growth"]


def idle_conversations_growth(conversations: int) -> tuple[float, float]:
    """(RSS after a warm-up, RSS growth after `conversations` more) in MB."""
    with tempfile.TemporaryDirectory() as workdir:
        services = temporary_services(None, Path(workdir))

        async def main() -> tuple[float, float]:
            for user in range(200):  # warm caches and pools first
                await services.engine.handle("idle", f"warm{user}", Command(name="start"))
            gc.collect()
            before = rss_mb()
            for user in range(conversations):
                await services.engine.handle("idle", str(user), Command(name="start"))
            gc.collect()
            after = rss_mb()
            await services.close()
            return before, after - before

        return asyncio.run(main())
