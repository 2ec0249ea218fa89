"""The web chat: what 1 000 idle visitors with an open event stream cost a
`python -m bot web` process (SQLite, no worker), measured as its RSS growth.
Each visitor has their own signed cookie; every stream is open (its first
bytes read) before the second measurement."""

import asyncio
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from .stats import Row, rss_mb

__all__ = ["idle_web_chat"]

_COOKIE = re.compile(r"proficonf_chat=([^;]+)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def idle_web_chat(connections: int = 1000, warm: int = 50) -> Row:
    with tempfile.TemporaryDirectory() as workdir:
        port = _free_port()
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite+aiosqlite:///{Path(workdir) / 'bench.db'}",
            "MAIL_DIR": str(Path(workdir) / "mail"),
            "WEB_CHAT_KEY_FILE": str(Path(workdir) / "key"),
            "PORT": str(port),
            "WEB_CHAT_REQUESTS_PER_IP_PER_MINUTE": "1000000",
            "LOG_LEVEL": "WARNING",
        }
        server = subprocess.Popen(
            [sys.executable, "-m", "bot", "web", "--no-worker"],
            env=env,
            cwd=workdir,
            stdout=subprocess.PIPE,
            stderr=open(Path(workdir) / "err.txt", "wb"),  # noqa: SIM115
        )
        try:
            assert server.stdout is not None
            while not server.stdout.readline().startswith(b"listening on"):
                if server.poll() is not None:
                    raise RuntimeError("python -m bot web did not start")
            return asyncio.run(_measure(f"http://127.0.0.1:{port}", server.pid, connections, warm))
        except Exception:
            print((Path(workdir) / "err.txt").read_text()[-3000:], file=sys.stderr)
            raise
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


async def _measure(url: str, pid: int, connections: int, warm: int) -> Row:
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(
        connector=connector, cookie_jar=aiohttp.DummyCookieJar()
    ) as http:

        async def visitor() -> str:
            async with http.get(f"{url}/") as page:
                found = _COOKIE.search(page.headers.get("Set-Cookie", ""))
                assert found, "no cookie"
                return found.group(1)

        async def open_stream(cookie: str) -> aiohttp.ClientResponse:
            response = await http.get(
                f"{url}/chat/stream", headers={"Cookie": f"proficonf_chat={cookie}"}
            )
            assert response.status == 200, response.status
            await response.content.readline()  # "retry: …": the stream is open
            return response

        cookies = [await visitor() for _ in range(connections + warm)]
        streams = [await open_stream(cookie) for cookie in cookies[:warm]]
        await asyncio.sleep(1)
        before = rss_mb(pid)
        started = time.perf_counter()
        for batch in range(warm, len(cookies), 50):  # visitors arrive, not all in one instant
            streams += await asyncio.gather(*(open_stream(c) for c in cookies[batch : batch + 50]))
        opened = time.perf_counter() - started
        await asyncio.sleep(2)
        after = rss_mb(pid)
        for stream in streams:
            stream.close()
    row = Row("web chat: 1 000 idle connections", count=connections, seconds=opened)
    row.note = (
        f"{(after - before) * 1024 / connections:.0f} KB per connection "
        f"(RSS {before:.0f} → {after:.0f} MB)"
    )
    return row
