"""Long polling that loses nothing when the process dies: an update is only
confirmed to Telegram (the next `getUpdates` offset moves past it) once it
has been handled, its step committed and its replies sent. Until then
Telegram keeps it, and a restarted process gets it again; one whose step
did commit before the crash is then a duplicate `update_id` for the engine.

We call `getUpdates` ourselves instead of the libraries' polling loops (both
confirm an update as soon as they have read it) and feed every update through
the library's own dispatch. Different chats are handled side by side, so the
offset is the lowest update still being handled: updates above it that are
done already come back from Telegram and are skipped here; nothing is stored
(a message may hold a card number, which must never be stored)."""

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from bot.channels.telegram.channel import TelegramChannel
from bot.channels.telegram.common import Incoming, RetryAfter

__all__ = ["Poller", "PollingLibrary"]

log = logging.getLogger(__name__)
# After a failed getUpdates: wait this long, doubling up to the most.
FIRST_BACKOFF = 0.5
MOST_BACKOFF = 5.0


class PollingLibrary(Protocol):
    def dispatch_to(self, submit: Callable[[Incoming], object]) -> None:
        """Route updates fed to the library's own dispatch into `submit`."""

    async def get_updates(self, offset: int | None, poll_seconds: int) -> list[Any]:
        """One `getUpdates` call: the library's update objects, oldest first."""

    async def feed(self, update: Any) -> None:
        """Through the library's dispatch (`Dispatcher.feed_update` /
        `Application.process_update`): returns once `submit` has queued it."""


class Poller:
    def __init__(
        self, library: PollingLibrary, channel: TelegramChannel, poll_seconds: int
    ) -> None:
        self.library = library
        self.channel = channel
        self.poll_seconds = poll_seconds
        self.offset: int | None = None
        self._highest: int | None = None
        self._handling: set[int] = set()
        self._done: set[int] = set()  # handled, above the offset
        self._progress = asyncio.Event()
        self._handed: asyncio.Task[None] | None = None
        library.dispatch_to(self._submit)

    def _submit(self, incoming: Incoming) -> None:
        self._handed = self.channel.submit(incoming)

    def _finished(self, update_id: int, _: object = None) -> None:
        self._handling.discard(update_id)
        self._done.add(update_id)
        self._progress.set()

    def _next_offset(self) -> int | None:
        """Everything below the lowest update still being handled is done."""
        if self._handling:
            offset = min(self._handling)
        elif self._highest is not None:
            offset = self._highest + 1
        else:
            return self.offset
        self._done = {u for u in self._done if u >= offset}
        return offset

    async def _until(self, work: Awaitable[Any], stop: asyncio.Event) -> tuple[bool, Any]:
        """(True, result) when `work` finished first; (False, None) on stop."""
        task = asyncio.ensure_future(work)
        stopping = asyncio.ensure_future(stop.wait())
        await asyncio.wait([task, stopping], return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
            return False, None
        return True, task.result()

    async def run(self, stop: asyncio.Event) -> None:
        backoff = FIRST_BACKOFF
        while not stop.is_set():
            self._progress.clear()
            self.offset = self._next_offset()
            try:
                got, updates = await self._until(
                    self.library.get_updates(self.offset, self.poll_seconds), stop
                )
            except RetryAfter as error:
                log.warning("telegram getUpdates flood control: waiting %ss", error.seconds)
                await self._until(asyncio.sleep(error.seconds), stop)
                continue
            except Exception as error:  # Telegram or the network failing: try again
                log.warning("telegram getUpdates failed: %s", type(error).__name__)
                await self._until(asyncio.sleep(backoff), stop)
                backoff = min(backoff * 2, MOST_BACKOFF)
                continue
            if not got:
                return
            backoff = FIRST_BACKOFF
            fresh = [u for u in updates if self._is_new(int(u.update_id))]
            for update in fresh:
                await self._feed(update)
            if updates and not fresh and self._handling:
                # Everything Telegram returned is still being handled here: wait
                # for one to finish rather than ask again at once (a busy loop).
                await self._until(self._progress.wait(), stop)

    def _is_new(self, update_id: int) -> bool:
        """Not being handled, nor handled while a lower one held the offset.
        (Below the offset Telegram never answers again; should an update come
        back anyway, the engine knows its `update_id` and ignores it.)"""
        return update_id not in self._handling and update_id not in self._done

    async def _feed(self, update: Any) -> None:
        update_id = int(update.update_id)
        self._highest = update_id if self._highest is None else max(self._highest, update_id)
        self._handed = None
        try:
            await self.library.feed(update)
        except Exception:  # not an update we can read: dropping it beats a retry loop
            log.warning("unreadable telegram update %s dropped", update_id)
        handed, self._handed = self._handed, None
        if handed is None or handed.done():
            self._finished(update_id)
            return
        self._handling.add(update_id)
        handed.add_done_callback(lambda _: self._finished(update_id))

    async def confirm(self) -> None:
        """After a clean stop and drain: tell Telegram what was handled, so a
        restart does not fetch it again (it would be skipped as a duplicate)."""
        offset = self._next_offset()
        if offset is None or offset == self.offset:
            return
        try:
            await self.library.get_updates(offset, 0)
        except Exception as error:
            log.info("telegram offset not confirmed on stop: %s", type(error).__name__)
