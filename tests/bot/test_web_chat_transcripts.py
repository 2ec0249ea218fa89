"""The transcript suite on the web chat's HTTP API, on SQLite and PostgreSQL."""

from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.services import Services
from tests.bot.web_chat_client import Visitor, open_web_chat
from tests.transcripts.mailbox import join_by_link, newest_token
from tests.transcripts.script import SCRIPTS, Action, JoinLink, OpenLink, Press, Say


@pytest.fixture
async def chat_url(services: Services) -> AsyncIterator[str]:
    runner, url = await open_web_chat(services)
    yield url
    await runner.cleanup()


class WebChatHarness:
    def __init__(self, services: Services, url: str) -> None:
        self.services = services
        self.url = url
        self.visitor = Visitor(url)

    async def act(self, action: Action) -> list[str]:
        if not self.visitor.csrf:
            await self.visitor.open_page()
        if isinstance(action, Say):
            said = await self.visitor.say({"kind": "text", "text": action.text})
        elif isinstance(action, Press):
            keyboard = self.visitor.live_keyboard()
            said = await self.visitor.say(
                {"kind": "choice", "value": action.value, "keyboard": keyboard}
            )
        elif isinstance(action, OpenLink):
            token = newest_token(self.services.settings.mail_dir)
            async with (
                aiohttp.ClientSession() as http,
                http.post(f"{self.url}/confirm/{token}") as response,
            ):
                assert response.status == 200, await response.text()
            await self.services.worker.drain_once()
            said = [m for m in await self.visitor.new_messages() if m["author"] == "bot"]
        elif isinstance(action, JoinLink):
            await join_by_link(self.url, self.services.settings.mail_dir)
            await self.services.worker.drain_once()
            said = [m for m in await self.visitor.new_messages() if m["author"] == "bot"]
        return [m["mid"] for m in said]

    async def close(self) -> None:
        await self.visitor.close()


@pytest.mark.parametrize("name", sorted(SCRIPTS))
async def test_transcript(name: str, services: Services, chat_url: str) -> None:
    harness = WebChatHarness(services, chat_url)
    try:
        for number, (action, expected) in enumerate(SCRIPTS[name], 1):
            # The email is written by the worker, embedded here as in `web`.
            await services.worker.drain_once()
            seen = await harness.act(action)
            assert tuple(seen) == expected, f"turn {number}: {action}"
    finally:
        await harness.close()
