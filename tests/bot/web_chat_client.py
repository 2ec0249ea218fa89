"""A web chat visitor over the channel's HTTP API (what chat.js does): the
page gives the cookie and the CSRF token, POSTs say things, the transcript
is read by number. Used by the transcripts and the hostile-input tests."""

import json
import re
import uuid
from typing import Any

import aiohttp

from bot.services import Services

_CONFIG = re.compile(r'<script type="application/json" id="chat-config">(.*?)</script>', re.S)


async def open_web_chat(services: Services) -> tuple[Any, str]:
    """The real app (with the web chat) on a free loopback port."""
    from aiohttp import web

    from bot.web import build_app

    app = build_app(
        services.engine, services.translator, services.stripe_webhook, services.web_chat
    )
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}"


class Visitor:
    def __init__(self, base_url: str, accept_language: str = "en") -> None:
        self.base_url = base_url
        self.http = aiohttp.ClientSession(
            headers={"Accept-Language": accept_language},
            cookie_jar=aiohttp.CookieJar(unsafe=True),  # cookies for 127.0.0.1
        )
        self.csrf = ""
        self.config: dict[str, Any] = {}
        self.seen = 0
        self.messages: list[dict[str, Any]] = []

    async def close(self) -> None:
        await self.http.close()

    async def open_page(self) -> None:
        async with self.http.get(f"{self.base_url}/") as response:
            assert response.status == 200
            page = await response.text()
        found = _CONFIG.search(page)
        assert found
        self.config = json.loads(found.group(1))
        self.csrf = self.config["csrf"]

    async def post(
        self, body: dict[str, Any], *, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, Any]]:
        sent = {"client_id": uuid.uuid4().hex, **body}
        default = {"Origin": self.base_url, "X-CSRF-Token": self.csrf}
        async with self.http.post(
            f"{self.base_url}/chat/messages",
            data=json.dumps(sent),
            headers={"Content-Type": "application/json", **default, **(headers or {})},
        ) as response:
            return response.status, await response.json()

    async def new_messages(self) -> list[dict[str, Any]]:
        async with self.http.get(f"{self.base_url}/chat/messages?after={self.seen}") as response:
            assert response.status == 200, await response.text()
            found: list[dict[str, Any]] = (await response.json())["messages"]
        if found:
            self.seen = found[-1]["id"]
        self.messages += found
        return found

    async def say(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        """Say something; the bot's messages that then came (after the echo)."""
        status, answer = await self.post(body)
        assert status == 200, answer
        if answer["unstored"]:  # the visitor's data was erased: a new conversation next
            self.seen = 0
            self.messages = []
            return list(answer["unstored"])
        return [m for m in await self.new_messages() if m["author"] == "bot"]

    def live_keyboard(self) -> str | None:
        for message in reversed(self.messages):
            if message["author"] == "bot" and any("url" not in b for b in message["buttons"]):
                return message["keyboard"]  # type: ignore[no-any-return]
        return None
