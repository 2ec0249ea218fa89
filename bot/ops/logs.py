"""Logging set-up: plain or JSON lines, with email addresses masked and
anything that looks like a secret removed before a record is written: the
message, and the exception text and stack of a traceback too (an exception's
message can quote what a client sent, a link token included). aiohttp's
report of a malformed request, which quotes the request line, is shortened
to one line that names the error, since the fault is the client's."""

import json
import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

__all__ = [
    "ClientErrorsWithoutTraceback",
    "JsonFormatter",
    "RedactingFilter",
    "configure",
    "mask_emails",
    "quiet_client_errors",
    "scrub_record",
]

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


_EXCEPTION_TEXT = logging.Formatter()


def scrub_record(record: logging.LogRecord, scrub: Callable[[str], str]) -> None:
    """Apply `scrub` (text → text) to every text of `record` that a
    formatter writes: the message, the extra fields (aiohttp's access log
    passes the request line as one), the traceback (rendered into `exc_text`
    now, so no formatter renders the raw one later) and `stack_info`."""
    record.msg = scrub(record.getMessage())
    record.args = None
    for key, value in list(vars(record).items()):
        if key in _STANDARD or isinstance(value, bool | int | float) or value is None:
            continue
        text = value if isinstance(value, str) else str(value)
        scrubbed = scrub(text)
        if scrubbed != text:
            setattr(record, key, scrubbed)
    if record.exc_info and not record.exc_text:
        record.exc_text = _EXCEPTION_TEXT.formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = scrub(record.exc_text)
    if record.stack_info:
        record.stack_info = scrub(record.stack_info)


class RedactingFilter(logging.Filter):
    """Rewrites each record once, before any handler formats it.
    `keep_links` is for the local file mailer, whose whole point is to show
    the confirmation link to the person running it."""

    def __init__(self, keep_links: bool = False) -> None:
        super().__init__()
        self.keep_links = keep_links

    def filter(self, record: logging.LogRecord) -> bool:
        scrub_record(record, lambda text: redact(text, keep_links=self.keep_links))
        return True


class ClientErrorsWithoutTraceback(logging.Filter):
    """On aiohttp's server logger: "Error handling request" for a request
    aiohttp could not parse (bad request line, header, chunked encoding) is a
    400 the client caused, not our failure. It becomes one warning naming the
    error class, without the traceback and without the exception's message,
    which quotes the raw request line (a link token in its path)."""

    def filter(self, record: logging.LogRecord) -> bool:
        from aiohttp.http_exceptions import HttpProcessingError

        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, HttpProcessingError):
            remote = record.args[0] if isinstance(record.args, tuple) and record.args else "?"
            record.msg = "malformed HTTP request from %s refused (%s %s)"
            record.args = (remote, getattr(error, "code", 400), type(error).__name__)
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.exc_info = record.exc_text = None
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
        # The filters have rendered and scrubbed the traceback into exc_text.
        exception = record.exc_text or (
            self.formatException(record.exc_info) if record.exc_info else None
        )
        if exception:
            entry["exception"] = redact(exception)
        if record.stack_info:
            entry["stack"] = redact(record.stack_info)
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
    quiet_client_errors()


def quiet_client_errors() -> None:
    """Put `ClientErrorsWithoutTraceback` on aiohttp's server logger (once)."""
    server = logging.getLogger("aiohttp.server")
    if not any(isinstance(f, ClientErrorsWithoutTraceback) for f in server.filters):
        server.addFilter(ClientErrorsWithoutTraceback())
