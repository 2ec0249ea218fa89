"""The web chat's API against hostile input, on SQLite and PostgreSQL: each
gets a clear answer, and nothing is stored or stepped."""

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bot.services import Services
from storage.models import IdentityRow, WebChatMessageRow
from tests.bot.web_chat_client import Visitor, open_web_chat


@pytest.fixture
async def chat_url(services: Services) -> AsyncIterator[str]:
    runner, url = await open_web_chat(services)
    yield url
    await runner.cleanup()


@pytest.fixture
async def visitor(chat_url: str) -> AsyncIterator[Visitor]:
    """A visitor at the name step."""
    you = Visitor(chat_url)
    await you.open_page()
    await you.say({"kind": "command", "name": "start"})
    await you.say({"kind": "choice", "value": "en", "keyboard": you.live_keyboard()})
    yield you
    await you.close()


async def stored(services: Services) -> tuple[int, int, str]:
    """(messages, identities, the conversation's state) as the database has them."""
    async with services.engine.sessions() as session:
        messages = await session.scalar(select(func.count()).select_from(WebChatMessageRow))
        identities = await session.scalar(select(func.count()).select_from(IdentityRow))
        visitors = list(
            await session.scalars(
                select(IdentityRow.external_id).where(IdentityRow.channel == "web")
            )
        )
    _, conv = await services.engine.peek("web", visitors[0]) if visitors else (None, None)
    return int(messages or 0), int(identities or 0), conv.state.value if conv else ""


async def test_the_page_is_locked_down(chat_url: str) -> None:
    async with aiohttp.ClientSession() as http, http.get(f"{chat_url}/") as response:
        csp = response.headers["Content-Security-Policy"]
        cookie = response.headers["Set-Cookie"]
    assert "unsafe-inline" not in csp and "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


async def test_language_from_the_browser(chat_url: str) -> None:
    you = Visitor(chat_url, accept_language="pt-BR,pt;q=0.9,en;q=0.5")
    await you.open_page()
    assert you.config["language"] == "pt-BR"
    said = await you.say({"kind": "command", "name": "start"})
    assert [m["lang"] for m in said] == ["pt-BR", "pt-BR"]
    await you.close()


async def test_long_html_and_control_text(visitor: Visitor, services: Services) -> None:
    before = await stored(services)
    seen = len(visitor.messages)
    for text, answer in (
        ("x" * 5000, "error-message-too-long"),
        ("<script>alert(1)</script>", "error-name-markup"),
        ("Acme\x00\x07Corp", "error-name-invisible"),
    ):
        said = await visitor.say({"kind": "text", "text": text})
        assert said[0]["mid"] == answer  # (the third wrong answer also offers help)
    messages, identities, state = await stored(services)
    assert state == before[2] == "name" and identities == before[1]
    # The 5 000 characters are not kept; the others only as the visitor's own
    # words, without the control characters (and shown as text by the page).
    texts = [m["text"] for m in visitor.messages if m["author"] == "user"]
    assert "x" * 5000 not in texts and "AcmeCorp" in texts
    assert all("\x00" not in text for text in texts)
    assert messages == before[0] + len(visitor.messages) - seen


async def test_card_number_is_refused_and_not_kept(visitor: Visitor, services: Services) -> None:
    before = await stored(services)
    status, answer = await visitor.post({"kind": "text", "text": "my card 4242 4242 4242 4242"})
    assert status == 200 and answer["redacted"] is True
    said = await visitor.new_messages()
    assert [m["author"] for m in said] == ["bot"]
    assert "4242" not in json.dumps(visitor.messages)
    assert (await stored(services))[2] == before[2]


