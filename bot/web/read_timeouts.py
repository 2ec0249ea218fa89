"""Bounds on how long a client may take to send its request: the request
line and headers within `HTTP_HEADER_TIMEOUT` seconds, the body within
`HTTP_BODY_TIMEOUT` seconds after that. Past either bound the connection is
closed. Without them a client that trickles a byte now and then (slowloris)
holds a connection, and its memory, for as long as it likes.

aiohttp has no header-read timeout of its own (only the idle keep-alive
timer), so the header bound is kept by a thin asyncio protocol in front of
aiohttp's `RequestHandler`: it forwards every callback unchanged and closes
the transport with `loop.call_later` if the request has not reached the app
in time. `GuardedSite` serves the app through it; it is an `aiohttp.web.BaseSite`
and relies on that class's subclass contract (as aiohttp's own `TCPSite`
does): `start()` calls the base `start()` and stores the listening server in
`self._server`, which `stop()` and `AppRunner.addresses` read. The runner's
`server` is aiohttp's public protocol factory.

The body bound is the `read_deadline` middleware: it runs once the headers
are parsed (and tells the protocol so), and if the body has not arrived in
full (`StreamReader.is_eof()`) when the time is up, it closes the transport;
the handler's pending read then fails, and the middleware answers it (408
in the access log) instead of letting aiohttp log a traceback; a client that
hangs up mid-body is treated the same way.

In production put a reverse proxy in front anyway (README, "Running in
production"): it buffers slow clients with timeouts of its own, so this
process only ever sees whole requests from a fast neighbour."""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

__all__ = ["GuardedSite", "HeaderDeadline", "read_deadline"]

log = logging.getLogger(__name__)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class HeaderDeadline(asyncio.Protocol):
    """Wraps one connection's aiohttp protocol. The clock runs from the
    connection's start, and again from the first byte after each finished
    request (an idle keep-alive connection is aiohttp's own timer's job)."""

    def __init__(self, inner: asyncio.Protocol, timeout: float) -> None:
        self.inner = inner
        self.timeout = timeout
        self.transport: asyncio.Transport | None = None
        self._timer: asyncio.TimerHandle | None = None
        # Between requests (after one finished, before the next's first
        # byte) no clock runs: an idle keep-alive is aiohttp's timer's job.
        self._idle = False

    def _arm(self) -> None:
        self._disarm()
        self._timer = asyncio.get_running_loop().call_later(self.timeout, self._expired)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _expired(self) -> None:
        self._timer = None
        if self.transport is not None and not self.transport.is_closing():
            log.info("request headers not received within %ss; connection closed", self.timeout)
            self.transport.close()

    # -- told by `read_deadline` -------------------------------------------

    def headers_received(self) -> None:
        self._idle = False
        self._disarm()

    def request_finished(self) -> None:
        # The next request's clock starts with its first byte.
        self._idle = True

    # -- asyncio.Protocol, forwarded ---------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self._arm()
        self.inner.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        if self._idle:
            self._idle = False
            self._arm()
        self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self.inner.eof_received()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        self.transport = None
        self.inner.connection_lost(exc)

    def pause_writing(self) -> None:
        self.inner.pause_writing()

    def resume_writing(self) -> None:
        self.inner.resume_writing()


class GuardedSite(web.BaseSite):
    """`web.TCPSite`, with every connection behind a `HeaderDeadline`."""

    def __init__(
        self,
        runner: web.BaseRunner,
        host: str,
        port: int,
        *,
        header_timeout: float,
        backlog: int = 128,
    ) -> None:
        super().__init__(runner, backlog=backlog)
        self._guard_runner = runner
        self._host = host
        self._port = port
        self.header_timeout = header_timeout

    @property
    def name(self) -> str:
        return f"http://{self._host}:{self._port}"

    def _protocol(self) -> asyncio.Protocol:
        server = self._guard_runner.server
        assert server is not None
        return HeaderDeadline(server(), self.header_timeout)

    async def start(self) -> None:
        await super().start()
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(
            self._protocol, self._host, self._port, backlog=self._backlog, reuse_address=True
        )


def _guard(request: web.Request) -> HeaderDeadline | None:
    transport = request.transport
    protocol: Any = transport.get_protocol() if transport is not None else None
    return protocol if isinstance(protocol, HeaderDeadline) else None


def read_deadline(body_timeout: float) -> Callable[..., Awaitable[web.StreamResponse]]:
    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        guard = _guard(request)
        if guard is not None:
            guard.headers_received()
        expired = False

        def expire() -> None:
            nonlocal expired
            transport = request.transport
            if request.content.is_eof() or transport is None:
                return
            expired = True
            log.info("request body not received within %ss; connection closed", body_timeout)
            transport.close()

        timer = None
        if request.body_exists and not request.content.is_eof():
            timer = asyncio.get_running_loop().call_later(body_timeout, expire)
        try:
            return await handler(request)
        except ConnectionError:
            # The body read failed because the connection closed: our timer,
            # or the client going away mid-body. Either way nobody is there
            # to answer, and it is no failure of ours worth a traceback.
            transport = request.transport
            if not expired and transport is not None and not transport.is_closing():
                raise
            return web.Response(status=408 if expired else 400)
        finally:
            if timer is not None:
                timer.cancel()
            if guard is not None:
                guard.request_finished()

    return middleware
