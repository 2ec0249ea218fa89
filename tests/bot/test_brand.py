"""The brand's tokens and how the pages use them, without a browser: every
text colour pair is WCAG AA in both schemes (and the focus ring 3:1), the
email uses the same colours as the pages, and no page carries an inline
style or script (their Content-Security-Policy would refuse it)."""

import html
import re

import aiohttp
import pytest

from bot.mail.layout import DARK, LIGHT
from bot.services import Services
from bot.web.brand import PAGE_CSP, STATIC_DIR, static_url
from tests.transcripts.mailbox import newest_token

from .test_web_confirm import _save

CSS = (STATIC_DIR / "brand.css").read_text()
# Foreground, background, minimum ratio: normal text 4.5, UI parts 3.
PAIRS = [
    ("text", "bg", 4.5),
    ("text", "surface", 4.5),
    ("text", "accent-bg", 4.5),
    ("muted", "bg", 4.5),
    ("muted", "surface", 4.5),
    ("muted", "accent-bg", 4.5),
    ("primary", "surface", 4.5),
    ("primary", "bg", 4.5),
    ("on-primary", "primary", 4.5),
    ("on-primary", "primary-hover", 4.5),
    ("primary-hover", "surface", 4.5),
    ("focus", "surface", 3),
    ("focus", "bg", 3),
    ("success", "success-bg", 3),
    ("warning", "warning-bg", 3),
    ("danger", "danger-bg", 3),
]


def _tokens(block: str) -> dict[str, str]:
    return dict(re.findall(r"--color-([a-z-]+):\s*(#[0-9a-f]{6})", block))


def _schemes() -> dict[str, dict[str, str]]:
    dark_at = CSS.index("@media (prefers-color-scheme: dark)")
    light = _tokens(CSS[:dark_at])
    return {"light": light, "dark": {**light, **_tokens(CSS[dark_at:].split("\n}\n")[0])}}


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _ratio(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_pair_meets_wcag_aa(scheme: str) -> None:
    tokens = _schemes()[scheme]
    failing = [
        (fg, bg, round(_ratio(tokens[fg], tokens[bg]), 2))
        for fg, bg, minimum in PAIRS
        if _ratio(tokens[fg], tokens[bg]) < minimum
    ]
    assert failing == []


def test_the_email_uses_the_pages_colours() -> None:
    schemes = _schemes()
    for palette, scheme in ((LIGHT, "light"), (DARK, "dark")):
        assert {name: schemes[scheme][name] for name in palette} == palette


def test_static_urls_change_with_the_file() -> None:
    assert re.fullmatch(r"/static/brand\.css\?v=[0-9a-f]{12}", static_url("brand.css"))
    assert static_url("logo.svg") != static_url("brand.css")
    assert "'unsafe-inline'" not in PAGE_CSP and "script-src" not in PAGE_CSP


async def test_pages_carry_no_inline_style_or_script(services: Services, web_url: str) -> None:
    await _save(services)
    token = newest_token(services.settings.mail_dir)
    pages = [
        ("GET", f"/confirm/{token}"),
        ("POST", f"/confirm/{token}"),
        ("GET", f"/confirm/{token}"),  # used
        ("GET", "/confirm/nope"),
        ("GET", "/payment/done"),
        ("GET", "/payment/cancelled"),
    ]
    async with aiohttp.ClientSession() as http:
        for method, path in pages:
            async with http.request(method, f"{web_url}{path}") as response:
                text = await response.text()
                assert response.headers["Content-Security-Policy"] == PAGE_CSP, path
                assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert not re.search(r"<script|<style|\sstyle=|\son[a-z]+=", text), path
            assert 'class="brand-logo"' in text and 'class="next-step"' in text, path
        for name, kind in (("brand.css", "text/css"), ("logo.svg", "image/svg+xml")):
            async with http.get(f"{web_url}{static_url(name)}") as response:
                assert response.status == 200 and response.content_type == kind
                assert await response.read() == (STATIC_DIR / name).read_bytes()
        async with http.get(f"{web_url}/static/../pyproject.toml") as response:
            assert response.status in (403, 404)
        async with http.get(f"{web_url}/static/%2e%2e/app.py") as response:
            assert response.status in (403, 404)


async def test_addresses_no_route_matches_get_a_branded_404(
    services: Services, web_url: str
) -> None:
    t = services.translator.format
    cases = [
        ("/confirm/", "ru", "web-token-unknown"),
        ("/confirm/a/b", "it", "web-token-unknown"),
        ("/payment/elsewhere", "es", "web-payment-unknown-text"),
    ]
    async with aiohttp.ClientSession() as http:
        for path, language, text_id in cases:
            headers = {"Accept-Language": language}
            async with http.get(f"{web_url}{path}", headers=headers) as response:
                assert response.status == 404, path
                assert response.headers["Content-Security-Policy"] == PAGE_CSP
                text = await response.text()
            assert f'lang="{language}"' in text and html.escape(t(language, text_id)) in text
        async with http.get(f"{web_url}/elsewhere") as response:
            assert response.status == 404  # not a page of ours: aiohttp's plain answer
            assert "brand-logo" not in await response.text()
