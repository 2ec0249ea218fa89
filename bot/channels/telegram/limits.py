"""Telegram's outbound limits, kept before we hit them: about one message a
second per chat (short bursts are fine), twenty a minute per group, thirty a
second overall. Library-neutral: both Telegram modules send through it.

Each limit is a GCRA bucket ("theoretical arrival time"): a send reserves its
slot in its chat's bucket in call order (so one chat's messages keep their
order and no slot is lost), then, when that slot comes, in the overall one.

The overall slots are also a rolling window: never more than `overall` of
them within one second plus `overall_slack`. Evenly spaced slots alone would
put the 31st exactly one second after the 1st, and a sender that wakes a
little late, or a request a little slower on the way, then makes 31 in one
second at Telegram's end."""

import asyncio
import collections
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

__all__ = ["Limits", "SendLimiter"]

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Limits:
    per_chat: float = 1.0  # messages per second in one private chat
    chat_burst: int = 3
    per_group: float = 20 / 60  # messages per second in one group
    group_burst: int = 3
    overall: float = 30.0
    overall_burst: int = 1  # evenly spaced
    overall_slack: float = 0.04  # seconds: the rolling window is 1 s plus this


class _Bucket:
    __slots__ = ("interval", "tat", "tolerance")

    def __init__(self, rate: float, burst: int) -> None:
        self.interval = 1.0 / rate
        self.tolerance = self.interval * (max(1, burst) - 1)
        self.tat = 0.0

    def earliest(self, now: float) -> float:
        return max(now, self.tat - self.tolerance)

    def take(self, at: float) -> None:
        self.tat = max(self.tat, at) + self.interval


class SendLimiter:
    def __init__(
        self,
        limits: Limits,
        *,
        now: Callable[[], float] | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.limits = limits
        self._now = now or (lambda: asyncio.get_running_loop().time())
        self._sleep = sleep
        self._overall = _Bucket(limits.overall, limits.overall_burst)
        self._chats: dict[int, _Bucket] = {}
        # The latest overall slots, for the rolling window (a limit of
        # thousands a second is no limit worth a window).
        self._window = int(limits.overall) if limits.overall <= 1000 else 0
        self._slots: collections.deque[float] = collections.deque()

    def _chat_bucket(self, chat_id: int) -> _Bucket:
        bucket = self._chats.get(chat_id)
        if bucket is None:
            if chat_id < 0:  # groups and channels have negative ids
                bucket = _Bucket(self.limits.per_group, self.limits.group_burst)
            else:
                bucket = _Bucket(self.limits.per_chat, self.limits.chat_burst)
            self._chats[chat_id] = bucket
        return bucket

    def _forget_idle(self, now: float) -> None:
        if len(self._chats) > 10_000:
            self._chats = {k: b for k, b in self._chats.items() if b.tat > now}

    async def acquire(self, chat_id: int | None) -> None:
        """Wait for this chat's next free slot, then for the overall one. `None`:
        a call that only counts against the overall limit."""
        if chat_id is not None:
            await self._wait(self._chat_bucket(chat_id))
        # Reserved only once the chat's turn has come, so a chat that must wait
        # never holds up the others.
        await self._wait(self._overall, window=True)

    async def _wait(self, bucket: _Bucket, *, window: bool = False) -> None:
        now = self._now()
        self._forget_idle(now)
        at = bucket.earliest(now)
        if window and self._window:
            slots = self._slots
            if len(slots) >= self._window:
                at = max(at, slots[-self._window] + 1.0 + self.limits.overall_slack)
            slots.append(at)
            if len(slots) > self._window:
                slots.popleft()
        bucket.take(at)
        if at > now:
            await self._sleep(at - now)

    def hold(self, chat_id: int | None, seconds: float) -> None:
        """Telegram answered 429: nothing more to this chat for `seconds`."""
        now = self._now()
        bucket = self._chat_bucket(chat_id) if chat_id is not None else self._overall
        bucket.tat = max(bucket.tat, now + seconds + bucket.tolerance)