async def test_replayed_message_id(visitor: Visitor, services: Services) -> None:
    status, first = await visitor.post({"kind": "text", "text": "Acme", "client_id": "same-id"})
    assert status == 200 and first["duplicate"] is False
    before = await stored(services)
    status, again = await visitor.post({"kind": "text", "text": "Other", "client_id": "same-id"})
    assert status == 200 and again["duplicate"] is True
    assert await stored(services) == before


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({"Origin": "https://evil.example"}, 403, "webchat-forbidden"),
        ({"X-CSRF-Token": "forged"}, 403, "webchat-forbidden"),
        ({"X-CSRF-Token": ""}, 403, "webchat-forbidden"),
        ({"Cookie": "proficonf_chat=abc.def"}, 401, "webchat-session-invalid"),
    ],
)
async def test_refused_requests(
    visitor: Visitor, services: Services, headers: dict[str, str], status: int, code: str
) -> None:
    before = await stored(services)
    if "Cookie" in headers:
        visitor.http.cookie_jar.clear()
    got, answer = await visitor.post({"kind": "text", "text": "Acme"}, headers=headers)
    assert (got, answer["code"]) == (status, code)
    assert answer["error"] and "webchat" not in answer["error"]
    assert await stored(services) == before


async def test_no_cookie_no_conversation(chat_url: str, services: Services) -> None:
    async with aiohttp.ClientSession() as http:
        for method, path in (
            ("POST", "/chat/messages"),
            ("GET", "/chat/messages"),
            ("GET", "/chat/stream"),
        ):
            async with http.request(
                method, f"{chat_url}{path}", headers={"Origin": chat_url}, json={"kind": "text"}
            ) as response:
                assert response.status == 401
                assert (await response.json())["code"] == "webchat-session-invalid"
    async with services.engine.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(IdentityRow)) == 0


async def test_the_frame_only_for_allowed_sites(chat_url: str) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{chat_url}/embed?host=https://evil.example") as response,
    ):
        assert response.status == 403
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=30),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["kind", "text", "value", "name", "client_id", "keyboard"]),
                inner,
                max_size=4,
            )
        ),
        max_leaves=8,
    )
)
async def test_malformed_bodies(visitor: Visitor, services: Services, body: Any) -> None:
    before = await stored(services)
    async with visitor.http.post(
        f"{visitor.base_url}/chat/messages",
        data=json.dumps(body),
        headers={"Origin": visitor.base_url, "X-CSRF-Token": visitor.csrf},
    ) as response:
        if response.status != 200:
            assert response.status == 400
            assert (await response.json())["code"] == "webchat-bad-request"
            assert await stored(services) == before


async def test_queued_messages_reach_open_streams(visitor: Visitor, services: Services) -> None:
    """An outbox `chat_message` for the web (an agent's reply, a confirmed
    email) reaches a stream that is open at once, numbered after the rest."""
    from bot.steps.codec import reply_to_json
    from conversations import Reply
    from storage import outbox

    async with visitor.http.get(
        f"{visitor.base_url}/chat/stream?after={visitor.seen}", headers={"Origin": visitor.base_url}
    ) as stream:
        assert stream.status == 200
        assert stream.headers["Content-Type"].startswith("text/event-stream")
        async with services.engine.sessions() as session:
            visitor_id = await session.scalar(
                select(IdentityRow.external_id).where(IdentityRow.channel == "web")
            )
        async with services.engine.sessions.begin() as session:
            await outbox.enqueue(
                session,
                "chat_message",
                {
                    "channel": "web",
                    "external_id": visitor_id,
                    "language": "en",
                    "reply": reply_to_json(
                        Reply(
                            message_id="handoff-agent-message",
                            args={"agent": "Dana", "text": "Hello there"},
                        )
                    ),
                },
                now=services.engine.clock.now(),
            )
        assert await services.worker.drain_once() == 1
        events: list[str] = []
        while not any(line.startswith("data: {") and "Hello there" in line for line in events):
            events.append((await stream.content.readline()).decode())
        data = json.loads(next(line for line in events if "Hello there" in line)[6:])
        assert data["author"] == "bot" and data["id"] == visitor.seen + 1
        assert f"id: {visitor.seen + 1}\n" in events


async def test_back_from_checkout_lands_in_the_chat(visitor: Visitor) -> None:
    async with visitor.http.get(
        f"{visitor.base_url}/payment/cancelled", allow_redirects=False
    ) as response:
        assert response.status == 303
        assert response.headers["Location"] == "/?payment=cancelled"
    async with visitor.http.get(f"{visitor.base_url}/?payment=cancelled") as response:
        page = await response.text()
    assert "Payment method not added" in page  # the notice above the chat
    # Someone without the chat (a Telegram user) gets the return page itself.
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{visitor.base_url}/payment/cancelled", allow_redirects=False) as response,
    ):
        assert response.status == 200
