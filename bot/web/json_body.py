"""One way to read a JSON request body, for every route that takes one.

Python's `json` recurses per nesting level, so a body of a few kilobytes of
`[[[[…` raises `RecursionError` (a 500) before any of our code sees it; its
default also accepts `NaN` and `Infinity`, which no sender of ours writes. This
reader checks the nesting depth on the raw bytes first (one linear pass that
skips strings), decodes strictly as UTF-8, and refuses the non-standard
constants: every failure is one `MalformedJson`, which routes answer with 400.
"""

import json
from typing import Any

__all__ = ["MAX_DEPTH", "MalformedJson", "parse_json"]

# Stripe's events nest about 8 deep, Telegram's updates about 6.
MAX_DEPTH = 32


class MalformedJson(ValueError):
    """The body is not a JSON document we accept."""


def _too_deep(raw: bytes, limit: int) -> bool:
    depth = 0
    in_string = False
    escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > limit:
                return True
        elif byte in (0x5D, 0x7D):  # ] }
            depth -= 1
    return False


def _refuse_constant(name: str) -> Any:
    raise MalformedJson(f"non-standard constant {name}")


def parse_json(raw: bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """The decoded document, or `MalformedJson` for anything but UTF-8 JSON
    nested at most `max_depth` deep."""
    if _too_deep(raw, max_depth):
        raise MalformedJson("nested too deep")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedJson("not UTF-8") from exc
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as exc:
        raise MalformedJson("not JSON") from exc
