"""Abuse limits: organizations per user per day, confirmation emails per
address per day (whoever asks), messages per minute per user (flood), and
requests per IP on the public pages. Each refusal is localized and changes
nothing else. The clock is the injectable one; the database is real."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from pydantic import SecretStr
from sqlalchemy import delete, func, select, text

from bot.config import Settings
from bot.handoff.effects import DESK
from bot.ops.clock import FrozenClock
from bot.services import Services, open_services
from bot.steps.engine import CONFIRMATION_EMAIL, CONSOLE_MESSAGE, Outcome
from bot.web import build_app
from conversations import (
    HANDOFF_CHOICE,
    Choice,
    Command,
    FormSubmitted,
    HandoffResendEmail,
    State,
    Text,
)
from conversations.flood import Admission, MessageWindow, admit, slow_down
from conversations.limits import daily_refusal
from storage import timers
from storage.conversations import find_identity
from storage.models import EmailConfirmationRow, OrganizationRow, OutboxRow

from .test_http_fuzz import _snapshot

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def ids(outcome: Outcome) -> list[str]:
    return [reply.message_id for reply in outcome.replies]


@pytest.fixture
async def limited(settings: Settings, clock: FrozenClock) -> AsyncIterator[Services]:
    built = open_services(
        settings.model_copy(
            update={
                "orgs_per_user_per_day": 2,
                "emails_per_address_per_day": 2,
            }
        ),
        clock=clock,
    )
    yield built
    await built.close()


def form(email: str = "alice@acme.com", name: str = "Acme") -> FormSubmitted:
    return FormSubmitted(name=name, email=email, currency="EUR", language="en")


TEST_BOT_TOKEN = "123456789:AAHtest-token_for_the-double-0123456789"


async def count(services: Services, query: Any) -> int:
    async with services.engine.sessions() as session:
        return int((await session.execute(query)).scalar_one())


def confirmation_emails() -> Any:
    return select(func.count()).select_from(OutboxRow).where(OutboxRow.kind == CONFIRMATION_EMAIL)


# -- the pure rules --------------------------------------------------------------


def test_message_window_answers_once_then_drops_then_starts_over() -> None:
    window: MessageWindow | None = None
    verdicts = []
    for second in range(6):
        window, verdict = admit(window, T0 + timedelta(seconds=second), limit=3)
        verdicts.append(verdict)
    assert verdicts == [Admission.ALLOW] * 3 + [Admission.WARN, Admission.DROP, Admission.DROP]
    assert window is not None
    assert slow_down(window, T0 + timedelta(seconds=5)).args == {"seconds": 55}
    window, verdict = admit(window, T0 + timedelta(minutes=1), limit=3)
    assert (verdict, window.count, window.warned) == (Admission.ALLOW, 1, False)
    # A clock that jumped back starts a new window instead of locking the user out.
    assert admit(window, T0 - timedelta(hours=1), limit=3)[1] is Admission.ALLOW


def test_daily_refusal_says_when_the_oldest_counted_one_expires() -> None:
    made = [T0, T0 + timedelta(hours=5)]
    now = T0 + timedelta(hours=6)
    assert daily_refusal(made, now, limit=3) is None
    assert daily_refusal(made, now, limit=2) == 18
    assert daily_refusal(made, T0 + timedelta(days=1, minutes=1), limit=2) is None


# -- organizations per user per day ------------------------------------------------


async def test_the_third_organization_of_the_day_is_refused(
    limited: Services, clock: FrozenClock
) -> None:
    engine = limited.engine
    for name in ("One", "Two"):
        outcome = await engine.handle("console", "alice", form(name=name))
        assert "onboarding-awaiting-email" in ids(outcome)
        await engine.handle("console", "alice", Command(name="new"))
        clock.advance(timedelta(hours=1))
    # The third, through the chat's own Save button this time.
    for event in (Text(text="Three"), Text(text="alice@acme.com"), Choice(value="EUR")):
        await engine.handle("console", "alice", event)
    before = await _snapshot(limited)
    outcome = await engine.handle("console", "alice", Choice(value="save"))
    assert ids(outcome) == ["limits-organizations-per-day", "onboarding-summary"]
    assert outcome.replies[0].args == {"hours": 22}  # the first one was made 2 hours ago
    conv = outcome.conversation
    assert conv is not None and conv.state is State.SUMMARY
    assert (conv.name, conv.email, conv.org_id) == ("Three", "alice@acme.com", None)
    after = await _snapshot(limited)
    assert after["organizations"] == before["organizations"]
    assert after["outbox"] == before["outbox"]
    assert after["email_confirmations"] == before["email_confirmations"]
    assert after["timers"] == before["timers"]
    # A form submission the same day is refused the same way.
    await engine.handle("console", "alice", Command(name="new"))
    refused = await engine.handle("console", "alice", form(name="Four"))
    assert ids(refused)[0] == "limits-organizations-per-day"
    assert await count(limited, select(func.count()).select_from(OrganizationRow)) == 2
    # Other users are not affected (bob's own address: alice's has had its two emails).
    bob = await engine.handle("console", "bob", form(email="bob@acme.com"))
    assert "onboarding-awaiting-email" in ids(bob)
    # Once the oldest is a day old, one more can be saved.
    clock.advance(timedelta(hours=22))
    again = await engine.handle("console", "alice", form(name="Four"))
    assert "onboarding-awaiting-email" in ids(again)
    assert await count(limited, select(func.count()).select_from(OrganizationRow)) == 4


@pytest.mark.parametrize("language", ["en", "ru", "it", "pt-BR", "es"])
async def test_the_refusal_is_localized(
    language: str, limited: Services, clock: FrozenClock
) -> None:
    for name in ("One", "Two", "Three"):
        submitted = FormSubmitted(name=name, email="a@acme.com", currency="EUR", language=language)
        outcome = await limited.engine.handle("console", "alice", submitted)
        await limited.engine.handle("console", "alice", Command(name="new"))
    reply = outcome.replies[0]
    text = limited.translator.format(language, reply.message_id, reply.args)
    assert reply.message_id == "limits-organizations-per-day" and "24" in text
    assert text != limited.translator.format("en", reply.message_id, reply.args) or language == "en"


# -- confirmation emails per address per day -----------------------------------------


async def test_an_address_gets_a_bounded_number_of_emails_whoever_asks(
    limited: Services, clock: FrozenClock
) -> None:
    engine = limited.engine
    for user, email in (("mallory1", "victim@acme.com"), ("mallory2", "Victim@ACME.com")):
        outcome = await engine.handle("console", user, form(email=email))
        assert ids(outcome) == ["onboarding-awaiting-email"]
        clock.advance(timedelta(minutes=5))
    assert await count(limited, confirmation_emails()) == 2

    outcome = await engine.handle("console", "mallory3", form(email="victim@acme.com"))
    # Only the refusal, saying when: never "we sent you a link" first.
    assert ids(outcome) == ["limits-emails-per-address"]
    assert outcome.replies[-1].args == {"hours": 24}
    # Nothing queued, no link issued, no reminder about an email never sent.
    assert await count(limited, confirmation_emails()) == 2
    links = select(func.count()).select_from(EmailConfirmationRow)
    assert await count(limited, links) == 2
    async with engine.sessions() as session:
        identity = await find_identity(session, "console", "mallory3")
        assert await timers.pending(session, identity) == []

    # Resending from an earlier organization is refused the same way.
    clock.advance(timedelta(minutes=2))
    resend = await engine.handle("console", "mallory1", Choice(value="resend"))
    assert ids(resend) == ["limits-emails-per-address"]
    assert resend.replies[0].args == {"hours": 24}
    assert await count(limited, confirmation_emails()) == 2
    # Changing to an address at its limit: the same single answer.
    await engine.handle("console", "mallory2", Choice(value="change-email"))
    clock.advance(timedelta(minutes=1))
    moved = await engine.handle("console", "mallory2", Text(text="VICTIM@acme.com"))
    assert ids(moved) == ["limits-emails-per-address"]
    assert await count(limited, confirmation_emails()) == 2
    # Another address is not affected; a day later the victim's address is free again.
    other = await engine.handle("console", "mallory3", Choice(value="change-email"))
    assert other.conversation is not None and other.conversation.state is State.EMAIL
    changed = await engine.handle("console", "mallory3", Text(text="me@mallory.com"))
    assert "limits-emails-per-address" not in ids(changed)
    assert await count(limited, confirmation_emails()) == 3
    clock.advance(timedelta(days=1))
    fresh = await engine.handle("console", "carol", form(email="victim@acme.com"))
    assert ids(fresh) == ["onboarding-awaiting-email"]


@pytest.fixture
async def limited_with_desk(settings: Settings, clock: FrozenClock) -> AsyncIterator[Services]:
    """The limits above, and a Telegram desk on a loopback port nothing listens
    on: a person is offered only where a desk is configured; no card is posted."""
    built = open_services(
        settings.model_copy(
            update={
                "orgs_per_user_per_day": 2,
                "emails_per_address_per_day": 2,
                "telegram_bot_token": SecretStr(TEST_BOT_TOKEN),
                "telegram_api_base": "http://127.0.0.1:9",
                "support_telegram_chat_id": -1001234567890,
            }
        ),
        clock=clock,
    )
    yield built
    await built.close()


async def test_an_agent_resend_at_the_address_limit_says_sent_to_nobody(
    limited_with_desk: Services, clock: FrozenClock
) -> None:
    """The desk's Resend on an address at its daily limit: the user hears only
    the limit message, the agent that nothing went out."""
    engine = limited_with_desk.engine
    for user in ("mallory1", "mallory2"):
        await engine.handle("console", user, form(email="victim@acme.com"))
        clock.advance(timedelta(minutes=5))
    await engine.handle("console", "mallory1", Choice(value=HANDOFF_CHOICE))
    async with engine.sessions.begin() as session:
        identity = await find_identity(session, "console", "mallory1")
        assert identity is not None
        await session.execute(delete(OutboxRow).where(OutboxRow.kind != CONFIRMATION_EMAIL))
        await engine.handle_external(session, identity, HandoffResendEmail())
    async with engine.sessions() as session:
        rows = list(await session.scalars(select(OutboxRow).order_by(OutboxRow.id)))
    told = [r.payload["reply"]["message_id"] for r in rows if r.kind == CONSOLE_MESSAGE]
    desk = [r.payload.get("message_id") for r in rows if r.kind == DESK]
    assert told == ["limits-emails-per-address"]
    assert "handoff-desk-email-refused" in desk and "handoff-desk-email-resent" not in desk
    assert await count(limited_with_desk, confirmation_emails()) == 2


# -- messages per minute ---------------------------------------------------------------


async def _state_and_data(services: Services) -> list[Any]:
    async with services.engine.sessions() as session:
        rows = await session.execute(text("SELECT state, data FROM conversations ORDER BY id"))
        return [tuple(row) for row in rows]


@pytest.fixture
async def flooding(settings: Settings, clock: FrozenClock) -> AsyncIterator[Services]:
    built = open_services(settings.model_copy(update={"messages_per_minute": 3}), clock=clock)
    yield built
    await built.close()


async def test_a_flood_gets_one_slow_down_and_is_dropped(
    flooding: Services, clock: FrozenClock
) -> None:
    engine = flooding.engine
    for event in (Command(name="start"), Choice(value="en"), Text(text="Acme")):
        await engine.handle("console", "alice", event)
    before = await _snapshot(flooding)
    stepped_before = await _state_and_data(flooding)
    warned = await engine.handle("console", "alice", Text(text="alice@acme.com"))
    assert ids(warned) == ["limits-slow-down"]
    assert warned.replies[0].args == {"seconds": 60}
    clock.advance(timedelta(seconds=20))
    for _ in range(5):
        dropped = await engine.handle("console", "alice", Text(text="alice@acme.com"))
        assert dropped.replies == []
        assert dropped.conversation is not None and dropped.conversation.state is State.EMAIL
    after = await _snapshot(flooding)
    # Only the counter moved (the message window, kept on the conversation
    # row): no step, no step event, nothing queued.
    changed = {table for table in before if before[table] != after[table]}
    assert changed == {"conversations"}
    assert await _state_and_data(flooding) == stepped_before
    # Another user is not slowed down; the next minute the user is heard again.
    assert (
        ids(await engine.handle("console", "bob", Command(name="start")))[0] != "limits-slow-down"
    )
    clock.advance(timedelta(seconds=40))
    heard = await engine.handle("console", "alice", Text(text="alice@acme.com"))
    assert heard.conversation is not None and heard.conversation.state is State.CURRENCY


async def test_the_slow_down_answer_is_localized(flooding: Services) -> None:
    for language in ("en", "ru", "it", "pt-BR", "es"):
        user = f"user-{language}"
        for _ in range(4):
            outcome = await flooding.engine.handle(
                "console", user, Command(name="help"), locale_hint=language
            )
        assert ids(outcome) == ["limits-slow-down"]
        text = flooding.translator.format(language, "limits-slow-down", outcome.replies[0].args)
        assert "60" in text


# -- requests per IP on the public pages -----------------------------------------------


@pytest.fixture
async def strict_web(settings: Settings, clock: FrozenClock) -> AsyncIterator[tuple[str, str]]:
    built = open_services(
        settings.model_copy(update={"confirm_attempts_per_ip_per_minute": 3}), clock=clock
    )
    runner = web.AppRunner(build_app(built.engine, built.translator))
    await runner.setup()
    await web.TCPSite(runner, "0.0.0.0", 0).start()  # noqa: S104 (loopback aliases below)
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}", f"http://127.0.0.2:{port}"
    finally:
        await runner.cleanup()
        await built.close()


async def test_too_many_page_requests_from_one_address_get_a_localized_429(
    strict_web: tuple[str, str], clock: FrozenClock
) -> None:
    first, second = strict_web
    async with aiohttp.ClientSession() as http:
        for _ in range(3):
            async with http.get(f"{first}/confirm/guess") as response:
                assert response.status == 404
        async with http.post(
            f"{first}/confirm/guess", headers={"Accept-Language": "ru-RU"}
        ) as response:
            assert response.status == 429
            assert response.headers["Retry-After"] == "60"
            page = await response.text()
            assert "Слишком много запросов" in page and "60" in page
        async with http.get(f"{first}/payment/done") as response:
            assert response.status == 429
        async with http.get(f"{first}/healthz") as response:
            assert response.status == 200  # probes are not flooding
        # Another address is counted on its own.
        local = aiohttp.TCPConnector(local_addr=("127.0.0.2", 0))
        async with (
            aiohttp.ClientSession(connector=local) as other,
            other.get(f"{second}/confirm/guess") as response,
        ):
            assert response.status == 404
        clock.advance(timedelta(seconds=61))
        async with http.get(f"{first}/confirm/guess") as response:
            assert response.status == 404


async def test_the_page_limit_is_shared_by_web_processes_on_one_database(
    settings: Settings, clock: FrozenClock
) -> None:
    """Two web apps (as two replicas: own engine, own pool) on one database:
    requests from one address count together, so alternating between them
    gets no more than the limit; a finished window starts over for both."""
    strict = settings.model_copy(update={"confirm_attempts_per_ip_per_minute": 3})
    replicas = [open_services(strict, clock=clock) for _ in range(2)]
    runners = [web.AppRunner(build_app(s.engine, s.translator)) for s in replicas]
    urls = []
    for runner in runners:
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        urls.append(f"http://127.0.0.1:{runner.addresses[0][1]}")
    try:
        async with aiohttp.ClientSession() as http:

            async def status(replica: int) -> int:
                async with http.get(f"{urls[replica]}/confirm/guess") as response:
                    return response.status

            assert [await status(i % 2) for i in range(3)] == [404, 404, 404]
            assert [await status(1), await status(0)] == [429, 429]
            clock.advance(timedelta(seconds=61))
            assert [await status(1), await status(0), await status(1)] == [404, 404, 404]
            assert await status(0) == 429
            # Concurrent requests are counted exactly: 3 of 8 get through.
            clock.advance(timedelta(seconds=61))
            statuses = await asyncio.gather(*(status(i % 2) for i in range(8)))
            assert sorted(statuses) == [404] * 3 + [429] * 5
    finally:
        for runner in runners:
            await runner.cleanup()
        for services in replicas:
            await services.close()


# -- the daily counts hold under concurrency (PostgreSQL) ------------------------------


async def _waiting_on_locks(services: Services) -> int:
    """Backends of this database waiting for a lock (a row, a table, an advisory one)."""
    async with services.engine.sessions() as session:
        found = await session.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
        )
        return int(found.scalar_one())


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
async def test_two_processes_cannot_both_pass_the_address_limit(
    settings: Settings, clock: FrozenClock
) -> None:
    """Two users in two processes (two engines, two connection pools) save an
    organization with the same address at the same moment; the address may get
    one more email today. Both transactions are held just before they queue
    the email (a table lock on the outbox), so both have counted by then
    unless counting waits for the other: exactly one email is queued, the
    other user hears only the limit."""
    one_more = settings.model_copy(update={"emails_per_address_per_day": 1})
    first, second, watcher = (open_services(one_more, clock=clock) for _ in range(3))
    try:
        async with watcher.engine.sessions() as blocker, blocker.begin():
            await blocker.execute(text("LOCK TABLE outbox IN ACCESS EXCLUSIVE MODE"))
            saving = [
                asyncio.create_task(services.engine.handle("console", user, form("x@acme.com")))
                for services, user in ((first, "ann"), (second, "bob"))
            ]
            while await _waiting_on_locks(watcher) < 2:
                done = [task for task in saving if task.done()]
                assert not done, [task.result() for task in done]
                await asyncio.sleep(0.02)
        outcomes = await asyncio.gather(*saving)
        assert sorted(ids(o) for o in outcomes) == [
            ["limits-emails-per-address"],
            ["onboarding-awaiting-email"],
        ]
        assert await count(first, confirmation_emails()) == 1
        links = select(func.count()).select_from(EmailConfirmationRow)
        assert await count(first, links) == 1
    finally:
        for services in (first, second, watcher):
            await services.close()
