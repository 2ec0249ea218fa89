"""Inviting the team on Slack: the workspace multi-select under the invite
question and in the App Home; picked users' profile addresses (users.info,
scope users:read.email) are judged like a paste, on both databases."""

from bot.services import Services
from tests.doubles.slack_api import SlackApiDouble
from tests.transcripts.mailbox import messages, newest_token, text_of

from .slack_fixtures import settings, slack, slack_api
from .slack_workspace import SlackWorkspace, message_ids

__all__ = ["settings", "slack", "slack_api"]  # fixtures

OWNER = "U0OWNER"


async def confirmed(slack: SlackWorkspace, services: Services, web_url: str) -> None:
    import aiohttp

    for text in ("start", "en"):
        await (slack.command(OWNER, text) if text == "start" else slack.press(OWNER, text))
    for said in ("Acme Labs", "alice@acme.com"):
        await slack.dm(OWNER, said)
    await slack.press(OWNER, "EUR")
    await slack.press(OWNER, "save")
    await services.worker.drain_once()
    token = newest_token(services.settings.mail_dir)
    async with aiohttp.ClientSession() as http, http.post(f"{web_url}/confirm/{token}") as r:
        assert r.status == 200
    await services.worker.drain_once()


def picker_in(blocks: list[dict[str, object]]) -> dict[str, object]:
    for block in blocks:
        for element in block.get("elements", []) if block.get("type") == "actions" else []:  # type: ignore[union-attr]
            if element.get("type") == "multi_users_select":  # type: ignore[union-attr]
                return element  # type: ignore[no-any-return]
    raise AssertionError("no multi-select of users")


async def test_pick_people_under_the_invite_question(
    slack: SlackWorkspace, slack_api: SlackApiDouble, services: Services, web_url: str
) -> None:
    slack_api.emails |= {
        "U0ANN": "ann@acme.com",
        "U0BOB": "Bob@Acme.com",
        "U0OWNER": "alice@acme.com",
    }
    await confirmed(slack, services, web_url)
    await slack.command(OWNER, "invite")
    ask = slack_api.messages_to(OWNER)[-1]
    assert ask["metadata"]["event_payload"]["message_id"] == "invite-ask"
    picker = picker_in(ask["blocks"])
    assert picker["action_id"] == "invite-users" and picker["max_selected_items"] == 50
    before = len(message_ids(slack_api, OWNER))
    answer = await slack.pick_people(OWNER, ["U0ANN", "U0BOB", "U0OWNER", "U0NOMAIL"])
    assert (answer.status, answer.text) == (200, "")
    assert message_ids(slack_api, OWNER)[before:] == [
        "invite-found-new",
        "invite-found-own",
        "invite-confirm",
    ]
    lookups = [args["user"] for args in slack_api.of("users.info")]
    assert {"U0ANN", "U0BOB", "U0OWNER", "U0NOMAIL"} <= set(lookups)
    await slack.press(OWNER, "invite-send")
    await services.worker.drain_once()
    sent = [m for m in messages(services.settings.mail_dir) if "/join/" in text_of(m)]
    assert sorted(str(m["To"]) for m in sent) == ["ann@acme.com", "bob@acme.com"]


async def test_pick_people_in_the_app_home(
    slack: SlackWorkspace, slack_api: SlackApiDouble, services: Services, web_url: str
) -> None:
    slack_api.emails["U0ANN"] = "ann@acme.com"
    await slack.open_home(OWNER)
    (first,) = slack_api.of("views.publish")
    assert "invite-users" not in str(first["view"])  # nothing to invite to yet
    await confirmed(slack, services, web_url)
    await slack.open_home(OWNER)
    view = slack_api.of("views.publish")[-1]["view"]
    view = view if isinstance(view, dict) else __import__("json").loads(view)
    assert picker_in(view["blocks"])["action_id"] == "invite-users"
    before = len(message_ids(slack_api, OWNER))
    await slack.pick_people(OWNER, ["U0ANN"], home=True)
    assert message_ids(slack_api, OWNER)[before:] == ["invite-found-new", "invite-confirm"]


async def test_without_the_email_scope_nobody_is_found(
    slack: SlackWorkspace, slack_api: SlackApiDouble, services: Services, web_url: str
) -> None:
    slack_api.emails["U0ANN"] = "ann@acme.com"
    slack_api.scopes = frozenset({"users:read"})
    await confirmed(slack, services, web_url)
    before = len(message_ids(slack_api, OWNER))
    await slack.pick_people(OWNER, ["U0ANN"])
    assert message_ids(slack_api, OWNER)[before:] == ["invite-none-found", "invite-ask"]
    many = [f"U{i:04d}" for i in range(80)]
    before = len(message_ids(slack_api, OWNER))
    await slack.pick_people(OWNER, many)
    assert message_ids(slack_api, OWNER)[before:] == ["invite-too-many"]
    assert len(slack_api.of("users.info")) < 80 + 20  # looked up no more than the cap
