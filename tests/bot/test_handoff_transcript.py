"""The ticket card's transcript lines: a bot reply stored as what to render
(redacted arguments, the user's language) and rendered as the user read it;
the newest lines that fit a card."""

import json
from datetime import UTC, datetime

import pytest

from bot.handoff.redact import redact
from bot.handoff.transcript import STORED_MAX, encode_reply, fit, line_text, short
from bot.text.i18n import Translator
from conversations import Reply
from storage.tickets import TranscriptLine
from tests.locales.test_locales import LOCALES

AT = datetime(2026, 11, 29, tzinfo=UTC)
TRANSLATOR = Translator(LOCALES)


def bot_line(text: str) -> TranscriptLine:
    return TranscriptLine("bot", text, AT)


def test_a_reply_is_stored_redacted_and_rendered_in_the_users_language() -> None:
    reply = Reply(
        message_id="handoff-sla-email",
        args={"email": "alice@acme.com https://x.example/confirm/abcDEF123456789xyz000"},
    )
    stored = encode_reply(reply, "it")
    assert stored is not None and "abcDEF" not in stored
    assert json.loads(stored)["language"] == "it"
    text = line_text(TRANSLATOR, bot_line(stored))
    assert "alice@acme.com [link]" in text and text != "handoff-sla-email"


def test_a_stored_reply_is_never_longer_than_a_stored_line() -> None:
    """Longer would be cut into broken JSON: long arguments are shortened."""
    reply = Reply(message_id="handoff-sla-email", args={"email": "a" * 450})
    stored = encode_reply(reply, "en")
    assert stored is not None and len(stored) <= STORED_MAX
    assert "a" * 60 in line_text(TRANSLATOR, bot_line(stored))
    many = Reply(message_id="handoff-sla-email", args={f"x{n}": "b" * 300 for n in range(10)})
    stored = encode_reply(many, "en")
    assert stored is not None and len(stored) <= STORED_MAX
    assert line_text(TRANSLATOR, bot_line(stored)) == "handoff-sla-email"


def test_money_arguments_stay_numbers() -> None:
    reply = Reply(
        message_id="credit-left",
        args={
            "amount_minor": 2500,
            "amount_currency": "USD",
            "remaining_minor": 1800,
            "remaining_currency": "USD",
        },
    )
    stored = encode_reply(reply, "en")
    assert stored is not None
    assert "$25.00" in line_text(TRANSLATOR, bot_line(stored))


def test_the_agents_message_is_not_stored_twice() -> None:
    agent = Reply(message_id="handoff-agent-message", args={"text": "hi"})
    assert encode_reply(agent, "en") is None


def test_lines_stored_before_rendering_show_their_text_or_id() -> None:
    assert line_text(TRANSLATOR, bot_line("handoff-taken")).startswith("Someone from our team")
    # An id whose arguments were not kept cannot be rendered: the id is shown.
    assert line_text(TRANSLATOR, bot_line("handoff-agent-message")) == "handoff-agent-message"
    assert line_text(TRANSLATOR, bot_line("no-such-message")) == "no-such-message"
    assert line_text(TRANSLATOR, TranscriptLine("user", "{not json", AT)) == "{not json"


def test_short_and_fit() -> None:
    assert short("a\n b   c") == "a b c"
    assert short("x" * 400) == "x" * 299 + "…"
    lines = [f"line {n}" for n in range(10)]  # 6 characters each
    assert fit(lines, 100, "(more)") == "\n".join(lines)
    assert fit(lines, 27, "(more)") == "(more)\nline 7\nline 8\nline 9"
    assert fit(lines, 10, "(more)") == "(more)"
    assert fit(lines, 3, "(more)") == ""


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("4242 4242 4242 4242 12/27 123", "[card number] 12/27 123"),
        ("4242-4242-4242-4242 05 28", "[card number] 28"),
        ("DE89 3704 0044 0532 0130 00 ok", "[IBAN] ok"),
        ("IBAN DE89370400440532013000 thanks", "IBAN [IBAN] thanks"),
        ("IBANDE89370400440532013000 or 4111111111111111", "IBAN[IBAN] or [card number]"),
        ("order 1234567890123, call +49 30 1234567", "order 1234567890123, call +49 30 1234567"),
    ],
)
def test_payment_numbers_are_cut_out_by_the_cores_detector(text: str, redacted: str) -> None:
    assert redact(text) == redacted
