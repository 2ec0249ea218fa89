"""The worker's sender for queued Slack DMs (`chat_message` rows whose channel
is slack): a confirmed email, a saved payment method, told in the user's DM."""

from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels.slack.blocks import message_payload
from bot.channels.slack.ids import dm_target
from bot.outbox.worker import PermanentDeliveryError
from bot.steps.codec import reply_from_json
from bot.text.i18n import Translator
from bot.text.render import render
from conversations import Reply

__all__ = ["SlackSender"]

# Slack errors that no retry can fix: the user or the app is gone.
_PERMANENT = frozenset(
    {"user_not_found", "channel_not_found", "account_inactive", "user_disabled", "invalid_auth"}
)


class SlackSender:
    def __init__(self, client: AsyncWebClient, translator: Translator) -> None:
        self.client = client
        self.translator = translator

    async def __call__(self, payload: dict[str, Any]) -> None:
        reply: Reply = reply_from_json(payload["reply"])
        message = render(self.translator, payload.get("language", "en"), reply)
        try:
            await self.client.chat_postMessage(
                channel=dm_target(payload["external_id"]), **message_payload(message)
            )
        except SlackApiError as error:
            reason = error.response.get("error")
            if reason in _PERMANENT:
                raise PermanentDeliveryError(f"slack: {reason}") from error
            raise
