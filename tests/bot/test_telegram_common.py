"""The library-neutral pieces: callback data, keyboards, HTML text, commands,
deep-link payloads; and the Bot API double refusing what Telegram refuses."""

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest, TelegramRetryAfter
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.channels.telegram.common import (
    MAX_CALLBACK_BYTES,
    MAX_TEXT,
    decode_callback,
    encode_callback,
    keyboard_of,
    new_keyboard_token,
    start_source,
    text_chunks,
    to_event,
)
from bot.text.render import RenderedButton, RenderedMessage
from conversations import Command, Text
from tests.bot.telegram_harness import TOKEN
from tests.doubles.telegram_api import TelegramApiDouble


def test_callback_data_round_trips_within_64_bytes() -> None:
    token = new_keyboard_token()
    data = encode_callback(token, "edit-currency")
    assert len(data.encode()) <= MAX_CALLBACK_BYTES
    assert decode_callback(data) == (token, "edit-currency")
    assert decode_callback("something else") is None
    assert decode_callback(None) is None
    with pytest.raises(ValueError, match="too long"):
        encode_callback(token, "v" * 60)


def test_keyboards_put_short_choices_side_by_side_and_links_below() -> None:
    buttons = (
        RenderedButton("English", "en"),
        RenderedButton("Русский", "ru"),
        RenderedButton("Italiano", "it"),
        RenderedButton("Português", "pt-BR"),
        RenderedButton("Open the payment page", "pay", url="https://pay.example/x"),
    )
    keyboard = keyboard_of(buttons, "tok")
    assert keyboard is not None
    assert [[b.text for b in row] for row in keyboard] == [
        ["English", "Русский", "Italiano"],
        ["Português"],
        ["Open the payment page"],
    ]
    assert keyboard[-1][0].url == "https://pay.example/x"
    assert keyboard_of((), "tok") is None


def test_text_is_escaped_and_split_to_fit() -> None:
    assert text_chunks(RenderedMessage("m", "a < b & c > d")) == ["a &lt; b &amp; c &gt; d"]
    long = RenderedMessage("m", "<&>" * 3000)
    chunks = text_chunks(long)
    assert all(len(chunk) <= MAX_TEXT for chunk in chunks)
    assert "".join(chunks) == "&lt;&amp;&gt;" * 3000


def test_commands_and_deep_link_payloads() -> None:
    assert to_event("/start promo_1") == Command(name="start", arg="promo_1")
    assert to_event("/Status@proficonf_bot") == Command(name="status", arg="")
    assert to_event("hello") == Text(text="hello")
    assert start_source("spring-2026_promo") == "spring-2026_promo"
    assert start_source("x" * 65) is None
    assert start_source("bad payload") is None
    assert start_source("") is None


@pytest.fixture
async def api() -> AsyncIterator[tuple[TelegramApiDouble, Bot]]:
    double = TelegramApiDouble(TOKEN)
    await double.start()
    double.add_user(1)
    session = AiohttpSession(api=TelegramAPIServer.from_base(double.base_url))
    bot = Bot(TOKEN, session=session)
    yield double, bot
    await session.close()
    await double.stop()


async def test_the_double_refuses_what_telegram_refuses(
    api: tuple[TelegramApiDouble, Bot],
) -> None:
    double, bot = api
    with pytest.raises(TelegramBadRequest, match="too long"):
        await bot.send_message(1, "x" * 4097)
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(999, "hi")
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        markup = InlineKeyboardMarkup(
            inline_keyboard=[[InlineKeyboardButton(text="b", callback_data="d" * 65)]]
        )
        await bot.send_message(1, "hi", reply_markup=markup)
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(1, "a < b", parse_mode="HTML")
    double.flood_next("sendMessage", retry_after=3)
    with pytest.raises(TelegramRetryAfter) as flood:
        await bot.send_message(1, "hi")
    assert flood.value.retry_after == 3
    sent = await bot.send_message(1, "<b>fine</b> &amp; good", parse_mode="HTML")
    assert sent.text == "fine & good"
    assert [m.text for m in double.messages_in(1)] == ["fine & good"]
