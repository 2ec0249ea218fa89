"""Tables. Repositories turn rows into the plain records of `records.py`;
nothing outside `storage/` sees an ORM object."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from conversations.validation import NAME_MAX_BYTES

__all__ = [
    "Base",
    "ConversationRow",
    "CreditGrantRow",
    "CreditUsageRow",
    "EmailConfirmationRow",
    "HistoryRow",
    "IdentityRow",
    "InvitationOptOutRow",
    "InvitationRow",
    "IpWindowRow",
    "MemberRow",
    "OrganizationRow",
    "OutboxRow",
    "PaymentProfileRow",
    "ProcessedUpdateRow",
    "TelegramChatRow",
    "TicketRow",
    "TimerRow",
    "WebChatMessageRow",
]


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite keeps no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON}  # noqa: RUF012


class IdentityRow(Base):
    """A user as one channel knows them (Telegram user id, Slack user, console name)."""

    __tablename__ = "identities"
    __table_args__ = (UniqueConstraint("channel", "external_id", name="uq_identities_channel"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime]


class ConversationRow(Base):
    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identity_id: Mapped[int] = mapped_column(
        ForeignKey("identities.id", ondelete="CASCADE"), unique=True
    )
    state: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]]
    version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    # The message limit's current one-minute window (flood); none yet: NULL.
    window_started_at: Mapped[datetime | None]
    window_count: Mapped[int | None] = mapped_column(Integer)
    window_warned: Mapped[bool | None]
    # The token of the newest keyboard sent to the user's place (older ones
    # are stale) and the language it was shown in.
    keyboard_token: Mapped[str | None] = mapped_column(String(16))
    keyboard_language: Mapped[str | None] = mapped_column(String(8))


class ProcessedUpdateRow(Base):
    """Deliveries already handled (Telegram update_id, Stripe event id, …)."""

    __tablename__ = "processed_updates"
    __table_args__ = (UniqueConstraint("source", "key", name="uq_processed_updates_source"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime]
    # What the channel still owes the user for this delivery (storage/owed_replies).
    replies: Mapped[dict[str, Any] | None]


class OrganizationRow(Base):
    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identity_id: Mapped[int | None] = mapped_column(
        ForeignKey("identities.id", ondelete="SET NULL"), index=True
    )
    channel: Mapped[str] = mapped_column(String(32))
    # Sized by the core's limit in bytes: a VARCHAR counts characters, and a
    # name that passed has no more characters than bytes, so it always fits.
    name: Mapped[str | None] = mapped_column(String(NAME_MAX_BYTES))
    # Roomier than EMAIL_MAX (ASCII, so characters = bytes); see test_column_sizes.
    email: Mapped[str | None] = mapped_column(String(320))
    domain: Mapped[str | None] = mapped_column(String(255))
    language: Mapped[str] = mapped_column(String(8))
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime]
    confirmed_at: Mapped[datetime | None]
    # The trial credit decision (conversations.credits.CreditStatus); NULL until confirmed.
    credit_status: Mapped[str | None] = mapped_column(String(32))


class EmailConfirmationRow(Base):
    """One confirmation link. Only the SHA-256 of the token is kept."""

    __tablename__ = "email_confirmations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    email: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class OutboxRow(Base):
    """Work that leaves the process (emails, notifications, payment links),
    written in the same transaction as the state change that caused it."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    identity_id: Mapped[int | None] = mapped_column(
        ForeignKey("identities.id", ondelete="CASCADE"), index=True
    )
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    available_at: Mapped[datetime] = mapped_column(index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_until: Mapped[datetime | None]
    done_at: Mapped[datetime | None] = mapped_column(index=True)
    last_error: Mapped[str | None] = mapped_column(Text)


class PaymentProfileRow(Base):
    """An organization's Stripe side: customer, current Checkout link, saved method.
    `generation` counts link requests (it keys the idempotency of session creation);
    `session_generation` is the request the stored session answered."""

    __tablename__ = "payment_profiles"

    org_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True
    )
    customer_id: Mapped[str | None] = mapped_column(String(255))
    generation: Mapped[int] = mapped_column(Integer, default=0)
    # When the current generation was asked for: fixes its session's expires_at,
    # so every retry sends Stripe the same parameters under the same key.
    link_requested_at: Mapped[datetime | None]
    session_generation: Mapped[int] = mapped_column(Integer, default=0)
    session_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    session_url: Mapped[str | None] = mapped_column(Text)
    session_expires_at: Mapped[datetime | None]
    setup_intent_id: Mapped[str | None] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(16))
    payment_method_id: Mapped[str | None] = mapped_column(String(255), index=True)
    method_type: Mapped[str | None] = mapped_column(String(32))
    method_brand: Mapped[str | None] = mapped_column(String(64))
    method_last4: Mapped[str | None] = mapped_column(String(4))
    method_country: Mapped[str | None] = mapped_column(String(2))
    mandate_status: Mapped[str | None] = mapped_column(String(16))
    failure_reason: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime]


class TelegramChatRow(Base):
    """Per Telegram chat: the `/start` deep-link payload the user first
    arrived with (the signup source)."""

    __tablename__ = "telegram_chats"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    start_source: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class TimerRow(Base):
    """An event due to a conversation later (a reminder). Claimed with a lease
    like the outbox; fired or cancelled once, never both."""

    __tablename__ = "timers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identity_id: Mapped[int] = mapped_column(
        ForeignKey("identities.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(64))
    org_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime]
    due_at: Mapped[datetime] = mapped_column(index=True)
    claimed_until: Mapped[datetime | None]
    fired_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]


