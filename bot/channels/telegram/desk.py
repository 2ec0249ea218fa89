"""The support desk in a Telegram supergroup (SUPPORT_TELEGRAM_CHAT_ID): one
forum topic per ticket when the group is a forum, else one reply thread
anchored on the ticket's card. Agents answer in the thread and press the
card's buttons; only updates from that chat (and, when
SUPPORT_TELEGRAM_AGENT_IDS is set, from those users) act on tickets."""

import functools
import html
import logging
import re
from typing import TYPE_CHECKING, Any

from bot.channels.parts import ChannelParts
from bot.channels.telegram.common import MAX_TEXT, ApiError, Incoming, Keyboard, KeyButton
from bot.handoff.desk import ACTIONS, CardButton, Desk
from storage import tickets as tickets_repo
from storage.tickets import TicketRecord

if TYPE_CHECKING:
    from bot.channels.telegram.channel import TelegramSender

__all__ = ["DESK_CALLBACK", "TelegramDesk", "TelegramDeskUpdates"]

log = logging.getLogger(__name__)
DESK_CALLBACK = re.compile(r"^h:(\d{1,12}):([a-z-]{1,16})$")


# Refusals of an edit that leave nothing to do: the card says that already,
# or an agent deleted it.
_NOTHING_TO_EDIT = ("message is not modified", "message to edit not found")
# Refusals to delete a message that trying again would not change: gone
# already, or older than Telegram lets a bot delete (48 hours).
_CANNOT_DELETE = ("message to delete not found", "message can't be deleted")


def _html(text: str) -> str:
    # Cut before escaping: a cut entity ("&am…") would make Telegram refuse the text.
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 1] + "…"
    return html.escape(text, quote=False)


def _keyboard(ticket: TicketRecord, buttons: list[CardButton]) -> Keyboard | None:
    if not buttons:
        return None
    return tuple(
        (KeyButton(text=b.label, callback_data=f"h:{ticket.id}:{b.action}"),) for b in buttons
    )


class TelegramDesk:
    """`DeskPoster` for a Telegram supergroup."""

    name = "telegram"

    def __init__(self, sender: "TelegramSender", chat_id: int, desk: Desk) -> None:
        self.sender = sender
        self.chat_id = chat_id
        self.desk = desk

    def posted(self, ticket: TicketRecord) -> bool:
        return ticket.telegram_chat_id is not None

    async def post_card(
        self, ticket: TicketRecord, text: str, buttons: list[CardButton]
    ) -> dict[str, Any]:
        api, chat_id = self.sender.api, self.chat_id
        title = self.desk.text("handoff-desk-topic", {"ticket": ticket.id})
        topic: int | None
        try:
            topic = await self.sender.call(
                chat_id, functools.partial(api.create_topic, chat_id, title)
            )
        except ApiError as error:  # not a forum: the card anchors a reply thread
            log.info("no forum topic for ticket %s: %s", ticket.id, error)
            topic = None
        send = functools.partial(
            api.send_in_thread,
            chat_id,
            _html(text),
            _keyboard(ticket, buttons),
            topic_id=topic,
            reply_to=None,
        )
        card_id = await self.sender.call(chat_id, send)
        return {
            "telegram_chat_id": chat_id,
            "telegram_topic_id": topic,
            "telegram_card_id": card_id,
        }

    async def update_card(self, ticket: TicketRecord, text: str, buttons: list[CardButton]) -> None:
        assert ticket.telegram_card_id is not None
        edit = functools.partial(
            self.sender.api.edit_text,
            self.chat_id,
            ticket.telegram_card_id,
            _html(text),
            _keyboard(ticket, buttons),
        )
        try:
            await self.sender.call(self.chat_id, edit)
        except ApiError as error:
            if not any(reason in str(error) for reason in _NOTHING_TO_EDIT):
                raise  # the outbox tries again: a stale card may show personal data
            log.info("ticket card %s not updated: %s", ticket.id, error)

    async def post(self, ticket: TicketRecord, text: str) -> str:
        topic = ticket.telegram_topic_id
        send = functools.partial(
            self.sender.api.send_in_thread,
            self.chat_id,
            _html(text),
            None,
            topic_id=topic,
            reply_to=None if topic is not None else ticket.telegram_card_id,
        )
        return str(await self.sender.call(self.chat_id, send))

    async def delete(self, ticket: TicketRecord, ref: str) -> None:
        remove = functools.partial(self.sender.api.delete_message, self.chat_id, int(ref))
        try:
            await self.sender.call(self.chat_id, remove)
        except ApiError as error:
            if not any(reason in str(error) for reason in _CANNOT_DELETE):
                raise
            log.info("ticket %s: message %s not deleted: %s", ticket.id, ref, error)


class TelegramDeskUpdates:
    """Updates from the support chat: agents' replies and card buttons."""

    def __init__(self, parts: ChannelParts, sender: "TelegramSender") -> None:
        self.parts = parts
        self.sender = sender
        self.chat_id = parts.settings.support_telegram_chat_id
        self.agents = parts.settings.telegram_agents

    def is_desk(self, incoming: Incoming) -> bool:
        return self.chat_id is not None and incoming.chat_id == self.chat_id

    def _refusal(self) -> str:
        return self.parts.desk.text("handoff-desk-refused")

    async def refuse_button(self, incoming: Incoming) -> None:
        """A ticket button pressed outside the desk (a forwarded card)."""
        assert incoming.callback_id is not None
        await self.sender.answer_callback(incoming.callback_id, self._refusal())

    async def handle(self, incoming: Incoming) -> None:
        allowed = not self.agents or incoming.user_id in self.agents
        if incoming.callback_id is not None:
            await self._pressed(incoming, allowed)
            return
        text = incoming.text or ""
        if not text.strip():
            return
        async with self.parts.engine.sessions.begin() as session:
            ticket = await tickets_repo.find_by_telegram(
                session, incoming.chat_id, topic_id=incoming.topic_id, reply_to=incoming.reply_to
            )
        if ticket is None:
            return  # the desk's own chatter, not in a ticket's thread
        if not allowed:
            await self.parts.desk.posters["telegram"].post(ticket, self._refusal())
            return
        await self.parts.desk.agent_message(
            ticket,
            text,
            desk="telegram",
            agent=incoming.user_name or str(incoming.user_id),
            dedupe=("telegram", str(incoming.update_id)),
        )

    async def _pressed(self, incoming: Incoming, allowed: bool) -> None:
        assert incoming.callback_id is not None
        match = DESK_CALLBACK.match(incoming.callback_data or "")
        if match is None or match.group(2) not in ACTIONS:
            await self.sender.answer_callback(incoming.callback_id, None)
            return
        if not allowed:
            await self.sender.answer_callback(incoming.callback_id, self._refusal())
            return
        desk = self.parts.desk
        async with self.parts.engine.sessions.begin() as session:
            ticket = await tickets_repo.get_ticket(session, int(match.group(1)))
        if ticket is None:
            await self.sender.answer_callback(
                incoming.callback_id, desk.text("handoff-desk-ticket-over")
            )
            return
        make_event = ACTIONS[match.group(2)][1]
        done = await desk.act(
            ticket,
            make_event(incoming.user_name or str(incoming.user_id)),
            dedupe=("telegram", str(incoming.update_id)),
        )
        answer = None if done else desk.text("handoff-desk-ticket-over")
        await self.sender.answer_callback(incoming.callback_id, answer)
