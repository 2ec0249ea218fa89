"""Liveness, readiness and metrics endpoints.

Readiness compares the database's `alembic_version` rows with the heads of
the migration scripts (`storage.schema_version`, read without Alembic, whose
import alone was about a tenth of `web`'s start-up)."""

import asyncio
import logging
from collections.abc import Awaitable, Callable

from aiohttp import web
from sqlalchemy import Connection, inspect, text

from bot.ops import metrics
from bot.steps.engine import Engine
from storage import outbox, tickets
from storage.schema_version import script_heads

__all__ = ["add_health_routes"]

log = logging.getLogger(__name__)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
READY_TIMEOUT = 5.0


async def healthz(_: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def _applied_revisions(connection: Connection) -> set[str]:
    """What Alembic's `MigrationContext.get_current_heads()` reads: the rows of
    its version table (the default name, which storage/migrations/env.py
    keeps), none when the table is not there yet."""
    if not inspect(connection).has_table("alembic_version"):
        return set()
    rows = connection.execute(text("SELECT version_num FROM alembic_version"))
    return {row[0] for row in rows}


def _readyz(engine: Engine) -> Handler:
    expected = set(script_heads())

    async def handler(_: web.Request) -> web.Response:
        try:
            async with asyncio.timeout(READY_TIMEOUT), engine.sessions() as session:
                await session.execute(text("SELECT 1"))
                connection = await session.connection()
                current = await connection.run_sync(_applied_revisions)
        except Exception as error:  # any failure to reach the database means "not ready"
            log.warning("readiness check failed: %s", type(error).__name__)
            return web.json_response({"status": "unavailable", "database": "down"}, status=503)
        if current != expected:
            return web.json_response({"status": "unavailable", "migrations": "behind"}, status=503)
        return web.json_response({"status": "ok"})

    return handler


def _metrics(engine: Engine) -> Handler:
    async def handler(_: web.Request) -> web.Response:
        shared: metrics.SharedState | None = None
        try:
            async with asyncio.timeout(READY_TIMEOUT), engine.sessions() as session:
                depth = await outbox.depth(session)
                oldest = await outbox.oldest_pending(session)
                handoffs = await tickets.count_open(session)
            age = 0.0 if oldest is None else (engine.clock.now() - oldest).total_seconds()
            shared = metrics.SharedState(depth, max(0.0, age), handoffs)
        except Exception as error:  # said in the scrape: onboarding_database_up 0
            log.warning("metrics could not read the database: %s", type(error).__name__)
        body = metrics.render_metrics(shared)
        return web.Response(body=body, headers={"Content-Type": metrics.CONTENT_TYPE})

    return handler


def add_health_routes(app: web.Application, engine: Engine) -> None:
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", _readyz(engine))
    app.router.add_get("/metrics", _metrics(engine))
