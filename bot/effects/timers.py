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
    for delay in timer_delays(effect, context.settings):
        await timers.schedule(
            context.session,
            identity_id=context.record.identity_id,
            name=effect.name,
            org_id=effect.org_id,
            due_at=context.now + delay,
            now=context.now,
        )
    return None


async def cancel(effect: CancelTimers, context: EffectContext) -> Event | None:
    await timers.cancel(
        context.session,
        identity_id=context.record.identity_id,
        name=effect.name,
        org_id=effect.org_id,
        now=context.now,
    )
    return None


RUNNERS: Runners = {ScheduleTimer: schedule, CancelTimers: cancel}
