"""The Slack channel over real HTTP: signed requests into the running web app,
the real Bolt app and `AsyncWebClient` talking to a loopback Slack Web API
double; email through the file mailer; confirmations over HTTP."""

import json
import time
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import select

from bot.config import Settings
from bot.ops.clock import FrozenClock
from bot.services import Services, open_services
from bot.steps.engine import CHAT_MESSAGE
from bot.web import build_app
from storage import outbox
from storage.conversations import find_identity
from storage.models import OutboxRow
from storage.organizations import list_organizations
from tests.doubles.slack_api import TEAM_ID, SlackApiDouble
from tests.reliability.test_http_fuzz import BODIES, _snapshot
from tests.stored_text import stored_text_holding
from tests.transcripts.mailbox import messages, newest_token

from .slack_fixtures import SECRET, settings, slack, slack_api
from .slack_workspace import SlackWorkspace, message_ids

__all__ = ["settings", "slack", "slack_api"]  # fixtures

ALICE = "U0ALICE"
LOCALES = {"en": "en-US", "ru": "ru-RU", "it": "it-IT", "pt-BR": "pt-BR", "es": "es-ES"}


async def organizations(services: Services) -> list[tuple[str | None, str | None, str, str]]:
    async with services.engine.sessions() as session:
        return [(o.name, o.email, o.language, o.status) for o in await list_organizations(session)]


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
        "credit-granted",
        "onboarding-ready-no-payment",
    ]
    assert texts(slack_api, ALICE)[1] == translator.format(language, "email-confirmed")
    await services.worker.drain_once()  # sent once only
    assert len(slack_api.messages_to(ALICE)) == 4


BAD_FORMS: list[tuple[dict[str, str], dict[str, str]]] = [
    ({"name": "A"}, {"name": "error-name-too-short"}),
    ({"name": "<b>Acme</b>"}, {"name": "error-name-markup"}),
    ({"name": "N" * 101}, {"name": "error-name-too-long"}),
    ({"email": "not-an-email"}, {"email": "error-email-invalid"}),
    ({"email": "a" * 300 + "@acme.com"}, {"email": "error-email-too-long"}),
    ({"currency": ""}, {"currency": "error-pick-option"}),  # forged: Slack requires it
    ({"language": "de"}, {"language": "error-pick-option"}),  # forged: not an option
    (
        {"name": " ", "email": "x@", "currency": "GBP"},
        {
            "name": "error-name-empty",
            "email": "error-email-invalid",
            "currency": "error-pick-option",
        },
    ),
]


async def test_form_errors_are_shown_inline_and_change_nothing(
    slack: SlackWorkspace, slack_api: SlackApiDouble, services: Services
) -> None:
    slack_api.locales[ALICE] = "it-IT"
    await slack.command(ALICE)
    good = {"name": "Acme", "email": "alice@acme.com", "currency": "USD"}
    for answers, errors in BAD_FORMS:
        answer = await slack.submit(ALICE, {**good, **answers})
        assert answer.status == 200
        assert answer.json() == {
            "response_action": "errors",
            "errors": {
                field: services.translator.format("it", message_id)
                for field, message_id in errors.items()
            },
        }, answers
        assert await organizations(services) == []
        assert slack_api.of("chat.postMessage") == []
    # In the form's language when that is valid; fixed, the same form goes through.
    answer = await slack.submit(ALICE, {**good, "name": "", "language": "ru"})
    assert answer.json()["errors"] == {"name": services.translator.format("ru", "error-name-empty")}
    answer = await slack.submit(ALICE, good)
    assert (answer.status, answer.text) == (200, "")
    assert len(await organizations(services)) == 1


async def test_picking_a_language_relabels_the_open_form(
    slack: SlackWorkspace, slack_api: SlackApiDouble, services: Services
) -> None:
    await slack.command(ALICE)
    assert slack.opened_view()["title"]["text"] == "New organization"
    answer = await slack.pick_language_in_form(ALICE, "es")
    assert answer.status == 200
    (update,) = slack_api.of("views.update")
    assert update["view_id"] == "V0FORM" and update["hash"] == "h0"
    view = slack.opened_view()
    assert view["title"]["text"] == services.translator.format("es", "slack-form-title")
    assert view["blocks"][3]["element"]["initial_option"]["value"] == "es"
    await slack.submit(ALICE, {"name": "Acme", "email": "a@acme.com", "currency": "EUR"})
    assert [o[2] for o in await organizations(services)] == ["es"]


