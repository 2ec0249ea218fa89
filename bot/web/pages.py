"""Small localized HTML pages. Everything dynamic is escaped."""

from html import escape

from aiohttp import web

from ..i18n import Translator, match_language

__all__ = ["page", "request_language"]

_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"


def request_language(request: web.Request, known: str | None = None) -> str:
    """The language a page speaks: the one we know for its subject (the
    organization of a link), else `?lang=`, else the browser's
    `Accept-Language`, else English."""
    if known:
        return known
    found = match_language(request.query.get("lang"))
    if found:
        return found
    for part in request.headers.get("Accept-Language", "").split(","):
        found = match_language(part.split(";")[0].strip())
        if found:
            return found
    return "en"


def page(
    translator: Translator,
    language: str,
    title_id: str,
    body: str,
    *,
    status: int = 200,
) -> web.Response:
    title = escape(translator.format(language, title_id))
    document = f"""<!doctype html>
<html lang="{escape(language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><meta name="color-scheme" content="light dark">
<title>{title}</title>
<style>body{{font-family:sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}}
button{{font-size:1.1rem;padding:.6rem 1.2rem}}</style></head>
<body><h1>{title}</h1>{body}</body></html>
"""
    return web.Response(
        text=document,
        status=status,
        content_type="text/html",
        headers={
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
            "X-Frame-Options": "DENY",
            "Content-Security-Policy": _CSP,
        },
    )
