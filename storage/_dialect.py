from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

DIALECTS = ("postgresql", "sqlite")


def upsert_insert(session: AsyncSession, table: Any) -> Any:
    """`INSERT` that understands `on_conflict_do_nothing` on this backend."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def is_postgres(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def dialect_name(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


def table(model: Any) -> Table:
    """A mapped class's table, for Core statements (no ORM unit of work)."""
    return cast(Table, model.__table__)


def per_dialect(build: Callable[[Callable[[Any], Any]], Any]) -> dict[str, Any]:
    """A statement built once per backend, for the hot path: building and
    hashing a statement costs more than running it. `build` gets the
    backend's `insert`."""
    return {"postgresql": build(postgresql.insert), "sqlite": build(sqlite.insert)}
