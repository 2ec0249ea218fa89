"""The invitation link's pages: `/join/{token}` shows the organization and
who invited with a Join button (GET never joins: mail scanners prefetch
links), POST joins; `/join/{token}/opt-out` shows a button, POST records that
the address is never to be invited again (also the one-click
`List-Unsubscribe` of the email). Localized in the organization's language,
the email's."""

from html import escape

from aiohttp import web

from ..engine import Engine
from ..i18n import Translator
from ..invitations.links import (
    JoinStatus,
    JoinView,
    inspect_invitation,
    join,
    opt_out_view,
    refuse_invitations,
)
from .pages import page, request_language

__all__ = ["add_join_routes"]

_ENGINE = web.AppKey("join_engine", Engine)
_TRANSLATOR = web.AppKey("join_translator", Translator)
_ERRORS = {
    JoinStatus.EXPIRED: ("web-join-expired", 410),
    JoinStatus.USED: ("web-join-used", 409),
    JoinStatus.UNKNOWN: ("web-join-unknown", 404),
}


def _text(request: web.Request, language: str, message_id: str, **args: str) -> str:
    return escape(request.app[_TRANSLATOR].format(language, message_id, args))


def _error(request: web.Request, view: JoinView) -> web.Response:
    language = request_language(request, view.language)
    message_id, status = _ERRORS[view.status]
    body = f"<p>{_text(request, language, message_id)}</p>"
    return page(request.app[_TRANSLATOR], language, "web-join-title", body, status=status)


def _form(label: str) -> str:
    return f'<form method="post"><button type="submit">{label}</button></form>'


async def join_get(request: web.Request) -> web.Response:
    view = await inspect_invitation(request.app[_ENGINE], request.match_info["token"])
    if view.status is not JoinStatus.VALID:
        return _error(request, view)
    language = request_language(request, view.language)
    text = _text(
        request, language, "web-join-text", name=view.org_name or "", inviter=view.inviter or "—"
    )
    body = f"<p>{text}</p>{_form(_text(request, language, 'web-join-button'))}"
    return page(request.app[_TRANSLATOR], language, "web-join-title", body)


async def join_post(request: web.Request) -> web.Response:
    view = await join(request.app[_ENGINE], request.match_info["token"])
    if view.status is not JoinStatus.JOINED:
        return _error(request, view)
    language = request_language(request, view.language)
    body = f"<p>{_text(request, language, 'web-joined-text', name=view.org_name or '')}</p>"
    return page(request.app[_TRANSLATOR], language, "web-joined-title", body)


async def opt_out_get(request: web.Request) -> web.Response:
    view = await opt_out_view(request.app[_ENGINE], request.match_info["token"])
    if view.status is JoinStatus.UNKNOWN:
        return _error(request, view)
    language = request_language(request, view.language)
    body = (
        f"<p>{_text(request, language, 'web-opt-out-text')}</p>"
        f"{_form(_text(request, language, 'web-opt-out-button'))}"
    )
    return page(request.app[_TRANSLATOR], language, "web-opt-out-title", body)


async def opt_out_post(request: web.Request) -> web.Response:
    view = await refuse_invitations(request.app[_ENGINE], request.match_info["token"])
    if view.status is JoinStatus.UNKNOWN:
        return _error(request, view)
    language = request_language(request, view.language)
    body = f"<p>{_text(request, language, 'web-opted-out-text')}</p>"
    return page(request.app[_TRANSLATOR], language, "web-opt-out-title", body)


def add_join_routes(app: web.Application, engine: Engine, translator: Translator) -> None:
    app[_ENGINE] = engine
    app[_TRANSLATOR] = translator
    app.router.add_get("/join/{token}", join_get)
    app.router.add_post("/join/{token}", join_post)
    app.router.add_get("/join/{token}/opt-out", opt_out_get)
    app.router.add_post("/join/{token}/opt-out", opt_out_post)
