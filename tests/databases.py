"""Migrated, empty databases for tests: a SQLite file, or a PostgreSQL
database on the local server (127.0.0.1:5432, trust auth).

Nearly every test wants one, and both migrating (about a second) and
creating or dropping a PostgreSQL database (a second or more each: the server
writes and syncs the whole copy, a drop waits for a checkpoint) cost more
than most tests. So each test process migrates once per backend and copies:
a PostgreSQL template database (`CREATE DATABASE … TEMPLATE`), a SQLite file
(`shutil.copyfile`). A PostgreSQL copy is not dropped after its test but
emptied (its other connections ended, every table but `alembic_version`
emptied, sequences restarted: the state a fresh copy has, since the
migrations insert no rows) and handed to the next test of the same process;
if emptying fails or the test changed the schema, it is dropped instead.

Templates and copies belong to one process (an xdist worker, or the single
pytest process), so two workers or two test runs on the same server never
share, race for or drop each other's databases. `drop_templates` removes
them at the end of the session.

`empty_database` stays unmigrated for the tests of the migrations themselves
(tests/storage/test_migrations.py), which run every revision for real."""

import asyncio
import os
import shutil
import sqlite3
import tempfile
import threading
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg

PG_HOST = os.environ.get("TEST_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("TEST_PG_PORT", "5432"))
PG_USER = os.environ.get("TEST_PG_USER", "postgres")
PG_ADMIN_DB = os.environ.get("TEST_PG_DB", "test")
BACKENDS = ("sqlite", "postgresql")

# One template per backend per process, built on first use. The lock keeps a
# test that opens two databases at once from building two.
_template_lock = threading.Lock()
_pg_template: str | None = None
_pg_tables: frozenset[str] = frozenset()
_pg_created: set[str] = set()  # every copy this process made, dropped at the end
_pg_free: list[str] = []  # copies emptied after their test, ready for the next
_sqlite_template: Path | None = None


def _pg_url(name: str) -> str:
    return f"postgresql+asyncpg://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"


async def _admin() -> asyncpg.Connection:
    return await asyncpg.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, database=PG_ADMIN_DB)


async def _admin_execute(sql: str) -> None:
    admin = await _admin()
    try:
        await admin.execute(sql)
    finally:
        await admin.close()


def _build_pg_template() -> str:
    """Migrate a database once and close it to connections: `CREATE DATABASE
    … TEMPLATE` refuses while anyone is connected to the template, and with
    ALLOW_CONNECTIONS false nobody can be (the migration's own engine is
    disposed before this returns)."""
    from storage.migrate import upgrade  # Alembic: loaded only when a test needs a database

    global _pg_tables
    name = f"tmpl_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    asyncio.run(_admin_execute(f'CREATE DATABASE "{name}"'))
    try:
        upgrade(_pg_url(name))
        _pg_tables = asyncio.run(_tables_of(name))
        asyncio.run(
            _admin_execute(f'ALTER DATABASE "{name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false')
        )
    except BaseException:
        asyncio.run(_drop_pg(name))
        raise
    return name


async def _tables_of(name: str) -> frozenset[str]:
    connection = await asyncpg.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, database=name)
    try:
        rows = await connection.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    finally:
        await connection.close()
    return frozenset(row["tablename"] for row in rows)


def _build_sqlite_template() -> Path:
    from storage.migrate import upgrade

    path = Path(tempfile.mkdtemp(prefix="proficonf-tests-")) / "template.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    # The engine ran in WAL mode; fold the log into the file and switch the
    # file back to a rollback journal so one file is the whole database. Each
    # copy turns WAL on again when the app's engine connects.
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    assert not path.with_name("template.db-wal").exists()
    return path


def _pg_template_name() -> str:
    global _pg_template
    with _template_lock:
        if _pg_template is None:
            _pg_template = _build_pg_template()
        return _pg_template


def _sqlite_template_path() -> Path:
    global _sqlite_template
    with _template_lock:
        if _sqlite_template is None:
            _sqlite_template = _build_sqlite_template()
        return _sqlite_template


async def _drop_pg(name: str) -> None:
    admin = await _admin()
    try:
        # A template cannot be dropped; clearing the flag first is harmless
        # for ordinary databases.
        await admin.execute(f'ALTER DATABASE "{name}" WITH IS_TEMPLATE false')
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    except asyncpg.InvalidCatalogNameError:
        pass
    finally:
        await admin.close()


def drop_templates() -> None:
    """End of session: remove this process's templates (a no-op if none)."""
    global _pg_template, _sqlite_template
    with _template_lock:
        for name in sorted(_pg_created):
            asyncio.run(_drop_pg(name))
        _pg_created.clear()
        _pg_free.clear()
        if _pg_template is not None:
            asyncio.run(_drop_pg(_pg_template))
            _pg_template = None
        if _sqlite_template is not None:
            shutil.rmtree(_sqlite_template.parent, ignore_errors=True)
            _sqlite_template = None


async def _take_pg_database() -> str:
    template = await asyncio.to_thread(_pg_template_name)
    with _template_lock:
        if _pg_free:
            return _pg_free.pop()
    name = f"t_{uuid.uuid4().hex[:16]}"
    await _admin_execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    with _template_lock:
        _pg_created.add(name)
    return name


async def _give_back_pg_database(name: str) -> None:
    """Empty the database and keep it for the next test; drop it if that fails
    or if the test changed its schema, so no test sees another's rows."""
    try:
        admin = await _admin()
        try:
            await admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = $1 AND pid <> pg_backend_pid()",
                name,
            )
        finally:
            await admin.close()
        connection = await asyncpg.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, database=name)
        try:
            tables = {
                row["tablename"]
                for row in await connection.fetch(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                )
            }
            if tables != _pg_tables:
                raise RuntimeError("schema changed")
            sequences = [
                row["sequencename"]
                for row in await connection.fetch(
                    "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'"
                )
            ]
            # DELETE, not TRUNCATE: a few rows go in milliseconds, while
            # TRUNCATE makes new files for every table and index (a second).
            # Replica mode skips the foreign-key triggers, so order is free.
            async with connection.transaction():
                await connection.execute("SET LOCAL session_replication_role = replica")
                for table in sorted(tables - {"alembic_version"}):
                    await connection.execute(f'DELETE FROM "{table}"')  # noqa: S608 (names from pg_tables)
                for sequence in sequences:
                    await connection.execute(
                        "SELECT setval($1::regclass, 1, false)", f'public."{sequence}"'
                    )
        finally:
            await connection.close()
    except Exception:
        await _drop_pg(name)
        with _template_lock:
            _pg_created.discard(name)
        return
    with _template_lock:
        _pg_free.append(name)


@asynccontextmanager
async def empty_database(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
        return
    name = f"t_{uuid.uuid4().hex[:16]}"
    await _admin_execute(f'CREATE DATABASE "{name}"')
    try:
        yield _pg_url(name)
    finally:
        await _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@asynccontextmanager
async def migrated_database(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    """A database at the migrations' head, copied from this process's template."""
    if backend == "sqlite":
        template = await asyncio.to_thread(_sqlite_template_path)
        target = tmp_path / "test.db"
        shutil.copyfile(template, target)
        yield f"sqlite+aiosqlite:///{target}"
        return
    name = await _take_pg_database()
    try:
        yield _pg_url(name)
    finally:
        await _give_back_pg_database(name)
