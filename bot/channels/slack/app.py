"""The Bolt app: `/onboard` and its sub-commands, the sign-up modal, buttons,
direct messages and the App Home, mounted on the web app at /slack/events.

Listeners run before Slack gets its answer (`process_before_response`): `ack()`
is still their first call, and `views.open` has to use the trigger within
Slack's 3 seconds anyway. A slow answer to an Events API delivery only makes
Slack retry it, and every delivery is keyed (trigger id or event id) in
`processed_updates`, so a retry never does the work twice."""

import logging
import os
import re
import traceback
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels.channel import Address, Inbound
from bot.channels.runner import Runner
from bot.channels.slack.blocks import (
    FORM_CALLBACK,
    INVITE_PICKER,
    FormPrefill,
    form_values,
    form_view,
    home_view,
)
from bot.channels.slack.client import make_client
from bot.channels.slack.desk import SlackDeskEvents
from bot.channels.slack.ids import CHANNEL, user_key
from bot.channels.slack.payloads import MalformedPayload, field, optional, team_of
from bot.channels.slack.sender import SlackSender, slack_address
from bot.channels.slack.text import unformat
from bot.handoff.desk import Desk
from bot.steps.engine import Engine, Outcome
from bot.text.i18n import Translator, match_language
from conversations import (
    COMMANDS,
    LANGUAGES,
    UNSAVED,
    Choice,
    Command,
    Conversation,
    Event,
    FormSubmitted,
    InviteesPicked,
    Reply,
    State,
    Text,
    carries_payment_number,
    form_open,
)
from conversations.invitees import MAX_INVITEES
from storage.db import DATABASE_UNAVAILABLE
from storage.organizations import list_organizations

__all__ = ["SlackChannel", "mount_slack"]

log = logging.getLogger(__name__)

Payload = dict[str, Any]
# Unix seconds as Slack writes them: ASCII digits only, no sign or exponent.
_TIMESTAMP = re.compile(r"[0-9]{1,12}")


def _state_values(view: Any) -> dict[str, Any]:
    values = view.get("state", {}).get("values") if isinstance(view, dict) else None
    if not isinstance(values, dict):
        raise MalformedPayload("view.state.values")
    return values


def _raised_in_bolt(error: BaseException) -> bool:
    """Whether the innermost frame of `error`'s traceback is Bolt's code."""
    frames = traceback.extract_tb(error.__traceback__)
    return bool(frames) and f"{os.sep}slack_bolt{os.sep}" in frames[-1].filename


