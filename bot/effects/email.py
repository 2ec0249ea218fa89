"""The confirmation email: a new link issued in the step's transaction and
the email queued in the outbox (the worker sends it); what the step
announces about it is said only once it is queued."""

import logging
from typing import Any

from conversations import EmailRefused, Event, Reply, SendConfirmationEmail
from conversations.limits import DAY, daily_refusal
from storage import limits as limits_repo
from storage import organizations as orgs_repo
from storage import outbox

from ..outbox_kinds.names import CONFIRMATION_EMAIL
from ..tokens import hash_token, new_token
from .context import EffectContext, Runners
from .desk import run_desk_effect

__all__ = ["RUNNERS"]

log = logging.getLogger(__name__)


async def send_confirmation(effect: SendConfirmationEmail, context: EffectContext) -> Event | None:
    refused = await _queue(effect.org_id, context)
    if refused is not None:
        return refused
    for said in effect.announce:
        if isinstance(said, Reply):
            context.outcome.replies.append(said)
        else:
            await run_desk_effect(said, context)
    return None


async def _queue(org_id: int, context: EffectContext) -> Event | None:
    session, now, settings = context.session, context.now, context.settings
    org = await orgs_repo.get_organization(session, org_id)
    if org is None or org.email is None:
        log.warning("confirmation asked for missing organization %s", org_id)
        return None
    sent = await limits_repo.confirmations_since(session, org.email, now - DAY)
    hours = daily_refusal(sent, now, settings.emails_per_address_per_day)
    if hours is not None:
        log.info("confirmation email refused: daily limit of the address")
        return EmailRefused(org_id=org_id, hours=hours)
    token = new_token()
    expires_at = now + settings.confirmation_ttl
    await orgs_repo.issue_confirmation(
        session,
        org_id=org_id,
        email=org.email,
        token_hash=hash_token(token),
        expires_at=expires_at,
        now=now,
    )
    payload: dict[str, Any] = {
        "org_id": org_id,
        "token": token,
        "expires_at": expires_at.isoformat(),
    }
    await outbox.enqueue(session, CONFIRMATION_EMAIL, payload, now=now, identity_id=org.identity_id)
    return None


RUNNERS: Runners = {SendConfirmationEmail: send_confirmation}
