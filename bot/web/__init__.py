"""The aiohttp web app: confirmation pages, webhooks, health and metrics.

`build_app` is imported on first use, so a process that needs only a small
part of the package (the Telegram webhook route reads JSON through
`bot.web.json_body`) does not import every route's dependencies."""

from typing import TYPE_CHECKING, Any

__all__ = ["build_app"]

if TYPE_CHECKING:
    from bot.web.app import build_app
else:

    def __getattr__(name: str) -> Any:
        if name == "build_app":
            from bot.web.app import build_app

            return build_app
        raise AttributeError(name)
