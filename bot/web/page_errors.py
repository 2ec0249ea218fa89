"""The public pages' own answers when no page of ours answers: an address
under `/confirm/` or `/payment/` that matches no route gets the branded
"link not valid" or "payment page not found" page (404), and a failure
inside a page, our bug, gets the branded 500 page in the reader's language,
with the traceback in the log only. Outermost of the page middlewares; a
database outage is `outage.py`'s, answered before it gets here."""

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot.text.i18n import Translator
from bot.web.outage import PAGE_PREFIXES
from bot.web.pages import Tone, message_page, request_language

__all__ = ["page_errors"]

log = logging.getLogger(__name__)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _not_found(translator: Translator, request: web.Request) -> web.Response:
    if request.path.startswith("/confirm/"):
        ids = ("web-token-unknown-title", "web-token-unknown", "web-token-unknown-next")
    else:
        ids = ("web-payment-unknown-title", "web-payment-unknown-text", "web-payment-unknown-next")
    title_id, text_id, next_id = ids
    return message_page(
        translator,
        request_language(request),
        title_id=title_id,
        text_id=text_id,
        next_id=next_id,
        tone=Tone.WARNING,
        icon="link",
        status=404,
    )


def _failed(translator: Translator, request: web.Request) -> web.Response:
    return message_page(
        translator,
        request_language(request),
        title_id="web-error-title",
        text_id="web-error-text",
        next_id="web-error-next",
        tone=Tone.DANGER,
        icon="alert",
        status=500,
    )


def page_errors(translator: Translator) -> Callable[..., Awaitable[web.StreamResponse]]:
    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith(PAGE_PREFIXES):
            return await handler(request)
        try:
            return await handler(request)
        except web.HTTPNotFound:
            return _not_found(translator, request)
        except web.HTTPException:
            raise
        except Exception:
            log.exception("page answered 500")
            return _failed(translator, request)

    return middleware
