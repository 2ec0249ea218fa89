"""The web chat's HTTP side: the page at `/`, the widget (`/widget.js`, which
opens `/embed` in a frame on the allowed sites), and the API the page talks
to: `POST /chat/messages` (what the visitor says), `GET /chat/messages`
(the transcript, by number) and `GET /chat/stream` (the same, live).

Transport: Server-Sent Events. The traffic is the server's (replies, the
confirmation from another tab, the agent's answers); the visitor's few
messages are ordinary POSTs, which keep the CSRF check, the body limits and
the JSON reader every other route has. SSE resumes by itself (`id:` on each
message, `Last-Event-ID` on reconnect), is plain HTTP through any proxy, and
needs no library on either side; a WebSocket would need its own resume
protocol, its own origin check on the upgrade and its own message limits.

Security: the visitor is a random id in a signed, HttpOnly, SameSite=Lax
cookie (Lax, not Strict: the return from Stripe Checkout is a top-level
navigation from another site and must land in the same conversation). Every
POST needs the CSRF token the page was given (an HMAC of the visitor id) and
an Origin of this site. The frame is served only to the configured origins
(`frame-ancestors`). No inline script or style anywhere (CSP)."""

import asyncio
import base64
import contextlib
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
from collections.abc import Awaitable, Callable
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

from bot.channels.channel import Address, Inbound
from bot.channels.commands import parse_command
from bot.channels.web.adapter import CHANNEL, WebChannel, line_json
from bot.config import Settings
from bot.steps.engine import Engine
from bot.text.i18n import Translator, match_language
from bot.web.brand import STATIC_DIR, static_url
from bot.web.ip_limit import IpLimiter
from bot.web.json_body import MalformedJson, parse_json
from bot.web.pages import request_language
from conversations import Choice, Command, Event, Text, carries_payment_number
from conversations.flow import MAX_TEXT
from conversations.text import free_text
from storage import conversations as conversations_repo
from storage import web_chat

__all__ = ["COOKIE", "Keys", "mount_web_chat"]

log = logging.getLogger(__name__)

COOKIE = "proficonf_chat"
COOKIE_DAYS = 30
_CLIENT_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_VALUE = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
_HEARTBEAT = 15.0  # seconds between pings on an idle stream (and the browser's watchdog)
# The words the page itself shows (the conversation's come from the bot).
STRINGS = (
    "webchat-title",
    "webchat-subtitle",
    "webchat-log-label",
    "webchat-actions-label",
    "webchat-action-status",
    "webchat-action-language",
    "webchat-action-help",
    "webchat-input-label",
    "webchat-input-placeholder",
    "webchat-send",
    "webchat-you",
    "webchat-assistant",
    "webchat-typing",
    "webchat-connecting",
    "webchat-offline",
    "webchat-reconnecting",
    "webchat-retry",
    "webchat-send-failed",
    "webchat-removed",
    "webchat-opens-new-tab",
    "webchat-launcher-open",
    "webchat-launcher-close",
)
UNREAD_COUNTS = 99  # the badge's label is rendered for 1…99 (plural rules stay Fluent's)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
CHANNEL_KEY = web.AppKey("web_chat_channel", WebChannel)


