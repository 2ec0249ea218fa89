"""Slack's text conventions, both ways."""

import pytest

from bot.channels.slack.text import escape, slack_commands, unformat


@pytest.mark.parametrize(
    ("sent", "typed"),
    [
        ("<mailto:alice@acme.com|alice@acme.com>", "alice@acme.com"),
        ("<mailto:alice@acme.com>", "alice@acme.com"),
        ("see <https://acme.com|acme.com> now", "see acme.com now"),
        ("<https://acme.com>", "https://acme.com"),
        ("&lt;b&gt;R&amp;D&lt;/b&gt;", "<b>R&D</b>"),
        ("&amp;lt;", "&lt;"),
        ("Ацме 🚀 Labs", "Ацме 🚀 Labs"),
    ],
)
def test_unformat_gives_back_what_was_typed(sent: str, typed: str) -> None:
    assert unformat(sent) == typed


def test_escape_round_trips() -> None:
    text = "R&D <Lab> & <mailto:x>"
    assert escape(text) == "R&amp;D &lt;Lab&gt; &amp; &lt;mailto:x&gt;"
    assert unformat(escape(text)) == text


def test_chat_commands_become_onboard_sub_commands() -> None:
    text = "Send /new to start, /start or /help. Not /newer, a/b, //x or https://x/status."
    assert slack_commands(text) == (
        "Send /onboard new to start, /onboard start or /onboard help. "
        "Not /newer, a/b, //x or https://x/status."
    )
