"""The persistence a production bot on each library would use, for the fair
peers of our paths (which store every step before answering):

- aiogram: `RedisStorage`, aiogram's own persistent FSM storage. Each state
  or data change is a Redis command awaited before the handler goes on; Redis
  runs on loopback with no fsync (`--save "" --appendonly no`), so this peer
  persists less durably than our SQLite (WAL, one commit per update).
- python-telegram-bot: `SQLitePersistence` below, a `BasePersistence` that
  writes each changed conversation state and user's data to SQLite (WAL,
  `synchronous=NORMAL`, as ours) and commits; `Application.update_persistence()`
  runs after every update (see `baselines.bench_ptb_conversation`), so a
  change is stored before the user's next update. PTB's own `PicklePersistence`
  rewrites the whole pickle file on every flush, which would make the peer
  slower than it needs to be."""

import json
import shutil
import sqlite3
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput

__all__ = ["SQLitePersistence", "redis_storage_factory", "redis_url"]

REDIS_URL = "redis://127.0.0.1:6379/0"
_REDIS_START = [
    "redis-server",
    "--daemonize",
    "yes",
    "--bind",
    "127.0.0.1",
    "-::1",
    "--port",
    "6379",
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    "/var/lib/redis",
    "--logfile",
    "/var/log/redis/ci.log",
]


def _redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


def redis_url() -> str | None:
    """Redis on loopback, started here if it is not up; None if it cannot be."""
    if _redis_answers():
        return REDIS_URL
    if shutil.which("redis-server") is None:
        return None
    subprocess.run(_REDIS_START, check=False, capture_output=True)  # noqa: S603 (fixed argv)
    for _ in range(50):
        if _redis_answers():
            return REDIS_URL
        time.sleep(0.1)
    return None


def redis_storage_factory(url: str) -> Callable[[], Any]:
    """A fresh `RedisStorage` per run, its keys under a prefix of their own."""
    from aiogram.fsm.storage.base import DefaultKeyBuilder
    from aiogram.fsm.storage.redis import RedisStorage

    def make() -> Any:
        prefix = f"bench-{uuid.uuid4().hex[:8]}"
        return RedisStorage.from_url(url, key_builder=DefaultKeyBuilder(prefix=prefix))

    return make


class SQLitePersistence(BasePersistence[dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """User data and conversation states in SQLite, written when PTB reports a
    change; nothing else is kept (`store_data`: user data only)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=False, user_data=True, callback_data=False
            ),
            update_interval=3600,  # the bench flushes after every update itself
        )
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, data TEXT)")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS conversations "
            "(name TEXT, key TEXT, state TEXT, PRIMARY KEY (name, key))"
        )

    def _write(self, sql: str, params: tuple[Any, ...]) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        self.db.execute(sql, params)
        self.db.execute("COMMIT")

    async def get_user_data(self) -> dict[int, dict[Any, Any]]:
        return {row[0]: json.loads(row[1]) for row in self.db.execute("SELECT id, data FROM users")}

    async def update_user_data(self, user_id: int, data: dict[Any, Any]) -> None:
        self._write(
            "INSERT INTO users (id, data) VALUES (?, ?) "
            "ON CONFLICT (id) DO UPDATE SET data = excluded.data",
            (user_id, json.dumps(data)),
        )

    async def refresh_user_data(self, user_id: int, user_data: dict[Any, Any]) -> None:
        return None

    async def drop_user_data(self, user_id: int) -> None:
        self._write("DELETE FROM users WHERE id = ?", (user_id,))

    async def get_conversations(self, name: str) -> dict[Any, Any]:
        rows = self.db.execute("SELECT key, state FROM conversations WHERE name = ?", (name,))
        return {tuple(json.loads(key)): json.loads(state) for key, state in rows}

    async def update_conversation(self, name: str, key: Any, new_state: object | None) -> None:
        if new_state is None:
            self._write(
                "DELETE FROM conversations WHERE name = ? AND key = ?", (name, json.dumps(key))
            )
            return
        self._write(
            "INSERT INTO conversations (name, key, state) VALUES (?, ?, ?) "
            "ON CONFLICT (name, key) DO UPDATE SET state = excluded.state",
            (name, json.dumps(key), json.dumps(new_state)),
        )

    async def get_chat_data(self) -> dict[int, dict[Any, Any]]:
        return {}

    async def update_chat_data(self, chat_id: int, data: dict[Any, Any]) -> None:
        return None

    async def refresh_chat_data(self, chat_id: int, chat_data: dict[Any, Any]) -> None:
        return None

    async def drop_chat_data(self, chat_id: int) -> None:
        return None

    async def get_bot_data(self) -> dict[Any, Any]:
        return {}

    async def update_bot_data(self, data: dict[Any, Any]) -> None:
        return None

    async def refresh_bot_data(self, bot_data: dict[Any, Any]) -> None:
        return None

    async def get_callback_data(self) -> Any:
        return None

    async def update_callback_data(self, data: Any) -> None:
        return None

    async def flush(self) -> None:
        self.db.close()
