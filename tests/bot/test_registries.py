"""The shell's registries are complete: every effect the core can ask for has
a runner, and every kind of outbox row the shell queues has a kind that runs
it and gives it up."""

import inspect
import typing
from pathlib import Path

from pydantic import SecretStr

from bot.config import Settings
from bot.effects import RUNNERS
from bot.handoff.effects import DESK
from bot.invitations import INVITATION_EMAIL
from bot.outbox.kinds.names import CHAT_MESSAGE, CONFIRMATION_EMAIL, PAYMENT_LINK
from bot.services import open_services
from conversations import Effect
from storage.payments import DELETE_CUSTOMER


def test_every_effect_type_has_a_runner() -> None:
    effect_types = set(typing.get_args(Effect))
    assert effect_types, "Effect is a union of the effect types"
    assert set(RUNNERS) == effect_types
    for runner in RUNNERS.values():
        assert inspect.iscoroutinefunction(runner)


async def test_every_outbox_kind_the_shell_queues_has_run_and_give_up(tmp_path: Path) -> None:
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'kinds.db'}",
        mail_dir=tmp_path / "mail",
        stripe_secret_key=SecretStr("sk_test_registry"),
        telegram_bot_token=SecretStr("123:registry"),
        _env_file=None,  # type: ignore[call-arg]
    )
    services = open_services(settings)
    try:
        kinds = services.worker.runners
        queued = {
            CONFIRMATION_EMAIL,
            INVITATION_EMAIL,
            PAYMENT_LINK,
            CHAT_MESSAGE,
            DESK,
            DELETE_CUSTOMER,
        }
        assert set(kinds) == queued
        for name, kind in kinds.items():
            assert kind.name == name
            assert inspect.iscoroutinefunction(kind.run)
            assert inspect.iscoroutinefunction(kind.give_up)
            assert isinstance(kind.in_order, bool)
        # A user's later chat messages never overtake one that is being retried.
        assert [name for name, kind in kinds.items() if kind.in_order] == [CHAT_MESSAGE]
    finally:
        await services.close()


async def test_without_stripe_no_payment_kinds_run(tmp_path: Path) -> None:
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'kinds.db'}",
        mail_dir=tmp_path / "mail",
        _env_file=None,  # type: ignore[call-arg]
    )
    services = open_services(settings)
    try:
        # The web chat is always there, so its chat messages always are.
        assert set(services.worker.runners) == {
            CONFIRMATION_EMAIL,
            INVITATION_EMAIL,
            CHAT_MESSAGE,
            DESK,
        }
    finally:
        await services.close()
