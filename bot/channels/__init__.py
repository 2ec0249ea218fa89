"""Channels are adapters: `channel.py` is the protocol they implement,
`runner.py` the one path every update takes (dedupe, order, owed replies,
stale buttons, errors). They hold no flow logic and import no composition
root (`parts.py` names what they are given)."""
