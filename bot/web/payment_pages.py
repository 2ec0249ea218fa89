"""Stripe's side of the web app: the webhook, and the pages Checkout sends the
user back to (success or cancel) — both just say "you can return to the chat";
the webhook, not the redirect, is what records the result."""

from html import escape

from aiohttp import web

from ..i18n import Translator, match_language
from ..payments import StripeWebhook
from .pages import page

__all__ = ["add_payment_routes"]

WEBHOOK = web.AppKey("stripe_webhook", StripeWebhook)
_TRANSLATOR = web.AppKey("payment_translator", Translator)


async def stripe_webhook(request: web.Request) -> web.Response:
    webhook = request.app.get(WEBHOOK)
    if webhook is None:  # no STRIPE_SECRET_KEY: there is no Stripe endpoint here
        return web.Response(status=404, text="payments are not configured")
    body = await request.read()
    result = await webhook.receive(body, request.headers.get("Stripe-Signature"))
    return web.Response(status=result.status, text=result.text)


def _language(request: web.Request) -> str:
    found = match_language(request.query.get("lang"))
    if found:
        return found
    for part in request.headers.get("Accept-Language", "").split(","):
        found = match_language(part.split(";")[0].strip())
        if found:
            return found
    return "en"


def _page(request: web.Request, title_id: str, text_id: str) -> web.Response:
    translator = request.app[_TRANSLATOR]
    language = _language(request)
    text = escape(translator.format(language, text_id))
    return page(translator, language, title_id, f"<p>{text}</p>")


async def payment_done(request: web.Request) -> web.Response:
    return _page(request, "web-payment-done-title", "web-payment-done-text")


async def payment_cancelled(request: web.Request) -> web.Response:
    return _page(request, "web-payment-cancelled-title", "web-payment-cancelled-text")


def add_payment_routes(
    app: web.Application, translator: Translator, webhook: StripeWebhook | None
) -> None:
    app[_TRANSLATOR] = translator
    if webhook is not None:
        app[WEBHOOK] = webhook
    app.router.add_post("/stripe/webhook", stripe_webhook)
    app.router.add_get("/payment/done", payment_done)
    app.router.add_get("/payment/cancelled", payment_cancelled)
