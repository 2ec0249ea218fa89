"""Handoff to a person, end to end: users on Telegram (Bot API double) and
Slack (Web API double), agents in a Telegram supergroup desk and a Slack desk
channel, the outbox worker in between. Both databases."""

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from pydantic import SecretStr

from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.services import Services, open_services
from storage.tickets import TicketRecord, last_lines, list_tickets
from tests.bot.telegram_harness import Running, TelegramHarness, running_bot, telegram_settings
from tests.doubles.slack_api import SlackApiDouble
from tests.doubles.telegram_api import TelegramApiDouble
from tests.stored_text import stored_text_holding
from tests.transcripts.mailbox import newest_token
from tests.transcripts.script import OpenLink, Press, Say

from .slack_workspace import SlackWorkspace, desk_reply, message_ids, press_card

TG_USER = 4242
TG_AGENT = 777
TG_STRANGER = 888
DESK_CHAT = -100500
SLACK_USER = "U0USER"
SLACK_AGENT = "U0AGENT"
SLACK_STRANGER = "U0OTHER"
DESK_CHANNEL = "C0DESK"
SLACK_TOKEN = "xoxb-test-token"
SLACK_SECRET = "signing-secret-for-tests"


@pytest.fixture
async def double() -> AsyncIterator[TelegramApiDouble]:
    api = TelegramApiDouble("123456789:AAHtest-token_for_the-double-0123456789")
    await api.start()
    yield api
    await api.stop()


@pytest.fixture
async def slack_api() -> AsyncIterator[SlackApiDouble]:
    async with SlackApiDouble(token=SLACK_TOKEN).running() as api:
        yield api


def desk_settings(
    settings: Settings, double: TelegramApiDouble, slack_api: SlackApiDouble, **more: Any
) -> Settings:
    return telegram_settings(
        settings,
        double,
        "aiogram",
        slack_bot_token=SecretStr(SLACK_TOKEN),
        slack_signing_secret=SecretStr(SLACK_SECRET),
        slack_api_base=slack_api.base_url,
        support_telegram_chat_id=DESK_CHAT,
        support_telegram_agent_ids=str(TG_AGENT),
        support_slack_channel=DESK_CHANNEL,
        support_slack_agent_ids=SLACK_AGENT,
        **more,
    )


