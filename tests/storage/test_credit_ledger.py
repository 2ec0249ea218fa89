"""The credit ledger repository, on SQLite and PostgreSQL."""

from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage import conversations as conv_repo
from storage import credits as credits_repo
from storage import organizations as orgs_repo
from storage.db import make_engine, make_sessionmaker

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


async def _org(session: AsyncSession, n: int, domain: str = "acme.com") -> int:
    record = await conv_repo.lock_conversation(
        session, "console", f"u{n}", initial_state="language", initial_data={}, now=NOW
    )
    return await orgs_repo.create_organization(
        session,
        identity_id=record.identity_id,
        channel="console",
        name=f"Org {n}",
        email=f"a{n}@{domain}",
        domain=domain,
        language="en",
        currency="EUR",
        now=NOW,
    )


async def test_one_grant_per_domain_and_usage_once_per_key(database_url: str) -> None:
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    grant = {"amount_minor": 2500, "currency": "USD", "now": NOW}
    async with sessions.begin() as session:
        first = await _org(session, 1)
        second = await _org(session, 2)
        other = await _org(session, 3, "other.com")
        assert await credits_repo.try_grant(session, org_id=first, domain="acme.com", **grant)
        assert not await credits_repo.try_grant(session, org_id=second, domain="acme.com", **grant)
        assert await credits_repo.try_grant(session, org_id=other, domain="other.com", **grant)
        await credits_repo.set_credit_status(session, second, "already_used")
    async with sessions.begin() as session:
        locked = await credits_repo.lock_grant(session, first)
        assert locked is not None and locked.remaining_minor == 2500
        assert await credits_repo.lock_grant(session, second) is None
        usage = {"currency": "USD", "now": NOW, "org_id": first}
        assert await credits_repo.add_usage(
            session,
            idempotency_key="k",
            amount_minor=900,
            applied_minor=900,
            remaining_minor=1600,
            **usage,
        )
        assert not await credits_repo.add_usage(
            session,
            idempotency_key="k",
            amount_minor=5,
            applied_minor=5,
            remaining_minor=1595,
            **usage,
        )
        found = await credits_repo.find_usage(session, "k")
        assert found is not None and (found.amount_minor, found.remaining_minor) == (900, 1600)
        assert await credits_repo.find_usage(session, "nope") is None
        assert await credits_repo.mark_exhausted(session, locked.id, NOW)
        assert not await credits_repo.mark_exhausted(session, locked.id, NOW)
    async with sessions() as session:
        grants = await credits_repo.grants_for(session, [first, second, other])
        assert set(grants) == {first, other}
        assert (grants[first].used_minor, grants[first].remaining_minor) == (900, 1600)
        assert grants[first].exhausted_at == NOW
        assert grants[other].remaining_minor == 2500
        org = await orgs_repo.get_organization(session, second)
        assert org is not None and org.credit_status == "already_used"
        assert await credits_repo.grants_for(session, []) == {}
    await engine.dispose()


async def test_an_organization_holds_at_most_one_grant(database_url: str) -> None:
    engine = make_engine(database_url)
    sessions = make_sessionmaker(engine)
    with pytest.raises(IntegrityError):
        async with sessions.begin() as session:
            org = await _org(session, 1)
            for domain in ("acme.com", "acme.org"):
                await credits_repo.try_grant(
                    session, org_id=org, domain=domain, amount_minor=2500, currency="USD", now=NOW
                )
    await engine.dispose()
