"""Production shape on PostgreSQL: `honcho start` brings up two `web` and one
`worker` process from the Procfile, and the test starts a second worker that
it kills with SIGKILL mid-batch. 200 Telegram users go through the flow at
once through a round-robin balancer in front of the two webs; confirmation
links are opened on either web. Every user finishes, every email is sent once
(the one row in flight when its worker died may go out again, an email
with the same Message-ID), and no reminder fires twice."""

import asyncio
import itertools
import os
import re
import signal
import sys
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from bot.channels.telegram.common import decode_callback
from bot.text.i18n import Translator
from storage.db import make_engine, make_sessionmaker
from storage.organizations import list_organizations
from tests.databases import migrated_database
from tests.doubles.telegram_api import TelegramApiDouble
from tests.smtp_server import Received, SmtpServer, free_port

ROOT = Path(__file__).resolve().parents[2]
USERS = int(os.environ.get("REPLICA_USERS", "200"))
TOKEN = "123456789:AAHtest-token_for_the-double-0123456789"
SECRET = "replica-webhook-secret"
FIRST_CHAT = 700_000
WAIT = 240.0
TRANSLATOR = Translator(ROOT / "locales")
_LINK = re.compile(r"/confirm/([A-Za-z0-9_-]+)")


def _first_line(message_id: str, **args: object) -> str:
    return TRANSLATOR.format("en", message_id, args).splitlines()[0]


class RoundRobin:
    """Telegram's webhook deliveries spread over the web processes, as a load
    balancer would."""

    def __init__(self, targets: list[str]) -> None:
        self.targets = itertools.cycle(targets)
        self.runner: web.AppRunner | None = None
        self.http: aiohttp.ClientSession | None = None

    async def forward(self, request: web.Request) -> web.Response:
        assert self.http is not None
        body = await request.read()
        headers = {k: v for k, v in request.headers.items() if k.lower().startswith("x-telegram")}
        headers["Content-Type"] = "application/json"
        async with self.http.post(next(self.targets), data=body, headers=headers) as response:
            return web.Response(status=response.status)

    async def start(self) -> str:
        self.http = aiohttp.ClientSession()
        app = web.Application()
        app.router.add_post("/telegram/webhook", self.forward)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        return f"http://127.0.0.1:{self.runner.addresses[0][1]}/telegram/webhook"

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()
        if self.http is not None:
            await self.http.close()


def _two_free_ports() -> int:
    while True:
        port = free_port()
        if port < 65000:
            try:
                import socket

                with socket.socket() as s:
                    s.bind(("127.0.0.1", port + 1))
                return port
            except OSError:
                continue


@pytest.fixture
async def pg_url(tmp_path: Path) -> AsyncIterator[str]:
    async with migrated_database("postgresql", tmp_path) as url:
        yield url


