"""SQLite for SQLAlchemy's asyncio engine, each statement run by the stdlib
`sqlite3` right on the event loop's thread: `sqlite+onloop:///path`.

Why: aiosqlite hands every statement, `BEGIN` and `COMMIT` to its own thread
and back, 0.2-1 ms each on a busy machine, ten times what SQLite needs for the
small statements of a step (WAL, `synchronous=NORMAL`: a commit appends to
the log without an fsync).

How, on SQLAlchemy's public interfaces:
- a third-party dialect ("Developing new Dialects": subclass an existing one,
  `sqlalchemy.dialects.registry.register` it), here the pysqlite dialect, so
  SQL, types and `sqlite3` arguments are SQLAlchemy's own; `is_async` is what
  `create_async_engine` asks of a dialect, `Dialect.connect` hands out the
  connection, and the asyncio pool (`AsyncAdaptedQueuePool`) makes waiting for
  the one pooled connection an await;
- the DBAPI connection is an `AdaptedConnection`, the documented facade of
  asyncio dialects, because `AsyncConnection.execute` refuses a DBAPI that
  never awaits (`AwaitRequired`): each statement runs inside
  `AdaptedConnection.run_async`, in a coroutine that finishes without
  suspending, so the await costs two greenlet switches and no trip through
  the event loop; the cursor is sqlite3's own (a subclass), fetches are C.

Two names of that contract are not in SQLAlchemy's documentation, and no
asyncio dialect can do without them: the driver connection goes in the
`_connection` slot `AdaptedConnection` declares (its `run_async` and
`driver_connection` read it; third-party asyncio dialects set it the same
way), and the asyncio layer awaits `_async_soft_close()` on a result's cursor
(since 2.0.44). Both are on our side, so a change there fails at the first
statement (every test), never silently. The other route, `sqlite3` directly
for the hot statements beside plain aiosqlite, would split a step over two
connections, so two transactions: not an option while a step is one.

Waiting for another process's write lock (`worker` and `web`/`chat` share the
file) still yields: SQLite's busy timeout stays at zero, and a statement
refused with "database is locked" is retried after an `asyncio.sleep`, with
backoff, for up to `timeout` seconds (`LOCK_WAIT`, or `?timeout=` in the URL),
so the loop keeps serving meanwhile; past that the error reaches the caller
(the user is asked to try again). Every transaction opens with
`BEGIN IMMEDIATE` (`storage.db`), so the wait happens before any work. What
still blocks the loop, for a few milliseconds now and then, is the
write-ahead log's automatic checkpoint (every 1 000 pages, with an fsync)."""

import asyncio
import sqlite3
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from sqlalchemy import pool
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine import URL, AdaptedConnection
from sqlalchemy.engine.interfaces import DBAPIConnection

__all__ = ["DRIVERNAME", "LOCK_WAIT", "LoopConnection", "SQLiteOnLoopDialect", "register"]

DRIVERNAME = "sqlite+onloop"
LOCK_WAIT = 30.0  # seconds a statement waits, yielding, for another process's write lock
_FIRST_WAIT = 0.001
_LONGEST_WAIT = 0.05
_LOCKED = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
_T = TypeVar("_T")


def _locked(error: sqlite3.OperationalError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in _LOCKED


async def _until_unlocked(budget: float, call: Callable[..., _T], *args: Any) -> _T:
    """`call(*args)`; while SQLite says another connection holds the lock,
    again after a sleep that lets the loop run, for up to `budget` seconds."""
    deadline: float | None = None
    wait = _FIRST_WAIT
    while True:
        try:
            return call(*args)
        except sqlite3.OperationalError as error:
            if not _locked(error):
                raise
            now = time.monotonic()
            if deadline is None:
                deadline = now + budget
            if now >= deadline:
                raise
            await asyncio.sleep(min(wait, deadline - now))
            wait = min(wait * 2, _LONGEST_WAIT)


class LoopCursor(sqlite3.Cursor):
    """sqlite3's cursor (fetches, description, rowcount as they are), whose
    statements run through its connection's `run_async`."""

    owner: "LoopConnection"

    def execute(self, sql: str, parameters: Any = (), /) -> "LoopCursor":
        run = super().execute
        self.owner.run_async(lambda _: _until_unlocked(self.owner.lock_wait, run, sql, parameters))
        return self

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> "LoopCursor":
        run, rows = super().executemany, list(parameters)
        self.owner.run_async(lambda _: _until_unlocked(self.owner.lock_wait, run, sql, rows))
        return self

    async def _async_soft_close(self) -> None:
        """Awaited by SQLAlchemy's asyncio layer on a result's cursor (since
        2.0.44; undocumented): an async driver closes its cursor there. Rows
        of this one are read on the loop's thread, so there is nothing to do."""


class LoopConnection(AdaptedConnection):
    """The DBAPI connection SQLAlchemy sees: sqlite3's, with statements
    (and a commit that meets a lock) awaited on the loop."""

    __slots__ = ("lock_wait",)
    _connection: sqlite3.Connection  # type: ignore[assignment]

    def __init__(self, connection: sqlite3.Connection, lock_wait: float) -> None:
        self._connection = connection
        self.lock_wait = lock_wait

    def cursor(self) -> LoopCursor:
        cursor = self._connection.cursor(LoopCursor)
        cursor.owner = self
        return cursor

    def commit(self) -> None:
        # In WAL, with the write lock taken by BEGIN IMMEDIATE, a commit does
        # not wait for anyone; it awaits only if SQLite says otherwise.
        try:
            self._connection.commit()
        except sqlite3.OperationalError as error:
            if not _locked(error):
                raise
            self.run_async(lambda c: _until_unlocked(self.lock_wait, c.commit))

    def rollback(self) -> None:
        self._connection.rollback()

    def close(self) -> None:
        self._connection.close()

    def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._connection.create_function(*args, **kwargs)

    @property
    def isolation_level(self) -> str | None:
        return self._connection.isolation_level

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        # pysqlite's dialect also sets "" (implicit BEGIN before DML, which
        # never happens here: a transaction is always begun first)
        self._connection.isolation_level = value  # type: ignore[assignment]


class SQLiteOnLoopDialect(SQLiteDialect_pysqlite):
    driver = "onloop"
    supports_statement_cache = True
    is_async = True
    # Closing a sqlite3 connection waits for nothing, so one the pool must
    # drop (say, garbage-collected unreturned) can simply be closed.
    has_terminate = True

    @classmethod
    def get_pool_class(cls, url: URL) -> type[pool.Pool]:
        # As SQLAlchemy's aiosqlite dialect: a memory database lives in one
        # connection, so share it; a file gets the asyncio queue pool.
        memory = url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"
        return pool.StaticPool if memory else pool.AsyncAdaptedQueuePool

    def connect(self, *cargs: Any, **cparams: Any) -> DBAPIConnection:
        # `timeout` (sqlite3's busy timeout) becomes the budget of the
        # yielding retry; SQLite itself never sleeps on the loop's thread.
        (database,) = cargs
        lock_wait = float(cparams.pop("timeout", LOCK_WAIT))
        connection = sqlite3.connect(database, timeout=0.0, **cparams)
        return LoopConnection(connection, lock_wait)  # type: ignore[return-value]

    def get_driver_connection(self, connection: DBAPIConnection) -> Any:
        return connection.driver_connection

    def do_terminate(self, dbapi_connection: DBAPIConnection) -> None:
        dbapi_connection.close()


def register() -> None:
    """Make `sqlite+onloop://` known to `create_engine`/`create_async_engine`."""
    registry.register("sqlite.onloop", __name__, SQLiteOnLoopDialect.__name__)
