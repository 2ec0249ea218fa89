"""Every route of the web app, fed malformed and hostile requests over real
HTTP, and malformed HTTP itself on a raw socket (bad request lines, HTTP/9.9,
a header without a colon, NUL bytes, truncated chunked bodies, odd
Content-Lengths, random bytes): nothing answers 5xx, nothing logs a
traceback, nothing in the database changes."""

import asyncio
import contextlib
import json
import logging
import os
import random
from collections.abc import Iterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from sqlalchemy import select

from bot.ops import logs
from bot.services import Services
from bot.web import build_app
from storage.models import Base

BODIES: list[tuple[str, bytes]] = [
    ("application/json", b"{"),
    ("application/json", b"[]"),
    ("application/json", b'{"a": NaN}'),
    ("application/json", json.dumps({"x": "\ud800"}, ensure_ascii=True).encode()),
    ("application/json", b'"\\u0000"'),
    ("application/x-www-form-urlencoded", b"a=%ZZ&&=="),
    ("application/x-www-form-urlencoded", b"payload=%7B%7D"),
    ("text/plain", "😀\u202e\x00".encode()),
    ("application/octet-stream", bytes(range(256))),
    ("multipart/form-data; boundary=x", b"--x\r\nbroken"),
    ("", b""),
]
PATH_VALUES = ["x", "0", "-1", "%00", "%F0%9F%98%80", "..%2F..", "a" * 300, "%E2%80%AE"]


def _paths(app: web.Application) -> list[tuple[str, str]]:
    found = []
    for route in app.router.routes():
        info = route.resource.get_info() if route.resource else {}
        path = info.get("path") or info.get("formatter")
        if path is None or route.method == "HEAD":
            continue
        found.append((route.method, path))
    return sorted(set(found))


def _fill(template: str, value: str) -> str:
    out, depth, result = template, 0, ""
    for char in out:
        if char == "{":
            depth += 1
            if depth == 1:
                result += value
            continue
        if char == "}":
            depth -= 1
            continue
        if depth == 0:
            result += char
    return result


# Request counters, not state: the per-IP limit counts every public-page request.
COUNTERS = frozenset({"ip_windows"})


async def _snapshot(services: Services) -> dict[str, list[Any]]:
    state: dict[str, list[Any]] = {}
    async with services.engine.sessions() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in COUNTERS:
                continue
            rows = (await session.execute(select(table))).all()
            state[table.name] = sorted(repr(tuple(row)) for row in rows)
    return state


@pytest.fixture
async def app_url(services: Services) -> Any:
    runner = web.AppRunner(build_app(services.engine, services.translator))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}", runner.app
    await runner.cleanup()


async def test_no_route_answers_500_or_changes_state(
    services: Services, app_url: tuple[str, web.Application]
) -> None:
    base, app = app_url
    before = await _snapshot(services)
    rng = random.Random(1234)
    seen_routes = _paths(app)
    assert seen_routes
    with scanning_logs() as scan:
        async with aiohttp.ClientSession() as http:
            for method, template in seen_routes:
                for value in PATH_VALUES:
                    path = _fill(template, value)
                    for content_type, body in BODIES:
                        headers = {"Content-Type": content_type} if content_type else {}
                        headers["X-Fuzz"] = str(rng.random())
                        async with http.request(
                            method, f"{base}{path}", data=body, headers=headers
                        ) as response:
                            assert response.status < 500, (method, path, content_type)
    assert scan.tracebacks == [], scan.tracebacks[:3]
    assert await _snapshot(services) == before


async def test_huge_bodies_get_413(app_url: tuple[str, web.Application]) -> None:
    base, app = app_url
    async with aiohttp.ClientSession() as http:
        for method, template in _paths(app):
            if method != "POST":
                continue
            path = _fill(template, "x")
            async with http.post(f"{base}{path}", data=b"x" * (1024 * 1024)) as response:
                assert response.status == 413, path

            async def chunks() -> Any:
                for _ in range(64):
                    yield b"y" * 16384

            async with http.post(f"{base}{path}", data=chunks()) as response:
                assert response.status in (400, 401, 404, 409, 410, 413), path


