"""Prometheus metrics of this process. Counters live in the process that does
the work; gauges about shared state (the outbox) are read from the database
when scraped."""

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

__all__ = [
    "CONTENT_TYPE",
    "REGISTRY",
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
OUTBOX_DEPTH = Gauge("onboarding_outbox_depth", "Outbox rows not done yet", registry=REGISTRY)
OUTBOX_OLDEST = Gauge(
    "onboarding_outbox_oldest_age_seconds",
    "Age of the oldest outbox row not done yet (0 when empty)",
    registry=REGISTRY,
)


HANDOFFS_OPEN = Gauge(
    "onboarding_handoffs_open",
    "Support tickets open, taken or escalated (not closed)",
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


def render_metrics(outbox_depth: int, oldest_age_seconds: float, handoffs_open: int) -> bytes:
    HANDOFFS_OPEN.set(handoffs_open)
    OUTBOX_DEPTH.set(outbox_depth)
    OUTBOX_OLDEST.set(oldest_age_seconds)
    return generate_latest(REGISTRY)
