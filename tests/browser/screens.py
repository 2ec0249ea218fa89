"""What the browser tests measure and keep: screenshots in `var/screenshots/`
(gitignored), named `<page>-<phone|desktop>-<light|dark>.png`, and the
page's horizontal overflow."""

from pathlib import Path

from playwright.sync_api import Page

__all__ = [
    "SCHEMES",
    "SCREENSHOTS",
    "VIEWPORTS",
    "assert_branded",
    "horizontal_overflow",
    "low_contrast",
    "screenshot",
    "watch_console",
]

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "var" / "screenshots"
VIEWPORTS = {"phone": (375, 740), "desktop": (1280, 800)}
SCHEMES = ("light", "dark")


def screenshot(page: Page, name: str, viewport: str, scheme: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{viewport}-{scheme}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def horizontal_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than its window (0 is right)."""
    return int(
        page.evaluate(
            "() => Math.max(document.documentElement.scrollWidth,"
            " document.body.scrollWidth) - window.innerWidth"
        )
    )


# For every element with text of its own: its colour and the first opaque
# background behind it, and the WCAG contrast ratio between the two.
_CONTRAST_JS = """
() => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.99)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    const hidden = style.visibility === 'hidden' || style.opacity === '0';
    if (hidden || style.display === 'none') continue;
    const a = lum(rgb(style.color)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    found.push({ text: el.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100,
                 large: parseFloat(style.fontSize) >= 24 ||
                        (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700) });
  }
  return found;
}
"""


def low_contrast(page: Page) -> list[dict[str, object]]:
    """Texts under WCAG AA: 4.5:1, or 3:1 for large text."""
    return [
        item
        for item in page.evaluate(_CONTRAST_JS)
        if item["ratio"] < (3 if item["large"] else 4.5)
    ]


def watch_console(page: Page) -> list[str]:
    """What the page's console reports as refused or broken (a CSP violation,
    a script error); filled as the page runs."""
    found: list[str] = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text)
            if message.type == "error" and "Failed to load resource" not in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


def assert_branded(page: Page, *, language: str, title: str, scheme: str) -> None:
    """The shared look: the brand's stylesheet applied in the scheme asked
    for, the logo loaded, the page's language and title, a "what happens
    next" box, no horizontal scroll, AA contrast for every text."""
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text() == title
    assert page.locator(".next-step h2").count() == 1
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background == ("rgb(243, 245, 250)" if scheme == "light" else "rgb(13, 18, 28)")
    logo = page.locator("img.brand-logo")
    assert logo.get_attribute("alt") == "Proficonf"
    assert page.evaluate("() => document.querySelector('img.brand-logo').naturalWidth") > 0
    assert horizontal_overflow(page) == 0
    assert low_contrast(page) == []
