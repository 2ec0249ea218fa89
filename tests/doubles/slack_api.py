"""A loopback Slack Web API for tests. The real `AsyncWebClient` talks to it
through `SLACK_API_BASE`; it records every call and answers like Slack does:
HTTP 200 with {"ok": true, ...} or {"ok": false, "error": "..."}. It checks
the bot token and a few Block Kit limits Slack enforces."""

import itertools
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TEAM_ID = "T0TEAM"
BOT_USER_ID = "U0BOT"
BOT_ID = "B0BOT"


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    ok: bool = True
    ts: str | None = None  # of the message it posted


@dataclass
class SlackApiDouble:
    token: str
    calls: list[Call] = field(default_factory=list)
    # user id → Slack locale, as users.info answers with include_locale
    locales: dict[str, str] = field(default_factory=dict)
    # user id → profile email, given by users.info with the scope users:read.email
    emails: dict[str, str] = field(default_factory=dict)
    scopes: frozenset[str] = frozenset({"users:read", "users:read.email"})
    # method → error the next call of it gets (e.g. views.open → expired_trigger_id)
    fail_next: dict[str, str] = field(default_factory=dict)
    # ts of messages the app deleted (chat.delete)
    deleted: set[str] = field(default_factory=set)
    base_url: str = ""
    _ids: "itertools.count[int]" = field(default_factory=lambda: itertools.count(1))

    def of(self, method: str) -> list[dict[str, Any]]:
        return [call.args for call in self.calls if call.method == method]

    def thread(self, channel: str, thread_ts: str) -> list[dict[str, Any]]:
        """Messages the app posted in a channel thread (and did not delete), in order."""
        return [
            call.args
            for call in self.calls
            if call.method == "chat.postMessage"
            and call.ok
            and call.args.get("channel") == channel
            and call.args.get("thread_ts") == thread_ts
            and call.ts not in self.deleted
        ]

    def messages_to(self, user_id: str) -> list[dict[str, Any]]:
        """Messages Slack accepted for the user's DM, in order."""
        return [
            call.args
            for call in self.calls
            if call.method == "chat.postMessage" and call.ok and call.args.get("channel") == user_id
        ]

    # -- the API ---------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            args |= await request.json()
        elif request.can_read_body:
            args |= dict(await request.post())
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return web.json_response({"ok": False, "error": "invalid_auth"})
        if method in self.fail_next:
            self.calls.append(Call(method, args, ok=False))
            return web.json_response({"ok": False, "error": self.fail_next.pop(method)})
        answer = self._answer(method, args)
        ts = answer.get("ts") if method == "chat.postMessage" else None
        self.calls.append(Call(method, args, ok=bool(answer["ok"]), ts=ts))
        return web.json_response(answer)

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        n = next(self._ids)
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://proficonf-test.slack.com/",
                "team": "Proficonf test",
                "user": "onboarding",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if method == "users.info":
            user = args.get("user", "")
            if not user:
                return {"ok": False, "error": "user_not_found"}
            profile = {"id": user, "team_id": TEAM_ID, "name": user.lower(), "is_bot": False}
            if str(args.get("include_locale")).lower() in ("true", "1"):
                profile["locale"] = self.locales.get(user, "en-US")
            # As Slack: the profile's email only with the users:read.email scope.
            details: dict[str, Any] = {}
            if "users:read.email" in self.scopes and user in self.emails:
                details["email"] = self.emails[user]
            profile["profile"] = details
            return {"ok": True, "user": profile}
        if method in ("views.open", "views.update", "views.publish"):
            view = _json_arg(args.get("view"))
            if method == "views.open" and not args.get("trigger_id"):
                return {"ok": False, "error": "invalid_arguments"}
            if view is None:
                return {"ok": False, "error": "invalid_arguments"}
            problem = _view_problem(view)
            if problem:
                return {
                    "ok": False,
                    "error": "invalid_arguments",
                    "response_metadata": {"messages": [problem]},
                }
            return {"ok": True, "view": {**view, "id": f"V{n:05d}", "hash": f"h{n}"}}
        if method == "chat.update":
            if not args.get("channel") or not args.get("ts"):
                return {"ok": False, "error": "message_not_found"}
            problem = _blocks_problem(_json_arg(args.get("blocks")) or [])
            if problem:
                return {"ok": False, "error": "invalid_blocks", "errors": [problem]}
            return {"ok": True, "channel": args["channel"], "ts": args["ts"]}
        if method == "chat.delete":
            ts, channel = args.get("ts"), args.get("channel")
            posted = any(
                c.method == "chat.postMessage" and c.ts == ts and c.args.get("channel") == channel
                for c in self.calls
            )
            if not posted or ts in self.deleted:
                return {"ok": False, "error": "message_not_found"}
            self.deleted.add(str(ts))
            return {"ok": True, "channel": channel, "ts": ts}
        if method in ("chat.postMessage", "chat.postEphemeral"):
            if not args.get("channel"):
                return {"ok": False, "error": "channel_not_found"}
            blocks = _json_arg(args.get("blocks")) or []
            problem = _blocks_problem(blocks)
            if problem:
                return {"ok": False, "error": "invalid_blocks", "errors": [problem]}
            ts = f"1700000000.{n:06d}"
            if method == "chat.postEphemeral":
                return {"ok": True, "message_ts": ts}
            channel = str(args["channel"])
            return {
                "ok": True,
                "channel": channel if channel.startswith("C") else "D" + channel,
                "ts": ts,
                "message": {"text": args.get("text"), "blocks": blocks, "ts": ts},
            }
        return {"ok": False, "error": "unknown_method"}

    @asynccontextmanager
    async def running(self) -> AsyncIterator["SlackApiDouble"]:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._handle)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}/api/"
        try:
            yield self
        finally:
            await runner.cleanup()


