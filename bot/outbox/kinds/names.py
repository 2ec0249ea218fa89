"""The kinds of outbox rows the engine queues (`storage/outbox.py` holds the rows)."""

__all__ = ["CHAT_MESSAGE", "CONFIRMATION_EMAIL", "CONSOLE_MESSAGE", "PAYMENT_LINK", "message_kind"]

CONFIRMATION_EMAIL = "confirmation_email"
PAYMENT_LINK = "payment_link"
CHAT_MESSAGE = "chat_message"
# Printed by that user's own `chat` process, not by the worker.
CONSOLE_MESSAGE = "console_message"


def message_kind(channel: str) -> str:
    """Console messages can only be printed by that user's own `chat` process."""
    return CONSOLE_MESSAGE if channel == "console" else CHAT_MESSAGE
