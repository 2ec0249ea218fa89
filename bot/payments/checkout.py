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

from bot.outbox.kinds.names import PAYMENT_LINK
from bot.payments.availability import SepaAvailability, SepaDebit
from bot.payments.client import StripeGateway, idempotency_key, is_transient
from bot.payments.fields import field
from conversations import (
    Event,
    PaymentLinkDelayed,
    PaymentLinkReady,
    PaymentLinkUnavailable,
    SetupProcessing,
)
from conversations.languages import language
from storage import organizations as orgs_repo
from storage import outbox
from storage import payments as payments_repo
from storage.payments import DELETED, EXPIRED, LINK_SENT, PROCESSING, SAVED, PaymentProfile
from storage.records import OrganizationRecord, OutboxItem

if TYPE_CHECKING:
    from stripe.params import CustomerCreateParams
    from stripe.params.checkout import SessionCreateParams

    from bot.steps.engine import Engine

__all__ = ["PAYMENT_METHODS", "PaymentLinkRunner", "checkout_lifetime", "link_expiry"]

log = logging.getLogger(__name__)

# SEPA Direct Debit can only be used for EUR; any card works for either currency.
# (Since API 2025, Checkout takes `allowed_payment_method_types`, a filter on
# what the account offers; the older `payment_method_types` is gone.)
PAYMENT_METHODS = {"EUR": ["card", "sepa_debit"], "USD": ["card"]}
# A link that expires sooner than this is replaced rather than sent again.
FRESH_ENOUGH = timedelta(minutes=10)
# Stripe takes `expires_at` 30 min–24 h after the session's creation, by its
# own clock: stay a little inside, for clock skew and the request's own time.
_CLOCK_MARGIN = timedelta(minutes=2)
SHORTEST = timedelta(minutes=30) + _CLOCK_MARGIN
LONGEST = timedelta(hours=24) - _CLOCK_MARGIN


def checkout_lifetime(ttl: timedelta) -> timedelta:
    """STRIPE_CHECKOUT_TTL (30 min–24 h, checked at start-up) inside Stripe's window."""
    return max(SHORTEST, min(ttl, LONGEST))


def link_expiry(anchor: datetime, ttl: timedelta, now: datetime) -> datetime | None:
    """When a link counted from `anchor` (the moment it was asked for)
    expires, or None when, made `now`, it would fall outside Stripe's window:
    the caller then counts it from `now`, which always fits."""
    expires_at = anchor + checkout_lifetime(ttl)
    return expires_at if SHORTEST <= expires_at - now <= LONGEST else None