async def test_expired_trigger_is_told_by_dm(
    slack: SlackWorkspace, slack_api: SlackApiDouble, services: Services
) -> None:
    slack_api.locales[ALICE] = "ru-RU"
    slack_api.fail_next["views.open"] = "expired_trigger_id"
    answer = await slack.command(ALICE)
    assert (answer.status, answer.text) == (200, "")
    assert message_ids(slack_api, ALICE) == ["slack-form-expired"]
    assert texts(slack_api, ALICE) == [services.translator.format("ru", "slack-form-expired")]
    await slack.command(ALICE)  # and the next try opens the form
    assert len(slack_api.of("views.open")) == 2


async def test_retries_never_do_the_work_twice(
    slack: SlackWorkspace, slack_api: SlackApiDouble, services: Services
) -> None:
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    body = slack.command_body(ALICE, trigger="trigger-same")
    for headers in ({}, retry):
        answer = await slack.deliver(body, "application/x-www-form-urlencoded", headers=headers)
        assert answer.status == 200
    assert len(slack_api.of("views.open")) == 1

    await slack.command(ALICE, "new")
    assert message_ids(slack_api, ALICE) == ["onboarding-ask-name"]
    for headers in ({}, retry, {**retry, "X-Slack-Retry-Num": "2"}):
        answer = await slack.dm(ALICE, "Acme Labs", event_id="Ev-same", headers=headers)
        assert answer.status == 200
    assert message_ids(slack_api, ALICE) == ["onboarding-ask-name", "onboarding-ask-email"]
    await slack.dm(ALICE, "alice@acme.com")  # a new event still counts
    assert message_ids(slack_api, ALICE)[-1] == "onboarding-ask-currency"

    for headers in ({}, retry):
        await slack.open_home(ALICE, event_id="Ev-home", headers=headers)
    assert len(slack_api.of("views.publish")) == 1


async def test_forged_and_stale_requests_are_refused(
    slack: SlackWorkspace, slack_api: SlackApiDouble, services: Services
) -> None:
    form = "application/x-www-form-urlencoded"
    stamp = str(int(time.time()))
    for body, content_type in (
        (slack.command_body(ALICE, "status"), form),
        (slack.event_body({"type": "message", "user": ALICE, "text": "hi"}), "application/json"),
    ):
        genuine = SignatureVerifier(SECRET).generate_signature(timestamp=stamp, body=body)
        tampered = body.replace("status", "delete").replace("hi", "yo")
        attempts = [
            await slack.deliver(body, content_type, signed=False),
            await slack.deliver(body, content_type, secret="not-the-secret"),
            # correctly signed, six minutes ago
            await slack.deliver(body, content_type, timestamp=int(time.time()) - 6 * 60),
            # a genuine signature, sent along with another body
            await slack.deliver(
                tampered,
                content_type,
                signed=False,
                headers={"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": str(genuine)},
            ),
        ]
        assert [a.status for a in attempts] == [401, 401, 401, 401]
    assert slack_api.calls == []
    async with services.engine.sessions() as session:
        assert await find_identity(session, "slack", f"{TEAM_ID}:{ALICE}") is None


async def test_app_home_lists_the_users_organizations(
    slack: SlackWorkspace, slack_api: SlackApiDouble, services: Services, web_url: str
) -> None:
    slack_api.locales[ALICE] = "pt-BR"
    await slack.open_home(ALICE)
    (empty,) = slack_api.of("views.publish")
    assert empty["user_id"] == ALICE and empty["view"]["type"] == "home"
    shown = [b["text"]["text"] for b in empty["view"]["blocks"] if b["type"] == "section"]
    assert shown == [services.translator.format("pt-BR", "slack-home-empty")]

    for name, email in (("Acme Labs", "alice@acme.com"), ("Acme Two", "alice@two.com")):
        await slack.command(ALICE, "new" if name == "Acme Two" else "")
        if name == "Acme Two":
            await slack.command(ALICE)
        await slack.submit(ALICE, {"name": name, "email": email, "currency": "USD"})
        await services.worker.drain_once()
        if name == "Acme Labs":
            await confirm(web_url, services)
    await slack.open_home(ALICE)
    view = slack_api.of("views.publish")[-1]["view"]
    sections = [b["text"]["text"] for b in view["blocks"] if b["type"] == "section"]
    assert len(sections) == 2
    assert sections[0].startswith("Acme Labs\n") and "e-mail confirmado" in sections[0]
    assert sections[1].startswith("Acme Two\n") and "aguardando a confirmação" in sections[1]
    assert "alice@two.com" in sections[1]
    assert view["blocks"][0]["text"]["text"] == "Suas organizações"
    # Bob sees only his own (none).
    await slack.open_home("U0BOB")
    bob = slack_api.of("views.publish")[-1]
    assert bob["user_id"] == "U0BOB"
    assert "Acme" not in json.dumps(bob["view"])


