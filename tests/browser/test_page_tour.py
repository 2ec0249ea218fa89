"""Every page a person can meet outside the chat, in the brand, at 375 and
1280 px, light and dark: each one checked (language, title, next step, no
horizontal scroll, AA contrast, nothing refused by the CSP) and saved as a
screenshot in var/screenshots/ to be looked at. SQLite only: the pages are
the subject here; the flows run on both databases elsewhere."""

from collections.abc import Iterator
from datetime import timedelta

import pytest
from aiohttp import web
from playwright.sync_api import Page

from bot.config import Settings
from bot.services import Services
from bot.web.brand import add_static_routes
from bot.web.page_errors import page_errors
from storage.db import DATABASE_UNAVAILABLE
from tests.browser.conftest import OpenPage, on_playwright_thread
from tests.browser.live_app import LiveApp
from tests.browser.screens import SCHEMES, VIEWPORTS, assert_branded, screenshot, watch_console
from tests.browser.signups import sign_up
from tests.doubles.stripe_api import StripeDouble
from tests.payments.conftest import Payer, with_stripe
from tests.ports import free_port

LOOKS = [(viewport, scheme) for viewport in VIEWPORTS for scheme in SCHEMES]
pytestmark = [
    pytest.mark.parametrize("backend", ["sqlite"]),
    pytest.mark.parametrize(("viewport", "scheme"), LOOKS),
]


class Tour:
    def __init__(self, live: LiveApp, page: Page, viewport: str, scheme: str) -> None:
        self.live, self.page, self.viewport, self.scheme = live, page, viewport, scheme
        self.refused = watch_console(page)

    def visit(self, name: str, path: str, status: int, language: str, title_id: str) -> None:
        response = self.page.goto(f"{self.live.url}{path}")
        self.check(name, response.status if response else 0, status, language, title_id)

    def check(self, name: str, got: int, status: int, language: str, title_id: str) -> None:
        assert got == status, name
        title = self.live.services.translator.format(language, title_id)
        assert_branded(self.page, language=language, title=title, scheme=self.scheme)
        screenshot(self.page, name, self.viewport, self.scheme)
        assert self.refused == [], name


@pytest.fixture
def tour(live: LiveApp, open_page: OpenPage, viewport: str, scheme: str) -> Iterator[Tour]:
    page = open_page(viewport=viewport, scheme=scheme)
    yield on_playwright_thread(lambda: Tour(live, page, viewport, scheme))


def test_confirmation_pages(tour: Tour, live: LiveApp) -> None:
    first = sign_up(live, "en", user="a")
    second = sign_up(live, "ru", user="b")
    tour.visit("confirm", f"/confirm/{first}", 200, "en", "web-confirm-title")
    with tour.page.expect_navigation():
        tour.page.get_by_role("button").click()
    tour.check("confirmed", 200, 200, "en", "web-confirmed-title")
    tour.visit("link-used", f"/confirm/{first}", 409, "en", "web-token-used-title")
    tour.visit("link-unknown", f"/confirm/{'x' * 43}", 404, "en", "web-token-unknown-title")
    tour.visit("confirm-ru", f"/confirm/{second}", 200, "ru", "web-confirm-title")
    live.clock.advance(live.services.settings.confirmation_ttl + timedelta(seconds=1))
    tour.visit("link-expired-ru", f"/confirm/{second}", 410, "ru", "web-token-expired-title")


def test_rate_limited_page(tour: Tour, live: LiveApp) -> None:
    limit = live.services.settings.confirm_attempts_per_ip_per_minute
    for _ in range(limit):
        assert tour.page.request.get(f"{live.url}/payment/cancelled").status == 200
    tour.visit("rate-limited", "/payment/cancelled", 429, "en", "limits-too-many-requests-title")


def test_payment_pages(
    tour: Tour, app_loop: LiveApp, settings: Settings, open_page: OpenPage
) -> None:
    app_loop.close()  # the plain app of `live`; this one talks to the Stripe double
    double = StripeDouble(now=lambda: app_loop.clock.now().timestamp())
    app_loop.run(double.start())
    app_loop.on_stop(double.stop)
    app_loop.serve(with_stripe(settings, double))
    payer = Payer(app_loop.services, app_loop.url, double)

    async def to_checkout() -> str:
        await payer.sign_up("it", "EUR")
        await payer.work()
        return payer.session_id()

    session_id = app_loop.run(to_checkout())
    done = f"/payment/done?lang=it&session_id={session_id}"  # as Checkout returns
    tour.visit("payment-checking-it", done, 200, "it", "web-payment-checking-title")
    assert app_loop.run(payer.post(double.complete(session_id))) == (200, "ok")
    tour.visit("payment-saved-it", done, 200, "it", "web-payment-saved-title")
    tour.visit("payment-cancelled", "/payment/cancelled", 200, "en", "web-payment-cancelled-title")
    tour.visit("payment-unknown", "/payment/done", 200, "en", "web-payment-unknown-title")


def test_outage_and_error_pages(tour: Tour, app_loop: LiveApp, settings: Settings) -> None:
    app_loop.close()
    # Nothing listens on this port: every query fails to connect.
    away = f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/test"
    app_loop.serve(settings.model_copy(update={"database_url": away}))
    tour.visit("unavailable", f"/confirm/{'x' * 43}", 503, "en", "web-unavailable-title")
    app_loop.close()

    def broken(services: Services) -> web.Application:
        """The real page middleware around a page that fails with our bug."""

        async def fails(request: web.Request) -> web.Response:
            raise RuntimeError("a bug")

        app = web.Application(middlewares=[page_errors(services.translator)])
        add_static_routes(app)
        app.router.add_get("/payment/done", fails)
        return app

    assert RuntimeError not in DATABASE_UNAVAILABLE
    app_loop.serve(settings, broken)
    tour.visit("error", "/payment/done", 500, "en", "web-error-title")
