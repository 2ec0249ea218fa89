"""The command line as a user meets it: real processes, piped stdin."""

import asyncio
import json
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.text.i18n import Translator
from conversations import LANGUAGES
from conversations.diagram import mermaid
from conversations.flow import FLOW
from tests.ports import free_port
from tests.transcripts.mailbox import messages, newest_token

ROOT = Path(__file__).resolve().parents[2]
TRANSLATOR = Translator(ROOT / "locales")
STARTUP = 60.0  # seconds `python -m bot web` may take to answer /healthz


@pytest.fixture
def env(database_url: str, tmp_path: Path) -> dict[str, str]:
    port = free_port()
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "MAIL_DIR": str(tmp_path / "mail"),
        "PORT": str(port),
        "PUBLIC_URL": f"http://127.0.0.1:{port}",
        "LANG": "C.UTF-8",
        "PYTHONUNBUFFERED": "1",
    }


async def run_bot(env: dict[str, str], *args: str, stdin: str = "") -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
        cwd=Path(env["MAIL_DIR"]).parent,
    )
    out, err = await asyncio.wait_for(process.communicate(stdin.encode()), timeout=60)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


@pytest.fixture
async def web(env: dict[str, str]) -> AsyncIterator[str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "web",
        env=env,
        cwd=Path(env["MAIL_DIR"]).parent,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    url = env["PUBLIC_URL"]
    # Start-up is imports and a migration check: a few seconds alone, far more
    # while the other xdist worker and its subprocesses share the cores. So
    # wait by the clock, not by a count of tries, and stop early if it died.
    deadline = asyncio.get_running_loop().time() + STARTUP
    async with aiohttp.ClientSession() as http:
        while True:
            try:
                async with http.get(f"{url}/healthz") as response:
                    if response.status == 200:
                        break
            except aiohttp.ClientConnectionError:
                await asyncio.sleep(0.05)
            if process.returncode is not None or asyncio.get_running_loop().time() > deadline:
                if process.returncode is None:
                    process.kill()
                assert process.stdout is not None
                output = (await process.stdout.read()).decode(errors="replace")
                raise AssertionError(f"web did not start:\n{output[-3000:]}")
    yield url
    process.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(process.wait(), timeout=20) == 0


def line(language: str, message_id: str, **args: object) -> str:
    return TRANSLATOR.format(language, message_id, args).splitlines()[0]


@pytest.mark.parametrize("language", LANGUAGES)
async def test_whole_flow_in_each_language(language: str, env: dict[str, str], web: str) -> None:
    number = str(LANGUAGES.index(language) + 1)
    script = f"/start\n{number}\nAcme Labs\nalice@acme.com\n2\n1\n"
    code, out, _ = await run_bot(env, "chat", "--user", "alice", stdin=script)
    assert code == 0
    assert line(language, "onboarding-awaiting-email", email="a…@acme.com") in out

    (email,) = messages(Path(env["MAIL_DIR"]))
    assert email["Content-Language"] == language
    assert email["Subject"] == TRANSLATOR.format(
        language, "email-confirm-subject", {"name": "Acme Labs"}
    )

    link = f"{web}/confirm/{newest_token(Path(env['MAIL_DIR']))}"
    async with aiohttp.ClientSession() as http, http.post(link) as response:
        assert response.status == 200

    code, out, _ = await run_bot(env, "chat", "--user", "alice", stdin="/start\n")
    assert code == 0
    assert line(language, "email-confirmed") in out
    credit = {"amount_minor": 2500, "amount_currency": "USD", "domain": "acme.com"}
    assert line(language, "credit-granted", **credit) in out
    # No payments set up here: the organization is done, with no payment step.
    assert line(language, "onboarding-ready-no-payment", email="support@proficonf.com") in out
    assert "STRIPE_SECRET_KEY" not in out

    code, out, _ = await run_bot(env, "orgs", "--json")
    (org,) = json.loads(out)
    assert org | {
        "id": 0,
    } == {
        **org,
        "id": 0,
        "name": "Acme Labs",
        "email": "alice@acme.com",
        "domain": "acme.com",
        "language": language,
        "currency": "EUR",
        "status": "confirmed",
        "credit": {
            "status": "granted",
            "amount_minor": 2500,
            "remaining_minor": 2500,
            "currency": "USD",
        },
    }


async def test_killed_mid_flow_resumes(env: dict[str, str]) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "chat",
        "--user",
        "bob",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
        env=env,
        cwd=Path(env["MAIL_DIR"]).parent,
    )
    assert process.stdin and process.stdout
    ask_email = line("en", "onboarding-ask-email")
    process.stdin.write(b"/start\n1\nBob's Bakery\n")
    await process.stdin.drain()
    seen = ""
    while ask_email not in seen:
        seen += (await asyncio.wait_for(process.stdout.readline(), timeout=30)).decode()
    process.send_signal(signal.SIGKILL)
    await process.wait()

    code, out, _ = await run_bot(env, "chat", "--user", "bob", stdin="/start\n/status\n")
    assert code == 0
    assert ask_email in out
    assert "Bob's Bakery" in out


