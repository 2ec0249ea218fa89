"""The web chat: a full page at `/` and a widget for other sites, over the
same conversation as every channel. `adapter.py` is the channel, `routes.py`
its HTTP side, `static/` the page's script and style (no build step)."""

from bot.channels.web.adapter import CHANNEL, Hub, WebChannel
from bot.channels.web.routes import COOKIE, mount_web_chat

__all__ = ["CHANNEL", "COOKIE", "Hub", "WebChannel", "mount_web_chat"]
