"""What the desks see of a handoff, through the Telegram Bot API double and
the Slack Web API double: the card shows the bot's replies as the user read
them and stays within both platforms' limits; with both desks configured each
sees the whole conversation (the user's words and every agent's replies);
after `/delete` every card is blanked, retried when a desk API fails."""

import re
from datetime import timedelta

from bot.config import Settings
from bot.ops.clock import FrozenClock
from storage.tickets import TicketRecord, posts
from tests.doubles.slack_api import SlackApiDouble
from tests.doubles.telegram_api import TelegramApiDouble
from tests.transcripts.script import Press, Say

from .test_handoff import DESK_CHAT, World, _tg_to_email_wait, double, slack_api, world

__all__ = ["double", "slack_api"]  # fixtures

MESSAGE_ID_LINE = re.compile(r"^bot: [a-z]+(-[a-z0-9]+)+$", re.MULTILINE)
STUB = "Ticket #1 — closed: the user deleted their data. Nothing about them is shown here anymore."


def topic(w: World, ticket: TicketRecord) -> list[str]:
    """What the bot posted in the ticket's Telegram forum topic after its card."""
    return [
        m.text
        for m in w.desk_messages()
        if m.thread_id == ticket.telegram_topic_id
        and m.message_id != ticket.telegram_card_id
        and not m.deleted
    ]


def slack_card(w: World) -> str:
    """The Slack card as the channel shows it: its last accepted edit."""
    cards = [
        c.args
        for c in w.slack_api.calls
        if c.ok
        and c.method in ("chat.postMessage", "chat.update")
        and c.args.get("channel") == "C0DESK"
        and (c.method == "chat.update" or not c.args.get("thread_ts"))
    ]
    return str(cards[-1]["text"])


def tg_card(w: World, ticket: TicketRecord) -> str:
    assert ticket.telegram_card_id is not None
    return w.double.bot_message(DESK_CHAT, ticket.telegram_card_id).text


async def test_card_shows_rendered_replies_newest_first_within_limits(
    settings: Settings, clock: FrozenClock, double: TelegramApiDouble, slack_api: SlackApiDouble
) -> None:
    async with world(settings, clock, double, slack_api) as w:
        await w.tg_user.act(Say("/start"))
        await w.tg_user.act(Say("карта 4242 4242 4242 4242"))  # never stored
        await w.tg_user.act(Press("handoff"))
        ticket = await w.ticket()
        card = w.slack_card()
        assert card == tg_card(w, ticket)  # the same card in both desks
        lines = card.split("Last messages:\n", 1)[1].splitlines()
        # The bot's replies as the user read them (in Russian), one line each.
        assert lines == [
            "user: /start",
            "bot: Добро пожаловать в Proficonf! Я помогу вам создать аккаунт организации — "
            "это займёт всего несколько шагов.",
            "bot: На каком языке вам удобнее общаться?",
            "bot: Пожалуйста, никогда не отправляйте в этот чат номера карт или банковских "
            "счетов. Это сообщение не сохранено. Способ оплаты вы добавите на защищённой "
            "странице Stripe.",
            "user: [handoff]",
            "bot: Я позвал сотрудника поддержки. Напишите свой вопрос здесь — сотрудник "
            "прочитает его и ответит в этом чате.",
        ]

        # Long messages relayed while waiting, then the card is redrawn (taken).
        for n in range(16):
            await w.tg_user.act(Say(f"вопрос {n} " + "очень длинный текст " * 30))
        await w.tg_agent_presses("take", ticket)
        card = w.slack_card()
        assert card.startswith("Ticket #1 — taken") and card == tg_card(w, ticket)
        assert len(card) <= 3000  # one Slack section block (Telegram allows 4096)
        lines = card.split("Last messages:\n", 1)[1].splitlines()
        # The oldest lines give way to the newest, and the card says so.
        assert lines[0] == "(earlier messages not shown)"
        assert "user: /start" not in lines and "4242" not in card
        assert lines[-1] == "bot: К разговору подключился сотрудник поддержки."
        assert lines[-2].startswith("user: вопрос 15 очень длинный текст")
        # Every line is one line, trimmed.
        assert all(len(line) <= 300 and line.endswith("…") for line in lines[1:-1])
        assert not MESSAGE_ID_LINE.search(card)


