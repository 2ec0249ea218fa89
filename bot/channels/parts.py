"""What the composition root hands a channel. `bot/services.Services` has
all of it; a channel names this protocol instead, so no channel imports the
composition root (which imports the channels it wires)."""

from typing import Protocol

from ..config import Settings
from ..engine import Engine
from ..handoff.desk import Desk
from ..i18n import Translator
from ..worker import Worker

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
