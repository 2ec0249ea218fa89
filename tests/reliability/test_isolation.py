"""Nobody is let in: a confirmation link confirms its own organization only,
an address someone else registered behaves exactly like a new one (nothing
tells that it is taken), and a user's status shows that user's data only.
(The Slack App Home per identity: tests/bot/test_slack.py.)"""

import hashlib

import aiohttp
from sqlalchemy import select

from bot.services import Services
from bot.steps.engine import Outcome
from conversations import Choice, Command, FormSubmitted, Text
from storage.models import EmailConfirmationRow
from storage.organizations import list_organizations
from tests.transcripts.mailbox import messages, text_of

from .test_http_fuzz import _snapshot


def form(email: str, name: str = "Acme") -> FormSubmitted:
    return FormSubmitted(name=name, email=email, currency="EUR", language="en")


async def tokens_by_address(services: Services) -> dict[str, str]:
    await services.worker.drain_once()
    found = {}
    for message in messages(services.settings.mail_dir):
        link = next(w for w in text_of(message).split() if "/confirm/" in w)
        found[str(message["To"])] = link.rsplit("/", 1)[1]
    return found


async def statuses(services: Services) -> dict[str | None, str]:
    async with services.engine.sessions() as session:
        return {org.email: org.status for org in await list_organizations(session)}


async def test_a_link_confirms_its_own_organization_only(services: Services, web_url: str) -> None:
    engine = services.engine
    await engine.handle("console", "alice", form("alice@acme.com", "Alice Inc"))
    await engine.handle("console", "bob", form("bob@bobco.com", "Bob Co"))
    tokens = await tokens_by_address(services)
    alice_token, bob_token = tokens["alice@acme.com"], tokens["bob@bobco.com"]
    async with engine.sessions() as session:
        stored = set((await session.execute(select(EmailConfirmationRow.token_hash))).scalars())
    # Only hashes are stored: a database leak gives no usable link.
    assert alice_token not in stored and hashlib.sha256(alice_token.encode()).hexdigest() in stored
    before = await _snapshot(services)
    assert not any(alice_token in row for rows in before.values() for row in rows)

    forged = [
        hashlib.sha256(alice_token.encode()).hexdigest(),  # the stored hash itself
        alice_token[:-1] + ("A" if alice_token[-1] != "A" else "B"),  # one character off
        alice_token.upper() if alice_token.upper() != alice_token else alice_token.lower(),
        alice_token + "x",
        alice_token[:-1],
    ]
    async with aiohttp.ClientSession() as http:
        for token in forged:
            for method in (http.get, http.post):
                async with method(f"{web_url}/confirm/{token}") as response:
                    assert response.status == 404, token
        assert await _snapshot(services) == before
        # Bob's own link confirms Bob's organization, and nothing of Alice's.
        async with http.post(f"{web_url}/confirm/{bob_token}") as response:
            assert response.status == 200
    assert await statuses(services) == {
        "alice@acme.com": "pending_email",
        "bob@bobco.com": "confirmed",
    }
    after = await _snapshot(services)
    alice_rows = [row for row in after["conversations"] if "alice@acme.com" in row]
    assert alice_rows == [row for row in before["conversations"] if "alice@acme.com" in row]


def _as_seen(outcome: Outcome, mine: str, other: str) -> list[str]:
    """The replies with one address written like the other (same length,
    same first and last letters, so masked forms match too)."""
    return [
        repr(reply).replace(mine, other).replace(mine.upper(), other.upper())
        for reply in outcome.replies
    ]


async def test_an_address_registered_by_someone_else_behaves_like_a_new_one(
    services: Services,
) -> None:
    engine = services.engine
    await engine.handle("console", "owner", form("taken@acme.com"))
    taken, fresh = "taken@acme.com", "token@acme.com"
    # In the chat, step by step: every answer is the same.
    for event_of in (
        lambda _: Command(name="start"),
        lambda _: Choice(value="en"),
        lambda _: Text(text="Acme"),
        lambda address: Text(text=address),
        lambda _: Choice(value="EUR"),
        lambda _: Choice(value="save"),
        lambda _: Choice(value="change-email"),
        lambda address: Text(text=address.upper()),
    ):
        mallory = await engine.handle("console", "mallory", event_of(taken))
        newcomer = await engine.handle("console", "newcomer", event_of(fresh))
        assert _as_seen(mallory, taken, fresh) == _as_seen(newcomer, fresh, fresh)
        assert mallory.conversation is not None and newcomer.conversation is not None
        assert mallory.conversation.state is newcomer.conversation.state
    # The sign-up form (Slack's modal): no field error, the same replies.
    mallory = await engine.handle("console", "mallory2", form(taken))
    newcomer = await engine.handle("console", "newcomer2", form(fresh))
    assert mallory.form_rejected is None and newcomer.form_rejected is None
    assert _as_seen(mallory, taken, fresh) == _as_seen(newcomer, fresh, fresh)
    # Both got their own confirmation email; the owner's organization is untouched.
    await services.worker.drain_once()
    sent = [str(m["To"]).lower() for m in messages(services.settings.mail_dir)]
    assert sent.count(taken) == 3 and sent.count(fresh) == 2
    owner = [o for o in (await statuses(services)).items() if o[0] == taken]
    assert owner == [(taken, "pending_email")]


async def test_status_shows_the_users_own_data_only(services: Services) -> None:
    engine = services.engine
    await engine.handle("console", "alice", form("alice@secret-corp.com", "Alice Secret"))
    bob = await engine.handle("console", "bob", Command(name="status"))
    assert "alice" not in repr(bob.replies).lower() and "secret" not in repr(bob.replies)
    await engine.handle("console", "bob", form("bob@bobco.com", "Bob Co"))
    bob = await engine.handle("console", "bob", Command(name="status"))
    (reply,) = bob.replies
    assert reply.args["name"] == "Bob Co" and reply.args["email"] == "bob@bobco.com"
    # The same external id on another channel is another user.
    other = await engine.handle("slack", "alice", Command(name="status"))
    assert "Alice Secret" not in repr(other.replies)
