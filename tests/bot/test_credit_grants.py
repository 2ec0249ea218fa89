"""Once per domain, decided by the database: concurrent confirmations of
different organizations on one new domain, in one process (both backends) and
spread over two OS processes (PostgreSQL), end with exactly one grant."""

import asyncio
import io
import json
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.channels.console import ConsoleChannel
from bot.organizations.confirmation import LinkStatus, use_link
from bot.organizations.tokens import hash_token, new_token
from bot.services import Services
from conversations import Conversation, State
from storage import conversations as conv_repo
from storage import organizations as orgs_repo
from storage.models import CreditGrantRow, OutboxRow
from tests.transcripts.mailbox import newest_token

ROOT = Path(__file__).resolve().parents[2]


async def _awaiting_organizations(services: Services, count: int, domain: str) -> list[str]:
    """`count` users, each with a saved organization on `domain` waiting for
    its confirmation link. Returns the links' tokens."""
    engine = services.engine
    now = engine.clock.now()
    tokens = []
    async with engine.sessions.begin() as session:
        for n in range(count):
            email = f"user{n}@{'mail.' if n % 2 else ''}{domain}"
            record = await conv_repo.lock_conversation(
                session, "console", f"racer{n}", initial_state="language", initial_data={}, now=now
            )
            org_id = await orgs_repo.create_organization(
                session,
                identity_id=record.identity_id,
                channel="console",
                name=f"Racer {n}",
                email=email,
                domain=domain,
                language="en",
                currency="USD",
                now=now,
            )
            conv = Conversation(
                state=State.AWAITING_EMAIL,
                name=f"Racer {n}",
                email=email,
                currency="USD",
                org_id=org_id,
            )
            await conv_repo.save_conversation(
                session, record, conv.state.value, conv.to_data(), now
            )
            token = new_token()
            await orgs_repo.issue_confirmation(
                session,
                org_id=org_id,
                email=email,
                token_hash=hash_token(token),
                expires_at=now + timedelta(days=1),
                now=now,
            )
            tokens.append(token)
    return tokens


async def _outcome(services: Services, domain: str) -> tuple[int, Counter[str], Counter[str]]:
    """Grants for the domain, organizations by credit status, credit news sent."""
    async with services.engine.sessions() as session:
        grants = await session.scalar(
            select(func.count()).select_from(CreditGrantRow).where(CreditGrantRow.domain == domain)
        )
        orgs = await orgs_repo.list_organizations(session)
        payloads = list(await session.scalars(select(OutboxRow.payload)))
    statuses = Counter(str(org.credit_status) for org in orgs)
    news = Counter(
        p["reply"]["message_id"]
        for p in payloads
        if p.get("reply", {}).get("message_id", "").startswith("credit-")
    )
    return int(grants or 0), statuses, news


async def test_concurrent_confirmations_in_one_process(services: Services) -> None:
    tokens = await _awaiting_organizations(services, 12, "acme.com")
    views = await asyncio.gather(*(use_link(services.engine, t) for t in tokens))
    assert {v.status for v in views} == {LinkStatus.CONFIRMED}
    grants, statuses, news = await _outcome(services, "acme.com")
    assert grants == 1
    assert statuses == Counter({"granted": 1, "already_used": 11})
    assert news == Counter({"credit-granted": 1, "credit-already-used": 11})


async def _start_racer(database_url: str, tokens: list[str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.bot.credit_racer",
        database_url,
        json.dumps(tokens),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        cwd=ROOT,
    )


@pytest.mark.parametrize("backend", ["postgresql"])
async def test_fifty_confirmations_over_two_processes(services: Services) -> None:
    tokens = await _awaiting_organizations(services, 50, "newco.com")
    racers = [
        await _start_racer(services.settings.database_url, half)
        for half in (tokens[:25], tokens[25:])
    ]
    for racer in racers:  # both are connected and waiting: start them together
        assert racer.stdout is not None
        line = await asyncio.wait_for(racer.stdout.readline(), timeout=60)
        assert line.strip() == b"ready"
    for racer in racers:
        assert racer.stdin is not None
        racer.stdin.write(b"go\n")
        await racer.stdin.drain()
    results = []
    for racer in racers:
        out, _ = await asyncio.wait_for(racer.communicate(), timeout=120)
        assert racer.returncode == 0
        results += json.loads(out.decode().strip().splitlines()[-1])
    assert results == ["confirmed"] * 50

    grants, statuses, news = await _outcome(services, "newco.com")
    assert grants == 1
    assert statuses == Counter({"granted": 1, "already_used": 49})
    assert news == Counter({"credit-granted": 1, "credit-already-used": 49})


async def test_sites_under_a_private_suffix_are_separate_domains(services: Services) -> None:
    """github.io, herokuapp.com, blogspot.com host unrelated owners: each site
    is its own registrable domain and gets its own credit."""
    emails = [
        "alice@foo.github.io",
        "bob@bar.github.io",
        "carol@mail.foo.github.io",  # the same site as alice's
        "dan@shop.herokuapp.com",
        "erin@news.blogspot.com",
    ]
    for n, email in enumerate(emails):
        channel = ConsoleChannel(services, f"user{n}", io.StringIO())
        for line in ["/start", "en", f"Site {n}", email, "USD", "save"]:
            await channel.handle_line(line)
        view = await use_link(services.engine, newest_token(services.settings.mail_dir))
        assert view.status is LinkStatus.CONFIRMED
    async with services.engine.sessions() as session:
        orgs = await orgs_repo.list_organizations(session)
        domains = list(await session.scalars(select(CreditGrantRow.domain)))
    assert [(org.domain, org.credit_status) for org in orgs] == [
        ("foo.github.io", "granted"),
        ("bar.github.io", "granted"),
        ("foo.github.io", "already_used"),
        ("shop.herokuapp.com", "granted"),
        ("news.blogspot.com", "granted"),
    ]
    assert sorted(domains) == [
        "bar.github.io",
        "foo.github.io",
        "news.blogspot.com",
        "shop.herokuapp.com",
    ]
