"""Payment profiles: per organization, its Stripe customer, current Checkout
link and saved payment method. Statuses: none, link_sent, saved, failed,
expired, deleted."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from . import outbox
from ._dialect import is_postgres, upsert_insert
from .models import OrganizationRow, PaymentProfileRow

__all__ = [
    "DELETED",
    "DELETE_CUSTOMER",
    "EXPIRED",
    "FAILED",
    "LINK_SENT",
    "MANDATE_ORDER",
    "NONE",
    "SAVED",
    "PaymentProfile",
    "advance_mandate",
    "bump_generation",
    "find_by_payment_method",
    "find_by_session",
    "forget_identity",
    "get_profile",
    "list_profiles",
    "mark_expired",
    "mark_failed",
    "mark_processing",
    "mark_saved",
    "queue_customer_deletion",
    "reanchor_link",
    "request_link",
    "set_customer",
    "store_link",
]

NONE = "none"
LINK_SENT = "link_sent"
SAVED = "saved"
# Checkout is done but Stripe is still verifying the method (a bank account):
# `setup_intent.succeeded` or `setup_intent.setup_failed` follows.
PROCESSING = "processing"
FAILED = "failed"
EXPIRED = "expired"
DELETED = "deleted"  # the user's data was erased; the customer is deleted at Stripe
# The outbox kind that deletes a Stripe customer: {"customer_id"}, or with no
# id known {"customer_id": None, "org_id", "created_after"} (a Unix time).
DELETE_CUSTOMER = "stripe_delete_customer"


@dataclass(frozen=True, slots=True)
class PaymentProfile:
    org_id: int
    customer_id: str | None
    generation: int
    link_requested_at: datetime | None
    session_generation: int
    session_id: str | None
    session_url: str | None
    session_expires_at: datetime | None
    setup_intent_id: str | None
    status: str
    payment_method_id: str | None
    method_type: str | None
    method_brand: str | None
    method_last4: str | None
    method_country: str | None
    mandate_status: str | None
    failure_reason: str | None


def _record(row: PaymentProfileRow) -> PaymentProfile:
    return PaymentProfile(
        org_id=row.org_id,
        customer_id=row.customer_id,
        generation=row.generation,
        link_requested_at=row.link_requested_at,
        session_generation=row.session_generation,
        session_id=row.session_id,
        session_url=row.session_url,
        session_expires_at=row.session_expires_at,
        setup_intent_id=row.setup_intent_id,
        status=row.status,
        payment_method_id=row.payment_method_id,
        method_type=row.method_type,
        method_brand=row.method_brand,
        method_last4=row.method_last4,
        method_country=row.method_country,
        mandate_status=row.mandate_status,
        failure_reason=row.failure_reason,
    )


async def get_profile(
    session: AsyncSession, org_id: int, *, for_update: bool = False
) -> PaymentProfile | None:
    query = select(PaymentProfileRow).where(PaymentProfileRow.org_id == org_id)
    if for_update and is_postgres(session):
        query = query.with_for_update()
    row = await session.scalar(query)
    return _record(row) if row else None


async def find_by_payment_method(
    session: AsyncSession, payment_method_id: str
) -> PaymentProfile | None:
    row = await session.scalar(
        select(PaymentProfileRow).where(PaymentProfileRow.payment_method_id == payment_method_id)
    )
    return _record(row) if row else None


async def find_by_session(session: AsyncSession, session_id: str) -> PaymentProfile | None:
    """The profile whose current Checkout Session this is (older ones are not kept)."""
    row = await session.scalar(
        select(PaymentProfileRow).where(PaymentProfileRow.session_id == session_id)
    )
    return _record(row) if row else None


async def list_profiles(session: AsyncSession) -> dict[int, PaymentProfile]:
    return {row.org_id: _record(row) for row in await session.scalars(select(PaymentProfileRow))}


async def _update(session: AsyncSession, org_id: int, now: datetime, **values: Any) -> None:
    await session.execute(
        update(PaymentProfileRow)
        .where(PaymentProfileRow.org_id == org_id)
        .values(updated_at=now, **values)
    )


async def request_link(session: AsyncSession, org_id: int, *, renew: bool, now: datetime) -> int:
    """Record that a link is wanted; returns the generation the request is for.
    A first request or a renewal starts a new generation; a plain "show me the
    link again" joins the current one."""
    await session.execute(
        upsert_insert(session, PaymentProfileRow)
        .values(org_id=org_id, generation=0, session_generation=0, status=NONE, updated_at=now)
        .on_conflict_do_nothing(index_elements=["org_id"])
    )
    profile = await get_profile(session, org_id, for_update=True)
    assert profile is not None
    if renew or profile.generation == 0:
        await _update(
            session, org_id, now, generation=profile.generation + 1, link_requested_at=now
        )
        return profile.generation + 1
    return profile.generation


