"""Routes of the web process."""

from html import escape

from aiohttp import web

from ..confirmation import LinkStatus, LinkView, inspect_link, use_link
from ..engine import Engine
from ..i18n import Translator
from ..payments import StripeWebhook
from .credit_api import ROUTE as CREDIT_USAGE_ROUTE
from .credit_api import credit_usage_handler
from .health import add_health_routes
from .ip_limit import IpLimiter, ip_limit
from .join_pages import add_join_routes
from .limits import MAX_BODY, body_limit
from .outage import database_outage
from .pages import page, request_language
from .payment_pages import add_payment_routes
from .read_timeouts import read_deadline

__all__ = ["build_app"]

ENGINE = web.AppKey("engine", Engine)
TRANSLATOR = web.AppKey("translator", Translator)

_ERRORS = {
    LinkStatus.EXPIRED: ("web-token-expired", 410),
    LinkStatus.USED: ("web-token-used", 409),
    LinkStatus.UNKNOWN: ("web-token-unknown", 404),
}


def _language(request: web.Request, view: LinkView) -> str:
    return request_language(request, view.language)


def _error_page(request: web.Request, view: LinkView) -> web.Response:
    translator = request.app[TRANSLATOR]
    language = _language(request, view)
    message_id, status = _ERRORS[view.status]
    text = escape(translator.format(language, message_id))
    return page(translator, language, "web-confirm-title", f"<p>{text}</p>", status=status)


async def confirm_get(request: web.Request) -> web.Response:
    """Shows a button; never confirms (mail scanners prefetch links)."""
    view = await inspect_link(request.app[ENGINE], request.match_info["token"])
    if view.status is not LinkStatus.VALID:
        return _error_page(request, view)
    translator = request.app[TRANSLATOR]
    language = _language(request, view)
    text = escape(translator.format(language, "web-confirm-text", {"name": view.org_name or ""}))
    button = escape(translator.format(language, "web-confirm-button"))
    body = f'<p>{text}</p><form method="post"><button type="submit">{button}</button></form>'
    return page(translator, language, "web-confirm-title", body)


async def confirm_post(request: web.Request) -> web.Response:
    view = await use_link(request.app[ENGINE], request.match_info["token"])
    if view.status is not LinkStatus.CONFIRMED:
        return _error_page(request, view)
    translator = request.app[TRANSLATOR]
    language = _language(request, view)
    text = escape(translator.format(language, "web-confirmed-text"))
    return page(translator, language, "web-confirmed-title", f"<p>{text}</p>")


def build_app(
    engine: Engine, translator: Translator, stripe_webhook: StripeWebhook | None = None
) -> web.Application:
    # client_max_size catches chunked bodies that grow past the limit as read.
    limiter = IpLimiter(
        engine.settings.confirm_attempts_per_ip_per_minute, engine.clock, engine.sessions
    )
    app = web.Application(
        client_max_size=MAX_BODY,
        middlewares=[
            read_deadline(engine.settings.http_body_timeout),
            body_limit,
            database_outage(translator),
            ip_limit(limiter, translator),
        ],
    )
    app[ENGINE] = engine
    app[TRANSLATOR] = translator
    add_health_routes(app, engine)
    app.router.add_get("/confirm/{token}", confirm_get)
    app.router.add_post("/confirm/{token}", confirm_post)
    add_join_routes(app, engine, translator)
    if engine.settings.slack_configured:
        from ..channels.slack import mount_slack

        mount_slack(app, engine, translator)
    add_payment_routes(app, translator, stripe_webhook)
    token = engine.settings.internal_api_token
    if token is not None and token.get_secret_value():
        # Without a token the internal API does not exist (404), never open.
        app.router.add_post(CREDIT_USAGE_ROUTE, credit_usage_handler(engine, token))
    return app
