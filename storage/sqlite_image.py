"""A new SQLite database made from the schema the migrations produce, without
running them: importing Alembic and running every revision on an empty file
took about half a CPU-second of the first `chat` or `web` start.

`sqlite_schema.sql` is that schema, dumped from a database Alembic migrated
(`python -m storage.sqlite_image` writes it): every CREATE statement as
SQLite stored it, tables first, then indexes, and the `alembic_version` row. It is used
only for a file that does not exist yet and only while its revision is the
scripts' head; otherwise (a new migration and an image not yet remade)
Alembic migrates as before. tests/storage/test_sqlite_image.py checks that
the image is current and that a database made from it equals a migrated one.
"""

import os
import re
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

from storage.schema_version import script_heads

__all__ = ["IMAGE", "create_from_image", "dump", "image_revisions"]

IMAGE = Path(__file__).with_name("sqlite_schema.sql")
_REVISIONS = "-- revisions: "
_REVISION_ID = re.compile(r"[0-9A-Za-z_]{1,32}")
_ORDER = {"table": 0, "index": 1, "view": 2, "trigger": 3}


def dump(connection: sqlite3.Connection) -> str:
    """The image of a database: its schema and the `alembic_version` rows
    (the migrations insert no other rows)."""
    # By kind, then name: Alembic's batch mode recreates a table's indexes in
    # an order that changes from run to run (and nothing depends on it).
    rows = connection.execute(
        "SELECT type, name, sql FROM sqlite_master"
        " WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    statements = [sql for _, _, sql in sorted(rows, key=lambda row: (_ORDER[row[0]], row[1]))]
    revisions = sorted(
        row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
    )
    if not all(_REVISION_ID.fullmatch(r) for r in revisions):
        raise ValueError(f"unexpected revision ids: {revisions}")
    insert = "INSERT INTO alembic_version (version_num) VALUES ('{}')"  # ids checked above
    inserts = [insert.format(r) for r in revisions]
    head = f"{_REVISIONS}{' '.join(revisions)}\n"
    return head + "".join(f"{statement};\n" for statement in statements + inserts)


def image_revisions(image: str) -> frozenset[str]:
    first = image.partition("\n")[0]
    if not first.startswith(_REVISIONS):
        return frozenset()
    return frozenset(first.removeprefix(_REVISIONS).split())


def create_from_image(database: Path) -> bool:
    """Make `database` from the image if the file does not exist and the image
    is at the scripts' head. False when it did not (the caller migrates).
    The file appears complete or not at all: the schema is written to a
    temporary file which is then linked into place, and a file another
    process created meanwhile is left alone."""
    if database.exists():
        return False
    try:
        image = IMAGE.read_text(encoding="utf-8")
    except OSError:
        return False
    revisions = image_revisions(image)
    if not revisions or revisions != script_heads():
        return False
    database.parent.mkdir(parents=True, exist_ok=True)
    partial = database.with_name(f".{database.name}.{os.getpid()}.new")
    try:
        with closing(sqlite3.connect(partial)) as connection:
            connection.executescript(f"BEGIN;\n{image}COMMIT;\n")
        os.link(partial, database)  # fails if the file appeared meanwhile
    except FileExistsError:
        return False
    finally:
        partial.unlink(missing_ok=True)
    return True


if __name__ == "__main__":
    # python -m storage.sqlite_image [DATABASE]: print the image of a migrated
    # database (by default, a new one migrated here).
    import tempfile

    from storage.migrate import upgrade

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(scratch) / "migrated.db"
        if len(sys.argv) <= 1:
            upgrade(f"sqlite+aiosqlite:///{path}")
        with closing(sqlite3.connect(path)) as migrated:
            sys.stdout.write(dump(migrated))
