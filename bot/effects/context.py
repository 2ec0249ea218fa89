"""What an effect runner is given: the step's transaction and where it stands."""

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
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
    right away goes into `outcome`. `new_organizations` (id → email) and
    `scheduled` ((timer name, organization id)) are what this step's effects
    created so far: a later effect of the same step knows, without asking
    the database, that such an organization has no older link or timer."""

    session: AsyncSession
    record: ConversationRecord
    now: datetime
    settings: Settings
    outcome: "Outcome"
    new_organizations: dict[int, str] = field(default_factory=dict)
    scheduled: set[tuple[str, int | None]] = field(default_factory=set)


# A runner takes its own effect type (the registry keys it by that type) and
# may answer with an event the core steps next.
Runner = Callable[[Any, EffectContext], Awaitable[Event | None]]
Runners = Mapping[type, Runner]
