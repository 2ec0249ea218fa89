"""Payment links: asked for in the step's transaction, made by the worker
(`bot/payments/checkout.py`) through the outbox."""

import logging

from bot.effects.context import EffectContext, Runners
from bot.outbox.kinds.names import PAYMENT_LINK
from conversations import CreatePaymentLink, Event
from storage import outbox
from storage import payments as payments_repo

__all__ = ["RUNNERS"]

log = logging.getLogger(__name__)


async def create_payment_link(effect: CreatePaymentLink, context: EffectContext) -> Event | None:
    if context.settings.stripe_secret_key is None:
        # The core asks for none with payments off (it tells the user so):
        # only a conversation stepped without the engine's facts gets here.
        log.warning("payment link asked for, but STRIPE_SECRET_KEY is not set")
        return None
    generation = await payments_repo.request_link(
        context.session, effect.org_id, renew=effect.renew, now=context.now
    )
    await outbox.enqueue(
        context.session,
        PAYMENT_LINK,
        {"org_id": effect.org_id, "renew": effect.renew, "generation": generation},
        now=context.now,
        identity_id=context.record.identity_id,
    )
    return None


RUNNERS: Runners = {CreatePaymentLink: create_payment_link}