@dataclass
class World:
    services: Services
    double: TelegramApiDouble
    slack_api: SlackApiDouble
    running: Running
    slack: SlackWorkspace
    tg_user: TelegramHarness

    async def drain(self) -> None:
        """A worker round (outbox, due timers), then what the timers queued."""
        await self.services.worker.tick()
        await self.services.worker.drain_once()

    async def tickets(self) -> list[TicketRecord]:
        async with self.services.engine.sessions() as session:
            return await list_tickets(session)

    async def ticket(self) -> TicketRecord:
        *_, newest = await self.tickets()
        return newest

    # -- Telegram user ----------------------------------------------------------
    def tg_seen(self, since: int) -> list[str]:
        return [self.tg_user.message_id(m) for m in self.double.messages_in(TG_USER)[since:]]

    def tg_texts(self, since: int) -> list[str]:
        return [m.text for m in self.double.messages_in(TG_USER)[since:]]

    # -- Slack user ------------------------------------------------------------------
    async def slack_say(self, text: str) -> None:
        if text.startswith("/"):
            answer = await self.slack.command(SLACK_USER, text[1:])
        else:
            answer = await self.slack.dm(SLACK_USER, text)
        assert answer.status == 200
        await self.drain()

    async def slack_press(self, value: str) -> None:
        assert (await self.slack.press(SLACK_USER, value)).status == 200
        await self.drain()

    # -- the Telegram desk -------------------------------------------------------------
    def desk_messages(self) -> list[Any]:
        return self.double.messages_in(DESK_CHAT)

    async def tg_agent_says(self, text: str, ticket: TicketRecord, agent: int = TG_AGENT) -> int:
        update = await self.double.say(
            agent,
            text,
            chat_id=DESK_CHAT,
            topic_id=ticket.telegram_topic_id,
            reply_to=None if ticket.telegram_topic_id else ticket.telegram_card_id,
        )
        await self.running.handled(update)
        await self.drain()
        return update

    async def tg_agent_presses(
        self, action: str, ticket: TicketRecord, agent: int = TG_AGENT
    ) -> str | None:
        assert ticket.telegram_card_id is not None
        update = await self.double.press(
            agent,
            ticket.telegram_card_id,
            f"h:{ticket.id}:{action}",
            chat_id=DESK_CHAT,
            forged=True,  # a card whose buttons are gone can still be pressed by a stale client
        )
        await self.running.handled(update)
        await self.drain()
        return self.double.callback_answers[self.double.callback_of_update[update]]

    # -- the Slack desk -------------------------------------------------------------------
    def slack_thread(self, ticket: TicketRecord) -> list[str]:
        assert ticket.slack_thread_ts is not None
        return [m["text"] for m in self.slack_api.thread(DESK_CHANNEL, ticket.slack_thread_ts)]

    def slack_card(self) -> str:
        cards = [
            m
            for m in self.slack_api.of("chat.postMessage")
            if m.get("channel") == DESK_CHANNEL and not m.get("thread_ts")
        ]
        updates = [m for m in self.slack_api.of("chat.update") if m.get("channel") == DESK_CHANNEL]
        return str((updates or cards)[-1]["text"])

    async def slack_agent_says(
        self, text: str, ticket: TicketRecord, agent: str = SLACK_AGENT
    ) -> None:
        assert ticket.slack_thread_ts is not None
        answer = await desk_reply(self.slack, agent, DESK_CHANNEL, ticket.slack_thread_ts, text)
        assert answer.status == 200
        await self.drain()

    async def slack_agent_presses(
        self,
        action: str,
        ticket: TicketRecord,
        agent: str = SLACK_AGENT,
        channel: str = DESK_CHANNEL,
    ) -> None:
        assert (await press_card(self.slack, agent, channel, action, ticket.id)).status == 200
        await self.drain()


@asynccontextmanager
async def world(
    settings: Settings,
    clock: FrozenClock,
    double: TelegramApiDouble,
    slack_api: SlackApiDouble,
    *,
    forum: bool = True,
    mode: str = "polling",
    **more: Any,
) -> AsyncIterator[World]:
    services = open_services(desk_settings(settings, double, slack_api, **more), clock=clock)
    double.add_user(TG_USER, language_code="ru")
    double.add_member(TG_AGENT, "Dana")
    double.add_member(TG_STRANGER, "Eve")
    double.add_supergroup(DESK_CHAT, forum=forum)
    slack_api.locales[SLACK_USER] = "es-ES"
    try:
        async with (
            running_bot(services, double, mode) as running,
            aiohttp.ClientSession() as http,
        ):
            slack = SlackWorkspace(http, running.web_url, SLACK_SECRET, slack_api)
            harness = TelegramHarness(services, double, running, TG_USER)
            yield World(services, double, slack_api, running, slack, harness)
    finally:
        await services.close()


async def _tg_to_email_wait(w: World) -> None:
    for action in (
        Say("/start"),
        Press("ru"),
        Say("Acme Labs"),
        Say("alice@acme.com"),
        Press("EUR"),
        Press("save"),
    ):
        await w.tg_user.act(action)


