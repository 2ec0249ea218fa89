"""The Bolt app: `/onboard` and its sub-commands, the sign-up modal, buttons,
direct messages and the App Home, mounted on the web app at /slack/events.

Listeners run before Slack gets its answer (`process_before_response`): `ack()`
is still their first call, and `views.open` has to use the trigger within
Slack's 3 seconds anyway. A slow answer to an Events API delivery only makes
Slack retry it, and every delivery is keyed (trigger id or event id) in
`processed_updates`, so a retry never does the work twice."""

import logging
import re
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy.exc import DBAPIError

from conversations import (
    COMMANDS,
    LANGUAGES,
    Choice,
    Command,
    Conversation,
    Event,
    FormSubmitted,
    Reply,
    State,
    Text,
    form_open,
)
from storage.organizations import list_organizations

from ...engine import Engine, Outcome
from ...i18n import Translator, match_language
from ...render import render
from .blocks import FORM_CALLBACK, FormPrefill, form_values, form_view, home_view, message_payload
from .client import make_client
from .ids import CHANNEL, user_key
from .text import unformat

__all__ = ["SlackChannel", "mount_slack"]

log = logging.getLogger(__name__)

Payload = dict[str, Any]
_PRE_SAVE = frozenset({State.NAME, State.EMAIL, State.CURRENCY, State.SUMMARY})
_SLACK_APP = web.AppKey("slack_app", AsyncApp)


