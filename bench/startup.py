"""Start-up: from process start until `chat` prints its first prompt, and until
`web` answers /healthz — seconds and the child's RSS at that moment.

On a loaded machine the wall clock mostly measures the scheduler; the
child's own CPU time at that moment (`/proc/<pid>/stat`) moves much less, so
`python -m bench.startup` prints both (best of N, on an already migrated
SQLite file: a first start also migrates)."""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from .stats import rss_mb

__all__ = ["chat_startup", "cpu_seconds", "web_startup"]

_TICKS = os.sysconf("SC_CLK_TCK")
_LAST_CPU: dict[str, float] = {}  # command → the least CPU time of its runs


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a running process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


def _env(workdir: str, port: int | None = None) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite+aiosqlite:///{workdir}/startup.db",
        "MAIL_DIR": f"{workdir}/mail",
        "LOG_LEVEL": "WARNING",
    }
    if port is not None:
        env["PORT"] = str(port)
    return env


def _migrated(workdir: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "bot", "migrate"], env=_env(workdir), check=True, cwd=workdir
    )


def chat_startup(runs: int = 3) -> tuple[float, float]:
    """Best of `runs`: (seconds, MB)."""
    results = []
    cpu: list[float] = []
    with tempfile.TemporaryDirectory() as workdir:
        _migrated(workdir)
        for _ in range(runs):
            started = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-m", "bot", "chat", "--user", "bench"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=_env(workdir),
                cwd=workdir,
            )
            assert child.stdout is not None
            child.stdout.readline()  # the first prompt line
            elapsed = time.perf_counter() - started
            memory = rss_mb(child.pid)
            cpu.append(cpu_seconds(child.pid))
            child.kill()
            child.wait()
            results.append((elapsed, memory))
    _LAST_CPU["chat"] = min(cpu)
    return min(results)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def web_startup(runs: int = 3, extra_env: dict[str, str] | None = None) -> tuple[float, float]:
    results = []
    cpu: list[float] = []
    with tempfile.TemporaryDirectory() as workdir:
        _migrated(workdir)
        for _ in range(runs):
            port = _free_port()
            started = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-m", "bot", "web"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env={**_env(workdir, port), **(extra_env or {})},
                cwd=workdir,
            )
            deadline = started + 60
            while time.perf_counter() < deadline:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                        break
                except OSError:
                    time.sleep(0.005)
            elapsed = time.perf_counter() - started
            memory = rss_mb(child.pid)
            cpu.append(cpu_seconds(child.pid))
            child.kill()
            child.wait()
            results.append((elapsed, memory))
    _LAST_CPU["web"] = min(cpu)
    return min(results)


if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    for name, measure in (("chat", chat_startup), ("web", web_startup)):
        seconds, memory = measure(runs)
        print(f"{name}: {seconds:.2f} s wall, {_LAST_CPU[name]:.2f} s CPU, {memory:.0f} MB")
