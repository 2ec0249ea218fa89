"""Where emails go. The local default writes `.eml` files; SMTP is the real thing."""

import logging
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

__all__ = ["FileMailer", "Mailer", "PermanentMailError", "TemporaryMailError"]

log = logging.getLogger(__name__)


class PermanentMailError(Exception):
    """The server refused for good (5xx): retrying will not help."""


class TemporaryMailError(Exception):
    """Not sent this time (connection, timeout, 4xx): try again later."""


class Mailer(Protocol):
    async def send(self, message: EmailMessage) -> None: ...


class FileMailer:
    """Writes each message to `<dir>/<message-id>.eml`; a retry overwrites the
    same file, so one outbox row is one file."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    async def send(self, message: EmailMessage) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        stem = str(message["Message-ID"]).strip("<>").replace("@", "_at_").replace("/", "_")
        path = self.directory / f"{stem}.eml"
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(bytes(message))
        tmp.replace(path)
        log.info("email to %s written to %s", message["To"], path)
