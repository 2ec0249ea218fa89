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


async def test_live_telegram_keyboards_survive_the_move_to_live_keyboards(
    backend: str, tmp_path: Path
) -> None:
    """0016: a Telegram keyboard live before the upgrade is live after it
    (and back again on a downgrade), so no button on screen turns stale."""
    from sqlalchemy import text

    async with empty_database(backend, tmp_path) as url:
        await asyncio.to_thread(upgrade, url, "0013")
        engine = make_engine(url)
        async with engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO telegram_chats (chat_id, keyboard_token, language, "
                    "created_at, updated_at) VALUES "
                    "(42, 'tok42', 'ru', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP), "
                    "(43, NULL, NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                )
            )
        await asyncio.to_thread(upgrade, url, "0016")
        async with engine.connect() as connection:
            rows = (
                await connection.execute(
                    text("SELECT channel, address, token, language FROM live_keyboards")
                )
            ).all()
        assert [tuple(row) for row in rows] == [("telegram", "42", "tok42", "ru")]
        await asyncio.to_thread(downgrade, url, "0013")
        async with engine.connect() as connection:
            back = (
                await connection.execute(
                    text("SELECT chat_id, keyboard_token, language FROM telegram_chats")
                )
            ).all()
        await engine.dispose()
        assert sorted(tuple(row) for row in back) == [(42, "tok42", "ru"), (43, None, None)]


async def test_windows_and_live_keyboards_move_onto_the_conversation_row(
    backend: str, tmp_path: Path
) -> None:
    """0017: a user's message window and the keyboard live at their place
    before the upgrade are on their conversation after it (a keyboard with no
    conversation at its place is dropped), and back in their own tables
    after a downgrade."""
    from sqlalchemy import text

    async with empty_database(backend, tmp_path) as url:
        await asyncio.to_thread(upgrade, url, "0015")
        engine = make_engine(url)
        async with engine.begin() as connection:
            for statement in (
                "INSERT INTO identities (id, channel, external_id, created_at) VALUES "
                "(1, 'telegram', '42', CURRENT_TIMESTAMP), (2, 'web', 'v-7', CURRENT_TIMESTAMP)",
                "INSERT INTO conversations (id, identity_id, state, data, version, created_at, "
                "updated_at) VALUES (10, 1, 'name', '{}', 3, CURRENT_TIMESTAMP, "
                "CURRENT_TIMESTAMP), (11, 2, 'email', '{}', 1, CURRENT_TIMESTAMP, "
                "CURRENT_TIMESTAMP)",
                "INSERT INTO message_windows (identity_id, started_at, count, warned) VALUES "
                "(1, '2026-01-02 03:04:05', 4, true)",
                "INSERT INTO live_keyboards (channel, address, token, language, updated_at) "
                "VALUES ('telegram', '42', 'tok42', 'ru', CURRENT_TIMESTAMP), "
                "('telegram', '-100', 'group', 'en', CURRENT_TIMESTAMP)",
            ):
                await connection.execute(text(statement))
        await asyncio.to_thread(upgrade, url, "0017")
        async with engine.connect() as connection:
            rows = (
                await connection.execute(
                    text(
                        "SELECT id, window_count, window_warned, keyboard_token, "
                        "keyboard_language, window_started_at IS NOT NULL FROM conversations "
                        "ORDER BY id"
                    )
                )
            ).all()
        assert [tuple(row) for row in rows] == [
            (10, 4, True, "tok42", "ru", True),
            (11, None, None, None, None, False),
        ]
        await asyncio.to_thread(downgrade, url, "0015")
        async with engine.connect() as connection:
            windows = (
                await connection.execute(
                    text("SELECT identity_id, count, warned FROM message_windows")
                )
            ).all()
            keyboards = (
                await connection.execute(
                    text("SELECT channel, address, token, language FROM live_keyboards")
                )
            ).all()
        await engine.dispose()
        assert [tuple(row) for row in windows] == [(1, 4, True)]
        assert [tuple(row) for row in keyboards] == [("telegram", "42", "tok42", "ru")]
