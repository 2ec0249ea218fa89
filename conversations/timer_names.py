"""Names of the timers the core schedules (`ScheduleTimer`, `Timer` events)."""

__all__ = ["REMINDER", "SLA_TIMER"]

# The email wait's reminders (their schedule is configuration: REMINDER_DELAYS).
REMINDER = "confirmation-reminder"
# A ticket nobody took in time (the delay is configuration: HANDOFF_SLA).
SLA_TIMER = "handoff-sla"
