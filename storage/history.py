"""The `history` table's one writer: a step's transcript lines and step
events, in one insert (`models.HistoryRow` says what each kind of row is).
Readers: `tickets` (the transcript), `step_events` (the funnel)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from ._dialect import table
from .models import HistoryRow

__all__ = ["StepEntered", "write"]

_ROWS = table(HistoryRow)
_INSERT = _ROWS.insert()
# Every row of an executemany names the same columns: what a kind leaves out is NULL.
_LINE = {"conversation_id": None, "channel": None, "language": None, "step": None}
_STEP = {"identity_id": None, "author": None, "text": None}


@dataclass(frozen=True, slots=True)
class StepEntered:
    """A conversation entering a step (no identity: see `HistoryRow`)."""

    conversation_id: int
    channel: str
    language: str
    step: str


async def write(
    session: AsyncSession,
    now: datetime,
    *,
    identity_id: int | None = None,
    lines: Sequence[tuple[str, str]] = (),
    steps: Sequence[StepEntered] = (),
) -> None:
    """(author, redacted text) lines of `identity_id`'s transcript, in order,
    and step events: one statement (nothing when both are empty)."""
    rows: list[dict[str, Any]] = [
        {**_LINE, "identity_id": identity_id, "author": author, "text": text, "at": now}
        for author, text in lines
    ]
    rows += [
        {
            **_STEP,
            "conversation_id": entered.conversation_id,
            "channel": entered.channel,
            "language": entered.language,
            "step": entered.step,
            "at": now,
        }
        for entered in steps
    ]
    if not rows:
        return
    assert identity_id is not None or not lines
    connection = await session.connection()
    await connection.execute(_INSERT, rows if len(rows) > 1 else rows[0])
