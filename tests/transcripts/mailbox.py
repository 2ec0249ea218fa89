"""Reads confirmation links out of the `.eml` files the file mailer wrote."""

import asyncio
import re
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

_LINK = re.compile(r"https?://\S+/confirm/([A-Za-z0-9_-]+)")


def messages(mail_dir: Path) -> list[EmailMessage]:
    paths = sorted(mail_dir.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
    return [message_from_bytes(p.read_bytes(), policy=policy.default) for p in paths]  # type: ignore[misc]


def text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def newest_token(mail_dir: Path) -> str:
    found = messages(mail_dir)
    assert found, f"no email in {mail_dir}"
    match = _LINK.search(text_of(found[-1]))
    assert match, "no confirmation link in the newest email"
    return match.group(1)


async def wait_for_token(mail_dir: Path, within: float = 30) -> str:
    """The newest link once a worker in another process has written its email."""
    for _ in range(int(within * 10)):
        if messages(mail_dir):
            return newest_token(mail_dir)
        await asyncio.sleep(0.1)
    return newest_token(mail_dir)
