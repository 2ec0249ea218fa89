"""`python -m bench [--users N] [--quick]`: one run, one table, written to
bench/RESULTS.md with the command that produced it."""

import argparse
import os
import platform
import sys
import time
from importlib.metadata import version
from pathlib import Path

from .baselines import bench_aiogram_fsm, bench_ptb_conversation
from .core import bench_core
from .limiter import bench_limiter
from .memory import idle_conversations_growth
from .ours import bench_ours
from .pg import postgres_database
from .startup import chat_startup, web_startup
from .stats import Row, peak_rss_mb, table

RESULTS = Path(__file__).with_name("RESULTS.md")


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    libs = ", ".join(
        f"{name} {version(name)}"
        for name in ("aiogram", "python-telegram-bot", "sqlalchemy", "aiosqlite", "asyncpg")
    )
    load = os.getloadavg()[0]
    return (
        f"- CPU: {cpu}, {os.cpu_count()} cores, load average {load:.2f} at start\n"
        f"- Python {platform.python_version()} on {platform.system()} {platform.release()}\n"
        f"- {libs}"
    )


def ratio(ours: Row, baseline: Row) -> str:
    return f"{ours.rate / baseline.rate:.2f}×"


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--users", type=int, default=1000, help="simulated users per benchmark")
    parser.add_argument("--quick", action="store_true", help="a smoke run in under a minute")
    parser.add_argument("--no-write", action="store_true", help="do not write RESULTS.md")
    args = parser.parse_args()
    users = 100 if args.quick else args.users
    idle = 2000 if args.quick else 10_000
    started = time.perf_counter()
    start_load = os.getloadavg()[0]
    facts_of_machine = machine()
    print(facts_of_machine, flush=True)

    rows: list[Row] = [bench_core(users)]
    aiogram_base = bench_aiogram_fsm(users)
    ptb_base = bench_ptb_conversation(users)
    ours_aiogram = bench_ours("ours: aiogram + SQLite", "aiogram", users)
    ours_ptb = bench_ours("ours: PTB + SQLite", "ptb", users)
    ours_webhook = bench_ours("ours: webhook (HTTP) + SQLite", "webhook", users)
    rows += [aiogram_base, ptb_base, ours_aiogram, ours_ptb, ours_webhook]
    with postgres_database() as url:
        if url is not None:
            rows.append(bench_ours("ours: aiogram + PostgreSQL", "aiogram", users, url))
    ours_aiogram.note = f"{ratio(ours_aiogram, aiogram_base)} aiogram FSM"
    ours_ptb.note = f"{ratio(ours_ptb, ptb_base)} PTB ConversationHandler"
    limiter_row, _, _ = bench_limiter(100 if args.quick else 300)
    rows.append(limiter_row)

    base_rss, growth = idle_conversations_growth(idle)
    chat_s, chat_mb = chat_startup(1 if args.quick else 3)
    web_s, web_mb = web_startup(1 if args.quick else 3)
    facts = (
        f"- peak RSS of this benchmark process: {peak_rss_mb():.0f} MB\n"
        f"- {idle} idle conversations stored: RSS {base_rss:.0f} MB before, "
        f"{growth:+.1f} MB after\n"
        f"- start-up `python -m bot chat` to first prompt: {chat_s:.2f} s, {chat_mb:.0f} MB\n"
        f"- start-up `python -m bot web` to /healthz: {web_s:.2f} s, {web_mb:.0f} MB\n"
        f"- whole run: {time.perf_counter() - started:.0f} s, load average "
        f"{start_load:.2f} at start and {os.getloadavg()[0]:.2f} at the end (2 cores: above "
        "about 1, other processes took CPU time from this run)"
    )
    report = f"{table(rows)}\n\n{facts}"
    print()
    print(report)
    if not args.no_write:
        command = "python -m bench " + " ".join(sys.argv[1:])
        RESULTS.write_text(
            f"# Benchmark results\n\nProduced by `{command.strip()}`.\n\n"
            f"{facts_of_machine}\n\n{report}\n",
            encoding="utf-8",
        )
    return 0


raise SystemExit(main())
