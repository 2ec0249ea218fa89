"""What a channel is to the rest of the bot: an adapter that turns a platform
update into an `Inbound` and sends `RenderedMessage`s back. Everything a
delivery needs beyond that (dedupe, order, one transaction, owed replies,
stale buttons, the flood limit, error replies, metrics, the log line) is the
runner's (`runner.py`), once for every channel."""

from dataclasses import dataclass
from typing import Protocol

from bot.text.render import RenderedMessage
from conversations import Event

__all__ = ["Address", "Channel", "Inbound", "Unreachable"]


@dataclass(frozen=True, slots=True)
class Address:
    """Whose conversation, and where its replies go. `user` is the external
    id the conversation is kept under (Slack: `TEAM:USER`); `reply_to` is the
    place to send to (a Telegram chat id, a Slack user id, a web session)."""

    channel: str
    user: str
    reply_to: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Inbound:
    """One update, as the runner needs it.

    `event` None: a button we cannot read (not ours, or mangled); it steps
    nothing and is answered as stale. `key`: the platform's delivery id, for
    dedupe and owed replies (None: never delivered twice, as in a terminal).
    `language`: one of our languages, for a newcomer's conversation.
    `pressed`: the keyboard token a pressed button carried (see
    `Channel.send`); None when typed, or when the platform has no stale
    buttons. `message_ref`: the user's message, for `Channel.redact`.
    `button_ref`: what `Channel.answer_button` answers (a callback id)."""

    address: Address
    event: Event | None
    key: str | None = None
    language: str | None = None
    pressed: str | None = None
    message_ref: str | None = None
    button_ref: str | None = None


class Unreachable(Exception):
    """`send` can never reach this address again (blocked, deleted, gone):
    a queued message for it is given up, not retried."""


class Channel(Protocol):
    """An adapter. `name` is the conversation's channel ("telegram", "slack",
    "console", "web"). Sending may raise anything for a failure worth a retry,
    `Unreachable` for one that is final."""

    @property
    def name(self) -> str: ...

    # The message id of the short notice a stale button gets; None: the
    # platform's buttons are never stale (no keyboard tokens kept).
    @property
    def stale_notice(self) -> str | None: ...

    async def send(self, to: Address, message: RenderedMessage, keyboard: str | None) -> None:
        """Send one message. `keyboard`, when the message has buttons that
        come back to us, is the live keyboard's token: a press that carries
        it back (`Inbound.pressed`) is live, any other is stale."""

    async def redact(self, to: Address, message_ref: str) -> None:
        """Delete the user's message (it held a card number). May do nothing
        where the platform cannot."""

    async def answer_button(self, inbound: Inbound, notice: str | None) -> None:
        """Acknowledge a pressed button (and take its keyboard away, where
        the platform can), with `notice` shown when the press was stale."""
