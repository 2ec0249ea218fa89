"""The DELETE_CUSTOMER outbox runner: a user's `/delete` removes their
organizations' Stripe customers. Stripe unreachable or failing (5xx) → the
worker retries with backoff; "no such customer" (404) means an earlier attempt
did it and only its answer was lost, so it counts as done. Once done, the row
keeps nothing (no customer id, no email)."""

import logging
from typing import TYPE_CHECKING

import stripe

from bot.payments.client import StripeGateway, is_transient
from storage import outbox
from storage.records import OutboxItem

if TYPE_CHECKING:
    from bot.steps.engine import Engine

__all__ = ["CustomerDeletionRunner"]

log = logging.getLogger(__name__)

# Our clock and Stripe's may disagree a little about "after the organization".
CLOCK_SKEW_SECONDS = 300


class CustomerDeletionRunner:
    def __init__(self, engine: "Engine", gateway: StripeGateway) -> None:
        self.engine = engine
        self.gateway = gateway

    async def __call__(self, item: OutboxItem) -> None:
        payload = item.payload
        customer_id = str(payload.get("customer_id") or "")
        if customer_id:
            await self._delete(item, customer_id)
        elif payload.get("org_id") and payload.get("created_after"):
            await self._delete_unknown(item, int(payload["org_id"]), int(payload["created_after"]))
        engine = self.engine
        async with engine.sessions.begin() as session:
            await outbox.complete(session, item.id, now=engine.clock.now(), payload={})

    async def _delete_unknown(self, item: OutboxItem, org_id: int, created_after: int) -> None:
        """A customer was perhaps made but its answer lost, so we never learned
        its id: look through the customers made since the organization was,
        for our organization id in the metadata. (Stripe's list is
        read-after-write consistent; its search is not.)"""
        since = created_after - CLOCK_SKEW_SECONDS
        found = await self.gateway.client.v1.customers.list_async(
            {"created": {"gte": since}, "limit": 100}
        )
        async for customer in found.auto_paging_iter():
            metadata = customer.to_dict().get("metadata") or {}
            if metadata.get("org_id") == str(org_id):
                await self._delete(item, customer.id)

    async def _delete(self, item: OutboxItem, customer_id: str) -> None:
        try:
            # DELETE takes no idempotency key (Stripe ignores one): deleting
            # twice is harmless, the second answer is a 404 handled below.
            await self.gateway.client.v1.customers.delete_async(customer_id)
        except stripe.StripeError as error:
            if error.http_status == 404:
                log.info("Stripe customer %s was already deleted", customer_id)
                return
            if not is_transient(error):
                log.error(
                    "Stripe refused to delete customer %s: %s (HTTP %s, code %s); "
                    "retrying (attempt %s). Check STRIPE_SECRET_KEY and its permissions.",
                    customer_id,
                    type(error).__name__,
                    error.http_status,
                    error.code,
                    item.attempts,
                )
            raise  # the worker retries the row with backoff
        log.info("Stripe customer %s deleted at the user's request", customer_id)
