"""The terminal channel: one line in, messages out. Buttons print as numbered
options; the user answers with the number or the label. "Talk to a person"
is not numbered (it would shift the options): it prints as `[?]`. Works with
a pipe."""

import asyncio
import codecs
import contextlib
import logging
import os
import sys
from typing import Protocol, TextIO

from bot.channels.channel import Address, Inbound
from bot.channels.commands import parse_command
from bot.channels.parts import ChannelParts
from bot.channels.runner import Runner, asks
from bot.invitations import INVITATION_EMAIL
from bot.steps.codec import reply_from_json
from bot.steps.engine import CONFIRMATION_EMAIL, CONSOLE_MESSAGE, PAYMENT_LINK, Outcome
from bot.text.render import RenderedMessage, render
from conversations import HANDOFF_CHOICE, Choice, Event, Text, prompt
from conversations.choices import normalize
from conversations.facts import Facts
from storage import outbox
from storage.conversations import find_identity
from storage.db import DATABASE_UNAVAILABLE

__all__ = ["CHANNEL", "ConsoleChannel", "LineSource", "StdinLines"]

CHANNEL = "console"
log = logging.getLogger(__name__)


class LineSource(Protocol):
    async def readline(self) -> str | None:
        """The next line without its newline, or None at end of input."""


class StdinLines:
    """Lines from a terminal or a pipe, read by the event loop itself (no
    thread blocked in `read`: Ctrl-C and the end of the chat never wait for
    Enter). A regular file, which cannot be watched, is read directly."""

    def __init__(self, stream: TextIO = sys.stdin) -> None:
        self.stream = stream
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._buffer = ""
        self._eof = False

    async def readline(self) -> str | None:
        while "\n" not in self._buffer and not self._eof:
            chunk = await self._read_chunk()
            self._buffer += self._decoder.decode(chunk, final=not chunk)
            self._eof = not chunk
        if not self._buffer:
            return None
        line, newline, rest = self._buffer.partition("\n")
        self._buffer = rest
        return line.rstrip("\r") if newline or line else None

    async def _read_chunk(self) -> bytes:
        try:
            fd = self.stream.fileno()
        except (OSError, ValueError):  # not a real file (a test's StringIO)
            return self.stream.readline().encode()
        loop = asyncio.get_running_loop()
        ready: asyncio.Future[None] = loop.create_future()

        def readable() -> None:
            if not ready.done():
                ready.set_result(None)

        try:
            loop.add_reader(fd, readable)
        except PermissionError:  # a regular file: reading never blocks
            return os.read(fd, 65536)
        try:
            await ready
        finally:
            loop.remove_reader(fd)
        return os.read(fd, 65536)


