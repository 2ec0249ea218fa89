"""Hostile and odd deliveries on `POST /stripe/webhook`, each signed with the
real algorithm: the signature is checked first, then the JSON (one reader,
depth-limited), then the event's shape; every field of Stripe's objects may
be missing. The answer follows the table in SECURITY.md: nothing here may be
a 5xx except Stripe itself being unreachable (then Stripe redelivers)."""

import copy
import logging
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.ops.metrics import REGISTRY
from storage.conversations import was_processed
from tests.doubles.stripe_api import StripeDouble, sign
from tests.payments.conftest import WEBHOOK_SECRET, Payer


async def _ready(payer: Payer, language: str = "en", currency: str = "EUR") -> str:
    await payer.sign_up(language, currency)
    await payer.work()
    return payer.session_id()


def _count(outcome: str) -> float:
    return REGISTRY.get_sample_value("onboarding_stripe_events_total", {"outcome": outcome}) or 0.0


async def _recorded(payer: Payer, event_id: object) -> bool:
    async with payer.services.engine.sessions() as session:
        return await was_processed(session, "stripe", str(event_id))


def _reshaped(event: dict[str, Any], change: str) -> dict[str, Any]:
    bad = copy.deepcopy(event)
    if change == "id-number":
        bad["id"] = 5
    elif change == "id-null":
        bad["id"] = None
    elif change == "id-empty":
        bad["id"] = ""
    elif change == "id-path":
        bad["id"] = "../../v1/customers"
    elif change == "id-huge":
        bad["id"] = "evt_" + "a" * 5000
    elif change == "no-id":
        del bad["id"]
    elif change == "type-number":
        bad["type"] = 7
    elif change == "no-type":
        del bad["type"]
    elif change == "data-empty":
        bad["data"] = {}
    elif change == "data-list":
        bad["data"] = []
    elif change == "object-string":
        bad["data"] = {"object": "cs_test_123"}
    elif change == "object-without-id":
        del bad["data"]["object"]["id"]
    elif change == "object-id-number":
        bad["data"]["object"]["id"] = 12
    return bad


SHAPES = [
    "id-number",
    "id-null",
    "id-empty",
    "id-path",
    "id-huge",
    "no-id",
    "type-number",
    "no-type",
    "data-empty",
    "data-list",
    "object-string",
    "object-without-id",
    "object-id-number",
]


@pytest.mark.parametrize("change", SHAPES)
async def test_signed_event_of_an_unusable_shape_is_acknowledged_and_changes_nothing(
    payer: Payer, stripe_double: StripeDouble, caplog: pytest.LogCaptureFixture, change: str
) -> None:
    session_id = await _ready(payer)
    event = stripe_double.complete(session_id)
    before = _count("malformed")
    requests = len(stripe_double.requests)
    with caplog.at_level(logging.WARNING, logger="bot"):
        assert await payer.post(_reshaped(event, change)) == (200, "ignored")
    assert _count("malformed") == before + 1
    assert "ignored" in caplog.text and WEBHOOK_SECRET not in caplog.text
    assert len(stripe_double.requests) == requests  # nothing was looked up
    assert await payer.deliver() == []
    assert (await payer.profile()).status == "link_sent"
    # The genuine event still does its work afterwards.
    assert await payer.post(event) == (200, "ok")
    assert await payer.deliver() == ["onboarding-done", "credit-left"]


@pytest.mark.parametrize("signed", [True, False])
async def test_deeply_nested_json_is_refused_without_a_500(
    payer: Payer, stripe_double: StripeDouble, signed: bool
) -> None:
    await _ready(payer)
    deep = (
        b'{"id": "evt_deep", "type": "checkout.session.completed", "data": '
        + (b"[" * 5000 + b"]" * 5000)
        + b"}"
    )
    header = sign(deep, WEBHOOK_SECRET) if signed else sign(deep, "whsec_someone_else")
    status, text = await payer.post({}, body=deep, header=header)
    assert status == 400
    # Unsigned: refused before any parsing. Signed: refused by the JSON reader.
    assert text == ("invalid payload" if signed else "invalid signature")
    assert not await _recorded(payer, "evt_deep")


@pytest.mark.parametrize(
    "body", [b"[]", b'"event"', b"5", b"null", b'{"id": NaN}', b"\xff\xfe{}", b"{"]
)
async def test_signed_body_that_is_no_json_object_is_refused(payer: Payer, body: bytes) -> None:
    await _ready(payer)
    status, _ = await payer.post({}, body=body, header=sign(body, WEBHOOK_SECRET))
    assert status == 400


async def test_object_stripe_does_not_know_is_acknowledged_not_recorded(
    payer: Payer, stripe_double: StripeDouble
) -> None:
    session_id = await _ready(payer)
    made_up = stripe_double.event(
        "checkout.session.completed", {**stripe_double.sessions[session_id], "id": "cs_test_nope"}
    )
    before = _count("unknown_object")
    assert await payer.post(made_up) == (200, "ignored")
    assert _count("unknown_object") == before + 1
    assert not await _recorded(payer, made_up["id"])
    assert (await payer.profile()).status == "link_sent"


