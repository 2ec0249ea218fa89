"""The timers repository, on SQLite and PostgreSQL."""

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from storage import conversations as conv_repo
from storage import timers
from storage.db import make_engine, make_sessionmaker

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
LEASE = timedelta(minutes=2)


async def _identity(session: AsyncSession, name: str = "u1") -> int:
    record = await conv_repo.lock_conversation(
        session, "console", name, initial_state="language", initial_data={}, now=NOW
    )
    return record.identity_id


async def test_due_timers_are_claimed_with_a_lease_and_fire_once(database_url: str) -> None:
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    async with sessions.begin() as session:
        who = await _identity(session)
        soon = await timers.schedule(
            session, identity_id=who, name="r", org_id=1, due_at=NOW + timedelta(hours=1), now=NOW
        )
        await timers.schedule(
            session, identity_id=who, name="r", org_id=1, due_at=NOW + timedelta(hours=24), now=NOW
        )
    at = NOW + timedelta(hours=1)
    async with sessions.begin() as session:
        assert await timers.claim_due(session, now=at - timedelta(seconds=1), lease=LEASE) == []
        (claimed,) = await timers.claim_due(session, now=at, lease=LEASE)
        assert (claimed.id, claimed.identity_id, claimed.org_id) == (soon, who, 1)
    async with sessions.begin() as session:
        assert await timers.claim_due(session, now=at, lease=LEASE) == []  # leased
        (again,) = await timers.claim_due(session, now=at + LEASE, lease=LEASE)  # lease over
        assert await timers.mark_fired(session, again.id, at + LEASE)
        assert not await timers.mark_fired(session, again.id, at + LEASE)
    async with sessions.begin() as session:
        assert await timers.claim_due(session, now=at + 2 * LEASE, lease=LEASE) == []
        assert [t.due_at for t in await timers.pending(session, who)] == [NOW + timedelta(hours=24)]
    await engine.dispose()


async def test_cancel_only_touches_the_named_open_timers(database_url: str) -> None:
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    async with sessions.begin() as session:
        alice, bob = await _identity(session, "alice"), await _identity(session, "bob")
        for who, name, org in [(alice, "r", 1), (alice, "r", 2), (alice, "x", 1), (bob, "r", 1)]:
            await timers.schedule(
                session, identity_id=who, name=name, org_id=org, due_at=NOW, now=NOW
            )
        assert await timers.cancel(session, identity_id=alice, name="r", org_id=1, now=NOW) == 1
        assert await timers.cancel(session, identity_id=alice, name="r", org_id=1, now=NOW) == 0
        left = {(t.identity_id, t.name, t.org_id) for t in await timers.pending(session)}
    assert left == {(alice, "r", 2), (alice, "x", 1), (bob, "r", 1)}
    async with sessions.begin() as session:
        claimed = await timers.claim_due(session, now=NOW, lease=LEASE)
        (cancelled_id,) = [t.id for t in claimed if (t.name, t.org_id) == ("x", 1)]
        await timers.cancel(session, identity_id=alice, name="x", org_id=1, now=NOW)
        assert not await timers.mark_fired(session, cancelled_id, NOW)  # cancelled wins
    await engine.dispose()


async def test_concurrent_claimers_never_share_a_timer(database_url: str) -> None:
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    async with sessions.begin() as session:
        who = await _identity(session)
        for _ in range(30):
            await timers.schedule(session, identity_id=who, name="r", org_id=1, due_at=NOW, now=NOW)

    async def claim() -> list[int]:
        async with sessions.begin() as session:
            return [t.id for t in await timers.claim_due(session, now=NOW, lease=LEASE, limit=10)]

    batches = await asyncio.gather(*(claim() for _ in range(5)))
    ids = [i for batch in batches for i in batch]
    assert len(ids) == len(set(ids)) == 30
    await engine.dispose()
