"""`invitation_email`: the email inviting someone to join an organization,
sent through the mailer (`bot/invitations/delivery.py` builds and sends it;
a row whose invitation was revoked, accepted or opted out of meanwhile is
finished unsent). Given up on, nobody is told: the owner sees the
invitation as open in /status and can send it again. The link's token
leaves the database either way (only its hash stays)."""

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from bot.invitations import INVITATION_EMAIL
from bot.invitations.delivery import scrubbed, send_invitation
from bot.mail.mailer import Mailer
from bot.text.i18n import Translator
from storage import outbox
from storage.records import OutboxItem

if TYPE_CHECKING:
    from bot.steps.engine import Engine

__all__ = ["InvitationEmailKind"]


class InvitationEmailKind:
    name = INVITATION_EMAIL
    in_order = False

    def __init__(self, engine: "Engine", translator: Translator, mailer: Mailer) -> None:
        self.engine = engine
        self.translator = translator
        self.mailer = mailer

    def service(self, item: OutboxItem) -> str:
        return "email"

    async def run(self, item: OutboxItem) -> None:
        await send_invitation(
            item,
            sessions=self.engine.sessions,
            settings=self.engine.settings,
            clock=self.engine.clock,
            translator=self.translator,
            mailer=self.mailer,
        )

    async def give_up(
        self, session: AsyncSession, item: OutboxItem, error: str, now: datetime
    ) -> None:
        await outbox.fail(session, item.id, now=now, error=error, payload=scrubbed(item))
