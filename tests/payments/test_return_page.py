"""The page Checkout returns the user to says what we know of that session:
saved, still being confirmed, not added, or not ours — over real HTTP."""

import html

import aiohttp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage import payments as payments_repo
from tests.doubles.stripe_api import StripeDouble

from .conftest import Payer


async def _ready(payer: Payer, language: str = "en") -> str:
    await payer.sign_up(language, "EUR")
    await payer.work()
    return payer.session_id()


async def _page(payer: Payer, query: str) -> tuple[int, str]:
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{payer.web_url}/payment/done{query}") as response,
    ):
        return response.status, await response.text()


def _says(payer: Payer, language: str, text_id: str, page: str) -> bool:
    return html.escape(payer.services.translator.format(language, text_id)) in page


async def test_saved_once_the_webhook_recorded_it(
    payer: Payer, stripe_double: StripeDouble
) -> None:
    session_id = await _ready(payer, "ru")
    assert await payer.post(stripe_double.complete(session_id)) == (200, "ok")
    status, page = await _page(payer, f"?lang=ru&session_id={session_id}")
    assert status == 200 and _says(payer, "ru", "web-payment-saved-text", page)
    assert session_id not in page and "127.0.0.1" not in page


async def test_saved_at_stripe_before_the_webhook_arrives(
    payer: Payer, stripe_double: StripeDouble
) -> None:
    session_id = await _ready(payer)
    stripe_double.complete(session_id)  # the event is not delivered yet
    status, page = await _page(payer, f"?lang=en&session_id={session_id}")
    assert status == 200 and _says(payer, "en", "web-payment-saved-text", page)
    assert (await payer.profile()).status == "link_sent"  # the page records nothing


async def test_still_being_confirmed(payer: Payer, stripe_double: StripeDouble) -> None:
    session_id = await _ready(payer, "es")
    # Not finished at Stripe yet: the page does not claim anything was saved.
    status, page = await _page(payer, f"?lang=es&session_id={session_id}")
    assert status == 200 and _says(payer, "es", "web-payment-checking-text", page)
    # A bank account Stripe verifies later: our profile says "processing".
    assert await payer.post(stripe_double.submit_for_verification(session_id)) == (200, "ok")
    assert (await payer.profile()).status == "processing"
    status, page = await _page(payer, f"?lang=es&session_id={session_id}")
    assert status == 200 and _says(payer, "es", "web-payment-checking-text", page)


async def test_stripe_unreachable_says_checking(payer: Payer, stripe_double: StripeDouble) -> None:
    session_id = await _ready(payer, "it")
    stripe_double.fail_next(3)
    status, page = await _page(payer, f"?lang=it&session_id={session_id}")
    assert status == 200 and _says(payer, "it", "web-payment-checking-text", page)
    assert "Traceback" not in page


async def test_expired_link_says_nothing_was_added(
    payer: Payer, stripe_double: StripeDouble
) -> None:
    session_id = await _ready(payer, "pt-BR")
    stripe_double.expire(session_id)
    status, page = await _page(payer, f"?lang=pt-BR&session_id={session_id}")
    assert status == 200 and _says(payer, "pt-BR", "web-payment-cancelled-text", page)


async def test_an_unknown_session_is_not_found(payer: Payer) -> None:
    await _ready(payer)
    for query in ["", "?lang=en", "?lang=en&session_id=", "?lang=en&session_id=cs_test_1"]:
        status, page = await _page(payer, query)
        assert status == 200 and _says(payer, "en", "web-payment-unknown-text", page), query
    assert (await payer.profile()).status == "link_sent"


HOSTILE = st.one_of(
    st.sampled_from(
        [
            "../../etc/passwd",
            "cs_test_../x",
            "<script>alert(1)</script>",
            "cs_test_" + "a" * 5000,
            "cs_%00",
            "' OR 1=1 --",
            "{CHECKOUT_SESSION_ID}",
        ]
    ),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=300),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(hostile=HOSTILE)
async def test_hostile_session_ids_get_the_unknown_page(payer: Payer, hostile: str) -> None:
    async with payer.services.engine.sessions() as session:
        before = await payments_repo.list_profiles(session)
    async with (
        aiohttp.ClientSession() as http,
        http.get(
            f"{payer.web_url}/payment/done", params={"lang": "en", "session_id": hostile}
        ) as response,
    ):
        status, page = response.status, await response.text()
    assert status in (200, 404), hostile
    assert _says(payer, "en", "web-payment-unknown-text", page)
    assert "<script>" not in page
    async with payer.services.engine.sessions() as session:
        assert await payments_repo.list_profiles(session) == before
