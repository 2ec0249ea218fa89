"""`confirmation_email`: the email with the link that confirms an
organization's address, sent through the mailer. A row killed between
sending and marking done comes back when its lease ends and is sent again
with the same Message-ID, so the recipient's mail system sees one email.
Given up on, the user is told (unless the address was replaced since); the
link's token leaves the database either way (only its hash stays)."""

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.mail.content import build_confirmation_email, confirm_url
from bot.mail.mailer import FileMailer, Mailer, PermanentMailError
from bot.ops import metrics
from bot.ops.faults import crash_point
from bot.organizations.tokens import hash_token
from bot.outbox.kinds.names import CONFIRMATION_EMAIL
from bot.text.i18n import Translator
from conversations import EmailDeliveryFailed
from storage import organizations as orgs_repo
from storage import outbox
from storage.records import OutboxItem

if TYPE_CHECKING:
    from bot.steps.engine import Engine

__all__ = ["ConfirmationEmailKind"]

log = logging.getLogger(__name__)


def _scrubbed(item: OutboxItem) -> dict[str, Any]:
    """A finished email's payload without its link's token (only the hash stays)."""
    return {k: v for k, v in item.payload.items() if k != "token"}


class ConfirmationEmailKind:
    name = CONFIRMATION_EMAIL
    in_order = False

    def __init__(self, engine: "Engine", translator: Translator, mailer: Mailer) -> None:
        self.engine = engine
        self.translator = translator
        self.mailer = mailer

    def service(self, item: OutboxItem) -> str:
        return "email"

    async def run(self, item: OutboxItem) -> None:
        engine = self.engine
        payload = item.payload
        token: str = payload.get("token") or ""
        async with engine.sessions.begin() as session:
            org = await orgs_repo.get_organization(session, payload["org_id"])
            link = await orgs_repo.find_confirmation(session, hash_token(token)) if token else None
        if org is None or org.email is None or org.name is None or link is None or not token:
            await self._finish(item)
            return
        if link.revoked_at is not None or link.used_at is not None:
            # A newer email (resend, changed address) replaced this one before
            # it went out, or the link was used meanwhile: sending it is noise.
            await self._finish(item)
            return
        try:
            # Everything the email says is fixed by its link and this row: the
            # address the link was issued for, dated when it was asked for. A
            # copy sent again after a crash is the same message.
            message = build_confirmation_email(
                self.translator,
                engine.settings,
                outbox_id=item.id,
                to=link.email or org.email,
                org_name=org.name,
                language=org.language,
                token=token,
                expires_at=link.expires_at,
                date=link.created_at,
            )
        except ValueError as error:
            raise PermanentMailError(f"cannot address the email: {error}") from error
        crash_point("before-send")
        await self.mailer.send(message)
        metrics.external_call("email", "ok")
        crash_point("after-send")
        if isinstance(self.mailer, FileMailer):
            # Local default only: no real mail goes out, so show where the link is.
            log.info(
                "confirmation link for organization %s: %s",
                org.id,
                confirm_url(engine.settings, token),
            )
        await self._finish(item)

    async def _finish(self, item: OutboxItem) -> None:
        """Done; the token leaves the database with it (only its hash stays)."""
        async with self.engine.sessions.begin() as session:
            await outbox.complete(
                session, item.id, now=self.engine.clock.now(), payload=_scrubbed(item)
            )

    async def give_up(
        self, session: AsyncSession, item: OutboxItem, error: str, now: datetime
    ) -> None:
        # The token leaves the database with a failed email too.
        await outbox.fail(session, item.id, now=now, error=error, payload=_scrubbed(item))
        if item.identity_id is not None:
            await self._tell_user(session, item, item.identity_id)

    async def _tell_user(self, session: AsyncSession, item: OutboxItem, identity_id: int) -> None:
        """Tell the user that their confirmation email cannot be delivered, in
        the same transaction as giving it up. Not when the address that failed
        is no longer the organization's: the user changed it since, the email
        to the new address is on its way, and "<old address> failed, change
        email" would only make them doubt the address they just fixed. Logged
        and counted like any failure."""
        org_id = int(item.payload["org_id"])
        token: str = item.payload.get("token") or ""
        link = await orgs_repo.find_confirmation(session, hash_token(token)) if token else None
        org = await orgs_repo.get_organization(session, org_id)
        current = org.email if org is not None else None
        failed = link.email if link is not None and link.email else current
        if failed is None:
            return  # the user's data was deleted meanwhile
        if failed != current:
            log.info(
                "outbox %s: the email to a replaced address of organization %s failed; "
                "the user is not told",
                item.id,
                org_id,
            )
            return
        await self.engine.handle_external(
            session, identity_id, EmailDeliveryFailed(org_id=org_id, email=failed)
        )
