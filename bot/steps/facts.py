"""What the shell tells the core about a step (`conversations/facts.py`),
read inside the step's transaction only where the step could use it."""

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from conversations import Choice, Conversation, Event, FormSubmitted, State, Text
from conversations.facts import DailyCount, Facts
from conversations.invitations import needs_team
from conversations.limits import DAY
from conversations.policy import counts_needed
from storage import invitations as invitations_repo
from storage import limits as limits_repo
from storage import organizations as orgs_repo
from storage.records import ConversationRecord

__all__ = ["gather_facts"]


async def gather_facts(
    session: AsyncSession,
    record: ConversationRecord,
    conv: Conversation,
    event: Event,
    now: datetime,
    settings: Settings,
    *,
    org_names: tuple[str, ...] | None = None,
) -> Facts:
    """What the core's rules need to know for stepping `event`, read only
    where the step could use it: the user's organization names where a name
    is being given (at the name step or in a form), today's counts behind the
    daily limits where it could create an organization or send a confirmation
    email (`policy.counts_needed`; an `OrganizationCreated` the engine steps
    next reads the new address's count), the organization's team while its
    owner invites or asks for the status (`invitations.needs_team`). An
    ordinary update reads none. `org_names`: the names, when the caller has
    them already (loaded with the conversation)."""
    names: tuple[str, ...] = ()
    if isinstance(event, FormSubmitted) or (
        isinstance(event, Text | Choice) and conv.step is State.NAME
    ):
        if org_names is None:
            org_names = await orgs_repo.organization_names(session, record.identity_id)
        names = org_names
    needed = counts_needed(conv, event)
    organizations = None
    if needed.organizations:
        made = await limits_repo.organizations_since(session, record.identity_id, now - DAY)
        organizations = DailyCount(tuple(made), settings.orgs_per_user_per_day)
    emails = {}
    for email in needed.emails_to:
        sent = await limits_repo.confirmations_since(session, email, now - DAY)
        emails[email] = DailyCount(tuple(sent), settings.emails_per_address_per_day)
    team = None
    if conv.org_id is not None and needs_team(conv, event):
        team = await invitations_repo.team(session, conv.org_id, now)
    return Facts(
        payments=settings.stripe_secret_key is not None,
        desk=settings.desk_configured,
        support_email=settings.support_email,
        org_names=names,
        organizations_today=organizations,
        emails_today=emails,
        team=team,
    )
