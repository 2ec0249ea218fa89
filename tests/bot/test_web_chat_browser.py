"""The web chat in real headless Chromium (Debian's, driven by Playwright):
the whole sign-up in two languages, a reload mid-flow, the network cut and
back, the confirmation link opened in a second page, a second chat tab, no
duplicated message; the widget on another site. Screenshots of every step at
375 and 1280 px, light and dark, go to var/screenshots/web-chat/ (ignored by
git) for a person to look at."""

import asyncio
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot.services import Services
from tests.bot.web_chat_client import open_web_chat
from tests.browser.screens import _CONTRAST_JS, SCREENSHOTS, VIEWPORTS
from tests.transcripts.mailbox import wait_for_token

CHROMIUM = "/usr/bin/chromium"
SHOTS = SCREENSHOTS / "web-chat"
SIZES = {str(w): {"width": w, "height": h} for w, h in VIEWPORTS.values()}

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    from playwright.async_api import async_playwright

    await asyncio.to_thread(SHOTS.mkdir, parents=True, exist_ok=True)
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM)
        yield launched
        await launched.close()


@pytest.fixture
async def chat(services: Services) -> AsyncIterator[str]:
    """The web process as `python -m bot web` runs it: the worker embedded."""
    runner, url = await open_web_chat(services)
    stop = asyncio.Event()
    worker = asyncio.create_task(services.worker.run_forever(stop))
    yield url
    stop.set()
    await worker
    await runner.cleanup()


async def shoot(page: Any, name: str) -> None:
    """The page as it is now, at both widths, light and dark; every text in
    it WCAG AA against what is behind it (the brand tests' measure)."""
    for width, size in SIZES.items():
        await page.set_viewport_size(size)
        for scheme in ("light", "dark"):
            await page.emulate_media(color_scheme=scheme)
            await page.screenshot(path=str(SHOTS / f"{name}-{width}-{scheme}.png"))
            measured = await page.evaluate(_CONTRAST_JS)
            low = [i for i in measured if i["ratio"] < (3 if i["large"] else 4.5)]
            assert low == [], (name, width, scheme, low)
    await page.emulate_media(color_scheme="light")
    await page.set_viewport_size(SIZES["375"])


async def bot_ids(page: Any) -> list[str]:
    return list(
        await page.locator("#log li.from-bot").evaluate_all("els => els.map(e => e.dataset.mid)")
    )


async def message_ids(page: Any) -> list[str]:
    return list(
        await page.locator("#log li[data-id]").evaluate_all("els => els.map(e => e.dataset.id)")
    )


async def wait_for_bot(page: Any, mid: str, count: int = 1) -> None:
    await page.wait_for_function(
        "([mid, n]) => document.querySelectorAll("
        "`#log li.from-bot[data-mid='${mid}']`).length >= n",
        arg=[mid, count],
        timeout=15000,
    )


async def press(page: Any, value: str) -> None:
    button = page.locator(f"#log .quick-replies.choices:not(.stale) button[data-value='{value}']")
    await button.last.click()


async def say(page: Any, text: str) -> None:
    await page.locator("#text").fill(text)
    await page.locator("#text").press("Enter")


async def no_horizontal_scroll(page: Any) -> None:
    assert await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# Every language on SQLite; on PostgreSQL one is enough.
@pytest.mark.parametrize(
    ("backend", "accept", "language", "name_text"),
    [
        ("sqlite", "en-US,en;q=0.9", "en", "Acme Labs"),
        ("sqlite", "ru-RU,ru;q=0.9", "ru", "Ацме"),
        ("postgresql", "en-US,en;q=0.9", "en", "Acme Labs"),
    ],
    indirect=["backend"],
)
async def test_whole_flow(
    browser: Any,
    chat: str,
    services: Services,
    backend: str,
    accept: str,
    language: str,
    name_text: str,
) -> None:
    prefix = f"{language}"
    context = await browser.new_context(
        viewport=SIZES["375"],
        locale=accept.split(",")[0],
        extra_http_headers={"Accept-Language": accept},
    )
    page = await context.new_page()
    errors: list[str] = []
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and "ERR_INTERNET_DISCONNECTED" not in m.text
            else None
        ),
    )
    await page.goto(f"{chat}/")
    # The language comes from the browser, the greeting starts by itself.
    assert await page.get_attribute("html", "lang") == language
    await wait_for_bot(page, "onboarding-ask-language")
    await no_horizontal_scroll(page)
    await shoot(page, f"{prefix}-01-welcome")

    await press(page, language)
    await wait_for_bot(page, "onboarding-ask-name")
    await say(page, name_text)
    await wait_for_bot(page, "onboarding-ask-email")
    await shoot(page, f"{prefix}-02-name")

    # A reload mid-flow: the same conversation, every message once.
    before = await message_ids(page)
    await page.reload()
    await wait_for_bot(page, "onboarding-ask-email")
    assert await message_ids(page) == before

    await say(page, "alice@acme.com")
    await wait_for_bot(page, "onboarding-ask-currency")
    await press(page, "EUR")
    await wait_for_bot(page, "onboarding-summary")
    await no_horizontal_scroll(page)
    await shoot(page, f"{prefix}-03-summary")

    # The network goes away: the page says so and offers Retry; it comes back by itself.
    await context.set_offline(True)
    await page.locator("#connection").wait_for(state="visible", timeout=15000)
    assert await page.locator("#retry").is_visible()
    await shoot(page, f"{prefix}-04-offline")
    await context.set_offline(False)
    await page.locator("#connection").wait_for(state="hidden", timeout=20000)

    await press(page, "save")
    await wait_for_bot(page, "onboarding-awaiting-email")
    await shoot(page, f"{prefix}-05-awaiting-email")

    # The link from the email, opened in another page: the chat moves on at once.
    token = await wait_for_token(services.settings.mail_dir)
    link = await context.new_page()
    await link.goto(f"{chat}/confirm/{token}")
    await link.locator("form button").click()
    await link.wait_for_load_state()
    await wait_for_bot(page, "onboarding-ready-no-payment")
    await shoot(page, f"{prefix}-06-confirmed")

    # A second chat tab: the same history; nothing twice in either.
    second = await context.new_page()
    await second.goto(f"{chat}/")
    await wait_for_bot(second, "onboarding-ready-no-payment")
    first_ids = await message_ids(page)
    assert await message_ids(second) == first_ids
    assert len(set(first_ids)) == len(first_ids)
    assert (await bot_ids(page)).count("email-confirmed") == 1

    # The visible actions are real buttons: /status from the keyboard.
    await page.locator("[data-command='status']").focus()
    await page.keyboard.press("Enter")
    await wait_for_bot(page, "status-summary")
    await wait_for_bot(second, "status-summary")
    await shoot(page, f"{prefix}-07-status")
    assert errors == []
    await context.close()


