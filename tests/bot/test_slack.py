"""The Slack channel over real HTTP: signed requests into the running web app,
the real Bolt app and `AsyncWebClient` talking to a loopback Slack Web API
double; email through the file mailer; confirmations over HTTP."""

import json
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.config import Settings
from bot.services import Services
from storage.organizations import list_organizations
from tests.doubles.slack_api import SlackApiDouble
from tests.transcripts.mailbox import messages, newest_token

from .slack_workspace import SlackWorkspace, message_ids

TOKEN = "xoxb-test-token"
SECRET = "signing-secret-for-tests"
ALICE = "U0ALICE"
LOCALES = {"en": "en-US", "ru": "ru-RU", "it": "it-IT", "pt-BR": "pt-BR", "es": "es-ES"}


@pytest.fixture
async def slack_api() -> AsyncIterator[SlackApiDouble]:
    async with SlackApiDouble(token=TOKEN).running() as api:
        yield api


@pytest.fixture
def settings(database_url: str, tmp_path: Path, slack_api: SlackApiDouble) -> Settings:
    return Settings(
        database_url=database_url,
        mail_dir=tmp_path / "mail",
        public_url="http://127.0.0.1:8080",
        slack_bot_token=TOKEN,
        slack_signing_secret=SECRET,
        slack_api_base=slack_api.base_url,
        _env_file=None,  # type: ignore[call-arg]
    )


@pytest.fixture
async def slack(web_url: str, slack_api: SlackApiDouble) -> AsyncIterator[SlackWorkspace]:
    async with aiohttp.ClientSession() as http:
        yield SlackWorkspace(http, web_url, SECRET, slack_api)


async def organizations(services: Services) -> list[tuple[str | None, str | None, str, str]]:
    async with services.engine.sessions() as session:
        return [
            (o.name, o.email, o.language, o.status) for o in await list_organizations(session)
        ]


async def confirm(web_url: str, services: Services) -> None:
    token = newest_token(services.settings.mail_dir)
    async with aiohttp.ClientSession() as http, http.post(f"{web_url}/confirm/{token}") as response:
        assert response.status == 200


def texts(api: SlackApiDouble, user: str) -> list[str]:
    return [m["blocks"][0]["text"]["text"] for m in api.messages_to(user)]


@pytest.mark.parametrize("language", list(LOCALES))
async def test_onboard_form_to_payment_step_in_every_language(
    language: str,
    slack: SlackWorkspace,
    slack_api: SlackApiDouble,
    services: Services,
    web_url: str,
) -> None:
    translator = services.translator
    slack_api.locales[ALICE] = LOCALES[language]

    answer = await slack.command(ALICE)
    assert (answer.status, answer.text) == (200, "")
    view = slack.opened_view()
    assert view["title"]["text"] == translator.format(language, "slack-form-title")
    labels = [b["label"]["text"] for b in view["blocks"] if b["type"] == "input"]
    assert labels[0] == translator.format(language, "slack-form-name-label")
    language_select = view["blocks"][3]["element"]
    assert language_select["initial_option"]["value"] == language
    assert view["blocks"][2]["element"]["type"] == "email_text_input"

    answer = await slack.submit(
        ALICE, {"name": "Acme Labs", "email": "alice@acme.com", "currency": "EUR"}
    )
    assert (answer.status, answer.text) == (200, "")
    assert await organizations(services) == [
        ("Acme Labs", "alice@acme.com", language, "pending_email")
    ]
    assert message_ids(slack_api, ALICE) == ["onboarding-awaiting-email"]
    _, resend = slack.button(ALICE, "resend")
    assert resend["text"]["text"] == translator.format(language, "button-resend")
    slack.button(ALICE, "change-email")

    await services.worker.drain_once()
    (email,) = messages(services.settings.mail_dir)
    assert email["Content-Language"] == language

    await confirm(web_url, services)
    assert message_ids(slack_api, ALICE) == ["onboarding-awaiting-email"]  # queued, not sent
    await services.worker.drain_once()
    assert message_ids(slack_api, ALICE) == [
        "onboarding-awaiting-email",
        "email-confirmed",
        "payment-ask",
        "payment-not-configured",
    ]
    assert texts(slack_api, ALICE)[1] == translator.format(language, "email-confirmed")
    await services.worker.drain_once()  # sent once only
    assert len(slack_api.messages_to(ALICE)) == 4