class Keys:
    """The signing keys: the current one first, then one being retired."""

    def __init__(self, settings: Settings) -> None:
        configured = [
            s.get_secret_value().encode()
            for s in (settings.web_chat_secret, settings.web_chat_secret_previous)
            if s is not None and s.get_secret_value()
        ]
        self.keys = configured or [_key_from_file(settings.web_chat_key_file)]

    @staticmethod
    def _mac(key: bytes, purpose: str, visitor: str) -> str:
        digest = hmac.new(key, f"{purpose}:{visitor}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()

    def cookie(self, visitor: str) -> str:
        return f"{visitor}.{self._mac(self.keys[0], 'web-chat-visitor', visitor)}"

    def visitor(self, cookie: str | None) -> str | None:
        """The visitor a cookie names, if one of our keys signed it."""
        if not cookie or cookie.count(".") != 1:
            return None
        visitor, mac = cookie.split(".")
        if not _CLIENT_ID.fullmatch(visitor):
            return None
        for key in self.keys:
            if hmac.compare_digest(mac, self._mac(key, "web-chat-visitor", visitor)):
                return visitor
        return None

    def csrf(self, visitor: str) -> str:
        return self._mac(self.keys[0], "web-chat-csrf", visitor)

    def csrf_ok(self, visitor: str, token: str | None) -> bool:
        return token is not None and any(
            hmac.compare_digest(token, self._mac(key, "web-chat-csrf", visitor))
            for key in self.keys
        )


def _key_from_file(path: Path) -> bytes:
    """The embedded default: a random key made on first start, kept on disk
    (readable by its owner only) so cookies outlive a restart."""
    with contextlib.suppress(FileNotFoundError):
        key = path.read_bytes().strip()
        if len(key) >= 32:
            return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48).encode()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(key)
    return key


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class WebChatRoutes:
    def __init__(
        self, engine: Engine, translator: Translator, channel: WebChannel, limiter: IpLimiter
    ) -> None:
        self.engine = engine
        self.translator = translator
        self.channel = channel
        self.limiter = limiter
        self.settings = engine.settings
        self.keys = Keys(engine.settings)
        self.stopping = asyncio.Event()

    # -- who is asking -------------------------------------------------

    def _visitor(self, request: web.Request) -> str | None:
        return self.keys.visitor(request.cookies.get(COOKIE))

    def _same_origin(self, request: web.Request) -> bool:
        """The Origin of a POST is this site: the public URL's, or the one the
        browser addressed (a local run opened as localhost)."""
        origin = request.headers.get("Origin")
        if origin is None:
            return False
        origin = origin.lower().rstrip("/")
        return origin in (
            _origin(self.settings.base_url),
            _origin(f"{request.scheme}://{request.host}"),
        )

    def _language(self, request: web.Request, known: str | None = None) -> str:
        return request_language(request, known)

    def _error(
        self, request: web.Request, status: int, message_id: str, **args: Any
    ) -> web.Response:
        language = self._language(request)
        text = self.translator.format(language, message_id, args or None)
        return web.json_response(
            {"error": text, "code": message_id}, status=status, headers=_NO_STORE
        )

    async def _over_limit(self, request: web.Request) -> web.Response | None:
        seconds = await self.limiter.wait(f"chat:{request.remote or 'unknown'}")
        if seconds is None:
            return None
        response = self._error(request, 429, "webchat-too-many", seconds=seconds)
        response.headers["Retry-After"] = str(seconds)
        return response

    async def _conversation_language(self, visitor: str | None) -> str | None:
        if visitor is None:
            return None
        async with self.engine.sessions() as session:
            found = await web_chat.recipient(session, CHANNEL, visitor)
        return found[1] if found else None

    # -- pages -----------------------------------------------------------

    async def chat_page(self, request: web.Request) -> web.StreamResponse:
        return await self._page(request, embed=None)

    async def embed_page(self, request: web.Request) -> web.StreamResponse:
        host = (request.query.get("host") or "").lower().rstrip("/")
        if host not in self.settings.web_chat_origins:
            language = self._language(request)
            title = escape(self.translator.format(language, "webchat-embed-refused-title"))
            text = escape(self.translator.format(language, "webchat-embed-refused-text"))
            document = _notice_document(language, title, text)
            return _html(document, status=403, ancestors="'none'")
        return await self._page(request, embed=host)

    async def _page(self, request: web.Request, embed: str | None) -> web.StreamResponse:
        visitor = self._visitor(request)
        fresh = visitor is None
        if fresh:
            limited = await self._over_limit(request)
            if limited is not None:
                return limited
            visitor = secrets.token_urlsafe(18)
        assert visitor is not None
        language = self._language(request, await self._conversation_language(visitor))
        config = {
            "csrf": self.keys.csrf(visitor),
            "language": language,
            "strings": self.strings(language),
            "embed": embed,
            "notice": self._return_notice(request, language),
        }
        ancestors = embed if embed is not None else "'none'"
        response = _html(_chat_document(self.translator, language, config), ancestors=ancestors)
        if fresh or embed is not None:
            # Re-issued on every load: a cookie also outlives its 30 days of quiet.
            response.set_cookie(
                COOKIE,
                self.keys.cookie(visitor),
                max_age=COOKIE_DAYS * 86400,
                path="/",
                httponly=True,
                samesite="Lax",
                secure=self.settings.base_url.startswith("https://"),
            )
        return response

    def _return_notice(self, request: web.Request, language: str) -> dict[str, str] | None:
        """Back from Stripe Checkout (`/?payment=saved`): what the return page
        would have said, shown above the chat; the chat itself is told by the
        webhook."""
        ids = _PAYMENT_NOTICES.get(request.query.get("payment", ""))
        if ids is None:
            return None
        return {
            "title": self.translator.format(language, ids[0]),
            "text": self.translator.format(language, ids[1]),
        }

    def strings(self, language: str) -> dict[str, Any]:
        words: dict[str, Any] = {name: self.translator.format(language, name) for name in STRINGS}
        words["webchat-unread"] = [
            self.translator.format(language, "webchat-unread", {"count": count})
            for count in range(1, UNREAD_COUNTS + 1)
        ]
        return words

    async def strings_json(self, request: web.Request) -> web.Response:
        language = match_language(request.query.get("lang")) or "en"
        return web.json_response(
            {"language": language, "strings": self.strings(language)},
            headers={"Cache-Control": "public, max-age=300"},
        )

    async def widget(self, request: web.Request) -> web.StreamResponse:
        """The loader another site includes; loaded cross-site by design."""
        return web.Response(
            body=(STATIC_DIR / "chat" / "widget.js").read_bytes(),
            content_type="text/javascript",
            charset="utf-8",
            headers={
                "Cache-Control": "no-cache",
                "X-Content-Type-Options": "nosniff",
                "Cross-Origin-Resource-Policy": "cross-origin",
            },
        )

    # -- the API -----------------------------------------------------------

    async def _checked(self, request: web.Request, *, post: bool) -> str | web.Response:
        """The visitor of an API request, or the answer that refuses it."""
        visitor = self._visitor(request)
        if visitor is None:
            return self._error(request, 401, "webchat-session-invalid")
        if (post or "Origin" in request.headers) and not self._same_origin(request):
            return self._error(request, 403, "webchat-forbidden")
        if post and not self.keys.csrf_ok(visitor, request.headers.get("X-CSRF-Token")):
            return self._error(request, 403, "webchat-forbidden")
        limited = await self._over_limit(request)
        return limited if limited is not None else visitor

    async def post_message(self, request: web.Request) -> web.Response:
        checked = await self._checked(request, post=True)
        if isinstance(checked, web.Response):
            return checked
        visitor = checked
        try:
            said = _said(parse_json(await request.read()))
        except (MalformedJson, ValueError):
            return self._error(request, 400, "webchat-bad-request")
        client_id, event, echo, pressed = said
        if isinstance(event, Choice):
            echo = await self._label_of(visitor, event.value, pressed)
        key = f"{visitor}:{client_id}"
        language = self._language(request)
        async with self.channel.turn(visitor):
            async with self.engine.sessions() as session:
                repeated = await conversations_repo.was_processed(session, CHANNEL, key)
            if repeated:
                return web.json_response({"duplicate": True}, headers=_NO_STORE)
            keep_echo = echo is not None and not carries_payment_number(event)
            if keep_echo:
                assert echo is not None
                self.channel.expect_echo(visitor, echo, language)
            address = Address(CHANNEL, visitor, visitor)
            inbound = Inbound(
                address=address,
                event=event,
                key=key,
                language=language,
                pressed=pressed,
                button_ref=client_id if isinstance(event, Choice) else None,
            )
            with self.channel.hub.step_under_way(visitor):
                outcome = await self.channel.runner.run(inbound)
            duplicate = outcome is not None and outcome.duplicate
            redacted = outcome is not None and outcome.redact
            await self.channel.finish_echo(visitor, keep=keep_echo and not duplicate)
            unstored = [
                {"author": "bot", "text": m.text, "buttons": [], "mid": m.message_id}
                for m in self.channel.unstored(visitor)
            ]
        redacted = redacted or carries_payment_number(event)
        answer = {"duplicate": duplicate, "redacted": redacted, "unstored": unstored}
        return web.json_response(answer, headers=_NO_STORE)

    async def _label_of(self, visitor: str, value: str, keyboard: str | None) -> str | None:
        """What the pressed button said, from the messages we sent (never
        the browser's word for it)."""
        for line in reversed(await self._lines(visitor, 0, limit=20)):
            if keyboard is not None and line.keyboard != keyboard:
                continue
            for button in line.buttons:
                if button.get("value") == value and "url" not in button:
                    return str(button["label"])
        return None

    async def get_messages(self, request: web.Request) -> web.Response:
        checked = await self._checked(request, post=False)
        if isinstance(checked, web.Response):
            return checked
        after = _after(request)
        lines = await self._lines(checked, after)
        return web.json_response(
            {"messages": [line_json(line) for line in lines]}, headers=_NO_STORE
        )

    async def _lines(
        self, visitor: str, after: int, *, limit: int = 200
    ) -> list[web_chat.ChatLine]:
        async with self.engine.sessions() as session:
            identity_id = await web_chat.identity_of(session, CHANNEL, visitor)
            if identity_id is None:
                return []
            return await web_chat.history(session, identity_id, after=after, limit=limit)

    async def stream(self, request: web.Request) -> web.StreamResponse:
        checked = await self._checked(request, post=False)
        if isinstance(checked, web.Response):
            return checked
        visitor = checked
        response = web.StreamResponse(
            headers={
                "Content-Type": "text/event-stream",
                "Cache-Control": "no-store",
                "X-Accel-Buffering": "no",  # a proxy must not hold events back
            }
        )
        await response.prepare(request)
        await response.write(b"retry: 2000\n\n")
        hub = self.channel.hub
        typing_shown = False
        with hub.open(visitor, _after(request)) as stream:
            while not self.stopping.is_set():
                stream.woken.clear()
                async with self.engine.sessions() as session:
                    identity_id = await web_chat.identity_of(session, CHANNEL, visitor)
                    if stream.identity_id is not None and identity_id != stream.identity_id:
                        # The visitor erased their data and began again: a new
                        # conversation, numbered from 1.
                        await response.write(b"event: reset\ndata: {}\n\n")
                        stream.cursor = 0
                    stream.identity_id = identity_id
                    lines = (
                        await web_chat.history(session, identity_id, after=stream.cursor)
                        if identity_id is not None
                        else []
                    )
                for line in lines:
                    data = json.dumps(line_json(line), ensure_ascii=False)
                    await response.write(
                        f"id: {line.seq}\nevent: message\ndata: {data}\n\n".encode()
                    )
                    stream.cursor = line.seq
                typing = hub.typing(visitor)
                if typing != typing_shown:
                    typing_shown = typing
                    await response.write(f"event: typing\ndata: {json.dumps(typing)}\n\n".encode())
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stream.woken.wait(), timeout=_HEARTBEAT)
                    continue
                await response.write(b"event: ping\ndata: {}\n\n")
        return response

    @web.middleware
    async def back_to_chat(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Back from Stripe Checkout, a web chat visitor lands in the chat,
        with what the return page would have said above it (the webhook
        tells the conversation itself). Anyone else gets the page."""
        if request.method != "GET" or request.path not in ("/payment/done", "/payment/cancelled"):
            return await handler(request)
        visitor = self._visitor(request)
        if visitor is None or await self._conversation_language(visitor) is None:
            return await handler(request)
        from bot.web.payment_pages import WEBHOOK, Outcome, session_outcome

        outcome = Outcome.NOT_ADDED
        if request.path == "/payment/done":
            outcome = await session_outcome(
                request.app.get(WEBHOOK), request.query.get("session_id")
            )
        names = {Outcome.SAVED: "saved", Outcome.CHECKING: "checking", Outcome.UNKNOWN: "unknown"}
        raise web.HTTPSeeOther(f"/?payment={names.get(outcome, 'cancelled')}")

    async def on_shutdown(self, app: web.Application) -> None:
        self.stopping.set()
        for group in list(self.channel.hub._streams.values()):
            for stream in group:
                stream.woken.set()


_NO_STORE = {"Cache-Control": "no-store"}
_PAYMENT_NOTICES = {
    "saved": ("web-payment-saved-title", "web-payment-saved-text"),
    "checking": ("web-payment-checking-title", "web-payment-checking-text"),
    "cancelled": ("web-payment-cancelled-title", "web-payment-cancelled-text"),
    "unknown": ("web-payment-unknown-title", "web-payment-unknown-text"),
}


def _after(request: web.Request) -> int:
    """Where a stream resumes: the browser's `Last-Event-ID` (its own
    reconnect), else `?after=` (a new stream of a page that has messages)."""
    raw = request.headers.get("Last-Event-ID") or request.query.get("after") or "0"
    return int(raw) if raw.isdigit() and len(raw) < 10 else 0


def _said(body: Any) -> tuple[str, Event, str | None, str | None]:
    """(client id, event, what the transcript shows the visitor said, the
    keyboard a pressed button came from); ValueError for anything else."""
    if not isinstance(body, dict):
        raise ValueError("not an object")
    client_id = body.get("client_id")
    if not isinstance(client_id, str) or not _CLIENT_ID.fullmatch(client_id):
        raise ValueError("client_id")
    kind = body.get("kind")
    if kind == "text":
        text = body.get("text")
        if not isinstance(text, str):
            raise ValueError("text")
        if text.strip().startswith("/"):
            command = parse_command(text)
            if command is not None:
                return client_id, command, free_text(text.strip(), 100), None
        # Shown back as the core passes text on (no controls, no bidi tricks);
        # longer than the core takes: answered, never kept.
        shown = free_text(text, MAX_TEXT) if len(text) <= MAX_TEXT else None
        return client_id, Text(text=text), shown or None, None
    if kind == "choice":
        value, keyboard = body.get("value"), body.get("keyboard")
        if not isinstance(value, str) or not _VALUE.fullmatch(value):
            raise ValueError("value")
        if keyboard is not None and (
            not isinstance(keyboard, str) or not _VALUE.fullmatch(keyboard)
        ):
            raise ValueError("keyboard")
        return client_id, Choice(value=value), None, keyboard
    if kind == "command":
        name = body.get("name")
        if name not in ("start", "status", "language", "help"):
            raise ValueError("command")
        # The page starts a new visitor's chat itself: not something they said.
        return client_id, Command(name=name), None if name == "start" else f"/{name}", None
    raise ValueError("kind")


def _csp(ancestors: str) -> str:
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; base-uri 'none'; form-action 'self'; "
        f"frame-ancestors {ancestors}"
    )


def _html(document: str, *, status: int = 200, ancestors: str) -> web.Response:
    return web.Response(
        text=document,
        status=status,
        content_type="text/html",
        headers={
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": _csp(ancestors),
        },
    )


_PAGE = (Path(__file__).with_name("page.html")).read_text(encoding="utf-8")


def _chat_document(translator: Translator, language: str, config: dict[str, Any]) -> str:
    """The page; chat.js fills in the messages, and the words again when
    the conversation changes language."""
    words = {name.replace("-", "_"): escape(translator.format(language, name)) for name in STRINGS}
    data = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    return _PAGE.format(
        lang=escape(language),
        mode="embed" if config.get("embed") else "full",
        config=data,
        max_text=MAX_TEXT,
        logo=escape(static_url("logo.svg")),
        brand_css=escape(static_url("brand.css")),
        chat_css=escape(static_url("chat/chat.css")),
        chat_js=escape(static_url("chat/chat.js")),
        **words,
    )


def _notice_document(language: str, title: str, text: str) -> str:
    return f"""<!doctype html>
