"""`python -m bot chat | telegram | web | worker | orgs | tickets | funnel | flow | migrate`."""

import argparse
import asyncio
import json
import logging
import os
import signal
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.config import Settings
from conversations.model import LANGUAGES

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    chat = commands.add_parser("chat", help="talk to the assistant in this terminal")
    chat.add_argument("--user", default=os.environ.get("USER", "me"), help="who you are")
    codes = ", ".join(LANGUAGES)
    chat.add_argument("--lang", default=None, help=f"language hint ({codes})")
    commands.add_parser("telegram", help="the Telegram bot by long polling (and the outbox worker)")
    web = commands.add_parser(
        "web", help="the web chat at / (and confirmation pages, webhooks, the widget)"
    )
    web.add_argument(
        "--worker",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="run the outbox worker in this process (default: with SQLite)",
    )
    worker = commands.add_parser("worker", help="send queued emails and fire due reminders")
    worker.add_argument("--once", action="store_true", help="one round, then exit")
    orgs = commands.add_parser("orgs", help="list organizations")
    orgs.add_argument("--json", action="store_true", help="machine-readable output")
    tickets = commands.add_parser("tickets", help="support tickets: status and timings")
    tickets.add_argument("--json", action="store_true", help="machine-readable output")
    funnel = commands.add_parser("funnel", help="how far users get, step by step")
    funnel.add_argument("--since", type=_date, default=None, help="only events from DATE on")
    funnel.add_argument("--png", default=None, metavar="FILE", help="also draw it as a chart")
    commands.add_parser("flow", help="print the conversation flow (a Mermaid diagram)")
    commands.add_parser("migrate", help="bring the database schema up to date")
    return parser


CHAT_LOG = Path("var/chat.log")
INTERRUPTED = 130  # the shell's code for a process ended by Ctrl-C


async def _chat(settings: Settings, user: str, lang: str | None) -> int:
    from bot.channels.console import ConsoleChannel, StdinLines
    from bot.services import open_services
    from bot.text.i18n import match_language

    # Ctrl-C ends the chat between steps, quietly: what was done is saved.
    interrupted = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGINT, interrupted.set)
    services = open_services(settings)
    hint = match_language(lang) or match_language(os.environ.get("LANG"))
    try:
        await ConsoleChannel(services, user, locale_hint=hint).run(StdinLines(), interrupted)
    finally:
        await services.close()
    return INTERRUPTED if interrupted.is_set() else 0


