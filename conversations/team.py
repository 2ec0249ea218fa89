"""What the shell knows of an organization's team when the owner invites:
who has an open invitation, whose invitation expired, who joined. Plain data,
passed in with the facts (`Facts.team`); addresses as `invitee_key` makes them."""

from dataclasses import dataclass

__all__ = ["Team"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Team:
    invited: tuple[str, ...] = ()  # open, not expired
    expired: tuple[str, ...] = ()  # not accepted in time (resend to renew)
    members: tuple[str, ...] = ()  # joined
