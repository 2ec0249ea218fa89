"""The support desk in a Slack channel (SUPPORT_SLACK_CHANNEL): one thread per
ticket, opened by its card. Agents answer in the thread and press the card's
buttons; only that channel (and, when SUPPORT_SLACK_AGENT_IDS is set, those
users) acts on tickets — anyone else is told so, privately."""

import logging
import re
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels.slack.blocks import plain
from bot.channels.slack.payloads import field, optional
from bot.channels.slack.text import escape, unformat
from bot.handoff.desk import ACTIONS, CardButton, Desk, is_desk_command
from storage import tickets as tickets_repo
from storage.tickets import TicketRecord

__all__ = ["DESK_ACTION", "SlackDesk", "SlackDeskEvents"]

log = logging.getLogger(__name__)
DESK_ACTION = re.compile(r"^desk-([a-z-]{1,16})$")
_NAMES_KEPT = 1000
# chat.delete refusals that trying again would not change.
_CANNOT_DELETE = ("message_not_found", "cant_delete_message")


def _card_blocks(ticket: TicketRecord, text: str, buttons: list[CardButton]) -> list[Any]:
    blocks: list[dict[str, Any]] = [{"type": "section", "text": plain(text)}]
    if buttons:
        blocks.append(
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "text": plain(b.label, 75),
                        "action_id": f"desk-{b.action}",
                        "value": str(ticket.id),
                    }
                    for b in buttons
                ],
            }
        )
    return blocks


class SlackDesk:
    """`DeskPoster` for a Slack channel."""

    name = "slack"

    def __init__(self, client: AsyncWebClient, channel: str) -> None:
        self.client = client
        self.channel = channel

    def posted(self, ticket: TicketRecord) -> bool:
        return ticket.slack_thread_ts is not None

    async def post_card(
        self, ticket: TicketRecord, text: str, buttons: list[CardButton]
    ) -> dict[str, Any]:
        answer = await self.client.chat_postMessage(
            channel=self.channel, text=escape(text), blocks=_card_blocks(ticket, text, buttons)
        )
        return {"slack_channel": self.channel, "slack_thread_ts": str(answer["ts"])}

    async def update_card(self, ticket: TicketRecord, text: str, buttons: list[CardButton]) -> None:
        await self.client.chat_update(
            channel=self.channel,
            ts=str(ticket.slack_thread_ts),
            text=escape(text),
            blocks=_card_blocks(ticket, text, buttons),
        )

    async def post(self, ticket: TicketRecord, text: str) -> str:
        answer = await self.client.chat_postMessage(
            channel=self.channel, thread_ts=str(ticket.slack_thread_ts), text=escape(text)
        )
        return str(answer["ts"])

    async def delete(self, ticket: TicketRecord, ref: str) -> None:
        try:
            await self.client.chat_delete(channel=self.channel, ts=ref)
        except SlackApiError as error:
            if error.response.get("error") not in _CANNOT_DELETE:
                raise
            log.info("ticket %s: message %s not deleted: %s", ticket.id, ref, error)


class SlackDeskEvents:
    """Messages in the desk channel's ticket threads, and card buttons."""

    def __init__(self, desk: Desk, client: AsyncWebClient) -> None:
        self.desk = desk
        self.client = client
        settings = desk.engine.settings
        self.channel = settings.support_slack_channel
        self.agents = settings.slack_agents
        self._names: dict[str, str] = {}

    def is_desk_channel(self, channel: str | None) -> bool:
        return self.channel is not None and channel == self.channel

    def _allowed(self, channel: str | None, user: str) -> bool:
        return self.is_desk_channel(channel) and (not self.agents or user in self.agents)

    async def _tell(self, channel: str, user: str, message_id: str) -> None:
        await self.client.chat_postEphemeral(
            channel=channel, user=user, text=self.desk.text(message_id)
        )

    async def _agent_name(self, user: str) -> str:
        """How the other desks see the agent: their Slack name, else their id."""
        name = self._names.get(user)
        if name is not None:
            return name
        try:
            answer = await self.client.users_info(user=user)
        except (SlackClientError, aiohttp.ClientError, TimeoutError) as error:
            log.info("no name for agent %s: %s", user, error)
            return user
        info = answer.get("user") or {}
        profile = info.get("profile") or {}
        name = str(
            profile.get("display_name") or profile.get("real_name") or info.get("name") or user
        )
        if len(self._names) >= _NAMES_KEPT:
            self._names.clear()
        self._names[user] = name
        return name

    async def on_message(self, event: dict[str, Any], body: dict[str, Any]) -> None:
        thread_ts = optional(event, "thread_ts")
        if thread_ts is None or thread_ts == optional(event, "ts"):
            return  # not an answer in a thread
        channel, user = field(event, "channel"), field(event, "user")
        async with self.desk.engine.sessions.begin() as session:
            ticket = await tickets_repo.find_by_slack_thread(session, channel, thread_ts)
        if ticket is None:
            return
        if not self._allowed(channel, user):
            await self._tell(channel, user, "handoff-desk-refused")
            return
        text = unformat(optional(event, "text") or "")
        if is_desk_command(text) or not text.strip():
            return  # the agent's own command: no need to know who wrote it
        await self.desk.agent_message(
            ticket,
            text,
            desk="slack",
            agent=await self._agent_name(user),
            dedupe=("slack", f"event:{field(body, 'event_id')}"),
        )

    async def on_button(self, ack: Any, body: dict[str, Any], action: dict[str, Any]) -> None:
        await ack()
        user = field(body, "user", "id")
        channel = optional(body, "channel", "id") or optional(body, "container", "channel_id")
        match = DESK_ACTION.match(field(action, "action_id"))
        if match is None or match.group(1) not in ACTIONS:
            return
        if channel is None or not self._allowed(channel, user):
            await self._tell(channel or user, user, "handoff-desk-refused")
            return
        value = field(action, "value")
        async with self.desk.engine.sessions.begin() as session:
            ticket = await tickets_repo.get_ticket(session, int(value)) if value.isdigit() else None
        if ticket is None:
            await self._tell(channel, user, "handoff-desk-ticket-over")
            return
        agent = optional(body, "user", "username") or optional(body, "user", "name") or user
        key = optional(body, "trigger_id") or field(action, "action_ts")
        done = await self.desk.act(
            ticket, ACTIONS[match.group(1)][1](agent), dedupe=("slack", f"trigger:{key}")
        )
        if not done:
            await self._tell(channel, user, "handoff-desk-ticket-over")