class PaymentLinkRunner:
    def __init__(self, engine: "Engine", gateway: StripeGateway) -> None:
        self.engine = engine
        self.gateway = gateway
        # Asked on the first EUR link, then every ten minutes (logged when it changes).
        self.sepa = SepaAvailability(gateway)

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

    async def _tell(
        self, item: OutboxItem, event: Event, *, fail: str | None = None, complete: bool = False
    ) -> None:
        engine = self.engine
        async with engine.sessions.begin() as session:
            if item.identity_id is not None:
                await engine.handle_external(session, item.identity_id, event)
            if fail is not None:
                await outbox.fail(session, item.id, now=engine.clock.now(), error=fail)
            elif complete:
                await outbox.complete(session, item.id, now=engine.clock.now())

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
        if profile.status == PROCESSING and not renew:
            # The page was filled in; Stripe is still verifying: say so again.
            await self._tell(item, SetupProcessing(org_id=org_id), complete=True)
            return
        if profile.session_id is not None and profile.session_generation == generation:
            if profile.status == LINK_SENT and _fresh(profile, now):
                await self._send(item, org, profile.session_url or "")
            else:
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
        # Decided just before the call: the requests above may have taken long.
        anchor = await self._anchor(
            org_id, generation, profile.link_requested_at, engine.clock.now()
        )
        if anchor is None:
            await self._complete(item)  # a newer request took over meanwhile
            return
        expires_at = anchor + checkout_lifetime(engine.settings.stripe_checkout_ttl)
        # The language is in the key: a retry after the user switched language
        # sends other parameters, which under the same key Stripe would refuse.
        checkout = await self.gateway.client.v1.checkout.sessions.create_async(
            self._session_params(org, customer_id, expires_at),
            {
                "idempotency_key": idempotency_key(
                    org.id,
                    org.created_at,
                    "checkout",
                    generation,
                    org.language,
                    int(anchor.timestamp()),
                )
            },
        )
        await self._store(item, org, generation, checkout)

    async def _anchor(
        self, org_id: int, generation: int, requested_at: datetime | None, now: datetime
    ) -> datetime | None:
        """The moment this generation's link is counted from: when it was
        asked for, or (when that is too long ago for Stripe's window, e.g. a
        short STRIPE_CHECKOUT_TTL and a busy worker) now, stored so that a
        retry sends the same `expires_at` under the same idempotency key.
        None when another request started a newer generation meanwhile."""
        ttl = self.engine.settings.stripe_checkout_ttl
        if requested_at is not None and link_expiry(requested_at, ttl, now) is not None:
            return requested_at
        async with self.engine.sessions.begin() as session:
            moved = await payments_repo.reanchor_link(
                session, org_id, generation=generation, expected=requested_at, now=now
            )
            if moved:
                return now
            current = await payments_repo.get_profile(session, org_id)
        if current is None or current.generation != generation:
            return None
        # Another worker re-anchored first: use its moment (the same key).
        anchor = current.link_requested_at
        return anchor if anchor is not None and link_expiry(anchor, ttl, now) else now

    async def _card_only(self, org: OrganizationRecord, offered: list[str] | None = None) -> bool:
        """An EUR organization whose page shows no SEPA Direct Debit: the
        session says what it offers, the account's configuration whether SEPA
        is on at all (either one is enough to say "cards only")."""
        if "sepa_debit" not in PAYMENT_METHODS.get(org.currency, []):
            return False
        account = await self.sepa()  # asked (and logged) even when the session says it all
        if offered and "sepa_debit" not in offered:
            return True
        return account is SepaDebit.UNAVAILABLE

    async def _send(self, item: OutboxItem, org: OrganizationRecord, url: str) -> None:
        card_only = await self._card_only(org)
        async with self.engine.sessions.begin() as session:
            if org.identity_id is not None:
                await self.engine.handle_external(
                    session,
                    org.identity_id,
                    PaymentLinkReady(org_id=org.id, url=url, card_only=card_only),
                )
            await outbox.complete(session, item.id, now=self.engine.clock.now())

    async def _start_next_generation(self, item: OutboxItem, org_id: int, generation: int) -> None:
        """The link of this generation is used up (expired, failed): ask for a new
        one as its own row, so a retry of this row cannot make a second session."""
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
            {"preferred_locales": [language(org.language).stripe]},
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
            # Not open any more: find out why. Completed with a method saved
            # (or still being verified, unless the user asked for a new link
            # anyway): its webhook speaks. Completed with a verification that
            # failed afterwards: that page is used up, a new one is due.
            current = await sessions.retrieve_async(
                profile.session_id, {"expand": ["setup_intent"]}
            )
            if field(current, "status") != "complete":
                return True
            status = field(field(current, "setup_intent"), "status")
            return status not in ("succeeded", "processing") or (
                status == "processing" and profile.status == PROCESSING
            )
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
            "locale": language(org.language).stripe,
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
        setup_intent = field(checkout, "setup_intent")
        setup_intent_id = setup_intent if isinstance(setup_intent, str) else None
        offered = field(checkout, "payment_method_types")
        card_only = await self._card_only(org, offered if isinstance(offered, list) else None)
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
                        PaymentLinkReady(
                            org_id=org.id, url=checkout.url or "", card_only=card_only
                        ),
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
