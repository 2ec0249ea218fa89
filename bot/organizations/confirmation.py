"""Opening a confirmation link: look at it (GET, changes nothing) or use it
(POST: the organization is confirmed and its conversation moves on)."""

from dataclasses import dataclass
from enum import StrEnum

from bot.organizations.credits import decide_at_confirmation
from bot.organizations.tokens import hash_token
from bot.steps.engine import Engine
from conversations import EmailConfirmed
from storage import organizations as orgs_repo

__all__ = ["LinkStatus", "LinkView", "inspect_link", "use_link"]

MAX_TOKEN = 128


class LinkStatus(StrEnum):
    VALID = "valid"
    CONFIRMED = "confirmed"
    EXPIRED = "expired"
    USED = "used"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class LinkView:
    status: LinkStatus
    language: str | None = None
    org_name: str | None = None


async def _view(engine: Engine, token: str, *, lock: bool) -> tuple[LinkView, int | None]:
    if not token or len(token) > MAX_TOKEN:
        return LinkView(LinkStatus.UNKNOWN), None
    async with engine.sessions() as session:
        link = await orgs_repo.find_confirmation(session, hash_token(token), for_update=lock)
        if link is None:
            return LinkView(LinkStatus.UNKNOWN), None
        org = await orgs_repo.get_organization(session, link.org_id)
    if org is None or link.revoked_at is not None or org.status == "cancelled":
        return LinkView(LinkStatus.UNKNOWN), None
    view = LinkView(LinkStatus.VALID, org.language, org.name)
    if link.used_at is not None:
        return LinkView(LinkStatus.USED, org.language, org.name), None
    if link.expires_at <= engine.clock.now():
        return LinkView(LinkStatus.EXPIRED, org.language, org.name), None
    return view, link.id


async def inspect_link(engine: Engine, token: str) -> LinkView:
    view, _ = await _view(engine, token, lock=False)
    return view


async def use_link(engine: Engine, token: str) -> LinkView:
    view, link_id = await _view(engine, token, lock=False)
    if link_id is None:
        return view
    now = engine.clock.now()
    async with engine.sessions.begin() as session:
        link = await orgs_repo.find_confirmation(session, hash_token(token), for_update=True)
        if link is None or not await orgs_repo.use_confirmation(session, link_id, now):
            return LinkView(LinkStatus.USED, view.language, view.org_name)
        org = await orgs_repo.get_organization(session, link.org_id, for_update=True)
        if org is None:
            return LinkView(LinkStatus.UNKNOWN)
        await orgs_repo.confirm_organization(session, org.id, now)
        # The trial credit is decided in the same transaction as the confirmation.
        credit = await decide_at_confirmation(session, org, now)
        if org.identity_id is not None:
            await engine.handle_external(
                session, org.identity_id, EmailConfirmed(org_id=org.id, credit=credit)
            )
    return LinkView(LinkStatus.CONFIRMED, view.language, view.org_name)
