"""Step events: written as conversations move (with the step's transcript
lines: `storage/history`), read by the funnel report."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from . import history
from .models import HistoryRow

__all__ = ["StepEvent", "read_step_events", "record_step"]


@dataclass(frozen=True, slots=True)
class StepEvent:
    conversation_id: int
    channel: str
    language: str
    step: str
    at: datetime


async def record_step(
    session: AsyncSession,
    *,
    conversation_id: int,
    channel: str,
    language: str,
    step: str,
    at: datetime,
) -> None:
    """One step event alone (a step's own go with its lines: `history.write`)."""
    entered = history.StepEntered(conversation_id, channel, language, step)
    await history.write(session, at, steps=[entered])


async def read_step_events(session: AsyncSession, since: datetime | None = None) -> list[StepEvent]:
    query = (
        select(
            HistoryRow.conversation_id,
            HistoryRow.channel,
            HistoryRow.language,
            HistoryRow.step,
            HistoryRow.at,
        )
        .where(HistoryRow.step.is_not(None))
        .order_by(HistoryRow.conversation_id, HistoryRow.at, HistoryRow.id)
    )
    if since is not None:
        query = query.where(HistoryRow.at >= since)
    return [
        StepEvent(conv or 0, str(channel), str(language), str(step), at)
        for conv, channel, language, step, at in await session.execute(query)
    ]