async def test_telegram_user_stuck_on_email_gets_a_person_on_slack_and_continues(
    settings: Settings, clock: FrozenClock, double: TelegramApiDouble, slack_api: SlackApiDouble
) -> None:
    """The issue's "done when": stuck on the email step, the user asks for a
    person; an agent on the Slack desk sees the whole context, answers,
    resends the email with one action and hands back; the flow goes on."""
    async with world(settings, clock, double, slack_api) as w:
        await _tg_to_email_wait(w)
        assert await w.tg_user.act(Say("/help")) == ["help-text"]
        assert await w.tg_user.act(Press("handoff")) == ["handoff-opened"]
        ticket = await w.ticket()
        assert ticket.status == "open" and ticket.slack_thread_ts and ticket.telegram_topic_id

        card = w.slack_card()
        for shown in (
            "Ticket #1 — open",
            "User: telegram, language ru",
            "Step: awaiting_email",
            "Organization: Acme Labs",
            "Email: alice@acme.com (pending_email)",
            "Currency: EUR",
            "Payment: none",
            "Credit: —",
            "user: Acme Labs",
            "user: alice@acme.com",
            "user: [save]",
            # The bot's replies as the user read them, in Russian, one line each.
            "bot: Организация сохранена. Мы отправили ссылку для подтверждения на",
            "user: /help",
            "bot: Нужна помощь? Напишите на support@proficonf.com — вам ответит сотрудник",
            "user: [handoff]",
            "bot: Я позвал сотрудника поддержки.",
        ):
            assert shown in card, shown
        assert not re.search(r"^bot: [a-z]+(-[a-z]+)+$", card, re.MULTILINE)  # no message ids
        # The same card in the Telegram desk, in its own forum topic.
        (tg_card,) = [m for m in w.desk_messages() if m.message_id == ticket.telegram_card_id]
        assert (
            tg_card.thread_id == ticket.telegram_topic_id and "Step: awaiting_email" in tg_card.text
        )

        # While a person is involved the bot stays silent and relays, in order.
        before = len(double.messages_in(TG_USER))
        await w.tg_user.act(Say("Письмо не пришло"))
        await w.tg_user.act(Say("Проверил спам"))
        assert w.tg_seen(before) == []
        assert w.slack_thread(ticket)[-2:] == ["User: Письмо не пришло", "User: Проверил спам"]

        # The agent answers in the thread: the user reads it on Telegram.
        await w.slack_agent_says("Hi! Let me look.", ticket)
        await w.slack_agent_says("/remind me in 5 minutes", ticket)  # the agent's own command
        await w.slack_agent_says("!note internal", ticket)
        assert w.tg_seen(before) == ["handoff-agent-message"]
        assert w.tg_texts(before) == ["Поддержка: Hi! Let me look."]
        assert (await w.ticket()).status == "taken"

        # One action resends the email.
        first_token = newest_token(w.services.settings.mail_dir)
        await w.slack_agent_presses("resend", ticket)
        assert newest_token(w.services.settings.mail_dir) != first_token
        assert w.tg_seen(before)[-1] == "email-resent"
        assert w.slack_thread(ticket)[-1] == "A new confirmation email went to a…@acme.com."

        # Back to the bot: a recap and the exact step.
        await w.slack_agent_presses("resume", ticket)
        assert w.tg_seen(before)[-2:] == ["handoff-resumed", "onboarding-awaiting-email"]
        assert "подтверждение почты" in w.tg_texts(before)[-2]
        closed = await w.ticket()
        assert (closed.status, closed.resolution) == ("closed", "resumed")
        assert "Ticket #1 — closed" in w.slack_card()

        # The flow continues where it was.
        # (Payments are not set up here: confirmed means done.)
        assert await w.tg_user.act(OpenLink()) == [
            "email-confirmed",
            "credit-granted",
            "onboarding-ready-no-payment",
        ]
        # A closed ticket takes no more actions.
        await w.slack_agent_says("still there?", ticket)
        assert w.slack_thread(ticket)[-1] == "This ticket is closed."
        assert w.tg_seen(before)[-1] == "onboarding-ready-no-payment"


