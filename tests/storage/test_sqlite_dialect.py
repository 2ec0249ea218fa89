"""The SQLite engine: whatever driver the URL names, our dialect
(`storage.sqlite_on_loop`) with every connection setting in place; Core and
ORM execution, transactions and autocommit through SQLAlchemy's asyncio
layer."""

import sqlite3
from pathlib import Path

from sqlalchemy import text

from storage.db import make_engine, make_sessionmaker
from storage.sqlite_on_loop import LOCK_WAIT, SQLiteOnLoopDialect


async def test_settings_of_every_connection(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'settings.db'}")
    try:
        assert isinstance(engine.dialect, SQLiteOnLoopDialect)
        async with engine.connect() as connection:
            pragmas = [
                (await connection.exec_driver_sql(f"PRAGMA {name}")).scalar()
                for name in ("journal_mode", "synchronous", "foreign_keys")
            ]
            assert pragmas == ["wal", 1, 1]  # synchronous 1: NORMAL
            raw = await connection.get_raw_connection()
            assert isinstance(raw.driver_connection, sqlite3.Connection)
            assert raw.dbapi_connection.lock_wait == LOCK_WAIT  # type: ignore[union-attr]
    finally:
        await engine.dispose()


async def test_the_url_sets_how_long_to_wait_for_a_lock(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'timeout.db'}?timeout=2.5")
    try:
        async with engine.connect() as connection:
            raw = await connection.get_raw_connection()
            assert raw.dbapi_connection.lock_wait == 2.5  # type: ignore[union-attr]
    finally:
        await engine.dispose()


async def test_transactions_commit_roll_back_and_autocommit(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'tx.db'}")
    sessions = make_sessionmaker(engine)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"))
            await connection.execute(text("INSERT INTO t (v) VALUES ('kept')"))
        async with sessions() as session:
            await session.execute(text("INSERT INTO t (v) VALUES ('lost')"))
            assert (await session.connection()).in_transaction()
            await session.rollback()
        async with engine.connect() as connection:
            auto = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await auto.execute(text("INSERT INTO t (v) VALUES ('alone')"))
            raw = await auto.get_raw_connection()
            assert not raw.driver_connection.in_transaction  # no BEGIN around it
        async with sessions.begin() as session:
            rows = (await session.execute(text("SELECT v FROM t ORDER BY id"))).scalars().all()
        assert rows == ["kept", "alone"]
    finally:
        await engine.dispose()
