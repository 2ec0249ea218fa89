"""Confirmation links over real HTTP: GET shows a button and changes nothing;
POST confirms once; expired, used and unknown links get their own pages."""

import io
from datetime import timedelta

import aiohttp
import pytest

from bot.channels.console import ConsoleChannel
from bot.ops.clock import FrozenClock
from bot.services import Services
from storage.organizations import list_organizations
from tests.transcripts.mailbox import messages, newest_token, text_of

NAME = 'R&D <Lab "X"'
ESCAPED = "R&amp;D &lt;Lab &quot;X&quot;"


async def _save(services: Services, language: str = "en", user: str = "u") -> ConsoleChannel:
    channel = ConsoleChannel(services, user, io.StringIO())
    for line in ["/start", language, NAME, "alice@acme.com", "USD", "save"]:
        await channel.handle_line(line)
    return channel


async def _status(services: Services) -> str:
    async with services.engine.sessions() as session:
        (org,) = await list_organizations(session)
    return org.status


async def test_get_does_not_confirm_post_does(services: Services, web_url: str) -> None:
    await _save(services)
    token = newest_token(services.settings.mail_dir)
    async with aiohttp.ClientSession() as http:
        for _ in range(3):  # a mail scanner prefetching the link
            async with http.get(f"{web_url}/confirm/{token}") as response:
                page = await response.text()
                assert response.status == 200
                assert 'method="post"' in page and ESCAPED in page
        assert await _status(services) == "pending_email"
        async with http.post(f"{web_url}/confirm/{token}") as response:
            assert response.status == 200
            assert "Email confirmed" in await response.text()
        assert await _status(services) == "confirmed"
        async with http.post(f"{web_url}/confirm/{token}") as response:
            assert response.status == 409
            assert "already been used" in await response.text()


@pytest.mark.parametrize("language", ["en", "ru", "it", "pt-BR", "es"])
async def test_expired_link_page_is_localized(
    services: Services, clock: FrozenClock, web_url: str, language: str
) -> None:
    expired_text = services.translator.format(language, "web-token-expired")
    await _save(services, language)
    token = newest_token(services.settings.mail_dir)
    clock.advance(services.settings.confirmation_ttl + timedelta(seconds=1))
    async with aiohttp.ClientSession() as http:
        for method in (http.get, http.post):
            async with method(f"{web_url}/confirm/{token}") as response:
                assert response.status == 410
                assert expired_text in await response.text()
    assert await _status(services) == "pending_email"


async def test_unknown_and_replaced_links(services: Services, web_url: str) -> None:
    channel = await _save(services)
    first = newest_token(services.settings.mail_dir)
    await channel.handle_line("2")  # change email
    await channel.handle_line("bob@acme.com")
    assert len(messages(services.settings.mail_dir)) == 2
    async with aiohttp.ClientSession() as http:
        headers = {"Accept-Language": "it-IT,it;q=0.9"}
        for token in ("nope", "x" * 500, first):
            async with http.post(f"{web_url}/confirm/{token}", headers=headers) as response:
                assert response.status == 404
        async with http.get(f"{web_url}/confirm/nope", headers=headers) as response:
            assert services.translator.format("it", "web-token-unknown") in await response.text()
    assert await _status(services) == "pending_email"


async def test_email_is_in_the_organization_language(services: Services) -> None:
    await _save(services, "pt-BR")
    (message,) = messages(services.settings.mail_dir)
    assert message["Content-Language"] == "pt-BR"
    assert "Confirme" in str(message["Subject"])
    body = text_of(message)
    assert "/confirm/" in body and "24 horas" in body
    html_part = message.get_body(preferencelist=("html",))
    assert html_part is not None and ESCAPED in str(html_part.get_content())


async def test_confirming_tells_the_user_in_their_channel(services: Services, web_url: str) -> None:
    channel = await _save(services, "it")
    token = newest_token(services.settings.mail_dir)
    async with aiohttp.ClientSession() as http, http.post(f"{web_url}/confirm/{token}"):
        pass
    await channel.deliver_pending()
    shown = [m.message_id for m in channel.shown[-3:]]
    # Payments are not set up here: the organization is done, and nothing the
    # user reads names the server's configuration.
    assert shown == ["email-confirmed", "credit-granted", "onboarding-ready-no-payment"]
    assert all("STRIPE_SECRET_KEY" not in m.text for m in channel.shown)
    await channel.deliver_pending()  # delivered once only
    assert [m.message_id for m in channel.shown[-3:]] == shown


async def test_healthz(web_url: str) -> None:
    async with aiohttp.ClientSession() as http, http.get(f"{web_url}/healthz") as response:
        assert response.status == 200
