"""`payment_link`: a Stripe Checkout link made by `bot/payments/checkout.py`.
Given up on, the user is told that no link can be made right now."""

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from bot.outbox.kinds.names import PAYMENT_LINK
from conversations import PaymentLinkUnavailable
from storage import outbox
from storage.records import OutboxItem

if TYPE_CHECKING:
    from bot.steps.engine import Engine

__all__ = ["PaymentLinkKind"]


class PaymentLinkKind:
    name = PAYMENT_LINK
    in_order = False

    def __init__(self, engine: "Engine", runner: Callable[[OutboxItem], Awaitable[None]]) -> None:
        self.engine = engine
        self.runner = runner

    def service(self, item: OutboxItem) -> str:
        return "stripe"

    async def run(self, item: OutboxItem) -> None:
        await self.runner(item)

    async def give_up(
        self, session: AsyncSession, item: OutboxItem, error: str, now: datetime
    ) -> None:
        await outbox.fail(session, item.id, now=now, error=error)
        if item.identity_id is not None:
            await self.engine.handle_external(
                session, item.identity_id, PaymentLinkUnavailable(org_id=item.payload["org_id"])
            )
