"""`/delete` deletes the organization's Stripe customer through the outbox:
retried while Stripe fails, done once (a 404 means an earlier attempt did it),
and the row keeps no customer id once done."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.cli import _orgs as cli_orgs
from bot.ops.clock import FrozenClock
from storage.models import OutboxRow
from storage.payments import DELETE_CUSTOMER
from tests.doubles.stripe_api import StripeDouble
from tests.payments.conftest import Payer


async def _deletion_rows(payer: Payer) -> list[OutboxRow]:
    async with payer.services.engine.sessions() as session:
        query = select(OutboxRow).where(OutboxRow.kind == DELETE_CUSTOMER)
        return list(await session.scalars(query))


async def _saved_then_deleted(payer: Payer, stripe_double: StripeDouble) -> str:
    await payer.sign_up("en", "EUR")
    await payer.work()
    await payer.post(stripe_double.complete(payer.session_id(), "card"))
    await payer.deliver()
    (customer_id,) = stripe_double.customers
    assert await payer.say("/delete") == ["delete-confirm"]
    assert await payer.say("yes") == ["delete-done"]
    return customer_id


async def test_delete_removes_the_stripe_customer(
    payer: Payer, stripe_double: StripeDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    customer_id = await _saved_then_deleted(payer, stripe_double)
    (row,) = await _deletion_rows(payer)
    # Only the id Stripe needs, in a row of no identity (it outlives the user).
    assert (row.payload, row.identity_id, row.done_at) == ({"customer_id": customer_id}, None, None)
    profile = await payer.profile()
    assert profile.status == "deleted"
    assert (profile.customer_id, profile.method_brand, profile.method_last4) == (None, None, None)

    await payer.services.worker.drain_once()
    assert customer_id not in stripe_double.customers
    assert customer_id in stripe_double.deleted_customers
    (row,) = await _deletion_rows(payer)
    assert row.done_at is not None and row.payload == {} and row.last_error is None
    deletes = [r for r in stripe_double.requests if r.method == "DELETE"]
    assert [(r.path, r.status) for r in deletes] == [(f"/v1/customers/{customer_id}", 200)]

    capsys.readouterr()
    await cli_orgs(payer.services.settings, True)
    assert '"status": "deleted"' in capsys.readouterr().out


async def test_deletion_is_retried_on_stripe_errors_and_a_404_counts_as_done(
    payer: Payer, stripe_double: StripeDouble, clock: FrozenClock
) -> None:
    customer_id = await _saved_then_deleted(payer, stripe_double)
    path = f"/v1/customers/{customer_id}"
    # Stripe fails (5xx) on every try of the first round: nothing deleted yet.
    stripe_double.fail_next(3, path=path)
    await payer.services.worker.drain_once()
    assert customer_id in stripe_double.customers
    (row,) = await _deletion_rows(payer)
    assert row.done_at is None and row.payload == {"customer_id": customer_id}
    # The next round deletes it, but every answer is lost.
    clock.advance(timedelta(minutes=1))
    stripe_double.fail_next(3, executed=True, path=path)
    await payer.services.worker.drain_once()
    assert customer_id in stripe_double.deleted_customers
    (row,) = await _deletion_rows(payer)
    assert row.done_at is None
    # The retry hears "no such customer": done, not an error, not deleted twice.
    clock.advance(timedelta(minutes=1))
    await payer.services.worker.drain_once()
    (row,) = await _deletion_rows(payer)
    assert row.done_at is not None and row.payload == {} and row.last_error is None
    statuses = [r.status for r in stripe_double.requests if r.method == "DELETE"]
    assert statuses.count(200) == 1 and statuses[-1] == 404
    clock.advance(timedelta(hours=1))
    assert await payer.services.worker.drain_once() == 0


async def test_delete_after_a_lost_answer_finds_the_customer_by_its_metadata(
    payer: Payer, stripe_double: StripeDouble, clock: FrozenClock
) -> None:
    await payer.sign_up("en", "EUR")
    # Stripe makes the customer, but we never hear its id.
    stripe_double.fail_next(3, executed=True, path="/v1/customers")
    assert await payer.work() == ["payment-link-delayed"]
    # More customers of the same Stripe account than one page holds, made
    # as recently and listed before it: only the metadata tells ours apart.
    for n in range(120):
        stripe_double.customers[f"cus_other{n}"] = {
            "id": f"cus_other{n}",
            "object": "customer",
            "created": int(clock.now().timestamp()),
            "email": "alice@acme.com",
            "metadata": {"org_id": str(payer.org_id + 1000 + n)},
        }
    (customer_id,) = (c for c in stripe_double.customers if not c.startswith("cus_other"))
    assert (await payer.profile()).customer_id is None
    assert await payer.say("/delete") == ["delete-confirm"]
    assert await payer.say("yes") == ["delete-done"]
    (row,) = await _deletion_rows(payer)
    assert set(row.payload) == {"customer_id", "org_id", "created_after"}  # nothing personal
    assert (row.payload["customer_id"], row.payload["org_id"]) == (None, payer.org_id)
    await payer.services.worker.drain_once()
    assert list(stripe_double.deleted_customers) == [customer_id]
    assert len(stripe_double.customers) == 120  # the others stay
    pages = [r for r in stripe_double.requests if (r.method, r.path) == ("GET", "/v1/customers")]
    assert len(pages) == 2
    (row,) = await _deletion_rows(payer)
    assert row.done_at is not None and row.payload == {}
