"""The outbound limiter against a Bot API double that enforces Telegram's
30 messages/s overall: 300 users waiting for a reply at once. Reports the
achieved rate as a share of the limit and how many 429s the double gave."""

import asyncio
import collections
import tempfile
import time
from pathlib import Path
from typing import Any

from bot.channels.runner import Runner
from bot.channels.telegram.aiogram import AiogramLibrary
from bot.channels.telegram.channel import TelegramSender, chat_address
from bot.channels.telegram.limits import Limits, SendLimiter
from conversations import Reply
from tests.doubles.telegram_api import Refused, TelegramApiDouble

from .engine_path import temporary_services
from .stats import Row

__all__ = ["bench_limiter"]

TOKEN = "123456:BENCHbenchBENCHbenchBENCHbenchBENCH12"  # noqa: S105 (a fake for the bench)
LIMIT = 30


class StrictDouble(TelegramApiDouble):
    """Answers 429 to any sendMessage beyond 30 in the last second."""

    def __init__(self) -> None:
        super().__init__(TOKEN)
        self.recent: collections.deque[float] = collections.deque()
        self.sent_at: list[float] = []

    async def _send_message(self, params: dict[str, Any]) -> Any:
        now = time.monotonic()
        while self.recent and now - self.recent[0] >= 1.0:
            self.recent.popleft()
        if len(self.recent) >= LIMIT:
            self.flood_answers += 1
            raise Refused(429, "Too Many Requests: retry after 1", retry_after=1)
        self.recent.append(now)
        self.sent_at.append(now)
        return await super()._send_message(params)


def bench_limiter(users: int = 300) -> tuple[Row, float, int]:
    row = Row(f"limiter: {users} chats at once vs {LIMIT}/s")
    with tempfile.TemporaryDirectory() as workdir:
        services = temporary_services(None, Path(workdir))

        async def main() -> tuple[float, int]:
            double = StrictDouble()
            base = await double.start()
            for user in range(users):
                double.add_user(20_000 + user)
            library = AiogramLibrary(TOKEN, base)
            sender = TelegramSender(library.api, SendLimiter(Limits()))
            runner = Runner(sender, services.engine, services.translator)
            reply = Reply(message_id="help-text")

            async def one(user: int) -> None:
                t0 = time.perf_counter()
                await runner.send(chat_address(20_000 + user), "en", [reply])
                row.latencies.append(time.perf_counter() - t0)
                row.count += 1

            started = time.perf_counter()
            await asyncio.gather(*(one(user) for user in range(users)))
            row.seconds = time.perf_counter() - started
            span = double.sent_at[-1] - double.sent_at[0] if len(double.sent_at) > 1 else 1
            rate = (len(double.sent_at) - 1) / span
            await library.close()
            await double.stop()
            await services.close()
            return rate / LIMIT, double.flood_answers

        share, floods = asyncio.run(main())
    row.note = f"{share:.0%} of the limit, {floods} × 429"
    return row, share, floods
