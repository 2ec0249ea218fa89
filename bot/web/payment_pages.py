"""Stripe's side of the web app: the webhook, and the pages Checkout sends the
user back to (success or cancel). The webhook, not the redirect, records the
result; the success page only says what is known of that Checkout Session —
saved, still being confirmed, not added, or not ours — never more."""

import logging
import re
from enum import Enum
from typing import TYPE_CHECKING

from aiohttp import web

from bot.text.i18n import Translator
from bot.web.pages import Tone, message_page, request_language
from storage import payments as payments_repo

if TYPE_CHECKING:  # Stripe is imported only when STRIPE_SECRET_KEY is set (bot/services.py)
    from bot.payments import StripeWebhook

__all__ = ["add_payment_routes"]

WEBHOOK = web.AppKey["StripeWebhook"]("stripe_webhook")
_TRANSLATOR = web.AppKey("payment_translator", Translator)
# Stripe fills `{CHECKOUT_SESSION_ID}` in the success URL with an id such as
# `cs_test_a1B2…`; anything else is not a session of ours and is never looked up.
_SESSION_ID = re.compile(r"cs_[A-Za-z0-9_]{1,250}")

log = logging.getLogger(__name__)


class Outcome(Enum):
    """The page for each: title, text, next step, icon and tone."""

    SAVED = (
        "web-payment-saved-title",
        "web-payment-saved-text",
        "web-payment-saved-next",
        "check",
        Tone.SUCCESS,
    )
    CHECKING = (
        "web-payment-checking-title",
        "web-payment-checking-text",
        "web-payment-checking-next",
        "clock",
        Tone.INFO,
    )
    NOT_ADDED = (
        "web-payment-cancelled-title",
        "web-payment-cancelled-text",
        "web-payment-cancelled-next",
        "card",
        Tone.WARNING,
    )
    UNKNOWN = (
        "web-payment-unknown-title",
        "web-payment-unknown-text",
        "web-payment-unknown-next",
        "link",
        Tone.WARNING,
    )


async def stripe_webhook(request: web.Request) -> web.Response:
    webhook = request.app.get(WEBHOOK)
    if webhook is None:  # no STRIPE_SECRET_KEY: there is no Stripe endpoint here
        return web.Response(status=404, text="payments are not configured")
    body = await request.read()
    result = await webhook.receive(body, request.headers.get("Stripe-Signature"))
    return web.Response(status=result.status, text=result.text)


def _page(request: web.Request, outcome: "Outcome") -> web.Response:
    title_id, text_id, next_id, icon, tone = outcome.value
    return message_page(
        request.app[_TRANSLATOR],
        request_language(request),
        title_id=title_id,
        text_id=text_id,
        next_id=next_id,
        tone=tone,
        icon=icon,
    )


async def session_outcome(webhook: "StripeWebhook | None", session_id: str | None) -> Outcome:
    """Our payment profile first (the webhook writes it); Stripe only while the
    profile still says "link sent". A session that is not the current one of
    any profile is UNKNOWN."""
    if webhook is None or session_id is None or not _SESSION_ID.fullmatch(session_id):
        return Outcome.UNKNOWN
    async with webhook.engine.sessions() as session:
        profile = await payments_repo.find_by_session(session, session_id)
    if profile is None:
        return Outcome.UNKNOWN
    if profile.status == payments_repo.SAVED:
        return Outcome.SAVED
    if profile.status == payments_repo.PROCESSING:
        return Outcome.CHECKING
    if profile.status in (payments_repo.FAILED, payments_repo.EXPIRED):
        return Outcome.NOT_ADDED
    if profile.status != payments_repo.LINK_SENT:
        return Outcome.UNKNOWN  # erased, or no link yet
    import stripe  # a webhook means a configured gateway: stripe is loaded already

    from bot.payments.fields import field

    try:
        checkout = await webhook.gateway.client.v1.checkout.sessions.retrieve_async(
            session_id, params={"expand": ["setup_intent"]}
        )
    except stripe.StripeError as error:
        log.warning("could not look up the returning Checkout Session: %r", error)
        return Outcome.CHECKING  # the webhook will tell the chat
    status = field(checkout, "status")
    if status == "expired":
        return Outcome.NOT_ADDED
    if status == "complete" and field(field(checkout, "setup_intent"), "status") == "succeeded":
        return Outcome.SAVED
    return Outcome.CHECKING


async def payment_done(request: web.Request) -> web.Response:
    outcome = await session_outcome(request.app.get(WEBHOOK), request.query.get("session_id"))
    return _page(request, outcome)


async def payment_cancelled(request: web.Request) -> web.Response:
    return _page(request, Outcome.NOT_ADDED)


def add_payment_routes(
    app: web.Application, translator: Translator, webhook: "StripeWebhook | None"
) -> None:
    app[_TRANSLATOR] = translator
    if webhook is not None:
        app[WEBHOOK] = webhook
    app.router.add_post("/stripe/webhook", stripe_webhook)
    app.router.add_get("/payment/done", payment_done)
    app.router.add_get("/payment/cancelled", payment_cancelled)
