"""Logging set-up: plain or JSON lines, with email addresses masked and
anything that looks like a secret removed before a record is written."""

import json
import logging
import re
from datetime import UTC, datetime
from typing import Any

__all__ = ["JsonFormatter", "RedactingFilter", "configure", "mask_emails"]

_EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})")
_SECRETS = re.compile(
    r"\b(?:\d{6,12}:[A-Za-z0-9_-]{30,}"  # Telegram bot token
    r"|(?:sk|rk|pk)_(?:test|live)_[A-Za-z0-9]{8,}"  # Stripe keys
    r"|whsec_[A-Za-z0-9]{8,}"  # Stripe webhook secret
    r"|xox[abpr]-[A-Za-z0-9-]{8,})"  # Slack tokens
)
_CONFIRM_LINK = re.compile(r"(/confirm/)[A-Za-z0-9_-]{20,}")
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def mask_emails(text: str) -> str:
    """`alice@acme.com` → `a…@acme.com`."""
    return _EMAIL.sub(r"\1…@\2", text)


def redact(text: str, *, keep_links: bool = False) -> str:
    text = _SECRETS.sub("[secret]", mask_emails(text))
    return text if keep_links else _CONFIRM_LINK.sub(r"\1[token]", text)


class RedactingFilter(logging.Filter):
    """Rewrites each record's message once, before any handler formats it.
    `keep_links` is for the local file mailer, whose whole point is to show
    the confirmation link to the person running it."""

    def __init__(self, keep_links: bool = False) -> None:
        super().__init__()
        self.keep_links = keep_links

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage(), keep_links=self.keep_links)
        record.args = None
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


class _PlainFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        extra = {k: v for k, v in vars(record).items() if k not in _STANDARD}
        line = super().format(record)
        if extra:
            line += " " + " ".join(f"{k}={v}" for k, v in extra.items())
        return line


def configure(level: str, fmt: str = "plain", *, keep_links: bool = False) -> None:
    handler = logging.StreamHandler()
    handler.addFilter(RedactingFilter(keep_links=keep_links))
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(_PlainFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    logging.getLogger("bot").setLevel(level.upper())
