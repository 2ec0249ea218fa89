"""Plays Slack's side of the Events API: builds the payloads Slack sends for
slash commands, modal submissions, button presses, DMs and App Home visits,
signs them with the v0 algorithm (`slack_sdk`'s SignatureVerifier) and posts
them to the running web app."""

import itertools
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import aiohttp
from slack_sdk.signature import SignatureVerifier

from tests.doubles.slack_api import TEAM_ID, SlackApiDouble


@dataclass
class Answer:
    status: int
    text: str

    def json(self) -> Any:
        return json.loads(self.text) if self.text else None


def fill(view: dict[str, Any], answers: dict[str, str]) -> dict[str, Any]:
    """`view.state.values` as Slack builds it when the user fills the modal:
    typed answers, or whatever the form showed initially."""
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block.get("type") != "input":
            continue
        element = block["element"]
        given = answers.get(block["block_id"])
        state: dict[str, Any] = {"type": element["type"]}
        if element["type"] == "static_select":
            options = {o["value"]: o for o in element["options"]}
            if given is None:
                state["selected_option"] = element.get("initial_option")
            else:  # a value not offered is what a forged payload would carry
                state["selected_option"] = options.get(
                    given, {"text": {"type": "plain_text", "text": given}, "value": given}
                )
        else:
            state["value"] = given if given is not None else element.get("initial_value")
        values[block["block_id"]] = {element["action_id"]: state}
    return values


