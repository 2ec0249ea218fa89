"""The confirmation email's HTML part rendered by Chromium as a mail client
would show it (no external CSS, nothing loaded), at 375 and 1280 px, light
and dark, and saved to var/screenshots/email-*.png to be looked at."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import Settings
from bot.mail.content import build_confirmation_email, confirm_url
from bot.text.i18n import Translator
from tests.browser.conftest import OpenPage
from tests.browser.screens import SCHEMES, VIEWPORTS, horizontal_overflow, low_contrast, screenshot

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 6, 1, 9, 30, tzinfo=UTC)
TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde"
PUBLIC = "https://onboarding.proficonf.com"


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("scheme", SCHEMES)
def test_email_html_reads_well(
    open_page: OpenPage, language: str, viewport: str, scheme: str
) -> None:
    settings = Settings(public_url=PUBLIC, _env_file=None)  # type: ignore[call-arg]
    translator = Translator(ROOT / "locales")
    message = build_confirmation_email(
        translator,
        settings,
        outbox_id=7,
        to="alice@acme.com",
        org_name="Acme Research & Development",
        language=language,
        token=TOKEN,
        expires_at=NOW + timedelta(hours=24),
        date=NOW,
    )
    html = message.get_body(preferencelist=("html",))
    assert html is not None
    page = open_page(viewport=viewport, scheme=scheme)
    page.set_content(str(html.get_content()))
    url = confirm_url(settings, TOKEN)

    assert page.locator("html").get_attribute("lang") == language
    # The brand in the header, the button and the written-out link both lead
    # to the public address, never to a loopback one.
    assert page.get_by_text(translator.format(language, "brand-name"), exact=True).is_visible()
    button = page.get_by_role("link", name=translator.format(language, "email-confirm-action"))
    assert button.get_attribute("href") == url
    shown = page.get_by_role("link", name=url)
    assert shown.is_visible() and shown.get_attribute("href") == url
    assert "127.0.0.1" not in page.content()
    # The preheader is for the inbox list only.
    preheader = translator.format(language, "email-confirm-preheader", {"name": "Acme"})
    assert preheader.split()[0] in page.content()
    assert not page.get_by_text(preheader.split(",")[0][:20]).first.is_visible()
    assert page.get_by_text(translator.format(language, "email-confirm-next")).is_visible()
    assert horizontal_overflow(page) == 0
    assert low_contrast(page) == []
    screenshot(page, f"email-{language}", viewport, scheme)
