"""The public pages (confirmation links, the pages Checkout returns to) while
the database is unreachable: a localized "try again in a minute" page, 503
with `Retry-After`, instead of a bare 500. The person holding the link can do
exactly that; a proxy or monitor reads the status. Webhooks are left out on
purpose: their senders retry on a 5xx, which is what an outage needs."""

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot.text.i18n import Translator
from bot.web.pages import Tone, message_page, request_language
from storage.db import DATABASE_UNAVAILABLE

__all__ = ["PAGE_PREFIXES", "RETRY_AFTER_SECONDS", "database_outage", "unavailable_page"]

log = logging.getLogger(__name__)
PAGE_PREFIXES = ("/confirm/", "/payment/")
RETRY_AFTER_SECONDS = 60
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def unavailable_page(translator: Translator, request: web.Request) -> web.Response:
    response = message_page(
        translator,
        request_language(request),
        title_id="web-unavailable-title",
        text_id="web-unavailable-text",
        next_id="web-unavailable-next",
        tone=Tone.WARNING,
        icon="clock",
        status=503,
    )
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def database_outage(translator: Translator) -> Callable[..., Awaitable[web.StreamResponse]]:
    """Outermost of the page middlewares, so the per-IP count (which needs
    the database first) is covered as well as the page itself."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith(PAGE_PREFIXES):
            return await handler(request)
        try:
            return await handler(request)
        except DATABASE_UNAVAILABLE as error:
            log.warning("page answered 503, database unavailable: %s", type(error).__name__)
            return unavailable_page(translator, request)

    return middleware
