"""Whether the Stripe account really offers SEPA Direct Debit. Checkout takes
`allowed_payment_method_types` as a filter on what the account's payment
method configuration offers, so an account without SEPA silently shows cards
only: we ask Stripe (`GET /v1/payment_method_configurations`, the default
active configuration's `sepa_debit.available`) so that EUR users are told
the truth and operators read it in the log and in `orgs --json`."""

import logging
import time
from enum import StrEnum

import stripe

from bot.payments.client import StripeGateway
from bot.payments.fields import field

__all__ = ["SepaAvailability", "SepaDebit", "check_sepa_debit"]

log = logging.getLogger(__name__)

# How long one answer is trusted: an operator who turns SEPA on in the
# dashboard sees it used within this time, without a restart.
_TRUSTED_SECONDS = 600.0


class SepaDebit(StrEnum):
    OFFERED = "offered"
    UNAVAILABLE = "unavailable"
    UNKNOWN = "unknown"  # Stripe could not be asked


async def check_sepa_debit(gateway: StripeGateway) -> SepaDebit:
    try:
        found = await gateway.client.v1.payment_method_configurations.list_async(
            {"active": True, "limit": 100}
        )
    except stripe.StripeError as error:
        log.warning(
            "could not ask Stripe whether SEPA Direct Debit is offered: %s (HTTP %s)",
            type(error).__name__,
            error.http_status,
        )
        return SepaDebit.UNKNOWN
    # The account's own configurations (not a Connect platform's), the default first.
    configurations = [c for c in field(found, "data") or [] if not field(c, "application")]
    chosen = next((c for c in configurations if field(c, "is_default") is True), None)
    if chosen is None and configurations:
        chosen = configurations[0]
    available = field(field(chosen, "sepa_debit"), "available") is True
    return SepaDebit.OFFERED if available else SepaDebit.UNAVAILABLE


class SepaAvailability:
    """The last answer, asked again when it is older than ten minutes (or
    was no answer). A change is logged, an unavailable SEPA as a warning."""

    def __init__(self, gateway: StripeGateway) -> None:
        self.gateway = gateway
        self._known: SepaDebit | None = None
        self._asked_at = 0.0

    async def __call__(self) -> SepaDebit:
        now = time.monotonic()
        if self._known is not None and now - self._asked_at < _TRUSTED_SECONDS:
            return self._known
        found = await check_sepa_debit(self.gateway)
        if found is SepaDebit.UNKNOWN:
            # Asked again next time; the last real answer holds through an outage.
            return self._known or SepaDebit.UNKNOWN
        self._asked_at = now
        if found != self._known:
            if found is SepaDebit.UNAVAILABLE:
                log.warning(
                    "SEPA Direct Debit is not available on this Stripe account: EUR users are "
                    "offered cards only. Turn it on in the Stripe Dashboard (Settings → "
                    "Payment methods)."
                )
            elif found is SepaDebit.OFFERED:
                log.info("SEPA Direct Debit is available on this Stripe account")
        self._known = found
        return found
