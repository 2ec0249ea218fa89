"""What a Telegram user expects beyond the transcripts: exactly once and in
order, stale buttons, deep links, groups, payment numbers deleted, HTML
escaped, the command menu, language from `language_code`, forged webhooks."""

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest
from pydantic import SecretStr
from sqlalchemy import select, text

from bot.channels.telegram.common import decode_callback
from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.services import Services, configure_logging, open_services
from conversations import LANGUAGES
from storage import telegram as chats_repo
from storage.conversations import find_identity
from storage.models import ConversationRow, OutboxRow
from tests.bot.telegram_harness import (
    SECRET,
    TOKEN,
    Running,
    TelegramHarness,
    running_bot,
    telegram_settings,
)
from tests.doubles.stripe_api import StripeDouble
from tests.doubles.telegram_api import BotMessage, TelegramApiDouble
from tests.stored_text import stored_text_holding
from tests.transcripts.script import OpenLink, Press

USER = 777
LIBRARIES = ("aiogram", "ptb")


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
async def double() -> AsyncIterator[TelegramApiDouble]:
    api = TelegramApiDouble(TOKEN)
    await api.start()
    yield api
    await api.stop()


@asynccontextmanager
async def bot(
    settings: Settings,
    clock: FrozenClock,
    double: TelegramApiDouble,
    library: str,
    mode: str = "polling",
    **changes: Any,
) -> AsyncIterator[tuple[Services, Running]]:
    services = open_services(telegram_settings(settings, double, library, **changes), clock=clock)
    try:
        async with running_bot(services, double, mode) as running:
            yield services, running
    finally:
        await services.close()


def ids(harness: TelegramHarness, start: int = 0) -> list[str]:
    return [harness.message_id(m) for m in harness.double.messages_in(harness.user_id)[start:]]


