"""Plain data the repositories return."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from conversations.flood import MessageWindow

__all__ = [
    "ConfirmationRecord",
    "ConversationRecord",
    "CreditGrantRecord",
    "CreditUsageRecord",
    "LiveKeyboard",
    "OrganizationRecord",
    "OutboxItem",
    "TimerItem",
]


@dataclass(frozen=True, slots=True)
class LiveKeyboard:
    """The newest keyboard sent to a user's place: a pressed button that
    carries another token belongs to an older one, and is stale."""

    token: str
    language: str | None


@dataclass(frozen=True, slots=True)
class ConversationRecord:
    id: int
    identity_id: int
    channel: str
    external_id: str
    state: str
    data: dict[str, Any]
    version: int
    created: bool
    window: MessageWindow | None = None  # the message limit's current window
    keyboard: LiveKeyboard | None = None  # the live keyboard at the user's place
    # The user's organization names, when loaded with the conversation (at
    # the name step); None: not loaded.
    org_names: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class OrganizationRecord:
    id: int
    identity_id: int | None
    channel: str
    name: str | None
    email: str | None
    domain: str | None
    language: str
    currency: str
    status: str
    created_at: datetime
    confirmed_at: datetime | None
    credit_status: str | None = None


@dataclass(frozen=True, slots=True)
class ConfirmationRecord:
    id: int
    org_id: int
    # The address this link (and its one email) went to.
    email: str | None
    expires_at: datetime
    used_at: datetime | None
    revoked_at: datetime | None
    # When it was issued: the `Date` of its email.
    created_at: datetime


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: int
    kind: str
    identity_id: int | None
    payload: dict[str, Any]
    attempts: int
    # The end of this claim's lease, as written by the claim: the fence that
    # tells whether another worker has taken the row over since.
    leased_until: datetime | None = None


@dataclass(frozen=True, slots=True)
class TimerItem:
    id: int
    identity_id: int
    name: str
    org_id: int | None
    due_at: datetime


@dataclass(frozen=True, slots=True)
class CreditGrantRecord:
    id: int
    org_id: int
    domain: str
    amount_minor: int
    currency: str
    used_minor: int
    exhausted_at: datetime | None

    @property
    def remaining_minor(self) -> int:
        return max(0, self.amount_minor - self.used_minor)


@dataclass(frozen=True, slots=True)
class CreditUsageRecord:
    id: int
    org_id: int
    idempotency_key: str
    amount_minor: int
    applied_minor: int
    remaining_minor: int
    currency: str
    created_at: datetime
