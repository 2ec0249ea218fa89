"""`/delete`: the user's personal data goes; their organizations stay, detached."""

from bot.effects.context import EffectContext, Runners
from bot.handoff.effects import erase_tickets
from conversations import DeleteUserData, Event
from storage import organizations as orgs_repo
from storage import payments as payments_repo
from storage.invitations import revoke_for_identity

__all__ = ["RUNNERS"]


async def delete_user_data(_: DeleteUserData, context: EffectContext) -> Event | None:
    """The identity itself is deleted by the engine once the step is done
    (`Outcome.erase`). Stripe customers are deleted through the outbox (rows
    of no identity)."""
    session, identity_id, now = context.session, context.record.identity_id, context.now
    await revoke_for_identity(session, identity_id, now)
    await payments_repo.forget_identity(session, identity_id, now)
    await orgs_repo.detach_organizations(session, identity_id)
    await erase_tickets(session, identity_id, now)
    context.outcome.erase = True
    return None


RUNNERS: Runners = {DeleteUserData: delete_user_data}
