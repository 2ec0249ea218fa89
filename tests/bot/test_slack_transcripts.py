"""The transcript suite on Slack, chat style: typed text arrives as DM
`message.im` events, buttons as `block_actions`, slash commands as
`/onboard <command>`; every request signed, every answer a recorded DM.

Two differences from a terminal, both Slack's: its client cannot send an empty
or blank message (those turns are skipped here), and `/onboard` answers an
unknown sub-command with its usage text (`slack-usage`) instead of the chat's
`error-unknown-command` plus the prompt. Skipping blank messages also moves
the "third invalid answer in a row" offer of a person (`handoff-offer`) to
other turns, so the offer is left out of the comparison here (the handoff
tests cover it on Slack)."""

import re

import aiohttp
import pytest

from bot.channels.slack.text import escape
from bot.services import Services
from tests.doubles.slack_api import SlackApiDouble
from tests.transcripts.mailbox import join_by_link, newest_token
from tests.transcripts.script import SCRIPTS, Action, JoinLink, OpenLink, Press, Say

from .slack_fixtures import settings, slack, slack_api
from .slack_workspace import SlackWorkspace, message_ids

__all__ = ["settings", "slack", "slack_api"]  # fixtures

USER = "U0TESTER"
# The offer of help after a third bad answer in a row: Slack cannot send the
# empty messages that count towards it, so it comes on another turn there.
_OFFERS = frozenset({"handoff-offer", "support-contact"})
_EMAIL = re.compile(r"(?<![<|:\w.])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def as_slack_delivers(text: str) -> str:
    """Slack escapes &, <, > and wraps addresses it recognizes as mailto links."""
    escaped = escape(text)
    return _EMAIL.sub(lambda m: f"<mailto:{m.group()}|{m.group()}>", escaped)


def on_slack(action: Action, expected: tuple[str, ...]) -> tuple[str, ...] | None:
    """What Slack shows for a turn, or None when a Slack user cannot do it."""
    if isinstance(action, Say) and not action.text.strip():
        return None
    if expected[:1] == ("error-unknown-command",):
        return ("slack-usage",)
    return tuple(m for m in expected if m not in _OFFERS)


class SlackHarness:
    def __init__(
        self, slack: SlackWorkspace, api: SlackApiDouble, services: Services, web_url: str
    ):
        self.slack = slack
        self.api = api
        self.services = services
        self.web_url = web_url

    async def act(self, action: Action) -> list[str]:
        before = len(message_ids(self.api, USER))
        if isinstance(action, Say) and action.text.startswith("/"):
            name, _, arg = action.text[1:].partition(" ")
            answer = await self.slack.command(USER, f"{name} {arg}".strip())
        elif isinstance(action, Say):
            answer = await self.slack.dm(USER, as_slack_delivers(action.text))
        elif isinstance(action, Press):
            answer = await self.slack.press(USER, action.value)
        elif isinstance(action, JoinLink):
            await join_by_link(self.web_url, self.services.settings.mail_dir)
        else:
            assert isinstance(action, OpenLink)
            token = newest_token(self.services.settings.mail_dir)
            url = f"{self.web_url}/confirm/{token}"
            async with aiohttp.ClientSession() as http, http.post(url) as response:
                assert response.status == 200
        if not isinstance(action, OpenLink | JoinLink):
            assert (answer.status, answer.text) == (200, "")
        # The worker process: confirmation emails out, queued DMs delivered.
        await self.services.worker.drain_once()
        return message_ids(self.api, USER)[before:]


@pytest.mark.parametrize("name", sorted(SCRIPTS))
async def test_transcript_on_slack(
    name: str,
    slack: SlackWorkspace,
    slack_api: SlackApiDouble,
    services: Services,
    web_url: str,
) -> None:
    harness = SlackHarness(slack, slack_api, services, web_url)
    for number, (action, expected) in enumerate(SCRIPTS[name], 1):
        wanted = on_slack(action, expected)
        if wanted is None:
            continue
        seen = [m for m in await harness.act(action) if m not in _OFFERS]
        assert tuple(seen) == wanted, f"turn {number}: {action}"
