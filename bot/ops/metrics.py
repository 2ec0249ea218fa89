"""Prometheus metrics of this process. Counters live in the process that does
the work; gauges about shared state (the outbox, open tickets) are read from
the database when scraped. When the database cannot be read, the scrape says
so (`onboarding_database_up 0`) and leaves those gauges out: a made-up 0
would tell an alert that the outbox is empty while rows wait.

prometheus_client is imported with the first metric recorded or read, not at
start: its package imports its HTTP exposition servers (http.server,
wsgiref), about 50 ms that `chat` would spend before its first prompt."""

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from prometheus_client import CollectorRegistry, Counter, Histogram

    REGISTRY: CollectorRegistry

__all__ = [
    "CONTENT_TYPE",
    "REGISTRY",
    "SharedState",
    "external_call",
    "render_metrics",
    "step_transition",
    "update_handled",
]

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


@dataclass(frozen=True)
class _Metrics:
    registry: "CollectorRegistry"
    updates: "Counter"
    update_seconds: "Histogram"
    transitions: "Counter"
    calls: "Counter"


@cache
def _metrics() -> _Metrics:
    from prometheus_client import CollectorRegistry, Counter, Histogram

    registry = CollectorRegistry(auto_describe=True)
    return _Metrics(
        registry=registry,
        updates=Counter(
            "onboarding_updates", "Updates handled, by channel", ["channel"], registry=registry
        ),
        update_seconds=Histogram(
            "onboarding_update_seconds",
            "Time to handle one update (one database transaction)",
            ["channel"],
            registry=registry,
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
        ),
        transitions=Counter(
            "onboarding_step_transitions",
            "Conversations moving from one step to another",
            ["from_step", "to_step"],
            registry=registry,
        ),
        calls=Counter(
            "onboarding_external_calls",
            "Calls to outside services (email, stripe, telegram, slack) by outcome",
            ["service", "outcome"],
            registry=registry,
        ),
    )


def __getattr__(name: str) -> Any:
    if name == "REGISTRY":  # this process's registry, made on first use
        return _metrics().registry
    raise AttributeError(name)


def update_handled(channel: str, seconds: float) -> None:
    metrics = _metrics()
    metrics.updates.labels(channel).inc()
    metrics.update_seconds.labels(channel).observe(seconds)


def step_transition(from_step: str, to_step: str) -> None:
    _metrics().transitions.labels(from_step, to_step).inc()


def external_call(service: str, outcome: str) -> None:
    """`outcome` is one of: ok, retry, failed."""
    _metrics().calls.labels(service, outcome).inc()


@dataclass(frozen=True)
class SharedState:
    """What one scrape read from the database."""

    outbox_depth: int
    outbox_oldest_age_seconds: float
    handoffs_open: int


def _shared_gauges(shared: SharedState | None) -> "CollectorRegistry":
    from prometheus_client import CollectorRegistry, Gauge

    # A registry per scrape: a gauge that is not registered is not exported,
    # which is how "unknown" is said (Prometheus then sees the series absent).
    registry = CollectorRegistry(auto_describe=True)
    Gauge(
        "onboarding_database_up",
        "1 when this scrape could read the database, 0 when it could not",
        registry=registry,
    ).set(0 if shared is None else 1)
    if shared is None:
        return registry
    Gauge("onboarding_outbox_depth", "Outbox rows not done yet", registry=registry).set(
        shared.outbox_depth
    )
    Gauge(
        "onboarding_outbox_oldest_age_seconds",
        "Age of the oldest outbox row not done yet (0 when empty)",
        registry=registry,
    ).set(shared.outbox_oldest_age_seconds)
    Gauge(
        "onboarding_handoffs_open",
        "Support tickets open, taken or escalated (not closed)",
        registry=registry,
    ).set(shared.handoffs_open)
    return registry


def render_metrics(shared: SharedState | None) -> bytes:
    """The exposition text; `shared` is None when the database was unreachable."""
    from prometheus_client import generate_latest

    return generate_latest(_metrics().registry) + generate_latest(_shared_gauges(shared))
