"""STRIPE_CHECKOUT_TTL, any value the configuration accepts (30 minutes to
24 hours), makes exactly one link: `expires_at` is counted from the request
when that still fits Stripe's window (30 min–24 h after the session is made,
with a two-minute margin), and from the moment of the API call otherwise.
The clock here moves on every reading, as a real one does while the worker
runs: that is what made PT30M loop for ever before."""

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.payments.checkout import LONGEST, SHORTEST, checkout_lifetime, link_expiry
from bot.services import open_services
from bot.steps.engine import PAYMENT_LINK
from storage.models import OutboxRow
from tests.doubles.stripe_api import StripeDouble
from tests.payments.conftest import Payer, serve, with_stripe


class TickingClock(FrozenClock):
    """Each reading is a second after the previous one."""

    def now(self) -> datetime:
        self.advance(timedelta(seconds=1))
        return super().now()


async def _payer(settings: Settings, ttl: timedelta) -> AsyncIterator[tuple[Payer, StripeDouble]]:
    clock = TickingClock()
    double = StripeDouble(now=lambda: clock.now().timestamp())
    await double.start()
    services = open_services(with_stripe(settings, double, stripe_checkout_ttl=ttl), clock=clock)
    runner, url = await serve(services)
    try:
        yield Payer(services, url, double), double
    finally:
        await runner.cleanup()
        await services.close()
        await double.stop()


async def _link_rows(payer: Payer) -> int:
    async with payer.services.engine.sessions() as session:
        query = select(func.count()).select_from(OutboxRow).where(OutboxRow.kind == PAYMENT_LINK)
        return int(await session.scalar(query) or 0)


@pytest.mark.parametrize(
    ("ttl", "late"),
    [
        (timedelta(minutes=30), timedelta(0)),
        (timedelta(minutes=30), timedelta(minutes=20)),
        (timedelta(minutes=45), timedelta(minutes=30)),
        (timedelta(hours=24), timedelta(0)),
        (timedelta(hours=24), timedelta(hours=3)),
        (timedelta(hours=24), timedelta(hours=30)),  # the worker was down for more than a day
    ],
)
async def test_every_accepted_ttl_makes_exactly_one_link(
    settings: Settings, ttl: timedelta, late: timedelta
) -> None:
    async for payer, double in _payer(settings, ttl):
        await payer.sign_up("en", "EUR")
        requested = (await payer.profile()).link_requested_at
        assert requested is not None
        clock = payer.services.engine.clock
        assert isinstance(clock, FrozenClock)
        clock.advance(late)
        for _ in range(3):  # like `worker --once`, run after run
            assert await asyncio.wait_for(payer.work(), timeout=60) in (["payment-link"], [])
        assert len(double.created("/v1/checkout/sessions")) == 1
        assert await _link_rows(payer) == 1
        (session,) = double.sessions.values()
        created = session["created"]
        lifetime = timedelta(seconds=session["expires_at"] - created)
        assert timedelta(minutes=30) <= lifetime <= timedelta(hours=24)
        profile = await payer.profile()
        assert (profile.status, profile.generation) == ("link_sent", 1)
        from_request = int((requested + checkout_lifetime(ttl)).timestamp())
        if ttl - late > timedelta(hours=1):
            # Still well inside the window: counted from the request, as configured.
            assert session["expires_at"] == from_request
        else:
            # Too late for that: the configured lifetime, counted from the call.
            assert session["expires_at"] > from_request
            assert checkout_lifetime(ttl) - timedelta(minutes=1) < lifetime
            assert lifetime <= checkout_lifetime(ttl)


def test_the_lifetime_stays_inside_stripes_window() -> None:
    for minutes in (30, 31, 45, 60 * 12, 60 * 24):
        lifetime = checkout_lifetime(timedelta(minutes=minutes))
        assert timedelta(minutes=30) < SHORTEST <= lifetime <= LONGEST < timedelta(hours=24)
    t0 = datetime(2026, 1, 1)
    ttl = timedelta(minutes=30)
    assert link_expiry(t0, ttl, t0) == t0 + SHORTEST
    assert link_expiry(t0, ttl, t0 + timedelta(seconds=1)) is None  # too late: count from now
    day = timedelta(hours=24)
    assert link_expiry(t0, day, t0 + timedelta(hours=23, minutes=40)) is None
    assert link_expiry(t0, day, t0 + timedelta(hours=3)) == t0 + LONGEST
