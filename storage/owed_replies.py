"""Replies a step made but a channel has not sent yet, kept on the delivery's
dedupe row. A process that dies between the step's commit and the sending
leaves them here; when the platform delivers the update again it is a
duplicate for the engine, and the channel sends what is owed instead of
nothing. Cleared once sent.

A step usually writes them with the dedupe row itself (`mark_processed(...,
replies=)`, one insert); `owe` is for a row taken earlier in the transaction."""

from typing import Any

from sqlalchemy import bindparam, null, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from ._dialect import table
from .models import ProcessedUpdateRow

__all__ = ["owe", "owed", "paid", "paid_on"]

# Built once: these run on every update that answers.
_ROWS = table(ProcessedUpdateRow)
# (Bound names differ from the columns': an UPDATE reserves those for SET.)
_THE_ROW = (_ROWS.c.source == bindparam("b_source")) & (_ROWS.c.key == bindparam("b_key"))
_OWE = _ROWS.update().where(_THE_ROW).values(replies=bindparam("b_replies"))
_PAID = _ROWS.update().where(_THE_ROW).values(replies=null())
_OWED = select(_ROWS.c.replies).where(_THE_ROW)


async def owe(session: AsyncSession, source: str, key: str, replies: dict[str, Any]) -> None:
    """Inside the step's transaction, after `mark_processed` took the key."""
    await session.execute(_OWE, {"b_source": source, "b_key": key, "b_replies": replies})


async def owed(session: AsyncSession, source: str, key: str) -> dict[str, Any] | None:
    found = (await session.execute(_OWED, {"b_source": source, "b_key": key})).scalar()
    return None if found is None else dict(found)


async def paid(session: AsyncSession, source: str, key: str) -> None:
    await session.execute(_PAID, {"b_source": source, "b_key": key})


async def paid_on(connection: AsyncConnection, source: str, key: str) -> None:
    """`paid` on a connection of its own (one statement, autocommitted)."""
    await connection.execute(_PAID, {"b_source": source, "b_key": key})
