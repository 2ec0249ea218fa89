"""SQLite for SQLAlchemy's asyncio layer without a thread hop per statement.

aiosqlite hands every statement, `BEGIN` and `COMMIT` to its own worker
thread and back: 0.2-1 ms each on a busy machine, an order of magnitude more
than SQLite itself needs for the small statements of a step (WAL,
`synchronous=NORMAL`: a commit writes to the log without an fsync). This
connection speaks aiosqlite's interface to SQLAlchemy but runs each statement
right away on the caller's thread.

What would block is waiting for another process's write lock: the connection
keeps SQLite's busy timeout at zero, and a statement refused with "database
is locked" is retried after an `asyncio.sleep`, with backoff, for up to the
configured timeout, so the event loop keeps serving meanwhile (SQLite's own
busy handler does the same, with `sleep()`). What does block the loop, for a
few milliseconds now and then, is the write-ahead log's automatic checkpoint
(every 1 000 pages, with an fsync): the same work aiosqlite did in its thread."""

import asyncio
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

__all__ = ["InlineConnection", "connect"]

_FIRST_WAIT = 0.001
_LONGEST_WAIT = 0.05


def _locked(error: sqlite3.OperationalError) -> bool:
    message = str(error)
    return "database is locked" in message or "database table is locked" in message


class _Jobs:
    """aiosqlite's `_tx` queue, as SQLAlchemy's adapter uses it to set the
    isolation level: the job runs at once."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def put_nowait(self, job: tuple[asyncio.Future[Any], Callable[[], Any]]) -> None:
        future, function = job
        try:
            future.set_result(function())
        except Exception as error:  # handed to the awaiting caller
            future.set_exception(error)


class InlineCursor:
    def __init__(self, owner: "InlineConnection") -> None:
        self._owner = owner
        self._cursor = owner._open().cursor()

    async def __aenter__(self) -> "InlineCursor":
        return self

    async def __aexit__(self, *_: object) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def execute(self, sql: str, parameters: Any = ()) -> "InlineCursor":
        await self._owner._run(self._cursor.execute, sql, parameters)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> "InlineCursor":
        rows = list(parameters)
        await self._owner._run(self._cursor.executemany, sql, rows)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(self._cursor.arraysize if size is None else size)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()

    async def nextset(self) -> None:
        return None

    async def setinputsizes(self, *_: Any) -> None:
        return None


class InlineConnection:
    def __init__(self, connection: sqlite3.Connection, busy_timeout: float) -> None:
        self._conn: sqlite3.Connection | None = connection
        self._busy_timeout = busy_timeout
        self._tx = _Jobs(connection)

    @property
    def _connection(self) -> sqlite3.Connection | None:
        """aiosqlite's name: SQLAlchemy checks it before a commit or rollback."""
        return self._conn

    def _open(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ValueError("no active connection")
        return self._conn

    async def _run(self, call: Callable[..., Any], *args: Any) -> Any:
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
                    deadline = now + self._busy_timeout
                if now >= deadline:
                    raise
                await asyncio.sleep(min(wait, deadline - now))
                wait = min(wait * 2, _LONGEST_WAIT)

    @property
    def isolation_level(self) -> str | None:
        return self._open().isolation_level

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        self._open().isolation_level = value  # type: ignore[assignment]

    def cursor(self) -> InlineCursor:
        return InlineCursor(self)

    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> InlineCursor:
        cursor = InlineCursor(self)
        return await cursor.execute(sql, parameters)

    async def commit(self) -> None:
        await self._run(self._open().commit)

    async def rollback(self) -> None:
        await self._run(self._open().rollback)

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._open().create_function(*args, **kwargs)

    async def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def stop(self) -> None:
        """Close without waiting (SQLAlchemy's terminate)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def connect(database: str, *, busy_timeout: float = 30.0, uri: bool = False) -> InlineConnection:
    # check_same_thread=False: SQLAlchemy may close a connection from the
    # garbage collector's thread; statements only ever run on the loop's.
    connection = sqlite3.connect(
        database, isolation_level=None, check_same_thread=False, uri=uri, timeout=0
    )
    return InlineConnection(connection, busy_timeout)
