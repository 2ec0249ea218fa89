"""Events of the invitation step (see invitations.py); part of `events.Event`."""

from dataclasses import dataclass

__all__ = ["InvitationAccepted", "InvitationsSent", "InviteesPicked"]


@dataclass(frozen=True, slots=True, kw_only=True)
class InviteesPicked:
    """People picked from a list the channel has (Slack's workspace users):
    their profile addresses, raw, judged like a pasted list."""

    emails: tuple[str, ...]
    # How many people were picked (the channel may look up no more than the
    # cap, and some have no address): the cap is said against this.
    picked: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class InvitationsSent:
    """What the shell did with `SendInvitations`: `sent` queued; `limited`
    refused by a daily limit (`hours` until the next is allowed); `opted_out`
    not sent because the person asked never to be invited."""

    org_id: int
    sent: int
    limited: int = 0
    opted_out: int = 0
    hours: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class InvitationAccepted:
    """Someone joined the organization with their invitation (told to its owner)."""

    org_id: int
    email: str
    name: str = ""  # the organization's
