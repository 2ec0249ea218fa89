"""`POST /stripe/webhook`: the signature is checked on the raw body before
anything is read; each event id is recorded in the transaction of its effect,
so a replay changes nothing. Events are hints: the objects are fetched again
from Stripe, because deliveries can come late, twice or out of order.

Stripe redelivers anything but a 2xx for three days, so the answer says what
should happen next (the table is in SECURITY.md): not signed by us, or not a
JSON object → 400 (nothing was read); signed but of a shape we cannot use, or
about an object Stripe does not know → 200 "ignored" (counted, logged, never
retried); Stripe unreachable or refusing our key while we look the object up
→ 500, so the genuine event comes again once that is fixed. Every field read
from Stripe's objects may be missing or null."""

import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import stripe
from prometheus_client import Counter
from sqlalchemy.ext.asyncio import AsyncSession

from bot.ops.faults import crash_point
from bot.ops.metrics import REGISTRY
from bot.payments.client import StripeGateway, idempotency_key, is_transient
from bot.payments.fields import field, text
from bot.payments.methods import saved_method
from bot.steps.engine import Engine
from conversations import (
    Event,
    MandateActive,
    MandateInactive,
    PaymentLinkExpired,
    SavedMethod,
    SetupFailed,
    SetupProcessing,
    SetupSucceeded,
)
from storage import conversations as conversations_repo
from storage import organizations as orgs_repo
from storage import payments as payments_repo
from storage.payments import LINK_SENT, SAVED, PaymentProfile
from storage.records import OrganizationRecord

__all__ = ["EVENTS", "SOURCE", "StripeWebhook", "WebhookResult"]

log = logging.getLogger(__name__)

SOURCE = "stripe"
Apply = Callable[[AsyncSession], Awaitable[None]]

EVENTS = Counter(
    "onboarding_stripe_events",
    "Stripe webhook deliveries by outcome (ok, duplicate, ignored, malformed, "
    "unknown_object, bad_signature, bad_payload, retry)",
    ["outcome"],
    registry=REGISTRY,
)
# Stripe's ids are short ASCII words (`evt_…`, `cs_test_…`); anything else is
# not from Stripe, and must not reach a URL path or a database key.
_STRIPE_ID = re.compile(r"[A-Za-z0-9_]{1,255}")


@dataclass(frozen=True, slots=True)
class WebhookResult:
    status: int
    text: str


def _answer(status: int, text: str, outcome: str) -> WebhookResult:
    EVENTS.labels(outcome).inc()
    return WebhookResult(status, text)


def _org_id(value: object) -> int | None:
    text = value if isinstance(value, str) else ""
    return int(text) if text.isascii() and text.isdigit() and len(text) < 12 else None


def _id(value: object) -> str | None:
    """An expandable field: the id, whether Stripe sent an id or an object."""
    found = value if isinstance(value, str) else field(value, "id")
    return found if isinstance(found, str) and _STRIPE_ID.fullmatch(found) else None


@dataclass(frozen=True, slots=True)
class _Event:
    """The three things we read from an event; the rest is Stripe's business."""

    id: str
    type: str
    object_id: str | None


def _shape(data: dict[str, Any]) -> _Event | None:
    """The event, or None when it is not shaped like one of Stripe's."""
    event_id, kind, body = data.get("id"), data.get("type"), data.get("data")
    obj = field(body, "object")
    if not (isinstance(event_id, str) and _STRIPE_ID.fullmatch(event_id)):
        return None
    if not isinstance(kind, str) or not 0 < len(kind) <= 100 or not isinstance(obj, dict):
        return None
    return _Event(event_id, kind, _id(obj.get("id")))