class SlackChannel:
    """Translates Slack payloads into `Inbound`s for the runner; what is not
    a step (the form, the App Home, usage) is answered here."""

    def __init__(self, engine: Engine, translator: Translator, client: AsyncWebClient) -> None:
        self.engine = engine
        self.translator = translator
        self.client = client
        self.runner = Runner(
            SlackSender(client, translator), engine, translator, address_of=slack_address
        )
        self.desk = SlackDeskEvents(Desk(engine, translator), client)

    # -- helpers -------------------------------------------------------------

    async def send(self, to: Address, language: str, replies: list[Reply]) -> None:
        await self.runner.tell(to, language, replies)

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

    async def inbound(self, team_id: str, user_id: str, event: Event, key: str) -> Inbound:
        """The update for the runner. Slack's locale costs a call (`users.info`):
        asked only for a user who has no conversation yet."""
        to = slack_address(user_key(team_id, user_id))
        _, conv = await self.engine.peek(CHANNEL, to.user)
        hint = None if conv is not None else await self.user_language(user_id)
        return Inbound(address=to, event=event, key=key, language=hint)

    async def step(self, team_id: str, user_id: str, event: Event, key: str) -> Outcome | None:
        return await self.runner.handle(await self.inbound(team_id, user_id, event, key))

    async def step_and_reply(self, team_id: str, user_id: str, event: Event, key: str) -> None:
        """In the user's order; a failure is answered with "try again"."""

        async def work() -> None:
            await self.step(team_id, user_id, event, key)

        await self.runner.submit(slack_address(user_key(team_id, user_id)), None, work)

    # -- /onboard ------------------------------------------------------------

    async def on_command(self, ack: Any, command: Payload) -> None:
        await ack()
        team_id, user_id = field(command, "team_id"), field(command, "user_id")
        trigger = field(command, "trigger_id")
        word, _, arg = (optional(command, "text") or "").strip().partition(" ")
        name = word.lower()
        event = Command(name=name, arg=arg.strip())
        if not name:
            await self.open_form(team_id, user_id, trigger)
        elif name in COMMANDS or carries_payment_number(event):
            # A card number in any sub-command gets the core's refusal.
            await self.step_and_reply(team_id, user_id, event, f"trigger:{trigger}")
        elif await self.engine.first_delivery(CHANNEL, f"trigger:{trigger}"):
            to = slack_address(user_key(team_id, user_id))
            _, conv = await self.engine.peek(CHANNEL, to.user)
            language = await self.language_for(user_id, conv)
            await self.send(to, language, [Reply(message_id="slack-usage")])

    async def open_form(self, team_id: str, user_id: str, trigger: str) -> None:
        if not await self.engine.first_delivery(CHANNEL, f"trigger:{trigger}"):
            return
        to = slack_address(user_key(team_id, user_id))
        _, conv = await self.engine.peek(CHANNEL, to.user)
        if conv is not None and not form_open(conv):
            # Saved already (or a question is open): carry on where the user is.
            await self.step(team_id, user_id, Command(name="start"), f"resume:{trigger}")
            return
        language = await self.language_for(user_id, conv)
        prefill = FormPrefill()
        if conv is not None and conv.state in UNSAVED:
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
            await self.send(to, language, [Reply(message_id=message_id)])

    # -- the modal -----------------------------------------------------------

    async def on_form_language(self, ack: Any, body: Payload) -> None:
        """Another language picked in the open form: relabel it in place."""
        await ack()
        view = body.get("view") or {}
        values = form_values(_state_values(view))
        language = values["language"] if values["language"] in LANGUAGES else "en"
        prefill = FormPrefill(values["name"] or None, values["email"] or None, values["currency"])
        await self.client.views_update(
            view_id=field(view, "id"),
            hash=optional(view, "hash"),
            view=form_view(self.translator, language, prefill),
        )

    async def on_form_submitted(self, ack: Any, body: Payload) -> None:
        values = form_values(_state_values(body.get("view")))
        team_id, user_id = team_of(body), field(body, "user", "id")
        event = FormSubmitted(
            name=values["name"],
            email=values["email"],
            currency=values["currency"],
            language=values["language"],
        )
        key = f"trigger:{optional(body, 'trigger_id') or field(body, 'view', 'id')}"
        outcome = await self.step(team_id, user_id, event, key)
        rejected = outcome.form_rejected if outcome is not None else None
        if rejected is not None:
            # Block ids in the modal are the core's field names.
            errors = {
                block_id: self.translator.format(rejected.language, message_id)
                for block_id, message_id in rejected.errors.items()
            }
            await ack(response_action="errors", errors=errors)
            return
        await ack()

    # -- buttons and direct messages -------------------------------------------

    async def on_button(self, ack: Any, body: Payload, action: Payload) -> None:
        await ack()
        team_id, user_id = team_of(body), field(body, "user", "id")
        key = f"trigger:{optional(body, 'trigger_id') or field(action, 'action_ts')}"
        await self.step_and_reply(team_id, user_id, Choice(value=field(action, "value")), key)

    async def on_invite_picked(self, ack: Any, body: Payload, action: Payload) -> None:
        """People picked in the workspace multi-select: their profile addresses
        (`users.info`, scope `users:read.email`) go to the core as a paste would."""
        await ack()
        team_id, user_id = team_of(body), field(body, "user", "id")
        picked = action.get("selected_users")
        if not isinstance(picked, list):
            raise MalformedPayload("actions[0].selected_users")
        emails: list[str] = []
        # One over the cap is enough for the core to say "too many".
        for member in [p for p in picked if isinstance(p, str)][: MAX_INVITEES + 1]:
            emails.append(await self.profile_email(member))
        key = f"trigger:{optional(body, 'trigger_id') or field(action, 'action_ts')}"
        event = InviteesPicked(emails=tuple(emails), picked=len(picked))
        await self.step_and_reply(team_id, user_id, event, key)

    async def profile_email(self, member: str) -> str:
        """A workspace user's address, or "" (a bot, no address, no scope)."""
        try:
            answer = await self.client.users_info(user=member)
        except SlackApiError as error:
            log.warning("users.info failed: %s", error.response.get("error"))
            return ""
        user = answer.get("user") or {}
        profile = user.get("profile") if isinstance(user, dict) else None
        email = profile.get("email") if isinstance(profile, dict) else None
        return email if isinstance(email, str) and not user.get("is_bot") else ""

    async def on_link(self, ack: Any) -> None:
        await ack()  # the browser opens the link; nothing to do here

    async def on_message(self, event: Payload, body: Payload) -> None:
        if event.get("subtype") or event.get("bot_id"):
            return
        if self.desk.is_desk_channel(event.get("channel")):
            await self.desk.on_message(event, body)
            return
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        team_id = optional(event, "team") or field(body, "team_id")
        text = Text(text=unformat(optional(event, "text") or ""))
        key = f"event:{field(body, 'event_id')}"
        await self.step_and_reply(team_id, field(event, "user"), text, key)

    # -- App Home ------------------------------------------------------------

    async def on_home_opened(self, event: Payload, body: Payload) -> None:
        if event.get("tab") != "home":
            return
        user_id, team_id = field(event, "user"), field(body, "team_id")
        if not await self.engine.first_delivery(CHANNEL, f"event:{field(body, 'event_id')}"):
            return
        identity_id, conv = await self.engine.peek(CHANNEL, user_key(team_id, user_id))
        language = await self.language_for(user_id, conv)
        organizations = []
        if identity_id is not None:
            async with self.engine.sessions() as session:
                organizations = await list_organizations(session, identity_id)
        inviting = (
            next(
                (o.name for o in organizations if o.id == conv.org_id and o.status == "confirmed"),
                None,
            )
            if conv is not None and conv.step in (State.PAYMENT, State.DONE)
            else None
        )
        await self.client.views_publish(
            user_id=user_id, view=home_view(self.translator, language, organizations, inviting)
        )

    async def on_error(self, error: Exception) -> BoltResponse | None:
        if isinstance(error, MalformedPayload):
            log.warning("malformed Slack payload: no %s", error)
            return BoltResponse(status=400, body="")
        if isinstance(error, DATABASE_UNAVAILABLE):
            log.error("Slack listener failed", exc_info=error)
            return None  # 500: Slack retries, and the retry may find the database back
        # Anything else cannot succeed on a retry: 400. Bolt's own matchers
        # tripping over a signed payload of the wrong shape (`actions: [{}]`)
        # is the sender's fault, one warning; a failure in our code is a bug,
        # logged with its traceback.
        if _raised_in_bolt(error):
            log.warning("Slack payload Bolt could not match: %s", type(error).__name__)
        else:
            log.error("Slack request failed", exc_info=error)
        return BoltResponse(status=400, body="")

    # -- wiring ----------------------------------------------------------------

    def bolt_app(self, signing_secret: str) -> AsyncApp:
        app = AsyncApp(
            client=self.client,
            signing_secret=signing_secret,
            # Verified by `_Endpoint` against every accepted secret first.
            request_verification_enabled=False,
            process_before_response=True,
            name="proficonf-onboarding",
        )
        app.command("/onboard")(self.on_command)
        app.view_submission(FORM_CALLBACK)(self.on_form_submitted)
        app.action("form-language")(self.on_form_language)
        app.action(re.compile(r"^choice-\d+$"))(self.on_button)
        app.action(re.compile(r"^link-\d+$"))(self.on_link)
        app.action(INVITE_PICKER)(self.on_invite_picked)
        app.action(re.compile(r"^desk-[a-z-]+$"))(self.desk.on_button)
        app.event("message")(self.on_message)
        app.event("app_home_opened")(self.on_home_opened)
        app.error(self.on_error)
        return app


