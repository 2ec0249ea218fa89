"""The `Channel` for Slack: a message is a DM to the user (Slack opens the
IM channel), through `chat.postMessage`. Slack's buttons are never stale
here (a press is acknowledged by Bolt's `ack()`), and a user's DM cannot be
deleted with a bot token, so `redact` and `answer_button` do nothing."""

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels.channel import Address, Inbound, Unreachable
from bot.channels.slack.blocks import invite_picker, message_payload
from bot.channels.slack.ids import CHANNEL, dm_target
from bot.text.i18n import Translator
from bot.text.render import RenderedMessage

__all__ = ["SlackSender", "slack_address"]

# Slack errors that no retry can fix: the user or the app is gone.
_PERMANENT = frozenset(
    {"user_not_found", "channel_not_found", "account_inactive", "user_disabled", "invalid_auth"}
)


def slack_address(external_id: str) -> Address:
    """`TEAM:USER` → the conversation, and the DM to the user."""
    return Address(CHANNEL, external_id, dm_target(external_id))


class SlackSender:
    name = CHANNEL
    stale_notice = None

    def __init__(self, client: AsyncWebClient, translator: Translator) -> None:
        self.client = client
        self.translator = translator

    async def send(self, to: Address, message: RenderedMessage, keyboard: str | None) -> None:
        payload = message_payload(message)
        if message.message_id == "invite-ask":
            # Besides typed addresses: people from the workspace.
            label = self.translator.format(message.language or "en", "slack-invite-pick")
            payload["blocks"].append(invite_picker(label))
        try:
            await self.client.chat_postMessage(channel=to.reply_to, **payload)
        except SlackApiError as error:
            reason = error.response.get("error")
            if reason in _PERMANENT:
                raise Unreachable(f"slack: {reason}") from error
            raise

    async def redact(self, to: Address, message_ref: str) -> None:
        return None

    async def answer_button(self, inbound: Inbound, notice: str | None) -> None:
        return None
