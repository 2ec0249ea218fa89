"""Requests per client IP on the public pages (confirmation links, the pages
Checkout returns to): over the limit in a minute, a localized 429 page with
`Retry-After`. Counted in the database (`ip_windows`, one atomic statement
per request), so every web process sharing it shares the count: N replicas
do not give an attacker N times the limit. The tokens themselves cannot be
guessed (256 bits): this limit is about load. Webhooks are not limited here
(they come from a few platform addresses, verified by signature)."""

import math
from collections.abc import Awaitable, Callable
from datetime import timedelta

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.ops.clock import Clock
from bot.text.i18n import Translator, match_language
from bot.web.pages import Tone, message_page
from storage import limits as limits_repo

__all__ = ["LIMITED_PREFIXES", "IpLimiter", "ip_limit"]

LIMITED_PREFIXES = ("/confirm/", "/payment/", "/join/")
WINDOW = timedelta(minutes=1)
# Every this many requests a process clears finished windows from the table.
_PRUNE_EVERY = 1000
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class IpLimiter:
    def __init__(
        self, per_minute: int, clock: Clock, sessions: async_sessionmaker[AsyncSession]
    ) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self.sessions = sessions
        self._counted = 0

    async def wait(self, address: str) -> int | None:
        """Count one request; seconds to wait when over the limit, else None.
        Without the database this raises (one of `DATABASE_UNAVAILABLE`), and
        `outage.database_outage` answers with its 503 page."""
        now = self.clock.now()
        self._counted += 1
        async with self.sessions.begin() as session:
            started, count = await limits_repo.count_request(session, address, now, WINDOW)
            if self._counted % _PRUNE_EVERY == 0:
                await limits_repo.forget_windows(session, now - WINDOW)
        if count <= self.per_minute:
            return None
        return max(1, math.ceil((started + WINDOW - now) / timedelta(seconds=1)))


def _language(request: web.Request) -> str:
    for part in request.headers.get("Accept-Language", "").split(","):
        found = match_language(part.split(";")[0].strip())
        if found:
            return found
    return "en"


def ip_limit(
    limiter: IpLimiter, translator: Translator
) -> Callable[..., Awaitable[web.StreamResponse]]:
    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith(LIMITED_PREFIXES):
            return await handler(request)
        seconds = await limiter.wait(request.remote or "unknown")
        if seconds is None:
            return await handler(request)
        response = message_page(
            translator,
            _language(request),
            title_id="limits-too-many-requests-title",
            text_id="limits-too-many-requests-text",
            next_id="limits-too-many-requests-next",
            tone=Tone.WARNING,
            icon="clock",
            status=429,
            args={"seconds": seconds},
        )
        response.headers["Retry-After"] = str(seconds)
        return response

    return middleware
