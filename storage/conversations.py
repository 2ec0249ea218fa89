"""Identities, conversations and processed deliveries."""

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from conversations.flood import MessageWindow

from ._dialect import dialect_name, is_postgres, per_dialect, table, upsert_insert
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


def _load_query(by_key: bool, lock: bool) -> Any:
    conv, ident, window = table(ConversationRow), table(IdentityRow), table(MessageWindowRow)
    query = select(
        conv.c.id,
        conv.c.identity_id,
        ident.c.channel,
        ident.c.external_id,
        conv.c.state,
        conv.c.data,
        conv.c.version,
        window.c.started_at,
        window.c.count,
        window.c.warned,
    ).select_from(
        conv.join(ident, ident.c.id == conv.c.identity_id).outerjoin(
            window, window.c.identity_id == conv.c.identity_id
        )
    )
    if by_key:
        query = query.where(
            ident.c.channel == bindparam("channel"),
            ident.c.external_id == bindparam("external_id"),
        )
    else:
        query = query.where(conv.c.identity_id == bindparam("identity_id"))
    return query.with_for_update(of=conv) if lock else query


# Built once: (by channel and external id?, locked (PostgreSQL)?) → query.
_LOAD = {
    (by_key, lock): _load_query(by_key, lock) for by_key in (True, False) for lock in (True, False)
}
_SAVE = (
    table(ConversationRow)
    .update()
    .where(
        table(ConversationRow).c.id == bindparam("conv_id"),
        table(ConversationRow).c.version == bindparam("old_version"),
    )
    .values(
        state=bindparam("state"),
        data=bindparam("data"),
        version=bindparam("new_version"),
        updated_at=bindparam("now"),
    )
)
_MARK = per_dialect(
    lambda insert: (
        insert(table(ProcessedUpdateRow))
        .values(source=bindparam("source"), key=bindparam("key"), created_at=bindparam("now"))
        .on_conflict_do_nothing(index_elements=["source", "key"])
    )
)


async def _load(
    session: AsyncSession, identity_id: int | None, key: tuple[str, str] | None = None
) -> ConversationRecord | None:
    """The conversation with its identity and message window, in one statement
    (locked on PostgreSQL)."""
    query = _LOAD[key is not None, is_postgres(session)]
    if key is not None:
        params: dict[str, Any] = {"channel": key[0], "external_id": key[1]}
    else:
        params = {"identity_id": identity_id}
    row = (await session.execute(query, params)).first()
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
        _SAVE,
        {
            "conv_id": record.id,
            "old_version": record.version,
            "state": state,
            "data": data,
            "new_version": record.version + 1,
            "now": now,
        },
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise RuntimeError(f"conversation {record.id} changed under us")


async def mark_processed(session: AsyncSession, source: str, key: str, now: datetime) -> bool:
    """Record a delivery; False when it was seen before."""
    result = await session.execute(
        _MARK[dialect_name(session)], {"source": source, "key": key, "now": now}
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