# Rendering does not depend on the database: SQLite only.
@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_hostile_text_is_shown_as_text(browser: Any, chat: str, backend: str) -> None:
    context = await browser.new_context(viewport=SIZES["1280"])
    page = await context.new_page()
    await page.goto(f"{chat}/")
    await wait_for_bot(page, "onboarding-ask-language")
    await press(page, "en")
    await wait_for_bot(page, "onboarding-ask-name")
    await say(page, '<img src=x id=pwned onerror="document.title=1">')
    await wait_for_bot(page, "error-name-markup")
    assert await page.locator("#pwned").count() == 0
    assert await page.locator("#log li.from-user .bubble").last.text_content() == (
        '<img src=x id=pwned onerror="document.title=1">'
    )
    # A card number: refused, and gone from the page and the transcript.
    await say(page, "4242 4242 4242 4242")
    await wait_for_bot(page, "warning-payment-number")
    assert "4242" not in (await page.locator("#log").text_content() or "")
    await shoot(page, "hostile")
    await context.close()


@pytest.fixture
async def host_site() -> AsyncIterator[str]:
    """Another site, on another port: the page a customer puts the widget on."""

    # Where the chat serves is known only after the site is up: the test
    # fills this in.
    served: dict[str, str] = {}

    async def page(request: web.Request) -> web.Response:
        chat = served["chat"]
        return web.Response(
            text="<!doctype html><html><head><title>Customer site</title></head>"
            f'<body><h1>Our product</h1><script src="{chat}/widget.js" async></script>'
            "</body></html>",
            content_type="text/html",
        )

    app = web.Application()
    app.router.add_get("/", page)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield served, f"http://127.0.0.1:{runner.addresses[0][1]}"  # type: ignore[misc]
    await runner.cleanup()


# The widget does not depend on the database: SQLite only.
@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_widget_on_another_site(
    browser: Any, services: Services, backend: str, host_site: Any
) -> None:
    from bot.services import open_services

    served, host = host_site
    settings = services.settings.model_copy(update={"web_chat_allowed_origins": host})
    embedded = open_services(settings, clock=services.engine.clock)
    runner, chat = await open_web_chat(embedded)
    served["chat"] = chat
    try:
        context = await browser.new_context(viewport=SIZES["1280"])
        page = await context.new_page()
        await page.goto(host)
        launcher = page.locator("button[aria-controls='proficonf-chat-panel']")
        await launcher.wait_for()
        frame = page.frame_locator("#proficonf-chat-panel iframe")
        # The chat greets in the background: the badge counts what is unread.
        await page.wait_for_function(
            "() => { const b = document.querySelector("
            "\"button[aria-controls='proficonf-chat-panel'] span\");"
            " return b && !b.hidden && Number(b.textContent) > 0; }",
            timeout=15000,
        )
        await shoot(page, "widget-closed")
        await launcher.click()
        assert await launcher.get_attribute("aria-expanded") == "true"
        await frame.locator("#log li.from-bot[data-mid='onboarding-ask-language']").wait_for()
        await shoot(page, "widget-open")
        await frame.locator("button[data-value='en']").click()
        await frame.locator("#log li.from-bot[data-mid='onboarding-ask-name']").wait_for()
        await context.close()
    finally:
        await runner.cleanup()
        await embedded.close()
    # Not on the allowed list: no frame for it.
    shutil.rmtree(SHOTS / "none", ignore_errors=True)
