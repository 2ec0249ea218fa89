"""What the composition root hands a channel. `bot/services.Services` has
all of it; a channel names this protocol instead, so no channel imports the
composition root (which imports the channels it wires)."""

from typing import Protocol

from bot.config import Settings
from bot.handoff.desk import Desk
from bot.outbox.worker import Worker
from bot.steps.engine import Engine
from bot.text.i18n import Translator

__all__ = ["ChannelParts"]


class ChannelParts(Protocol):
    @property
    def settings(self) -> Settings: ...

    @property
    def engine(self) -> Engine: ...

    @property
    def translator(self) -> Translator: ...

    @property
    def worker(self) -> Worker: ...

    @property
    def desk(self) -> Desk: ...
