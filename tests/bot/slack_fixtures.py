"""Fixtures for Slack tests: the Slack API double, settings pointing at it,
and a signed-request "workspace" aimed at the running web app."""

from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.config import Settings
from tests.doubles.slack_api import SlackApiDouble

from .slack_workspace import SlackWorkspace

TOKEN = "xoxb-test-token"
SECRET = "signing-secret-for-tests"


@pytest.fixture
async def slack_api() -> AsyncIterator[SlackApiDouble]:
    async with SlackApiDouble(token=TOKEN).running() as api:
        yield api


@pytest.fixture
def settings(database_url: str, tmp_path: Path, slack_api: SlackApiDouble) -> Settings:
    return Settings(
        database_url=database_url,
        mail_dir=tmp_path / "mail",
        public_url="http://127.0.0.1:8080",
        # Scripted users type many messages at one frozen instant; the message
        # limit has its own tests (tests/reliability/test_limits.py).
        messages_per_minute=10_000,
        slack_bot_token=TOKEN,
        slack_signing_secret=SECRET,
        slack_api_base=slack_api.base_url,
        _env_file=None,  # type: ignore[call-arg]
    )


@pytest.fixture
async def slack(web_url: str, slack_api: SlackApiDouble) -> AsyncIterator[SlackWorkspace]:
    async with aiohttp.ClientSession() as http:
        yield SlackWorkspace(http, web_url, SECRET, slack_api)
