"""Done when: from the terminal channel, with the `web` and `worker` processes
running against the Stripe double, a user in each language gets a Checkout
link with the right methods and locale, a signed checkout.session.completed
arrives, the chat reports the saved method, and a replay changes nothing."""

import asyncio
import json
import re
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import aiohttp
import pytest

from bot.config import Settings
from bot.services import open_services
from conversations import LANGUAGES, SavedMethod, method_args
from storage.organizations import list_organizations
from storage.payments import get_profile
from tests.bot.test_cli import TRANSLATOR, line, run_bot
from tests.bot.test_cli import env as env  # the same environment fixture
from tests.doubles.stripe_api import StripeDouble, sign
from tests.payments.conftest import WEBHOOK_SECRET
from tests.transcripts.mailbox import messages, newest_token

# One user per language; EUR users save SEPA, USD users a card.
PLAN = [
    ("en", "USD", SavedMethod(kind="card", brand="visa", last4="4242")),
    (
        "ru",
        "EUR",
        SavedMethod(
            kind="sepa_debit", brand="37040044", last4="3000", country="DE", mandate="pending"
        ),
    ),
    ("it", "USD", SavedMethod(kind="card", brand="mastercard", last4="4444")),
    ("pt-BR", "EUR", SavedMethod(kind="card", brand="amex", last4="0005")),
    (
        "es",
        "EUR",
        SavedMethod(
            kind="sepa_debit", brand="37040044", last4="3000", country="DE", mandate="active"
        ),
    ),
]


@pytest.fixture
def backend() -> str:
    """Real processes on the local default; the in-process payment tests run on
    both SQLite and PostgreSQL."""
    return "sqlite"


@pytest.fixture
async def stripe_api() -> AsyncIterator[StripeDouble]:
    double = StripeDouble()  # real time: the processes use the system clock
    await double.start()
    yield double
    await double.stop()


@pytest.fixture
def stripe_env(env: dict[str, str], stripe_api: StripeDouble) -> dict[str, str]:
    return {
        **env,
        "STRIPE_SECRET_KEY": stripe_api.api_key,
        "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "STRIPE_API_BASE": stripe_api.base_url,
        "WORKER_POLL_INTERVAL": "0.2",
    }


@pytest.fixture
async def processes(stripe_env: dict[str, str]) -> AsyncIterator[str]:
    """`web` and `worker`, as the Procfile runs them."""
    cwd = Path(stripe_env["MAIL_DIR"]).parent
    started = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            name,
            env=stripe_env,
            cwd=cwd,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        for name in ("web", "worker")
    ]
    url = stripe_env["PUBLIC_URL"]
    async with aiohttp.ClientSession() as http:
        for _ in range(400):
            try:
                async with http.get(f"{url}/healthz") as response:
                    if response.status == 200:
                        break
            except aiohttp.ClientConnectionError:
                await asyncio.sleep(0.05)
    yield url
    for process in started:
        process.terminate()
        assert await asyncio.wait_for(process.wait(), timeout=20) == 0


async def until(check: Callable[[], Awaitable[bool]], what: str) -> None:
    for _ in range(600):
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


