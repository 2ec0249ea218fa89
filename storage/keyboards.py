"""The live keyboard of a user's place, kept on their conversation row (the
step's load reads it, the step's save writes it: `storage/conversations`).
This is for a keyboard sent outside a step (a queued message)."""

from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from ._dialect import table
from .models import ConversationRow, IdentityRow
from .records import LiveKeyboard

__all__ = ["LiveKeyboard", "remember_keyboard"]

_CONVERSATIONS, _IDENTITIES = table(ConversationRow), table(IdentityRow)
_REMEMBER = (
    _CONVERSATIONS.update()
    .where(
        _CONVERSATIONS.c.identity_id
        == select(_IDENTITIES.c.id)
        .where(
            _IDENTITIES.c.channel == bindparam("channel"),
            _IDENTITIES.c.external_id == bindparam("external_id"),
        )
        .scalar_subquery()
    )
    .values(
        keyboard_token=bindparam("token"),
        keyboard_language=bindparam("language"),
        updated_at=bindparam("now"),
    )
)


async def remember_keyboard(
    session: AsyncSession,
    channel: str,
    external_id: str,
    token: str,
    language: str | None,
    now: datetime,
) -> None:
    """`token` marks the newest keyboard at the place of the user known to
    `channel` as `external_id`; every older one is stale. The conversation's
    version is left alone: a step under way keeps its own save (its replies'
    keyboard, if any, is the newer one)."""
    connection = await session.connection()
    await connection.execute(
        _REMEMBER,
        {
            "channel": channel,
            "external_id": external_id,
            "token": token,
            "language": language,
            "now": now,
        },
    )
