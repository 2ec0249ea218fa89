"""The Slack channel: a Bolt app on the web process (`/onboard`, its modal,
buttons and DMs, the App Home) and the worker's sender for queued DMs."""

from bot.channels.slack.app import SlackChannel, mount_slack
from bot.channels.slack.client import make_client
from bot.channels.slack.desk import SlackDesk
from bot.channels.slack.ids import CHANNEL
from bot.channels.slack.sender import SlackSender, slack_address

__all__ = [
    "CHANNEL",
    "SlackChannel",
    "SlackDesk",
    "SlackSender",
    "make_client",
    "mount_slack",
    "slack_address",
]
