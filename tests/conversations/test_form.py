"""The one-shot sign-up form (`FormSubmitted`), event by event."""

import pytest

from conversations import (
    FORM_FIELDS,
    REMINDER,
    TRANSITIONS,
    CancelTimers,
    Choice,
    Conversation,
    CreateOrganization,
    FormRejected,
    FormSubmitted,
    OrganizationCreated,
    Reply,
    ScheduleTimer,
    SendConfirmationEmail,
    State,
    form_open,
    prompt,
    step,
)
from conversations.facts import Facts
from tests.conversations.test_flow import SAVED, conv_in, ids

GOOD = FormSubmitted(name="  Acme   Labs ", email="Alice@ACME.com", currency="EUR", language="ru")
OPEN_STATES = [
    State.LANGUAGE,
    State.NAME,
    State.EMAIL,
    State.CURRENCY,
    State.SUMMARY,
    State.DONE,
    State.CANCELLED,
]


def form(**changes: str) -> FormSubmitted:
    fields = {"name": "Acme", "email": "a@acme.com", "currency": "USD", "language": "it"}
    return FormSubmitted(**{**fields, **changes})


@pytest.mark.parametrize("state", OPEN_STATES)
def test_a_valid_form_saves_the_organization(state: State) -> None:
    new, effects = step(conv_in(state), GOOD)
    assert new == Conversation(
        state=State.AWAITING_EMAIL,
        language="ru",
        name="Acme Labs",
        email="Alice@acme.com",
        currency="EUR",
    )
    assert effects == [
        CreateOrganization(name="Acme Labs", email="Alice@acme.com", language="ru", currency="EUR")
    ]


def test_then_the_email_goes_out_as_after_save() -> None:
    conv, _ = step(Conversation(), GOOD)
    conv, effects = step(conv, OrganizationCreated(org_id=5))
    assert conv.org_id == 5
    assert effects == [
        SendConfirmationEmail(org_id=5, announce=(prompt(conv),)),
        CancelTimers(name=REMINDER, org_id=5),
        ScheduleTimer(name=REMINDER, org_id=5),
    ]
    assert ids(effects) == ["onboarding-awaiting-email"]


def test_free_mail_is_accepted_with_the_same_note_as_the_chat() -> None:
    new, effects = step(Conversation(), form(email="bob@gmail.com"))
    assert new.state is State.AWAITING_EMAIL
    assert effects[0] == Reply(
        message_id="email-note-free",
        args={"domain": "gmail.com", "amount_minor": 2500, "amount_currency": "USD"},
    )
    assert isinstance(effects[1], CreateOrganization)


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"name": ""}, {"name": "error-name-empty"}),
        ({"name": "A"}, {"name": "error-name-too-short"}),
        ({"name": "N" * 101}, {"name": "error-name-too-long"}),
        ({"name": "Acme\u200bCorp"}, {"name": "error-name-invisible"}),
        ({"name": "<b>Acme</b>"}, {"name": "error-name-markup"}),
        ({"email": ""}, {"email": "error-email-empty"}),
        ({"email": "not an email"}, {"email": "error-email-invalid"}),
        ({"email": "a" * 300 + "@acme.com"}, {"email": "error-email-too-long"}),
        ({"currency": "GBP"}, {"currency": "error-pick-option"}),
        ({"currency": ""}, {"currency": "error-pick-option"}),
        ({"language": "de"}, {"language": "error-pick-option"}),
        (
            {"name": "", "email": "x", "currency": "", "language": ""},
            {
                "name": "error-name-empty",
                "email": "error-email-invalid",
                "currency": "error-pick-option",
                "language": "error-pick-option",
            },
        ),
    ],
)
def test_bad_fields_are_all_reported_and_nothing_changes(
    changes: dict[str, str], errors: dict[str, str]
) -> None:
    conv = conv_in(State.SUMMARY)
    new, effects = step(conv, form(**changes))
    assert new == conv
    language = "it" if "language" not in errors else conv.language
    assert effects == [FormRejected(errors=errors, language=language)]
    assert set(errors) <= set(FORM_FIELDS)


def test_errors_are_in_the_language_picked_in_the_form() -> None:
    conv = Conversation(state=State.NAME, language="en")
    _, effects = step(conv, form(name="", language="pt-BR"))
    assert effects == [FormRejected(errors={"name": "error-name-empty"}, language="pt-BR")]


@pytest.mark.parametrize(
    "state", [State.AWAITING_EMAIL, State.PAYMENT, *[s for s in State if s.name.startswith("CONF")]]
)
def test_not_open_after_save_or_under_a_question(state: State) -> None:
    conv = conv_in(state)
    assert not form_open(conv)
    new, effects = step(conv, GOOD)
    assert new == conv
    assert effects == [Reply(message_id="error-not-now"), prompt(conv)]


def test_not_open_while_changing_the_email_of_a_saved_organization() -> None:
    conv, _ = step(SAVED, Choice(value="change-email"))
    assert conv.state is State.EMAIL and not form_open(conv)
    new, effects = step(conv, GOOD)
    assert new == conv
    assert ids(effects) == ["error-not-now", "onboarding-ask-email"]


def test_after_done_a_form_is_a_new_organization() -> None:
    done = conv_in(State.DONE)
    assert done.org_id is not None and form_open(done)
    new, effects = step(done, GOOD)
    assert new.org_id is None and new.state is State.AWAITING_EMAIL
    assert isinstance(effects[-1], CreateOrganization)


def test_open_exactly_where_the_table_accepts_it() -> None:
    accepting = {s for s in State if FormSubmitted in TRANSITIONS[s]}
    assert accepting == set(OPEN_STATES)


# -- a name the user already has -----------------------------------------------


@pytest.mark.parametrize("state", [State.LANGUAGE, State.NAME, State.DONE, State.CANCELLED])
def test_a_duplicate_name_is_pointed_out_on_the_field_once(state: State) -> None:
    facts = Facts(org_names=("Acme Labs", "Beta"))
    conv = conv_in(state)
    warned, effects = step(conv, form(name="ACME  labs"), facts=facts)
    assert effects == [FormRejected(errors={"name": "slack-form-name-duplicate"}, language="it")]
    assert warned.state is state and warned.org_id == conv.org_id  # nothing else changed
    # Another name the user already has: pointed out too.
    again, effects = step(warned, form(name="beta"), facts=facts)
    assert effects == [FormRejected(errors={"name": "slack-form-name-duplicate"}, language="it")]
    assert again.pending_name == "beta"
    # The name they were warned about, submitted again: they meant it.
    saved, effects = step(warned, form(name="Acme Labs"), facts=facts)
    assert saved.state is State.AWAITING_EMAIL and saved.pending_name is None
    assert [e for e in effects if isinstance(e, CreateOrganization)] == [
        CreateOrganization(name="Acme Labs", email="a@acme.com", language="it", currency="USD")
    ]
    # A new name goes through at once; other field errors come first.
    fresh, effects = step(conv, form(name="Gamma"), facts=facts)
    assert fresh.state is State.AWAITING_EMAIL
    _, effects = step(conv, form(name="Acme Labs", email="nope"), facts=facts)
    assert effects == [FormRejected(errors={"email": "error-email-invalid"}, language="it")]
