"""The terminal channel: one line in, messages out. Buttons print as numbered
options; the user answers with the number or the label. Works with a pipe."""

import asyncio
import contextlib
import logging
import re
import sys
from typing import Protocol, TextIO

from conversations import Choice, Command, Event, Reply, Text
from storage import outbox
from storage.conversations import find_identity
from storage.db import DATABASE_UNAVAILABLE

from ..codec import reply_from_json
from ..engine import CONFIRMATION_EMAIL, CONSOLE_MESSAGE, PAYMENT_LINK
from ..render import RenderedMessage, render
from ..services import Services

__all__ = ["CHANNEL", "ConsoleChannel", "LineSource", "StdinLines", "parse_command"]

CHANNEL = "console"
TRY_AGAIN = Reply(message_id="error-try-again")
log = logging.getLogger(__name__)
_COMMAND = re.compile(r"^/([A-Za-z][A-Za-z0-9_]{0,63})(?:@\S+)?(?:\s+(.*))?$", re.DOTALL)


class LineSource(Protocol):
    async def readline(self) -> str | None:
        """The next line without its newline, or None at end of input."""


class StdinLines:
    def __init__(self, stream: TextIO = sys.stdin) -> None:
        self.stream = stream

    async def readline(self) -> str | None:
        line = await asyncio.get_running_loop().run_in_executor(None, self.stream.readline)
        return line.rstrip("\r\n") if line else None


def parse_command(text: str) -> Command | None:
    match = _COMMAND.match(text.strip())
    if match is None:
        return None
    return Command(name=match.group(1).lower(), arg=(match.group(2) or "").strip())


class ConsoleChannel:
    def __init__(
        self,
        services: Services,
        user: str,
        out: TextIO = sys.stdout,
        *,
        locale_hint: str | None = None,
        poll_interval: float = 0.5,
    ) -> None:
        self.services = services
        self.user = user
        self.out = out
        self.locale_hint = locale_hint
        self.language = locale_hint or "en"  # the conversation's, once known
        self.poll_interval = poll_interval
        self.options: list[tuple[str, str]] = []  # (label, value) of the last buttons shown
        self.shown: list[RenderedMessage] = []

    def to_event(self, line: str) -> Event:
        if line.strip().startswith("/"):
            command = parse_command(line)
            if command is not None:
                return command
        answer = line.strip()
        if self.options:
            if answer.isdigit() and 1 <= int(answer) <= len(self.options):
                return Choice(value=self.options[int(answer) - 1][1])
            for label, value in self.options:
                if answer.casefold() in (label.casefold(), value.casefold()):
                    return Choice(value=value)
        return Text(text=line)

    def show(self, message: RenderedMessage) -> None:
        self.shown.append(message)
        print(message.text, file=self.out)
        choices = [b for b in message.buttons if b.url is None]
        for button in message.buttons:
            if button.url is not None:
                print(f"  {button.label}: {button.url}", file=self.out)
        if choices:
            self.options = [(b.label, b.value) for b in choices]
            for number, button in enumerate(choices, start=1):
                print(f"  [{number}] {button.label}", file=self.out)
        print(file=self.out)
        self.out.flush()

    async def handle_line(self, line: str) -> None:
        await self.handle_event(self.to_event(line))

    async def handle_event(self, event: Event) -> None:
        engine = self.services.engine
        try:
            # Older news first (an email confirmed meanwhile), then the answer,
            # so the options on screen are always those of the newest message.
            await self.deliver_pending()
            outcome = await engine.handle(CHANNEL, self.user, event, locale_hint=self.locale_hint)
        except DATABASE_UNAVAILABLE as error:
            log.warning(
                "database unavailable (%s); the user is asked to retry", type(error).__name__
            )
            self.show(render(self.services.translator, self.language, TRY_AGAIN))
            return
        if outcome.conversation is not None:
            self.language = outcome.conversation.language
        if outcome.replies:
            self.options = []
        for reply in outcome.replies:
            self.show(render(self.services.translator, self.language, reply))
        try:
            # Embedded mode: with no separate worker, the email and the payment
            # link are made right here.
            await self.services.worker.drain_once((CONFIRMATION_EMAIL, PAYMENT_LINK))
            await self.deliver_pending()
        except DATABASE_UNAVAILABLE as error:  # the step is saved; the rest goes out later
            log.warning("database unavailable after a step (%s)", type(error).__name__)

    async def deliver_pending(self) -> None:
        """Print messages that other processes left for this user (a confirmed
        email, a saved payment method, a reminder)."""
        engine = self.services.engine
        async with engine.sessions() as session:
            identity_id = await find_identity(session, CHANNEL, self.user)
        if identity_id is None:
            return
        # Embedded mode: this user's due reminders fire here as well. A worker,
        # if one runs, may take them first; the timer lease keeps it to once.
        await self.services.worker.fire_due_timers(identity_id)
        async with engine.sessions.begin() as session:
            items = await outbox.claim(
                session,
                now=engine.clock.now(),
                lease=engine.settings.outbox_lease,
                kinds=(CONSOLE_MESSAGE,),
                identity_id=identity_id,
                limit=100,
            )
            if items:
                self.options = []
            for item in items:
                reply = reply_from_json(item.payload["reply"])
                language = item.payload.get("language", "en")
                self.show(render(self.services.translator, language, reply))
                await outbox.complete(session, item.id, now=engine.clock.now())

    async def _deliver_quietly(self) -> None:
        try:
            await self.deliver_pending()
        except DATABASE_UNAVAILABLE as error:
            log.warning("could not fetch pending messages (%s); trying again", type(error).__name__)

    async def _poll(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.poll_interval)
            if stop.is_set():
                return
            await self._deliver_quietly()

    async def run(self, lines: LineSource) -> None:
        hint = self.services.translator.format(self.locale_hint or "en", "console-hint")
        print(hint, file=self.out)
        print(file=self.out)
        self.out.flush()
        await self._deliver_quietly()
        # Stopped between rounds, never cancelled inside a database call: a
        # cancelled aiosqlite call could leave the loop waiting for it at exit.
        stop = asyncio.Event()
        poller = asyncio.create_task(self._poll(stop))
        try:
            while (line := await lines.readline()) is not None:
                await self.handle_line(line)
        finally:
            stop.set()
            await poller