async def test_eof_ends_cleanly_and_bad_input_is_answered(env: dict[str, str]) -> None:
    code, out, err = await run_bot(
        env, "chat", "--user", "carol", stdin="/start\n9\n/nope\n1\n\x01\x02\n"
    )
    assert code == 0, err
    assert line("en", "error-pick-option") in out
    assert line("en", "error-unknown-command", command="nope") in out
    assert line("en", "error-name-invisible") in out
    assert "Traceback" not in err


async def test_language_hint_from_the_environment(env: dict[str, str]) -> None:
    code, out, _ = await run_bot(
        {**env, "LANG": "ru_RU.UTF-8"}, "chat", "--user", "d", stdin="/start\n"
    )
    assert code == 0
    assert line("ru", "onboarding-welcome") in out


async def test_migrate(env: dict[str, str]) -> None:
    code, _, err = await run_bot(env, "migrate")
    assert code == 0, err


async def _chat_process(env: dict[str, str], user: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "chat",
        "--user",
        user,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
        cwd=Path(env["MAIL_DIR"]).parent,
    )


async def _read_until(process: asyncio.subprocess.Process, text: str) -> str:
    assert process.stdout
    seen = ""
    while text not in seen:
        seen += (await asyncio.wait_for(process.stdout.readline(), timeout=30)).decode()
    return seen


async def test_ctrl_c_exits_at_once_quietly_with_the_state_saved(env: dict[str, str]) -> None:
    process = await _chat_process(env, "erin")
    assert process.stdin and process.stderr
    process.stdin.write(b"/start\n1\nErin Labs\n")
    await process.stdin.drain()
    await _read_until(process, line("en", "onboarding-ask-email"))
    # stdin stays open: the chat is waiting for a line, as at a terminal.
    process.send_signal(signal.SIGINT)
    code = await asyncio.wait_for(process.wait(), timeout=10)
    assert code in (0, 130)
    err = (await process.stderr.read()).decode()
    assert "Traceback" not in err and "KeyboardInterrupt" not in err

    code, out, _ = await run_bot(env, "chat", "--user", "erin", stdin="/status\n")
    assert code == 0 and "Erin Labs" in out


async def test_logs_stay_off_the_chat(env: dict[str, str]) -> None:
    code, out, err = await run_bot(
        env, "chat", "--user", "fay", stdin="/start\n1\nFay Labs\nfay@acme.com\n2\n1\n?\n"
    )
    assert code == 0
    assert line("en", "onboarding-awaiting-email", email="f…@acme.com") in out
    for log_text in ("INFO bot.", "WARNING bot.", "confirmation link for organization"):
        assert log_text not in out and log_text not in err
    log = (Path(env["MAIL_DIR"]).parent / "var" / "chat.log").read_text()
    assert "no support desk configured" in log


async def test_a_new_chat_process_shows_the_current_question_in_the_users_language(
    env: dict[str, str],
) -> None:
    code, _, _ = await run_bot(env, "chat", "--user", "gil", stdin="/start\n2\nГил\n")
    assert code == 0
    # No /start: the question is on screen at once, in Russian, and "1" answers it.
    code, out, _ = await run_bot(env, "chat", "--user", "gil", stdin="gil@acme.com\n1\n")
    assert code == 0
    assert line("ru", "console-hint") in out
    assert out.index(line("ru", "onboarding-ask-email")) < out.index(
        line("ru", "onboarding-ask-currency")
    )
    summary = {"name": "Гил", "email": "gil@acme.com", "currency": "USD", "language": "ru"}
    assert TRANSLATOR.format("ru", "onboarding-summary", summary).splitlines()[0] in out


async def test_numbers_refer_to_the_question_on_screen(env: dict[str, str]) -> None:
    script = "/start\n1\nHal Labs\nhal@acme.com\nEuro\n/status\n1\n"
    code, out, _ = await run_bot(env, "chat", "--user", "hal", stdin=script)
    assert code == 0
    # "Euro" picked the currency; after /status, "1" is still Save.
    assert line("en", "onboarding-awaiting-email", email="h…@acme.com") in out
    assert line("en", "error-pick-option") not in out


async def test_flow_prints_the_diagram_of_the_step_table(tmp_path: Path) -> None:
    # No database, no settings: the diagram is drawn from the table alone.
    bare = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    code, out, err = await run_bot({**bare, "MAIL_DIR": str(tmp_path / "mail")}, "flow")
    assert (code, err) == (0, "")
    assert out == mermaid(FLOW)
