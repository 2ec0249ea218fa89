"""One settings object, read from the environment (and `.env`)."""

from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.mail.address import mailbox
from conversations.validation import FieldError, check_email

__all__ = ["Settings"]

_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = "sqlite+aiosqlite:///var/onboarding.db"
    public_url: str = "http://127.0.0.1:8080"
    host: str = "127.0.0.1"
    port: int = Field(default=8080, validation_alias="PORT")
    # Seconds a client has to send the request line and headers, then the body
    # (bot/web/read_timeouts.py); past either the connection is closed.
    http_header_timeout: float = Field(default=10.0, gt=0)
    http_body_timeout: float = Field(default=30.0, gt=0)
    locales_dir: Path = _ROOT / "locales"

    mail_dir: Path = Path("var/mail")
    mail_from: str = "Proficonf <no-reply@proficonf.local>"
    mail_reply_to: str = "support@proficonf.com"
    # smtp://user:pass@host:587 (STARTTLS) or smtps://user:pass@host:465 (TLS);
    # see bot/mail/smtp.py for the exact rule. Unset: `.eml` files in MAIL_DIR.
    smtp_url: SecretStr | None = None
    smtp_timeout: float = 30.0
    smtp_ca_file: Path | None = None
    confirmation_ttl: timedelta = timedelta(hours=24)
    # After each confirmation email, remind the user this long after it (each once).
    reminder_delays: Annotated[tuple[timedelta, ...], NoDecode] = (
        timedelta(hours=1),
        timedelta(hours=24),
    )

    stripe_secret_key: SecretStr | None = None
    stripe_webhook_secret: SecretStr | None = None
    # During a rotation: the secret being retired, still accepted until removed.
    stripe_webhook_secret_previous: SecretStr | None = None
    stripe_api_base: str = "https://api.stripe.com"
    # How long a Checkout link stays usable; Stripe accepts 30 minutes to 24 hours.
    stripe_checkout_ttl: timedelta = timedelta(hours=24)
    # Bearer token of the internal API (credit usage reports); unset = API off.
    internal_api_token: SecretStr | None = None

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_signing_secret_previous: SecretStr | None = None
    slack_api_base: str = "https://slack.com/api/"

    telegram_bot_token: SecretStr | None = None
    telegram_library: Literal["aiogram", "ptb"] = "aiogram"
    telegram_api_base: str = "https://api.telegram.org"
    telegram_webhook_secret: SecretStr | None = None
    # During a rotation: the other secret still accepted (see SECURITY.md).
    telegram_webhook_secret_previous: SecretStr | None = None
    telegram_poll_timeout: int = 25
    # Outbound limits (Telegram's: ~1/s per chat with short bursts, 20/min per
    # group, 30/s overall).
    telegram_rate_per_chat: float = 1.0
    telegram_chat_burst: int = 3
    telegram_group_per_minute: float = 20.0
    telegram_rate_overall: float = 30.0

    # Abuse limits (see SECURITY.md): per user, per email address, per IP.
    orgs_per_user_per_day: int = Field(default=5, ge=1)
    emails_per_address_per_day: int = Field(default=10, ge=1)
    messages_per_minute: int = Field(default=30, ge=1)
    confirm_attempts_per_ip_per_minute: int = Field(default=30, ge=1)
    # Inviting the team: invitations one organization may send in a day (each
    # resend counts), and invitations one address may receive in a day from
    # every organization together; how long an invitation's link works.
    invitations_per_org_per_day: int = Field(default=100, ge=1)
    invitations_per_address_per_day: int = Field(default=3, ge=1)
    invitation_ttl: timedelta = timedelta(days=7)
    # The support desk (handoff to a person): a Telegram supergroup and/or a
    # Slack channel; optional comma-separated allow-lists of agents.
    support_telegram_chat_id: int | None = None
    support_telegram_agent_ids: str = ""
    support_slack_channel: str | None = None
    support_slack_agent_ids: str = ""
    handoff_sla: timedelta = timedelta(minutes=10)
    # Where customers are told to write when no desk is configured, and to add
    # a payment method when payments are off (the core's default is the same;
    # not imported from it, so reading settings loads no conversation code).
    # The default is not run through the check below at every start (that
    # would import email_validator before the first prompt); a test checks it.
    support_email: str = Field(default="support@proficonf.com", validate_default=False)

    # The web chat (bot/channels/web): the key that signs its visitor cookie
    # and CSRF tokens (unset: a random one kept in WEB_CHAT_KEY_FILE, fine for
    # one machine), the one being retired during a rotation, the sites that may
    # embed the widget (comma-separated origins, like https://www.example.com),
    # and requests per client IP per minute to its API.
    web_chat_secret: SecretStr | None = None
    web_chat_secret_previous: SecretStr | None = None
    web_chat_key_file: Path = Path("var/web_chat.key")
    web_chat_allowed_origins: str = ""
    web_chat_requests_per_ip_per_minute: int = Field(default=120, ge=1)
    # How often a web process looks for messages other processes wrote.
    web_chat_poll_interval: float = Field(default=1.0, gt=0)

    outbox_lease: timedelta = timedelta(minutes=2)
    worker_poll_interval: float = 1.0
    log_level: str = "INFO"
    log_format: Literal["plain", "json"] = "plain"

    @field_validator("stripe_checkout_ttl")
    @classmethod
    def _checkout_ttl_in_stripe_range(cls, value: timedelta) -> timedelta:
        if not timedelta(minutes=30) <= value <= timedelta(hours=24):
            raise ValueError("STRIPE_CHECKOUT_TTL must be between 30 minutes and 24 hours")
        return value

    @field_validator("mail_from", "mail_reply_to")
    @classmethod
    def _one_address(cls, value: str) -> str:
        """A header value with one ASCII address (`Name <a@b>` or `a@b`), no
        control characters or encoded words, checked at start by the same
        rule the email builder applies (`bot/mail/address.py`)."""
        try:
            mailbox(value)
        except ValueError as error:
            raise ValueError(
                f"must be one email address, like Proficonf <no-reply@example.com> ({error})"
            ) from None
        return value

    @field_validator("support_email")
    @classmethod
    def _plain_address(cls, value: str) -> str:
        """Customers read it in chat ("write to …"): one plain address that the
        core's own email rule accepts, so nothing else can ride along."""
        checked = check_email(value)
        if isinstance(checked, FieldError):
            raise ValueError("must be one plain email address, like support@example.com")
        return checked.value

    @field_validator("reminder_delays", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        """`REMINDER_DELAYS=3600,86400` (seconds or ISO 8601 durations); empty: none."""
        if isinstance(value, str):
            parts = (part.strip() for part in value.split(","))
            return tuple(float(part) if part.isdigit() else part for part in parts if part)
        return value

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def slack_configured(self) -> bool:
        return self.slack_bot_token is not None and self.slack_signing_secret is not None

    @property
    def stripe_webhook_secrets(self) -> tuple[str, ...]:
        """Every Stripe signing secret accepted now: the current one first."""
        return _values(self.stripe_webhook_secret, self.stripe_webhook_secret_previous)

    @property
    def slack_signing_secrets(self) -> tuple[str, ...]:
        return _values(self.slack_signing_secret, self.slack_signing_secret_previous)

    @property
    def desk_configured(self) -> bool:
        """A support desk that can take a conversation over (Telegram or Slack)."""
        telegram = self.telegram_bot_token is not None and self.support_telegram_chat_id is not None
        return telegram or (self.slack_configured and bool(self.support_slack_channel))

    @property
    def telegram_agents(self) -> frozenset[int]:
        return frozenset(int(v) for v in self.support_telegram_agent_ids.split(",") if v.strip())

    @property
    def slack_agents(self) -> frozenset[str]:
        return frozenset(v.strip() for v in self.support_slack_agent_ids.split(",") if v.strip())

    @property
    def web_chat_origins(self) -> frozenset[str]:
        return frozenset(
            v.strip().rstrip("/") for v in self.web_chat_allowed_origins.split(",") if v.strip()
        )

    @property
    def base_url(self) -> str:
        return self.public_url.rstrip("/")


def _values(*secrets: SecretStr | None) -> tuple[str, ...]:
    return tuple(s.get_secret_value() for s in secrets if s is not None and s.get_secret_value())
