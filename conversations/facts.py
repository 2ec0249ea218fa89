"""What the shell knows about the deployment and the user that the flow's
rules depend on (payments on, a support desk to hand off to, the names of
the user's organizations, today's counts behind the daily limits). Passed
into `step`; never stored."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from .team import Team

__all__ = ["DEFAULT_SUPPORT_EMAIL", "DailyCount", "Facts"]

DEFAULT_SUPPORT_EMAIL = "support@proficonf.com"


@dataclass(frozen=True, slots=True)
class DailyCount:
    """When the counted things happened in the last day (oldest first), and
    how many a day the deployment allows."""

    times: tuple[datetime, ...]
    limit: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Facts:
    # A payment method can be added (payments are set up): otherwise a
    # confirmed organization is done without the payment step.
    payments: bool = True
    # A person can take the conversation over: otherwise "Talk to a person"
    # is never offered and the user is pointed to `support_email`.
    desk: bool = True
    support_email: str = DEFAULT_SUPPORT_EMAIL
    # The names of the user's other organizations (a duplicate is pointed
    # out); the shell fills them in only where a name is being given.
    org_names: tuple[str, ...] = ()
    # The organization's invitations and members, read only while the owner
    # invites or asks for the status (None otherwise).
    team: Team | None = None
    # Today's counts behind the daily limits, read by the shell only for a
    # step that could use them (`policy.counts_needed`); a limit whose count
    # is absent is not applied. The organizations the user made today:
    organizations_today: DailyCount | None = None
    # The confirmation emails each address got today, by address:
    emails_today: Mapping[str, DailyCount] = field(default_factory=dict)