@pytest.mark.parametrize("mode", ["polling", "webhook"])
@pytest.mark.parametrize("library", LIBRARIES)
async def test_a_repeated_update_is_handled_once(
    library: str, mode: str, settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    double.add_user(USER)
    async with bot(settings, clock, double, library, mode) as (services, running):
        update_id = await double.say(USER, "/start")
        await running.handled(update_id)
        await double.redeliver(update_id)
        await running.handled(update_id, times=2)
        harness = TelegramHarness(services, double, running, USER)
        assert ids(harness) == ["onboarding-welcome", "onboarding-ask-language"]


@pytest.mark.parametrize("library", LIBRARIES)
async def test_polling_waits_out_a_refused_get_updates_and_loses_nothing(
    library: str, settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    """getUpdates answered 429 (retry after 1 s): polling waits and asks
    again; the update sent meanwhile is handled once, then confirmed."""
    double.add_user(USER)
    double.flood_next("getUpdates", retry_after=1)
    async with bot(settings, clock, double, library) as (services, running):
        update_id = await double.say(USER, "/start")
        await running.handled(update_id)
        await double.wait_until(lambda: any(offset > update_id for offset, _ in double.polls))
        harness = TelegramHarness(services, double, running, USER)
        assert ids(harness) == ["onboarding-welcome", "onboarding-ask-language"]
    assert double.flood_answers == 1
    assert running.processed[update_id] == 1


@pytest.mark.parametrize("library", LIBRARIES)
async def test_a_burst_of_fifty_messages_keeps_its_order(
    library: str, settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    double.add_user(USER)
    async with bot(settings, clock, double, library) as (services, running):
        harness = TelegramHarness(services, double, running, USER)
        await harness.act_all(["/start"])
        await harness.press("en")
        start = len(double.messages_in(USER))
        # Four kinds of bad names, each with its own answer, in a fixed jumble.
        kinds = {
            "": "error-name-empty",
            "A": "error-name-too-short",
            "N" * 101: "error-name-too-long",
        }
        texts = [list(kinds)[(i * 7) % 3] for i in range(50)]
        update_ids = [await double.say(USER, t) for t in texts]
        for update_id in update_ids:
            await running.handled(update_id)
        # The third bad answer in a row also offers help (once): with no desk
        # configured here, the address to write to.
        expected = [kinds[t] for t in texts]
        expected.insert(3, "support-contact")
        assert ids(harness, start) == expected
        assert [u for u in running.order if u in update_ids] == update_ids


@pytest.mark.parametrize("library", LIBRARIES)
async def test_an_old_keyboard_says_it_is_no_longer_active(
    library: str, settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    double.add_user(USER, language_code="ru")
    async with bot(settings, clock, double, library) as (services, running):
        harness = TelegramHarness(services, double, running, USER)
        await harness.act_all(["/start"])
        old = double.messages_in(USER)[-1]
        await harness.act_all(["hello"])  # a new language keyboard
        before = len(double.messages_in(USER))
        old_button = next(d for d in old.callback_data() if d.endswith(":en"))
        update_id = await double.press(USER, old.message_id, old_button)
        await running.handled(update_id)
        answer = double.callback_answers[double.callback_of_update[update_id]]
        assert answer == services.translator.format("ru", "telegram-button-stale")
        assert len(double.messages_in(USER)) == before
        assert double.bot_message(USER, old.message_id).markup is None  # edited away
        await harness.press("en")  # the new one works, and is edited away too
        assert harness.message_id(double.messages_in(USER)[-1]) == "onboarding-ask-name"
        assert all(m.markup is None for m in double.messages_in(USER))


@pytest.mark.parametrize("library", LIBRARIES)
async def test_deep_link_payload_is_the_signup_source(
    library: str, settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    double.add_user(USER)
    double.add_user(USER + 1)
    async with bot(settings, clock, double, library) as (services, running):
        harness = TelegramHarness(services, double, running, USER)
        other = TelegramHarness(services, double, running, USER + 1)
        assert await harness.act_all(["/start spring_promo-2026"]) == [
            "onboarding-welcome",
            "onboarding-ask-language",
        ]
        await harness.act_all(["/start later"])
        await other.act_all(["/start bad!payload"])
        async with services.engine.sessions() as session:
            assert await chats_repo.start_source_of(session, USER) == "spring_promo-2026"
            assert await chats_repo.start_source_of(session, USER + 1) is None


@pytest.mark.parametrize("library", LIBRARIES)
async def test_groups_get_a_link_to_a_private_chat(
    library: str, settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    double.add_user(USER)
    double.add_group(-100500)
    async with bot(settings, clock, double, library) as (services, running):
        await running.handled(await double.say(USER, "hello everyone", chat_id=-100500))
        assert double.messages_in(-100500) == []  # group chatter is not for us
        await running.handled(await double.say(USER, "/start", chat_id=-100500))
        [message] = double.messages_in(-100500)
        assert message.text == services.translator.format("en", "telegram-private-only")
        assert message.urls() == ["https://t.me/proficonf_test_bot?start=group"]
        async with services.engine.sessions() as session:
            assert await find_identity(session, "telegram", str(USER)) is None


@pytest.mark.parametrize("library", LIBRARIES)
async def test_card_numbers_and_ibans_are_deleted_and_never_kept(
    library: str,
    settings: Settings,
    clock: FrozenClock,
    double: TelegramApiDouble,
    caplog: pytest.LogCaptureFixture,
) -> None:
    double.add_user(USER)
    async with bot(settings, clock, double, library, log_level="DEBUG") as (services, running):
        configure_logging(services.settings)
        caplog.set_level(logging.DEBUG)
        harness = TelegramHarness(services, double, running, USER)
        await harness.act_all(["/start"])
        await harness.press("en")
        for secret in ("4242-4242-4242-4242", "IBAN DE89 3704 0044 0532 0130 00"):
            update_id = await double.say(USER, secret)
            await running.handled(update_id)
            message_id = double.delivered_updates[-1]["message"]["message_id"]
            assert double.user_message_deleted(USER, message_id)
            assert harness.message_id(double.messages_in(USER)[-1]) == "warning-payment-number"
        async with services.engine.sessions() as session:
            rows = (await session.execute(select(ConversationRow.data))).scalars().all()
            dumped = repr(rows) + repr((await session.execute(text("SELECT * FROM outbox"))).all())
        for fragment in ("4242", "3704"):
            assert fragment not in dumped
            assert fragment not in caplog.text


PAYMENT_NUMBERS = (
    "4242 4242 4242 4242 12/27 123",
    "4242-4242-4242-4242 05 28",
    "DE89 3704 0044 0532 0130 00 ok",
    "IBAN DE89370400440532013000 thanks",
)
# Pieces of those numbers that no other stored text holds.
FRAGMENTS = ("4242", "3704", "0044", "0532", "DE89", "de89")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
async def test_a_payment_number_with_context_is_deleted_and_stored_nowhere(
    backend: str,
    settings: Settings,
    clock: FrozenClock,
    double: TelegramApiDouble,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """As the organization name, the email, a /start payload, any /command,
    in a group: deleted, warned about, and in no table's text afterwards."""
    double.add_user(USER)
    double.add_group(-100500)
    async with bot(settings, clock, double, "aiogram", log_level="DEBUG") as (services, running):
        configure_logging(services.settings)
        caplog.set_level(logging.DEBUG)
        harness = TelegramHarness(services, double, running, USER)

        async def refused(text: str, chat_id: int = USER) -> None:
            update_id = await double.say(USER, text, chat_id=chat_id)
            await running.handled(update_id)
            message_id = double.delivered_updates[-1]["message"]["message_id"]
            assert double.user_message_deleted(chat_id, message_id), text
            assert harness.message_id(double.messages_in(chat_id)[-1]) == "warning-payment-number"

        await harness.act_all(["/start"])
        for number in PAYMENT_NUMBERS:
            await refused(f"/start {number.replace(' ', '')}")  # a deep link's payload
        await harness.press("en")
        for number in PAYMENT_NUMBERS:
            await refused(number)  # as the organization name
            await refused(f"/help {number}")
            await refused(f"/x{number.replace(' ', '').replace('-', '')}")
        await harness.act_all(["Acme"])
        for number in PAYMENT_NUMBERS:
            await refused(number)  # as the email
            await refused(f"{number.replace(' ', '')}@acme.com")
        for number in PAYMENT_NUMBERS:
            await refused(number, chat_id=-100500)
        await harness.act_all(["alice@acme.com"])
        assert harness.message_id(double.messages_in(USER)[-1]) == "onboarding-ask-currency"
        async with services.engine.sessions() as session:
            assert await chats_repo.start_source_of(session, USER) is None
        assert await stored_text_holding(services, FRAGMENTS) == []
        assert not any(fragment in caplog.text for fragment in FRAGMENTS)


@pytest.mark.parametrize("library", LIBRARIES)
async def test_user_text_is_escaped_as_html(
    library: str, settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    double.add_user(USER)
    async with bot(settings, clock, double, library) as (services, running):
        harness = TelegramHarness(services, double, running, USER)
        await harness.act_all(["/start"])
        await harness.press("en")
        await harness.act_all(["R&D <3 > Sales", "alice@acme.com"])
        await harness.press("EUR")
        summary = double.messages_in(USER)[-1]
        assert harness.message_id(summary) == "onboarding-summary"
        assert "R&D <3 > Sales" in summary.text  # the double parsed it as Telegram HTML
        assert "R&amp;D &lt;3 &gt; Sales" in summary.html


@pytest.mark.parametrize("library", LIBRARIES)
async def test_language_comes_from_language_code_and_commands_are_localized(
    library: str, settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    double.add_user(USER, language_code="pt-br")
    async with bot(settings, clock, double, library) as (services, running):
        await running.handled(await double.say(USER, "/start"))
        welcome = double.messages_in(USER)[0]
        assert welcome.text == services.translator.format("pt-BR", "onboarding-welcome")
        assert set(double.commands) == {None, "en", "ru", "it", "pt", "es"}
        for code, language in (("ru", "ru"), ("pt", "pt-BR"), (None, "en")):
            menu = double.commands[code]
            assert [c["command"] for c in menu] == [
                "start",
                "status",
                "language",
                "help",
                "new",
                "cancel",
                "delete",
                "invite",
            ]
            expected = services.translator.format(language, "telegram-command-status")
            assert menu[1]["description"] == expected


def _keys(message: BotMessage) -> list[tuple[str, str]]:
    """(label, value) of each button, as the user sees the keyboard."""
    rows = (message.markup or {}).get("inline_keyboard", [])
    return [
        (b["text"], (decode_callback(b.get("callback_data")) or ("", ""))[1])
        for row in rows
        for b in row
    ]


@pytest.mark.parametrize("library", LIBRARIES)
async def test_the_language_from_language_code_is_marked_on_the_keyboard(
    library: str, settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    """`language_code` es-MX pre-selects Spanish: its key carries ✓, the others
    none. After choosing English and asking to change the language again
    (/language), the mark is on English."""
    double.add_user(USER, language_code="es-MX")
    async with bot(settings, clock, double, library) as (services, running):
        harness = TelegramHarness(services, double, running, USER)
        await harness.act_all(["/start"])
        keyboard = _keys(double.messages_in(USER)[-1])
        t = services.translator
        expected = [(t.format("es", f"language-native-{code.lower()}"), code) for code in LANGUAGES]
        assert [label for label, _ in keyboard] == [
            f"✓ {label}" if code == "es" else label for label, code in expected
        ]
        assert [value for _, value in keyboard] == list(LANGUAGES)
        await harness.press("en")
        await harness.act_all(["/language"])
        marked = [label for label, _ in _keys(double.messages_in(USER)[-1]) if "✓" in label]
        assert marked == [f"✓ {t.format('en', 'language-native-en')}"]


@pytest.mark.parametrize("library", LIBRARIES)
async def test_a_forged_webhook_is_refused_unread(
    library: str, settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    double.add_user(USER)
    async with bot(settings, clock, double, library, "webhook") as (services, running):
        url = f"{running.web_url}/telegram/webhook"
        update = {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": USER, "type": "private"},
                "from": {"id": USER, "is_bot": False, "first_name": "Eve"},
                "text": "/start",
            },
        }
        async with aiohttp.ClientSession() as http:
            for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
                async with http.post(url, json=update, headers=headers) as response:
                    assert response.status == 401
            # Not even parsed: garbage with a wrong secret is 401, not 400.
            async with http.post(
                url, data=b"{not json", headers={"X-Telegram-Bot-Api-Secret-Token": "x"}
            ) as response:
                assert response.status == 401
            async with http.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
            ) as response:
                assert response.status == 200
        assert [m.text for m in double.messages_in(USER)][:1] == [
            services.translator.format("en", "onboarding-welcome")
        ]
        assert len(running.order) == 1


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
async def test_two_processes_never_step_one_conversation_at_once(
    settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    """Two web processes (each its own database pool and library) get one
    user's webhook deliveries at the same time: the row lock serializes them,
    so every update is handled and none fails on a concurrent change."""
    double.add_user(USER)
    async with (
        bot(settings, clock, double, "aiogram", "webhook") as (one, first),
        bot(settings, clock, double, "ptb", "webhook") as (_, second),
    ):
        await double.delete_webhook_for_test()
        for _ in range(20):
            await double.say(USER, "/status")
        updates = double.delivered_updates[-20:]
        await asyncio.gather(
            *(
                (first if n % 2 else second).runtime.handle_webhook(update)
                for n, update in enumerate(updates)
            )
        )
        harness = TelegramHarness(one, double, first, USER)
        seen = [
            (first if (m.chat_id, m.message_id) in first.rendered else second)
            .rendered[(m.chat_id, m.message_id)]
            .message_id
            for m in double.messages_in(USER)
        ]
        assert seen == ["status-summary"] * 20, harness
        async with one.engine.sessions() as session:
            version = await session.scalar(select(ConversationRow.version))
        assert version == 20


@pytest.mark.parametrize("library", LIBRARIES)
async def test_hostile_webhook_bodies_with_the_right_secret_change_nothing(
    library: str, settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    bodies: list[Any] = [
        {"update_id": "x"},
        {"update_id": 5, "message": {"text": "hi"}},
        {"update_id": 6, "message": {"message_id": 1, "date": 0, "chat": 7, "text": "/start"}},
        {"update_id": 7, "callback_query": {"id": "1", "data": "k:zz:en"}},
        {"update_id": 8, "edited_message": None},
        {},
    ]
    async with bot(settings, clock, double, library, "webhook") as (services, running):
        url = f"{running.web_url}/telegram/webhook"
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with aiohttp.ClientSession() as http:
            for body in bodies:
                async with http.post(url, json=body, headers=headers) as response:
                    assert response.status == 200, body
            for raw in (b"{", b"[]", b'"text"'):
                async with http.post(url, data=raw, headers=headers) as response:
                    assert response.status == 400
        assert double.bot_messages == []
        async with services.engine.sessions() as session:
            assert (await session.execute(select(ConversationRow.id))).all() == []


@pytest.mark.parametrize("library", LIBRARIES)
async def test_webhook_bodies_that_were_500s_are_400_or_dropped(
    library: str, settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    """A bogus charset in Content-Type, JSON nested 1 000+ deep and objects
    that are no update used to be 500s. The body is read as bytes by the one
    JSON reader; objects that are not updates are dropped with 200, so
    Telegram does not redeliver them forever."""
    not_updates: list[Any] = [
        {"update_id": 1, "message": 5},
        {"update_id": 2, "message": []},
        {"update_id": 3, "message": {"message_id": 1, "date": 0, "chat": {"id": "x"}}},
        {"update_id": 4, "callback_query": "x"},
        {"update_id": None},
        {"update_id": 1.5, "message": {"text": "/start"}},
        {"update_id": True},
        {"update_id": 2**70},
        {
            "update_id": 10,
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": USER, "type": "private"},
                "from": {"id": USER, "is_bot": False, "first_name": 5},
                "text": 5,
            },
        },
    ]
    deep = [b"[" * n + b"]" * n for n in (40, 1_000, 30_000)] + [
        b'{"a":' * 2_000 + b"1" + b"}" * 2_000
    ]
    async with bot(settings, clock, double, library, "webhook") as (services, running):
        url = f"{running.web_url}/telegram/webhook"
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
        async with aiohttp.ClientSession() as http:
            for body in not_updates:
                async with http.post(url, data=json.dumps(body), headers=headers) as response:
                    assert response.status == 200, body
            for raw in [*deep, b"\xff\xfe{}", b'{"update_id": NaN}']:
                async with http.post(url, data=raw, headers=headers) as response:
                    assert response.status == 400, raw[:20]
            bogus = {**headers, "Content-Type": "application/json; charset=bogus-enc"}
            for raw in (b"{", b'{"update_id": 11}'):
                async with http.post(url, data=raw, headers=bogus) as response:
                    assert response.status == (400 if raw == b"{" else 200), raw
        assert double.bot_messages == []
        async with services.engine.sessions() as session:
            assert (await session.execute(select(ConversationRow.id))).all() == []


@pytest.mark.parametrize("library", LIBRARIES)
async def test_a_message_for_a_user_who_blocked_the_bot_is_given_up_at_once(
    library: str, settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    double.add_user(USER)
    async with bot(settings, clock, double, library) as (services, running):
        harness = TelegramHarness(services, double, running, USER)
        await harness.act_all(["/start"])
        await harness.press("en")
        await harness.act_all(["Acme", "alice@acme.com"])
        await harness.press("EUR")
        await harness.act(Press("save"))  # the worker sends the email
        double.block_bot(USER)
        await harness.open_link()
        await services.worker.drain_once()
        async with services.engine.sessions() as session:
            rows = (
                await session.execute(
                    select(OutboxRow.attempts, OutboxRow.done_at, OutboxRow.last_error).where(
                        OutboxRow.kind == "chat_message"
                    )
                )
            ).all()
        assert rows, "the confirmation should have queued chat messages"
        for attempts, done_at, error in rows:
            assert attempts == 1 and done_at is not None
            assert "blocked" in (error or "")


async def test_the_stripe_link_is_a_url_button(
    settings: Settings, clock: FrozenClock, double: TelegramApiDouble
) -> None:
    stripe = StripeDouble(now=lambda: clock.now().timestamp())
    await stripe.start()
    double.add_user(USER)
    changes = {
        "stripe_secret_key": SecretStr(stripe.api_key),
        "stripe_webhook_secret": SecretStr("whsec_test_0123456789"),
        "stripe_api_base": stripe.base_url,
    }
    try:
        async with bot(settings, clock, double, "aiogram", **changes) as (services, running):
            harness = TelegramHarness(services, double, running, USER)
            await harness.act_all(["/start"])
            await harness.press("en")
            await harness.act_all(["Acme", "alice@acme.com"])
            await harness.press("EUR")
            await harness.act(Press("save"))
            seen = await harness.act(OpenLink())
            assert seen[-1] == "payment-link"
            link = double.messages_in(USER)[-1]
            [url] = link.urls()
            assert url.startswith(f"{stripe.base_url}/c/pay/")  # the Checkout page
            values = [decode_callback(d) for d in link.callback_data()]
            assert [v[1] for v in values if v is not None] == ["new-link"]
    finally:
        await stripe.stop()
