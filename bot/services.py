"""The composition root: builds the database engine, translator, engine and
worker from settings, and prepares the database."""

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings
from bot.handoff.desk import CardButton, Desk, DeskPoster
from bot.handoff.effects import DESK
from bot.mail.mailer import FileMailer, Mailer
from bot.ops import logs
from bot.ops.clock import Clock, SystemClock
from bot.ops.log_redaction import RedactSecrets
from bot.outbox.kinds import SimpleKind
from bot.outbox.kinds.chat_message import ChatSender
from bot.outbox.kinds.confirmation_email import ConfirmationEmailKind
from bot.outbox.kinds.invitation_email import InvitationEmailKind
from bot.outbox.worker import Worker
from bot.steps.engine import Engine
from bot.text.i18n import Translator
from storage.db import make_engine, make_sessionmaker
from storage.tickets import TicketRecord

if TYPE_CHECKING:  # imported when configured: Stripe, SMTP and Alembic cost start-up time
    from bot.channels.web import WebChannel
    from bot.payments import StripeGateway, StripeWebhook

__all__ = ["Services", "configure_logging", "open_services", "prepare_database"]

log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    db: AsyncEngine
    engine: Engine
    translator: Translator
    worker: Worker
    desk: Desk
    # Present when STRIPE_SECRET_KEY is set; otherwise the payment step says so.
    stripe: "StripeGateway | None" = None
    stripe_webhook: "StripeWebhook | None" = None
    web_chat: "WebChannel | None" = None
    closers: list[Callable[[], Awaitable[None]]] = field(default_factory=list)

    async def close(self) -> None:
        for close in reversed(self.closers):
            await close()
        if self.stripe is not None:
            await self.stripe.close()
        await self.db.dispose()


def prepare_database(settings: Settings) -> None:
    """The embedded default needs no separate `migrate` step: SQLite is brought
    up to date on start. PostgreSQL is migrated by the `release` process.
    Call outside a running event loop (Alembic runs its own)."""
    if settings.is_sqlite:
        from storage.schema_version import sqlite_is_current

        if sqlite_is_current(settings.database_url):
            return  # nothing to do: Alembic is not even imported
        from storage.sqlite_image import create_from_image

        database = make_url(settings.database_url).database
        if database and database != ":memory:" and create_from_image(Path(database)):
            return  # a first start: the migrated schema, written without Alembic
        from storage.migrate import upgrade

        upgrade(settings.database_url)


def make_mailer(settings: Settings) -> Mailer:
    """SMTP when SMTP_URL is set; `.eml` files in MAIL_DIR otherwise."""
    if settings.smtp_url is not None:
        from bot.mail.smtp import SmtpMailer

        return SmtpMailer(
            settings.smtp_url.get_secret_value(),
            timeout=settings.smtp_timeout,
            ca_file=settings.smtp_ca_file,
        )
    return FileMailer(settings.mail_dir)


def open_services(
    settings: Settings, *, clock: Clock | None = None, mailer: Mailer | None = None
) -> Services:
    db = make_engine(settings.database_url)
    translator = Translator(settings.locales_dir)
    engine = Engine(make_sessionmaker(db), settings, clock or SystemClock())
    desk = Desk(engine, translator)
    mailer = mailer or make_mailer(settings)
    worker = Worker(
        engine,
        ConfirmationEmailKind(engine, translator, mailer),
        InvitationEmailKind(engine, translator, mailer),
        SimpleKind(DESK, desk.run, service_name=DESK),
    )
    if settings.slack_configured:
        from bot.channels.runner import Runner
        from bot.channels.slack import CHANNEL, SlackDesk, SlackSender, make_client, slack_address

        slack_client = make_client(settings)
        slack = Runner(
            SlackSender(slack_client, translator), engine, translator, address_of=slack_address
        )
        worker.add_chat_sender(CHANNEL, slack.deliver)
        if settings.support_slack_channel:
            desk.add_poster(SlackDesk(slack_client, settings.support_slack_channel))
    if not settings.desk_configured:
        log.warning(
            "no support desk configured (SUPPORT_TELEGRAM_CHAT_ID with TELEGRAM_BOT_TOKEN, "
            "or SUPPORT_SLACK_CHANNEL with Slack): users are not offered a person and are "
            "pointed to SUPPORT_EMAIL (%s) instead",
            settings.support_email,
        )
    services = Services(settings, db, engine, translator, worker, desk)
    from bot.channels.web import CHANNEL as WEB
    from bot.channels.web import WebChannel

    # Every process with a worker writes the web chat's queued messages; the
    # web process's streams find them (bot/channels/web/adapter.py).
    services.web_chat = WebChannel(engine, translator)
    worker.add_chat_sender(WEB, services.web_chat.runner.deliver)
    if settings.stripe_secret_key is not None:
        from bot.outbox.kinds.payment_link import PaymentLinkKind
        from bot.payments import (
            CustomerDeletionRunner,
            PaymentLinkRunner,
            StripeGateway,
            StripeWebhook,
        )
        from storage.payments import DELETE_CUSTOMER

        services.stripe = StripeGateway(settings)
        services.stripe_webhook = StripeWebhook(engine, services.stripe)
        worker.add_kind(PaymentLinkKind(engine, PaymentLinkRunner(engine, services.stripe)))
        deletion = CustomerDeletionRunner(engine, services.stripe)
        worker.add_kind(SimpleKind(DELETE_CUSTOMER, deletion, service_name="stripe"))
    if settings.telegram_bot_token is not None:
        worker.add_chat_sender("telegram", _telegram_on_first_use(services))
        if settings.support_telegram_chat_id is not None:
            desk.add_poster(_TelegramDeskOnFirstUse(services, settings.support_telegram_chat_id))
    return services


