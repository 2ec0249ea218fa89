"""The shell side of the trial credit: the ledger insert at confirmation (the
rule itself is `conversations.credits`), usage reports from the platform, and
what an organization's credit looks like from outside."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from bot.steps.engine import Engine
from conversations import Credit, CreditExhausted, CreditStatus, CreditUsed
from conversations.credits import (
    CREDIT_CURRENCY,
    TRIAL_CREDIT_MINOR,
    decide_credit,
    qualifies,
)
from conversations.domains import classify_domain, registrable_domain
from storage import credits as credits_repo
from storage import organizations as orgs_repo
from storage import payments as payments_repo
from storage.records import CreditGrantRecord, CreditUsageRecord, OrganizationRecord

__all__ = [
    "MAX_USAGE_MINOR",
    "UsageOutcome",
    "UsageResult",
    "credit_of",
    "decide_at_confirmation",
    "report_usage",
]

# One report above USD 100,000.00 is a bug on the caller's side, not spend.
MAX_USAGE_MINOR = 10_000_000


async def decide_at_confirmation(
    session: AsyncSession, org: OrganizationRecord, now: datetime
) -> Credit:
    """Run inside the confirmation's transaction: if the grant insert rolls
    back with it, so does the confirmation, and the reverse."""
    email_domain = (org.email or "").rpartition("@")[2]
    domain = registrable_domain(email_domain) if email_domain else org.domain or ""
    kind = classify_domain(email_domain or domain)
    won = (
        qualifies(kind)
        and bool(domain)
        and await credits_repo.try_grant(
            session,
            org_id=org.id,
            domain=domain,
            amount_minor=TRIAL_CREDIT_MINOR,
            currency=CREDIT_CURRENCY,
            now=now,
        )
    )
    credit = decide_credit(kind, won_domain=won)
    await credits_repo.set_credit_status(session, org.id, credit.status.value)
    return credit


def credit_of(org: OrganizationRecord, grant: CreditGrantRecord | None) -> Credit:
    """An organization's credit as reported outside the chat (`orgs --json`)."""
    if grant is not None:
        return Credit(
            status=CreditStatus.GRANTED,
            amount_minor=grant.amount_minor,
            remaining_minor=grant.remaining_minor,
            currency=grant.currency,
        )
    status = CreditStatus(org.credit_status) if org.credit_status else CreditStatus.PENDING
    return Credit(status=status)


class UsageOutcome(StrEnum):
    RECORDED = "recorded"
    REPLAYED = "replayed"
    KEY_REUSED = "key_reused"  # the same key came with a different request
    UNKNOWN_ORGANIZATION = "unknown_organization"


@dataclass(frozen=True, slots=True)
class UsageResult:
    outcome: UsageOutcome
    usage: CreditUsageRecord | None = None


async def report_usage(
    engine: Engine, *, org_id: int, idempotency_key: str, amount_minor: int
) -> UsageResult:
    """Charge spend against the organization's credit, once per key. The grant
    row is locked, so reports for one organization apply one after another and
    the remaining credit never goes below zero."""
    now = engine.clock.now()
    async with engine.sessions.begin() as session:
        org = await orgs_repo.get_organization(session, org_id)
        if org is None:
            return UsageResult(UsageOutcome.UNKNOWN_ORGANIZATION)
        grant = await credits_repo.lock_grant(session, org_id)
        before = grant.remaining_minor if grant else 0
        applied = min(amount_minor, before)
        inserted = await credits_repo.add_usage(
            session,
            org_id=org_id,
            idempotency_key=idempotency_key,
            amount_minor=amount_minor,
            applied_minor=applied,
            remaining_minor=before - applied,
            currency=grant.currency if grant else CREDIT_CURRENCY,
            now=now,
        )
        usage = await credits_repo.find_usage(session, idempotency_key)
        assert usage is not None
        if not inserted:
            same = usage.org_id == org_id and usage.amount_minor == amount_minor
            return UsageResult(UsageOutcome.REPLAYED if same else UsageOutcome.KEY_REUSED, usage)
        if grant is not None and applied and org.identity_id is not None:
            await engine.handle_external(
                session,
                org.identity_id,
                CreditUsed(org_id=org_id, remaining_minor=usage.remaining_minor),
            )
        if (
            grant is not None
            and applied
            and usage.remaining_minor == 0
            and await credits_repo.mark_exhausted(session, grant.id, now)
            and org.identity_id is not None
        ):
            # Once per grant (mark_exhausted), in this transaction: the nudge
            # is queued for the owner's channel with the usage that caused it.
            await engine.handle_external(
                session, org.identity_id, await _exhausted(session, org, grant, now)
            )
    return UsageResult(UsageOutcome.RECORDED, usage)


# A Checkout link that closes sooner than this is not worth a button.
_LINK_MARGIN = timedelta(minutes=10)


async def _exhausted(
    session: AsyncSession, org: OrganizationRecord, grant: CreditGrantRecord, now: datetime
) -> CreditExhausted:
    """What the nudge needs to know of the organization, read from storage: a
    payment method saved (the payment profile's status, whatever the owner's
    conversation shows; they may be onboarding another organization), and its
    Checkout link while it is open."""
    profile = await payments_repo.get_profile(session, org.id)
    link = None
    if (
        profile is not None
        and profile.status == payments_repo.LINK_SENT
        and profile.session_url
        and profile.session_expires_at is not None
        and profile.session_expires_at - now > _LINK_MARGIN
    ):
        link = profile.session_url
    return CreditExhausted(
        org_id=org.id,
        name=org.name or "",
        credit=Credit(
            status=CreditStatus.GRANTED,
            amount_minor=grant.amount_minor,
            remaining_minor=0,
            currency=grant.currency,
        ),
        payment_saved=profile is not None and profile.status == payments_repo.SAVED,
        link_url=link,
    )
