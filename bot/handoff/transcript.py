"""The conversation's last messages as a ticket card shows them.

The bot's replies are stored as what to render (message id, arguments with
string values redacted, the user's language at the time) and rendered when a
card is drawn, so the desk reads the text the user actually saw. A card keeps
the newest lines that fit its budget."""

import json
from collections.abc import Sequence
from typing import Any

from bot.handoff.redact import redact
from bot.text.i18n import MissingMessage, Translator
from conversations import Reply
from storage.tickets import TranscriptLine

__all__ = ["LINE_MAX", "STORED_MAX", "encode_reply", "fit", "line_text", "printable", "short"]

LINE_MAX = 300  # characters of one line on a card
STORED_MAX = 500  # characters of one stored line
_ARG_MAX = 300
# Replies the transcript has in another form: the agent's own line.
_NOT_TRANSCRIBED = frozenset({"handoff-agent-message"})


def printable(text: str) -> str:
    """Control characters (NUL above all: PostgreSQL refuses it) never help an agent."""
    return "".join(ch if ch.isprintable() or ch == "\n" else "�" for ch in text)


def _safe(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    return redact(printable(str(value)))


def encode_reply(reply: Reply, language: str) -> str | None:
    """A bot line to store (at most STORED_MAX characters, as every stored
    line, so it is never cut into broken JSON); None for replies the
    transcript shows otherwise."""
    if reply.message_id in _NOT_TRANSCRIBED:
        return None
    for limit in (_ARG_MAX, _ARG_MAX // 5):
        args = {key: _cut(_safe(value), limit) for key, value in reply.args.items()}
        encoded = json.dumps(
            {"id": reply.message_id, "args": args, "language": language}, ensure_ascii=False
        )
        if len(encoded) <= STORED_MAX:
            return encoded
    # Too many arguments to keep: the card shows the message id.
    return json.dumps({"id": reply.message_id, "language": language}, ensure_ascii=False)


def _cut(value: Any, limit: int) -> Any:
    return value[:limit] if isinstance(value, str) else value


def line_text(translator: Translator, line: TranscriptLine) -> str:
    """What the line says: the user's and agents' words as stored (redacted
    already), the bot's replies rendered in the language the user read them."""
    if line.author != "bot":
        return line.text
    try:
        data = json.loads(line.text)
    except ValueError:
        data = None
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        message_id: str = data["id"]
        args, language = data.get("args") or {}, data.get("language")
    else:  # stored before replies were rendered: only the message id
        message_id, args, language = line.text, {}, None
    try:
        text = translator.format(str(language or "en"), message_id, args)
    except (MissingMessage, ValueError, TypeError):
        return message_id
    return redact(text)


def short(text: str, limit: int = LINE_MAX) -> str:
    """One line, at most `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def fit(lines: Sequence[str], budget: int, earlier: str) -> str:
    """The newest `lines` within `budget` characters (joined by newlines),
    `earlier` first when older ones are left out."""
    if len("\n".join(lines)) <= budget:
        return "\n".join(lines)
    room = budget - len(earlier)  # each line costs its length and a line break
    kept: list[str] = []
    for line in reversed(lines):
        if len(line) + 1 > room:
            break
        kept.append(line)
        room -= len(line) + 1
    if not kept:
        return earlier if len(earlier) <= budget else ""
    return "\n".join([earlier, *reversed(kept)])
