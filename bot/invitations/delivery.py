"""The outbox runner of `invitation_email` rows: build the invitation email
from its row and send it; a row whose invitation was revoked, accepted or
opted out of meanwhile, or whose organization is gone, is finished unsent.
The token leaves the database with the finished row (only its hash stays)."""

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.invitations.email import build_invitation_email
from bot.mail.mailer import Mailer, PermanentMailError
from bot.ops import metrics
from bot.ops.clock import Clock
from bot.ops.faults import crash_point
from bot.text.i18n import Translator
from storage import invitations as invitations_repo
from storage import organizations as orgs_repo
from storage import outbox
from storage.records import OutboxItem

__all__ = ["scrubbed", "send_invitation"]


def scrubbed(item: OutboxItem) -> dict[str, Any]:
    return {k: v for k, v in item.payload.items() if k != "token"}


async def send_invitation(
    item: OutboxItem,
    *,
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    clock: Clock,
    translator: Translator,
    mailer: Mailer,
) -> None:
    token: str = item.payload.get("token") or ""
    async with sessions.begin() as session:
        invitation = await invitations_repo.get_invitation(
            session, int(item.payload.get("invitation_id") or 0)
        )
        org = (
            await orgs_repo.get_organization(session, invitation.org_id)
            if invitation is not None
            else None
        )
        blocked = (
            await invitations_repo.opted_out(session, (invitation.email,))
            if invitation is not None
            else set()
        )
    live = (
        invitation is not None
        and token
        and invitation.revoked_at is None
        and invitation.accepted_at is None
        and not blocked
        and org is not None
        and org.name is not None
        and org.status == "confirmed"
    )
    if live:
        assert invitation is not None and org is not None and org.name is not None
        try:
            message = build_invitation_email(
                translator,
                settings,
                outbox_id=item.id,
                to=invitation.email,
                org_name=org.name,
                inviter=invitation.invited_by or org.email or "",
                language=org.language,
                token=token,
                expires_at=invitation.expires_at,
                date=invitation.created_at,
            )
        except ValueError as error:
            raise PermanentMailError(f"cannot address the invitation: {error}") from error
        crash_point("before-send")
        await mailer.send(message)
        metrics.external_call("email", "ok")
        crash_point("after-send")
    async with sessions.begin() as session:
        await outbox.complete(session, item.id, now=clock.now(), payload=scrubbed(item))
