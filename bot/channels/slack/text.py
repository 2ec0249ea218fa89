"""Slack's text conventions: incoming messages arrive with `&`, `<`, `>`
escaped and addresses and links wrapped (`<mailto:a@b.com|a@b.com>`); outgoing
fallback text must be escaped the same way. And on Slack the chat's commands
are sub-commands of `/onboard`."""

import re

from conversations import COMMANDS

__all__ = ["escape", "slack_commands", "unformat"]

_COMMAND = re.compile(r"(?<![\w/])/(" + "|".join(COMMANDS) + r")\b")

_WRAPPED = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")


def _plain(match: re.Match[str]) -> str:
    target, label = match.group(1), match.group(2)
    if label is not None:
        return label
    return target.removeprefix("mailto:")


def unformat(text: str) -> str:
    """What the user typed, as near as Slack lets us know it."""
    text = _WRAPPED.sub(_plain, text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_commands(text: str) -> str:
    """`Send /new to start again` → `Send /onboard new to start again`."""
    return _COMMAND.sub(r"/onboard \1", text)
