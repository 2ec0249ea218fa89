"""Liveness, readiness and metrics endpoints."""

import asyncio
import logging
from collections.abc import Awaitable, Callable

from aiohttp import web
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from bot.ops import metrics
from bot.steps.engine import Engine
from storage import outbox, tickets
from storage.migrate import heads

__all__ = ["add_health_routes"]

log = logging.getLogger(__name__)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
READY_TIMEOUT = 5.0


async def healthz(_: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def _readyz(engine: Engine) -> Handler:
    expected = heads(engine.settings.database_url)

    async def handler(_: web.Request) -> web.Response:
        try:
            async with asyncio.timeout(READY_TIMEOUT), engine.sessions() as session:
                await session.execute(text("SELECT 1"))
                connection = await session.connection()
                current = await connection.run_sync(
                    lambda sync: set(MigrationContext.configure(sync).get_current_heads())
                )
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
