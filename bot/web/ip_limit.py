"""Requests per client IP on the public pages (confirmation links, the pages
Checkout returns to): over the limit in a minute, a localized 429 page with
`Retry-After`. Counted in this process only: with several web processes each
counts its own share. The tokens themselves cannot be guessed (256 bits):
this limit is about load. Webhooks are not limited here (they come from a few
platform addresses, verified by signature)."""

import math
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from html import escape

from aiohttp import web

from ..clock import Clock
from ..i18n import Translator, match_language
from .pages import page

__all__ = ["LIMITED_PREFIXES", "IpLimiter", "ip_limit"]

LIMITED_PREFIXES = ("/confirm/", "/payment/")
WINDOW = timedelta(minutes=1)
# Forget finished windows once this many addresses are tracked.
_PRUNE_AT = 10_000
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class IpLimiter:
    def __init__(self, per_minute: int, clock: Clock) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._windows: dict[str, tuple[datetime, int]] = {}

    def wait(self, address: str) -> int | None:
        """Count one request; seconds to wait when over the limit, else None."""
        now = self.clock.now()
        started, count = self._windows.get(address, (now, 0))
        if not started <= now < started + WINDOW:
            started, count = now, 0
        if len(self._windows) >= _PRUNE_AT:
            self._prune(now)
        self._windows[address] = (started, count + 1)
        if count < self.per_minute:
            return None
        return max(1, math.ceil((started + WINDOW - now) / timedelta(seconds=1)))

    def _prune(self, now: datetime) -> None:
        self._windows = {
            address: (started, count)
            for address, (started, count) in self._windows.items()
            if started <= now < started + WINDOW
        }


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
        seconds = limiter.wait(request.remote or "unknown")
        if seconds is None:
            return await handler(request)
        language = _language(request)
        text = translator.format(language, "limits-too-many-requests-text", {"seconds": seconds})
        response = page(
            translator,
            language,
            "limits-too-many-requests-title",
            f"<p>{escape(text)}</p>",
            status=429,
        )
        response.headers["Retry-After"] = str(seconds)
        return response

    return middleware
