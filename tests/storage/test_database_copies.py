"""The test databases themselves (tests/databases.py): a copy is at the
migrations' head, and a PostgreSQL copy handed to a later test has none of an
earlier test's rows and restarts its ids, as a fresh copy would."""

from pathlib import Path

import asyncpg
from sqlalchemy import text

from storage.db import make_engine
from storage.migrate import is_current
from tests.databases import PG_HOST, PG_PORT, PG_USER, migrated_database


async def test_a_copy_is_at_the_migrations_head(backend: str, tmp_path: Path) -> None:
    async with migrated_database(backend, tmp_path) as url:
        engine = make_engine(url)
        async with engine.connect() as connection:
            current = await connection.run_sync(lambda sync: is_current(sync, url))
        await engine.dispose()
        assert current


async def test_a_reused_postgresql_copy_is_empty_and_restarts_ids(tmp_path: Path) -> None:
    async with migrated_database("postgresql", tmp_path) as first:
        engine = make_engine(first)
        async with engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO identities (channel, external_id, created_at)"
                    " VALUES ('slack', 'U1', now())"
                )
            )
        await engine.dispose()
        # A connection the test left open does not keep its rows alive either.
        straggler = await asyncpg.connect(
            host=PG_HOST, port=PG_PORT, user=PG_USER, database=first.rsplit("/", 1)[1]
        )
    # Handing the copy back ended that connection.
    assert not await _alive(straggler)
    await straggler.close()
    async with migrated_database("postgresql", tmp_path) as second:
        assert second == first  # the same database, emptied
        engine = make_engine(second)
        async with engine.begin() as connection:
            rows = (await connection.execute(text("SELECT count(*) FROM identities"))).one()
            assert rows[0] == 0
            new_id = (
                await connection.execute(
                    text(
                        "INSERT INTO identities (channel, external_id, created_at)"
                        " VALUES ('slack', 'U2', now()) RETURNING id"
                    )
                )
            ).one()[0]
            assert new_id == 1
        await engine.dispose()


async def _alive(connection: asyncpg.Connection) -> bool:
    try:
        await connection.fetchval("SELECT 1")
    except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError):
        return False
    return True
