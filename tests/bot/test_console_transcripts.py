"""The transcript suite on the terminal channel, on SQLite and PostgreSQL."""

import io
from pathlib import Path

import aiohttp
import pytest

from bot.channels.console import ConsoleChannel
from bot.services import Services
from conversations import Choice
from tests.transcripts.mailbox import join_by_link, newest_token
from tests.transcripts.script import SCRIPTS, Action, JoinLink, OpenLink, Press, Say


class ConsoleHarness:
    def __init__(self, services: Services, web_url: str, mail_dir: Path) -> None:
        self.channel = ConsoleChannel(services, "tester", io.StringIO())
        self.web_url = web_url
        self.mail_dir = mail_dir

    async def act(self, action: Action) -> list[str]:
        before = len(self.channel.shown)
        if isinstance(action, Say):
            await self.channel.handle_line(action.text)
        elif isinstance(action, Press):
            numbers = [i for i, (_, v) in enumerate(self.channel.options, 1) if v == action.value]
            if numbers:
                await self.channel.handle_line(str(numbers[0]))
            else:  # a stale button: the console has no such option on screen
                await self.channel.handle_event(Choice(value=action.value))
        elif isinstance(action, OpenLink):
            token = newest_token(self.mail_dir)
            url = f"{self.web_url}/confirm/{token}"
            async with aiohttp.ClientSession() as http, http.post(url) as response:
                assert response.status == 200, await response.text()
            await self.channel.deliver_pending()
        elif isinstance(action, JoinLink):
            await join_by_link(self.web_url, self.mail_dir)
            await self.channel.deliver_pending()
        return [m.message_id for m in self.channel.shown[before:]]


@pytest.mark.parametrize("name", sorted(SCRIPTS))
async def test_transcript(name: str, services: Services, web_url: str) -> None:
    harness = ConsoleHarness(services, web_url, services.settings.mail_dir)
    for number, (action, expected) in enumerate(SCRIPTS[name], 1):
        seen = await harness.act(action)
        assert tuple(seen) == expected, f"turn {number}: {action}"
