"""Organizations: created, updated, abandoned, in the step's transaction."""

from bot.effects.context import EffectContext, Runners
from conversations import (
    AbandonOrganization,
    CreateOrganization,
    Event,
    OrganizationCreated,
    UpdateOrganization,
)
from conversations.domains import registrable_domain
from storage import organizations as orgs_repo

__all__ = ["RUNNERS"]


def _domain(email: str) -> str:
    return registrable_domain(email.rpartition("@")[2])


async def create(effect: CreateOrganization, context: EffectContext) -> Event | None:
    # The daily limit was applied by the core, from the count the engine read.
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
    context.new_organizations[org_id] = effect.email
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
