"""What the worker does with each kind of outbox row: one `OutboxKind` per
kind, with `run` (send it) and `give_up` (it failed for good: mark it and
tell whoever must know). The worker (`bot/outbox/worker.py`) keeps one registry of
them, keyed by kind, filled by the composition root (`bot/services.py`)."""

from bot.outbox.kinds.kind import OutboxKind, OutboxKinds, SimpleKind

__all__ = ["OutboxKind", "OutboxKinds", "SimpleKind"]
