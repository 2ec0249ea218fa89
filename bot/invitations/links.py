"""Opening an invitation link: look at it (GET: changes nothing, so a mail
scanner that fetches it joins nobody), join (POST: a member row, the
invitation used, the owner told in their own channel and language, in one
transaction), or ask never to be invited again (POST)."""

from dataclasses import dataclass
from enum import StrEnum

from bot.organizations.tokens import hash_token
from bot.steps.engine import Engine
from conversations import InvitationAccepted
from conversations.validation import display_email
from storage import invitations as invitations_repo
from storage import organizations as orgs_repo
from storage.invitations import InvitationRecord
from storage.records import OrganizationRecord

__all__ = [
    "JoinStatus",
    "JoinView",
    "inspect_invitation",
    "join",
    "opt_out_view",
    "refuse_invitations",
]

MAX_TOKEN = 128


class JoinStatus(StrEnum):
    VALID = "valid"
    JOINED = "joined"
    OPTED_OUT = "opted_out"
    EXPIRED = "expired"
    USED = "used"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class JoinView:
    status: JoinStatus
    language: str | None = None
    org_name: str | None = None
    inviter: str | None = None


def _judge(
    engine: Engine, invitation: InvitationRecord | None, org: OrganizationRecord | None
) -> JoinView:
    if invitation is None or org is None:
        return JoinView(JoinStatus.UNKNOWN)
    if org.name is None or org.identity_id is None or org.status != "confirmed":
        # The organization was cancelled, or its owner deleted their data.
        return JoinView(JoinStatus.UNKNOWN, org.language)
    inviter = display_email(invitation.invited_by) if invitation.invited_by else None
    view = JoinView(JoinStatus.VALID, org.language, org.name, inviter)
    if invitation.accepted_at is not None:
        return JoinView(JoinStatus.USED, org.language, org.name)
    if invitation.revoked_at is not None:
        return JoinView(JoinStatus.UNKNOWN, org.language)
    if invitation.expires_at <= engine.clock.now():
        return JoinView(JoinStatus.EXPIRED, org.language, org.name)
    return view


async def _find(
    engine: Engine, token: str
) -> tuple[InvitationRecord | None, OrganizationRecord | None]:
    if not token or len(token) > MAX_TOKEN:
        return None, None
    async with engine.sessions() as session:
        invitation = await invitations_repo.find_invitation(session, hash_token(token))
        if invitation is None:
            return None, None
        return invitation, await orgs_repo.get_organization(session, invitation.org_id)


async def inspect_invitation(engine: Engine, token: str) -> JoinView:
    return _judge(engine, *await _find(engine, token))


async def join(engine: Engine, token: str) -> JoinView:
    view = await inspect_invitation(engine, token)
    if view.status is not JoinStatus.VALID:
        return view
    now = engine.clock.now()
    async with engine.sessions.begin() as session:
        invitation = await invitations_repo.find_invitation(
            session, hash_token(token), for_update=True
        )
        org = (
            await orgs_repo.get_organization(session, invitation.org_id, for_update=True)
            if invitation is not None
            else None
        )
        checked = _judge(engine, invitation, org)
        if checked.status is not JoinStatus.VALID:
            return checked
        assert invitation is not None and org is not None and org.identity_id is not None
        if not await invitations_repo.accept_invitation(session, invitation.id, now):
            return JoinView(JoinStatus.USED, org.language, org.name)
        if await invitations_repo.is_member(session, org.id, invitation.email):
            return JoinView(JoinStatus.JOINED, org.language, org.name)
        await invitations_repo.add_member(
            session, org_id=org.id, email=invitation.email, invitation_id=invitation.id, now=now
        )
        await engine.handle_external(
            session,
            org.identity_id,
            InvitationAccepted(org_id=org.id, email=invitation.email, name=org.name or ""),
        )
    return JoinView(JoinStatus.JOINED, org.language, org.name)


async def refuse_invitations(engine: Engine, token: str) -> JoinView:
    """Whatever became of this invitation, its address is never invited again."""
    invitation, org = await _find(engine, token)
    if invitation is None:
        return JoinView(JoinStatus.UNKNOWN)
    async with engine.sessions.begin() as session:
        await invitations_repo.opt_out(session, invitation.email, engine.clock.now())
    return JoinView(JoinStatus.OPTED_OUT, org.language if org else None)


async def opt_out_view(engine: Engine, token: str) -> JoinView:
    """The opt-out page of any invitation we know (used, expired or not)."""
    invitation, org = await _find(engine, token)
    if invitation is None:
        return JoinView(JoinStatus.UNKNOWN)
    return JoinView(JoinStatus.VALID, org.language if org else None)
