"""The web chat as a `Channel` over the runner: sending a message is writing it to the
visitor's transcript (`storage/web_chat.py`) and waking their open streams.
The browser reads the transcript by number, so a message written while no
tab is open is simply there when one opens, and a tab that lost its
connection asks for what came after the last number it saw.

`Hub` holds the open streams of this process. A message written here wakes
its streams at once; one written by another process (a separate worker, a
second web replica) is found by one query per `poll_interval` for all the
streams of the process."""

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.channel import Address, Inbound
from bot.channels.runner import Runner
from bot.steps.engine import Engine
from bot.text.i18n import Translator
from bot.text.render import RenderedMessage
from storage import web_chat

__all__ = ["CHANNEL", "Hub", "Stream", "WebChannel", "line_json"]

CHANNEL = "web"
log = logging.getLogger(__name__)


def line_json(line: web_chat.ChatLine) -> dict[str, Any]:
    """One message as the browser gets it (rendered as text there, never HTML)."""
    return {
        "id": line.seq,
        "author": line.author,
        "text": line.text,
        "buttons": list(line.buttons),
        "keyboard": line.keyboard,
        "mid": line.message_id,
        "lang": line.language,
    }


@dataclass(eq=False)
class Stream:
    """One open event stream of one visitor (one browser tab)."""

    visitor: str
    identity_id: int | None = None
    cursor: int = 0
    woken: asyncio.Event = field(default_factory=asyncio.Event)


class Hub:
    def __init__(self) -> None:
        self._streams: dict[str, set[Stream]] = defaultdict(set)
        self._typing: dict[str, int] = defaultdict(int)

    def __len__(self) -> int:
        return sum(len(streams) for streams in self._streams.values())

    @contextlib.contextmanager
    def open(self, visitor: str, cursor: int) -> Iterator[Stream]:
        stream = Stream(visitor, cursor=cursor)
        self._streams[visitor].add(stream)
        try:
            yield stream
        finally:
            self._streams[visitor].discard(stream)
            if not self._streams[visitor]:
                del self._streams[visitor]

    def wake(self, visitor: str) -> None:
        for stream in self._streams.get(visitor, ()):
            stream.woken.set()

    def typing(self, visitor: str) -> bool:
        return self._typing.get(visitor, 0) > 0

    @contextlib.contextmanager
    def step_under_way(self, visitor: str) -> Iterator[None]:
        """While a step runs, the visitor's tabs show the typing indicator."""
        self._typing[visitor] += 1
        self.wake(visitor)
        try:
            yield
        finally:
            self._typing[visitor] -= 1
            if not self._typing[visitor]:
                del self._typing[visitor]
            self.wake(visitor)

    async def poll(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        """Wake the streams whose conversation has messages they have not
        read: written by another process, or before the stream knew its
        visitor's identity."""
        streams = [s for group in self._streams.values() for s in group]
        if not streams:
            return
        async with sessions() as session:
            unknown = {s.visitor for s in streams if s.identity_id is None}
            if unknown:
                found = await web_chat.identities_of(session, CHANNEL, unknown)
                for stream in streams:
                    if stream.identity_id is None:
                        stream.identity_id = found.get(stream.visitor)
            known = {s.identity_id for s in streams if s.identity_id is not None}
            newest = await web_chat.newest(session, known)
        for stream in streams:
            if stream.identity_id is not None and newest.get(stream.identity_id, 0) > stream.cursor:
                stream.woken.set()

    async def poll_forever(
        self, sessions: async_sessionmaker[AsyncSession], interval: float, stop: asyncio.Event
    ) -> None:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=interval)
            try:
                await self.poll(sessions)
            except Exception as error:  # the database is away: streams wait, the next round tries
                log.warning("web chat poll failed (%s)", type(error).__name__)


@dataclass
class _Echo:
    """What the visitor said, written just before the first reply to it."""

    text: str
    language: str


class WebChannel:
    """The adapter. `reply_to` of an address is the visitor id (the signed
    cookie's), the same as `user`."""

    name = CHANNEL
    stale_notice = "webchat-button-stale"

    def __init__(self, engine: Engine, translator: Translator, hub: Hub | None = None) -> None:
        self.sessions = engine.sessions
        self.clock = engine.clock
        self.translator = translator
        self.hub = hub or Hub()
        # Delivery guarantees (order, dedupe, owed replies, stale buttons, the
        # flood limit, errors) are the runner's; queued messages go through it.
        self.runner = Runner(self, engine, translator)
        self._echoes: dict[str, _Echo] = {}
        self._unstored: dict[str, list[RenderedMessage]] = defaultdict(list)
        self._locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    def turn(self, visitor: str) -> asyncio.Lock:
        """One turn at a time per visitor in this process (two tabs sending
        at once): the echo of each message stays next to its replies."""
        return self._locks[visitor]

    def expect_echo(self, visitor: str, text: str, language: str) -> None:
        self._echoes[visitor] = _Echo(text, language)

    async def finish_echo(self, visitor: str, *, keep: bool) -> None:
        """A turn that ended without a reply still shows what was said
        (unless it was a repeat, or refused for a payment number)."""
        echo = self._echoes.pop(visitor, None)
        if echo is not None and keep:
            await self._write_echo(visitor, echo)

    def unstored(self, visitor: str) -> list[RenderedMessage]:
        """Messages of this turn that could not be kept (see `send`)."""
        return self._unstored.pop(visitor, [])

    async def _write_echo(self, visitor: str, echo: _Echo) -> None:
        async with self.sessions.begin() as session:
            identity_id = await web_chat.identity_of(session, CHANNEL, visitor)
            if identity_id is None:
                return
            await web_chat.append(
                session,
                identity_id,
                author="user",
                text=echo.text,
                language=echo.language,
                now=self.clock.now(),
            )
        self.hub.wake(visitor)

    async def send(self, to: Address, message: RenderedMessage, keyboard: str | None) -> None:
        echo = self._echoes.pop(to.user, None)
        if echo is not None:
            await self._write_echo(to.user, echo)
        buttons = [
            {k: v for k, v in asdict(button).items() if v is not None} for button in message.buttons
        ]
        async with self.sessions.begin() as session:
            found = await web_chat.recipient(session, CHANNEL, to.user)
            if found is None:
                # The visitor's data was just erased ("deleted, as you asked"):
                # nothing of theirs is kept, so this is only said, not stored.
                self._unstored[to.user].append(message)
                return
            identity_id, language = found
            await web_chat.append(
                session,
                identity_id,
                author="bot",
                message_id=message.message_id,
                text=message.text,
                buttons=buttons,
                keyboard=keyboard,
                language=language,
                now=self.clock.now(),
            )
        self.hub.wake(to.user)

    async def redact(self, to: Address, message_ref: str) -> None:
        """The echo of a message with a card number is never written (see
        routes); a written one, named by its number, is emptied everywhere."""
        if not message_ref.isdigit():
            return
        async with self.sessions.begin() as session:
            identity_id = await web_chat.identity_of(session, CHANNEL, to.user)
            if identity_id is not None:
                await web_chat.forget(session, identity_id, int(message_ref))
        self.hub.wake(to.user)

    async def answer_button(self, inbound: Inbound, notice: str | None) -> None:
        """A press needs no acknowledgement on the web; a stale one is told so
        (`notice` is the text already, in the visitor's language)."""
        if notice is not None:
            await self.send(inbound.address, RenderedMessage(self.stale_notice, notice), None)
