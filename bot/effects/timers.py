"""Timers: the core's `Timer` events, scheduled and cancelled in the step's
transaction; the worker fires them when due."""

import logging
from datetime import timedelta

from bot.config import Settings
from bot.effects.context import EffectContext, Runners
from conversations import REMINDER, SLA_TIMER, CancelTimers, Event, ScheduleTimer
from storage import timers

__all__ = ["RUNNERS", "timer_delays"]

log = logging.getLogger(__name__)


def timer_delays(effect: ScheduleTimer, settings: Settings) -> tuple[timedelta, ...]:
    """When a timer fires: its own delay, or the configured schedule."""
    if effect.delay is not None:
        return (effect.delay,)
    if effect.name == REMINDER:
        return settings.reminder_delays
    if effect.name == SLA_TIMER:
        return (settings.handoff_sla,)
    log.warning("timer %s has neither a delay nor a schedule", effect.name)
    return ()


async def schedule(effect: ScheduleTimer, context: EffectContext) -> Event | None:
    await timers.schedule_all(
        context.session,
        identity_id=context.record.identity_id,
        name=effect.name,
        org_id=effect.org_id,
        due=[context.now + delay for delay in timer_delays(effect, context.settings)],
        now=context.now,
    )
    context.scheduled.add((effect.name, effect.org_id))
    return None


async def cancel(effect: CancelTimers, context: EffectContext) -> Event | None:
    if (
        effect.org_id in context.new_organizations
        and (effect.name, effect.org_id) not in context.scheduled
    ):
        return None  # an organization made by this step has no timer yet
    context.scheduled.discard((effect.name, effect.org_id))
    await timers.cancel(
        context.session,
        identity_id=context.record.identity_id,
        name=effect.name,
        org_id=effect.org_id,
        now=context.now,
    )
    return None


RUNNERS: Runners = {ScheduleTimer: schedule, CancelTimers: cancel}