async def test_slack_user_with_agent_on_telegram_reply_thread(
    settings: Settings, clock: FrozenClock, double: TelegramApiDouble, slack_api: SlackApiDouble
) -> None:
    """A Slack user, agents in a Telegram supergroup without forum topics (one
    reply thread on the card), Telegram by webhook; take, relay both ways in
    order, a redelivered update acts once, close; strangers are refused."""
    async with world(settings, clock, double, slack_api, forum=False, mode="webhook") as w:
        await w.slack_say("/start")
        await w.slack_press("es")
        await w.slack_say("/help")
        assert message_ids(slack_api, SLACK_USER)[-1] == "help-text"
        await w.slack_press("handoff")
        assert message_ids(slack_api, SLACK_USER)[-1] == "handoff-opened"
        ticket = await w.ticket()
        assert ticket.telegram_topic_id is None and ticket.telegram_card_id is not None
        card = w.double.bot_message(DESK_CHAT, ticket.telegram_card_id)
        assert "User: slack, language es" in card.text and "Step: name" in card.text
        assert [b.split(":")[2] for b in card.callback_data()] == [
            "take",
            "resume",
            "resend",
            "new-link",
            "close",
        ]

        # Someone who is not an agent: refused, nothing happens.
        refused = await w.tg_agent_presses("take", ticket, agent=TG_STRANGER)
        assert refused == "Only support agents in the desk can act on tickets."
        await w.tg_agent_says("hello from eve", ticket, agent=TG_STRANGER)
        assert w.desk_messages()[-1].text == "Only support agents in the desk can act on tickets."
        assert (await w.ticket()).status == "open"
        # A Slack user outside the desk channel cannot act either.
        await w.slack_agent_presses("close", ticket, agent=SLACK_STRANGER)
        await w.slack_agent_presses("close", ticket, channel="C0GENERAL")
        ephemeral = slack_api.of("chat.postEphemeral")
        assert [e["user"] for e in ephemeral[-2:]] == [SLACK_STRANGER, SLACK_AGENT]
        assert (await w.ticket()).status == "open"
        assert message_ids(slack_api, SLACK_USER)[-1] == "handoff-opened"

        assert await w.tg_agent_presses("take", ticket) is None
        assert (await w.ticket()).agent == "dana"
        assert message_ids(slack_api, SLACK_USER)[-1] == "handoff-taken"
        count = len(message_ids(slack_api, SLACK_USER))

        for text in ("uno", "dos", "tres"):
            await w.slack_say(text)
        thread = [m for m in w.desk_messages() if m.reply_to == ticket.telegram_card_id]
        assert [m.text for m in thread][-3:] == ["User: uno", "User: dos", "User: tres"]
        for text in ("one", "two", "/ban", "three"):
            update = await w.tg_agent_says(text, ticket)
        # Telegram delivers the last one again: it reaches the user once.
        await w.double.redeliver(update)
        await w.running.handled(update, times=2)
        await w.drain()
        dms = [m["text"] for m in slack_api.messages_to(SLACK_USER)][count:]
        assert dms == ["Soporte: one", "Soporte: two", "Soporte: three"]

        # Actions that do not fit the step say so in the desk.
        await w.tg_agent_presses("resend", ticket)
        await w.tg_agent_presses("new-link", ticket)
        assert [m.text for m in w.desk_messages()][-2:] == [
            "Nothing to resend: the user has no email waiting for confirmation.",
            "No payment link now: the user isn't at the payment step.",
        ]

        await w.tg_agent_presses("close", ticket)
        assert message_ids(slack_api, SLACK_USER)[-1] == "handoff-closed"
        assert (await w.ticket()).status == "closed"
        assert w.double.bot_message(DESK_CHAT, ticket.telegram_card_id).callback_data() == []
        # The bot answers again, on the same step.
        await w.slack_say("Acme Labs")
        assert message_ids(slack_api, SLACK_USER)[-1] == "onboarding-ask-email"
        assert await w.tg_agent_presses("take", ticket) == "This ticket is closed."


