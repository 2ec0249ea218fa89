"""Numbers and the results table."""

import resource
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Row", "peak_rss_mb", "percentile", "rss_mb", "table"]


def percentile(samples: list[float], q: float) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Row:
    name: str
    count: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)  # seconds
    statements: int | None = None
    note: str = ""

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds else float("nan")

    def cells(self) -> list[str]:
        ms = [x * 1000 for x in self.latencies]
        per = f"{self.statements / self.count:.1f}" if self.statements is not None else "—"
        if not self.count:
            return [self.name, "—", "—", "—", "—", "—", "—", self.note]
        return [
            self.name,
            f"{self.count}",
            f"{self.rate:,.0f}",
            f"{percentile(ms, 50):.3f}" if ms else "—",
            f"{percentile(ms, 99):.3f}" if ms else "—",
            f"{max(ms):.3f}" if ms else "—",
            per,
            self.note,
        ]


HEADERS = ["benchmark", "ops", "ops/s", "p50 ms", "p99 ms", "max ms", "SQL/op", "note"]


def table(rows: list[Row]) -> str:
    cells = [HEADERS, *[row.cells() for row in rows]]
    widths = [max(len(line[i]) for line in cells) for i in range(len(HEADERS))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |"
        for line in cells
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)
