"""Tickets and transcripts in the database: what `python -m bot tickets`
lists, and what `/delete` erases (the transcript; the ticket stays, anonymous
and closed). A terminal user; a desk is configured (a person is offered only
where one can answer) but unreachable, so no card is ever posted."""

import json
from datetime import timedelta

import pytest
from pydantic import SecretStr
from sqlalchemy import func, select

from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.services import Services
from conversations import Choice, Command, Text
from storage.models import HistoryRow, OutboxRow, TicketRow

from .test_cli import env, run_bot

__all__ = ["env"]  # fixture

USER = "bob"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """A Telegram desk on a loopback port nothing listens on: tickets open,
    cards never get posted."""
    return settings.model_copy(
        update={
            "telegram_bot_token": SecretStr("123456789:AAHtest-token_for_the-double-0123456789"),
            "telegram_api_base": "http://127.0.0.1:9",
            "support_telegram_chat_id": -1001234567890,
        }
    )


async def _say(services: Services, event: Choice | Command | Text) -> list[str]:
    outcome = await services.engine.handle("console", USER, event)
    return [reply.message_id for reply in outcome.replies]


async def _count(services: Services, table: type) -> int:
    async with services.engine.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def _transcript_lines(services: Services) -> int:
    """`history` rows with an identity (step events stay, anonymous)."""
    async with services.engine.sessions() as session:
        query = select(func.count()).where(HistoryRow.identity_id.is_not(None))
        return int(await session.scalar(query) or 0)


async def test_tickets_are_listed_with_timings_and_erased_with_the_user(
    services: Services, clock: FrozenClock, env: dict[str, str]
) -> None:
    await _say(services, Command(name="start"))
    await _say(services, Choice(value="en"))
    assert await _say(services, Choice(value="handoff")) == ["handoff-opened"]
    assert await _say(services, Text(text="Is anyone there?")) == []
    clock.advance(timedelta(minutes=11))
    await services.worker.tick()

    code, out, err = await run_bot(env, "tickets", "--json")
    assert code == 0, err
    (ticket,) = json.loads(out)
    assert ticket["status"] == "escalated" and ticket["desks"] == []
    assert ticket["wait_seconds"] == 660 and ticket["taken_at"] is None

    assert await _transcript_lines(services) > 0
    await _say(services, Command(name="delete"))
    assert await _say(services, Choice(value="yes")) == ["delete-done"]
    assert await _transcript_lines(services) == 0
    assert await _count(services, OutboxRow) == 0  # no desk: no card to blank
    async with services.engine.sessions() as session:
        (row,) = await session.scalars(select(TicketRow))
        assert row.identity_id is None
    code, out, err = await run_bot(env, "tickets", "--json")
    assert code == 0, err
    (ticket,) = json.loads(out)
    assert (ticket["status"], ticket["resolution"]) == ("closed", "erased")
    assert ticket["wait_seconds"] == 660
