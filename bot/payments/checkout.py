"""The PAYMENT_LINK outbox runner: one Stripe customer per organization, one
Checkout Session (setup mode) per link generation, the link sent to the chat.

Every POST carries an idempotency key made of our ids, so a retried row (or
two rows for the same generation) never creates a second customer or session.
A key is never reused with other parameters (Stripe refuses that): the
customer is created from what cannot change, the language (which can) is in
the session's key and is set on the customer by an update of its own."""

import logging
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import stripe

from conversations import Event, PaymentLinkDelayed, PaymentLinkReady, PaymentLinkUnavailable
from storage import organizations as orgs_repo
from storage import outbox
from storage import payments as payments_repo
from storage.payments import DELETED, EXPIRED, LINK_SENT, SAVED, PaymentProfile
from storage.records import OrganizationRecord, OutboxItem

from .client import StripeGateway, idempotency_key, is_transient

if TYPE_CHECKING:
    from stripe.params import CustomerCreateParams
    from stripe.params.checkout import SessionCreateParams

    from ..engine import Engine

__all__ = ["PAYMENT_METHODS", "PaymentLinkRunner", "checkout_lifetime"]

log = logging.getLogger(__name__)

# SEPA Direct Debit can only be used for EUR; any card works for either currency.
# (Since API 2025, Checkout takes `allowed_payment_method_types`, a filter on
# what the account offers; the older `payment_method_types` is gone.)
PAYMENT_METHODS = {"EUR": ["card", "sepa_debit"], "USD": ["card"]}
# A link that expires sooner than this is replaced rather than sent again.
FRESH_ENOUGH = timedelta(minutes=10)
# Stripe measures 30 min–24 h from its own clock: stay a little inside.
_CLOCK_MARGIN = timedelta(minutes=2)


def checkout_lifetime(ttl: timedelta) -> timedelta:
    low, high = timedelta(minutes=30) + _CLOCK_MARGIN, timedelta(hours=24) - _CLOCK_MARGIN
    return max(low, min(ttl, high))


