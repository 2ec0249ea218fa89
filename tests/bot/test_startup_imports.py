"""`chat` and `web` on the embedded defaults (SQLite, already migrated; no
Stripe key, no Telegram or Slack tokens, no SMTP) import only what that
configuration uses: no Stripe, no Alembic, no channel library, no SMTP
client, and `chat` no aiohttp. Each command runs as a real process,
`python -m bot …`, which writes `sys.modules` to a file as it exits (after its
first prompt, and after answering /healthz), so whatever it imported on the
way is seen. No timing here: bench/startup.py measures how long it takes."""

import asyncio
import json
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from storage.schema_version import sqlite_is_current
from tests.databases import migrated_database
from tests.ports import free_port

# Top-level packages (python-telegram-bot's is `telegram`).
NEVER = {"stripe", "alembic", "aiogram", "telegram", "slack_bolt", "slack_sdk", "aiosmtplib"}
NOT_IN_CHAT = NEVER | {"aiohttp"}
# Needed later, not before the first prompt or request: the PostgreSQL
# dialect (SQLite here), the email address checker (no address typed yet),
# the metrics library (nothing recorded or scraped yet).
DEFERRED = {"sqlalchemy.dialects.postgresql", "email_validator", "prometheus_client"}
STARTUP = 60.0  # seconds a loaded machine may take to answer /healthz

_PROBE = """
import atexit, json, runpy, sys

def write_modules(path=sys.argv[1]):
    with open(path, "w") as out:
        json.dump(sorted(sys.modules), out)

atexit.register(write_modules)
sys.argv = ["bot", *sys.argv[2:]]
runpy.run_module("bot", run_name="__main__", alter_sys=True)
"""

# What a configuration is made of: nothing of it comes from the test's own
# environment (the working directory is empty, so there is no .env either).
_KEPT = ("PATH", "HOME", "PYTHONPATH", "SYSTEMROOT", "TMPDIR")


@pytest.fixture
async def defaults(tmp_path: Path) -> AsyncIterator[dict[str, str]]:
    async with migrated_database("sqlite", tmp_path) as url:
        yield {
            **{name: os.environ[name] for name in _KEPT if name in os.environ},
            "DATABASE_URL": url,
            "MAIL_DIR": str(tmp_path / "mail"),
            "LANG": "C.UTF-8",
        }


def _loaded(path: Path) -> set[str]:
    """Every module imported, with each one's top-level package."""
    names = set(json.loads(path.read_text()))
    return names | {name.split(".")[0] for name in names}


async def _probe(tmp_path: Path, env: dict[str, str], *args: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        _PROBE,
        str(tmp_path / "modules.json"),
        *args,
        env=env,
        cwd=tmp_path,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def test_chat_on_defaults_loads_no_payments_migrations_channels_or_http(
    tmp_path: Path, defaults: dict[str, str]
) -> None:
    process = await _probe(tmp_path, defaults, "chat", "--user", "probe")
    _, stderr = await process.communicate(b"")  # the first prompt, then end of input
    assert process.returncode == 0, stderr.decode()
    loaded = _loaded(tmp_path / "modules.json")
    unwanted = sorted(loaded & (NOT_IN_CHAT | DEFERRED))
    assert not unwanted, f"chat imported {unwanted}"
    assert "sqlalchemy" in loaded  # the probe saw a real start


async def test_web_on_defaults_loads_no_payments_migrations_or_channels(
    tmp_path: Path, defaults: dict[str, str]
) -> None:
    port = free_port()
    process = await _probe(tmp_path, {**defaults, "PORT": str(port)}, "web")
    try:
        async with aiohttp.ClientSession() as http, asyncio.timeout(STARTUP):
            while True:
                try:
                    async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
                        if response.status == 200:
                            break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.05)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)  # a clean stop: the probe writes on exit
        _, stderr = await process.communicate()
    assert process.returncode == 0, stderr.decode()
    loaded = _loaded(tmp_path / "modules.json")
    unwanted = sorted(loaded & (NEVER | DEFERRED))
    assert not unwanted, f"web imported {unwanted}"
    assert "aiohttp" in loaded


async def test_a_first_start_makes_the_database_without_alembic(tmp_path: Path) -> None:
    """No database file yet: the schema comes from storage/sqlite_schema.sql
    (tests/storage/test_sqlite_image.py checks it equals a migrated one)."""
    database = tmp_path / "var" / "first.db"
    env = {
        **{name: os.environ[name] for name in _KEPT if name in os.environ},
        "DATABASE_URL": f"sqlite+aiosqlite:///{database}",
        "MAIL_DIR": str(tmp_path / "mail"),
        "LANG": "C.UTF-8",
    }
    process = await _probe(tmp_path, env, "chat", "--user", "first")
    _, stderr = await process.communicate(b"")
    assert process.returncode == 0, stderr.decode()
    assert sqlite_is_current(env["DATABASE_URL"])
    loaded = _loaded(tmp_path / "modules.json")
    assert "alembic" not in loaded
