"""The pure core: `step()` over the whole flow, no I/O."""

import time

from conversations import Conversation, EmailConfirmed, OrganizationCreated, step

from .flow import flow_events
from .stats import Row

__all__ = ["bench_core"]


def bench_core(users: int) -> Row:
    row = Row("core step() (pure)")
    started = time.perf_counter()
    for user in range(users):
        conv = Conversation()
        for event in [
            *flow_events(user),
            OrganizationCreated(org_id=user),
            EmailConfirmed(org_id=user),
        ]:
            t0 = time.perf_counter()
            conv, _ = step(conv, event)
            row.latencies.append(time.perf_counter() - t0)
            row.count += 1
    row.seconds = time.perf_counter() - started
    return row
