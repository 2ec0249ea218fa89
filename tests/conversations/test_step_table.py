"""The step table (conversations/flow.py), event by event: every row's
events and options lead only where the row says; the derived sets are what
the rules need; a table with one more step is a flow with one more step; and
the diagram in docs/ARCHITECTURE.md is the one drawn from the table."""

from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import cast

import pytest

from conversations import (
    COMMANDS,
    UNCONFIRMED,
    UNSAVED,
    Button,
    Choice,
    Command,
    Conversation,
    CreateOrganization,
    EmailConfirmed,
    EmailDeliveryFailed,
    EmailRefused,
    FormSubmitted,
    MandateInactive,
    OrganizationCreated,
    OrganizationRefused,
    PaymentLinkDelayed,
    PaymentLinkExpired,
    PaymentLinkReady,
    PaymentLinkUnavailable,
    Reply,
    SavedMethod,
    SetupFailed,
    SetupProcessing,
    SetupSucceeded,
    State,
    Text,
    Timer,
    step,
)
from conversations.asking import pick_option
from conversations.diagram import mermaid
from conversations.flow import FLOW, SHARED, STEPS
from conversations.prompts import ask_email
from conversations.sign_up import option_taken
from conversations.states import ACTIVE_STEPS, OVERLAYS
from conversations.table import Flow, Next, On, Stage, Step, Target
from conversations.timer_names import REMINDER

ARCHITECTURE = Path(__file__).resolve().parents[2] / "docs" / "ARCHITECTURE.md"
VISA = SavedMethod(kind="card", brand="visa", last4="4242")

FULL = Conversation(
    state=State.SUMMARY, language="en", name="Acme", email="a@acme.com", currency="EUR"
)
SAVED = Conversation(
    state=State.AWAITING_EMAIL,
    language="en",
    name="Acme",
    email="a@acme.com",
    currency="EUR",
    org_id=7,
)

# One event of each type a row can accept, about the conversations' organization.
EVENTS = {
    Text: Text(text="hello there"),
    FormSubmitted: FormSubmitted(name="Beta", email="b@beta.com", currency="USD", language="en"),
    OrganizationCreated: OrganizationCreated(org_id=7),
    OrganizationRefused: OrganizationRefused(hours=3),
    EmailRefused: EmailRefused(org_id=7, hours=3),
    EmailDeliveryFailed: EmailDeliveryFailed(org_id=7),
    Timer: Timer(name=REMINDER, org_id=7),
    SetupSucceeded: SetupSucceeded(org_id=7, method=VISA),
    SetupFailed: SetupFailed(org_id=7, reason="declined"),
    SetupProcessing: SetupProcessing(org_id=7),
    PaymentLinkExpired: PaymentLinkExpired(org_id=7),
    PaymentLinkReady: PaymentLinkReady(org_id=7, url="https://checkout.example/c/1"),
    PaymentLinkDelayed: PaymentLinkDelayed(org_id=7),
    PaymentLinkUnavailable: PaymentLinkUnavailable(org_id=7),
    MandateInactive: MandateInactive(org_id=7),
}


def conversations_in(state: State) -> list[Conversation]:
    """Plausible conversations in `state`: before and after saving, editing
    or not, and under each overlay the step beneath it."""
    if state in OVERLAYS:
        return [
            FULL.at(state, resume=State.SUMMARY),
            SAVED.at(state, resume=State.AWAITING_EMAIL),
            SAVED.at(state, resume=State.PAYMENT),
            Conversation(state=state, resume=State.LANGUAGE),
        ]
    if state is State.LANGUAGE:
        return [Conversation()]
    fresh = Conversation(state=state, name="Acme")
    return [FULL.at(state), FULL.at(state, editing=True), SAVED.at(state), fresh]


def allowed(flow: Flow, conv: Conversation, leads: tuple[Target, ...]) -> set[State]:
    order = flow.sets.order
    states: set[State] = {conv.state}
    for to in leads:
        if isinstance(to, State):
            states.add(to)
        elif to is Next.RESUME:
            states |= {conv.resume or State.NAME, *order[1:2]}
        else:  # the next step or the review: a later one
            states |= set(order[order.index(conv.state) + 1 :])
    return states


