"""Real headless Chromium (Debian's `/usr/bin/chromium`, which `.ci/run`
installs) driven by Playwright for Python: one browser per test session,
one context per page with the viewport, colour scheme and language asked
for. Playwright's own browser download is not used (it cannot reach its
servers here); `executable_path` points it at the system one.

Screenshots: `tests/browser/screens.py`."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from bot.clock import FrozenClock
from bot.config import Settings
from tests.browser.live_app import LiveApp
from tests.browser.screens import VIEWPORTS
from tests.databases import migrated_database

CHROMIUM = Path("/usr/bin/chromium")

OpenPage = Callable[..., Page]


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: `apt-get install -y --no-install-recommends chromium` "
            "(.ci/run does this)"
        )
    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
    yield launched
    launched.close()


@pytest.fixture
def app_loop(clock: FrozenClock) -> Iterator[LiveApp]:
    """The app's thread and loop, not serving yet (for tests that start a
    double on it first)."""
    app = LiveApp(clock)
    yield app
    app.stop()


@pytest.fixture
def database_url(backend: str, tmp_path: Path, app_loop: LiveApp) -> Iterator[str]:
    """`tests/conftest.py`'s, made on the app's loop: once Playwright's sync
    API runs on the main thread, pytest-asyncio cannot run a loop there."""
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
    sets the browser's language and so its `Accept-Language`."""
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

    yield open_one
    for context in contexts:
        context.close()
