"""How often confirmation emails may go out for one organization. Every send
counts (the first one, each Resend, each Change email): at most five in any
hour. Resend also waits a minute after the previous send; a changed address
gets its email at once, within the hourly cap."""

import math
from datetime import datetime, timedelta

from .effects import Reply
from .prompts import awaiting_buttons

__all__ = [
    "COOL_DOWN",
    "DAY",
    "SENDS_PER_WINDOW",
    "WINDOW",
    "daily_refusal",
    "recent_sends",
    "refusal",
]

COOL_DOWN = timedelta(seconds=60)
WINDOW = timedelta(hours=1)
SENDS_PER_WINDOW = 5


def recent_sends(sends: tuple[datetime, ...], now: datetime) -> tuple[datetime, ...]:
    """The sends that still count at `now`."""
    return tuple(sent for sent in sends if now - sent < WINDOW)


def _ceil(delta: timedelta, unit: timedelta) -> int:
    return max(1, math.ceil(delta / unit))


def refusal(sends: tuple[datetime, ...], now: datetime | None, *, resend: bool) -> Reply | None:
    """Why another email cannot go out now (saying when it can), or None.
    Without a time (`now` None) the rules cannot be applied and nothing is refused."""
    if now is None:
        return None
    recent = recent_sends(sends, now)
    if len(recent) >= SENDS_PER_WINDOW:
        free_at = recent[-SENDS_PER_WINDOW] + WINDOW
        return Reply(
            message_id="email-send-limit",
            args={"minutes": _ceil(free_at - now, timedelta(minutes=1))},
            buttons=awaiting_buttons(),
        )
    if resend and recent and now - recent[-1] < COOL_DOWN:
        return Reply(
            message_id="email-resend-wait",
            args={"seconds": _ceil(recent[-1] + COOL_DOWN - now, timedelta(seconds=1))},
            buttons=awaiting_buttons(),
        )
    return None


DAY = timedelta(days=1)


def daily_refusal(times: list[datetime], now: datetime, limit: int) -> int | None:
    """Hours until one more is allowed when `times` (oldest first, all within
    the last day) already reach `limit`; None while under it."""
    recent = [t for t in times if now - t < DAY]
    if len(recent) < limit:
        return None
    return _ceil(recent[-limit] + DAY - now, timedelta(hours=1))
