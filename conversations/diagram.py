"""The flow drawn from its table, as a Mermaid state diagram
(`python -m bot flow`; docs/ARCHITECTURE.md embeds it, and a test holds the
two equal). An edge is labelled with the options (button values) and the
events that take it; "any step" stands for what every state shares."""

from .model import Conversation
from .states import State
from .table import Flow, Next, On, Step, Target

__all__ = ["mermaid"]

_ANY = "any_step"
_GROUPED = 3


def _node(state: State) -> str:
    return str(state)


def _targets(flow: Flow, row: Step, to: Target) -> list[str]:
    if to is Next.RESUME:
        return [_ANY]
    if isinstance(to, State):
        return [_node(to)]
    order = flow.sets.order
    if to is Next.STEP:
        return [_node(order[order.index(row.state) + 1])]
    reviewed = flow.after(row.state, Conversation(), review=True)
    return [_node(reviewed)] if reviewed is not row.state else []


def mermaid(flow: Flow) -> str:
    edges: dict[tuple[str, str], list[str]] = {}

    def edge(source: str, target: str, label: str) -> None:
        labels = edges.setdefault((source, target), [])
        if label not in labels:
            labels.append(label)

    # One entry that several rows share (the sign-up form) is drawn once.
    rows_of: dict[int, list[Step]] = {}
    grouped: list[tuple[type, On, list[Step]]] = []
    for row in flow.steps.values():
        for kind, on in row.on.items():
            rows = rows_of.setdefault(id(on), [])
            if not rows and on.to:
                grouped.append((kind, on, rows))
            rows.append(row)
    grouped = [entry for entry in grouped if len(entry[2]) >= _GROUPED]
    for row in flow.steps.values():
        for value, leads in row.choices.items():
            for to in leads:
                for target in _targets(flow, row, to):
                    edge(_node(row.state), target, value)
        for kind, on in row.on.items():
            if len(rows_of[id(on)]) >= _GROUPED:
                continue
            for to in on.to:
                for target in _targets(flow, row, to):
                    edge(_node(row.state), target, kind.__name__)
    for kind, on, rows in grouped:
        at = ", ".join(_node(row.state) for row in rows)
        for to in on.to:
            for target in _targets(flow, rows[0], to):
                edge(_ANY, target, f"{kind.__name__} (at {at})")
    for name, command in flow.shared.commands.items():
        for to in command.to:
            if isinstance(to, State):
                edge(_ANY, _node(to), f"/{name}")
    for kind, shared in flow.shared.events.items():
        for to in shared.to:
            if isinstance(to, State):
                edge(_ANY, _node(to), kind.__name__)
    lines = [
        "stateDiagram-v2",
        f'    state "any step" as {_ANY}',
        f"    [*] --> {_node(flow.sets.order[0])}",
    ]
    lines += [f"    {a} --> {b}: {', '.join(labels)}" for (a, b), labels in edges.items()]
    lines.append(f"    note right of {_ANY}")
    lines.append("        every event first:")
    lines += [
        f"        {number}. {label}" for number, (label, _) in enumerate(flow.shared.guards, 1)
    ]
    lines.append("    end note")
    return "\n".join(lines) + "\n"
