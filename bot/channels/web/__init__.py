"""The web chat: a full page at `/` and a widget for other sites, over the
same conversation as every channel. `adapter.py` is the channel, `routes.py`
its HTTP side, `static/` the page's script and style (no build step).

The HTTP side (and aiohttp with it) is imported on first use: every process
with a worker delivers the web chat's messages through the adapter, and only
`web` serves the routes."""

import importlib
from typing import TYPE_CHECKING, Any

from bot.channels.web.adapter import CHANNEL, Hub, WebChannel

__all__ = ["CHANNEL", "COOKIE", "Hub", "WebChannel", "mount_web_chat"]

if TYPE_CHECKING:
    from bot.channels.web.routes import COOKIE, mount_web_chat
else:

    def __getattr__(name: str) -> Any:
        if name in ("COOKIE", "mount_web_chat"):
            return getattr(importlib.import_module("bot.channels.web.routes"), name)
        raise AttributeError(name)
