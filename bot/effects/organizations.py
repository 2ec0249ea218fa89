"""Organizations: created, updated, abandoned, in the step's transaction."""

import logging

from conversations import (
    AbandonOrganization,
    CreateOrganization,
    Event,
    OrganizationCreated,
    OrganizationRefused,
    UpdateOrganization,
)
from conversations.domains import registrable_domain
from conversations.limits import DAY, daily_refusal
from storage import limits as limits_repo
from storage import organizations as orgs_repo

from .context import EffectContext, Runners

__all__ = ["RUNNERS"]

log = logging.getLogger(__name__)


def _domain(email: str) -> str:
    return registrable_domain(email.rpartition("@")[2])


async def create(effect: CreateOrganization, context: EffectContext) -> Event | None:
    made = await limits_repo.organizations_since(
        context.session, context.record.identity_id, context.now - DAY
    )
    hours = daily_refusal(made, context.now, context.settings.orgs_per_user_per_day)
    if hours is not None:
        log.info("organization refused: daily limit", extra={"channel": context.record.channel})
        return OrganizationRefused(hours=hours)
    org_id = await orgs_repo.create_organization(
        context.session,
        identity_id=context.record.identity_id,
        channel=context.record.channel,
        name=effect.name,
        email=effect.email,
        domain=_domain(effect.email),
        language=effect.language,
        currency=effect.currency,
        now=context.now,
    )
    return OrganizationCreated(org_id=org_id)


async def update(effect: UpdateOrganization, context: EffectContext) -> Event | None:
    domain = _domain(effect.email) if effect.email else None
    await orgs_repo.update_organization(
        context.session, effect.org_id, email=effect.email, domain=domain, language=effect.language
    )
    return None


async def abandon(effect: AbandonOrganization, context: EffectContext) -> Event | None:
    await orgs_repo.set_organization_status(context.session, effect.org_id, "cancelled")
    return None


RUNNERS: Runners = {
    CreateOrganization: create,
    UpdateOrganization: update,
    AbandonOrganization: abandon,
}
