"""The confirmation email: a new link issued in the step's transaction and
the email queued in the outbox (the worker sends it), then what the step
announces about it. The address's daily limit was applied by the core
(`conversations/policy.py`) from the count the engine read."""

import logging
from typing import Any

from bot.effects.context import EffectContext, Runners
from bot.effects.desk import run_desk_effect
from bot.organizations.tokens import hash_token, new_token
from bot.outbox.kinds.names import CONFIRMATION_EMAIL
from conversations import Event, Reply, SendConfirmationEmail
from storage import organizations as orgs_repo
from storage import outbox

__all__ = ["RUNNERS"]

log = logging.getLogger(__name__)


async def send_confirmation(effect: SendConfirmationEmail, context: EffectContext) -> Event | None:
    await _queue(effect.org_id, context)
    for said in effect.announce:
        if isinstance(said, Reply):
            context.outcome.replies.append(said)
        else:
            await run_desk_effect(said, context)
    return None


async def _queue(org_id: int, context: EffectContext) -> None:
    session, now, settings = context.session, context.now, context.settings
    first = org_id in context.new_organizations  # made by this step: nothing to read
    if first:
        email: str | None = context.new_organizations[org_id]
        identity_id: int | None = context.record.identity_id
    else:
        org = await orgs_repo.get_organization(session, org_id)
        email, identity_id = (None, None) if org is None else (org.email, org.identity_id)
    if email is None:
        log.warning("confirmation asked for missing organization %s", org_id)
        return
    token = new_token()
    expires_at = now + settings.confirmation_ttl
    await orgs_repo.issue_confirmation(
        session,
        org_id=org_id,
        email=email,
        token_hash=hash_token(token),
        expires_at=expires_at,
        now=now,
        first=first,
    )
    payload: dict[str, Any] = {
        "org_id": org_id,
        "token": token,
        "expires_at": expires_at.isoformat(),
    }
    await outbox.enqueue(session, CONFIRMATION_EMAIL, payload, now=now, identity_id=identity_id)


RUNNERS: Runners = {SendConfirmationEmail: send_confirmation}
