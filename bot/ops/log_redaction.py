"""Secrets (the bot token, webhook secret…) never reach a log line: libraries
may put them in URLs or error messages, so every record is scrubbed: its
message, traceback text and stack (see `logs.scrub_record`)."""

import logging

from bot.ops.logs import scrub_record

__all__ = ["RedactSecrets"]


class RedactSecrets(logging.Filter):
    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def _scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[redacted]")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        scrub_record(record, self._scrub)
        return True