class Chat:
    """`python -m bot chat` left running, as a user would: it prints what other
    processes (web, worker) leave for the user while it waits for input."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.seen = ""

    @classmethod
    async def start(cls, env: dict[str, str], user: str) -> "Chat":
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "chat",
            "--user",
            user,
            env=env,
            cwd=Path(env["MAIL_DIR"]).parent,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
        )
        return cls(process)

    async def type(self, *lines: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("".join(f"{text}\n" for text in lines).encode())
        await self.process.stdin.drain()

    async def wait_for(self, text: str) -> str:
        assert self.process.stdout is not None
        while text not in self.seen:
            chunk = await asyncio.wait_for(self.process.stdout.readline(), timeout=30)
            assert chunk, f"chat ended before showing {text!r}:\n{self.seen}"
            self.seen += chunk.decode()
        return self.seen

    async def finish(self) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        rest = await asyncio.wait_for(self.process.stdout.read(), timeout=30)
        self.seen += rest.decode()
        assert await self.process.wait() == 0
        return self.seen


async def test_each_language_saves_a_method_from_the_terminal(
    stripe_env: dict[str, str], stripe_api: StripeDouble, processes: str
) -> None:
    settings = Settings(database_url=stripe_env["DATABASE_URL"], _env_file=None)  # type: ignore[call-arg]
    observer = open_services(settings)  # reads the database; Stripe is not configured here
    mail_dir = Path(stripe_env["MAIL_DIR"])
    try:
        for index, (language, currency, method) in enumerate(PLAN):
            chat = await Chat.start(stripe_env, f"user-{index}")
            number = str(LANGUAGES.index(language) + 1)
            pick = "1" if currency == "USD" else "2"
            await chat.type(
                "/start", number, f"Acme {index}", f"u{index}@acme{index}.com", pick, "1"
            )
            await chat.wait_for(
                line(language, "onboarding-awaiting-email", email=f"u…@acme{index}.com")
            )

            async def mailed(count: int = index + 1) -> bool:
                return len(messages(mail_dir)) == count

            await until(mailed, "the confirmation email")
            async with (
                aiohttp.ClientSession() as http,
                http.post(f"{processes}/confirm/{newest_token(mail_dir)}") as response,
            ):
                assert response.status == 200

            label = TRANSLATOR.format(language, "button-open-payment-link")
            await chat.wait_for(f"{label}: ")
            assert line(language, "payment-ask", currency=currency) in chat.seen
            if currency == "USD":
                assert line(language, "payment-card-only-usd") in chat.seen
            async with observer.engine.sessions() as session:
                org_id = (await list_organizations(session))[-1].id
            (checkout,) = [
                s for s in stripe_api.sessions.values() if s["client_reference_id"] == str(org_id)
            ]
            assert f"{label}: {checkout['url']}" in chat.seen
            assert checkout["locale"] == language
            methods = ["card", "sepa_debit"] if currency == "EUR" else ["card"]
            assert checkout["payment_method_types"] == methods

            if method.kind == "card":
                event = stripe_api.complete(
                    checkout["id"], "card", brand=method.brand, last4=method.last4
                )
            else:
                event = stripe_api.complete(
                    checkout["id"],
                    "sepa_debit",
                    last4=method.last4,
                    mandate_status=method.mandate,
                )
            body = json.dumps(event).encode()
            headers = {"Stripe-Signature": sign(body, WEBHOOK_SECRET)}
            done = line(language, "onboarding-done", **method_args(method))
            async with aiohttp.ClientSession() as http:
                async with http.post(
                    f"{processes}/stripe/webhook", data=body, headers=headers
                ) as response:
                    assert (response.status, await response.text()) == (200, "ok")
                await chat.wait_for(done)
                for _ in range(2):  # the replay changes nothing and tells nothing
                    async with http.post(
                        f"{processes}/stripe/webhook", data=body, headers=headers
                    ) as response:
                        assert (response.status, await response.text()) == (200, "duplicate")
            await chat.type("/status")
            seen = await chat.finish()
            assert seen.count(done) == 1
            async with observer.engine.sessions() as session:
                profile = await get_profile(session, org_id)
            assert profile is not None and profile.status == "saved"
        _, out, _ = await run_bot(stripe_env, "orgs", "--json")
        payments = [org["payment"] for org in json.loads(out)]
        assert payments[0] == {"status": "saved", "type": "card", "brand": "visa", "last4": "4242"}
        assert payments[1] == {
            "status": "saved",
            "type": "sepa_debit",
            "bank": "37040044",
            "country": "DE",
            "mandate": "pending",
            "last4": "3000",
            "sepa_debit": "offered",  # EUR organizations: whether the account offers SEPA
        }
        assert len(stripe_api.customers) == len(PLAN) == len(stripe_api.sessions)
        _, out, _ = await run_bot(stripe_env, "orgs")
        assert re.search(r"payment: Visa •••• 4242", out)
    finally:
        await observer.close()
