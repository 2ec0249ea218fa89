"""Reads confirmation and invitation links out of the `.eml` files the file
mailer wrote, and opens an invitation as its invitee would."""

import asyncio
import re
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import aiohttp

_LINK = re.compile(r"https?://\S+/confirm/([A-Za-z0-9_-]+)")
_JOIN = re.compile(r"https?://\S+/join/([A-Za-z0-9_-]+)")


def messages(mail_dir: Path) -> list[EmailMessage]:
    paths = sorted(mail_dir.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
    return [message_from_bytes(p.read_bytes(), policy=policy.default) for p in paths]  # type: ignore[misc]


def text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def _newest(mail_dir: Path, link: re.Pattern[str]) -> str:
    found = messages(mail_dir)
    assert found, f"no email in {mail_dir}"
    for message in reversed(found):
        match = link.search(text_of(message))
        if match:
            return match.group(1)
    raise AssertionError(f"no email in {mail_dir} with a link like {link.pattern}")


def newest_token(mail_dir: Path) -> str:
    """The newest confirmation link's token (invitation emails are passed over)."""
    return _newest(mail_dir, _LINK)


def newest_join_token(mail_dir: Path) -> str:
    return _newest(mail_dir, _JOIN)


async def join_by_link(web_url: str, mail_dir: Path) -> None:
    """The invitee opens the newest invitation: the page (which joins nobody),
    then its Join button."""
    url = f"{web_url}/join/{newest_join_token(mail_dir)}"
    async with aiohttp.ClientSession() as http:
        async with http.get(url) as response:
            assert response.status == 200, await response.text()
            assert '<form method="post"' in await response.text()
        async with http.post(url) as response:
            assert response.status == 200, await response.text()


async def wait_for_token(mail_dir: Path, within: float = 30) -> str:
    """The newest link once a worker in another process has written its email."""
    for _ in range(int(within * 10)):
        if messages(mail_dir):
            return newest_token(mail_dir)
        await asyncio.sleep(0.1)
    return newest_token(mail_dir)