def _json_arg(value: Any) -> Any:
    if isinstance(value, str):
        return json.loads(value)
    return value


def _text_problem(text: Any, limit: int, where: str) -> str | None:
    if not isinstance(text, dict) or not isinstance(text.get("text"), str):
        return f"{where}: missing text object"
    if not text["text"] or len(text["text"]) > limit:
        return f"{where}: text must be 1..{limit} characters"
    return None


def _blocks_problem(blocks: list[dict[str, Any]]) -> str | None:
    if len(blocks) > 50:
        return "no more than 50 blocks"
    for i, block in enumerate(blocks):
        kind = block.get("type")
        if kind == "section" and (p := _text_problem(block.get("text"), 3000, f"[{i}]")):
            return p
        if kind == "header" and (p := _text_problem(block.get("text"), 150, f"[{i}]")):
            return p
        if kind == "actions":
            elements = block.get("elements", [])
            if not 1 <= len(elements) <= 25:
                return f"[{i}]: actions need 1..25 elements"
            action_ids = [e.get("action_id") for e in elements]
            if len(set(action_ids)) != len(action_ids):
                return f"[{i}]: duplicate action_id"
            for e in elements:
                if e.get("type") == "multi_users_select":
                    if p := _text_problem(e.get("placeholder"), 150, f"[{i}] placeholder"):
                        return p
                    if not 1 <= int(e.get("max_selected_items", 100)) <= 100:
                        return f"[{i}]: max_selected_items must be 1..100"
                    continue
                if p := _text_problem(e.get("text"), 75, f"[{i}] button"):
                    return p
                if len(str(e.get("value", ""))) > 2000:
                    return f"[{i}]: button value too long"
    return None


def _view_problem(view: dict[str, Any]) -> str | None:
    if view.get("type") not in ("modal", "home"):
        return "view type must be modal or home"
    if view.get("type") == "modal":
        for key in ("title", "submit", "close"):
            if p := _text_problem(view.get(key), 24, key):
                return p
    block_ids = [b["block_id"] for b in view.get("blocks", []) if "block_id" in b]
    if len(set(block_ids)) != len(block_ids):
        return "duplicate block_id"
    return _blocks_problem(view.get("blocks", []))