CASES = [
    pytest.param(conv, event, leads, id=f"{state}-{label}-{index}")
    for state, row in FLOW.steps.items()
    for index, conv in enumerate(conversations_in(state))
    for label, event, leads in [
        *(
            (value, Choice(value=value), (*to, *row.on[Choice].to))
            for value, to in row.choices.items()
        ),
        *((kind.__name__, EVENTS[kind], on.to) for kind, on in row.on.items() if kind in EVENTS),
    ]
]


@pytest.mark.parametrize(("conv", "event", "leads"), CASES)
def test_every_event_of_a_row_leads_only_where_the_row_says(
    conv: Conversation, event: object, leads: tuple[Target, ...]
) -> None:
    new, _ = step(conv, event)  # type: ignore[arg-type]
    assert new.state in allowed(FLOW, conv, leads)


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("state", list(State))
def test_every_command_leads_only_where_the_shared_table_says(name: str, state: State) -> None:
    for conv in conversations_in(state):
        new, _ = step(conv, Command(name=name))
        assert new.state in {conv.state, conv.step, *SHARED.commands[name].to}


def test_confirmation_leads_where_the_shared_table_says() -> None:
    for state in State:
        for conv in conversations_in(state):
            new, _ = step(conv, EmailConfirmed(org_id=7))
            assert new.state in {conv.state, *SHARED.events[EmailConfirmed].to}


@pytest.mark.parametrize(
    "event",
    [e for e in EVENTS.values() if getattr(e, "org_id", None) == 7],
    ids=lambda e: type(e).__name__,
)
def test_news_about_another_organization_is_dropped_at_every_step(event: object) -> None:
    stale = replace(event, org_id=8)  # type: ignore[type-var]
    for state, row in FLOW.steps.items():
        accepted = row.on.get(type(event))
        if accepted is None or not accepted.about_org:
            continue
        for conv in conversations_in(state):
            conv = conv.at(conv.state, org_id=7)
            assert step(conv, stale) == (conv, [])  # type: ignore[arg-type]


def test_the_derived_sets_are_the_rules_sets() -> None:
    sets = FLOW.sets
    assert sets.unsaved == UNSAVED == {State.NAME, State.EMAIL, State.CURRENCY, State.SUMMARY}
    assert sets.unconfirmed == UNCONFIRMED == {State.AWAITING_EMAIL, State.EMAIL}
    assert sets.confirmed == {State.PAYMENT, State.DONE}
    assert sets.idle == {State.LANGUAGE, State.CANCELLED, State.DONE}
    assert sets.with_org == {State.AWAITING_EMAIL, State.EMAIL, State.PAYMENT, State.DONE}
    assert FLOW.overlays == OVERLAYS


def test_the_table_covers_every_state_once_in_the_order_of_the_steps() -> None:
    assert set(FLOW.steps) == set(State)
    assert len(STEPS) + len(OVERLAYS) == len(State)
    assert tuple(s for s in FLOW.sets.order if s is not State.CANCELLED) == ACTIVE_STEPS
    assert COMMANDS == ("start", "status", "language", "cancel", "help", "new", "delete", "invite")


def test_every_option_is_a_button_of_its_question() -> None:
    for state, row in FLOW.steps.items():
        for conv in conversations_in(state):
            shown = {b.value for b in FLOW.prompt(conv).buttons}
            if shown - {"handoff"}:  # a question with options on screen
                assert shown - {"handoff"} <= set(row.choices), state


# -- one more step -------------------------------------------------------------------


class Added(StrEnum):
    COMPANY_SIZE = "company_size"


