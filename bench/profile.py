"""Where the time of our aiogram + SQLite path goes: a short run (after a
warm-up) under pyinstrument, its samples summed per function (self time) and
per library, for the bench's output."""

from collections import Counter
from typing import Any

__all__ = ["profile_ours"]


IDLE = {"select", "poll", "epoll.poll", "[await]"}


def _walk(frame: Any, own: Counter[str], by_package: Counter[str], named: Any = None) -> None:
    # A synthetic `[self]` frame is its parent's own time.
    real = named if frame.is_synthetic and named is not None else frame
    self_time = frame.total_self_time
    if self_time and real.function not in IDLE:
        where = real.file_path_short or real.file_path or "?"
        own[f"{real.function}  {where}:{real.line_no}"] += self_time
        by_package[_package(real.file_path or "")] += self_time
    for child in frame.children:
        _walk(child, own, by_package, real)


def _package(path: str) -> str:
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    for ours in ("bot", "storage", "conversations", "bench"):
        if f"/{ours}/" in path:
            return f"{ours} (ours)"
    return "python (stdlib, interpreter)"


def profile_ours(users: int, top: int = 15) -> str:
    """A text block: the top functions by self time and the split by package."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return "(pyinstrument is not installed: `pip install -e '.[bench]'`)"
    from .ours import bench_ours

    bench_ours("warm-up", "aiogram", 5)
    profiler = Profiler(interval=0.001, async_mode="disabled")
    row = bench_ours("profiled", "aiogram", users, profiler=profiler)
    session = profiler.last_session
    assert session is not None
    own: Counter[str] = Counter()
    by_package: Counter[str] = Counter()
    root = session.root_frame()
    if root is not None:
        _walk(root, own, by_package)
    total = sum(own.values()) or 1.0
    lines = [
        f"Profile: {row.count} updates of `ours: aiogram + SQLite` (8 users at once) under "
        f"pyinstrument, the updates only ({session.duration:.1f} s wall, "
        f"{session.cpu_time:.1f} s CPU; waiting in the event loop's select left out)",
        "",
        "| self time | share | function |",
        "|---|---|---|",
        *(
            f"| {seconds:.2f} s | {seconds / total:.0%} | `{name}` |"
            for name, seconds in own.most_common(top)
        ),
        "",
        "| package | share of samples |",
        "|---|---|",
        *(f"| {name} | {seconds / total:.0%} |" for name, seconds in by_package.most_common(10)),
    ]
    return "\n".join(lines)
