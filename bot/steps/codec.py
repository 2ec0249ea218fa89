"""Replies to and from JSON, for outbox rows that carry chat messages."""

from typing import Any

from conversations import Button, Reply

__all__ = ["reply_from_json", "reply_to_json"]


def reply_to_json(reply: Reply) -> dict[str, Any]:
    return {
        "message_id": reply.message_id,
        "args": dict(reply.args),
        "buttons": [
            {
                "label": b.label,
                "value": b.value,
                "args": dict(b.args),
                "url": b.url,
                "selected": b.selected,
            }
            for b in reply.buttons
        ],
    }


def reply_from_json(data: dict[str, Any]) -> Reply:
    return Reply(
        message_id=data["message_id"],
        args=data.get("args", {}),
        buttons=tuple(
            Button(
                label=b["label"],
                value=b["value"],
                args=b.get("args", {}),
                url=b.get("url"),
                selected=bool(b.get("selected", False)),
            )
            for b in data.get("buttons", [])
        ),
    )
