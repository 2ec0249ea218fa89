"""Alembic stairway: every revision upgrades, downgrades and upgrades again,
and the final schema matches the models."""

import asyncio
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from storage.db import make_engine
from storage.migrate import alembic_config, downgrade, upgrade
from storage.models import Base
from tests.databases import empty_database


def _revisions(url: str) -> list[str]:
    script = ScriptDirectory.from_config(alembic_config(url))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


async def test_stairway(backend: str, tmp_path: Path) -> None:
    async with empty_database(backend, tmp_path) as url:
        revisions = _revisions(url)
        assert revisions
        previous = "base"
        for revision in revisions:
            await asyncio.to_thread(upgrade, url, revision)
            await asyncio.to_thread(downgrade, url, previous)
            await asyncio.to_thread(upgrade, url, revision)
            previous = revision


async def test_models_match_migrations(backend: str, tmp_path: Path) -> None:
    async with empty_database(backend, tmp_path) as url:
        await asyncio.to_thread(upgrade, url)

        def diff(connection: Connection) -> list[object]:
            return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))

        engine = make_engine(url)
        async with engine.connect() as connection:
            differences = await connection.run_sync(diff)
        await engine.dispose()
        assert differences == []