COMPANY_SIZE = cast(State, Added.COMPANY_SIZE)
SIZES = ("1-10", "11-50", "51+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Sized(Conversation):
    """A conversation that keeps one more answer (the field a new step adds)."""

    company_size: str | None = None


def ask_company_size(_: Conversation) -> Reply:
    buttons = tuple(Button(label=f"company-size-{size}", value=size) for size in SIZES)
    return Reply(message_id="onboarding-ask-company-size", buttons=buttons)


def with_company_size() -> Flow:
    """The diff a "company size" step between the name and the email takes:
    one row in the table (with its question); nothing else in the flow."""
    size = Step(
        COMPANY_SIZE,
        ask=ask_company_size,
        stage=Stage.SIGN_UP,
        answer="company_size",
        choices={size: (Next.STEP,) for size in SIZES},
        on={Choice: On(option_taken), Text: On(pick_option)},
    )
    name = [row.state for row in STEPS].index(State.NAME)
    return Flow((*STEPS[: name + 1], size, *STEPS[name + 1 :]), SHARED)


def test_a_table_with_one_more_step_is_a_flow_with_one_more_step() -> None:
    flow = with_company_size()
    conv: Conversation = Sized(state=State.LANGUAGE)
    conv, _ = flow.step(conv, Choice(value="en"))
    conv, effects = flow.step(conv, Text(text="Acme Labs"))
    assert conv.state == COMPANY_SIZE and conv.name == "Acme Labs"
    assert effects == [ask_company_size(conv)]
    conv, effects = flow.step(conv, Text(text="what?"))
    assert conv.state == COMPANY_SIZE
    assert effects[0] == Reply(message_id="error-pick-option")
    conv, effects = flow.step(conv, Text(text="11-50"))  # typed, as the button reads
    assert conv.state is State.EMAIL and cast(Sized, conv).company_size == "11-50"
    assert effects == [ask_email(conv)]
    conv, _ = flow.step(conv, Text(text="ceo@acme.com"))
    conv, _ = flow.step(conv, Choice(value="EUR"))
    assert conv.state is State.SUMMARY
    # Editing an answer goes back to the summary, past the new step.
    conv, _ = flow.step(conv, Choice(value="edit-name"))
    conv, _ = flow.step(conv, Text(text="Acme Corp"))
    assert conv.state is State.SUMMARY and cast(Sized, conv).company_size == "11-50"
    conv, effects = flow.step(conv, Choice(value="save"))
    assert conv.state is State.AWAITING_EMAIL
    assert effects == [
        CreateOrganization(name="Acme Corp", email="ceo@acme.com", language="en", currency="EUR")
    ]


def test_the_derived_sets_and_the_diagram_take_the_new_step_in() -> None:
    flow = with_company_size()
    assert flow.sets.unsaved == UNSAVED | {COMPANY_SIZE}
    assert flow.sets.unconfirmed == UNCONFIRMED
    drawn = mermaid(flow)
    assert "    name --> company_size: keep-name, Text\n" in drawn
    assert "    company_size --> email: 1-10, 11-50, 51+\n" in drawn
    assert "    name --> email" not in drawn


def test_several_answers_at_once_stop_at_the_new_step() -> None:
    conv, effects = with_company_size().step(
        Sized(state=State.NAME), Text(text="Acme Labs, ceo@acme.com, EUR")
    )
    assert conv.state == COMPANY_SIZE and conv.email is None
    assert effects == [ask_company_size(conv)]


# -- the diagram -------------------------------------------------------------------


def embedded_diagram() -> str:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    start = text.index("<!-- flow diagram: python -m bot flow -->")
    body = text[start:].split("```mermaid\n", 1)[1]
    return body.split("```", 1)[0]


def test_the_architecture_doc_embeds_the_diagram_drawn_from_the_table() -> None:
    # After a change to the table: python -m bot flow, and paste it in.
    assert embedded_diagram() == mermaid(FLOW)


def test_the_diagram_draws_every_state_and_the_way_through() -> None:
    drawn = mermaid(FLOW)
    for state in State:
        assert f" {state}" in drawn
    for before, after in [
        ("language", "name"),
        ("name", "email"),
        ("email", "currency"),
        ("currency", "summary"),
        ("summary", "awaiting_email"),
        ("any_step", "payment"),
        ("payment", "done"),
    ]:
        assert f"    {before} --> {after}: " in drawn
