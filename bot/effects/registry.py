"""Effect type → its runner. A runner does what the effect asks inside the
step's transaction and may answer with an event the core steps next (as
`OrganizationCreated` answers `CreateOrganization`)."""

from bot.effects import (
    desk,
    email,
    invitations,
    organizations,
    payment,
    replies,
    timers,
    user_data,
)
from bot.effects.context import EffectContext, Runners
from conversations import Effect, Event

__all__ = ["RUNNERS", "run_effect"]

RUNNERS: Runners = {
    **replies.RUNNERS,
    **organizations.RUNNERS,
    **email.RUNNERS,
    **payment.RUNNERS,
    **desk.RUNNERS,
    **timers.RUNNERS,
    **invitations.RUNNERS,
    **user_data.RUNNERS,
}


async def run_effect(effect: Effect, context: EffectContext) -> Event | None:
    """Run one effect; the event it answers with, if any."""
    return await RUNNERS[type(effect)](effect, context)
