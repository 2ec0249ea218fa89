"""Whether a SQLite database is already at the newest schema, answered without
Alembic: importing Alembic and letting it find nothing to do took about a
fifth of `chat`'s start-up. The scripts' own `revision` / `down_revision`
assignments give the heads; the database's `alembic_version` table gives
where it is. Anything unexpected answers False, and Alembic decides."""

import ast
import sqlite3
from contextlib import closing
from functools import cache
from pathlib import Path

from sqlalchemy.engine import make_url

__all__ = ["script_heads", "sqlite_is_current"]

_VERSIONS = Path(__file__).with_name("migrations") / "versions"


def _assigned(tree: ast.Module, name: str) -> object:
    for node in tree.body:
        target: ast.expr | None = None
        if isinstance(node, ast.AnnAssign):
            target = node.target
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if isinstance(target, ast.Name) and target.id == name and value is not None:
            return ast.literal_eval(value)
    raise LookupError(name)


@cache
def script_heads() -> frozenset[str]:
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in _VERSIONS.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        revision = _assigned(tree, "revision")
        down = _assigned(tree, "down_revision")
        if not isinstance(revision, str):
            raise ValueError(f"{path.name}: revision is not a string")
        revisions.add(revision)
        if isinstance(down, str):
            parents.add(down)
        elif isinstance(down, tuple | list):
            parents.update(str(d) for d in down)
    return frozenset(revisions - parents)


def sqlite_is_current(url: str) -> bool:
    database = make_url(url).database
    if not database or database == ":memory:" or not Path(database).exists():
        return False
    try:
        heads = script_heads()
        uri = f"{Path(database).resolve().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        current = {row[0] for row in rows}
    except (OSError, ValueError, LookupError, SyntaxError, sqlite3.Error):
        return False
    return bool(heads) and current == heads