class _Endpoint:
    """`POST /slack/events`: the v0 signature (5-minute window) is checked on
    the raw body against every accepted signing secret (two during a rotation)
    before anything is parsed; Bolt then dispatches with its own check off,
    since it knows only one secret. Unsigned: 401; signed but unparseable: 400."""

    def __init__(self, bolt: AsyncApp, signing_secrets: tuple[str, ...]) -> None:
        self.bolt = bolt
        self.verifiers = [SignatureVerifier(secret) for secret in signing_secrets]

    def _signed(self, request: web.Request, body: str) -> bool:
        timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
        signature = request.headers.get("X-Slack-Signature")
        # The SDK calls int() on the timestamp: "abc" would raise, and "1e3"
        # or " 12" are no timestamp Slack sends. Only plain digits get that far.
        if not _TIMESTAMP.fullmatch(timestamp):
            return False
        return any(v.is_valid(body, timestamp, signature) for v in self.verifiers)

    async def handle(self, request: web.Request) -> web.Response:
        try:
            body = (await request.read()).decode("utf-8")
        except UnicodeDecodeError:
            return web.json_response({"error": "invalid request"}, status=401)
        if not self._signed(request, body):
            return web.json_response({"error": "invalid request"}, status=401)
        try:
            bolt_request = AsyncBoltRequest(
                body=body, query=request.query_string, headers=dict(request.headers)
            )
        except Exception:  # hostile bodies break Bolt's parser in many ways
            return web.json_response({"error": "invalid request"}, status=400)
        try:
            answer = await self.bolt.async_dispatch(bolt_request)
        except Exception as error:
            # Listener errors are answered by `on_error`; what escapes is Bolt
            # itself tripping over a signed but malformed payload.
            log.warning("Slack payload Bolt could not read: %s", type(error).__name__)
            return web.json_response({"error": "invalid request"}, status=400)
        return await to_aiohttp_response(answer)


def mount_slack(app: web.Application, engine: Engine, translator: Translator) -> None:
    """Serve `POST /slack/events` on the web app (settings must configure Slack)."""
    secrets = engine.settings.slack_signing_secrets
    assert secrets
    channel = SlackChannel(engine, translator, make_client(engine.settings))
    app.router.add_post("/slack/events", _Endpoint(channel.bolt_app(secrets[0]), secrets).handle)
