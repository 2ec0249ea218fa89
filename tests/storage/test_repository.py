"""One repository suite, on SQLite and PostgreSQL."""

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from storage import conversations as conv_repo
from storage import organizations as orgs_repo
from storage import outbox
from storage.db import make_engine, make_sessionmaker

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


async def _lock(session: AsyncSession, external_id: str = "u1") -> conv_repo.ConversationRecord:
    return await conv_repo.lock_conversation(
        session, "console", external_id, initial_state="language", initial_data={}, now=NOW
    )


async def test_conversation_created_once_and_saved(database_url: str) -> None:
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    async with sessions.begin() as session:
        first = await _lock(session)
        assert first.created and first.state == "language" and first.version == 0
        await conv_repo.save_conversation(session, first, "name", {"language": "ru"}, NOW)
    async with sessions.begin() as session:
        again = await _lock(session)
        assert not again.created
        assert (again.state, again.data, again.version) == ("name", {"language": "ru"}, 1)
        assert again.identity_id == first.identity_id
    await engine.dispose()


async def test_concurrent_first_messages_make_one_conversation(database_url: str) -> None:
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)

    async def touch() -> int:
        async with sessions.begin() as session:
            record = await _lock(session, "racer")
            await conv_repo.save_conversation(session, record, "name", {}, NOW)
            return record.version

    versions = await asyncio.gather(*(touch() for _ in range(8)))
    assert sorted(versions) == list(range(8))  # serialized: each saw the previous save
    await engine.dispose()


async def test_processed_updates_are_remembered(database_url: str) -> None:
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    async with sessions.begin() as session:
        assert await conv_repo.mark_processed(session, "telegram", "42", NOW)
        assert not await conv_repo.mark_processed(session, "telegram", "42", NOW)
        assert await conv_repo.mark_processed(session, "stripe", "42", NOW)
    await engine.dispose()


async def test_organization_and_links(database_url: str) -> None:
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    async with sessions.begin() as session:
        record = await _lock(session)
        org_id = await orgs_repo.create_organization(
            session,
            identity_id=record.identity_id,
            channel="console",
            name="Acme",
            email="a@acme.com",
            domain="acme.com",
            language="it",
            currency="EUR",
            now=NOW,
        )
        await orgs_repo.issue_confirmation(
            session,
            org_id=org_id,
            email="a@acme.com",
            token_hash="h1",
            expires_at=NOW + timedelta(hours=24),
            now=NOW,
        )
        await orgs_repo.issue_confirmation(
            session,
            org_id=org_id,
            email="a@acme.com",
            token_hash="h2",
            expires_at=NOW + timedelta(hours=24),
            now=NOW,
        )
    async with sessions.begin() as session:
        old = await orgs_repo.find_confirmation(session, "h1")
        new = await orgs_repo.find_confirmation(session, "h2")
        assert old is not None and old.revoked_at == NOW
        assert new is not None and new.revoked_at is None and new.expires_at.tzinfo is not None
        assert await orgs_repo.use_confirmation(session, new.id, NOW)
        assert not await orgs_repo.use_confirmation(session, new.id, NOW)
        await orgs_repo.confirm_organization(session, org_id, NOW)
        org = await orgs_repo.get_organization(session, org_id)
        assert org is not None and org.status == "confirmed" and org.confirmed_at == NOW
        await orgs_repo.detach_organizations(session, record.identity_id)
    async with sessions() as session:
        (org,) = await orgs_repo.list_organizations(session)
        assert (org.identity_id, org.name, org.email) == (None, None, None)
        assert (org.domain, org.status) == ("acme.com", "confirmed")
    await engine.dispose()


async def test_a_row_whose_lease_ran_out_is_not_run_by_its_first_claimer(
    database_url: str,
) -> None:
    """A slow worker's batch outlives its lease and another worker claims the
    rest: the first one must not send them as well."""
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    lease = timedelta(seconds=5)
    async with sessions.begin() as session:
        await outbox.enqueue(session, "mail", {"n": 1}, now=NOW)
        await outbox.enqueue(session, "mail", {"n": 2}, now=NOW)
    async with sessions.begin() as session:
        first, second = await outbox.claim(session, now=NOW, lease=lease)
    soon = NOW + timedelta(seconds=1)
    async with sessions.begin() as session:  # still ours: renewed for a whole lease
        renewed = await outbox.renew(session, first, now=soon, lease=lease)
    assert renewed is not None and renewed.leased_until == soon + lease
    late = NOW + lease + timedelta(milliseconds=500)
    async with sessions.begin() as session:  # the other worker takes the second row
        (taken,) = await outbox.claim(session, now=late, lease=lease)
    assert taken.id == second.id
    async with sessions.begin() as session:
        assert await outbox.renew(session, second, now=late, lease=lease) is None
        assert await outbox.renew(session, taken, now=late, lease=lease) is not None
        await outbox.complete(session, first.id, now=late)
        assert await outbox.renew(session, renewed, now=late, lease=lease) is None
    await engine.dispose()


async def test_outbox_claims_with_a_lease(database_url: str) -> None:
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    lease = timedelta(minutes=2)
    async with sessions.begin() as session:
        first = await outbox.enqueue(session, "mail", {"n": 1}, now=NOW)
        await outbox.enqueue(session, "other", {"n": 2}, now=NOW)
    async with sessions.begin() as session:
        (item,) = await outbox.claim(session, now=NOW, lease=lease, kinds=("mail",))
        assert (item.id, item.payload, item.attempts) == (first, {"n": 1}, 1)
    async with sessions.begin() as session:
        assert await outbox.claim(session, now=NOW, lease=lease, kinds=("mail",)) == []
    later = NOW + lease + timedelta(seconds=1)
    async with sessions.begin() as session:  # the claimer died: the lease ran out
        (again,) = await outbox.claim(session, now=later, lease=lease, kinds=("mail",))
        assert again.attempts == 2
        await outbox.retry_later(session, again.id, at=later + timedelta(minutes=5), error="x")
    async with sessions.begin() as session:
        assert await outbox.claim(session, now=later, lease=lease, kinds=("mail",)) == []
        assert await outbox.depth(session) == 2
    async with sessions.begin() as session:
        (due,) = await outbox.claim(
            session, now=later + timedelta(minutes=6), lease=lease, kinds=("mail",)
        )
        await outbox.complete(session, due.id, now=later, payload={"n": 0})
        assert await outbox.depth(session) == 1
    await engine.dispose()