async def test_app_home_shows_an_internationalized_address_in_unicode(
    slack: SlackWorkspace, slack_api: SlackApiDouble, services: Services
) -> None:
    await slack.command(ALICE)
    answers = {"name": "Пример", "email": "ivan@пример.рф", "currency": "EUR"}
    assert (await slack.submit(ALICE, answers)).text == ""
    assert (await organizations(services))[0][1] == "ivan@xn--e1afmkfd.xn--p1ai"  # stored ASCII
    await slack.open_home(ALICE)
    view = json.dumps(slack_api.of("views.publish")[-1]["view"], ensure_ascii=False)
    assert "ivan@пример.рф" in view and "xn--" not in view


PAYMENT_NUMBERS = (
    "4242 4242 4242 4242 12/27 123",
    "4242-4242-4242-4242 05 28",
    "DE89 3704 0044 0532 0130 00 ok",
    "IBAN DE89370400440532013000 thanks",
)


async def test_a_payment_number_anywhere_is_refused_and_stored_nowhere(
    slack: SlackWorkspace, slack_api: SlackApiDouble, services: Services
) -> None:
    """In any field of the form (inline, on that field), in a DM, in a
    sub-command. A bot token cannot delete a user's message, so the DM stays
    in Slack; we keep none of it."""
    await slack.command(ALICE)
    good = {"name": "Acme", "email": "alice@acme.com", "currency": "USD"}
    warning = services.translator.format("en", "warning-payment-number")
    for number in PAYMENT_NUMBERS:
        glued = number.replace(" ", "")
        for field, value in (("name", number), ("email", f"{glued}@acme.com")):
            answer = await slack.submit(ALICE, {**good, field: value})
            assert answer.json() == {"response_action": "errors", "errors": {field: warning}}
    assert slack_api.of("chat.postMessage") == []
    for number in PAYMENT_NUMBERS:
        await slack.dm(ALICE, number)
        await slack.command(ALICE, f"status {number}")
        await slack.command(ALICE, f"frobnicate {number}")
    assert set(message_ids(slack_api, ALICE)) == {"warning-payment-number"}
    assert len(message_ids(slack_api, ALICE)) == 3 * len(PAYMENT_NUMBERS)
    assert await organizations(services) == []
    assert await stored_text_holding(services, ("4242", "3704", "0532", "DE89")) == []


async def test_sub_commands(slack: SlackWorkspace, slack_api: SlackApiDouble) -> None:
    slack_api.locales[ALICE] = "es-419"
    for text in ("status", "help", "HELP", "frobnicate now", "language"):
        answer = await slack.command(ALICE, text)
        assert (answer.status, answer.text) == (200, "")
    assert message_ids(slack_api, ALICE) == [
        "status-summary",
        "help-text",
        "help-text",
        "slack-usage",
        "onboarding-ask-language",
    ]
    assert "/onboard status" in texts(slack_api, ALICE)[3]
    help_text = texts(slack_api, ALICE)[1]
    assert "/onboard status" in help_text and "\n/status" not in help_text
    assert "soporte" in texts(slack_api, ALICE)[3]  # Spanish, from the Slack locale
    await slack.press(ALICE, "ru")
    # Choosing a language answers the language question: the next one follows.
    assert message_ids(slack_api, ALICE)[-2:] == ["language-changed", "onboarding-ask-name"]
    await slack.command(ALICE)  # the form now opens in Russian
    assert slack.opened_view()["blocks"][3]["element"]["initial_option"]["value"] == "ru"


