"""Identities, conversations and processed deliveries."""

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from conversations.flood import MessageWindow

from ._dialect import is_postgres, upsert_insert
from .models import (
    ConversationRow,
    IdentityRow,
    MessageWindowRow,
    OutboxRow,
    ProcessedUpdateRow,
)
from .records import ConversationRecord
from .tickets import delete_for_identity

__all__ = [
    "delete_identity",
    "find_identity",
    "load_conversation_by_identity",
    "lock_conversation",
    "mark_processed",
    "save_conversation",
    "was_processed",
]


async def _identity_id(session: AsyncSession, channel: str, external_id: str, now: datetime) -> int:
    await session.execute(
        upsert_insert(session, IdentityRow)
        .values(channel=channel, external_id=external_id, created_at=now)
        .on_conflict_do_nothing(index_elements=["channel", "external_id"])
    )
    found = await session.scalar(
        select(IdentityRow.id).where(
            IdentityRow.channel == channel, IdentityRow.external_id == external_id
        )
    )
    assert found is not None
    return found


async def find_identity(session: AsyncSession, channel: str, external_id: str) -> int | None:
    return await session.scalar(
        select(IdentityRow.id).where(
            IdentityRow.channel == channel, IdentityRow.external_id == external_id
        )
    )


async def _load(
    session: AsyncSession, identity_id: int | None, key: tuple[str, str] | None = None
) -> ConversationRecord | None:
    """The conversation with its identity and message window, in one statement
    (locked on PostgreSQL)."""
    query = select(
        ConversationRow.id,
        ConversationRow.identity_id,
        IdentityRow.channel,
        IdentityRow.external_id,
        ConversationRow.state,
        ConversationRow.data,
        ConversationRow.version,
        MessageWindowRow.started_at,
        MessageWindowRow.count,
        MessageWindowRow.warned,
    ).select_from(
        ConversationRow.__table__.join(
            IdentityRow.__table__, IdentityRow.id == ConversationRow.identity_id
        ).outerjoin(
            MessageWindowRow.__table__, MessageWindowRow.identity_id == ConversationRow.identity_id
        )
    )
    if key is not None:
        query = query.where(IdentityRow.channel == key[0], IdentityRow.external_id == key[1])
    else:
        query = query.where(ConversationRow.identity_id == identity_id)
    if is_postgres(session):
        query = query.with_for_update(of=ConversationRow)
    row = (await session.execute(query)).first()
    if row is None:
        return None
    conv_id, ident_id, channel, external_id, state, data, version, started, count, warned = row
    window = None if started is None else MessageWindow(started=started, count=count, warned=warned)
    return ConversationRecord(
        id=conv_id,
        identity_id=ident_id,
        channel=channel,
        external_id=external_id,
        state=state,
        data=dict(data),
        version=version,
        created=False,
        window=window,
    )


async def lock_conversation(
    session: AsyncSession,
    channel: str,
    external_id: str,
    *,
    initial_state: str,
    initial_data: dict[str, Any],
    now: datetime,
) -> ConversationRecord:
    """Get or create the user's conversation, locked for this transaction."""
    # One statement for everyone we know; the inserts only for newcomers.
    known = await _load(session, None, (channel, external_id))
    if known is not None:
        return known
    identity_id = await _identity_id(session, channel, external_id, now)
    record = await _load(session, identity_id)
    if record is not None:
        return record
    await session.execute(
        upsert_insert(session, ConversationRow)
        .values(
            identity_id=identity_id,
            state=initial_state,
            data=initial_data,
            version=0,
            created_at=now,
            updated_at=now,
        )
        .on_conflict_do_nothing(index_elements=["identity_id"])
    )
    record = await _load(session, identity_id)
    assert record is not None
    return ConversationRecord(**{**_fields(record), "created": True})


def _fields(record: ConversationRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in record.__slots__}


async def load_conversation_by_identity(
    session: AsyncSession, identity_id: int
) -> ConversationRecord | None:
    """The conversation of a known identity, locked (for events from outside a
    chat: a confirmed email, a webhook)."""
    return await _load(session, identity_id)


async def save_conversation(
    session: AsyncSession,
    record: ConversationRecord,
    state: str,
    data: dict[str, Any],
    now: datetime,
) -> None:
    result = await session.execute(
        update(ConversationRow)
        .where(ConversationRow.id == record.id, ConversationRow.version == record.version)
        .values(state=state, data=data, version=record.version + 1, updated_at=now)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise RuntimeError(f"conversation {record.id} changed under us")


async def mark_processed(session: AsyncSession, source: str, key: str, now: datetime) -> bool:
    """Record a delivery; False when it was seen before."""
    result = await session.execute(
        upsert_insert(session, ProcessedUpdateRow)
        .values(source=source, key=key, created_at=now)
        .on_conflict_do_nothing(index_elements=["source", "key"])
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def delete_identity(session: AsyncSession, identity_id: int) -> None:
    """Forget a user: their conversation, queued messages, support tickets and
    transcript go with them."""
    await delete_for_identity(session, identity_id)
    await session.execute(delete(OutboxRow).where(OutboxRow.identity_id == identity_id))
    await session.execute(
        delete(MessageWindowRow).where(MessageWindowRow.identity_id == identity_id)
    )
    await session.execute(delete(ConversationRow).where(ConversationRow.identity_id == identity_id))
    await session.execute(delete(IdentityRow).where(IdentityRow.id == identity_id))


async def was_processed(session: AsyncSession, source: str, key: str) -> bool:
    """A cheap look before doing work for a delivery; `mark_processed` decides."""
    found = await session.scalar(
        select(ProcessedUpdateRow.id).where(
            ProcessedUpdateRow.source == source, ProcessedUpdateRow.key == key
        )
    )
    return found is not None
