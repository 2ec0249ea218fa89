"""`python -m bench [--users N] [--quick]`: one run, one table, written to
bench/RESULTS.md with the command that produced it."""

import argparse
import os
import platform
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from .baselines import bench_aiogram_bare, bench_aiogram_fsm, bench_ptb_conversation
from .core import bench_core
from .limiter import bench_limiter
from .memory import idle_conversations_growth
from .ours import bench_ours
from .outbox_drain import bench_outbox_drain
from .peers import SQLitePersistence, redis_storage_factory, redis_url
from .pg import postgres_database
from .profile import profile_ours
from .startup import chat_startup, web_startup
from .statements import STEP_NAMES, statements_by_step
from .stats import Row, peak_rss_mb, percentile, table
from .web_chat import idle_web_chat

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
        for name in (
            "aiogram",
            "python-telegram-bot",
            "sqlalchemy",
            "aiosqlite",
            "asyncpg",
            "redis",
            "pydantic",
        )
    )
    load = os.getloadavg()[0]
    return (
        f"- CPU: {cpu}, {os.cpu_count()} cores, load average {load:.2f} at start\n"
        f"- Python {platform.python_version()} on {platform.system()} {platform.release()}\n"
        f"- {libs}"
    )


def ratio(ours: Row, baseline: Row | None) -> str:
    return f"{ours.rate / baseline.rate:.2f}×" if baseline is not None else "—"


def _check(met: bool | None) -> str:
    return "—" if met is None else ("met" if met else "**missed**")


def _targets(
    *,
    ours_aiogram: Row,
    aiogram_base: Row,
    aiogram_redis: Row | None,
    ours_ptb: Row,
    ptb_base: Row,
    known_max: float,
    save_step: float,
    drain: tuple[Row, Row] | None,
    chat_s: float,
    web_s: float,
    web_chat: Row,
) -> str:
    """The issue's targets, as ratios of rows of this same run."""
    p99 = percentile(ours_aiogram.latencies, 99) * 1000
    lines: list[tuple[str, str, bool | None]] = [
        (
            "aiogram + SQLite ≥ 1.5× aiogram + RedisStorage",
            f"{ratio(ours_aiogram, aiogram_redis)}" if aiogram_redis else "no Redis",
            ours_aiogram.rate >= 1.5 * aiogram_redis.rate if aiogram_redis else None,
        ),
        (
            "aiogram + SQLite ≥ 0.5× aiogram in memory",
            ratio(ours_aiogram, aiogram_base),
            ours_aiogram.rate >= 0.5 * aiogram_base.rate,
        ),
        (
            "PTB + SQLite ≥ 0.5× PTB in memory",
            ratio(ours_ptb, ptb_base),
            ours_ptb.rate >= 0.5 * ptb_base.rate,
        ),
        (
            "≤ 6 statements for a known user's update",
            f"{known_max:.0f} at most (steps 2-5); the save step {save_step:.0f}",
            known_max <= 6 and save_step <= 6,
        ),
        ("p99 < 20 ms, 8 users at once (aiogram + SQLite)", f"{p99:.0f} ms", p99 < 20),
        (
            "2 workers drain the outbox ≥ 1.8× as fast as 1 (PostgreSQL)",
            ratio(drain[1], drain[0]) if drain else "no PostgreSQL",
            drain[1].rate >= 1.8 * drain[0].rate if drain else None,
        ),
        ("`chat` ready in < 1 s", f"{chat_s:.2f} s", chat_s < 1),
        ("`web` ready in < 1 s", f"{web_s:.2f} s", web_s < 1),
        ("web chat: 1 000 idle connections, memory per connection", web_chat.note, None),
    ]
    body = "\n".join(f"| {name} | {value} | {_check(met)} |" for name, value, met in lines)
    return f"| target | this run | |\n|---|---|---|\n{body}"


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
    floor = bench_aiogram_bare(users)
    aiogram_base = bench_aiogram_fsm(users)
    url_of_redis = redis_url()
    aiogram_redis = (
        bench_aiogram_fsm(
            users, redis_storage_factory(url_of_redis), "peer: aiogram FSM, RedisStorage"
        )
        if url_of_redis is not None
        else None
    )
    ptb_base = bench_ptb_conversation(users)
    with tempfile.TemporaryDirectory() as workdir:
        ptb_sqlite = bench_ptb_conversation(
            users,
            lambda: SQLitePersistence(Path(workdir) / "ptb.db"),
            "peer: PTB ConversationHandler, SQLite persistence",
        )
    ours_aiogram = bench_ours("ours: aiogram + SQLite", "aiogram", users)
    ours_ptb = bench_ours("ours: PTB + SQLite", "ptb", users)
    ours_webhook = bench_ours("ours: webhook (HTTP) + SQLite", "webhook", users)
    rows += [floor, aiogram_base]
    rows += [aiogram_redis] if aiogram_redis is not None else []
    rows += [ptb_base, ptb_sqlite, ours_aiogram, ours_ptb, ours_webhook]
    ours_pg = None
    with postgres_database() as url:
        if url is not None:
            ours_pg = bench_ours("ours: aiogram + PostgreSQL", "aiogram", users, url)
            rows.append(ours_pg)
    floor.note = "the library alone: one catch-all handler"
    aiogram_base.note = "keeps nothing"
    ptb_base.note = "keeps nothing"
    if aiogram_redis is not None:
        aiogram_redis.note = f"{ratio(aiogram_redis, aiogram_base)} aiogram in memory"
    ptb_sqlite.note = f"{ratio(ptb_sqlite, ptb_base)} PTB in memory"
    ours_aiogram.note = f"{ratio(ours_aiogram, aiogram_base)} aiogram in memory" + (
        f", {ratio(ours_aiogram, aiogram_redis)} aiogram + Redis"
        if aiogram_redis is not None
        else ""
    )
    ours_ptb.note = (
        f"{ratio(ours_ptb, ptb_base)} PTB in memory, {ratio(ours_ptb, ptb_sqlite)} PTB + SQLite"
    )
    limiter_row, _, _ = bench_limiter(100 if args.quick else 300)
    rows.append(limiter_row)
    drain = bench_outbox_drain(100 if args.quick else 400)
    if drain is not None:
        one, two = drain
        two.note = f"{ratio(two, one)} one worker; {two.note}"
        rows += [one, two]
    web_chat = idle_web_chat(100 if args.quick else 1000)
    rows.append(web_chat)

    by_step = statements_by_step(10 if args.quick else 30)
    known = by_step[1:]
    profile = profile_ours(20 if args.quick else 60)
    base_rss, growth = idle_conversations_growth(idle)
    chat_s, chat_mb = chat_startup(1 if args.quick else 3)
    web_s, web_mb = web_startup(1 if args.quick else 3)
    steps = "\n".join(
        f"| {name} | {count:.1f} |" for name, count in zip(STEP_NAMES, by_step, strict=True)
    )
    statements = (
        "SQL statements per update of our aiogram + SQLite path, users one at a time:\n\n"
        f"| step | statements |\n|---|---|\n{steps}"
    )
    targets = _targets(
        ours_aiogram=ours_aiogram,
        aiogram_base=aiogram_base,
        aiogram_redis=aiogram_redis,
        ours_ptb=ours_ptb,
        ptb_base=ptb_base,
        known_max=max(known[:-1]),
        save_step=known[-1],
        drain=drain,
        chat_s=chat_s,
        web_s=web_s,
        web_chat=web_chat,
    )
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
    facts = f"{facts}\n\n{targets}\n\n{statements}\n\n{profile}"
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
