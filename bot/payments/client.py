"""One `StripeClient` per process: async HTTP over aiohttp (already our web
stack), retries set explicitly, the API base from settings so tests and local
runs can point it at a double. Idempotency keys are derived from our own ids."""

from datetime import datetime

import aiohttp
import stripe

from bot.config import Settings

__all__ = ["StripeGateway", "idempotency_key", "is_misconfiguration", "is_transient"]

MAX_NETWORK_RETRIES = 2
TIMEOUT_SECONDS = 30


class StripeGateway:
    def __init__(self, settings: Settings) -> None:
        assert settings.stripe_secret_key is not None
        # The current signing secret, then the one being rotated out (if any).
        self.webhook_secrets = settings.stripe_webhook_secrets
        self._http = stripe.AIOHTTPClient(timeout=aiohttp.ClientTimeout(total=TIMEOUT_SECONDS))
        self.client = stripe.StripeClient(
            settings.stripe_secret_key.get_secret_value(),
            base_addresses={"api": settings.stripe_api_base.rstrip("/")},
            max_network_retries=MAX_NETWORK_RETRIES,
            http_client=self._http,
        )

    async def close(self) -> None:
        await self._http.close_async()  # type: ignore[no-untyped-call]


def idempotency_key(org_id: int, created_at: datetime, *parts: str | int) -> str:
    """Stable across retries of the same step, distinct between organizations
    (the creation time keeps two databases sharing one Stripe account apart)."""
    suffix = "-".join(str(p) for p in parts)
    return f"proficonf-org-{org_id}-{int(created_at.timestamp())}-{suffix}"


def is_transient(error: stripe.StripeError) -> bool:
    """Worth retrying later: Stripe unreachable, rate limited or failing (5xx)."""
    if isinstance(error, stripe.APIConnectionError | stripe.RateLimitError):
        return True
    status = error.http_status or 0
    return status >= 500 or status == 409


def is_misconfiguration(error: stripe.StripeError) -> bool:
    """A 4xx that retrying cannot fix: a wrong key, a missing permission, a
    parameter Stripe rejects."""
    status = error.http_status or 0
    return 400 <= status < 500 and status not in (409, 429)
