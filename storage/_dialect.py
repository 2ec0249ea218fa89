from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.dialects import sqlite
from sqlalchemy.ext.asyncio import AsyncSession

DIALECTS = ("postgresql", "sqlite")


def _insert_of(dialect: str) -> Callable[[Any], Any]:
    # The PostgreSQL dialect (with its drivers' modules) is imported only by a
    # process that talks to PostgreSQL: about 30-50 ms of a SQLite start-up.
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert
    return sqlite.insert


def upsert_insert(session: AsyncSession, table: Any) -> Any:
    """`INSERT` that understands `on_conflict_do_nothing` on this backend."""
    return _insert_of(session.get_bind().dialect.name)(table)


def is_postgres(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def dialect_name(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


def table(model: Any) -> Table:
    """A mapped class's table, for Core statements (no ORM unit of work)."""
    return cast(Table, model.__table__)


class _PerDialect(dict[str, Any]):
    def __init__(self, build: Callable[[Callable[[Any], Any]], Any]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, dialect: str) -> Any:
        if dialect not in DIALECTS:
            raise KeyError(dialect)
        statement = self[dialect] = self._build(_insert_of(dialect))
        return statement


def per_dialect(build: Callable[[Callable[[Any], Any]], Any]) -> dict[str, Any]:
    """A statement built once per backend, for the hot path: building and
    hashing a statement costs more than running it. `build` gets the
    backend's `insert`; it runs on the backend's first use."""
    return _PerDialect(build)
