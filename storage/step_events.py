"""Step events: written as conversations move, read by the funnel report."""

from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncSession

from .models import StepEventRow

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
    await session.execute(
        _INSERT,
        {
            "conversation_id": conversation_id,
            "channel": channel,
            "language": language,
            "step": step,
            "at": at,
        },
    )


_INSERT = cast(Table, StepEventRow.__table__).insert()


async def read_step_events(session: AsyncSession, since: datetime | None = None) -> list[StepEvent]:
    query = select(StepEventRow).order_by(
        StepEventRow.conversation_id, StepEventRow.at, StepEventRow.id
    )
    if since is not None:
        query = query.where(StepEventRow.at >= since)
    return [
        StepEvent(row.conversation_id, row.channel, row.language, row.step, row.at)
        for row in await session.scalars(query)
    ]
