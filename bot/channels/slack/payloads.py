"""Reading Slack payloads defensively: a field Slack always sends but this
payload lacks makes the request malformed (answered 400), never a crash."""

from typing import Any

__all__ = ["MalformedPayload", "field", "optional", "team_of"]


class MalformedPayload(ValueError):
    pass


def optional(data: Any, *path: str) -> str | None:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data if isinstance(data, str) and data else None


def field(data: Any, *path: str) -> str:
    found = optional(data, *path)
    if found is None:
        raise MalformedPayload(".".join(path))
    return found


def team_of(body: Any) -> str:
    """The workspace of an interaction or event (where each payload type keeps it)."""
    for path in (("user", "team_id"), ("team", "id"), ("team_id",)):
        if found := optional(body, *path):
            return found
    raise MalformedPayload("team")
