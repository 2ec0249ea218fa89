"""The invitation link's pages: `/join/{token}` shows the organization and
who invited with a Join button (GET never joins: mail scanners prefetch
links), POST joins; `/join/{token}/opt-out` shows a button, POST records that
the address is never to be invited again (also the one-click
`List-Unsubscribe` of the email). Localized in the organization's language,
the email's."""

from html import escape

from aiohttp import web

from bot.invitations.links import (
    JoinStatus,
    JoinView,
    inspect_invitation,
    join,
    opt_out_view,
    refuse_invitations,
)
from bot.steps.engine import Engine
from bot.text.i18n import Translator
from bot.web.pages import Tone, lead, next_step, page, request_language

__all__ = ["add_join_routes"]

_ENGINE = web.AppKey("join_engine", Engine)
_TRANSLATOR = web.AppKey("join_translator", Translator)
# title, text, HTTP status, icon of each page that cannot join.
_ERRORS = {
    JoinStatus.EXPIRED: ("web-join-expired-title", "web-join-expired", 410, "clock"),
    JoinStatus.USED: ("web-join-used-title", "web-join-used", 409, "check"),
    JoinStatus.UNKNOWN: ("web-join-unknown-title", "web-join-unknown", 404, "link"),
}
# Stands for the organization's name while the sentence is escaped.
_SLOT = "\x00org\x00"


def _t(request: web.Request, language: str, message_id: str, **args: str) -> str:
    return request.app[_TRANSLATOR].format(language, message_id, args)


def _error(request: web.Request, view: JoinView) -> web.Response:
    language = request_language(request, view.language)
    title_id, text_id, status, icon = _ERRORS[view.status]
    tone = Tone.INFO if view.status is JoinStatus.USED else Tone.WARNING
    body = lead(_t(request, language, text_id))
    return page(
        request.app[_TRANSLATOR], language, title_id, body, status=status, tone=tone, icon=icon
    )


def _form(label: str) -> str:
    return (
        '<form method="post" class="actions">'
        f'<button type="submit" class="button">{escape(label)}</button></form>'
    )


async def join_get(request: web.Request) -> web.Response:
    view = await inspect_invitation(request.app[_ENGINE], request.match_info["token"])
    if view.status is not JoinStatus.VALID:
        return _error(request, view)
    translator = request.app[_TRANSLATOR]
    language = request_language(request, view.language)
    # The organization's name in bold: the sentence and the name escaped apart.
    sentence = escape(
        _t(request, language, "web-join-text", name=_SLOT, inviter=view.inviter or "—")
    )
    strong = f"<strong>{escape((view.org_name or '').replace(_SLOT, ''))}</strong>"
    body = (
        f'<p class="lead">{sentence.replace(_SLOT, strong)}</p>'
        f"{_form(_t(request, language, 'web-join-button'))}"
        f"{next_step(translator, language, 'web-join-next')}"
    )
    return page(translator, language, "web-join-title", body, icon="mail")


async def join_post(request: web.Request) -> web.Response:
    view = await join(request.app[_ENGINE], request.match_info["token"])
    if view.status is not JoinStatus.JOINED:
        return _error(request, view)
    translator = request.app[_TRANSLATOR]
    language = request_language(request, view.language)
    body = lead(_t(request, language, "web-joined-text", name=view.org_name or "")) + next_step(
        translator, language, "web-joined-next"
    )
    return page(translator, language, "web-joined-title", body, tone=Tone.SUCCESS, icon="check")


async def opt_out_get(request: web.Request) -> web.Response:
    view = await opt_out_view(request.app[_ENGINE], request.match_info["token"])
    if view.status is JoinStatus.UNKNOWN:
        return _error(request, view)
    language = request_language(request, view.language)
    body = lead(_t(request, language, "web-opt-out-text")) + _form(
        _t(request, language, "web-opt-out-button")
    )
    return page(request.app[_TRANSLATOR], language, "web-opt-out-title", body, icon="mail")


async def opt_out_post(request: web.Request) -> web.Response:
    view = await refuse_invitations(request.app[_ENGINE], request.match_info["token"])
    if view.status is JoinStatus.UNKNOWN:
        return _error(request, view)
    language = request_language(request, view.language)
    body = lead(_t(request, language, "web-opted-out-text"))
    return page(
        request.app[_TRANSLATOR],
        language,
        "web-opt-out-title",
        body,
        tone=Tone.SUCCESS,
        icon="check",
    )


def add_join_routes(app: web.Application, engine: Engine, translator: Translator) -> None:
    app[_ENGINE] = engine
    app[_TRANSLATOR] = translator
    app.router.add_get("/join/{token}", join_get)
    app.router.add_post("/join/{token}", join_post)
    app.router.add_get("/join/{token}/opt-out", opt_out_get)
    app.router.add_post("/join/{token}/opt-out", opt_out_post)
