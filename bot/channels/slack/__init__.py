"""The Slack channel: a Bolt app on the web process (`/onboard`, its modal,
buttons and DMs, the App Home) and the worker's sender for queued DMs."""

from .app import SlackChannel, mount_slack
from .client import make_client
from .desk import SlackDesk
from .ids import CHANNEL
from .sender import SlackSender, slack_address

__all__ = [
    "CHANNEL",
    "SlackChannel",
    "SlackDesk",
    "SlackSender",
    "make_client",
    "mount_slack",
    "slack_address",
]
