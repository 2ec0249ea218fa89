"""Bot API updates for the benchmarked flow, as plain JSON dicts (each library
parses them itself), and in-process answers to the bot's API calls."""

import itertools
import json
from typing import Any

__all__ = ["api_result", "flow_updates"]

_update_ids = itertools.count(1)
_message_ids = itertools.count(1)


def _user(user: int) -> dict[str, Any]:
    return {"id": 10_000 + user, "is_bot": False, "first_name": f"U{user}", "language_code": "en"}


def _chat(user: int) -> dict[str, Any]:
    return {"id": 10_000 + user, "type": "private", "first_name": f"U{user}"}


def text_update(user: int, text: str) -> dict[str, Any]:
    message: dict[str, Any] = {
        "message_id": next(_message_ids),
        "date": 1_700_000_000,
        "chat": _chat(user),
        "from": _user(user),
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": next(_update_ids), "message": message}


def button_update(user: int, data: str) -> dict[str, Any]:
    return {
        "update_id": next(_update_ids),
        "callback_query": {
            "id": str(next(_update_ids)),
            "from": _user(user),
            "chat_instance": "1",
            "data": data,
            "message": {
                "message_id": next(_message_ids),
                "date": 1_700_000_000,
                "chat": _chat(user),
                "from": {"id": 1, "is_bot": True, "first_name": "Bench"},
                "text": "question",
            },
        },
    }


def flow_updates(user: int, buttons: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """`buttons` maps our choice values to the callback_data a bot expects."""
    data = buttons or {}
    return [
        text_update(user, "/start"),
        button_update(user, data.get("en", "en")),
        text_update(user, f"Bench Org {user}"),
        text_update(user, f"user{user}@bench{user % 97}.example.com"),
        button_update(user, data.get("EUR", "EUR")),
        button_update(user, data.get("save", "save")),
    ]


def api_result(method: str, params: dict[str, Any]) -> Any:
    """What Telegram would answer, minimally but validly."""
    name = method.lower()
    if name == "getme":
        return {"id": 1, "is_bot": True, "first_name": "Bench", "username": "bench_bot"}
    if name in ("sendmessage", "editmessagetext", "editmessagereplymarkup"):
        chat_id = params.get("chat_id", 1)
        return {
            "message_id": next(_message_ids),
            "date": 1_700_000_000,
            "chat": {"id": int(chat_id), "type": "private"},
            "from": {"id": 1, "is_bot": True, "first_name": "Bench"},
            "text": str(params.get("text", "…")),
        }
    return True


def api_response(method: str, params: dict[str, Any]) -> str:
    return json.dumps({"ok": True, "result": api_result(method, params)})
