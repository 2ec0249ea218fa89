"""Free loopback ports for servers a test starts later or hands to a subprocess.

Asking the kernel for port 0 and closing the socket leaves a window in which
someone else on the machine is handed the same port: the other xdist worker's
test, or any outgoing connection (those take ephemeral ports too). So each
worker takes ports in turn from its own block below the ephemeral range
(Linux: 32768-60999) and checks each one is free; the starting point depends
on the process id, so two test runs on one machine start apart as well."""

import itertools
import os
import socket

__all__ = ["free_port"]

_BASE = 20_000
_BLOCK = 500
_BLOCKS = 24  # 20000-31999: below the ephemeral range
_turn = itertools.count(os.getpid())


def _worker_index() -> int:
    digits = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    return int(digits) if digits.isdigit() else 0


def free_port() -> int:
    start = _BASE + (_worker_index() % _BLOCKS) * _BLOCK
    for _ in range(_BLOCK):
        port = start + next(_turn) % _BLOCK
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise RuntimeError(f"no free port in {start}-{start + _BLOCK - 1}")
