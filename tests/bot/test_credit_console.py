"""Done when: two organizations confirmed on acme.com show "granted" and
"already used", one on gmail.com "not eligible" — in every language, on the
terminal channel (confirmed over real HTTP) and in `python -m bot orgs --json`."""

import asyncio
import json
import os
import sys
from collections import defaultdict

import pytest

from bot.services import Services
from conversations import LANGUAGES
from conversations.payment import method_args
from tests.bot.test_console_transcripts import ConsoleHarness
from tests.locales.test_locales import MONEY
from tests.transcripts.script import credits


def _credit(status: str, amount: int = 0, remaining: int = 0) -> dict[str, object]:
    return {
        "credit": status,
        "amount_minor": amount,
        "amount_currency": "USD",
        "remaining_minor": remaining,
        "remaining_currency": "USD",
    }


async def _orgs_json(services: Services) -> list[dict[str, object]]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "orgs",
        "--json",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "DATABASE_URL": services.settings.database_url},
        cwd=services.settings.mail_dir.parent,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 0, err.decode()
    rows: list[dict[str, object]] = json.loads(out)
    return rows


async def _three_organizations(
    services: Services, web_url: str, language: str
) -> dict[str, list[str]]:
    """Runs the credits script on the terminal channel; the texts shown, by id."""
    harness = ConsoleHarness(services, web_url, services.settings.mail_dir)
    for number, (action, expected) in enumerate(credits(language), 1):
        assert tuple(await harness.act(action)) == expected, f"turn {number}: {action}"
    shown: dict[str, list[str]] = defaultdict(list)
    for message in harness.channel.shown:
        shown[message.message_id].append(message.text)
    return shown


@pytest.mark.parametrize("language", LANGUAGES)
async def test_granted_already_used_not_eligible(
    language: str, services: Services, web_url: str
) -> None:
    shown = await _three_organizations(services, web_url, language)
    t = services.translator
    amount, _ = MONEY[language]
    (granted,) = shown["credit-granted"]
    assert amount in granted and "acme.com" in granted
    assert shown["credit-already-used"] == [
        t.format(language, "credit-already-used", {"domain": "acme.com"})
    ]
    assert shown["credit-not-eligible-free"] == [
        t.format(language, "credit-not-eligible-free", {"domain": "gmail.com"})
    ]

    def status(name: str, email: str, currency: str, step: str, **credit: object) -> str:
        args = {"step": step, "name": name, "email": email, "currency": currency}
        return t.format(language, "status-summary", {**args, **method_args(None), **credit})

    assert shown["status-summary"] == [
        status("Acme Labs", "alice@acme.com", "EUR", "summary", **_credit("pending")),
        # Payments are not set up here: a confirmed organization is done.
        status("Acme Labs", "alice@acme.com", "EUR", "done", **_credit("granted", 2500, 2500)),
        status("Acme Two", "bob@eu.acme.com", "USD", "done", **_credit("already_used")),
        status(
            "Carol Consulting",
            "carol@gmail.com",
            "EUR",
            "done",
            **_credit("not_eligible_free_mail"),
        ),
    ]
    assert shown["status-summary"][1].count(amount) == 2


async def test_orgs_json_shows_each_credit(services: Services, web_url: str) -> None:
    await _three_organizations(services, web_url, "pt-BR")
    rows = await _orgs_json(services)
    assert [(row["domain"], row["credit"]) for row in rows] == [
        (
            "acme.com",
            {"status": "granted", "amount_minor": 2500, "remaining_minor": 2500, "currency": "USD"},
        ),
        (
            "acme.com",
            {"status": "already_used", "amount_minor": 0, "remaining_minor": 0, "currency": "USD"},
        ),
        (
            "gmail.com",
            {
                "status": "not_eligible_free_mail",
                "amount_minor": 0,
                "remaining_minor": 0,
                "currency": "USD",
            },
        ),
    ]
    assert {row["language"] for row in rows} == {"pt-BR"}
