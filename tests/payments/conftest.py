"""A user with Stripe configured: the services talk to the loopback Stripe
double; the web app receives signed webhooks over real HTTP."""

import io
import json
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web
from pydantic import SecretStr

from bot.channels.console import ConsoleChannel
from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.services import Services, open_services
from bot.text.render import RenderedMessage
from bot.web import build_app
from storage import payments as payments_repo
from storage.organizations import list_organizations
from storage.payments import PaymentProfile
from tests.doubles.stripe_api import StripeDouble, sign
from tests.transcripts.mailbox import newest_token

WEBHOOK_SECRET = "whsec_test_0123456789"


@pytest.fixture
async def stripe_double(clock: FrozenClock) -> AsyncIterator[StripeDouble]:
    double = StripeDouble(now=lambda: clock.now().timestamp())
    await double.start()
    yield double
    await double.stop()


def with_stripe(settings: Settings, double: StripeDouble, **changes: object) -> Settings:
    return settings.model_copy(
        update={
            "stripe_secret_key": SecretStr(double.api_key),
            "stripe_webhook_secret": SecretStr(WEBHOOK_SECRET),
            "stripe_api_base": double.base_url,
            **changes,
        }
    )


@pytest.fixture
async def paying(
    settings: Settings, stripe_double: StripeDouble, clock: FrozenClock
) -> AsyncIterator[Services]:
    built = open_services(with_stripe(settings, stripe_double), clock=clock)
    yield built
    await built.close()


async def serve(services: Services) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(build_app(services.engine, services.translator, services.stripe_webhook))
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}"


class Payer:
    """One user in the terminal channel, going through the payment step."""

    def __init__(self, services: Services, web_url: str, double: StripeDouble) -> None:
        self.services = services
        self.web_url = web_url
        self.double = double
        self.channel = ConsoleChannel(services, "alice", io.StringIO())
        self.org_id = 0

    @property
    def shown(self) -> list[RenderedMessage]:
        return self.channel.shown

    async def say(self, *lines: str) -> list[str]:
        before = len(self.shown)
        for line in lines:
            await self.channel.handle_line(line)
        return [m.message_id for m in self.shown[before:]]

    async def sign_up(self, language: str = "en", currency: str = "EUR") -> list[str]:
        """To the payment step: returns what the user sees after confirming."""
        await self.say("/start", language, "Acme Labs", "alice@acme.com", currency, "save")
        token = newest_token(self.services.settings.mail_dir)
        url = f"{self.web_url}/confirm/{token}"
        async with aiohttp.ClientSession() as http, http.post(url) as response:
            assert response.status == 200
        async with self.services.engine.sessions() as session:
            (org,) = await list_organizations(session)
        self.org_id = org.id
        return await self.deliver()

    async def deliver(self) -> list[str]:
        before = len(self.shown)
        await self.channel.deliver_pending()
        return [m.message_id for m in self.shown[before:]]

    async def work(self) -> list[str]:
        """The worker drains the outbox once; returns what the user then sees."""
        await self.services.worker.drain_once()
        return await self.deliver()

    def link(self) -> str:
        for message in reversed(self.shown):
            for button in message.buttons:
                if button.url:
                    return button.url
        raise AssertionError("no link shown")

    def session_id(self) -> str:
        return self.link().rsplit("/", 1)[1]

    async def post(
        self,
        event: dict[str, object],
        *,
        secret: str = WEBHOOK_SECRET,
        timestamp: int | None = None,
        header: str | None = None,
        body: bytes | None = None,
    ) -> tuple[int, str]:
        payload = body if body is not None else json.dumps(event).encode()
        headers = {"Content-Type": "application/json"}
        signature = header if header is not None else sign(payload, secret, timestamp)
        if signature:
            headers["Stripe-Signature"] = signature
        async with (
            aiohttp.ClientSession() as http,
            http.post(f"{self.web_url}/stripe/webhook", data=payload, headers=headers) as response,
        ):
            return response.status, await response.text()

    async def profile(self) -> PaymentProfile:
        async with self.services.engine.sessions() as session:
            found = await payments_repo.get_profile(session, self.org_id)
        assert found is not None
        return found


@pytest.fixture
async def payer(paying: Services, stripe_double: StripeDouble) -> AsyncIterator[Payer]:
    runner, url = await serve(paying)
    yield Payer(paying, url, stripe_double)
    await runner.cleanup()
