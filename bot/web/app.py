"""Routes of the web process."""

from html import escape
from typing import TYPE_CHECKING

from aiohttp import web

from bot.channels.web import WebChannel, mount_web_chat
from bot.organizations.confirmation import LinkStatus, LinkView, inspect_link, use_link
from bot.steps.engine import Engine
from bot.text.i18n import Translator
from bot.web.brand import add_static_routes
from bot.web.credit_api import ROUTE as CREDIT_USAGE_ROUTE
from bot.web.credit_api import credit_usage_handler
from bot.web.health import add_health_routes
from bot.web.ip_limit import IpLimiter, ip_limit
from bot.web.join_pages import add_join_routes
from bot.web.limits import MAX_BODY, body_limit
from bot.web.outage import database_outage
from bot.web.page_errors import page_errors
from bot.web.pages import Tone, lead_with_name, message_page, next_step, page, request_language
from bot.web.payment_pages import add_payment_routes
from bot.web.read_timeouts import read_deadline

if TYPE_CHECKING:  # Stripe is imported only when STRIPE_SECRET_KEY is set (bot/services.py)
    from bot.payments import StripeWebhook

__all__ = ["build_app"]

ENGINE = web.AppKey("engine", Engine)
TRANSLATOR = web.AppKey("translator", Translator)

# The page for each: title, text, next step, HTTP status, icon.
_ERRORS = {
    LinkStatus.EXPIRED: (
        "web-token-expired-title",
        "web-token-expired",
        "web-token-expired-next",
        410,
        "clock",
    ),
    LinkStatus.USED: (
        "web-token-used-title",
        "web-token-used",
        "web-token-used-next",
        409,
        "check",
    ),
    LinkStatus.UNKNOWN: (
        "web-token-unknown-title",
        "web-token-unknown",
        "web-token-unknown-next",
        404,
        "link",
    ),
}


def _language(request: web.Request, view: LinkView) -> str:
    return request_language(request, view.language)


def _error_page(request: web.Request, view: LinkView) -> web.Response:
    title_id, text_id, next_id, status, icon = _ERRORS[view.status]
    tone = Tone.INFO if view.status is LinkStatus.USED else Tone.WARNING
    return message_page(
        request.app[TRANSLATOR],
        _language(request, view),
        title_id=title_id,
        text_id=text_id,
        next_id=next_id,
        tone=tone,
        icon=icon,
        status=status,
    )


async def confirm_get(request: web.Request) -> web.Response:
    """Shows a button; never confirms (mail scanners prefetch links)."""
    view = await inspect_link(request.app[ENGINE], request.match_info["token"])
    if view.status is not LinkStatus.VALID:
        return _error_page(request, view)
    translator = request.app[TRANSLATOR]
    language = _language(request, view)
    text = lead_with_name(translator, language, "web-confirm-text", view.org_name or "")
    button = escape(translator.format(language, "web-confirm-button"))
    body = (
        f'{text}<form method="post" class="actions">'
        f'<button type="submit" class="button">{button}</button></form>'
        f"{next_step(translator, language, 'web-confirm-next')}"
    )
    return page(translator, language, "web-confirm-title", body, icon="mail")


async def confirm_post(request: web.Request) -> web.Response:
    view = await use_link(request.app[ENGINE], request.match_info["token"])
    if view.status is not LinkStatus.CONFIRMED:
        return _error_page(request, view)
    return message_page(
        request.app[TRANSLATOR],
        _language(request, view),
        title_id="web-confirmed-title",
        text_id="web-confirmed-text",
        next_id="web-confirmed-next",
        tone=Tone.SUCCESS,
        icon="check",
    )


def build_app(
    engine: Engine,
    translator: Translator,
    stripe_webhook: "StripeWebhook | None" = None,
    web_chat: WebChannel | None = None,
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
            page_errors(translator),
            database_outage(translator),
            ip_limit(limiter, translator),
        ],
    )
    app[ENGINE] = engine
    app[TRANSLATOR] = translator
    add_health_routes(app, engine)
    add_static_routes(app)
    app.router.add_get("/confirm/{token}", confirm_get)
    app.router.add_post("/confirm/{token}", confirm_post)
    add_join_routes(app, engine, translator)
    if engine.settings.slack_configured:
        from bot.channels.slack import mount_slack

        mount_slack(app, engine, translator)
    add_payment_routes(app, translator, stripe_webhook)
    mount_web_chat(app, engine, translator, web_chat or WebChannel(engine, translator))
    token = engine.settings.internal_api_token
    if token is not None and token.get_secret_value():
        # Without a token the internal API does not exist (404), never open.
        app.router.add_post(CREDIT_USAGE_ROUTE, credit_usage_handler(engine, token))
    return app
