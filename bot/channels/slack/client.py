"""The Slack Web API client, pointed at `SLACK_API_BASE`."""

from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings

__all__ = ["make_client"]


def make_client(settings: Settings) -> AsyncWebClient:
    assert settings.slack_bot_token is not None
    return AsyncWebClient(
        token=settings.slack_bot_token.get_secret_value(), base_url=settings.slack_api_base
    )
