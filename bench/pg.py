"""A throw-away PostgreSQL database for one benchmark run."""

import asyncio
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import asyncpg  # type: ignore[import-untyped]

__all__ = ["postgres_database"]

HOST = os.environ.get("BENCH_PG_HOST", "127.0.0.1")
PORT = int(os.environ.get("BENCH_PG_PORT", "5432"))
USER = os.environ.get("BENCH_PG_USER", "postgres")
ADMIN_DB = os.environ.get("BENCH_PG_DB", "test")


async def _admin(sql: str) -> None:
    connection = await asyncpg.connect(host=HOST, port=PORT, user=USER, database=ADMIN_DB)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


@contextmanager
def postgres_database() -> Iterator[str | None]:
    """Yields a database URL, or None when no PostgreSQL answers."""
    name = f"bench_{uuid.uuid4().hex[:12]}"
    try:
        asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    except (OSError, asyncpg.PostgresError):
        yield None
        return
    try:
        yield f"postgresql+asyncpg://{USER}@{HOST}:{PORT}/{name}"
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