class ConsoleChannel:
    """The terminal adapter, and its own `Channel`: a message is printed."""

    name = CHANNEL
    stale_notice = None

    def __init__(
        self,
        services: ChannelParts,
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
        self.talk = False  # "[?] Talk to a person" is on screen
        self.state: str | None = None  # the conversation's state after the last step
        self.shown: list[RenderedMessage] = []
        self.address = Address(CHANNEL, user, user)
        self.runner = Runner(self, services.engine, services.translator)

    def to_event(self, line: str) -> Event:
        if line.strip().startswith("/"):
            command = parse_command(line)
            if command is not None:
                return command
        answer = line.strip()
        if answer == "?" and self.talk:
            return Choice(value=HANDOFF_CHOICE)
        if self.options:
            if answer.isdigit() and 1 <= int(answer) <= len(self.options):
                return Choice(value=self.options[int(answer) - 1][1])
            said = normalize(answer)
            for label, value in self.options:
                if said and said in (normalize(label), normalize(value)):
                    return Choice(value=value)
        # Anything else goes to the core, which knows what people type for
        # each option ("euro", "да") and for a person.
        return Text(text=line)

    def show(self, message: RenderedMessage) -> None:
        self.shown.append(message)
        print(message.text, file=self.out)
        choices = [b for b in message.buttons if b.url is None and b.value != HANDOFF_CHOICE]
        talk = [b for b in message.buttons if b.url is None and b.value == HANDOFF_CHOICE]
        for button in message.buttons:
            if button.url is not None:
                print(f"  {button.label}: {button.url}", file=self.out)
        if choices:
            self.options = [(b.label, b.value) for b in choices]
            for number, button in enumerate(choices, start=1):
                print(f"  [{number}] {button.label}", file=self.out)
        for button in talk:
            self.talk = True
            print(f"  [?] {button.label}", file=self.out)
        print(file=self.out)
        self.out.flush()

    async def handle_line(self, line: str) -> None:
        await self.handle_event(self.to_event(line))

    async def send(self, to: Address, message: RenderedMessage, keyboard: str | None) -> None:
        self.show(message)

    async def redact(self, to: Address, message_ref: str) -> None:
        return None  # what was typed stays on the user's own screen

    async def answer_button(self, inbound: Inbound, notice: str | None) -> None:
        return None

    def _stepped(self, outcome: Outcome) -> None:
        state = outcome.conversation.state.value if outcome.conversation else None
        if outcome.conversation is not None:
            self.language = outcome.conversation.language
        if outcome.replies and (asks(outcome.replies) or state != self.state):
            # New options, or another step: the numbers on screen are gone.
            # (After /status the question above is still the one answered.)
            self.options, self.talk = [], False
        self.state = state

    async def handle_event(self, event: Event) -> None:
        inbound = Inbound(address=self.address, event=event, language=self.locale_hint)

        async def work() -> None:
            # Older news first (an email confirmed meanwhile), then the answer,
            # so the options on screen are always those of the newest message.
            await self.deliver_pending()
            await self.runner.handle(inbound, stepped=self._stepped)
            done.append(True)

        done: list[bool] = []
        await self.runner.submit(self.address, self.language, work)
        if not done:
            return
        try:
            # Embedded mode: with no separate worker, the emails and the payment
            # link are made right here.
            await self.services.worker.drain_once(
                (CONFIRMATION_EMAIL, PAYMENT_LINK, INVITATION_EMAIL)
            )
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
                self.options, self.talk = [], False
            for item in items:
                reply = reply_from_json(item.payload["reply"])
                language = item.payload.get("language", "en")
                await self.runner.send(self.address, language, [reply])
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

    async def _resume(self) -> None:
        """A user coming back: their current question at once, in their
        language, its options live."""
        try:
            _, conv = await self.services.engine.peek(CHANNEL, self.user)
        except DATABASE_UNAVAILABLE:
            conv = None
        if conv is not None:
            self.language = conv.language
        hint = self.services.translator.format(self.language, "console-hint")
        print(hint, file=self.out)
        print(file=self.out)
        self.out.flush()
        await self._deliver_quietly()
        if conv is None or conv.handoff is not None:
            return
        settings = self.services.settings
        facts = Facts(
            payments=settings.stripe_secret_key is not None,
            desk=settings.desk_configured,
            support_email=settings.support_email,
        )
        self.state = conv.state.value
        self.show(
            render(
                self.services.translator, self.language, prompt(conv.at(conv.state, facts=facts))
            )
        )

    async def run(self, lines: LineSource, stop: asyncio.Event | None = None) -> None:
        """Until the end of input, or until `stop` is set (Ctrl-C): a step
        under way is finished first, so what the user did is saved."""
        stop = stop or asyncio.Event()
        await self._resume()
        # Stopped between rounds, never cancelled inside a database call: a
        # cancelled aiosqlite call could leave the loop waiting for it at exit.
        polling = asyncio.Event()
        poller = asyncio.create_task(self._poll(polling))
        stopped = asyncio.create_task(stop.wait())
        try:
            while not stop.is_set():
                reading = asyncio.ensure_future(lines.readline())
                await asyncio.wait({reading, stopped}, return_when=asyncio.FIRST_COMPLETED)
                if not reading.done():
                    reading.cancel()
                    break
                line = reading.result()
                if line is None:
                    break
                await self.handle_line(line)
        finally:
            stopped.cancel()
            polling.set()
            await poller
