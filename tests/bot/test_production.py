"""Health, readiness, metrics, logs, the funnel and data deletion."""

import asyncio
import io
import json
import logging
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest
from pydantic import SecretStr
from sqlalchemy import JSON, String, Text, select

from bot.channels.console import ConsoleChannel
from bot.config import Settings
from bot.ops import logs
from bot.ops.clock import FrozenClock
from bot.ops.funnel import build_funnel, format_funnel
from bot.services import Services, open_services
from storage.models import Base
from storage.step_events import read_step_events
from tests.databases import PG_HOST, PG_PORT, migrated_database
from tests.doubles.tcp_proxy import TcpProxy
from tests.transcripts.mailbox import newest_token


@pytest.fixture
def settings(settings: Settings, request: pytest.FixtureRequest) -> Settings:
    """With the `desk` mark: a Telegram desk on a loopback port nothing
    listens on, since a person is offered only where a desk is configured."""
    if request.node.get_closest_marker("desk") is None:
        return settings
    return settings.model_copy(
        update={
            "telegram_bot_token": SecretStr("123456789:AAHtest-token_for_the-double-0123456789"),
            "telegram_api_base": "http://127.0.0.1:9",
            "support_telegram_chat_id": -1001234567890,
        }
    )


async def _get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http, http.get(url) as response:
        return response.status, await response.text()


async def _confirm(services: Services, web_url: str) -> None:
    token = newest_token(services.settings.mail_dir)
    async with aiohttp.ClientSession() as http, http.post(f"{web_url}/confirm/{token}") as r:
        assert r.status == 200


async def _walk(services: Services, user: str, lines: list[str]) -> ConsoleChannel:
    channel = ConsoleChannel(services, user, io.StringIO())
    for line in lines:
        await channel.handle_line(line)
    return channel


TO_SAVE = ["/start", "1", "Acme Labs", "alice@acme.com", "2", "1"]


async def test_healthz_and_readyz(web_url: str) -> None:
    assert (await _get(f"{web_url}/healthz"))[0] == 200
    status, body = await _get(f"{web_url}/readyz")
    assert status == 200 and json.loads(body) == {"status": "ok"}


async def test_readyz_fails_when_the_database_is_down_and_recovers(tmp_path: Path) -> None:
    from aiohttp import web

    from bot.web import build_app

    proxy = TcpProxy(PG_HOST, PG_PORT)
    await proxy.start()
    async with migrated_database("postgresql", tmp_path) as url:
        proxied = url.replace(f"{PG_HOST}:{PG_PORT}", f"127.0.0.1:{proxy.port}")
        settings = Settings(database_url=proxied, mail_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]
        services = open_services(settings)
        runner = web.AppRunner(build_app(services.engine, services.translator))
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        base = f"http://127.0.0.1:{runner.addresses[0][1]}"
        try:
            assert (await _get(f"{base}/readyz"))[0] == 200
            proxy.cut()
            await services.db.dispose()  # pooled connections went with the cut
            status, body = await _get(f"{base}/readyz")
            assert status == 503 and json.loads(body)["database"] == "down"
            assert (await _get(f"{base}/healthz"))[0] == 200  # the process itself is fine
            proxy.restore()
            assert (await _get(f"{base}/readyz"))[0] == 200
        finally:
            await runner.cleanup()
            await services.close()
    await proxy.stop()


async def test_readyz_fails_when_migrations_are_behind(tmp_path: Path) -> None:
    from aiohttp import web

    from bot.web import build_app

    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}",
        mail_dir=tmp_path,
        _env_file=None,  # type: ignore[call-arg]
    )
    services = open_services(settings)
    runner = web.AppRunner(build_app(services.engine, services.translator))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        status, body = await _get(f"http://127.0.0.1:{runner.addresses[0][1]}/readyz")
        assert status == 503 and json.loads(body)["migrations"] == "behind"
    finally:
        await runner.cleanup()
        await services.close()


def _sample(text: str, name: str, labels: str) -> float:
    for line in text.splitlines():
        if line.startswith(f"{name}{{{labels}}}") or (not labels and line.startswith(name + " ")):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


@pytest.mark.desk
async def test_metrics_move(services: Services, web_url: str) -> None:
    _, before = await _get(f"{web_url}/metrics")
    channel = await _walk(services, "m", TO_SAVE[:-1])
    services.worker.runners.clear()  # keep the next email queued to see the outbox gauge
    await channel.handle_line("1")
    _, after = await _get(f"{web_url}/metrics")
    updates = 'channel="console"'
    name = "onboarding_updates_total"
    assert _sample(after, name, updates) - _sample(before, name, updates) == len(TO_SAVE)
    transition = 'from_step="summary",to_step="awaiting_email"'
    name = "onboarding_step_transitions_total"
    assert _sample(after, name, transition) - _sample(before, name, transition) == 1
    assert _sample(after, "onboarding_outbox_depth", "") == 1
    assert "onboarding_outbox_oldest_age_seconds" in after
    assert _sample(after, "onboarding_handoffs_open", "") == 0
    await channel.handle_line("/help")  # the help text offers a person...
    await channel.handle_line("?")  # ...lettered, never a number, and the user takes it
    _, later = await _get(f"{web_url}/metrics")
    assert _sample(later, "onboarding_handoffs_open", "") == 1


