"""Crash points, for the tests that kill a real worker process at a chosen
moment. With `BOT_CRASH_AT=<name>` in its environment the process ends right
there with `os._exit`: no cleanup, no commit, as if it had been SIGKILLed.
Never set outside those tests."""

import os

__all__ = ["CRASH_EXIT_CODE", "crash_point"]

CRASH_EXIT_CODE = 86


def crash_point(name: str) -> None:
    if os.environ.get("BOT_CRASH_AT") == name:
        os._exit(CRASH_EXIT_CODE)