async def test_each_desk_sees_the_other_desks_replies(
    settings: Settings, clock: FrozenClock, double: TelegramApiDouble, slack_api: SlackApiDouble
) -> None:
    async with world(settings, clock, double, slack_api) as w:
        await _tg_to_email_wait(w)
        await w.tg_user.act(Press("handoff"))
        ticket = await w.ticket()
        before = len(double.messages_in(4242))

        # The user's words reach both desks.
        await w.tg_user.act(Say("Письмо не пришло"))
        assert topic(w, ticket)[-1] == w.slack_thread(ticket)[-1] == "User: Письмо не пришло"

        # An agent on Slack answers: the user reads it, the Telegram desk too.
        await w.slack_agent_says("Hi! Let me look.", ticket)
        await w.slack_agent_says("!note internal", ticket)  # agents' own: stays in Slack
        assert topic(w, ticket)[-1] == "u0agent (Slack) to the user: Hi! Let me look."
        # An agent on Telegram answers: the Slack desk sees it (a link redacted).
        await w.tg_agent_says("Try https://proficonf.example/confirm/abcDEF123456789xyz000", ticket)
        await w.tg_agent_says("/ban", ticket)
        assert w.slack_thread(ticket)[-1] == "dana (Telegram) to the user: Try [link]"

        assert w.tg_texts(before) == [
            "Поддержка: Hi! Let me look.",
            "Поддержка: Try https://proficonf.example/confirm/abcDEF123456789xyz000",
        ]
        # A reply longer than a message argument may be arrives in parts, in order.
        long = " ".join(f"word{n}" for n in range(500))  # 3,389 characters, cut at 3,000
        await w.slack_agent_says(long, ticket)
        first, second = w.tg_texts(before)[-2:]
        assert first.startswith("Поддержка: word0 ") and second.startswith("Поддержка: word")
        assert (first + " " + second).replace(" Поддержка: ", " ") == "Поддержка: " + long[:3000]
        parts = topic(w, ticket)[-2:]
        assert [p.startswith("u0agent (Slack) to the user: word") for p in parts] == [True, True]
        await w.slack_agent_says("Hi again", ticket)

        mirrored = [t for t in topic(w, ticket) + w.slack_thread(ticket) if "to the user" in t]
        assert len(mirrored) == 5 and not any("internal" in t or "/ban" in t for t in mirrored)
        # Each mirrored once: the Slack agent's reply is not echoed back to Slack.
        assert not any("(Slack)" in t for t in w.slack_thread(ticket))
        assert not any("(Telegram)" in t for t in topic(w, ticket))


async def test_delete_blanks_every_card_and_removes_the_users_words(
    settings: Settings, clock: FrozenClock, double: TelegramApiDouble, slack_api: SlackApiDouble
) -> None:
    """After `/delete` the cards become a stub and the bot's posts with the
    user's words go, in both desks; a desk API failure is retried; a Telegram
    message too old to delete is left (the desk is told)."""
    async with world(settings, clock, double, slack_api) as w:
        await _tg_to_email_wait(w)
        await w.tg_user.act(Press("handoff"))
        await w.tg_user.act(Say("Я Алиса, мой телефон +7 900 000 00 00"))
        ticket = await w.ticket()
        await w.slack_agent_says("Hi Alice, checking alice@acme.com", ticket)
        await w.tg_agent_presses("resend", ticket)
        await w.tg_user.act(Say("Спасибо, Алиса"))
        for thread in (topic(w, ticket), w.slack_thread(ticket)):
            assert any("Алиса" in t for t in thread) and any("a…@acme.com" in t for t in thread)
        mirrored = "u0agent (Slack) to the user: Hi Alice, checking alice@acme.com"
        assert mirrored in topic(w, ticket)
        assert "Acme Labs" in slack_card(w) and "Acme Labs" in tg_card(w, ticket)

        # Both desks fail the first time they are asked to blank the card, and
        # Slack the first time it is asked to delete; Telegram will not delete
        # the oldest relayed message (as after 48 hours).
        slack_api.fail_next["chat.update"] = "internal_error"
        slack_api.fail_next["chat.delete"] = "internal_error"
        double.refuse_next("editMessageText")
        double.refuse_next("deleteMessage", 400, "Bad Request: message can't be deleted")
        await w.tg_user.act(Say("/delete"))
        assert await w.tg_user.act(Press("yes")) == ["delete-done"]
        told = len(double.messages_in(4242))
        await w.drain()
        assert "Acme Labs" in slack_card(w) and "Acme Labs" in tg_card(w, ticket)
        assert any("Алиса" in t for t in w.slack_thread(ticket))

        clock.advance(timedelta(minutes=1))  # the outbox's retry
        await w.drain()
        assert slack_card(w) == STUB
        assert tg_card(w, ticket) == STUB
        assert double.bot_message(DESK_CHAT, ticket.telegram_card_id or 0).callback_data() == []
        (update,) = [u for u in slack_api.of("chat.update") if u["text"] == STUB][-1:]
        assert "actions" not in str(update["blocks"])
        notice = (
            "The user deleted their data; the ticket is closed and its card no longer shows "
            "anything about them. The bot removes its posts of their messages here (Telegram "
            "allows it for the last 48 hours only); agents' own replies stay: delete them if "
            "they hold personal data."
        )
        assert w.slack_thread(ticket) == ["Taken by u0agent.", notice]
        # The one Telegram refused to delete is what is left.
        assert topic(w, ticket) == [
            "User: Я Алиса, мой телефон +7 900 000 00 00",
            "Taken by u0agent.",
            notice,
        ]
        async with w.services.engine.sessions() as session:
            assert await posts(session, ticket.id) == []

        # The ticket stays, anonymous and closed; nothing reaches anyone any more.
        erased = await w.ticket()
        assert erased.identity_id is None
        assert (erased.status, erased.resolution) == ("closed", "erased")
        assert await w.tg_agent_presses("take", ticket) == "This ticket is closed."
        await w.slack_agent_says("hello?", ticket)
        assert w.slack_thread(ticket)[-1] == "This ticket is closed."
        assert len(double.messages_in(4242)) == told
