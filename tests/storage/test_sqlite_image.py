"""The SQLite image (storage/sqlite_schema.sql) that a first start writes
instead of running the migrations: current, and equal to a migrated
database in schema and content. After a new migration, remake it with
`python -m storage.sqlite_image > storage/sqlite_schema.sql`."""

import sqlite3
from contextlib import closing
from pathlib import Path

from storage.schema_version import script_heads, sqlite_is_current
from storage.sqlite_image import IMAGE, create_from_image, dump, image_revisions
from tests.databases import migrated_database

REMAKE = "python -m storage.sqlite_image > storage/sqlite_schema.sql"


def _database(url: str) -> Path:
    return Path(url.removeprefix("sqlite+aiosqlite:///"))


def _everything(path: Path) -> dict[str, object]:
    """Schema as SQLite stored it (automatic indexes included), each table's
    columns, keys and rows, and the header pragmas."""
    with closing(sqlite3.connect(path)) as connection:
        schema = sorted(
            connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall(),
            key=repr,
        )
        tables = [row[1] for row in schema if row[0] == "table"]
        result: dict[str, object] = {"schema": schema}
        for name in tables:
            result[name] = (
                connection.execute(f'PRAGMA table_info("{name}")').fetchall(),
                connection.execute(f'PRAGMA foreign_key_list("{name}")').fetchall(),
                # Without the position: two migrations of the same scripts
                # create a table's indexes in different orders.
                sorted(row[1:] for row in connection.execute(f'PRAGMA index_list("{name}")')),
                sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr),  # noqa: S608
            )
        for pragma in ("user_version", "application_id", "encoding", "auto_vacuum"):
            result[pragma] = connection.execute(f"PRAGMA {pragma}").fetchall()
    return result


async def test_the_image_is_the_migrations_head(tmp_path: Path) -> None:
    async with migrated_database("sqlite", tmp_path) as url:
        with closing(sqlite3.connect(_database(url))) as migrated:
            expected = dump(migrated)
    assert image_revisions(IMAGE.read_text(encoding="utf-8")) == script_heads(), REMAKE
    assert IMAGE.read_text(encoding="utf-8") == expected, REMAKE


async def test_a_database_made_from_the_image_equals_a_migrated_one(tmp_path: Path) -> None:
    made = tmp_path / "new" / "made.db"
    assert create_from_image(made)
    assert sqlite_is_current(f"sqlite+aiosqlite:///{made}")
    assert sorted(path.name for path in made.parent.iterdir()) == ["made.db"]  # nothing left over
    async with migrated_database("sqlite", tmp_path) as url:
        assert _everything(made) == _everything(_database(url))


def test_an_existing_file_is_left_alone(tmp_path: Path) -> None:
    existing = tmp_path / "existing.db"
    existing.write_bytes(b"")
    assert not create_from_image(existing)
    assert existing.read_bytes() == b""