async def test_buttons_and_dms_after_the_form(
    slack: SlackWorkspace,
    slack_api: SlackApiDouble,
    services: Services,
    web_url: str,
    clock: FrozenClock,
) -> None:
    await slack.command(ALICE)
    await slack.submit(ALICE, {"name": "R&D Lab", "email": "bob@gmail.com", "currency": "USD"})
    assert message_ids(slack_api, ALICE) == ["email-note-free", "onboarding-awaiting-email"]
    await services.worker.drain_once()
    await slack.press(ALICE, "resend")
    await services.worker.drain_once()
    assert message_ids(slack_api, ALICE)[-1] == "email-resend-wait"  # the 60 s cool-down
    clock.advance(timedelta(seconds=60))
    await slack.press(ALICE, "resend")
    await services.worker.drain_once()
    assert message_ids(slack_api, ALICE)[-1] == "email-resent"
    assert len(messages(services.settings.mail_dir)) == 2
    await slack.press(ALICE, "change-email")
    assert message_ids(slack_api, ALICE)[-1] == "onboarding-ask-email"
    # Slack wraps addresses in DMs: <mailto:…|…>
    await slack.dm(ALICE, "<mailto:alice@acme.com|alice@acme.com>")
    assert message_ids(slack_api, ALICE)[-1] == "onboarding-awaiting-email"
    assert [o[1] for o in await organizations(services)] == ["alice@acme.com"]
    await services.worker.drain_once()
    await confirm(web_url, services)
    await services.worker.drain_once()
    assert message_ids(slack_api, ALICE)[-3:] == [
        "email-confirmed",
        "credit-granted",
        "onboarding-ready-no-payment",
    ]
    # Done (payments are not set up here): /onboard offers a form for another
    # organization, and a DM is answered with where things stand.
    await slack.command(ALICE)
    assert len(slack_api.of("views.open")) == 2
    await slack.dm(ALICE, "&lt;b&gt;hi&lt;/b&gt;")
    assert message_ids(slack_api, ALICE)[-1:] == ["onboarding-ready-no-payment"]


async def test_bot_messages_and_edits_are_not_steps(
    slack: SlackWorkspace, slack_api: SlackApiDouble, services: Services
) -> None:
    await slack.command(ALICE, "new")
    body = json.loads(slack.event_body({"type": "message"}))
    for event in (
        {"subtype": "message_changed"},
        {"bot_id": "B0OTHER"},
        {"channel_type": "channel"},
    ):
        body["event"] = {
            "type": "message",
            "channel": "D" + ALICE,
            "user": ALICE,
            "text": "Acme",
            "ts": "1.0",
            "channel_type": "im",
            **event,
        }
        body["event_id"] = f"Ev-{len(event)}-{next(iter(event))}"
        answer = await slack.deliver(json.dumps(body), "application/json")
        assert answer.status == 200
    assert message_ids(slack_api, ALICE) == ["onboarding-ask-name"]


async def confirmed_alice(slack: SlackWorkspace, services: Services, web_url: str) -> None:
    await slack.command(ALICE)
    await slack.submit(ALICE, {"name": "Acme", "email": "alice@acme.com", "currency": "USD"})
    await services.worker.drain_once()
    await confirm(web_url, services)


async def test_queued_dms_are_retried_then_sent(
    slack: SlackWorkspace,
    slack_api: SlackApiDouble,
    services: Services,
    web_url: str,
    clock: FrozenClock,
) -> None:
    await confirmed_alice(slack, services, web_url)
    slack_api.fail_next["chat.postMessage"] = "internal_error"
    await services.worker.drain_once()
    assert message_ids(slack_api, ALICE) == ["onboarding-awaiting-email"]
    async with services.engine.sessions() as session:
        assert await outbox.depth(session) == 3
    clock.advance(timedelta(seconds=30))
    await services.worker.drain_once()
    assert message_ids(slack_api, ALICE)[1:] == [
        "email-confirmed",
        "credit-granted",
        "onboarding-ready-no-payment",
    ]


async def test_a_dm_to_a_deactivated_user_is_given_up(
    slack: SlackWorkspace, slack_api: SlackApiDouble, services: Services, web_url: str
) -> None:
    await confirmed_alice(slack, services, web_url)
    slack_api.fail_next["chat.postMessage"] = "account_inactive"
    await services.worker.drain_once()
    async with services.engine.sessions() as session:
        assert await outbox.depth(session) == 0  # two sent, one failed for good
        query = select(OutboxRow.last_error).where(OutboxRow.kind == CHAT_MESSAGE)
        errors = await session.scalars(query)
        assert sorted(e or "" for e in errors) == ["", "", "failed: slack: account_inactive"]


