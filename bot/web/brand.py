"""The brand every page shares: the stylesheet and logo in `static/`, served
by the app as files (no build step), and the document around a page's body.
Nothing inline: the pages' Content-Security-Policy allows styles and images
from this origin only, so a stray `style=` or `<script>` would not run."""

import hashlib
from enum import Enum
from html import escape
from pathlib import Path

from aiohttp import web

__all__ = [
    "PAGE_CSP",
    "STATIC_DIR",
    "STATIC_PREFIX",
    "Tone",
    "add_static_routes",
    "document",
    "html_response",
    "static_url",
]

STATIC_DIR = Path(__file__).with_name("static")
STATIC_PREFIX = "/static"
PAGE_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
}


def static_url(name: str) -> str:
    """`/static/<name>?v=<hash of its content>`: a new version is a new URL,
    so a browser never mixes an old stylesheet with a new page."""
    digest = hashlib.sha256((STATIC_DIR / name).read_bytes()).hexdigest()[:12]
    return f"{STATIC_PREFIX}/{name}?v={digest}"


def add_static_routes(app: web.Application) -> None:
    app.router.add_static(f"{STATIC_PREFIX}/", STATIC_DIR, append_version=False)


class Tone(Enum):
    """What a page reports, shown by its icon and colour (the words say it too)."""

    INFO = "info"
    SUCCESS = "success"
    WARNING = "warning"
    DANGER = "danger"


# Feather-style line icons (24×24, stroked with the text colour by brand.css).
_ICONS = {
    "mail": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3 7 9 6 9-6"/>',
    "check": '<path d="M20 6 9 17l-5-5"/>',
    "clock": '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>',
    "alert": '<circle cx="12" cy="12" r="9"/><path d="M12 8v5M12 16.5v.01"/>',
    "link": (
        '<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1"/>'
        '<path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>'
    ),
    "card": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 10h18M7 15h3"/>',
}


def icon(name: str) -> str:
    return (
        '<div class="status-icon" aria-hidden="true">'
        f'<svg viewBox="0 0 24 24" focusable="false">{_ICONS[name]}</svg></div>'
    )


def document(
    *,
    language: str,
    title: str,
    brand_name: str,
    body: str,
    tone: Tone = Tone.INFO,
    icon_name: str | None = None,
    stylesheets: tuple[str, ...] = (),
    scripts: tuple[str, ...] = (),
) -> str:
    """A whole page: `title` is text (escaped here), `body` is HTML the caller
    has already escaped. `stylesheets` and `scripts` are extra files under
    `static/` (the web chat's), loaded after the brand's."""
    links = "".join(
        f'<link rel="stylesheet" href="{escape(static_url(name))}">'
        for name in ("brand.css", *stylesheets)
    )
    script_tags = "".join(
        f'<script src="{escape(static_url(name))}" defer></script>' for name in scripts
    )
    mark = icon(icon_name) if icon_name else ""
    return f"""<!doctype html>
<html lang="{escape(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<meta name="color-scheme" content="light dark">
<title>{escape(title)} · {escape(brand_name)}</title>
{links}{script_tags}
</head>
<body>
<header class="brand-bar"><img class="brand-logo" src="{escape(static_url("logo.svg"))}" \
alt="{escape(brand_name)}" width="145" height="32"></header>
<main class="page tone-{tone.value}"><div class="card">
{mark}<h1>{escape(title)}</h1>
{body}
</div></main>
</body>
</html>
"""


def html_response(text: str, *, status: int = 200, csp: str = PAGE_CSP) -> web.Response:
    return web.Response(
        text=text,
        status=status,
        content_type="text/html",
        headers={**_HEADERS, "Content-Security-Policy": csp},
    )
