"""How many messages a user may send: at most `limit` in a one-minute window.
The first message over it is answered once with "slow down"; the rest of the
window is dropped without reaching the conversation."""

import enum
import math
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from .effects import Reply

__all__ = ["WINDOW", "Admission", "MessageWindow", "admit", "slow_down"]

WINDOW = timedelta(minutes=1)


@dataclass(frozen=True, slots=True, kw_only=True)
class MessageWindow:
    started: datetime
    count: int = 0
    warned: bool = False


class Admission(enum.Enum):
    ALLOW = "allow"
    WARN = "warn"  # over the limit: answer "slow down", do not step
    DROP = "drop"  # over the limit and told already: nothing at all


def admit(
    window: MessageWindow | None, now: datetime, limit: int
) -> tuple[MessageWindow, Admission]:
    """Count one message at `now`; returns the window to keep and the verdict.
    A clock that went backwards starts a new window rather than locking out."""
    if window is None or not window.started <= now < window.started + WINDOW:
        window = MessageWindow(started=now)
    counted = replace(window, count=window.count + 1)
    if counted.count <= limit:
        return counted, Admission.ALLOW
    if not window.warned:
        return replace(counted, warned=True), Admission.WARN
    return counted, Admission.DROP


def slow_down(window: MessageWindow, now: datetime) -> Reply:
    seconds = max(1, math.ceil((window.started + WINDOW - now) / timedelta(seconds=1)))
    return Reply(message_id="limits-slow-down", args={"seconds": seconds})
