"""A card number or IBAN refuses the whole event, event by event: as the
organization name, as the email, in any field of the Slack form, during a
handoff (never relayed), in a command, in a button's value, in every state.
Nothing changes and no effect carries the number."""

import pytest

from conversations import (
    Choice,
    Command,
    Conversation,
    FormRejected,
    FormSubmitted,
    HandoffMessage,
    RedactUserMessage,
    Reply,
    State,
    TellDesk,
    Text,
    carries_payment_number,
    step,
)
from conversations.form import check_form
from tests.conversations.test_flow import conv_in

EXAMPLES = (
    "4242 4242 4242 4242 12/27 123",
    "4242-4242-4242-4242 05 28",
    "DE89 3704 0044 0532 0130 00 ok",
    "IBAN DE89370400440532013000 thanks",
)
REFUSED = [RedactUserMessage(), Reply(message_id="warning-payment-number")]
SAVED = Conversation(
    state=State.AWAITING_EMAIL,
    language="en",
    name="Acme",
    email="a@acme.com",
    currency="EUR",
    org_id=7,
)


def leaks(effects: list[object]) -> bool:
    seen = repr(effects)
    return any(fragment in seen for fragment in ("4242", "3704", "0532"))


@pytest.mark.parametrize("text", EXAMPLES)
def test_as_the_organization_name(text: str) -> None:
    conv = Conversation(state=State.NAME, language="en")
    assert step(conv, Text(text=text)) == (conv, REFUSED)


@pytest.mark.parametrize("text", EXAMPLES)
def test_as_the_email_address(text: str) -> None:
    conv = Conversation(state=State.EMAIL, language="en", name="Acme")
    assert step(conv, Text(text=text)) == (conv, REFUSED)
    assert step(conv, Text(text=f"{text.replace(' ', '')}@acme.com")) == (conv, REFUSED)
    # Changing the email of a saved organization, too.
    editing = SAVED.at(State.EMAIL, editing=True)
    assert step(editing, Text(text=text)) == (editing, REFUSED)


@pytest.mark.parametrize("text", EXAMPLES)
@pytest.mark.parametrize("field", ["name", "email", "language", "currency"])
def test_in_any_field_of_the_slack_form(text: str, field: str) -> None:
    values = {"name": "Acme", "email": "a@acme.com", "currency": "EUR", "language": "it"}
    form = FormSubmitted(**{**values, field: text})
    expected = FormRejected(errors={field: "warning-payment-number"}, language="it")
    if field == "language":
        expected = FormRejected(errors={field: "warning-payment-number"}, language="en")
    conv = Conversation(state=State.NAME, language="en")
    assert step(conv, form) == (conv, [RedactUserMessage(), expected])
    assert check_form(form) == {field: "warning-payment-number"}
    # Where the form is not open, it is refused all the same (never "not now").
    assert step(SAVED, form) == (SAVED, [RedactUserMessage(), expected])


@pytest.mark.parametrize("text", EXAMPLES)
@pytest.mark.parametrize("handoff", ["waiting", "taken", "escalated"])
def test_during_a_handoff_it_is_not_relayed(text: str, handoff: str) -> None:
    for base in (SAVED, Conversation(state=State.NAME, language="en")):
        conv = base.at(base.state, handoff=handoff)
        assert step(conv, Text(text=text)) == (conv, REFUSED)
        assert step(conv, Command(name="status", arg=text)) == (conv, REFUSED)


@pytest.mark.parametrize("text", EXAMPLES)
def test_an_agents_message_holding_one_is_not_passed_on(text: str) -> None:
    conv = SAVED.at(SAVED.state, handoff="taken")
    told = [TellDesk(message_id="handoff-desk-payment-number")]
    assert step(conv, HandoffMessage(text=text, agent="Ann")) == (conv, told)


@pytest.mark.parametrize("text", EXAMPLES)
def test_in_a_command(text: str) -> None:
    conv = Conversation(state=State.NAME, language="en")
    glued = text.replace(" ", "").replace("-", "")
    for event in (
        Command(name="start", arg=text),  # a /start payload
        Command(name="help", arg=text),
        Command(name="nosuchcommand", arg=text),
        Command(name=f"x{glued}"),  # "/x4242…": echoed back as unknown before
    ):
        assert step(conv, event) == (conv, REFUSED), event


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("text", EXAMPLES)
def test_in_every_state_and_in_a_forged_button(state: State, text: str) -> None:
    conv = conv_in(state)
    for event in (Text(text=text), Choice(value=text), Text(text=text * 300)):
        new, effects = step(conv, event)
        assert (new, effects) == (conv, REFUSED)
        assert not leaks(effects)


def test_carries_payment_number_reads_what_the_user_wrote() -> None:
    assert carries_payment_number(Command(name="start", arg="4242424242424242"))
    assert not carries_payment_number(Command(name="start", arg="ad-campaign-7"))
    assert not carries_payment_number(Text(text="Acme 2024, +49 30 1234567"))
