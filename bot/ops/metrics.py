"""Prometheus metrics of this process. Counters live in the process that does
the work; gauges about shared state (the outbox, open tickets) are read from
the database when scraped. When the database cannot be read, the scrape says
so (`onboarding_database_up 0`) and leaves those gauges out: a made-up 0
would tell an alert that the outbox is empty while rows wait."""

from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

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
REGISTRY = CollectorRegistry(auto_describe=True)

UPDATES = Counter(
    "onboarding_updates", "Updates handled, by channel", ["channel"], registry=REGISTRY
)
UPDATE_SECONDS = Histogram(
    "onboarding_update_seconds",
    "Time to handle one update (one database transaction)",
    ["channel"],
    registry=REGISTRY,
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
)
TRANSITIONS = Counter(
    "onboarding_step_transitions",
    "Conversations moving from one step to another",
    ["from_step", "to_step"],
    registry=REGISTRY,
)
CALLS = Counter(
    "onboarding_external_calls",
    "Calls to outside services (email, stripe, telegram, slack) by outcome",
    ["service", "outcome"],
    registry=REGISTRY,
)


def update_handled(channel: str, seconds: float) -> None:
    UPDATES.labels(channel).inc()
    UPDATE_SECONDS.labels(channel).observe(seconds)


def step_transition(from_step: str, to_step: str) -> None:
    TRANSITIONS.labels(from_step, to_step).inc()


def external_call(service: str, outcome: str) -> None:
    """`outcome` is one of: ok, retry, failed."""
    CALLS.labels(service, outcome).inc()


@dataclass(frozen=True)
class SharedState:
    """What one scrape read from the database."""

    outbox_depth: int
    outbox_oldest_age_seconds: float
    handoffs_open: int


def _shared_gauges(shared: SharedState | None) -> CollectorRegistry:
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
    return generate_latest(REGISTRY) + generate_latest(_shared_gauges(shared))