class CreditGrantRow(Base):
    """A trial credit. The unique domain is what makes it "once per domain":
    concurrent confirmations race on the insert and the database picks one."""

    __tablename__ = "credit_grants"
    __table_args__ = (CheckConstraint("amount_minor > 0", name="ck_credit_grants_amount"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), unique=True
    )
    domain: Mapped[str] = mapped_column(String(255), unique=True)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    created_at: Mapped[datetime]
    # Set once, by the usage report that brought the remaining credit to zero.
    exhausted_at: Mapped[datetime | None]


class CreditUsageRow(Base):
    """Spend reported by the conferencing platform. `applied_minor` is what the
    credit covered; `remaining_minor` the credit left after it (never negative)."""

    __tablename__ = "credit_usages"
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="ck_credit_usages_amount"),
        CheckConstraint(
            "applied_minor >= 0 AND applied_minor <= amount_minor", name="ck_credit_usages_applied"
        ),
        CheckConstraint("remaining_minor >= 0", name="ck_credit_usages_remaining"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    idempotency_key: Mapped[str] = mapped_column(String(255), unique=True)
    amount_minor: Mapped[int] = mapped_column(Integer)
    applied_minor: Mapped[int] = mapped_column(Integer)
    remaining_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    created_at: Mapped[datetime]


class IpWindowRow(Base):
    """Per client address, the current one-minute window of the public-page
    limit: shared by every web process (one row, counted atomically)."""

    __tablename__ = "ip_windows"

    address: Mapped[str] = mapped_column(String(64), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(index=True)
    count: Mapped[int] = mapped_column(Integer)


class TicketRow(Base):
    """A support handoff: its status and timings, and where its thread lives
    on each desk (Telegram forum topic or reply thread, Slack thread)."""

    __tablename__ = "tickets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # None once the user deleted their data: the ticket stays, anonymous, so
    # its cards in the desks can be blanked and its timings still count.
    identity_id: Mapped[int | None] = mapped_column(
        ForeignKey("identities.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), index=True)
    resolution: Mapped[str | None] = mapped_column(String(16))
    agent: Mapped[str | None] = mapped_column(String(128))
    opened_at: Mapped[datetime]
    taken_at: Mapped[datetime | None]
    escalated_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    # When the SLA timer (a `timers` row) fires, while nobody has taken the ticket.
    sla_due_at: Mapped[datetime | None]
    telegram_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    telegram_topic_id: Mapped[int | None] = mapped_column(Integer)
    telegram_card_id: Mapped[int | None] = mapped_column(Integer, index=True)
    slack_channel: Mapped[str | None] = mapped_column(String(64))
    slack_thread_ts: Mapped[str | None] = mapped_column(String(32), index=True)


class TicketPostRow(Base):
    """A message the bot posted in a ticket's desk thread with what the user
    (or an agent, to them) wrote: removed when the user deletes their data."""

    __tablename__ = "ticket_posts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    desk: Mapped[str] = mapped_column(String(16))
    ref: Mapped[str] = mapped_column(String(64))  # Telegram message id, Slack ts


class HistoryRow(Base):
    """What happened in conversations, two kinds of row in one table, so that a
    step writes both in one insert. A transcript line (`identity_id`,
    `author`, `text`): the last messages of a conversation, redacted, for the
    ticket card; they go with the identity. A step event (`conversation_id`,
    `channel`, `language`, `step`): a conversation entering a step, anonymous
    on purpose (no identity, only the conversation's number), so funnel
    counts survive the deletion of a user's data."""

    __tablename__ = "history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identity_id: Mapped[int | None] = mapped_column(
        ForeignKey("identities.id", ondelete="CASCADE"), index=True
    )
    author: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str | None] = mapped_column(Text)
    conversation_id: Mapped[int | None] = mapped_column(Integer, index=True)
    channel: Mapped[str | None] = mapped_column(String(32))
    language: Mapped[str | None] = mapped_column(String(8))
    step: Mapped[str | None] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(index=True)


class InvitationRow(Base):
    """An invitation to join an organization (one link; only the SHA-256 of
    its token is kept). A new one for the same address revokes the older."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    # The invitee's address as `conversations.invitees.invitee_key` makes it.
    email: Mapped[str] = mapped_column(String(320), index=True)
    # Who invited (the owner's address when it was sent); None once they
    # deleted their data.
    invited_by: Mapped[str | None] = mapped_column(String(320))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(index=True)
    expires_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class MemberRow(Base):
    """Someone who joined an organization with an invitation."""

    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("org_id", "email", name="uq_members_org_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(String(320))
    invitation_id: Mapped[int | None] = mapped_column(Integer)
    joined_at: Mapped[datetime]


class InvitationOptOutRow(Base):
    """An address that asked never to be invited again (from any organization)."""

    __tablename__ = "invitation_opt_outs"

    email: Mapped[str] = mapped_column(String(320), primary_key=True)
    created_at: Mapped[datetime]


class WebChatMessageRow(Base):
    """The web chat as its visitor saw it, both sides, in order. `seq` numbers
    one conversation's messages from 1: the id a browser resumes from, so it
    is given out under a per-conversation lock and never reused."""

    __tablename__ = "web_chat_messages"
    __table_args__ = (UniqueConstraint("identity_id", "seq", name="uq_web_chat_messages_seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identity_id: Mapped[int] = mapped_column(ForeignKey("identities.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    author: Mapped[str] = mapped_column(String(8))  # "bot" or "user"
    message_id: Mapped[str | None] = mapped_column(String(64))  # a bot message's Fluent id
    text: Mapped[str] = mapped_column(Text)
    buttons: Mapped[list[Any]] = mapped_column(JSON)
    keyboard: Mapped[str | None] = mapped_column(String(64))  # the live keyboard's token
    language: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime]
