"""Every route of the web app, fed malformed and hostile requests over real
HTTP: nothing answers 500, nothing in the database changes."""

import json
import random
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from sqlalchemy import select

from bot.services import Services
from bot.web import build_app
from storage.models import Base

BODIES: list[tuple[str, bytes]] = [
    ("application/json", b"{"),
    ("application/json", b"[]"),
    ("application/json", b'{"a": NaN}'),
    ("application/json", json.dumps({"x": "\ud800"}, ensure_ascii=True).encode()),
    ("application/json", b'"\\u0000"'),
    ("application/x-www-form-urlencoded", b"a=%ZZ&&=="),
    ("application/x-www-form-urlencoded", b"payload=%7B%7D"),
    ("text/plain", "😀\u202e\x00".encode()),
    ("application/octet-stream", bytes(range(256))),
    ("multipart/form-data; boundary=x", b"--x\r\nbroken"),
    ("", b""),
]
PATH_VALUES = ["x", "0", "-1", "%00", "%F0%9F%98%80", "..%2F..", "a" * 300, "%E2%80%AE"]


def _paths(app: web.Application) -> list[tuple[str, str]]:
    found = []
    for route in app.router.routes():
        info = route.resource.get_info() if route.resource else {}
        path = info.get("path") or info.get("formatter")
        if path is None or route.method == "HEAD":
            continue
        found.append((route.method, path))
    return sorted(set(found))


def _fill(template: str, value: str) -> str:
    out, depth, result = template, 0, ""
    for char in out:
        if char == "{":
            depth += 1
            if depth == 1:
                result += value
            continue
        if char == "}":
            depth -= 1
            continue
        if depth == 0:
            result += char
    return result


# Request counters, not state: the per-IP limit counts every public-page request.
COUNTERS = frozenset({"ip_windows"})


async def _snapshot(services: Services) -> dict[str, list[Any]]:
    state: dict[str, list[Any]] = {}
    async with services.engine.sessions() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in COUNTERS:
                continue
            rows = (await session.execute(select(table))).all()
            state[table.name] = sorted(repr(tuple(row)) for row in rows)
    return state


@pytest.fixture
async def app_url(services: Services) -> Any:
    runner = web.AppRunner(build_app(services.engine, services.translator))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}", runner.app
    await runner.cleanup()


async def test_no_route_answers_500_or_changes_state(
    services: Services, app_url: tuple[str, web.Application]
) -> None:
    base, app = app_url
    before = await _snapshot(services)
    rng = random.Random(1234)
    seen_routes = _paths(app)
    assert seen_routes
    async with aiohttp.ClientSession() as http:
        for method, template in seen_routes:
            for value in PATH_VALUES:
                path = _fill(template, value)
                for content_type, body in BODIES:
                    headers = {"Content-Type": content_type} if content_type else {}
                    headers["X-Fuzz"] = str(rng.random())
                    async with http.request(
                        method, f"{base}{path}", data=body, headers=headers
                    ) as response:
                        assert response.status < 500, (method, path, content_type)
    assert await _snapshot(services) == before


async def test_huge_bodies_get_413(app_url: tuple[str, web.Application]) -> None:
    base, app = app_url
    async with aiohttp.ClientSession() as http:
        for method, template in _paths(app):
            if method != "POST":
                continue
            path = _fill(template, "x")
            async with http.post(f"{base}{path}", data=b"x" * (1024 * 1024)) as response:
                assert response.status == 413, path

            async def chunks() -> Any:
                for _ in range(64):
                    yield b"y" * 16384

            async with http.post(f"{base}{path}", data=chunks()) as response:
                assert response.status in (400, 401, 404, 409, 410, 413), path