async def test_a_resubmitted_form_creates_one_organization(
    slack: SlackWorkspace, slack_api: SlackApiDouble, services: Services
) -> None:
    await slack.command(ALICE)
    view = slack.opened_view()
    answers = {"name": "Acme", "email": "alice@acme.com", "currency": "USD"}
    payload_trigger = "trigger-submit-once"
    for headers in ({}, {"X-Slack-Retry-Num": "1"}):
        answer = await slack.submit(ALICE, answers, trigger=payload_trigger, headers=headers)
        assert (answer.status, answer.text) == (200, "")
    assert slack.opened_view() == view
    assert len(await organizations(services)) == 1
    assert message_ids(slack_api, ALICE) == ["onboarding-awaiting-email"]


async def test_a_second_organization_with_the_same_name_is_pointed_out_once(
    slack: SlackWorkspace, slack_api: SlackApiDouble, services: Services, web_url: str
) -> None:
    slack_api.locales[ALICE] = "es-ES"
    await slack.command(ALICE)
    first = {"name": "Acme Labs", "email": "alice@acme.com", "currency": "USD"}
    assert (await slack.submit(ALICE, first)).text == ""
    await services.worker.drain_once()
    await confirm(web_url, services)
    await services.worker.drain_once()
    await slack.command(ALICE)  # done: a new organization
    second = {**first, "name": "ACME labs"}
    answer = await slack.submit(ALICE, second)
    warning = services.translator.format("es", "slack-form-name-duplicate")
    assert answer.json() == {"response_action": "errors", "errors": {"name": warning}}
    assert len(await organizations(services)) == 1
    answer = await slack.submit(ALICE, second)  # seen the warning: meant it
    assert (answer.status, answer.text) == (200, "")
    assert sorted(o[0] or "" for o in await organizations(services)) == ["ACME labs", "Acme Labs"]


async def test_no_slack_route_without_slack_settings(tmp_path: Path, database_url: str) -> None:
    plain = Settings(database_url=database_url, mail_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]
    built = open_services(plain)
    app = build_app(built.engine, built.translator)
    try:
        assert not plain.slack_configured
        paths = [r.resource.canonical for r in app.router.routes() if r.resource is not None]
        assert "/healthz" in paths and not [p for p in paths if "slack" in p]
    finally:
        await built.close()


async def test_malformed_requests_never_answer_500_or_change_state(
    slack: SlackWorkspace, slack_api: SlackApiDouble, services: Services
) -> None:
    before = await _snapshot(services)
    hostile = [
        *BODIES,
        ("application/x-www-form-urlencoded", b"payload=" + b'{"type": "view_submission"}'),
        ("application/x-www-form-urlencoded", b"payload=" + b'{"type": "block_actions"}'),
        ("application/x-www-form-urlencoded", b"command=%2Fonboard&text=status"),
        ("application/json", b'{"type": "event_callback", "event": {"type": "message"}}'),
        ("application/json", b'{"type": "event_callback", "event": {"type": "app_home_opened"}}'),
    ]
    for content_type, raw in hostile:
        body = raw.decode("utf-8", errors="replace")
        unsigned = await slack.deliver(body, content_type, signed=False)
        assert unsigned.status == 401, raw
        signed = await slack.deliver(body, content_type)
        assert signed.status < 500, raw
    assert slack_api.messages_to(ALICE) == []
    assert await _snapshot(services) == before


async def test_odd_timestamps_are_401_before_bolt_sees_them(
    slack: SlackWorkspace, slack_api: SlackApiDouble, services: Services
) -> None:
    """The SDK's verifier calls int() on the header: "abc" was a 500 with a
    traceback. Anything but plain digits is refused as unsigned, even with a
    signature computed over that very timestamp."""
    body = slack.command_body(ALICE, "status")
    now = int(time.time())
    odd = ["abc", "1e3", f"{now}.0", f" {now}", f"+{now}", "", "٣٤٥", "9" * 40]
    for stamp in odd:
        signature = SignatureVerifier(SECRET).generate_signature(timestamp=stamp, body=body)
        headers = {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": str(signature)}
        answer = await slack.deliver(
            body, "application/x-www-form-urlencoded", signed=False, headers=headers
        )
        assert answer.status == 401, stamp
    assert slack_api.calls == []
    async with services.engine.sessions() as session:
        assert await find_identity(session, "slack", f"{TEAM_ID}:{ALICE}") is None
