"""The database goes away for a while (connections refused and dropped, via a
TCP proxy in front of the real PostgreSQL): the user is told, in their
language, to try again in a moment; nothing is half-written; when the
database is back the conversation continues where it was."""

import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.channels.console import ConsoleChannel
from bot.clock import FrozenClock
from bot.config import Settings
from bot.services import Services, open_services
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
