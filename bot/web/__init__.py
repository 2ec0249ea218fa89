"""The aiohttp web app: confirmation pages (and, later, webhooks)."""

from .app import build_app

__all__ = ["build_app"]
