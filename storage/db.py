"""Engines and sessions. SQLite runs on the event loop's thread
(`storage.sqlite_on_loop`), with WAL and `BEGIN IMMEDIATE` so that a step's
transaction holds the write lock from its first statement (SQLite's stand-in
for PostgreSQL's row lock) and waits for it before doing any work."""

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from . import sqlite_on_loop

__all__ = ["DATABASE_UNAVAILABLE", "make_engine", "make_sessionmaker"]

# What "the database is not there right now" looks like: SQLAlchemy wraps
# errors on an open connection (SQLite's "database is locked" too), but
# asyncpg's connect errors (refused, reset) arrive as plain OSErrors.
DATABASE_UNAVAILABLE: tuple[type[BaseException], ...] = (DBAPIError, OSError, TimeoutError)

sqlite_on_loop.register()


def make_engine(url: str, **kwargs: Any) -> AsyncEngine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_async_engine(url, pool_pre_ping=True, **kwargs)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    # Whatever driver the URL names (`sqlite+aiosqlite://` in the settings),
    # statements run on the loop's thread; the URL's options (`?timeout=`:
    # how long to wait for another process's write lock) stay.
    parsed = parsed.set(drivername=sqlite_on_loop.DRIVERNAME)
    # One connection per process: SQLite has one writer anyway, and waiting in
    # the pool's queue is far cheaper than waiting for SQLite's lock.
    kwargs.setdefault("pool_size", 1)
    kwargs.setdefault("max_overflow", 0)
    engine = create_async_engine(parsed, **kwargs)

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")  # WAL: safe against app crashes
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A connection asked for AUTOCOMMIT runs each statement on its own
        # (one statement that needs no transaction around it).
        if connection.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
