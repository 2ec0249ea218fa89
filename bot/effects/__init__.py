"""The shell's effect runners: one module per family of the core's effects
(what the channel shows, organizations, the confirmation email, payment
links, the support desk, timers, invitations, the user's data). `registry.RUNNERS` maps
each effect type to its runner; the engine looks the runner up and calls it."""

from bot.effects.context import EffectContext
from bot.effects.registry import RUNNERS, run_effect

__all__ = ["RUNNERS", "EffectContext", "run_effect"]
