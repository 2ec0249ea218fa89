"""Confirmation tokens: 256 random bits for the link, only a hash in the database."""

import hashlib
import secrets

__all__ = ["hash_token", "new_keyboard_token", "new_token"]


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_keyboard_token() -> str:
    """Short (it rides in Telegram's 64-byte callback data), unguessable enough
    that an old keyboard never matches the live one by chance."""
    return secrets.token_urlsafe(6)
