"""The real web app for a real browser: served from a thread with its own
event loop, so the test drives Chromium through Playwright's synchronous API
on the main thread while the app answers. Anything the test does to the
app's side (a sign-up in the terminal channel, the Stripe double, reading
the database) runs on the app's loop through `run`."""

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from aiohttp import web

from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.services import Services, open_services
from tests.ports import free_port

__all__ = ["AppFactory", "LiveApp", "default_app"]

T = TypeVar("T")
AppFactory = Callable[[Services], web.Application]


def default_app(services: Services) -> web.Application:
    from bot.web import build_app

    return build_app(services.engine, services.translator, services.stripe_webhook)


class LiveApp:
    """`run()` needs only the loop; `serve()` then opens the services and the
    app on a port of this worker's range (`tests/ports.py`)."""

    def __init__(self, clock: FrozenClock) -> None:
        self.clock = clock
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._runner: web.AppRunner | None = None
        self._services: Services | None = None
        self._cleanups: list[Callable[[], Coroutine[Any, Any, None]]] = []
        self.url = ""

    @property
    def services(self) -> Services:
        assert self._services is not None, "serve() first"
        return self._services

    def run(self, work: Coroutine[Any, Any, T], timeout: float = 60) -> T:
        return asyncio.run_coroutine_threadsafe(work, self._loop).result(timeout)

    def on_stop(self, cleanup: Callable[[], Coroutine[Any, Any, None]]) -> None:
        self._cleanups.append(cleanup)

    def serve(self, settings: Settings, app: AppFactory = default_app) -> "LiveApp":
        self.run(self._serve(settings, app))
        return self

    async def _serve(self, settings: Settings, app: AppFactory) -> None:
        self._services = open_services(settings, clock=self.clock)
        self._runner = web.AppRunner(app(self._services))
        await self._runner.setup()
        port = free_port()
        await web.TCPSite(self._runner, "127.0.0.1", port).start()
        self.url = f"http://127.0.0.1:{port}"

    def close(self) -> None:
        """Stop serving and close the services (the loop goes on)."""
        self.run(self._close())

    async def _close(self) -> None:
        runner, services, cleanups = self._runner, self._services, self._cleanups
        self._runner, self._services, self._cleanups = None, None, []
        if runner is not None:
            await runner.cleanup()
        if services is not None:
            await services.close()
        for cleanup in reversed(cleanups):
            await cleanup()

    def stop(self) -> None:
        try:
            self.close()
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
            self._loop.close()