async def _healthy(url: str) -> None:
    async with aiohttp.ClientSession() as http:
        for _ in range(1200):
            try:
                async with http.get(f"{url}/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientConnectionError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError(f"{url} never became healthy")


async def _press(double: TelegramApiDouble, chat: int, value: str) -> None:
    for message in reversed(double.messages_in(chat)):
        for data in message.callback_data():
            decoded = decode_callback(data)
            if decoded and decoded[1] == value:
                await double.press(chat, message.message_id, data)
                return
    raise AssertionError(f"chat {chat}: no button {value}")


async def _every_user_mailed(smtp: SmtpServer) -> list[Received]:
    """Until each user has an email (a duplicate from the killed worker does
    not count twice)."""
    count = USERS
    while True:
        received = await asyncio.to_thread(smtp.mailbox.wait_for, count, WAIT)
        recipients = {str(item.message["To"]) for item in received}
        if len(recipients) == USERS:
            return received
        count = len(received) + USERS - len(recipients)


async def _journey(double: TelegramApiDouble, chat: int) -> None:
    steps = [
        ("say", "/start", 2),
        ("press", "en", 3),
        ("say", f"Replica Org {chat}", 4),
        ("say", f"owner{chat}@replica{chat}.example.com", 5),
        ("press", "EUR", 6),
        ("press", "save", 7),
    ]
    for kind, value, expected in steps:
        if kind == "say":
            await double.say(chat, value)
        else:
            await _press(double, chat, value)
        await double.wait_for_messages(chat, expected, within=WAIT)


async def test_two_webs_two_workers_many_users(pg_url: str, tmp_path: Path) -> None:
    smtp = SmtpServer()
    smtp.start()
    double = TelegramApiDouble(TOKEN)
    api_base = await double.start()
    chats = [FIRST_CHAT + n for n in range(USERS)]
    for chat in chats:
        double.add_user(chat)
    port = _two_free_ports()
    webs = [f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port + 1}"]
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
        "DATABASE_URL": pg_url,
        "PUBLIC_URL": webs[0],
        "SMTP_URL": smtp.url,
        "MAIL_DIR": str(tmp_path / "mail"),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE": api_base,
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
        "TELEGRAM_RATE_PER_CHAT": "10000",
        "TELEGRAM_CHAT_BURST": "10000",
        "TELEGRAM_RATE_OVERALL": "10000",
        "OUTBOX_LEASE": "PT5S",
        "WORKER_POLL_INTERVAL": "0.2",
        "REMINDER_DELAYS": "PT6S",
        "LOG_LEVEL": "WARNING",
        # Every simulated user opens its link from this one loopback address.
        "CONFIRM_ATTEMPTS_PER_IP_PER_MINUTE": "1000000",
    }
    honcho = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "honcho",
        "start",
        "-f",
        str(ROOT / "Procfile"),
        "-p",
        str(port),
        "-c",
        "web=2,worker=1",
        "web",
        "worker",
        env=env,
        cwd=tmp_path,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
        start_new_session=True,
    )
    doomed = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "worker",
        env=env,
        cwd=tmp_path,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    balancer = RoundRobin([f"{url}/telegram/webhook" for url in webs])
    try:
        for url in webs:
            await _healthy(url)
        double.webhook = (await balancer.start(), SECRET)

        journeys = asyncio.gather(*(_journey(double, chat) for chat in chats))
        # Kill the second worker with SIGKILL while it is busy sending.
        await asyncio.to_thread(smtp.mailbox.wait_for, max(1, USERS // 4), WAIT)
        doomed.send_signal(signal.SIGKILL)
        await doomed.wait()
        await journeys
        received = await _every_user_mailed(smtp)

        reminder = _first_line("email-reminder", email="x")[:30]
        for chat in chats:  # each user gets the one reminder, then nothing more
            await double.wait_for_messages(chat, 8, within=WAIT)
        tokens = {}
        for item in received:
            message = item.message
            part = message.get_body(preferencelist=("plain",))
            assert part is not None
            match = _LINK.search(str(part.get_content()))
            assert match
            tokens[str(message["To"])] = match.group(1)
        assert len(tokens) == USERS
        async with aiohttp.ClientSession() as http:

            async def confirm(n: int, token: str) -> None:
                async with http.post(f"{webs[n % 2]}/confirm/{token}") as response:
                    assert response.status == 200

            await asyncio.gather(*(confirm(n, t) for n, t in enumerate(tokens.values())))
        for chat in chats:
            await double.wait_for_messages(chat, 11, within=WAIT)  # …, credit, done

        ids = Counter(str(item.message["Message-ID"]) for item in received)
        assert len(ids) == USERS  # one email per user...
        # ...repeated at most for the one row the killed worker had in flight
        # (sent, not yet marked done): rows claimed but not started, or whose
        # lease ran out, are never sent by two workers.
        assert sum(ids.values()) - USERS <= 1
        # Payments are not set up here: confirmed means done.
        last = _first_line("onboarding-ready-no-payment", email="support@proficonf.com")
        reminders = Counter[int]()
        for chat in chats:
            texts = [m.text for m in double.messages_in(chat)]
            reminders[chat] = sum(reminder in text for text in texts)
            assert texts[-1].startswith(last), (chat, texts[-3:])
        # Each reminder timer fires once. Telegram has no idempotency key, so
        # a chat message the killed worker had in flight can arrive twice; that
        # one row is the only duplicate, whether it was an email or a reminder.
        duplicates = sum(n - 1 for n in reminders.values()) + sum(ids.values()) - USERS
        assert min(reminders.values()) == 1 and duplicates <= 1, reminders.most_common(3)
        engine = make_engine(pg_url)
        async with make_sessionmaker(engine)() as session:
            statuses = Counter(org.status for org in await list_organizations(session))
        await engine.dispose()
        assert statuses == {"confirmed": USERS}
    finally:
        await balancer.stop()
        if doomed.returncode is None:
            doomed.kill()
            await doomed.wait()
        os.killpg(honcho.pid, signal.SIGTERM)
        await asyncio.wait_for(honcho.wait(), 60)
        await double.stop()
        smtp.stop()