<html lang="{escape(language)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark"><title>{title}</title>
<link rel="stylesheet" href="{escape(static_url("brand.css"))}">
<link rel="stylesheet" href="{escape(static_url("chat/chat.css"))}"></head>
<body><main class="refused"><h1>{title}</h1><p>{text}</p></main></body></html>
"""


def mount_web_chat(
    app: web.Application, engine: Engine, translator: Translator, channel: WebChannel
) -> WebChatRoutes:
    limiter = IpLimiter(
        engine.settings.web_chat_requests_per_ip_per_minute, engine.clock, engine.sessions
    )
    routes = WebChatRoutes(engine, translator, channel, limiter)
    app[CHANNEL_KEY] = channel
    app.router.add_get("/", routes.chat_page)
    app.router.add_get("/embed", routes.embed_page)
    app.router.add_get("/widget.js", routes.widget)
    app.router.add_get("/chat/strings", routes.strings_json)
    app.router.add_post("/chat/messages", routes.post_message)
    app.router.add_get("/chat/messages", routes.get_messages)
    app.router.add_get("/chat/stream", routes.stream)
    app.on_shutdown.append(routes.on_shutdown)
    app.middlewares.append(routes.back_to_chat)
    polling: list[asyncio.Task[None]] = []

    async def start_polling(app: web.Application) -> None:
        interval = engine.settings.web_chat_poll_interval
        polling.append(
            asyncio.create_task(
                channel.hub.poll_forever(engine.sessions, interval, routes.stopping)
            )
        )

    async def stop_polling(app: web.Application) -> None:
        routes.stopping.set()
        for task in polling:
            await task

    app.on_startup.append(start_polling)
    app.on_cleanup.append(stop_polling)
    return routes
