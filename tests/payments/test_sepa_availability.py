"""An account without SEPA Direct Debit: Checkout silently offers cards only,
so the EUR user is told so (truthfully, in their language), operators read a
warning in the log and `"sepa_debit": "unavailable"` in `orgs --json`. The
answer comes from `GET /v1/payment_method_configurations`."""

import json
import logging
from typing import Any

import pytest

from bot.cli import _orgs as cli_orgs
from tests.doubles.stripe_api import StripeDouble
from tests.payments.conftest import Payer

CONFIGURATIONS = "/v1/payment_method_configurations"


async def _orgs_json(payer: Payer, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    capsys.readouterr()
    await cli_orgs(payer.services.settings, True)
    rows: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return rows


def _asked(double: StripeDouble) -> int:
    return len([r for r in double.requests if r.path == CONFIGURATIONS])


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "cards only"),
        ("ru", "только карты"),
        ("it", "solo carte"),
        ("pt-BR", "apenas cartões"),
        ("es", "solo ofrece tarjetas"),
    ],
)
async def test_eur_user_is_told_the_page_offers_cards_only(
    payer: Payer,
    stripe_double: StripeDouble,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    language: str,
    words: str,
) -> None:
    stripe_double.sepa_debit_available = False
    with caplog.at_level(logging.WARNING, logger="bot"):
        await payer.sign_up(language, "EUR")
        assert await payer.work() == ["payment-card-only-eur", "payment-link"]
    assert words in payer.shown[-2].text
    assert "SEPA Direct Debit is not available on this Stripe account" in caplog.text
    (session,) = stripe_double.sessions.values()
    assert session["payment_method_types"] == ["card"]
    (org,) = await _orgs_json(payer, capsys)
    assert org["payment"]["sepa_debit"] == "unavailable"
    # Shown again (`/start`): the same truthful note, and Stripe is not asked again.
    asked = _asked(stripe_double)
    assert await payer.say("/start") == ["payment-ask", "payment-card-only-eur", "payment-link"]
    assert _asked(stripe_double) == asked


async def test_eur_user_with_sepa_offered_hears_no_such_note(
    payer: Payer, stripe_double: StripeDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    await payer.sign_up("it", "EUR")
    assert await payer.work() == ["payment-link"]
    (session,) = stripe_double.sessions.values()
    assert session["payment_method_types"] == ["card", "sepa_debit"]
    assert _asked(stripe_double) == 1
    (org,) = await _orgs_json(payer, capsys)
    assert org["payment"]["sepa_debit"] == "offered"


async def test_usd_users_need_no_answer_about_sepa(
    payer: Payer, stripe_double: StripeDouble, capsys: pytest.CaptureFixture[str]
) -> None:
    stripe_double.sepa_debit_available = False
    await payer.sign_up("en", "USD")
    assert await payer.work() == ["payment-card-only-usd", "payment-link"]
    assert _asked(stripe_double) == 0
    (org,) = await _orgs_json(payer, capsys)
    assert "sepa_debit" not in org["payment"]


async def test_configuration_not_readable_falls_back_to_what_the_page_offers(
    payer: Payer, stripe_double: StripeDouble, caplog: pytest.LogCaptureFixture
) -> None:
    """A restricted key may not read payment method configurations: the link
    is made all the same, and the session itself says whether SEPA is on it."""
    stripe_double.sepa_debit_available = False
    stripe_double.fail_next(1, status=403, path=CONFIGURATIONS)
    with caplog.at_level(logging.WARNING, logger="bot"):
        await payer.sign_up("es", "EUR")
        assert await payer.work() == ["payment-card-only-eur", "payment-link"]
    assert "could not ask Stripe whether SEPA Direct Debit is offered" in caplog.text
