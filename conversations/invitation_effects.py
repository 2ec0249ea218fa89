"""Effects of the invitation step (see invitations.py); part of `effects.Effect`."""

from dataclasses import dataclass

__all__ = ["RevokeInvitations", "SendInvitations"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SendInvitations:
    """Invite each address to `org_id`: a new link (an older open one for the
    same address stops working) mailed via the outbox, within the daily
    limits; the shell answers `InvitationsSent`."""

    org_id: int
    emails: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class RevokeInvitations:
    """The open invitations of `org_id` to these addresses stop working."""

    org_id: int
    emails: tuple[str, ...]