async def test_funnel_matches_a_hand_counted_scenario(
    services: Services, clock: FrozenClock, web_url: str
) -> None:
    async def walk(user: str, lines: list[str], minutes: int) -> None:
        channel = ConsoleChannel(services, user, io.StringIO())
        for line in lines:
            await channel.handle_line(line)
            clock.advance(timedelta(minutes=minutes))

    await walk("a", TO_SAVE, 1)  # saved: reaches awaiting_email
    await _confirm(services, web_url)  # ...and done (no payment step without Stripe)
    await walk("b", TO_SAVE[:4], 2)  # stops at currency
    await walk("c", ["/start", "3", "Acme"], 3)  # Italian, stops at email
    await walk("d", ["/start"], 1)  # only looked
    funnel = build_funnel(await _read(services))
    assert funnel.reached == {
        "language": 4,
        "name": 3,
        "email": 3,
        "currency": 2,
        "summary": 1,
        "awaiting_email": 1,
        # Payments are not configured here: a confirmed organization is done.
        "payment": 0,
        "done": 1,
    }
    assert funnel.drop_off("email") == 1 and funnel.drop_off("currency") == 1
    assert funnel.median_seconds["name"] == 120.0  # a: 1 min, b: 2 min, c: 3 min
    assert funnel.median_seconds["payment"] is None
    assert funnel.by_language["it"]["email"] == 1
    assert funnel.by_channel["console"]["language"] == 4
    table = format_funnel(funnel)
    assert "awaiting_email" in table and "by language" in table


async def _read(services: Services) -> list:  # type: ignore[type-arg]
    async with services.engine.sessions() as session:
        return await read_step_events(session)


async def test_funnel_cli_prints_and_draws(services: Services, tmp_path: Path) -> None:
    await _walk(services, "f", TO_SAVE[:3])
    png = tmp_path / "funnel.png"
    process = await asyncio.create_subprocess_exec(
        "python",
        "-m",
        "bot",
        "funnel",
        "--since",
        "2020-01-01",
        "--png",
        str(png),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={"DATABASE_URL": services.settings.database_url, "PATH": _path()},
    )
    out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    assert "language" in out.decode() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _path() -> str:
    import os
    import sys

    return f"{Path(sys.executable).parent}:{os.environ['PATH']}"


def test_json_logs_mask_emails_and_secrets() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(logs.RedactingFilter())
    handler.setFormatter(logs.JsonFormatter())
    logger = logging.getLogger("bot.test-logs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        logger.info(
            "mail to %s with token 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1 and link "
            "https://x.test/confirm/AbCdEfGhIjKlMnOpQrStUvWxYz012345 key sk_test_abcdef123456",
            "alice@acme.com",
            extra={"channel": "telegram", "step": "email", "duration_ms": 1.5},
        )
    finally:
        logger.removeHandler(handler)
    entry = json.loads(stream.getvalue())
    assert entry["message"].startswith("mail to a…@acme.com")
    assert "AAHdq" not in entry["message"] and "sk_test" not in entry["message"]
    assert "/confirm/[token]" in entry["message"]
    assert (entry["channel"], entry["step"], entry["duration_ms"]) == ("telegram", "email", 1.5)


async def test_one_log_line_per_update(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="bot.steps.engine"):
        await _walk(services, "logme", ["/start", "1"])
    lines = [
        r for r in caplog.records if r.name == "bot.steps.engine" and r.getMessage() == "update"
    ]
    assert [(r.channel, r.step) for r in lines] == [("console", "language"), ("console", "name")]  # type: ignore[attr-defined]
    assert all(r.duration_ms >= 0 for r in lines)  # type: ignore[attr-defined]


async def test_delete_leaves_no_personal_data_anywhere(services: Services, web_url: str) -> None:
    name, email, user = "Zyxwv Holdings", "zyxwv.person@zyxwv-example.com", "zyxwv-user"
    channel = await _walk(services, user, ["/start", "1", name, email, "1", "1"])
    await _confirm(services, web_url)
    await channel.handle_line("/delete")
    await channel.handle_line("1")  # yes
    assert channel.shown[-1].message_id == "delete-done"
    # The company's domain stays with the organization (it is what the
    # once-per-domain credit rule is about); nothing that names the person does.
    found = await _text_containing(services, [name, email, user, "zyxwv.person", "holdings"])
    assert found == []
    async with services.engine.sessions() as session:
        assert len(await read_step_events(session)) >= 7  # anonymous counts stay
    # The organization stays, detached and anonymous.
    from storage.organizations import list_organizations

    async with services.engine.sessions() as session:
        (org,) = await list_organizations(session)
    assert (org.identity_id, org.name, org.email, org.status) == (None, None, None, "confirmed")


async def _text_containing(services: Services, needles: list[str]) -> list[str]:
    hits = []
    async with services.engine.sessions() as session:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String | Text | JSON)]
            for column in columns:
                for value in await session.scalars(select(column)):
                    text = json.dumps(value) if not isinstance(value, str) else value
                    hits += [
                        f"{table.name}.{column.name}"
                        for needle in needles
                        if needle.lower() in (text or "").lower()
                    ]
    return hits
