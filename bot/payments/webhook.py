"""`POST /stripe/webhook`: the signature is checked on the raw body before
anything is read; each event id is recorded in the transaction of its effect,
so a replay changes nothing. Events are hints: the objects are fetched again
from Stripe, because deliveries can come late, twice or out of order."""

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import stripe
from sqlalchemy.ext.asyncio import AsyncSession

from conversations import (
    Event,
    MandateActive,
    MandateInactive,
    PaymentLinkExpired,
    SavedMethod,
    SetupFailed,
    SetupSucceeded,
)
from storage import conversations as conversations_repo
from storage import organizations as orgs_repo
from storage import payments as payments_repo
from storage.payments import LINK_SENT, SAVED, PaymentProfile
from storage.records import OrganizationRecord

from ..engine import Engine
from ..faults import crash_point
from .client import StripeGateway, idempotency_key, is_transient
from .methods import saved_method

__all__ = ["SOURCE", "StripeWebhook", "WebhookResult"]

log = logging.getLogger(__name__)

SOURCE = "stripe"
Apply = Callable[[AsyncSession], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class WebhookResult:
    status: int
    text: str


def _org_id(value: object) -> int | None:
    text = str(value or "")
    return int(text) if text.isdigit() and len(text) < 12 else None


def _id(value: object) -> str | None:
    """An expandable field: the id, whether Stripe sent an id or an object."""
    if value is None:
        return None
    return value if isinstance(value, str) else str(getattr(value, "id", "")) or None


class StripeWebhook:
    def __init__(self, engine: Engine, gateway: StripeGateway) -> None:
        self.engine = engine
        self.gateway = gateway
        self._handlers: dict[str, Callable[[str], Awaitable[Apply | None]]] = {
            "checkout.session.completed": self._session_completed,
            "checkout.session.expired": self._session_expired,
            "setup_intent.setup_failed": self._setup_failed,
            "mandate.updated": self._mandate_updated,
        }

    async def receive(self, body: bytes, signature: str | None) -> WebhookResult:
        if not self.gateway.webhook_secrets:
            log.error("a Stripe webhook arrived but STRIPE_WEBHOOK_SECRET is not set")
            return WebhookResult(400, "signature cannot be verified")
        try:
            event = self._verified(body, signature)
        except stripe.SignatureVerificationError:
            return WebhookResult(400, "invalid signature")
        except ValueError:  # signed, but not JSON (or not UTF-8)
            return WebhookResult(400, "invalid payload")
        handler = self._handlers.get(event.type)
        async with self.engine.sessions() as session:
            if await conversations_repo.was_processed(session, SOURCE, event.id):
                return WebhookResult(200, "duplicate")
        apply: Apply | None = None
        if handler is not None:
            object_id = _id(event.data.object)
            if object_id is None:
                return WebhookResult(400, "event without an object id")
            try:
                apply = await handler(object_id)
            except stripe.StripeError as error:
                # Nothing recorded: Stripe delivers the event again later.
                log.warning("event %s (%s): Stripe lookup failed: %r", event.id, event.type, error)
                if is_transient(error):
                    return WebhookResult(500, "temporarily unavailable")
                # Stripe does not know the object (a signed but made-up event):
                # refused, nothing recorded, and no 5xx to retry forever.
                return WebhookResult(400, "unknown object")
        now = self.engine.clock.now()
        async with self.engine.sessions.begin() as session:
            if not await conversations_repo.mark_processed(session, SOURCE, event.id, now):
                return WebhookResult(200, "duplicate")
            if apply is not None:
                await apply(session)
            crash_point("stripe-webhook-before-commit")
        return WebhookResult(200, "ok" if handler else "ignored")

    def _verified(self, body: bytes, signature: str | None) -> stripe.Event:
        """The event, if signed with an accepted secret (two during a rotation).
        The body is checked to be a JSON object before Stripe's library reads
        it: signed garbage (`[]`) would make it raise where we cannot catch well."""
        accepted = None
        for secret in self.gateway.webhook_secrets:
            try:
                stripe.WebhookSignature.verify_header(
                    body.decode("utf-8"), signature, secret, stripe.Webhook.DEFAULT_TOLERANCE
                )
            except stripe.SignatureVerificationError:
                continue
            accepted = secret
            break
        if accepted is None:
            raise stripe.SignatureVerificationError("no accepted secret signed it", signature)  # type: ignore[no-untyped-call]
        data = json.loads(body)
        if not isinstance(data, dict) or not isinstance(data.get("data"), dict):
            raise ValueError("not an event object")
        return self.gateway.client.construct_event(body, signature, accepted)

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
        if checkout.mode != "setup" or checkout.status != "complete":
            return None
        found = await self._org_and_profile(_org_id(checkout.client_reference_id))
        customer_id = _id(checkout.customer)
        if found is None or customer_id is None or found[1].customer_id != customer_id:
            log.warning("completed session %s belongs to no organization of ours", session_id)
            return None
        org, _ = found
        intent_id = _id(checkout.setup_intent)
        if intent_id is None:
            return None
        intent = await client.setup_intents.retrieve_async(intent_id, {"expand": ["mandate"]})
        method_id = _id(intent.payment_method)
        if intent.status != "succeeded" or method_id is None:
            return None  # a failure has its own event; a success will come
        method = await client.payment_methods.retrieve_async(method_id)
        mandate = intent.mandate
        if isinstance(mandate, str):
            mandate = await client.mandates.retrieve_async(mandate)
        saved = saved_method(method, mandate.status if mandate is not None else None)
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

    # -- setup_intent.setup_failed -----------------------------------------------

    async def _setup_failed(self, intent_id: str) -> Apply | None:
        intent = await self.gateway.client.v1.setup_intents.retrieve_async(intent_id)
        if intent.status in ("succeeded", "processing"):
            return None  # a later attempt on the same page worked
        metadata = intent.metadata
        org_id = _org_id(metadata["org_id"] if metadata and "org_id" in metadata else None)
        if org_id is None:
            return None
        error = intent.last_setup_error
        # Stripe leaves out what does not apply (a SEPA error has no decline
        # code). Its English message is for operators (logs, `orgs --json`);
        # the user reads a localized reason chosen from the codes.
        details = error.to_dict() if error is not None else {}
        code = str(details.get("code") or "")
        decline_code = str(details.get("decline_code") or "")
        message = str(details.get("message") or "—")
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
        org_id = _org_id(checkout.client_reference_id)
        if checkout.status != "expired" or org_id is None:
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
        method_id = _id(mandate.payment_method)
        if method_id is None:
            return None
        status = mandate.status

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
