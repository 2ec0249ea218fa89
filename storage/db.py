"""Engines and sessions. SQLite gets WAL, a busy timeout and `BEGIN IMMEDIATE`
so that a step's transaction holds the write lock from its first statement
(SQLite's stand-in for PostgreSQL's row lock)."""

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

from ._sqlite_inline import InlineConnection
from ._sqlite_inline import connect as inline_connect

__all__ = ["DATABASE_UNAVAILABLE", "make_engine", "make_sessionmaker"]

# What "the database is not there right now" looks like: SQLAlchemy wraps
# errors on an open connection, but asyncpg's connect errors (refused, reset)
# arrive as plain OSErrors.
DATABASE_UNAVAILABLE: tuple[type[BaseException], ...] = (DBAPIError, OSError, TimeoutError)


def make_engine(url: str, **kwargs: Any) -> AsyncEngine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_async_engine(url, pool_pre_ping=True, **kwargs)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    # One connection per process: SQLite has one writer anyway, and waiting in
    # the pool's queue is far cheaper than SQLite's sleeping busy handler.
    kwargs.setdefault("pool_size", 1)
    kwargs.setdefault("max_overflow", 0)
    # Statements run on the loop's thread (see `_sqlite_inline`), not one
    # thread hop each; waiting for another process's lock still yields.
    database = parsed.database or ":memory:"
    uri = bool(parsed.query.get("uri"))

    async def connect() -> InlineConnection:
        return inline_connect(database, uri=uri)

    engine = create_async_engine(url, async_creator=connect, **kwargs)

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