async def test_our_key_refused_during_a_lookup_asks_for_redelivery(
    payer: Payer, stripe_double: StripeDouble, caplog: pytest.LogCaptureFixture
) -> None:
    session_id = await _ready(payer)
    event = stripe_double.complete(session_id)
    key = stripe_double.api_key
    stripe_double.api_key = "sk_test_rotated"  # ours is no longer accepted
    with caplog.at_level(logging.ERROR, logger="bot"):
        assert await payer.post(event) == (500, "temporarily unavailable")
    assert "Check STRIPE_SECRET_KEY" in caplog.text and key not in caplog.text
    assert not await _recorded(payer, event["id"])
    stripe_double.api_key = key  # the operator fixed it: Stripe's redelivery works
    assert await payer.post(event) == (200, "ok")


async def test_setup_intent_without_error_or_metadata_is_read_safely(
    payer: Payer, stripe_double: StripeDouble
) -> None:
    session_id = await _ready(payer, "it")
    failed = stripe_double.fail_setup(session_id)
    intent = stripe_double.setup_intents[stripe_double.sessions[session_id]["setup_intent"]]
    del intent["last_setup_error"]  # Stripe said it failed, and nothing about why
    assert await payer.post(failed) == (200, "ok")
    assert await payer.deliver() == ["payment-failed"]
    assert (await payer.profile()).failure_reason == "— (no code)"

    session_id = (await payer.work(), payer.session_id())[1]
    failed = stripe_double.fail_setup(session_id)
    intent = stripe_double.setup_intents[stripe_double.sessions[session_id]["setup_intent"]]
    intent["last_setup_error"] = {"code": 5, "message": None}
    del intent["metadata"]  # no org_id: not ours to act on
    assert await payer.post(failed) == (200, "ok")
    assert await payer.deliver() == []
    assert (await payer.profile()).status == "link_sent"


@pytest.mark.parametrize("missing", ["customer", "setup_intent", "client_reference_id", "mode"])
async def test_completed_session_with_fields_missing_or_null_changes_nothing(
    payer: Payer, stripe_double: StripeDouble, missing: str
) -> None:
    session_id = await _ready(payer)
    event = stripe_double.complete(session_id)
    stripe_double.sessions[session_id][missing] = None
    assert await payer.post(event) == (200, "ok")
    assert await payer.deliver() == []
    assert (await payer.profile()).status == "link_sent"


@pytest.mark.parametrize("missing", ["payment_method", "mandate", "status"])
async def test_setup_intent_with_fields_missing_changes_nothing_or_saves_what_is_known(
    payer: Payer, stripe_double: StripeDouble, missing: str
) -> None:
    session_id = await _ready(payer)
    event = stripe_double.complete(session_id, "sepa_debit", mandate_status="pending")
    intent = stripe_double.setup_intents[stripe_double.sessions[session_id]["setup_intent"]]
    del intent[missing]
    assert await payer.post(event) == (200, "ok")
    if missing == "mandate":  # the method is saved; its mandate is told later
        assert await payer.deliver() == ["onboarding-done", "credit-left"]
        assert (await payer.profile()).mandate_status == "pending"
    else:
        assert await payer.deliver() == []
        assert (await payer.profile()).status == "link_sent"


async def test_payment_method_without_details_is_saved_without_inventing_any(
    payer: Payer, stripe_double: StripeDouble
) -> None:
    session_id = await _ready(payer, "en", "USD")
    event = stripe_double.complete(session_id, "card")
    (method,) = stripe_double.payment_methods.values()
    method["card"] = None
    assert await payer.post(event) == (200, "ok")
    assert await payer.deliver() == ["onboarding-done", "credit-left"]
    profile = await payer.profile()
    assert (profile.status, profile.method_type, profile.method_last4) == ("saved", "card", "")


@pytest.mark.parametrize("status", [None, 5, "revoked"])
async def test_mandate_with_an_odd_status_changes_nothing(
    payer: Payer, stripe_double: StripeDouble, status: object
) -> None:
    session_id = await _ready(payer)
    await payer.post(stripe_double.complete(session_id, "sepa_debit", mandate_status="pending"))
    await payer.deliver()
    (mandate_id,) = stripe_double.mandates
    stripe_double.mandates[mandate_id]["status"] = status
    event = stripe_double.event("mandate.updated", stripe_double.mandates[mandate_id])
    assert await payer.post(event) == (200, "ok")
    assert await payer.deliver() == []
    assert (await payer.profile()).mandate_status == "pending"


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "id": JSON | st.from_regex(r"evt_[a-z0-9]{1,8}", fullmatch=True),
        "type": JSON
        | st.sampled_from(
            [
                "checkout.session.completed",
                "checkout.session.expired",
                "setup_intent.succeeded",
                "setup_intent.setup_failed",
                "mandate.updated",
            ]
        ),
        "data": JSON | st.fixed_dictionaries({"object": JSON}),
    },
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(event=FIELDS)
async def test_any_signed_event_is_answered_200_or_400(payer: Payer, event: dict[str, Any]) -> None:
    """Whatever a signed body holds: never a 5xx (Stripe is up here)."""
    status, _ = await payer.post(event)
    assert status in (200, 400), event