def _telegram_on_first_use(services: Services) -> ChatSender:
    """The worker sends Telegram messages through the library only once it has
    one to send: nothing Telegram is imported before that."""

    async def send(payload: dict[str, Any]) -> None:
        from bot.channels.telegram.runtime import open_telegram

        runtime = open_telegram(services)  # replaces this sender with its own
        services.closers.append(runtime.close)
        await runtime.library.open()
        await runtime.channel.runner.deliver(payload)

    return send


class _TelegramDeskOnFirstUse:
    """The Telegram desk, opening the Telegram runtime (which replaces this
    poster with its own) only when there is something to post."""

    name = "telegram"

    def __init__(self, services: Services, chat_id: int) -> None:
        self.services = services
        self.chat_id = chat_id

    def posted(self, ticket: TicketRecord) -> bool:
        return ticket.telegram_chat_id is not None

    async def _real(self) -> DeskPoster:
        from bot.channels.telegram.runtime import open_telegram

        runtime = open_telegram(self.services)
        self.services.closers.append(runtime.close)
        await runtime.library.open()
        return self.services.desk.posters["telegram"]

    async def post_card(
        self, ticket: TicketRecord, text: str, buttons: list[CardButton]
    ) -> dict[str, Any]:
        return await (await self._real()).post_card(ticket, text, buttons)

    async def update_card(self, ticket: TicketRecord, text: str, buttons: list[CardButton]) -> None:
        await (await self._real()).update_card(ticket, text, buttons)

    async def post(self, ticket: TicketRecord, text: str) -> str:
        return await (await self._real()).post(ticket, text)

    async def delete(self, ticket: TicketRecord, ref: str) -> None:
        await (await self._real()).delete(ticket, ref)


def configure_logging(settings: Settings, *, quiet_updates: bool = False) -> None:
    # With no real mail server the logged confirmation link is how a local
    # user finds it; otherwise links are tokens and never logged.
    logs.configure(settings.log_level, settings.log_format, keep_links=settings.smtp_url is None)
    if quiet_updates:  # a terminal user does not want a log line per message
        logging.getLogger("bot.steps.engine").setLevel(logging.WARNING)
    # Library debug logs print whole updates (what users typed, card numbers
    # included) and httpx logs request URLs (which hold the bot token).
    for noisy in ("httpx", "httpcore", "telegram", "aiogram"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # The configured secrets themselves, wherever they appear (inside URLs,
    # in tracebacks), beyond the patterns `logs` recognizes.
    secrets = [
        s.get_secret_value()
        for s in (
            settings.telegram_bot_token,
            settings.telegram_webhook_secret,
            settings.stripe_secret_key,
            settings.stripe_webhook_secret,
            settings.stripe_webhook_secret_previous,
            settings.slack_bot_token,
            settings.slack_signing_secret,
            settings.slack_signing_secret_previous,
            settings.internal_api_token,
            settings.web_chat_secret,
            settings.web_chat_secret_previous,
        )
        if s is not None
    ]
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactSecrets(secrets))
