"""Small localized HTML pages in the brand (`brand.py`). Every page says what
happened and, in its "What happens next" box, what the reader does now.
Everything dynamic is escaped."""

from collections.abc import Mapping
from html import escape

from aiohttp import web

from bot.text.i18n import Translator, match_language
from bot.web.brand import Tone, document, html_response

__all__ = [
    "Tone",
    "lead",
    "lead_with_name",
    "message_page",
    "next_step",
    "page",
    "request_language",
]

Args = Mapping[str, object]


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


# Stands in for a value while its sentence is escaped; private use, so no
# translation or user text holds it.
_SLOT = "\ue000"


def lead(text: str) -> str:
    return f'<p class="lead">{escape(text)}</p>'


def lead_with_name(translator: Translator, language: str, text_id: str, name: str) -> str:
    """The lead paragraph with `$name` (an organization's name) in bold: the
    sentence and the name are escaped apart, then put together."""
    sentence = escape(translator.format(language, text_id, {"name": _SLOT}))
    strong = f"<strong>{escape(name.replace(_SLOT, ''))}</strong>"
    return f'<p class="lead">{sentence.replace(_SLOT, strong)}</p>'


def next_step(translator: Translator, language: str, text_id: str, args: Args | None = None) -> str:
    heading = escape(translator.format(language, "web-next-heading"))
    text = escape(translator.format(language, text_id, dict(args or {})))
    return f'<section class="next-step"><h2>{heading}</h2><p>{text}</p></section>'


def page(
    translator: Translator,
    language: str,
    title_id: str,
    body: str,
    *,
    status: int = 200,
    tone: Tone = Tone.INFO,
    icon: str | None = None,
) -> web.Response:
    """`body` is HTML the caller has escaped."""
    text = document(
        language=language,
        title=translator.format(language, title_id),
        brand_name=translator.format(language, "brand-name"),
        body=body,
        tone=tone,
        icon_name=icon,
    )
    return html_response(text, status=status)


def message_page(
    translator: Translator,
    language: str,
    *,
    title_id: str,
    text_id: str,
    next_id: str,
    tone: Tone,
    icon: str,
    status: int = 200,
    args: Args | None = None,
) -> web.Response:
    """The common page: a title, one paragraph, and what happens next."""
    text = translator.format(language, text_id, dict(args or {}))
    body = lead(text) + next_step(translator, language, next_id)
    return page(translator, language, title_id, body, status=status, tone=tone, icon=icon)
