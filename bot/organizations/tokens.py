"""Confirmation tokens: 256 random bits for the link, only a hash in the database."""

import hashlib
import secrets

__all__ = ["hash_token", "new_token"]


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
