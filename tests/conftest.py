"""Fixtures for the whole suite: a migrated database per test on each backend,
settings, services, the web app, a real SMTP server.

This file is imported before any test is collected, so it imports only what
is cheap: the composition root (`bot.services`, which pulls in SQLAlchemy,
Stripe, the payment and handoff code) and pydantic settings are imported in
the fixtures that build them, and a run of `tests/conversations` alone never
loads them."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot.ops.clock import FrozenClock
from tests import databases
from tests.databases import BACKENDS, migrated_database

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.services import Services
    from tests.smtp_server import SmtpServer


# Modules whose tests start `python -m bot` processes (each imports the bot and
# often a Telegram library: seconds of CPU) or a browser. Run first, so that
# xdist's workers end on short tests instead of one waiting for another's
# last long one; the order within each group stays as collected.
_LONG_MODULES = frozenset(
    {
        "tests/reliability/test_web_crashes.py",
        "tests/reliability/test_replicas.py",
        "tests/reliability/test_telegram_polling_crash.py",
        "tests/reliability/test_worker_crash.py",
        "tests/reliability/test_invitation_crash.py",
        "tests/reliability/test_slack_crash.py",
        "tests/reliability/test_http_fuzz_configured.py",
        "tests/reliability/test_secret_rotation.py",
        "tests/bot/test_telegram_process.py",
        "tests/bot/test_telegram_transcripts.py",
        "tests/bot/test_telegram_limits.py",
        "tests/bot/test_cli.py",
        "tests/bot/test_done_when.py",
        "tests/bot/test_production.py",
        "tests/payments/test_cli_payments.py",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.nodeid.split("::", 1)[0] not in _LONG_MODULES)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: half as many workers again as cores. Many tests spend much
    of their time waiting (a child process starting, a browser, a rate
    limit's second), so a third worker fills the cores they leave idle: on 2
    cores the whole suite took 9 min 37 s with 3 workers, 11 min 20 s with 2."""
    cores = os.cpu_count() or 1
    return max(1, cores * 3 // 2)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Drop the template and copies this process made (each xdist worker has its own)."""
    databases.drop_templates()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def database_url(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    async with migrated_database(backend, tmp_path) as url:
        yield url


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    from bot.config import Settings

    return Settings(
        database_url=database_url,
        mail_dir=tmp_path / "mail",
        public_url="http://127.0.0.1:8080",
        # Scripted users type many messages at one frozen instant; the message
        # limit has its own tests (tests/reliability/test_limits.py).
        messages_per_minute=10_000,
        _env_file=None,  # type: ignore[call-arg]
    )


@pytest.fixture
async def services(settings: Settings, clock: FrozenClock) -> AsyncIterator[Services]:
    from bot.services import open_services

    built = open_services(settings, clock=clock)
    yield built
    await built.close()


@pytest.fixture
async def web_url(services: Services) -> AsyncIterator[str]:
    """The real web app on a free loopback port."""
    from aiohttp import web

    from bot.web import build_app

    runner = web.AppRunner(build_app(services.engine, services.translator, services.stripe_webhook))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A real SMTP server (aiosmtpd) on a free loopback port."""
    from tests.smtp_server import SmtpServer

    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
async def smtp_services(
    settings: Settings, clock: FrozenClock, smtp_server: SmtpServer
) -> AsyncIterator[Services]:
    """Services whose mailer is SMTP to `smtp_server`, picked by the composition root."""
    from pydantic import SecretStr

    from bot.services import open_services

    built = open_services(
        settings.model_copy(update={"smtp_url": SecretStr(smtp_server.url)}), clock=clock
    )
    yield built
    await built.close()
