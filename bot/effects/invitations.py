"""Inviting the team: issue each invitation (within the daily limits, never
to an address that opted out) with its email queued in the outbox, or revoke
them. The team the core reads is gathered in `bot/steps/facts.py`."""

import logging
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.effects.context import EffectContext, Runners
from bot.invitations import INVITATION_EMAIL
from bot.organizations.tokens import hash_token, new_token
from conversations import Event, InvitationsSent, RevokeInvitations, SendInvitations
from conversations.limits import DAY, daily_refusal
from storage import invitations as invitations_repo
from storage import organizations as orgs_repo
from storage import outbox

__all__ = ["RUNNERS"]

log = logging.getLogger(__name__)


async def _invitations(
    session: AsyncSession,
    settings: Settings,
    identity_id: int,
    effect: SendInvitations | RevokeInvitations,
    now: datetime,
) -> Event | None:
    org = await orgs_repo.get_organization(session, effect.org_id)
    if org is None or org.identity_id != identity_id or org.status != "confirmed":
        log.warning("invitations asked for organization %s, not a confirmed one of theirs", org)
        return (
            InvitationsSent(org_id=effect.org_id, sent=0)
            if isinstance(effect, SendInvitations)
            else None
        )
    if isinstance(effect, RevokeInvitations):
        await invitations_repo.revoke_invitations(session, org.id, effect.emails, now)
        return None
    blocked = await invitations_repo.opted_out(session, effect.emails)
    org_times = await invitations_repo.invitations_since(session, since=now - DAY, org_id=org.id)
    sent = limited = hours = 0
    # In one order everywhere: each address's count is locked as it is read,
    # and two owners inviting the same people must not wait on each other.
    for email in sorted(effect.emails):
        if email in blocked:
            continue
        wait = daily_refusal(org_times, now, settings.invitations_per_org_per_day)
        if wait is None:
            received = await invitations_repo.invitations_since(
                session, since=now - DAY, email=email
            )
            wait = daily_refusal(received, now, settings.invitations_per_address_per_day)
        if wait is not None:
            limited += 1
            hours = max(hours, wait)
            continue
        token = new_token()
        invitation_id = await invitations_repo.issue_invitation(
            session,
            org_id=org.id,
            email=email,
            invited_by=org.email,
            token_hash=hash_token(token),
            expires_at=now + settings.invitation_ttl,
            now=now,
        )
        await outbox.enqueue(
            session,
            INVITATION_EMAIL,
            {"invitation_id": invitation_id, "token": token},
            now=now,
            identity_id=identity_id,
        )
        org_times.append(now)
        sent += 1
    if limited:
        log.info("invitations refused: daily limit (%s of %s)", limited, len(effect.emails))
    return InvitationsSent(
        org_id=org.id, sent=sent, limited=limited, opted_out=len(blocked), hours=hours
    )


async def send_invitations(effect: SendInvitations, context: EffectContext) -> Event | None:
    return await _invitations(
        context.session, context.settings, context.record.identity_id, effect, context.now
    )


async def revoke_invitations(effect: RevokeInvitations, context: EffectContext) -> Event | None:
    return await _invitations(
        context.session, context.settings, context.record.identity_id, effect, context.now
    )


RUNNERS: Runners = {SendInvitations: send_invitations, RevokeInvitations: revoke_invitations}