def _raw_requests() -> list[tuple[bytes, bool]]:
    """Malformed HTTP as bytes on a socket; the flag says whether to close
    our side after sending (a request cut short)."""
    host = b"Host: x\r\n"
    post = b"POST /confirm/AbCdEfGhIjKlMnOpQrStUvWxYz012345 HTTP/1.1\r\n" + host
    rng = random.Random(99)
    cases: list[tuple[bytes, bool]] = [
        (b"POST /confirm/AbCdEfGhIjKlMnOpQrStUvWxYz012345 HTTP/9.9\r\n" + host + b"\r\n", False),
        (b"GET /healthz HTTP/1.1.1\r\n" + host + b"\r\n", False),
        (b"GET /healthz HTTP/1.1\r\nHost x\r\n\r\n", False),  # header without a colon
        (b"GET /health\x00z HTTP/1.1\r\n" + host + b"\r\n", False),
        (b"GET /healthz HTTP/1.1\r\n" + host + b"X-A: a\x00b\r\n\r\n", False),
        (b"GET /healthz HTTP/1.1\r\n" + host + b" folded: line\r\n\r\n", False),
        (b"GET /healthz HTTP/1.1\n" + b"Host: x\n\n", False),  # bare LF
        (b"G=T /healthz HTTP/1.1\r\n" + host + b"\r\n", False),
        (b"GET  /healthz  HTTP/1.1\r\n" + host + b"\r\n", False),
        (b"GET healthz HTTP/1.1\r\n" + host + b"\r\n", False),
        (b"GET /healthz\r\n\r\n", False),  # HTTP/0.9
        (b"\r\n\r\n\r\n", True),  # only the empty lines a request may start with
        (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(32), False),  # TLS hello
        (b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", False),
        (b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\n" + host + b"\r\n", False),
        (b"GET /healthz HTTP/1.1\r\n" + host + b"X-Big: " + b"a" * 20_000 + b"\r\n\r\n", False),
        (
            b"GET /healthz HTTP/1.1\r\n"
            + host
            + b"".join(b"X-%d: v\r\n" % i for i in range(300))
            + b"\r\n",
            False,
        ),
        (post + b"Content-Length: abc\r\n\r\n", False),
        (post + b"Content-Length: -1\r\n\r\n", False),
        (post + b"Content-Length: 1e3\r\n\r\n", False),
        (post + b"Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", False),
        (post + b"Content-Length: 99999999999999999999999\r\n\r\n", False),
        (post + b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", False),
        (post + b"Transfer-Encoding: chunked\r\n\r\n5\r\nab", True),  # truncated chunk
        (post + b"Transfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n", False),
        (post + b"Transfer-Encoding: chunked\r\n\r\n5;" + b"x" * 9000 + b"\r\n", False),
        (post + b"Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", False),
        (post + b"Transfer-Encoding: identity\r\n\r\n", False),
        (post + b"Content-Length: 100\r\n\r\nshort", True),  # body cut short
        (
            post
            + b"Content-Type: application/json; charset=bogus-enc\r\nContent-Length: 2\r\n\r\n{}",
            False,
        ),
        (b"GET /healthz HTTP/1.1\r\n" + host + b"Expect: 100-continue\r\n\r\n", False),
        (
            b"GET /healthz HTTP/1.1\r\n"
            + host
            + b"Connection: Upgrade\r\nUpgrade: websocket\r\n\r\n",
            False,
        ),
        (b"GET /healthz HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", False),
        (b"GET /healthz HTTP/1.1\r\n" + host + "X-Ü: ü\r\n\r\n".encode(), False),
    ]
    cases += [
        (bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))), True) for _ in range(30)
    ]
    return cases


RAW_REQUESTS = _raw_requests()


async def raw_exchange(port: int, data: bytes, close_after: bool) -> int | None:
    """The status of the server's first answer, None when it sent none."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    answer = b""
    try:
        writer.write(data)
        if close_after:
            writer.write_eof()
        await writer.drain()
        with contextlib.suppress(ConnectionError, TimeoutError):
            while len(answer) < 65536 and (chunk := await asyncio.wait_for(reader.read(65536), 5)):
                answer += chunk
                if b"\r\n\r\n" in answer and not close_after:
                    break
    finally:
        writer.close()
    if not answer.startswith(b"HTTP/"):
        assert answer == b"", answer[:80]
        return None
    return int(answer.split(b" ", 2)[1])


class LogScan(logging.Handler):
    """Every record of every logger, to assert none carries a traceback."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.tracebacks: list[str] = []
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        text = record.getMessage()
        if record.exc_info or record.stack_info or "Traceback" in text:
            self.tracebacks.append(f"{record.name}: {text}")


@contextlib.contextmanager
def scanning_logs() -> Iterator[LogScan]:
    """Logging as the app sets it up (`quiet_client_errors` included), with
    a scan of every record at WARNING and above."""
    scan = LogScan()
    scan.setLevel(logging.WARNING)
    root = logging.getLogger()
    root.addHandler(scan)
    logs.quiet_client_errors()
    try:
        yield scan
    finally:
        root.removeHandler(scan)


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


async def test_malformed_http_on_a_raw_socket_is_4xx_and_logs_no_traceback(
    services: Services, app_url: tuple[str, web.Application]
) -> None:
    base, _ = app_url
    port = int(base.rsplit(":", 1)[1])
    before = await _snapshot(services)
    with scanning_logs() as scan:
        for data, close_after in RAW_REQUESTS:
            status = await raw_exchange(port, data, close_after)
            assert status is None or 400 <= status < 500 or status < 300, (status, data[:80])
    assert scan.tracebacks == []
    assert await _snapshot(services) == before
