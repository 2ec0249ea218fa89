"""Identities, conversations and processed deliveries."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, bindparam, case, delete, exists, null, select, type_coerce
from sqlalchemy.ext.asyncio import AsyncSession

from conversations.flood import MessageWindow

from ._dialect import dialect_name, is_postgres, per_dialect, table
from .models import (
    ConversationRow,
    IdentityRow,
    OutboxRow,
    ProcessedUpdateRow,
)
from .organizations import names_from_column, organization_names_column
from .records import ConversationRecord, LiveKeyboard
from .tickets import delete_for_identity

__all__ = [
    "create_conversation",
    "delete_identity",
    "find_conversation",
    "find_identity",
    "load_conversation_by_identity",
    "lock_conversation",
    "mark_processed",
    "save_conversation",
    "was_processed",
]


async def _identity_id(session: AsyncSession, channel: str, external_id: str, now: datetime) -> int:
    """The identity's id, made now if new: one statement, unless another
    transaction made it meanwhile (then it is read)."""
    connection = await session.connection()
    made = (
        await connection.execute(
            _NEW_IDENTITY[dialect_name(session)],
            {"channel": channel, "external_id": external_id, "now": now},
        )
    ).scalar()
    if made is not None:
        return int(made)
    found = await find_identity(session, channel, external_id)
    assert found is not None
    return found


def _new_identity(insert: Any) -> Any:
    return (
        insert(table(IdentityRow))
        .values(
            channel=bindparam("channel"),
            external_id=bindparam("external_id"),
            created_at=bindparam("now"),
        )
        .on_conflict_do_nothing(index_elements=["channel", "external_id"])
        .returning(table(IdentityRow).c.id)
    )


def _new_conversation(insert: Any) -> Any:
    conv = table(ConversationRow)
    return (
        insert(conv)
        .values(
            identity_id=bindparam("identity_id"),
            state=bindparam("state"),
            data=bindparam("data"),
            version=0,
            created_at=bindparam("now"),
            updated_at=bindparam("now"),
        )
        .on_conflict_do_nothing(index_elements=["identity_id"])
        .returning(conv.c.id)
    )


# Built once per backend: a newcomer's rows (nothing returned: made meanwhile).
_NEW_IDENTITY = per_dialect(_new_identity)
_NEW_CONVERSATION = per_dialect(_new_conversation)


async def find_identity(session: AsyncSession, channel: str, external_id: str) -> int | None:
    return await session.scalar(
        select(IdentityRow.id).where(
            IdentityRow.channel == channel, IdentityRow.external_id == external_id
        )
    )


def _load_query(by_key: bool, postgres: bool, seen: bool = False) -> Any:
    conv, ident = table(ConversationRow), table(IdentityRow)
    # The user's organization names (the name step checks a new one against
    # them), only where the conversation is at the state `names_at`.
    names = case(
        (
            conv.c.state == bindparam("names_at"),
            organization_names_column(conv.c.identity_id, postgres),
        ),
        else_=null(),
    )
    processed = table(ProcessedUpdateRow)
    # `seen`: whether a delivery was handled before, in the same statement.
    delivery_seen = exists().where(
        processed.c.source == bindparam("source"), processed.c.key == bindparam("key")
    )
    query = select(
        conv.c.id,
        conv.c.identity_id,
        ident.c.channel,
        ident.c.external_id,
        conv.c.state,
        conv.c.data,
        conv.c.version,
        conv.c.window_started_at,
        conv.c.window_count,
        conv.c.window_warned,
        conv.c.keyboard_token,
        conv.c.keyboard_language,
        type_coerce(names, JSON),
        *([delivery_seen.label("seen")] if seen else []),
    ).select_from(conv.join(ident, ident.c.id == conv.c.identity_id))
    if by_key:
        query = query.where(
            ident.c.channel == bindparam("channel"),
            ident.c.external_id == bindparam("external_id"),
        )
    else:
        query = query.where(conv.c.identity_id == bindparam("identity_id"))
    return query.with_for_update(of=conv) if postgres else query


# Built once: (by channel and external id?, PostgreSQL (locked)?, with a
# delivery's dedupe look?) → query.
_LOAD = {
    (by_key, postgres, seen): _load_query(by_key, postgres, seen)
    for by_key in (True, False)
    for postgres in (True, False)
    for seen in (True, False)
}


def _save_query(window: bool, keyboard: bool) -> Any:
    conv = table(ConversationRow)
    values: dict[str, Any] = {
        "state": bindparam("state"),
        "data": bindparam("data"),
        "version": bindparam("new_version"),
        "updated_at": bindparam("now"),
    }
    if window:
        values |= {
            "window_started_at": bindparam("window_started_at"),
            "window_count": bindparam("window_count"),
            "window_warned": bindparam("window_warned"),
        }
    if keyboard:
        values |= {
            "keyboard_token": bindparam("keyboard_token"),
            "keyboard_language": bindparam("keyboard_language"),
        }
    return (
        conv.update()
        .where(conv.c.id == bindparam("conv_id"), conv.c.version == bindparam("old_version"))
        .values(**values)
    )


# (with the message window?, with a new live keyboard?) → statement
_SAVE = {
    (window, keyboard): _save_query(window, keyboard)
    for window in (False, True)
    for keyboard in (False, True)
}


def _mark(insert: Any, owing: bool) -> Any:
    values: dict[str, Any] = {
        "source": bindparam("source"),
        "key": bindparam("key"),
        "created_at": bindparam("now"),
    }
    if owing:
        values["replies"] = bindparam("replies")
    return (
        insert(table(ProcessedUpdateRow))
        .values(**values)
        .on_conflict_do_nothing(index_elements=["source", "key"])
    )


# (with owed replies?) → backend → statement
_MARK = {
    owing: per_dialect(lambda insert, owing=owing: _mark(insert, owing))  # type: ignore[misc]
    for owing in (False, True)
}


async def _load(
    session: AsyncSession,
    identity_id: int | None,
    key: tuple[str, str] | None = None,
    delivery: tuple[str, str] | None = None,
    names_at: str | None = None,
) -> tuple[ConversationRecord | None, bool]:
    """The conversation with its identity, message window and live keyboard,
    in one statement (locked on PostgreSQL), whether `delivery` (source,
    key) was handled before, and, if it is at the state `names_at`, the
    user's organization names. Run as Core on the session's connection: no
    ORM bookkeeping for a statement that maps no objects."""
    query = _LOAD[key is not None, is_postgres(session), delivery is not None]
    if key is not None:
        params: dict[str, Any] = {"channel": key[0], "external_id": key[1]}
    else:
        params = {"identity_id": identity_id}
    params["names_at"] = names_at
    if delivery is not None:
        params |= {"source": delivery[0], "key": delivery[1]}
    connection = await session.connection()
    row = (await connection.execute(query, params)).first()
    if row is None:
        return None, False
    (conv_id, ident_id, channel, external_id, state, data, version) = row[:7]
    started, count, warned, token, language, names = row[7:13]
    record = ConversationRecord(
        id=conv_id,
        identity_id=ident_id,
        channel=channel,
        external_id=external_id,
        state=state,
        data=dict(data),
        version=version,
        created=False,
        window=None
        if started is None
        else MessageWindow(started=started, count=count, warned=bool(warned)),
        keyboard=None if token is None else LiveKeyboard(token, language),
        org_names=None if names is None else names_from_column(names),
    )
    return record, bool(row[13]) if delivery is not None else False


async def find_conversation(
    session: AsyncSession,
    channel: str,
    external_id: str,
    *,
    delivery: tuple[str, str] | None,
    names_at: str | None = None,
) -> tuple[ConversationRecord | None, bool]:
    """A known user's conversation, locked for this transaction, and whether
    `delivery` (source, key) was handled before: one statement. At the
    state `names_at`, the record carries the user's organization names.
    (None, False) for a newcomer: `create_conversation` then."""
    return await _load(session, None, (channel, external_id), delivery, names_at)


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
    known, _ = await _load(session, None, (channel, external_id))
    if known is not None:
        return known
    return await create_conversation(
        session,
        channel,
        external_id,
        initial_state=initial_state,
        initial_data=initial_data,
        now=now,
    )


async def create_conversation(
    session: AsyncSession,
    channel: str,
    external_id: str,
    *,
    initial_state: str,
    initial_data: dict[str, Any],
    now: datetime,
) -> ConversationRecord:
    """A newcomer's identity and conversation (or the ones another transaction
    made meanwhile), locked for this transaction."""
    identity_id = await _identity_id(session, channel, external_id, now)
    connection = await session.connection()
    made = (
        await connection.execute(
            _NEW_CONVERSATION[dialect_name(session)],
            {"identity_id": identity_id, "state": initial_state, "data": initial_data, "now": now},
        )
    ).scalar()
    if made is None:  # another transaction made it meanwhile: theirs, locked
        record, _ = await _load(session, identity_id)
        assert record is not None
        return record
    # Inserted by this transaction, so no other can lock it before the commit.
    return ConversationRecord(
        id=int(made),
        identity_id=identity_id,
        channel=channel,
        external_id=external_id,
        state=initial_state,
        data=initial_data,
        version=0,
        created=True,
    )


async def load_conversation_by_identity(
    session: AsyncSession, identity_id: int
) -> ConversationRecord | None:
    """The conversation of a known identity, locked (for events from outside a
    chat: a confirmed email, a webhook)."""
    record, _ = await _load(session, identity_id)
    return record


async def save_conversation(
    session: AsyncSession,
    record: ConversationRecord,
    state: str,
    data: dict[str, Any],
    now: datetime,
    *,
    window: MessageWindow | None = None,
    keyboard: LiveKeyboard | None = None,
) -> None:
    """The conversation's new state, with the message limit's window and the
    new live keyboard when given (else those stay): one UPDATE, refused if
    the row changed since `record` was loaded."""
    params: dict[str, Any] = {
        "conv_id": record.id,
        "old_version": record.version,
        "state": state,
        "data": data,
        "new_version": record.version + 1,
        "now": now,
    }
    if window is not None:
        params |= {
            "window_started_at": window.started,
            "window_count": window.count,
            "window_warned": window.warned,
        }
    if keyboard is not None:
        params |= {"keyboard_token": keyboard.token, "keyboard_language": keyboard.language}
    connection = await session.connection()
    result = await connection.execute(_SAVE[window is not None, keyboard is not None], params)
    if result.rowcount != 1:
        raise RuntimeError(f"conversation {record.id} changed under us")


async def mark_processed(
    session: AsyncSession,
    source: str,
    key: str,
    now: datetime,
    *,
    replies: dict[str, Any] | None = None,
) -> bool:
    """Record a delivery; False when it was seen before. `replies`: what the
    channel owes the user for it (storage/owed_replies), in the same insert."""
    params: dict[str, Any] = {"source": source, "key": key, "now": now}
    if replies is not None:
        params["replies"] = replies
    connection = await session.connection()
    result = await connection.execute(_MARK[replies is not None][dialect_name(session)], params)
    return bool(result.rowcount)


async def delete_identity(session: AsyncSession, identity_id: int) -> None:
    """Forget a user: their conversation, queued messages, support tickets and
    transcript go with them."""
    await delete_for_identity(session, identity_id)
    await session.execute(delete(OutboxRow).where(OutboxRow.identity_id == identity_id))
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