class StripeWebhook:
    def __init__(self, engine: Engine, gateway: StripeGateway) -> None:
        self.engine = engine
        self.gateway = gateway
        self._handlers: dict[str, Callable[[str], Awaitable[Apply | None]]] = {
            "checkout.session.completed": self._session_completed,
            "checkout.session.expired": self._session_expired,
            "setup_intent.succeeded": self._setup_succeeded,
            "setup_intent.setup_failed": self._setup_failed,
            "mandate.updated": self._mandate_updated,
        }

    async def receive(self, body: bytes, signature: str | None) -> WebhookResult:
        if not self.gateway.webhook_secrets:
            log.error("a Stripe webhook arrived but STRIPE_WEBHOOK_SECRET is not set")
            return _answer(400, "signature cannot be verified", "bad_signature")
        if not self._signed(body, signature):
            return _answer(400, "invalid signature", "bad_signature")
        # Here, not at the top: `bot.web` imports this module for its routes.
        from bot.web.json_body import MalformedJson, parse_json

        try:
            data = parse_json(body)
        except MalformedJson:  # signed, but not JSON we read (or nested too deep)
            return _answer(400, "invalid payload", "bad_payload")
        if not isinstance(data, dict):
            return _answer(400, "invalid payload", "bad_payload")
        event = _shape(data)
        if event is None:
            # Signed with our secret yet not an event: a 4xx would only make
            # Stripe send it again for days. Acknowledged, counted, logged.
            log.warning("a signed Stripe delivery is not shaped like an event: ignored")
            return _answer(200, "ignored", "malformed")
        handler = self._handlers.get(event.type)
        async with self.engine.sessions() as session:
            if await conversations_repo.was_processed(session, SOURCE, event.id):
                return _answer(200, "duplicate", "duplicate")
        apply: Apply | None = None
        if handler is not None:
            if event.object_id is None:
                log.warning("Stripe event %s (%s) has no object id: ignored", event.id, event.type)
                return _answer(200, "ignored", "malformed")
            try:
                apply = await handler(event.object_id)
            except stripe.StripeError as error:
                return self._lookup_failed(event, error)
        now = self.engine.clock.now()
        async with self.engine.sessions.begin() as session:
            if not await conversations_repo.mark_processed(session, SOURCE, event.id, now):
                return _answer(200, "duplicate", "duplicate")
            if apply is not None:
                await apply(session)
            crash_point("stripe-webhook-before-commit")
        return _answer(200, "ok", "ok") if handler else _answer(200, "ignored", "ignored")

    def _lookup_failed(self, event: _Event, error: stripe.StripeError) -> WebhookResult:
        """Nothing is recorded. Stripe not knowing the object (a signed but
        made-up event, or one from another account) is final: acknowledged.
        Anything else (Stripe down, our key refused) can be fixed, so the
        genuine event is asked for again."""
        kind = type(error).__name__
        if error.http_status == 404:
            log.warning(
                "Stripe event %s (%s): Stripe does not know its object: ignored",
                event.id,
                event.type,
            )
            return _answer(200, "ignored", "unknown_object")
        if is_transient(error):
            log.warning(
                "Stripe event %s (%s): Stripe lookup failed (%s, HTTP %s); Stripe will redeliver",
                event.id,
                event.type,
                kind,
                error.http_status,
            )
        else:
            log.error(
                "Stripe event %s (%s): Stripe refused the lookup (%s, HTTP %s, code %s). "
                "Check STRIPE_SECRET_KEY and its permissions; Stripe will redeliver.",
                event.id,
                event.type,
                kind,
                error.http_status,
                error.code,
            )
        return _answer(500, "temporarily unavailable", "retry")

    def _signed(self, body: bytes, signature: str | None) -> bool:
        """Signed with an accepted secret (two during a rotation), on the raw bytes."""
        try:
            payload = body.decode("utf-8")
        except UnicodeDecodeError:
            return False  # Stripe signs UTF-8 JSON; these bytes are not from it
        for secret in self.gateway.webhook_secrets:
            try:
                stripe.WebhookSignature.verify_header(
                    payload, signature or "", secret, stripe.Webhook.DEFAULT_TOLERANCE
                )
            except stripe.SignatureVerificationError:
                continue
            return True
        return False

    async def _tell(self, session: AsyncSession, org_id: int, event: Event) -> None:
        org = await orgs_repo.get_organization(session, org_id)
        if org is not None and org.identity_id is not None:
            await self.engine.handle_external(session, org.identity_id, event)

    async def _org_and_profile(
        self, org_id: int | None
    ) -> tuple[OrganizationRecord, PaymentProfile] | None:
        if org_id is None:
            return None
        async with self.engine.sessions() as session:
            org = await orgs_repo.get_organization(session, org_id)
            profile = await payments_repo.get_profile(session, org_id)
        return None if org is None or profile is None else (org, profile)

    # -- checkout.session.completed ----------------------------------------------

    async def _session_completed(self, session_id: str) -> Apply | None:
        client = self.gateway.client.v1
        checkout = await client.checkout.sessions.retrieve_async(session_id)
        if field(checkout, "mode") != "setup" or field(checkout, "status") != "complete":
            return None
        found = await self._org_and_profile(_org_id(field(checkout, "client_reference_id")))
        customer_id = _id(field(checkout, "customer"))
        if found is None or customer_id is None or found[1].customer_id != customer_id:
            log.warning("completed session %s belongs to no organization of ours", session_id)
            return None
        intent_id = _id(field(checkout, "setup_intent"))
        if intent_id is None:
            return None
        intent = await client.setup_intents.retrieve_async(intent_id, {"expand": ["mandate"]})
        return await self._settle(found[0], customer_id, intent_id, intent)

    # -- setup_intent.succeeded --------------------------------------------------

    async def _setup_succeeded(self, intent_id: str) -> Apply | None:
        """The later word on a setup that was `processing` (a bank account
        being verified); for a card it repeats what the session said."""
        client = self.gateway.client.v1
        intent = await client.setup_intents.retrieve_async(intent_id, {"expand": ["mandate"]})
        found = await self._org_and_profile(_org_id(field(field(intent, "metadata"), "org_id")))
        customer_id = _id(field(intent, "customer"))
        if found is None or customer_id is None or found[1].customer_id != customer_id:
            return None  # not a setup of ours
        return await self._settle(found[0], customer_id, intent_id, intent)

    async def _settle(
        self,
        org: OrganizationRecord,
        customer_id: str,
        intent_id: str,
        intent: stripe.SetupIntent,
    ) -> Apply | None:
        """Save the method of a succeeded setup; tell the user about a
        processing one; anything else has its own event."""
        status = field(intent, "status")
        if status == "processing":
            return self._processing(org.id, intent_id)
        method_id = _id(field(intent, "payment_method"))
        if status != "succeeded" or method_id is None:
            return None  # a failure has its own event; a success will come
        client = self.gateway.client.v1
        method = await client.payment_methods.retrieve_async(method_id)
        mandate = field(intent, "mandate")
        if isinstance(mandate, str):
            mandate = await client.mandates.retrieve_async(mandate)
        mandate_status = field(mandate, "status")
        saved = saved_method(method, mandate_status if isinstance(mandate_status, str) else None)
        await client.customers.update_async(
            customer_id,
            {"invoice_settings": {"default_payment_method": method_id}},
            {"idempotency_key": idempotency_key(org.id, org.created_at, "default", method_id)},
        )

        async def apply(session: AsyncSession) -> None:
            profile = await payments_repo.get_profile(session, org.id, for_update=True)
            if profile is None or (
                profile.status == SAVED and profile.payment_method_id == method_id
            ):
                return
            await payments_repo.mark_saved(
                session,
                org.id,
                payment_method_id=method_id,
                method_type=saved.kind,
                brand=saved.brand,
                last4=saved.last4,
                country=saved.country or None,
                mandate_status=saved.mandate or None,
                now=self.engine.clock.now(),
            )
            await self._tell(session, org.id, SetupSucceeded(org_id=org.id, method=saved))

        return apply

    def _processing(self, org_id: int, intent_id: str) -> Apply:
        """Stripe is still verifying the method (a bank account, often): the
        user hears so once; `setup_intent.succeeded` or `setup_failed` ends it."""

        async def apply(session: AsyncSession) -> None:
            profile = await payments_repo.get_profile(session, org_id, for_update=True)
            if (
                profile is None
                or profile.setup_intent_id != intent_id
                or profile.status != LINK_SENT
                or profile.generation != profile.session_generation
            ):
                return
            await payments_repo.mark_processing(session, org_id, self.engine.clock.now())
            await self._tell(session, org_id, SetupProcessing(org_id=org_id))

        return apply

    # -- setup_intent.setup_failed -----------------------------------------------

    async def _setup_failed(self, intent_id: str) -> Apply | None:
        intent = await self.gateway.client.v1.setup_intents.retrieve_async(intent_id)
        if field(intent, "status") in ("succeeded", "processing"):
            return None  # a later attempt on the same page worked (or is under way)
        org_id = _org_id(field(field(intent, "metadata"), "org_id"))
        if org_id is None:
            return None
        # Stripe leaves out what does not apply (a SEPA error has no decline
        # code). Its English message is for operators (logs, `orgs --json`);
        # the user reads a localized reason chosen from the codes.
        error = field(intent, "last_setup_error")
        code = text(error, "code", 100)
        decline_code = text(error, "decline_code", 100)
        message = text(error, "message", 500) or "—"
        codes = "/".join(c for c in (code, decline_code) if c) or "no code"
        reason = f"{message} ({codes})"

        async def apply(session: AsyncSession) -> None:
            profile = await payments_repo.get_profile(session, org_id, for_update=True)
            if (
                profile is None
                or profile.setup_intent_id != intent_id
                or profile.status == SAVED
                or profile.generation != profile.session_generation  # a new link is coming
            ):
                return
            log.info("setup %s of organization %s failed: %s", intent_id, org_id, reason)
            await payments_repo.mark_failed(session, org_id, reason, self.engine.clock.now())
            await self._tell(
                session,
                org_id,
                SetupFailed(org_id=org_id, reason=code, decline_code=decline_code),
            )

        return apply

    # -- checkout.session.expired ------------------------------------------------

    async def _session_expired(self, session_id: str) -> Apply | None:
        checkout = await self.gateway.client.v1.checkout.sessions.retrieve_async(session_id)
        org_id = _org_id(field(checkout, "client_reference_id"))
        if field(checkout, "status") != "expired" or org_id is None:
            return None

        async def apply(session: AsyncSession) -> None:
            profile = await payments_repo.get_profile(session, org_id, for_update=True)
            if (
                profile is None
                or profile.session_id != session_id  # an older link: nothing to say
                or profile.status != LINK_SENT
                or profile.generation != profile.session_generation  # we replaced it
            ):
                return
            await payments_repo.mark_expired(session, org_id, self.engine.clock.now())
            await self._tell(session, org_id, PaymentLinkExpired(org_id=org_id))

        return apply

    # -- mandate.updated ---------------------------------------------------------

    async def _mandate_updated(self, mandate_id: str) -> Apply | None:
        mandate = await self.gateway.client.v1.mandates.retrieve_async(mandate_id)
        method_id = _id(field(mandate, "payment_method"))
        status = field(mandate, "status")
        if method_id is None or not isinstance(status, str):
            return None

        async def apply(session: AsyncSession) -> None:
            now = self.engine.clock.now()
            before = await payments_repo.advance_mandate(session, method_id, status, now)
            if before is None or before.status != SAVED:
                return  # a replay, a stale status, or not (or no longer) the saved method
            org_id = before.org_id
            if status == "inactive":
                self._notify_support(org_id, mandate_id)
                await self._tell(session, org_id, MandateInactive(org_id=org_id))
            elif status == "active" and before.method_type == "sepa_debit":
                method = SavedMethod(
                    kind="sepa_debit",
                    brand=before.method_brand or "",
                    last4=before.method_last4 or "",
                    country=before.method_country or "",
                    mandate="active",
                )
                await self._tell(session, org_id, MandateActive(org_id=org_id, method=method))

        return apply

    def _notify_support(self, org_id: int, mandate_id: str) -> None:
        """Hook for the support desk (issue 8): for now, a log line operators watch."""
        log.warning(
            "support: the SEPA mandate %s of organization %s became inactive", mandate_id, org_id
        )
