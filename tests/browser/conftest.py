"""Real headless Chromium (Debian's `/usr/bin/chromium`, which `.ci/run`
installs) driven by Playwright for Python: one browser per test session,
one context per page with the viewport, colour scheme and language asked
for. Playwright's own browser download is not used (it cannot reach its
servers here); `executable_path` points it at the system one.

Playwright's sync API keeps an event loop running on the thread that
started it, and pytest-asyncio needs the main thread's free for every async
test the same worker runs afterwards. So Playwright lives on one thread of
its own for the whole session, and each browser test's body runs there
(`pytest_pyfunc_call` below); its fixtures are set up on the main thread as
usual, and the web app runs on a third (`live_app.py`).

Screenshots: `tests/browser/screens.py`."""

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from bot.config import Settings
from bot.ops.clock import FrozenClock
from tests.browser.live_app import LiveApp
from tests.browser.screens import VIEWPORTS
from tests.databases import migrated_database

CHROMIUM = Path("/usr/bin/chromium")
T = TypeVar("T")
_PLAYWRIGHT_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="playwright")


_playwright_thread_id: list[int] = []


def on_playwright_thread(work: Callable[[], T]) -> T:
    """Runs `work` where every Playwright object must be used (right away
    when already there)."""
    if threading.get_ident() in _playwright_thread_id:
        return work()
    return _PLAYWRIGHT_THREAD.submit(work).result()


_PLAYWRIGHT_THREAD.submit(lambda: _playwright_thread_id.append(threading.get_ident())).result()


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    if "open_page" not in pyfuncitem.fixturenames:
        return None
    test = pyfuncitem.obj
    names = pyfuncitem._fixtureinfo.argnames
    arguments: dict[str, Any] = {name: pyfuncitem.funcargs[name] for name in names}
    on_playwright_thread(lambda: test(**arguments))
    return True


OpenPage = Callable[..., Page]


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: `apt-get install -y --no-install-recommends chromium` "
            "(.ci/run does this)"
        )
    running = on_playwright_thread(lambda: sync_playwright().start())
    yield running
    on_playwright_thread(running.stop)


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    launched = on_playwright_thread(
        lambda: playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
    )
    yield launched
    on_playwright_thread(launched.close)


@pytest.fixture
def app_loop(clock: FrozenClock) -> Iterator[LiveApp]:
    """The app's thread and loop, not serving yet (for tests that start a
    double on it first)."""
    app = LiveApp(clock)
    yield app
    app.stop()


@pytest.fixture
def database_url(backend: str, tmp_path: Path, app_loop: LiveApp) -> Iterator[str]:
    """`tests/conftest.py`'s, made on the app's loop, which also serves it."""
    database = migrated_database(backend, tmp_path)
    url = app_loop.run(database.__aenter__())
    yield url
    app_loop.run(database.__aexit__(None, None, None))


@pytest.fixture
def live(app_loop: LiveApp, settings: Settings) -> Iterator[LiveApp]:
    """The web app, serving; closed before its database is given back."""
    yield app_loop.serve(settings)
    app_loop.close()


@pytest.fixture
def open_page(browser: Browser) -> Iterator[OpenPage]:
    """`open_page(viewport="phone", scheme="dark", locale="ru")`: a fresh
    context each time (no cookies shared), closed after the test. `locale`
    sets the browser's language and so its `Accept-Language`. Every test
    that asks for it runs on the Playwright thread."""
    contexts: list[BrowserContext] = []

    def open_one(*, viewport: str = "phone", scheme: str = "light", locale: str = "en-US") -> Page:
        width, height = VIEWPORTS[viewport]
        context = browser.new_context(
            viewport={"width": width, "height": height},
            color_scheme=scheme,  # type: ignore[arg-type]
            locale=locale,
            device_scale_factor=1,
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    def open_there(**options: str) -> Page:
        return on_playwright_thread(lambda: open_one(**options))

    yield open_there
    for context in contexts:
        on_playwright_thread(context.close)
