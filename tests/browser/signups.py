"""Sign-ups made on the live app's loop, as a user of the terminal channel."""

import io

from bot.channels.console import ConsoleChannel
from storage.organizations import list_organizations
from tests.browser.live_app import LiveApp
from tests.transcripts.mailbox import newest_token

__all__ = ["sign_up", "statuses"]

NAME = 'R&D <Lab "X"'


def sign_up(live: LiveApp, language: str = "en", user: str = "u") -> str:
    """To the email step; returns the token of the link in the email."""

    async def go() -> None:
        channel = ConsoleChannel(live.services, user, io.StringIO())
        for line in ["/start", language, NAME, f"{user}@acme.com", "USD", "save"]:
            await channel.handle_line(line)

    live.run(go())
    return newest_token(live.services.settings.mail_dir)


def statuses(live: LiveApp) -> list[str]:
    async def read() -> list[str]:
        async with live.services.engine.sessions() as session:
            return [org.status for org in await list_organizations(session)]

    return live.run(read())
