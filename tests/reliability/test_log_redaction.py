"""Nothing secret reaches the log through exception text: a link token in a
malformed request line (which aiohttp quotes in its exception), in a
traceback, in a stack, in aiohttp's access log; configured secrets likewise;
in the plain and the JSON format. The log is captured from the handler the
app really configures (`configure_logging`), not from pytest's."""

import asyncio
import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from pydantic import SecretStr

from bot.config import Settings
from bot.services import Services, configure_logging
from bot.web import build_app

TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-tok"
STRIPE_KEY = "sk_test_redactme0123456789"
INTERNAL = "internal-token-that-matches-no-pattern"


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """The root handler `configure_logging` installs, writing to a buffer;
    the logging tree as it was is put back afterwards."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    touched = ["bot", "aiohttp.server", "aiohttp.access", "aiohttp.web"]
    levels = {name: logging.getLogger(name).level for name in touched}
    filters = logging.getLogger("aiohttp.server").filters[:]
    stream = io.StringIO()
    yield stream
    root.handlers[:], root.level = saved
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
    logging.getLogger("aiohttp.server").filters[:] = filters


def _log_to(stream: io.StringIO, settings: Settings, fmt: str) -> None:
    configure_logging(
        settings.model_copy(
            update={
                "log_format": fmt,
                "smtp_url": SecretStr("smtp://mail.test:25"),  # links are tokens, not kept
                "stripe_secret_key": SecretStr(STRIPE_KEY),
                "internal_api_token": SecretStr(INTERNAL),
            }
        )
    )
    for handler in logging.getLogger().handlers:
        assert isinstance(handler, logging.StreamHandler)
        handler.setStream(stream)
    # aiohttp's own loggers, as verbose as an operator might make them.
    for name in ("aiohttp.server", "aiohttp.access", "aiohttp.web"):
        logging.getLogger(name).setLevel(logging.DEBUG)


async def _raw(port: int, data: bytes) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(data)
    await writer.drain()
    try:
        return await asyncio.wait_for(reader.read(65536), 5)
    finally:
        writer.close()


@pytest.mark.parametrize("fmt", ["plain", "json"])
async def test_a_token_in_a_malformed_request_line_never_reaches_the_log(
    fmt: str, services: Services, captured: io.StringIO
) -> None:
    _log_to(captured, services.settings, fmt)
    runner = web.AppRunner(build_app(services.engine, services.translator))
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    port = runner.addresses[0][1]
    try:
        for line in (
            f"POST /confirm/{TOKEN} HTTP/9.9\r\nHost: x\r\n\r\n",
            f"GET /confirm/{TOKEN} HTTP/1.1\r\nHost x\r\n\r\n",
            f"GET /confirm/{TOKEN}\x00 HTTP/1.1\r\nHost: x\r\n\r\n",
            f"GET /confirm/{TOKEN} HTTP/1.1\r\nHost: x\r\nX: {TOKEN}\x00\r\n\r\n",
        ):
            answer = await _raw(port, line.encode())
            assert answer.split(b" ", 2)[1] == b"400", answer[:40]
        async with (
            aiohttp.ClientSession() as http,
            http.get(f"http://127.0.0.1:{port}/confirm/{TOKEN}") as response,
        ):
            assert response.status == 404  # logged by aiohttp.access at INFO
    finally:
        await runner.cleanup()
    text = captured.getvalue()
    assert "malformed HTTP request from 127.0.0.1 refused" in text  # the lines were logged...
    assert TOKEN not in text  # ...without the token
    assert "Traceback" not in text
    if fmt == "json":
        entries = [json.loads(line) for line in text.splitlines()]
        assert {e["logger"] for e in entries} >= {"aiohttp.server", "aiohttp.access"}


def _boom(secret: str) -> None:
    raise RuntimeError(f"failed at https://x.test/confirm/{TOKEN} with {secret}")


@pytest.mark.parametrize("fmt", ["plain", "json"])
def test_tracebacks_and_stacks_are_scrubbed_in_both_formats(
    fmt: str, settings: Settings, captured: io.StringIO
) -> None:
    _log_to(captured, settings, fmt)
    log = logging.getLogger("bot.test-redaction")
    for secret in (STRIPE_KEY, INTERNAL, "alice@acme.com"):
        try:
            _boom(secret)
        except RuntimeError:
            log.exception("step failed")
            log.warning("step failed", exc_info=True, stack_info=True)
    logging.getLogger("aiohttp.web").error("handler %s", f"/confirm/{TOKEN}", stack_info=True)
    text = captured.getvalue()
    for leaked in (TOKEN, STRIPE_KEY, INTERNAL, "alice@acme.com"):
        assert leaked not in text, leaked
    assert "/confirm/[token]" in text and "a…@acme.com" in text
    if fmt == "json":
        entries: list[dict[str, Any]] = [json.loads(line) for line in text.splitlines()]
        assert all("Traceback" in e["exception"] for e in entries if e["logger"] != "aiohttp.web")
        assert all("stack" in e for e in entries if e["level"] == "WARNING")
    else:
        assert text.count("Traceback") == 6 and "Stack (most recent call last)" in text