class SlackChannel:
    """Translates Slack payloads into core events and replies into DMs."""

    def __init__(self, engine: Engine, translator: Translator, client: AsyncWebClient) -> None:
        self.engine = engine
        self.translator = translator
        self.client = client

    # -- helpers -------------------------------------------------------------

    async def send(self, user_id: str, language: str, replies: list[Reply]) -> None:
        for reply in replies:
            payload = message_payload(render(self.translator, language, reply))
            await self.client.chat_postMessage(channel=user_id, **payload)

    async def user_language(self, user_id: str) -> str:
        """The user's Slack locale as one of our languages; English otherwise."""
        try:
            answer = await self.client.users_info(user=user_id, include_locale=True)
        except SlackApiError as error:
            log.warning("users.info failed: %s", error.response.get("error"))
            return "en"
        user = answer.get("user") or {}
        return match_language(user.get("locale")) or "en"

    async def language_for(self, user_id: str, conv: Conversation | None) -> str:
        # A conversation started with the Slack locale; after that, the user's choice.
        if conv is not None:
            return conv.language
        return await self.user_language(user_id)

    async def step(self, team_id: str, user_id: str, event: Event, key: str) -> Outcome:
        external_id = user_key(team_id, user_id)
        _, conv = await self.engine.peek(CHANNEL, external_id)
        hint = None if conv is not None else await self.user_language(user_id)
        return await self.engine.handle(
            CHANNEL, external_id, event, locale_hint=hint, update_key=key
        )

    async def step_and_reply(self, team_id: str, user_id: str, event: Event, key: str) -> None:
        try:
            outcome = await self.step(team_id, user_id, event, key)
        except DBAPIError:
            log.exception("step failed")
            await self.send(user_id, "en", [Reply(message_id="error-try-again")])
            return
        if not outcome.duplicate:
            await self.send(user_id, outcome.language, outcome.replies)

    # -- /onboard ------------------------------------------------------------

    async def on_command(self, ack: Any, command: Payload) -> None:
        await ack()
        team_id, user_id = command["team_id"], command["user_id"]
        trigger = command["trigger_id"]
        word, _, arg = (command.get("text") or "").strip().partition(" ")
        name = word.lower()
        if not name:
            await self.open_form(team_id, user_id, trigger)
        elif name in COMMANDS:
            event = Command(name=name, arg=arg.strip())
            await self.step_and_reply(team_id, user_id, event, f"trigger:{trigger}")
        elif await self.engine.first_delivery(CHANNEL, f"trigger:{trigger}"):
            _, conv = await self.engine.peek(CHANNEL, user_key(team_id, user_id))
            language = await self.language_for(user_id, conv)
            await self.send(user_id, language, [Reply(message_id="slack-usage")])

    async def open_form(self, team_id: str, user_id: str, trigger: str) -> None:
        if not await self.engine.first_delivery(CHANNEL, f"trigger:{trigger}"):
            return
        _, conv = await self.engine.peek(CHANNEL, user_key(team_id, user_id))
        if conv is not None and not form_open(conv):
            # Saved already (or a question is open): carry on where the user is.
            outcome = await self.step(team_id, user_id, Command(name="start"), f"resume:{trigger}")
            await self.send(user_id, outcome.language, outcome.replies)
            return
        language = await self.language_for(user_id, conv)
        prefill = FormPrefill()
        if conv is not None and conv.state in _PRE_SAVE:
            prefill = FormPrefill(conv.name, conv.email, conv.currency)
        try:
            await self.client.views_open(
                trigger_id=trigger, view=form_view(self.translator, language, prefill)
            )
        except SlackApiError as error:
            reason = error.response.get("error")
            log.warning("views.open failed: %s", reason)
            message_id = (
                "slack-form-expired" if reason == "expired_trigger_id" else "error-try-again"
            )
            await self.send(user_id, language, [Reply(message_id=message_id)])

    # -- the modal -----------------------------------------------------------

    async def on_form_language(self, ack: Any, body: Payload) -> None:
        """Another language picked in the open form: relabel it in place."""
        await ack()
        view = body["view"]
        values = form_values(view["state"]["values"])
        language = values["language"] if values["language"] in LANGUAGES else "en"
        prefill = FormPrefill(values["name"] or None, values["email"] or None, values["currency"])
        await self.client.views_update(
            view_id=view["id"],
            hash=view.get("hash"),
            view=form_view(self.translator, language, prefill),
        )

    async def on_form_submitted(self, ack: Any, body: Payload) -> None:
        values = form_values(body["view"]["state"]["values"])
        user = body["user"]
        team_id = user.get("team_id") or body["team"]["id"]
        event = FormSubmitted(
            name=values["name"],
            email=values["email"],
            currency=values["currency"],
            language=values["language"],
        )
        key = f"trigger:{body.get('trigger_id') or body['view']['id']}"
        outcome = await self.step(team_id, user["id"], event, key)
        rejected = outcome.form_rejected
        if rejected is not None:
            errors = {
                field: self.translator.format(rejected.language, message_id)
                for field, message_id in rejected.errors.items()
            }
            await ack(response_action="errors", errors=errors)
            return
        await ack()
        if not outcome.duplicate:
            await self.send(user["id"], outcome.language, outcome.replies)

    # -- buttons and direct messages -------------------------------------------

    async def on_button(self, ack: Any, body: Payload, action: Payload) -> None:
        await ack()
        user = body["user"]
        team_id = user.get("team_id") or body["team"]["id"]
        key = f"trigger:{body.get('trigger_id') or action.get('action_ts')}"
        await self.step_and_reply(team_id, user["id"], Choice(value=action["value"]), key)

    async def on_link(self, ack: Any) -> None:
        await ack()  # the browser opens the link; nothing to do here

    async def on_message(self, event: Payload, body: Payload) -> None:
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        team_id = event.get("team") or body.get("team_id") or ""
        text = Text(text=unformat(event.get("text") or ""))
        await self.step_and_reply(team_id, event["user"], text, f"event:{body['event_id']}")

    # -- App Home ------------------------------------------------------------

    async def on_home_opened(self, event: Payload, body: Payload) -> None:
        if event.get("tab") != "home":
            return
        if not await self.engine.first_delivery(CHANNEL, f"event:{body['event_id']}"):
            return
        user_id = event["user"]
        identity_id, conv = await self.engine.peek(
            CHANNEL, user_key(body.get("team_id") or "", user_id)
        )
        language = await self.language_for(user_id, conv)
        organizations = []
        if identity_id is not None:
            async with self.engine.sessions() as session:
                organizations = await list_organizations(session, identity_id)
        await self.client.views_publish(
            user_id=user_id, view=home_view(self.translator, language, organizations)
        )

    # -- wiring ----------------------------------------------------------------

    def bolt_app(self, signing_secret: str) -> AsyncApp:
        app = AsyncApp(
            client=self.client,
            signing_secret=signing_secret,
            process_before_response=True,
            name="proficonf-onboarding",
        )
        app.command("/onboard")(self.on_command)
        app.view_submission(FORM_CALLBACK)(self.on_form_submitted)
        app.action("form-language")(self.on_form_language)
        app.action(re.compile(r"^choice-\d+$"))(self.on_button)
        app.action(re.compile(r"^link-\d+$"))(self.on_link)
        app.event("message")(self.on_message)
        app.event("app_home_opened")(self.on_home_opened)
        return app


async def _slack_events(request: web.Request) -> web.Response:
    bolt = request.app[_SLACK_APP]
    response = await bolt.async_dispatch(await to_bolt_request(request))
    return await to_aiohttp_response(response)


def mount_slack(app: web.Application, engine: Engine, translator: Translator) -> None:
    """Serve `POST /slack/events` on the web app (settings must configure Slack)."""
    settings = engine.settings
    assert settings.slack_signing_secret is not None
    channel = SlackChannel(engine, translator, make_client(settings))
    app[_SLACK_APP] = channel.bolt_app(settings.slack_signing_secret.get_secret_value())
    app.router.add_post("/slack/events", _slack_events)
