"""The onboarding funnel from step events: how many conversations reached each
step, the drop-off between steps, the median time spent in each step, and the
same counts by channel and by language."""

import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import median

from conversations.states import ACTIVE_STEPS
from storage.step_events import StepEvent

__all__ = ["Funnel", "build_funnel", "format_funnel", "plot_funnel"]

STEPS = tuple(step.value for step in ACTIVE_STEPS)


@dataclass
class Funnel:
    reached: dict[str, int]
    median_seconds: dict[str, float | None]
    by_channel: dict[str, dict[str, int]] = field(default_factory=dict)
    by_language: dict[str, dict[str, int]] = field(default_factory=dict)

    def drop_off(self, step: str) -> int:
        """How many reached `step` but not the next one."""
        index = STEPS.index(step)
        if index + 1 == len(STEPS):
            return 0
        return self.reached[step] - self.reached[STEPS[index + 1]]


def build_funnel(events: list[StepEvent]) -> Funnel:
    first_entry: dict[int, dict[str, datetime]] = defaultdict(dict)
    channel_of: dict[int, str] = {}
    language_of: dict[int, str] = {}
    for event in events:  # ordered by conversation, then time
        if event.step in STEPS:
            first_entry[event.conversation_id].setdefault(event.step, event.at)
        channel_of[event.conversation_id] = event.channel
        language_of[event.conversation_id] = event.language  # the latest one wins

    reached: Counter[str] = Counter()
    by_channel: dict[str, Counter[str]] = defaultdict(Counter)
    by_language: dict[str, Counter[str]] = defaultdict(Counter)
    durations: dict[str, list[timedelta]] = defaultdict(list)
    for conversation, entries in first_entry.items():
        for step in entries:
            reached[step] += 1
            by_channel[channel_of[conversation]][step] += 1
            by_language[language_of[conversation]][step] += 1
        for step, following in itertools.pairwise(STEPS):
            if step in entries and following in entries and entries[following] >= entries[step]:
                durations[step].append(entries[following] - entries[step])
    return Funnel(
        reached={step: reached[step] for step in STEPS},
        median_seconds={
            step: median(d.total_seconds() for d in durations[step]) if durations[step] else None
            for step in STEPS
        },
        by_channel={k: {s: v[s] for s in STEPS} for k, v in sorted(by_channel.items())},
        by_language={k: {s: v[s] for s in STEPS} for k, v in sorted(by_language.items())},
    )


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.1f} min"
    return f"{seconds / 3600:.1f} h"


def format_funnel(funnel: Funnel) -> str:
    top = funnel.reached[STEPS[0]] or 1
    lines = [f"{'step':<16}{'reached':>9}{'of start':>10}{'drop-off':>10}{'median time':>14}"]
    for step in STEPS:
        count = funnel.reached[step]
        lines.append(
            f"{step:<16}{count:>9}{count / top:>10.0%}{funnel.drop_off(step):>10}"
            f"{_duration(funnel.median_seconds[step]):>14}"
        )
    for title, groups in (("channel", funnel.by_channel), ("language", funnel.by_language)):
        lines.append("")
        lines.append(f"{'by ' + title:<16}" + "".join(f"{s[:9]:>10}" for s in STEPS))
        for name, counts in groups.items():
            lines.append(f"{name:<16}" + "".join(f"{counts[s]:>10}" for s in STEPS))
    return "\n".join(lines)


def plot_funnel(funnel: Funnel, path: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    counts = [funnel.reached[step] for step in STEPS]
    figure, axis = plt.subplots(figsize=(8, 4.5), dpi=100)
    bars = axis.barh(list(reversed(STEPS)), list(reversed(counts)), color="#2563eb")
    axis.bar_label(bars, padding=3)
    axis.set_xlabel("conversations that reached the step")
    axis.set_title("Onboarding funnel")
    axis.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
