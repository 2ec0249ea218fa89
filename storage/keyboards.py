"""The live keyboard of each place a channel replies to: a pressed button
whose token is not this one belongs to an older keyboard, and is stale."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from ._dialect import dialect_name, per_dialect, table
from .models import LiveKeyboardRow

__all__ = ["LiveKeyboard", "live_keyboard", "remember_keyboard"]


@dataclass(frozen=True, slots=True)
class LiveKeyboard:
    token: str
    language: str | None


_ROWS = table(LiveKeyboardRow)
_GET = select(_ROWS.c.token, _ROWS.c.language).where(
    (_ROWS.c.channel == bindparam("channel")) & (_ROWS.c.address == bindparam("address"))
)


def _upsert(insert: Any) -> Any:
    values: dict[str, Any] = {
        "token": bindparam("token"),
        "language": bindparam("language"),
        "updated_at": bindparam("now"),
    }
    return (
        insert(_ROWS)
        .values(channel=bindparam("channel"), address=bindparam("address"), **values)
        .on_conflict_do_update(index_elements=["channel", "address"], set_=values)
    )


# Built once per backend: these run on every update that shows buttons.
_REMEMBER = per_dialect(_upsert)


async def live_keyboard(session: AsyncSession, channel: str, address: str) -> LiveKeyboard | None:
    row = (await session.execute(_GET, {"channel": channel, "address": address})).first()
    return None if row is None else LiveKeyboard(row[0], row[1])


async def remember_keyboard(
    session: AsyncSession,
    channel: str,
    address: str,
    token: str,
    language: str | None,
    now: datetime,
) -> None:
    """`token` marks the newest keyboard at `address`; every older one is stale."""
    await session.execute(
        _REMEMBER[dialect_name(session)],
        {"channel": channel, "address": address, "token": token, "language": language, "now": now},
    )
