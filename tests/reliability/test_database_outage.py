"""The database goes away for a while (connections refused and dropped, via a
TCP proxy in front of the real PostgreSQL): the user is told, in their
language, to try again in a moment; nothing is half-written; when the
database is back the conversation continues where it was. The web side says
so too: /metrics reports `onboarding_database_up 0` (and no made-up outbox
depth), and the pages answer a localized 503 with `Retry-After`."""

import html
import io
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from bot.channels.console import ConsoleChannel
from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.services import Services, open_services
from bot.web import build_app
from tests.databases import PG_HOST, PG_PORT, migrated_database
from tests.doubles.tcp_proxy import TcpProxy


@pytest.fixture
async def proxy() -> AsyncIterator[TcpProxy]:
    forwarder = TcpProxy(PG_HOST, PG_PORT)
    await forwarder.start()
    yield forwarder
    await forwarder.stop()


@pytest.fixture
async def outage_services(proxy: TcpProxy, tmp_path: Path) -> AsyncIterator[Services]:
    async with migrated_database("postgresql", tmp_path) as url:
        proxied = url.replace(f"{PG_HOST}:{PG_PORT}", f"127.0.0.1:{proxy.port}")
        settings = Settings(database_url=proxied, mail_dir=tmp_path / "mail", _env_file=None)  # type: ignore[call-arg]
        services = open_services(settings, clock=FrozenClock())
        yield services
        await services.close()


async def test_outage_is_answered_and_nothing_is_half_written(
    outage_services: Services, proxy: TcpProxy
) -> None:
    channel = ConsoleChannel(outage_services, "outage", io.StringIO())
    for line in ["/start", "2", "Acme"]:  # Russian; now at the email step
        await channel.handle_line(line)
    assert channel.shown[-1].message_id == "onboarding-ask-email"

    proxy.cut()
    await outage_services.db.dispose()  # pooled connections died with the cut
    await channel.handle_line("alice@acme.com")
    told = channel.shown[-1]
    assert told.message_id == "error-try-again"
    assert told.text == outage_services.translator.format("ru", "error-try-again")

    proxy.restore()
    await channel.handle_line("/status")
    assert channel.shown[-1].message_id == "status-summary"
    assert "alice@acme.com" not in channel.shown[-1].text  # the lost step left no trace
    await channel.handle_line("alice@acme.com")
    assert channel.shown[-1].message_id == "onboarding-ask-currency"


@pytest.fixture
async def outage_web(outage_services: Services) -> AsyncIterator[str]:
    runner = web.AppRunner(build_app(outage_services.engine, outage_services.translator))
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    await runner.cleanup()


def _gauges(text: str) -> dict[str, float]:
    found = {}
    for line in text.splitlines():
        if line.startswith("onboarding_") and "{" not in line:
            name, value = line.split()
            found[name] = float(value)
    return found


async def test_metrics_say_the_database_is_down_and_invent_no_depth(
    outage_services: Services, proxy: TcpProxy, outage_web: str
) -> None:
    channel = ConsoleChannel(outage_services, "metrics", io.StringIO())
    outage_services.worker.runners.clear()  # the confirmation email stays queued
    for line in ["/start", "1", "Acme", "alice@acme.com", "2", "1"]:
        await channel.handle_line(line)
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{outage_web}/metrics") as response:
            up = _gauges(await response.text())
        assert up["onboarding_database_up"] == 1
        assert up["onboarding_outbox_depth"] >= 1

        proxy.cut()
        await outage_services.db.dispose()
        async with http.get(f"{outage_web}/metrics") as response:
            assert response.status == 200  # the scrape itself works: it reports the outage
            down = _gauges(await response.text())
        assert down["onboarding_database_up"] == 0
        for unknown in (
            "onboarding_outbox_depth",
            "onboarding_outbox_oldest_age_seconds",
            "onboarding_handoffs_open",
        ):
            assert unknown not in down
        async with http.get(f"{outage_web}/readyz") as response:
            assert response.status == 503

        proxy.restore()
        async with http.get(f"{outage_web}/metrics") as response:
            back = _gauges(await response.text())
        assert back["onboarding_database_up"] == 1
        assert back["onboarding_outbox_depth"] == up["onboarding_outbox_depth"]


PAGES = [
    ("GET", "/confirm/AbCdEfGhIjKlMnOpQrStUvWxYz012345", {"Accept-Language": "ru"}, "ru"),
    ("POST", "/confirm/AbCdEfGhIjKlMnOpQrStUvWxYz012345", {"Accept-Language": "it"}, "it"),
    ("GET", "/payment/done?lang=es", {}, "es"),
    ("GET", "/payment/cancelled?lang=pt-BR", {}, "pt-BR"),
    ("GET", "/payment/done", {}, "en"),
]


async def test_pages_answer_a_localized_503_while_the_database_is_away(
    outage_services: Services, proxy: TcpProxy, outage_web: str
) -> None:
    translator = outage_services.translator
    proxy.cut()
    await outage_services.db.dispose()
    async with aiohttp.ClientSession() as http:
        for method, path, headers, language in PAGES:
            async with http.request(method, f"{outage_web}{path}", headers=headers) as response:
                assert response.status == 503, path
                assert response.headers["Retry-After"] == "60"
                text = await response.text()
            assert html.escape(translator.format(language, "web-unavailable-text")) in text, path
            assert "Traceback" not in text and "asyncpg" not in text
        proxy.restore()
        async with http.get(f"{outage_web}{PAGES[0][1]}") as response:
            assert response.status == 404  # back: the made-up token is simply unknown
        async with http.get(f"{outage_web}/payment/done") as response:
            assert response.status == 200