async def bump_generation(
    session: AsyncSession, org_id: int, *, expected: int, now: datetime
) -> bool:
    """Start a new generation if nobody else did since `expected`."""
    result = await session.execute(
        update(PaymentProfileRow)
        .where(PaymentProfileRow.org_id == org_id, PaymentProfileRow.generation == expected)
        .values(generation=expected + 1, link_requested_at=now, updated_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def reanchor_link(
    session: AsyncSession, org_id: int, *, generation: int, expected: datetime | None, now: datetime
) -> bool:
    """Count the link of `generation` from `now` instead of `expected` (its
    request time), unless another worker did so first."""
    anchor = (
        PaymentProfileRow.link_requested_at.is_(None)
        if expected is None
        else PaymentProfileRow.link_requested_at == expected
    )
    result = await session.execute(
        update(PaymentProfileRow)
        .where(
            PaymentProfileRow.org_id == org_id,
            PaymentProfileRow.generation == generation,
            anchor,
        )
        .values(link_requested_at=now, updated_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def set_customer(session: AsyncSession, org_id: int, customer_id: str, now: datetime) -> bool:
    """Remember the organization's customer; False when its data was erased
    meanwhile (the caller then deletes the customer too)."""
    result = await session.execute(
        update(PaymentProfileRow)
        .where(PaymentProfileRow.org_id == org_id, PaymentProfileRow.status != DELETED)
        .values(customer_id=customer_id, updated_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def queue_customer_deletion(
    session: AsyncSession,
    customer_id: str | None,
    now: datetime,
    *,
    org_id: int | None = None,
    created_after: datetime | None = None,
) -> None:
    """Delete a Stripe customer through the outbox (retried while Stripe is
    down). The row belongs to no identity, so it outlives the user's erasure,
    and holds nothing personal. It names the customer by id; when Stripe may
    have made one whose id we never heard (its answer was lost), by our
    organization id (in the customer's metadata) and the time after which it
    was made. The runner empties the payload once Stripe has done it."""
    payload: dict[str, Any] = {"customer_id": customer_id}
    if customer_id is None and org_id is not None and created_after is not None:
        payload |= {"org_id": org_id, "created_after": int(created_after.timestamp())}
    await outbox.enqueue(session, DELETE_CUSTOMER, payload, now=now)


async def forget_identity(session: AsyncSession, identity_id: int, now: datetime) -> int:
    """The user asked to be forgotten: each of their organizations' Stripe
    customer is queued for deletion and its payment profile keeps only the
    status `deleted`. Call before the organizations are detached. Returns how
    many deletions were queued."""
    query = (
        select(PaymentProfileRow, OrganizationRow.created_at)
        .join(OrganizationRow, OrganizationRow.id == PaymentProfileRow.org_id)
        .where(OrganizationRow.identity_id == identity_id)
    )
    if is_postgres(session):
        # Waits for a link being made right now, and sees the customer it stored.
        query = query.with_for_update(of=PaymentProfileRow)
    rows = [(row, created) for row, created in (await session.execute(query)).all()]
    queued = 0
    for row, created in rows:
        if row.customer_id:
            await queue_customer_deletion(session, row.customer_id, now)
        elif row.generation > 0:
            # A link was asked for: a customer may exist whose answer was lost.
            await queue_customer_deletion(
                session, None, now, org_id=row.org_id, created_after=created
            )
        else:
            continue
        queued += 1
    if rows:
        await session.execute(
            update(PaymentProfileRow)
            .where(PaymentProfileRow.org_id.in_([row.org_id for row, _ in rows]))
            .values(
                status=DELETED,
                customer_id=None,
                session_id=None,
                session_url=None,
                session_expires_at=None,
                setup_intent_id=None,
                payment_method_id=None,
                method_type=None,
                method_brand=None,
                method_last4=None,
                method_country=None,
                mandate_status=None,
                failure_reason=None,
                updated_at=now,
            )
        )
    return queued


async def store_link(
    session: AsyncSession,
    org_id: int,
    *,
    generation: int,
    session_id: str,
    url: str,
    expires_at: datetime,
    setup_intent_id: str | None,
    now: datetime,
) -> None:
    await _update(
        session,
        org_id,
        now,
        session_generation=generation,
        session_id=session_id,
        session_url=url,
        session_expires_at=expires_at,
        setup_intent_id=setup_intent_id,
        status=LINK_SENT,
    )


async def mark_saved(
    session: AsyncSession,
    org_id: int,
    *,
    payment_method_id: str,
    method_type: str,
    brand: str,
    last4: str,
    country: str | None,
    mandate_status: str | None,
    now: datetime,
) -> None:
    await _update(
        session,
        org_id,
        now,
        status=SAVED,
        payment_method_id=payment_method_id,
        method_type=method_type,
        method_brand=brand,
        method_last4=last4,
        method_country=country,
        mandate_status=mandate_status,
        failure_reason=None,
    )


async def mark_failed(session: AsyncSession, org_id: int, reason: str, now: datetime) -> None:
    await _update(session, org_id, now, status=FAILED, failure_reason=reason[:1000])


async def mark_processing(session: AsyncSession, org_id: int, now: datetime) -> None:
    await _update(session, org_id, now, status=PROCESSING)


async def mark_expired(session: AsyncSession, org_id: int, now: datetime) -> None:
    await _update(session, org_id, now, status=EXPIRED)


# A SEPA mandate only moves forward: pending → active → inactive.
MANDATE_ORDER = ("pending", "active", "inactive")


async def advance_mandate(
    session: AsyncSession, payment_method_id: str, mandate_status: str, now: datetime
) -> PaymentProfile | None:
    """Record the mandate status of a saved method if it is a step forward.

    Returns the profile as it was before, or None when nothing changed: an
    unknown method, the same status again (a replay) or an older one (events
    out of order). The update is conditional, so of two deliveries racing
    for the same change exactly one sees it happen."""
    if mandate_status not in MANDATE_ORDER:
        return None
    earlier = MANDATE_ORDER[: MANDATE_ORDER.index(mandate_status)]
    before = await find_by_payment_method(session, payment_method_id)
    if before is None:
        return None
    values: dict[str, Any] = {"mandate_status": mandate_status}
    if mandate_status == "inactive":
        # The method is unusable and its Checkout session long finished.
        values |= {"status": FAILED, "failure_reason": "mandate inactive", "session_id": None}
    result = await session.execute(
        update(PaymentProfileRow)
        .where(
            PaymentProfileRow.org_id == before.org_id,
            PaymentProfileRow.payment_method_id == payment_method_id,
            or_(
                PaymentProfileRow.mandate_status.is_(None),
                PaymentProfileRow.mandate_status.in_(earlier),
            ),
        )
        .values(updated_at=now, **values)
    )
    return before if result.rowcount else None  # type: ignore[attr-defined]
