"""The interface of an outbox kind, and the plain one most kinds are."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from storage import outbox
from storage.records import OutboxItem

__all__ = ["OutboxKind", "OutboxKinds", "SimpleKind"]


class OutboxKind(Protocol):
    @property
    def name(self) -> str:
        """The `kind` of the rows this runs."""

    @property
    def in_order(self) -> bool:
        """A user's rows of this kind go out in order: once one fails, their
        later ones wait for its retry instead of overtaking it."""

    def service(self, item: OutboxItem) -> str:
        """The outside service the row talks to, for the metrics."""

    async def run(self, item: OutboxItem) -> None:
        """Do what the row asks and mark it done. A `PermanentMailError` or
        `PermanentDeliveryError` gives up at once; any other error retries."""

    async def give_up(
        self, session: AsyncSession, item: OutboxItem, error: str, now: datetime
    ) -> None:
        """It failed for good: mark it failed (`outbox.fail`) and tell whoever
        must know, inside the worker's transaction `session`."""


OutboxKinds = dict[str, OutboxKind]


@dataclass(frozen=True, slots=True)
class SimpleKind:
    """A kind whose runner marks its rows done itself and whose failure
    concerns nobody but the operators (the row stays with its error)."""

    name: str
    runner: Callable[[OutboxItem], Awaitable[None]]
    service_name: str
    in_order: bool = False

    def service(self, item: OutboxItem) -> str:
        return self.service_name

    async def run(self, item: OutboxItem) -> None:
        await self.runner(item)

    async def give_up(
        self, session: AsyncSession, item: OutboxItem, error: str, now: datetime
    ) -> None:
        await outbox.fail(session, item.id, now=now, error=error)
