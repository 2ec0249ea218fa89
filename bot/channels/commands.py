"""`/name arg` as typed in a chat (Telegram's `/name@bot` too), the same for
every channel that reads commands from text."""

import re

from conversations import Command

__all__ = ["parse_command"]

_COMMAND = re.compile(r"^/([A-Za-z][A-Za-z0-9_]{0,63})(?:@\S+)?(?:\s+(.*))?$", re.DOTALL)


def parse_command(text: str) -> Command | None:
    match = _COMMAND.match(text.strip())
    if match is None:
        return None
    return Command(name=match.group(1).lower(), arg=(match.group(2) or "").strip())
