"""What an effect runner is given: the step's transaction and where it stands."""

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from conversations import Event
from storage.records import ConversationRecord

if TYPE_CHECKING:  # the engine imports the runners; the runners only fill its Outcome
    from bot.steps.engine import Outcome

__all__ = ["EffectContext", "Runner", "Runners"]


@dataclass(frozen=True, slots=True)
class EffectContext:
    """A step's effects run inside its transaction (`session`), for the
    conversation of `record` (locked), at `now`. What the channel must show
    right away goes into `outcome`."""

    session: AsyncSession
    record: ConversationRecord
    now: datetime
    settings: Settings
    outcome: "Outcome"


# A runner takes its own effect type (the registry keys it by that type) and
# may answer with an event the core steps next.
Runner = Callable[[Any, EffectContext], Awaitable[Event | None]]
Runners = Mapping[type, Runner]
