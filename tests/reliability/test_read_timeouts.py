"""Slow clients are cut off: headers that trickle in, or a body that stops
arriving, close the connection after `HTTP_HEADER_TIMEOUT` /
`HTTP_BODY_TIMEOUT` (shortened here), over real sockets to the app served
the way `python -m bot web` serves it (`GuardedSite`). Well-behaved clients,
keep-alive pauses included, are not affected, and no traceback is logged."""

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from aiohttp import web
from pydantic import SecretStr
from sqlalchemy import func, select

from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.services import Services, open_services
from bot.web import build_app
from bot.web.read_timeouts import GuardedSite
from storage.models import CreditUsageRow

HEADER_TIMEOUT = 0.5
BODY_TIMEOUT = 0.8
TOKEN = "read-timeouts-internal-token"
# Cut off after the bound, with room for a loaded CI machine.
LATEST = 4.0


@dataclass
class Served:
    services: Services
    port: int


@pytest.fixture
async def served(settings: Settings, clock: FrozenClock) -> AsyncIterator[Served]:
    quick = settings.model_copy(
        update={
            "http_header_timeout": HEADER_TIMEOUT,
            "http_body_timeout": BODY_TIMEOUT,
            "internal_api_token": SecretStr(TOKEN),
        }
    )
    services = open_services(quick, clock=clock)
    runner = web.AppRunner(build_app(services.engine, services.translator))
    await runner.setup()
    await GuardedSite(runner, "127.0.0.1", 0, header_timeout=HEADER_TIMEOUT).start()
    try:
        yield Served(services, runner.addresses[0][1])
    finally:
        await runner.cleanup()
        await services.close()


async def _closed_after(
    port: int, first: bytes, trickle: bytes, every: float = 0.1
) -> tuple[float, bytes]:
    """Send `first`, then one byte of `trickle` every `every` seconds until
    the server closes; seconds it took and what the server answered."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    started = time.monotonic()
    writer.write(first)
    answer = b""

    async def drip() -> None:
        for byte in trickle:
            await asyncio.sleep(every)
            if writer.is_closing():
                return
            writer.write(bytes([byte]))

    dripping = asyncio.create_task(drip())
    try:
        while chunk := await asyncio.wait_for(reader.read(65536), LATEST + 2):
            answer += chunk
    except (ConnectionError, TimeoutError):
        pass
    finally:
        dripping.cancel()
        writer.close()
    return time.monotonic() - started, answer


async def test_trickled_headers_are_cut_off(
    served: Served, caplog: pytest.LogCaptureFixture
) -> None:
    slow = b"X-Slow: " + b"a" * 200 + b"\r\n\r\n"
    with caplog.at_level(logging.INFO):
        took, answer = await _closed_after(served.port, b"GET /healthz HTTP/1.1\r\n", slow)
        assert HEADER_TIMEOUT * 0.9 <= took < LATEST and answer == b""
        # Not a byte: the clock runs from the connection's start too.
        took, answer = await _closed_after(served.port, b"", b"")
        assert HEADER_TIMEOUT * 0.9 <= took < LATEST and answer == b""
    assert not [r for r in caplog.records if r.exc_info]


async def test_a_body_that_stops_arriving_is_cut_off(
    served: Served, caplog: pytest.LogCaptureFixture
) -> None:
    headers = (
        b"POST /api/v1/organizations/1/credit-usage HTTP/1.1\r\nHost: x\r\n"
        b"Authorization: Bearer " + TOKEN.encode() + b"\r\nIdempotency-Key: k1\r\n"
        b"Content-Type: application/json\r\nContent-Length: 500\r\n\r\n"
    )
    with caplog.at_level(logging.INFO):
        took, answer = await _closed_after(served.port, headers + b'{"amount_minor": ', b" " * 400)
        assert BODY_TIMEOUT * 0.9 <= took < LATEST and answer == b""
        chunked = headers.replace(b"Content-Length: 500", b"Transfer-Encoding: chunked")
        took, answer = await _closed_after(served.port, chunked + b'5\r\n{"amo', b"")
        assert BODY_TIMEOUT * 0.9 <= took < LATEST and answer == b""
    assert not [r for r in caplog.records if r.exc_info]
    assert any("body not received" in r.getMessage() for r in caplog.records)
    async with served.services.engine.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(CreditUsageRow)) == 0


async def test_prompt_clients_and_keep_alive_pauses_are_unaffected(served: Served) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", served.port)
    try:
        for _ in range(3):
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
            assert head.startswith(b"HTTP/1.1 200"), head
            length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
            await reader.readexactly(length)
            # Idle longer than the header bound: keep-alive is aiohttp's timer.
            await asyncio.sleep(HEADER_TIMEOUT * 2)
        # A body sent promptly, in pieces, is read in full.
        body = b'{"amount_minor": 5}'
        writer.write(
            b"POST /api/v1/organizations/1/credit-usage HTTP/1.1\r\nHost: x\r\n"
            b"Authorization: Bearer " + TOKEN.encode() + b"\r\nIdempotency-Key: k1\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n"
        )
        for piece in (body[:5], body[5:]):
            await asyncio.sleep(BODY_TIMEOUT / 4)
            writer.write(piece)
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
        assert head.startswith(b"HTTP/1.1 404"), head  # organization 1 does not exist
    finally:
        writer.close()
