"""A real `python -m bot web` serving Slack, killed after a DM's step
committed but before its reply went out (crash point `slack-before-replies`,
as SIGKILL would). Slack delivers the event again (same `event_id`) to the
restarted process: a duplicate for the engine, so nothing steps twice, and
the reply the step owed is sent then, once."""

from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.ops.faults import CRASH_EXIT_CODE
from tests.bot.slack_workspace import SlackWorkspace, message_ids
from tests.doubles.slack_api import SlackApiDouble
from tests.reliability.test_web_crashes import Web, _conversation, _env

TOKEN = "xoxb-crash-test-token"
SECRET = "slack-crash-signing-secret"
USER = "U0CRASH"


@pytest.fixture
async def slack_api() -> AsyncIterator[SlackApiDouble]:
    double = SlackApiDouble(TOKEN)
    async with double.running():
        yield double


async def test_a_reply_lost_to_a_crash_is_sent_on_slacks_retry(
    database_url: str, tmp_path: Path, slack_api: SlackApiDouble
) -> None:
    web = Web(
        _env(
            database_url,
            tmp_path,
            SLACK_BOT_TOKEN=TOKEN,
            SLACK_SIGNING_SECRET=SECRET,
            SLACK_API_BASE=slack_api.base_url,
        ),
        tmp_path,
    )
    async with aiohttp.ClientSession() as http:
        slack = SlackWorkspace(http, web.url, SECRET, slack_api)
        await web.start(crash_at="slack-before-replies")
        try:
            with pytest.raises(aiohttp.ClientError):
                await slack.dm(USER, "hello", event_id="Ev0CRASH01")
            assert await web.died() == CRASH_EXIT_CODE
            assert slack_api.messages_to(USER) == []  # committed, never sent
            stepped, _ = await _conversation(database_url, f"T0TEAM:{USER}")

            await web.start()
            retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}
            answer = await slack.dm(USER, "hello", event_id="Ev0CRASH01", headers=retry)
            assert answer.status == 200
            owed = message_ids(slack_api, USER)
            assert owed, "the owed reply was not sent"
            # The retry did not step again: the conversation is where the crash left it.
            assert (await _conversation(database_url, f"T0TEAM:{USER}"))[0] == stepped

            # Paid: a further retry sends nothing.
            again = await slack.dm(USER, "hello", event_id="Ev0CRASH01", headers=retry)
            assert again.status == 200
            assert message_ids(slack_api, USER) == owed
        finally:
            await web.stop()
