"""The terminal's options: numbers always mean the question on screen, and
"Talk to a person" is a lettered action of its own, only where a desk is."""

import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.channels.console import ConsoleChannel
from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.services import Services, open_services


@pytest.fixture
async def desk_services(
    database_url: str, tmp_path: Path, clock: FrozenClock
) -> AsyncIterator[Services]:
    settings = Settings(
        database_url=database_url,
        mail_dir=tmp_path / "mail",
        messages_per_minute=10_000,
        slack_bot_token=SecretStr("xoxb-test"),
        slack_signing_secret=SecretStr("secret"),
        support_slack_channel="C0DESK",
        _env_file=None,  # type: ignore[call-arg]
    )
    built = open_services(settings, clock=clock)
    yield built
    await built.close()


async def _say(channel: ConsoleChannel, *lines: str) -> list[str]:
    before = len(channel.shown)
    for line in lines:
        await channel.handle_line(line)
    return [m.message_id for m in channel.shown[before:]]


async def test_the_offer_of_a_person_does_not_shift_the_numbers(
    desk_services: Services,
) -> None:
    out = io.StringIO()
    channel = ConsoleChannel(desk_services, "ann", out)
    seen = await _say(channel, "/start", "", "9", "<b>x</b>")
    assert seen[-1] == "handoff-offer"
    assert "  [?] " in out.getvalue() and "[7]" not in out.getvalue()
    # "1" is still the first language, not the person.
    assert await _say(channel, "1") == ["onboarding-ask-name"]


async def test_a_question_mark_asks_for_a_person(desk_services: Services) -> None:
    channel = ConsoleChannel(desk_services, "bea", io.StringIO())
    await _say(channel, "/start", "1", "Acme Labs", "bea@acme.com", "2")
    assert await _say(channel, "?") == ["handoff-opened"]


async def test_after_status_the_numbers_are_still_the_summarys(services: Services) -> None:
    out = io.StringIO()
    channel = ConsoleChannel(services, "cyd", out)
    await _say(channel, "/start", "1", "Acme Labs", "cyd@acme.com", "Euro")
    assert await _say(channel, "/status") == ["status-summary"]
    assert await _say(channel, "1") == ["onboarding-awaiting-email"]
    # No desk configured: no person is offered anywhere.
    assert "[?]" not in out.getvalue()


async def test_labels_match_without_accents_or_case(services: Services) -> None:
    channel = ConsoleChannel(services, "dee", io.StringIO())
    await _say(channel, "/start")
    assert await _say(channel, "ESPANOL") == ["onboarding-ask-name"]
    assert channel.language == "es"
