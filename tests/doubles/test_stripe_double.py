"""The double refuses what Stripe refuses, through the real stripe library:
parameters are checked against the package's own typed definitions."""

from collections.abc import AsyncIterator

import aiohttp
import pytest
import stripe

from tests.doubles.stripe_api import StripeDouble


@pytest.fixture
async def double() -> AsyncIterator[StripeDouble]:
    started = StripeDouble()
    await started.start()
    yield started
    await started.stop()


@pytest.fixture
async def client(double: StripeDouble) -> AsyncIterator[stripe.StripeClient]:
    http = stripe.AIOHTTPClient(timeout=aiohttp.ClientTimeout(total=10))
    yield stripe.StripeClient(
        double.api_key,
        base_addresses={"api": double.base_url},
        max_network_retries=0,
        http_client=http,
    )
    await http.close_async()  # type: ignore[no-untyped-call]


async def _customer(client: stripe.StripeClient) -> str:
    return (await client.v1.customers.create_async({"email": "a@acme.com"})).id


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"payment_method_types": ["card"]}, "unknown parameter: payment_method_types"),
        ({"locale": "xx"}, "Invalid locale"),
        ({"setup_intent_data": {"color": "red"}}, "unknown parameter: setup_intent_data[color]"),
        ({"expires_at": 1}, "expires_at"),
        ({"allowed_payment_method_types": ["sepa_debit"], "currency": "usd"}, "No valid"),
    ],
)
async def test_session_parameters_stripe_would_reject(
    double: StripeDouble, client: stripe.StripeClient, extra: dict[str, object], message: str
) -> None:
    params = {
        "mode": "setup",
        "customer": await _customer(client),
        "currency": "eur",
        "success_url": "https://example.com/ok",
        **extra,
    }
    with pytest.raises(stripe.InvalidRequestError, match=message.replace("[", r"\[")):
        await client.v1.checkout.sessions.create_async(params)  # type: ignore[arg-type]
    assert double.sessions == {}


async def test_idempotency_key_replays_and_guards_parameters(
    double: StripeDouble, client: stripe.StripeClient
) -> None:
    first = await client.v1.customers.create_async(
        {"email": "a@acme.com"}, {"idempotency_key": "k"}
    )
    again = await client.v1.customers.create_async(
        {"email": "a@acme.com"}, {"idempotency_key": "k"}
    )
    assert first.id == again.id and len(double.customers) == 1
    with pytest.raises(stripe.IdempotencyError):
        await client.v1.customers.create_async({"email": "b@acme.com"}, {"idempotency_key": "k"})


async def test_wrong_key_and_unknown_objects(double: StripeDouble) -> None:
    http = stripe.AIOHTTPClient()
    wrong = stripe.StripeClient(
        "sk_test_nope", base_addresses={"api": double.base_url}, http_client=http
    )
    with pytest.raises(stripe.AuthenticationError):
        await wrong.v1.customers.create_async({"email": "a@acme.com"})
    right = stripe.StripeClient(
        double.api_key, base_addresses={"api": double.base_url}, http_client=http
    )
    with pytest.raises(stripe.InvalidRequestError, match="No such setup_intent"):
        await right.v1.setup_intents.retrieve_async("seti_missing")
    await http.close_async()  # type: ignore[no-untyped-call]


async def test_expire_only_open_sessions(double: StripeDouble, client: stripe.StripeClient) -> None:
    session = await client.v1.checkout.sessions.create_async(
        {
            "mode": "setup",
            "customer": await _customer(client),
            "currency": "usd",
            "allowed_payment_method_types": ["card"],
            "success_url": "https://example.com/ok",
        }
    )
    assert session.payment_method_types == ["card"] and session.setup_intent
    expired = await client.v1.checkout.sessions.expire_async(session.id)
    assert expired.status == "expired"
    with pytest.raises(stripe.InvalidRequestError, match="can be expired"):
        await client.v1.checkout.sessions.expire_async(session.id)