async def test_redaction_on_the_card_and_never_stored(
    settings: Settings, clock: FrozenClock, double: TelegramApiDouble, slack_api: SlackApiDouble
) -> None:
    async with world(settings, clock, double, slack_api) as w:
        await w.tg_user.act(Say("/start"))
        # Before choosing a language: wrong answers, kept for the card.
        await w.tg_user.act(Say("my card 4242 4242 4242 4242"))
        await w.tg_user.act(Say("see https://proficonf.example/confirm/abcDEF123456789xyz000"))
        await w.tg_user.act(Say("token sk_live_ABCDEFGHIJ0123456789"))
        await w.tg_user.act(Press("en"))
        await w.tg_user.act(Say("Acme https://evil.example/x"))  # a name with a link
        await w.tg_user.act(Press("handoff"))
        await w.tg_user.act(Say("iban DE89 3704 0044 0532 0130 00"))
        # With context around them, as people paste them: never relayed either.
        for said in (
            "4242 4242 4242 4242 12/27 123",
            "4242-4242-4242-4242 05 28",
            "DE89 3704 0044 0532 0130 00 ok",
            "IBAN DE89370400440532013000 thanks",
        ):
            before = len(w.double.messages_in(TG_USER))
            await w.tg_user.act(Say(said))
            assert w.tg_seen(before) == ["warning-payment-number"]
        card = w.slack_card()
        assert "4242" not in card and "abcDEF" not in card and "sk_live" not in card
        assert "user: see [link]" in card and "user: token [token]" in card
        assert "Organization: Acme [link]" in card
        ticket = await w.ticket()
        assert all("DE89" not in text for text in w.slack_thread(ticket))
        # An agent's message holding one is not passed on, nor mirrored; the agent is told.
        before = len(w.double.messages_in(TG_USER))
        await w.slack_agent_says("your card 4242 4242 4242 4242 12/27?", ticket)
        await w.tg_agent_says("IBAN DE89370400440532013000 right?", ticket)
        assert w.tg_seen(before) == []
        not_sent = w.services.translator.format("en", "handoff-desk-payment-number")
        assert w.slack_thread(ticket)[-2:] == [not_sent, not_sent]
        assert all("4242" not in text and "DE89" not in text for text in w.slack_thread(ticket))
        assert all("DE89" not in m.text for m in w.desk_messages())
        async with w.services.engine.sessions() as session:
            stored = " ".join(
                line.text for line in await last_lines(session, ticket.identity_id, 99)
            )
        assert "4242" not in stored and "DE89" not in stored and "card" not in stored
        secrets = ("4242 4242", "4242-4242", "42424242", "3704", "0532", "DE89")
        assert await stored_text_holding(w.services, secrets) == []


async def test_sla_escalates_by_email_and_asks_for_an_address(
    settings: Settings, clock: FrozenClock, double: TelegramApiDouble, slack_api: SlackApiDouble
) -> None:
    async with world(settings, clock, double, slack_api) as w:
        await _tg_to_email_wait(w)
        await w.tg_user.act(Press("handoff"))
        before = len(double.messages_in(TG_USER))
        clock.advance(timedelta(seconds=9 * 60))
        await w.drain()
        assert w.tg_seen(before) == []
        clock.advance(timedelta(seconds=61))
        await w.drain()
        await w.drain()  # fired once only
        assert w.tg_seen(before) == ["handoff-sla-email"]
        assert "alice@acme.com" in w.tg_texts(before)[0]
        ticket = await w.ticket()
        assert ticket.status == "escalated" and ticket.escalated_at is not None
        assert w.slack_thread(ticket)[-1].startswith("Nobody took the ticket in time")
        # An agent can still take it later.
        await w.slack_agent_presses("take", ticket)
        assert w.tg_seen(before)[-1] == "handoff-taken"

        # Someone without an email yet is asked for one.
        await w.slack_say("/start")
        await w.slack_press("handoff")
        clock.advance(timedelta(seconds=10 * 60))
        await w.drain()
        assert message_ids(slack_api, SLACK_USER)[-1] == "handoff-sla-ask-email"


async def test_restart_during_a_handoff(
    settings: Settings, clock: FrozenClock, double: TelegramApiDouble, slack_api: SlackApiDouble
) -> None:
    """New process objects over the same database: the ticket, its thread and
    its SLA timer carry on."""
    async with world(settings, clock, double, slack_api) as w:
        await _tg_to_email_wait(w)
        await w.tg_user.act(Press("handoff"))
        ticket = await w.ticket()
    before = len(double.messages_in(TG_USER))
    async with world(settings, clock, double, slack_api) as w:
        await w.tg_user.act(Say("still waiting"))
        assert w.tg_seen(before) == []
        assert w.slack_thread(ticket)[-1] == "User: still waiting"
        clock.advance(timedelta(seconds=11 * 60))
        await w.drain()
        assert w.tg_seen(before) == ["handoff-sla-email"]
        await w.tg_agent_says("Sorry for the wait", ticket)
        assert w.tg_seen(before)[-1] == "handoff-agent-message"
        await w.tg_agent_presses("resume", ticket)
        assert w.tg_seen(before)[-2:] == ["handoff-resumed", "onboarding-awaiting-email"]
