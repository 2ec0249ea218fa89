"""The invitation link in a real browser: opening it (and everything the page
loads) joins nobody; pressing Join joins once and the owner is told; a second
visit says it was used; the page speaks the organization's language. The
invitation email's HTML as a mail client shows it."""

import io
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Page
from sqlalchemy import func, select

from bot.channels.console import ConsoleChannel
from bot.invitations.email import build_invitation_email, join_url, opt_out_url
from bot.organizations.confirmation import use_link
from conversations import Choice, Command
from storage.models import MemberRow
from tests.browser.conftest import OpenPage
from tests.browser.live_app import LiveApp
from tests.browser.screens import SCHEMES, horizontal_overflow
from tests.transcripts.mailbox import newest_join_token, newest_token

NAME = 'R&D <Lab "X"'


def invited(live: LiveApp, language: str) -> str:
    """A confirmed owner invites ann@acme.com; the invitation's token."""

    async def go() -> None:
        channel = ConsoleChannel(live.services, "owner", io.StringIO())
        for line in ["/start", language, NAME, "alice@acme.com", "USD", "save"]:
            await channel.handle_line(line)
        await use_link(live.services.engine, newest_token(live.services.settings.mail_dir))
        engine = live.services.engine
        await engine.handle("console", "owner", Command(name="invite", arg="ann@acme.com"))
        await engine.handle("console", "owner", Choice(value="invite-send"))
        await live.services.worker.drain_once()

    live.run(go())
    return newest_join_token(live.services.settings.mail_dir)


def members(live: LiveApp) -> int:
    async def read() -> int:
        async with live.services.engine.sessions() as session:
            return int(await session.scalar(select(func.count()).select_from(MemberRow)) or 0)

    return live.run(read())


def _title(page: Page) -> str:
    return page.locator("h1").inner_text()


def test_opening_joins_nobody_and_the_button_joins_once(live: LiveApp, open_page: OpenPage) -> None:
    t = live.services.translator.format
    token = invited(live, "pt-BR")
    page = open_page(viewport="phone", scheme="dark", locale="en-US")
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(request.url))
    response = page.goto(f"{live.url}/join/{token}")
    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang") == "pt-BR"
    assert _title(page) == t("pt-BR", "web-join-title")
    assert page.locator(".lead strong").inner_text() == NAME  # escaped, shown as typed
    assert "alice@acme.com" in page.locator(".lead").inner_text()
    assert any("/static/brand.css" in url for url in loaded)
    assert members(live) == 0  # the page and all it loads join nobody
    assert horizontal_overflow(page) == 0

    button = page.get_by_role("button", name=t("pt-BR", "web-join-button"))
    with page.expect_navigation():
        button.click()
    assert _title(page) == t("pt-BR", "web-joined-title")
    assert members(live) == 1
    response = page.goto(f"{live.url}/join/{token}")
    assert response is not None and response.status == 409
    assert _title(page) == t("pt-BR", "web-join-used-title")
    assert page.get_by_role("button").count() == 0
    assert members(live) == 1


def test_the_opt_out_page_needs_a_press(live: LiveApp, open_page: OpenPage) -> None:
    t = live.services.translator.format
    token = invited(live, "ru")
    page = open_page(viewport="desktop", locale="es-MX")
    page.goto(f"{live.url}/join/{token}/opt-out")
    assert page.locator("html").get_attribute("lang") == "ru"
    with page.expect_navigation():
        page.get_by_role("button", name=t("ru", "web-opt-out-button")).click()
    assert page.locator(".lead").inner_text() == t("ru", "web-opted-out-text")
    response = page.goto(f"{live.url}/join/{token}")
    assert response is not None and response.status == 404


@pytest.mark.parametrize("scheme", SCHEMES)
def test_invitation_email_html_reads_well(live: LiveApp, open_page: OpenPage, scheme: str) -> None:
    services = live.services
    now = datetime(2026, 6, 1, 9, 30, tzinfo=UTC)
    message = build_invitation_email(
        services.translator,
        services.settings,
        outbox_id=9,
        to="ann@acme.com",
        org_name="Acme Research & Development",
        inviter="alice@acme.com",
        language="it",
        token="T" * 43,
        expires_at=now + timedelta(days=7),
        date=now,
    )
    html = message.get_body(preferencelist=("html",))
    assert html is not None
    page = open_page(viewport="phone", scheme=scheme)
    page.set_content(str(html.get_content()))
    t = services.translator.format
    button = page.get_by_role("link", name=t("it", "email-invite-action"))
    assert button.get_attribute("href") == join_url(services.settings, "T" * 43)
    never = page.get_by_role("link", name=opt_out_url(services.settings, "T" * 43))
    assert never.is_visible()
    assert horizontal_overflow(page) == 0