class SlackWorkspace:
    def __init__(self, http: aiohttp.ClientSession, web_url: str, secret: str, api: SlackApiDouble):
        self.http = http
        self.url = f"{web_url}/slack/events"
        self.secret = secret
        self.api = api
        self._ids = itertools.count(1)

    def _next(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids):06d}"

    async def deliver(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        secret: str | None = None,
        signed: bool = True,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        sent = {"Content-Type": content_type, **(headers or {})}
        if signed:
            verifier = SignatureVerifier(secret or self.secret)
            sent["X-Slack-Request-Timestamp"] = stamp
            sent["X-Slack-Signature"] = str(verifier.generate_signature(timestamp=stamp, body=body))
        async with self.http.post(self.url, data=body.encode(), headers=sent) as response:
            return Answer(response.status, await response.text())

    def command_body(self, user: str, text: str = "", trigger: str | None = None) -> str:
        return urlencode(
            {
                "token": "legacy-token",
                "team_id": TEAM_ID,
                "team_domain": "proficonf-test",
                "channel_id": "C0GENERAL",
                "channel_name": "general",
                "user_id": user,
                "user_name": user.lower(),
                "command": "/onboard",
                "text": text,
                "api_app_id": "A0APP",
                "is_enterprise_install": "false",
                "response_url": f"{self.api.base_url}response",
                "trigger_id": trigger or self._next("trigger-"),
            }
        )

    async def command(self, user: str, text: str = "", **kwargs: Any) -> Answer:
        return await self.deliver(
            self.command_body(user, text), "application/x-www-form-urlencoded", **kwargs
        )

    async def _interaction(self, payload: dict[str, Any], **kwargs: Any) -> Answer:
        body = urlencode({"payload": json.dumps(payload)})
        return await self.deliver(body, "application/x-www-form-urlencoded", **kwargs)

    def _user(self, user: str) -> dict[str, Any]:
        return {"id": user, "username": user.lower(), "name": user.lower(), "team_id": TEAM_ID}

    def opened_view(self) -> dict[str, Any]:
        """The newest modal the app opened or updated, as Slack holds it."""
        calls = [c for c in self.api.calls if c.method in ("views.open", "views.update")]
        assert calls, "no modal was opened"
        view = calls[-1].args["view"]
        return view if isinstance(view, dict) else json.loads(view)

    async def submit(
        self, user: str, answers: dict[str, str], *, trigger: str | None = None, **kwargs: Any
    ) -> Answer:
        view = self.opened_view()
        payload = {
            "type": "view_submission",
            "team": {"id": TEAM_ID, "domain": "proficonf-test"},
            "user": self._user(user),
            "api_app_id": "A0APP",
            "token": "legacy-token",
            "trigger_id": trigger or self._next("trigger-"),
            "view": {
                **view,
                "id": "V0FORM",
                "team_id": TEAM_ID,
                "hash": "h0",
                "state": {"values": fill(view, answers)},
            },
            "response_urls": [],
        }
        return await self._interaction(payload, **kwargs)

    async def pick_language_in_form(self, user: str, language: str) -> Answer:
        view = self.opened_view()
        values = fill(view, {"language": language})
        payload = {
            "type": "block_actions",
            "team": {"id": TEAM_ID, "domain": "proficonf-test"},
            "user": self._user(user),
            "api_app_id": "A0APP",
            "token": "legacy-token",
            "trigger_id": self._next("trigger-"),
            "container": {"type": "view", "view_id": "V0FORM"},
            "view": {**view, "id": "V0FORM", "hash": "h0", "state": {"values": values}},
            "actions": [
                {
                    "type": "static_select",
                    "block_id": "language",
                    "action_id": "form-language",
                    "selected_option": values["language"]["form-language"]["selected_option"],
                    "action_ts": "1700000000.000001",
                }
            ],
        }
        return await self._interaction(payload)

    def button(self, user: str, value: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """The newest message to `user` with a button of this value, and the button."""
        for message in reversed(self.api.messages_to(user)):
            for block in message.get("blocks", []):
                for element in block.get("elements", []) if block["type"] == "actions" else []:
                    if element.get("value") == value:
                        return message, element
        raise AssertionError(f"no button {value!r} was shown to {user}")

    async def press(self, user: str, value: str, **kwargs: Any) -> Answer:
        try:
            message, element = self.button(user, value)
        except AssertionError:  # a stale button from a message no longer on screen
            message, element = {"blocks": []}, {"action_id": "choice-0", "value": value}
        payload = {
            "type": "block_actions",
            "team": {"id": TEAM_ID, "domain": "proficonf-test"},
            "user": self._user(user),
            "api_app_id": "A0APP",
            "token": "legacy-token",
            "trigger_id": self._next("trigger-"),
            "container": {"type": "message", "channel_id": "D" + user, "is_ephemeral": False},
            "channel": {"id": "D" + user, "name": "directmessage"},
            "message": {"type": "message", "ts": "1700000000.000001", **message},
            "actions": [
                {
                    "type": "button",
                    "block_id": "b1",
                    "action_id": element["action_id"],
                    "value": element["value"],
                    "text": {"type": "plain_text", "text": "x"},
                    "action_ts": "1700000000.000002",
                }
            ],
        }
        return await self._interaction(payload, **kwargs)

    def event_body(self, event: dict[str, Any], event_id: str | None = None) -> str:
        return json.dumps(
            {
                "token": "legacy-token",
                "team_id": TEAM_ID,
                "api_app_id": "A0APP",
                "event": event,
                "type": "event_callback",
                "event_id": event_id or self._next("Ev"),
                "event_time": int(time.time()),
                "authorizations": [
                    {
                        "team_id": TEAM_ID,
                        "user_id": "U0BOT",
                        "is_bot": True,
                        "is_enterprise_install": False,
                    }
                ],
            }
        )

    async def dm(
        self, user: str, text: str, *, event_id: str | None = None, **kwargs: Any
    ) -> Answer:
        event = {
            "type": "message",
            "channel": "D" + user,
            "user": user,
            "text": text,
            "ts": "1700000000.000100",
            "event_ts": "1700000000.000100",
            "channel_type": "im",
            "team": TEAM_ID,
        }
        return await self.deliver(self.event_body(event, event_id), "application/json", **kwargs)

    async def pick_people(self, user: str, picked: list[str], *, home: bool = False) -> Answer:
        """Workspace users picked in the invite multi-select (a DM's, or the App Home's)."""
        container = (
            {"type": "view", "view_id": "V0HOME"}
            if home
            else {"type": "message", "channel_id": "D" + user, "is_ephemeral": False}
        )
        payload = {
            "type": "block_actions",
            "team": {"id": TEAM_ID, "domain": "proficonf-test"},
            "user": self._user(user),
            "api_app_id": "A0APP",
            "token": "legacy-token",
            "trigger_id": self._next("trigger-"),
            "container": container,
            "actions": [
                {
                    "type": "multi_users_select",
                    "block_id": "b9",
                    "action_id": "invite-users",
                    "selected_users": picked,
                    "action_ts": "1700000000.000003",
                }
            ],
        }
        return await self._interaction(payload)

    async def open_home(self, user: str, *, event_id: str | None = None, **kwargs: Any) -> Answer:
        event = {
            "type": "app_home_opened",
            "user": user,
            "channel": "D" + user,
            "tab": "home",
            "event_ts": "1700000000.000200",
        }
        return await self.deliver(self.event_body(event, event_id), "application/json", **kwargs)


def message_ids(api: SlackApiDouble, user: str) -> list[str]:
    """What the core said to `user`, in order (from each DM's metadata)."""
    return [m["metadata"]["event_payload"]["message_id"] for m in api.messages_to(user)]


async def desk_reply(
    slack: SlackWorkspace, user: str, channel: str, thread_ts: str, text: str
) -> Answer:
    """`user` writes `text` in a channel thread (an agent answering a ticket)."""
    event = {
        "type": "message",
        "channel": channel,
        "user": user,
        "text": text,
        "ts": f"1700000001.{next(slack._ids):06d}",
        "thread_ts": thread_ts,
        "channel_type": "channel",
        "team": TEAM_ID,
    }
    return await slack.deliver(slack.event_body(event), "application/json")


async def press_card(
    slack: SlackWorkspace, user: str, channel: str, action: str, ticket: int
) -> Answer:
    """`user` presses a ticket card's button (`desk-<action>`) in `channel`."""
    payload = {
        "type": "block_actions",
        "team": {"id": TEAM_ID, "domain": "proficonf-test"},
        "user": slack._user(user),
        "api_app_id": "A0APP",
        "token": "legacy-token",
        "trigger_id": slack._next("trigger-"),
        "container": {"type": "message", "channel_id": channel, "is_ephemeral": False},
        "channel": {"id": channel, "name": "support"},
        "message": {"type": "message", "ts": "1700000000.000001"},
        "actions": [
            {
                "type": "button",
                "block_id": "card",
                "action_id": f"desk-{action}",
                "value": str(ticket),
                "text": {"type": "plain_text", "text": action},
                "action_ts": "1700000000.000002",
            }
        ],
    }
    return await slack._interaction(payload)