def _log_to_file(path: Path) -> None:
    """The chat prints to the terminal: log lines go to a file instead (the
    handlers keep their format and redaction filters)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for index, handler in enumerate(root.handlers):
        if isinstance(handler, logging.StreamHandler) and not isinstance(
            handler, logging.FileHandler
        ):
            to_file = logging.FileHandler(path, encoding="utf-8")
            to_file.setFormatter(handler.formatter)
            for check in handler.filters:
                to_file.addFilter(check)
            root.handlers[index] = to_file


async def _until_stopped() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    return stop


async def _web(settings: Settings, with_worker: bool | None = None) -> None:
    from aiohttp import web

    from bot.services import open_services
    from bot.web import build_app
    from bot.web.read_timeouts import GuardedSite

    services = open_services(settings)
    app = build_app(
        services.engine, services.translator, services.stripe_webhook, services.web_chat
    )
    if settings.telegram_bot_token is not None and settings.telegram_webhook_secret is not None:
        from bot.channels.telegram.runtime import open_telegram, webhook_route

        telegram = open_telegram(services)
        services.closers.append(telegram.close)
        await telegram.start()
        secret = settings.telegram_webhook_secret.get_secret_value()
        previous = settings.telegram_webhook_secret_previous
        webhook_route(app, telegram, secret, previous.get_secret_value() if previous else None)
        await telegram.register_webhook(settings.public_url, secret)
    runner = web.AppRunner(app)
    await runner.setup()
    site = GuardedSite(
        runner, settings.host, settings.port, header_timeout=settings.http_header_timeout
    )
    await site.start()
    print(f"listening on http://{settings.host}:{settings.port}", flush=True)
    print(f"web chat: http://{settings.host}:{settings.port}/", flush=True)
    stop = await _until_stopped()
    # Embedded (the SQLite default): emails, payment links and the chat's
    # later messages go out from here; with PostgreSQL, the worker process.
    embedded = settings.is_sqlite if with_worker is None else with_worker
    worker = asyncio.create_task(services.worker.run_forever(stop)) if embedded else None
    try:
        await stop.wait()
        if worker is not None:
            await worker
    finally:
        await runner.cleanup()
        await services.close()


async def _telegram(settings: Settings) -> int:
    if settings.telegram_bot_token is None:
        print("TELEGRAM_BOT_TOKEN is not set", file=sys.stderr)
        return 2
    from bot.channels.telegram.runtime import open_telegram
    from bot.services import open_services

    services = open_services(settings)
    telegram = open_telegram(services, embedded=True)
    services.closers.append(telegram.close)
    stop = await _until_stopped()
    try:
        await telegram.start()
        print(f"polling as @{telegram.channel.username}", flush=True)
        # Embedded worker: emails and later messages go out from here too.
        worker = asyncio.create_task(services.worker.run_forever(stop))
        await telegram.run_polling(stop, settings.telegram_poll_timeout)
        await worker
    finally:
        await services.close()
    return 0


async def _worker(settings: Settings, once: bool) -> None:
    from bot.services import open_services

    services = open_services(settings)
    try:
        if once:
            await services.worker.tick()
        else:
            stop = await _until_stopped()
            print("worker running", flush=True)
            await services.worker.run_forever(stop)
    finally:
        await services.close()


def _payment_json(profile: Any) -> dict[str, Any]:
    """none / link_sent / expired / saved (type, brand or bank, last4) / failed (reason)."""
    status = profile.status if profile is not None else "none"
    if status == "saved":
        saved: dict[str, Any] = {"status": status, "type": profile.method_type}
        if profile.method_type == "sepa_debit":
            saved |= {
                "bank": profile.method_brand,
                "country": profile.method_country,
                "mandate": profile.mandate_status,
            }
        else:
            saved["brand"] = profile.method_brand
        return saved | {"last4": profile.method_last4}
    if status == "failed":
        return {"status": status, "reason": profile.failure_reason}
    return {"status": status}


def _org_json(org: Any, profile: Any, credit: Any, team: Any = None) -> dict[str, Any]:
    return {
        "id": org.id,
        "name": org.name,
        "email": org.email,
        "domain": org.domain,
        "language": org.language,
        "currency": org.currency,
        "status": org.status,
        "channel": org.channel,
        "created_at": org.created_at.isoformat(),
        "confirmed_at": org.confirmed_at.isoformat() if org.confirmed_at else None,
        "payment": _payment_json(profile),
        "credit": {
            "status": credit.status.value,
            "amount_minor": credit.amount_minor,
            "remaining_minor": credit.remaining_minor,
            "currency": credit.currency,
        },
        # Invitations: open (not expired), members who joined, expired.
        "team": {
            "invited": team.invited if team else 0,
            "joined": team.joined if team else 0,
            "expired": team.expired if team else 0,
        },
    }


async def _orgs(settings: Settings, as_json: bool) -> None:
    from bot.organizations.credits import credit_of
    from bot.payments.availability import SepaDebit, check_sepa_debit
    from bot.services import open_services
    from storage.credits import grants_for
    from storage.invitations import team_counts
    from storage.organizations import list_organizations
    from storage.payments import list_profiles

    services = open_services(settings)
    try:
        async with services.engine.sessions() as session:
            orgs = await list_organizations(session)
            profiles = await list_profiles(session)
            grants = await grants_for(session, [org.id for org in orgs])
            teams = await team_counts(session, services.engine.clock.now())
            rows = [
                _org_json(
                    org, profiles.get(org.id), credit_of(org, grants.get(org.id)), teams.get(org.id)
                )
                for org in orgs
            ]
        eur = [row for row in rows if row["currency"] == "EUR"]
        if eur:
            # Whether the Stripe account offers SEPA Direct Debit to them at all.
            sepa = await check_sepa_debit(services.stripe) if services.stripe else SepaDebit.UNKNOWN
            for row in eur:
                row["payment"]["sepa_debit"] = sepa.value
    finally:
        await services.close()
    if as_json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return
    for row in rows:
        print(
            f"{row['id']:>5}  {row['status']:<14} {row['currency']} {row['language']:<5} "
            f"{row['name'] or '—'} <{row['email'] or '—'}>  {_payment_text(services, row)}"
            f"  credit: {row['credit']['status']}"
            f"  team: {row['team']['invited']} invited, {row['team']['joined']} joined,"
            f" {row['team']['expired']} expired"
        )


async def _tickets(settings: Settings, as_json: bool) -> None:
    from bot.handoff.desk import ticket_timings
    from bot.services import open_services
    from storage.tickets import list_tickets

    services = open_services(settings)
    try:
        async with services.engine.sessions() as session:
            rows = [ticket_timings(ticket) for ticket in await list_tickets(session)]
    finally:
        await services.close()
    if as_json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return
    for row in rows:
        waited = "—" if row["wait_seconds"] is None else f"{row['wait_seconds']:.0f}s"
        print(
            f"{row['id']:>5}  {row['status']:<10} opened {row['opened_at']}  "
            f"waited {waited}  {row['agent'] or '—'}  {','.join(row['desks']) or 'no desk'}"
        )


def _date(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


async def _funnel(settings: Settings, since: datetime | None, png: str | None) -> None:
    from bot.ops.funnel import build_funnel, format_funnel, plot_funnel
    from bot.services import open_services
    from storage.invitations import invitation_totals
    from storage.step_events import read_step_events

    services = open_services(settings)
    try:
        async with services.engine.sessions() as session:
            events = await read_step_events(session, since)
            sent, accepted = await invitation_totals(session, since)
    finally:
        await services.close()
    funnel = build_funnel(events)
    print(format_funnel(funnel))
    # After the last step: the organizations' invitations (each resend counts as sent).
    print(f"\ninvitations sent {sent:>9}\ninvitations accepted {accepted:>5}")
    if png:
        plot_funnel(funnel, png)
        print(f"\nchart written to {png}")


def _payment_text(services: Any, row: dict[str, Any]) -> str:
    payment = row["payment"]
    if payment["status"] != "saved":
        sepa = payment.get("sepa_debit")
        note = f" (SEPA Direct Debit {sepa})" if sepa and sepa != "offered" else ""
        return f"payment: {payment['status']}{note}"
    description = services.translator.format(
        row["language"],
        "payment-method-description",
        {
            "method_kind": payment["type"],
            "method_brand": payment.get("brand") or payment.get("bank") or "",
            "method_last4": payment["last4"] or "",
            "method_country": payment.get("country") or "",
            "mandate": payment.get("mandate") or "",
        },
    )
    return f"payment: {description}"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "flow":  # drawn from the step table: no settings, no database
        from conversations.diagram import mermaid
        from conversations.flow import FLOW

        print(mermaid(FLOW), end="")
        return 0
    settings = Settings()
    from bot.services import configure_logging, prepare_database

    configure_logging(settings, quiet_updates=args.command == "chat")
    if args.command == "chat":
        _log_to_file(CHAT_LOG)
    if args.command == "migrate":
        from storage.migrate import upgrade

        upgrade(settings.database_url)
        return 0
    prepare_database(settings)
    if args.command == "chat":
        try:
            return asyncio.run(_chat(settings, args.user, args.lang))
        except KeyboardInterrupt:  # before the chat's own handler was in place
            return INTERRUPTED
    elif args.command == "telegram":
        return asyncio.run(_telegram(settings))
    elif args.command == "web":
        asyncio.run(_web(settings, args.worker))
    elif args.command == "worker":
        asyncio.run(_worker(settings, args.once))
    elif args.command == "orgs":
        asyncio.run(_orgs(settings, args.json))
    elif args.command == "tickets":
        asyncio.run(_tickets(settings, args.json))
    elif args.command == "funnel":
        asyncio.run(_funnel(settings, args.since, args.png))
    return 0
