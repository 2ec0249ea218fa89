"""The issue's "done when", as real processes: a user completes the summary in
the terminal with SMTP_URL pointing at a local SMTP server, receives one
well-formed email in their language, confirms in a browser, and the running
chat moves on by itself, with the worker restarted in between."""

import asyncio
import os
import re
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.text.i18n import Translator
from tests.smtp_server import SmtpServer, free_port

ROOT = Path(__file__).resolve().parents[2]
T = Translator(ROOT / "locales")
LINK = re.compile(r"(http://127\.0\.0\.1:\d+/confirm/[A-Za-z0-9_-]+)")


@pytest.fixture
def env(database_url: str, tmp_path: Path, smtp_server: SmtpServer) -> dict[str, str]:
    port = free_port()
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "SMTP_URL": smtp_server.url,
        "MAIL_DIR": str(tmp_path / "mail"),
        "PORT": str(port),
        "PUBLIC_URL": f"http://127.0.0.1:{port}",
        "WORKER_POLL_INTERVAL": "0.2",
        "LANG": "C.UTF-8",
        "PYTHONUNBUFFERED": "1",
    }


_SPAWNED: list[asyncio.subprocess.Process] = []


@pytest.fixture(autouse=True)
async def no_leftovers() -> AsyncIterator[None]:
    """Whatever happens in a test, none of its processes outlive it."""
    yield
    while _SPAWNED:
        process = _SPAWNED.pop()
        if process.returncode is None:
            process.kill()
            await process.wait()


async def spawn(env: dict[str, str], *args: str) -> asyncio.subprocess.Process:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        env=env,
        cwd=Path(env["MAIL_DIR"]).parent,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    _SPAWNED.append(process)
    return process


async def start_worker(env: dict[str, str]) -> asyncio.subprocess.Process:
    worker = await spawn(env, "worker")
    await read_until(worker, "worker running")
    return worker


async def stop(process: asyncio.subprocess.Process) -> int:
    process.send_signal(signal.SIGTERM)
    return await asyncio.wait_for(process.wait(), timeout=30)


async def read_until(process: asyncio.subprocess.Process, text: str) -> str:
    assert process.stdout is not None
    seen = ""
    while text not in seen:
        line = await asyncio.wait_for(process.stdout.readline(), timeout=30)
        assert line, f"ended before {text!r}:\n{seen}"
        seen += line.decode()
    return seen


@pytest.fixture
async def web(env: dict[str, str]) -> AsyncIterator[str]:
    process = await spawn(env, "web")
    await read_until(process, "listening on")
    yield env["PUBLIC_URL"]
    assert await stop(process) == 0


async def test_summary_to_confirmed_over_smtp_with_a_worker_restart(
    env: dict[str, str], web: str, smtp_server: SmtpServer
) -> None:
    worker = await start_worker(env)
    chat = await spawn(env, "chat", "--user", "alice")
    assert chat.stdin is not None
    chat.stdin.write(b"/start\n3\nAcme Labs\nalice@acme.com\n2\n1\n")  # 3: Italiano
    await chat.stdin.drain()
    awaiting = T.format("it", "onboarding-awaiting-email", {"email": "a…@acme.com"})
    await read_until(chat, awaiting.splitlines()[0])

    (received,) = await asyncio.to_thread(smtp_server.mailbox.wait_for, 1)
    assert await stop(worker) == 0
    worker = await start_worker(env)  # restarted before the user clicks

    message = received.message
    assert received.rcpt_tos == ("alice@acme.com",)
    assert message["Content-Language"] == "it"
    assert message["Subject"] == T.format("it", "email-confirm-subject", {"name": "Acme Labs"})
    assert message.get_content_type() == "multipart/alternative" and not message.defects
    text = message.get_body(preferencelist=("plain",))
    assert text is not None
    (link,) = LINK.findall(str(text.get_content()))

    async with aiohttp.ClientSession() as http:
        async with http.get(link) as response:
            assert response.status == 200
        async with http.post(link) as response:
            assert response.status == 200

    # The chat, still running, is told by itself.
    shown = await read_until(chat, T.format("it", "email-confirmed"))
    assert "Traceback" not in shown
    ready = T.format("it", "onboarding-ready-no-payment", {"email": "support@proficonf.com"})
    await read_until(chat, ready.splitlines()[0])
    chat.stdin.close()
    assert await asyncio.wait_for(chat.wait(), timeout=30) == 0
    assert await stop(worker) == 0

    once = await spawn(env, "worker", "--once")
    assert await asyncio.wait_for(once.wait(), timeout=30) == 0
    assert len(smtp_server.mailbox.received) == 1  # one email, all along
