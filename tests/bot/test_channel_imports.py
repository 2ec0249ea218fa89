"""Importing a channel adapter loads its own platform library and nothing of
any other channel's, no Stripe, and not the composition root (which imports
the channels it wires: a cycle otherwise). Each module is imported in a
fresh interpreter, so nothing an earlier import loaded hides a leak."""

import json
import subprocess
import sys

import pytest

# Top-level packages of each platform's library (python-telegram-bot's is `telegram`).
LIBRARIES = {
    "aiogram": {"aiogram"},
    "ptb": {"telegram"},
    "slack": {"slack_sdk", "slack_bolt"},
}
EVERY_LIBRARY = set().union(*LIBRARIES.values())
NEVER = {"stripe", "bot.services"}

# module → the libraries it may load
ADAPTERS = {
    "bot.channels.channel": set(),
    "bot.channels.runner": set(),
    "bot.channels.console": set(),
    "bot.channels.telegram.common": set(),
    "bot.channels.telegram.channel": set(),
    "bot.channels.telegram.runtime": set(),
    "bot.channels.telegram.aiogram": LIBRARIES["aiogram"],
    "bot.channels.telegram.ptb": LIBRARIES["ptb"],
    "bot.channels.slack": LIBRARIES["slack"],
    "bot.channels.web": set(),
}

_PROBE = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
print(json.dumps(sorted(sys.modules)))
"""


def _loaded(module: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, module], capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stdout))


@pytest.mark.parametrize("module", sorted(ADAPTERS))
def test_an_adapter_loads_only_its_own_platform(module: str) -> None:
    loaded = _loaded(module)
    top = {name.split(".")[0] for name in loaded}
    others = (EVERY_LIBRARY - ADAPTERS[module]) & top
    assert not others, f"{module} loads {sorted(others)}"
    assert not (NEVER & (top | loaded)), f"{module} loads {sorted(NEVER & (top | loaded))}"


def test_the_telegram_text_helpers_load_no_database_or_worker() -> None:
    loaded = _loaded("bot.channels.telegram.common")
    assert "sqlalchemy" not in {name.split(".")[0] for name in loaded}
    assert "bot.outbox.worker" not in loaded
    assert "bot.channels.console" not in loaded