class PaymentLinkRunner:
    def __init__(self, engine: "Engine", gateway: StripeGateway) -> None:
        self.engine = engine
        self.gateway = gateway

    async def __call__(self, item: OutboxItem) -> None:
        org_id = int(item.payload["org_id"])
        try:
            await self._make_link(item, org_id)
        except stripe.StripeError as error:
            if is_transient(error):
                if item.attempts == 1:
                    await self._tell(item, PaymentLinkDelayed(org_id=org_id))
                raise  # the worker retries the row with backoff
            log.error(
                "Stripe refused the payment link for organization %s: %s (HTTP %s, code %s). "
                "Check STRIPE_SECRET_KEY, STRIPE_API_BASE and the Stripe account settings.",
                org_id,
                type(error).__name__,
                error.http_status,
                error.code,
            )
            await self._tell(item, PaymentLinkUnavailable(org_id=org_id), fail=str(error))

    async def _tell(self, item: OutboxItem, event: Event, *, fail: str | None = None) -> None:
        engine = self.engine
        async with engine.sessions.begin() as session:
            if item.identity_id is not None:
                await engine.handle_external(session, item.identity_id, event)
            if fail is not None:
                await outbox.fail(session, item.id, now=engine.clock.now(), error=fail)

    async def _complete(self, item: OutboxItem) -> None:
        async with self.engine.sessions.begin() as session:
            await outbox.complete(session, item.id, now=self.engine.clock.now())

    async def _make_link(self, item: OutboxItem, org_id: int) -> None:
        engine = self.engine
        generation = int(item.payload.get("generation", 1))
        renew = bool(item.payload.get("renew", False))
        now = engine.clock.now()
        async with engine.sessions() as session:
            org = await orgs_repo.get_organization(session, org_id)
            profile = await payments_repo.get_profile(session, org_id)
        if (
            org is None
            or profile is None
            or org.identity_id is None
            or org.status == "cancelled"
            or generation < profile.generation  # a newer request supersedes this one
            or profile.status in (SAVED, DELETED)
        ):
            await self._complete(item)
            return
        if profile.session_id is not None and profile.session_generation == generation:
            if profile.status == LINK_SENT and _fresh(profile, now):
                await self._send(item, org, profile.session_url or "")
            else:
                await self._start_next_generation(item, org_id, generation)
            return
        expires_at = (profile.link_requested_at or now) + checkout_lifetime(
            engine.settings.stripe_checkout_ttl
        )
        if expires_at - now < timedelta(minutes=30) + _CLOCK_MARGIN:
            # Retried so late that this generation's link would be born stale.
            await self._start_next_generation(item, org_id, generation)
            return
        customer_id = profile.customer_id or await self._create_customer(org)
        if customer_id is None:
            await self._complete(item)  # the user asked to be forgotten meanwhile
            return
        await self._set_locale(item, org, customer_id)
        if renew and not await self._expire_current(org, profile):
            await self._complete(item)  # the old link was just used: its webhook tells the user
            return
        # The language is in the key: a retry after the user switched language
        # sends other parameters, which under the same key Stripe would refuse.
        checkout = await self.gateway.client.v1.checkout.sessions.create_async(
            self._session_params(org, customer_id, expires_at),
            {
                "idempotency_key": idempotency_key(
                    org.id, org.created_at, "checkout", generation, org.language
                )
            },
        )
        await self._store(item, org, generation, checkout)

    async def _send(self, item: OutboxItem, org: OrganizationRecord, url: str) -> None:
        async with self.engine.sessions.begin() as session:
            if org.identity_id is not None:
                await self.engine.handle_external(
                    session, org.identity_id, PaymentLinkReady(org_id=org.id, url=url)
                )
            await outbox.complete(session, item.id, now=self.engine.clock.now())

    async def _start_next_generation(self, item: OutboxItem, org_id: int, generation: int) -> None:
        """The link of this generation is used up (expired, failed): ask for a new
        one as its own row, so a retry of this row cannot make a second session."""
        from ..engine import PAYMENT_LINK

        now = self.engine.clock.now()
        async with self.engine.sessions.begin() as session:
            if await payments_repo.bump_generation(session, org_id, expected=generation, now=now):
                await outbox.enqueue(
                    session,
                    PAYMENT_LINK,
                    {"org_id": org_id, "renew": True, "generation": generation + 1},
                    now=now,
                    identity_id=item.identity_id,
                )
            await outbox.complete(session, item.id, now=now)

    async def _create_customer(self, org: OrganizationRecord) -> str | None:
        """The organization's one customer. Its parameters are only what cannot
        change once a link is asked for (the confirmed email, the name, our id),
        so every retry, from any row, sends exactly the first attempt's request
        under the one key: Stripe answers with the same customer. The language,
        which the user can switch at any time, is set apart (`_set_locale`).
        None when the organization was erased while the customer was made."""
        params: CustomerCreateParams = {
            "email": org.email or "",
            "metadata": {"org_id": str(org.id)},
        }
        if org.name:
            params["name"] = org.name
        customer = await self.gateway.client.v1.customers.create_async(
            params, {"idempotency_key": idempotency_key(org.id, org.created_at, "customer")}
        )
        now = self.engine.clock.now()
        async with self.engine.sessions.begin() as session:
            if await payments_repo.set_customer(session, org.id, customer.id, now):
                return customer.id
            # `/delete` ran while Stripe was answering: this customer goes too.
            await payments_repo.queue_customer_deletion(session, customer.id, now)
        return None

    async def _set_locale(
        self, item: OutboxItem, org: OrganizationRecord, customer_id: str
    ) -> None:
        """Stripe's emails to the customer in the conversation's language, as
        it is now. Setting it twice does no harm, so each attempt has its own
        key: a retry never sends other parameters under a used key, and a
        switch back to an earlier language is not answered from Stripe's
        cache of the first time."""
        await self.gateway.client.v1.customers.update_async(
            customer_id,
            {"preferred_locales": [org.language]},
            {
                "idempotency_key": idempotency_key(
                    org.id, org.created_at, "locale", item.id, item.attempts
                )
            },
        )

    async def _expire_current(self, org: OrganizationRecord, profile: PaymentProfile) -> bool:
        """Expire the link being replaced. False when it was completed meanwhile."""
        if profile.session_id is None or profile.status in (SAVED, EXPIRED):
            return True  # nothing open to close (a failed attempt leaves the page open)
        sessions = self.gateway.client.v1.checkout.sessions
        try:
            await sessions.expire_async(
                profile.session_id,
                options={
                    "idempotency_key": idempotency_key(
                        org.id, org.created_at, "expire", profile.session_id
                    )
                },
            )
        except stripe.InvalidRequestError:
            # Not open any more: find out why.
            current = await sessions.retrieve_async(profile.session_id)
            return current.status != "complete"
        return True

    def _session_params(
        self, org: OrganizationRecord, customer_id: str, expires_at: datetime
    ) -> "SessionCreateParams":
        base = self.engine.settings.base_url
        return {
            "mode": "setup",
            "customer": customer_id,
            "currency": org.currency.lower(),
            "allowed_payment_method_types": list(PAYMENT_METHODS.get(org.currency, ["card"])),
            "locale": org.language,
            "client_reference_id": str(org.id),
            "metadata": {"org_id": str(org.id)},
            "setup_intent_data": {"metadata": {"org_id": str(org.id)}},
            "success_url": (
                f"{base}/payment/done?lang={org.language}&session_id={{CHECKOUT_SESSION_ID}}"
            ),
            "cancel_url": f"{base}/payment/cancelled?lang={org.language}",
            "expires_at": int(expires_at.timestamp()),
        }

    async def _store(
        self,
        item: OutboxItem,
        org: OrganizationRecord,
        generation: int,
        checkout: stripe.checkout.Session,
    ) -> None:
        engine = self.engine
        now = engine.clock.now()
        setup_intent = checkout.setup_intent
        setup_intent_id = setup_intent if isinstance(setup_intent, str) else None
        async with engine.sessions.begin() as session:
            current = await payments_repo.get_profile(session, org.id, for_update=True)
            if (
                current is None
                or current.generation != generation
                or current.status in (SAVED, DELETED)
            ):
                await outbox.complete(session, item.id, now=now)
                superseded = True
            else:
                superseded = False
                await payments_repo.store_link(
                    session,
                    org.id,
                    generation=generation,
                    session_id=checkout.id,
                    url=checkout.url or "",
                    expires_at=datetime.fromtimestamp(checkout.expires_at, UTC),
                    setup_intent_id=setup_intent_id,
                    now=now,
                )
                if org.identity_id is not None:
                    await engine.handle_external(
                        session,
                        org.identity_id,
                        PaymentLinkReady(org_id=org.id, url=checkout.url or ""),
                    )
                await outbox.complete(session, item.id, now=now)
        if superseded:
            # A newer link was asked for while this one was being made.
            try:
                await self.gateway.client.v1.checkout.sessions.expire_async(
                    checkout.id,
                    options={
                        "idempotency_key": idempotency_key(
                            org.id, org.created_at, "expire", checkout.id
                        )
                    },
                )
            except stripe.StripeError as error:
                log.warning("could not expire superseded session %s: %r", checkout.id, error)


def _fresh(profile: PaymentProfile, now: datetime) -> bool:
    expires = profile.session_expires_at
    return expires is not None and expires - now > FRESH_ENOUGH
