"""The confirmation link in a real browser: opening it (and everything the
page loads) confirms nothing; a real press of the button, by keyboard or
mouse, confirms once; the page speaks the organization's language, or the
browser's where there is no organization."""

import re

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import OpenPage
from tests.browser.live_app import LiveApp
from tests.browser.screens import horizontal_overflow
from tests.browser.signups import NAME, sign_up, statuses


def _title(page: Page) -> str:
    return page.locator("h1").inner_text()


def test_keyboard_press_confirms_and_a_second_visit_says_used(
    live: LiveApp, open_page: OpenPage
) -> None:
    t = live.services.translator.format
    token = sign_up(live, "ru")
    page = open_page(viewport="phone", scheme="light", locale="en-US")
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(request.url))
    response = page.goto(f"{live.url}/confirm/{token}")
    assert response is not None and response.status == 200
    # The organization's language wins over the browser's.
    assert page.locator("html").get_attribute("lang") == "ru"
    assert _title(page) == t("ru", "web-confirm-title")
    assert NAME in page.locator(".lead").inner_text()
    assert any("/static/brand.css" in url for url in loaded)
    assert any("/static/logo.svg" in url for url in loaded)
    assert statuses(live) == ["pending_email"]  # the page and all it loads confirm nothing
    assert horizontal_overflow(page) == 0

    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.tagName, document.activeElement.type,"
        " getComputedStyle(document.activeElement).outlineStyle,"
        " getComputedStyle(document.activeElement).outlineWidth]"
    )
    assert focused[:2] == ["BUTTON", "submit"]
    assert focused[2] == "solid" and float(focused[3].removesuffix("px")) >= 2  # visible focus
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert _title(page) == t("ru", "web-confirmed-title")
    assert t("ru", "web-confirmed-next") in page.locator(".next-step").inner_text()
    assert statuses(live) == ["confirmed"]

    response = page.goto(f"{live.url}/confirm/{token}")
    assert response is not None and response.status == 409
    assert _title(page) == t("ru", "web-token-used-title")
    assert page.get_by_role("button").count() == 0
    assert statuses(live) == ["confirmed"]


def test_mouse_click_confirms_on_a_desktop_in_dark_mode(live: LiveApp, open_page: OpenPage) -> None:
    t = live.services.translator.format
    token = sign_up(live, "es")
    page = open_page(viewport="desktop", scheme="dark", locale="de-DE")
    page.goto(f"{live.url}/confirm/{token}")
    button = page.get_by_role("button", name=t("es", "web-confirm-button"))
    assert button.is_visible()
    with page.expect_navigation():
        button.click()
    assert page.locator("html").get_attribute("lang") == "es"
    assert _title(page) == t("es", "web-confirmed-title")
    assert statuses(live) == ["confirmed"]


@pytest.mark.parametrize(
    ("accept", "language"),
    [("ru-RU", "ru"), ("it-IT", "it"), ("pt-BR", "pt-BR"), ("es-MX", "es"), ("fr-FR", "en")],
)
def test_unknown_link_speaks_the_browser_language(
    live: LiveApp, open_page: OpenPage, accept: str, language: str
) -> None:
    t = live.services.translator.format
    page = open_page(locale=accept)
    response = page.goto(f"{live.url}/confirm/{'x' * 43}")
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == language
    assert _title(page) == t(language, "web-token-unknown-title")
    assert page.locator(".lead").inner_text() == t(language, "web-token-unknown")
    next_box = page.locator(".next-step")
    assert next_box.locator("h2").inner_text() == t(language, "web-next-heading")
    assert re.sub(r"\s+", " ", next_box.locator("p").inner_text()) == t(
        language, "web-token-unknown-next"
    )
