"""Resend limits and reminders through the terminal channel, on SQLite and
PostgreSQL, with the clock moved by hand (no sleeps)."""

import io
from datetime import timedelta

import aiohttp

from bot.channels.console import ConsoleChannel
from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.services import Services, open_services
from conversations import REMINDER
from storage import timers
from tests.transcripts.mailbox import messages, newest_token


async def save(services: Services, language: str = "en", user: str = "u") -> ConsoleChannel:
    channel = ConsoleChannel(services, user, io.StringIO())
    for line in ["/start", language, "Acme Labs", "alice@acme.com", "EUR", "save"]:
        await channel.handle_line(line)
    return channel


def last(channel: ConsoleChannel) -> tuple[str, str]:
    return channel.shown[-1].message_id, channel.shown[-1].text


async def test_resend_cool_down_and_hourly_cap(services: Services, clock: FrozenClock) -> None:
    t = services.translator
    channel = await save(services, "ru")
    mail_dir = services.settings.mail_dir
    assert len(messages(mail_dir)) == 1

    clock.advance(timedelta(seconds=15))
    await channel.handle_line("1")  # Resend
    assert last(channel) == (
        "email-resend-wait",
        t.format("ru", "email-resend-wait", {"seconds": 45}),
    )
    assert "через 45 секунд" in channel.shown[-1].text
    assert len(messages(mail_dir)) == 1

    for _ in range(4):  # the 2nd … 5th email of the hour
        clock.advance(timedelta(minutes=1))
        await channel.handle_line("1")
        assert last(channel)[0] == "email-resent"
    assert len(messages(mail_dir)) == 5

    clock.advance(timedelta(minutes=1))  # 5 min 15 s after the first email
    for option in ("1", "2"):  # neither Resend nor Change email
        await channel.handle_line(option)
        assert last(channel) == (
            "email-send-limit",
            t.format("ru", "email-send-limit", {"minutes": 55}),
        )
        assert "через 55 минут" in channel.shown[-1].text
    assert len(messages(mail_dir)) == 5

    clock.advance(timedelta(minutes=55))
    await channel.handle_line("1")
    assert last(channel)[0] == "email-resent"
    assert len(messages(mail_dir)) == 6


async def test_change_email_invalidates_the_old_link(services: Services, web_url: str) -> None:
    channel = await save(services)
    old = newest_token(services.settings.mail_dir)
    await channel.handle_line("2")  # Change email
    await channel.handle_line("bob@acme.com")
    new = newest_token(services.settings.mail_dir)
    assert new != old
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{web_url}/confirm/{old}") as response:
            assert response.status == 404
        async with http.post(f"{web_url}/confirm/{new}") as response:
            assert response.status == 200
    await channel.deliver_pending()
    assert "email-confirmed" in [m.message_id for m in channel.shown[-4:]]


async def test_reminders_fire_once_each_across_a_worker_restart(
    services: Services, settings: Settings, clock: FrozenClock
) -> None:
    channel = await save(services, "it")
    reminder = services.translator.format("it", "email-reminder", {"email": "a…@acme.com"})

    clock.advance(timedelta(minutes=59))
    assert await services.worker.tick() == 0
    clock.advance(timedelta(minutes=1))
    # Two workers at once (the second, say, a replica): the lease lets one fire it.
    other = open_services(settings, clock=clock)
    try:
        counts = [await services.worker.tick(), await other.worker.tick()]
    finally:
        await other.close()
    assert sorted(counts) == [0, 1]
    await channel.deliver_pending()
    assert last(channel) == ("email-reminder", reminder)
    assert [b.value for b in channel.shown[-1].buttons] == ["resend", "change-email"]

    # The worker process is restarted: the second reminder is still in the database.
    await services.close()
    restarted = open_services(settings, clock=clock)
    try:
        clock.advance(timedelta(hours=23))
        assert await restarted.worker.tick() == 1
        clock.advance(timedelta(days=3))
        assert await restarted.worker.tick() == 0
        async with restarted.engine.sessions() as session:
            assert await timers.pending(session) == []
        channel.services = restarted
        shown = len(channel.shown)
        await channel.deliver_pending()
        assert [m.message_id for m in channel.shown[shown:]] == ["email-reminder"]
        await channel.deliver_pending()
        assert len(channel.shown) == shown + 1
    finally:
        await restarted.close()


async def test_resend_starts_the_reminders_over(services: Services, clock: FrozenClock) -> None:
    channel = await save(services)
    clock.advance(timedelta(minutes=30))
    await channel.handle_line("1")  # Resend
    async with services.engine.sessions() as session:
        due = [t.due_at for t in await timers.pending(session)]
    assert due == [clock.now() + timedelta(hours=1), clock.now() + timedelta(hours=24)]


async def test_no_reminder_after_confirmation(
    services: Services, clock: FrozenClock, web_url: str
) -> None:
    channel = await save(services)
    async with services.engine.sessions() as session:
        assert {t.name for t in await timers.pending(session)} == {REMINDER}
    token = newest_token(services.settings.mail_dir)
    async with aiohttp.ClientSession() as http, http.post(f"{web_url}/confirm/{token}") as response:
        assert response.status == 200
    async with services.engine.sessions() as session:
        assert await timers.pending(session) == []
    clock.advance(timedelta(days=2))
    assert await services.worker.tick() == 0
    shown = len(channel.shown)
    await channel.deliver_pending()
    assert "email-reminder" not in [m.message_id for m in channel.shown[shown:]]


async def test_embedded_chat_fires_its_own_reminders(
    services: Services, clock: FrozenClock
) -> None:
    """No worker running: the terminal itself fires this user's due reminders."""
    channel = await save(services, "pt-BR")
    clock.advance(timedelta(hours=1))
    await channel.deliver_pending()
    assert last(channel)[0] == "email-reminder"
    await channel.deliver_pending()
    assert last(channel)[0] == "email-reminder"
    assert [m.message_id for m in channel.shown].count("email-reminder") == 1
