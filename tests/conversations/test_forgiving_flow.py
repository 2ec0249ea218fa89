"""The conversation forgives, never misleads and never dead-ends (issue #17),
event by event: typed choices, questions asked before an answer is taken,
several answers at once, facts from the shell (payments, desk, names)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conversations import (
    HANDOFF_CHOICE,
    AbandonOrganization,
    Button,
    Choice,
    Command,
    Conversation,
    CreatePaymentLink,
    EmailConfirmed,
    OpenTicket,
    Reply,
    State,
    Text,
    prompt,
    step,
)
from conversations.choices import match_choice, normalize
from conversations.facts import Facts
from conversations.typos import suggest_address, suggest_domain

from .test_flow import FULL, PAYING, SAVED, ids

NO_DESK = Facts(desk=False, support_email="help@example.com")
NO_PAYMENTS = Facts(payments=False, support_email="help@example.com")


def buttons(effects: list[object]) -> list[str]:
    return [b.value for e in effects if isinstance(e, Reply) for b in e.buttons]


# -- choices as people type them ----------------------------------------------


@pytest.mark.parametrize(
    ("state", "language", "typed", "value"),
    [
        (State.CURRENCY, "en", "Euro", "EUR"),
        (State.CURRENCY, "ru", "Евро", "EUR"),
        (State.CURRENCY, "ru", "евро", "EUR"),
        (State.CURRENCY, "en", "eur", "EUR"),
        (State.CURRENCY, "en", "Euro (EUR)", "EUR"),
        (State.CURRENCY, "es", "dólar", "USD"),
        (State.CURRENCY, "pt-BR", "DOLAR", "USD"),
        (State.CURRENCY, "ru", "доллар", "USD"),
        (State.CURRENCY, "ru", "dollar", "USD"),  # English always counts
        (State.LANGUAGE, "en", "Русский", "ru"),
        (State.LANGUAGE, "en", "russian", "ru"),
        (State.LANGUAGE, "en", "Español", "es"),
        (State.LANGUAGE, "en", "espanol", "es"),
        (State.LANGUAGE, "en", "Português (Brasil)", "pt-BR"),
        (State.LANGUAGE, "en", "italiano", "it"),
        (State.SUMMARY, "es", "guardar", "save"),
        (State.SUMMARY, "ru", "Сохранить", "save"),
        (State.SUMMARY, "it", "cambia valuta", "edit-currency"),
        (State.CONFIRM_CANCEL, "es", "sí", "yes"),
        (State.CONFIRM_CANCEL, "it", "si", "yes"),
        (State.CONFIRM_CANCEL, "pt-BR", "não", "no"),
        (State.CONFIRM_CANCEL, "ru", "да", "yes"),
        (State.AWAITING_EMAIL, "en", "send again", "resend"),
    ],
)
def test_typed_answer_picks_the_option(state: State, language: str, typed: str, value: str) -> None:
    conv = Conversation(**{**FULL.to_data(), "state": state, "language": language})
    if state is State.CONFIRM_CANCEL:
        conv = conv.at(state, resume=State.SUMMARY)
    if state is State.AWAITING_EMAIL:
        conv = conv.at(state, org_id=7)
    expected, _ = step(conv, Choice(value=value))
    typed_conv, _ = step(conv, Text(text=typed))
    assert typed_conv == expected


def test_an_option_of_another_language_does_not_count() -> None:
    # "guardar" is Spanish: a Russian user's summary does not take it as Save.
    assert match_choice("guardar", ("save", "edit-name"), "ru") is None
    assert match_choice("guardar", ("save", "edit-name"), "es") == "save"


def test_an_ambiguous_answer_picks_nothing() -> None:
    assert match_choice("ok", ("save", "yes"), "en") is None


def test_normalize_drops_case_accents_and_punctuation() -> None:
    assert normalize("  Dólar!! ") == "dolar"
    assert normalize("Ещё") == "еще"
    assert normalize("Português (Brasil)") == "portugues (brasil)"


@given(st.text(max_size=40))
def test_matching_never_crashes_and_only_returns_an_offered_value(text: str) -> None:
    found = match_choice(text, ("USD", "EUR"), "ru")
    assert found in (None, "USD", "EUR")


def test_a_name_that_sounds_like_an_option_stays_a_name() -> None:
    # At the name step nothing is a choice: "Euro" is an organization's name.
    conv = Conversation(state=State.NAME)
    new, _ = step(conv, Text(text="Euro"))
    assert new.state is State.EMAIL and new.name == "Euro"


# -- a person: only where a desk can answer ------------------------------------


def test_talk_is_offered_only_with_a_desk() -> None:
    assert HANDOFF_CHOICE in buttons([prompt(FULL)])
    assert HANDOFF_CHOICE not in buttons([prompt(FULL.at(State.SUMMARY, facts=NO_DESK))])


def test_third_bad_answer_without_a_desk_says_where_to_write() -> None:
    conv = Conversation(state=State.CURRENCY, invalid_in_a_row=2)
    new, effects = step(conv, Text(text="yen"), facts=NO_DESK)
    assert ids(effects) == ["error-pick-option", "onboarding-ask-currency", "support-contact"]
    (contact,) = [e for e in effects if isinstance(e, Reply) and e.message_id == "support-contact"]
    assert contact.args == {"email": "help@example.com"}
    assert new.state is State.CURRENCY and new.handoff is None


def test_third_bad_answer_with_a_desk_offers_a_person_apart_from_the_options() -> None:
    conv = Conversation(state=State.CURRENCY, invalid_in_a_row=2)
    _, effects = step(conv, Text(text="yen"))
    assert ids(effects)[-1] == "handoff-offer"
    # The options are still the question's: the offer is a message of its own.
    assert buttons(effects) == ["USD", "EUR", HANDOFF_CHOICE]


def test_an_old_talk_button_without_a_desk_opens_no_ticket() -> None:
    new, effects = step(FULL, Choice(value=HANDOFF_CHOICE), facts=NO_DESK)
    assert new == FULL and not any(isinstance(e, OpenTicket) for e in effects)
    assert ids(effects) == ["support-contact", "onboarding-summary"]


def test_help_has_no_talk_button_without_a_desk() -> None:
    _, effects = step(FULL, Command(name="help"), facts=NO_DESK)
    assert ids(effects) == ["help-text"] and buttons(effects) == []


@pytest.mark.parametrize("typed", ["?", "person", "человек"])
def test_typing_for_a_person_opens_a_ticket_where_a_desk_is(typed: str) -> None:
    new, effects = step(FULL, Text(text=typed))
    assert new.handoff == "waiting" and OpenTicket() in effects


def test_typing_a_question_mark_without_a_desk_is_just_a_bad_answer() -> None:
    _, effects = step(FULL, Text(text="?"), facts=NO_DESK)
    assert not any(isinstance(e, OpenTicket) for e in effects)


# -- the email step asks before it takes ---------------------------------------


def test_free_mail_stays_on_the_email_step_with_a_keep_button() -> None:
    conv = Conversation(state=State.EMAIL, name="Acme")
    new, effects = step(conv, Text(text="bob@gmail.com"))
    assert new.state is State.EMAIL and new.email is None
    assert ids(effects) == ["email-note-free"] and buttons(effects) == ["keep-email"]
    # /start shows the same question again, its button live.
    _, again = step(new, Command(name="start"))
    assert ids(again) == ["email-note-free"]


def test_another_address_replaces_the_free_mail_one() -> None:
    conv = Conversation(state=State.EMAIL, name="Acme")
    asked, _ = step(conv, Text(text="bob@gmail.com"))
    new, effects = step(asked, Text(text="bob@acme.com"))
    assert new.state is State.CURRENCY and new.email == "bob@acme.com"
    assert new.pending_email is None and ids(effects) == ["onboarding-ask-currency"]


def test_typing_keep_keeps_the_address() -> None:
    conv = Conversation(state=State.EMAIL, name="Acme", language="ru")
    asked, _ = step(conv, Text(text="bob@yandex.ru"))
    new, _ = step(asked, Text(text="оставить"))
    assert new.state is State.CURRENCY and new.email == "bob@yandex.ru"


def test_keep_without_a_pending_address_is_not_now() -> None:
    conv = Conversation(state=State.EMAIL, name="Acme")
    new, effects = step(conv, Choice(value="keep-email"))
    assert new == conv and ids(effects) == ["error-not-now", "onboarding-ask-email"]


def test_a_mistyped_domain_is_offered_corrected() -> None:
    conv = Conversation(state=State.EMAIL, name="Acme")
    asked, effects = step(conv, Text(text="bob@gmial.com"))
    assert asked.state is State.EMAIL and asked.suggestion == "bob@gmail.com"
    (question,) = [e for e in effects if isinstance(e, Reply)]
    assert question.message_id == "email-did-you-mean"
    assert question.args == {"email": "bob@gmail.com", "domain": "gmial.com"}
    assert question.buttons[0] == Button(
        label="button-use-suggestion", value="use-suggestion", args={"email": "bob@gmail.com"}
    )
    # Accepted: gmail.com is free mail, so that question comes next.
    fixed, effects = step(asked, Choice(value="use-suggestion"))
    assert fixed.pending_email == "bob@gmail.com" and ids(effects) == ["email-note-free"]
    done, _ = step(fixed, Choice(value="keep-email"))
    assert done.email == "bob@gmail.com" and done.state is State.CURRENCY


def test_a_mistyped_domain_can_be_kept_as_typed() -> None:
    conv = Conversation(state=State.EMAIL, name="Acme")
    asked, _ = step(conv, Text(text="ann@acme.cmo"))
    assert asked.suggestion == "ann@acme.com"
    kept, effects = step(asked, Choice(value="keep-email"))
    assert kept.email == "ann@acme.cmo" and ids(effects) == ["onboarding-ask-currency"]


@pytest.mark.parametrize(
    ("domain", "fixed"),
    [
        ("gmial.com", "gmail.com"),
        ("gmail.con", "gmail.com"),
        ("gmai.com", "gmail.com"),
        ("hotmial.com", "hotmail.com"),
        ("yahooo.com", "yahoo.com"),
        ("outlok.com", "outlook.com"),
        ("yandex.ry", "yandex.ru"),
        ("libero.iy", "libero.it"),
        ("acme.cmo", "acme.com"),
        ("acme.nte", "acme.net"),
        ("acme.ogr", "acme.org"),
    ],
)
def test_suggestions(domain: str, fixed: str) -> None:
    assert suggest_domain(domain) == fixed


@pytest.mark.parametrize(
    "domain", ["gmail.com", "acme.com", "acme.co", "acme.io", "ge.com", "mail.com", "web.de"]
)
def test_no_suggestion_for_real_domains(domain: str) -> None:
    assert suggest_domain(domain) is None


def test_suggest_address_keeps_the_local_part() -> None:
    assert suggest_address("Bob.Smith@gmial.com") == "Bob.Smith@gmail.com"
    assert suggest_address("bob@acme.com") is None


# -- several answers at once ---------------------------------------------------


def test_several_answers_fill_their_steps() -> None:
    conv = Conversation(state=State.NAME)
    new, effects = step(conv, Text(text="Acme Labs, ceo@acme.com, EUR"))
    assert (new.state, new.name, new.email, new.currency) == (
        State.SUMMARY,
        "Acme Labs",
        "ceo@acme.com",
        "EUR",
    )
    assert ids(effects) == ["onboarding-summary"]


def test_several_answers_ask_only_what_is_left() -> None:
    conv = Conversation(state=State.NAME, language="ru")
    new, effects = step(conv, Text(text="Ацме;\nceo@acme.com"))
    assert new.state is State.CURRENCY and new.email == "ceo@acme.com"
    assert ids(effects) == ["onboarding-ask-currency"]
    new, effects = step(Conversation(state=State.NAME), Text(text="Acme Labs, евро"))
    assert new.state is State.EMAIL and new.currency is None
    assert ids(effects) == ["onboarding-ask-email"]


def test_several_answers_stop_at_a_question() -> None:
    # A free-mail address is asked about first; the rest waits for the answer.
    new, effects = step(Conversation(state=State.NAME), Text(text="Acme, bob@gmail.com, USD"))
    assert new.state is State.EMAIL and new.name == "Acme"
    assert new.pending_email == "bob@gmail.com" and ids(effects) == ["email-note-free"]


@pytest.mark.parametrize("text", ["Acme, Inc.", "Smith, Jones & Partners", "Acme, EUR, USD"])
def test_parts_that_are_not_all_answers_are_one_name(text: str) -> None:
    new, _ = step(Conversation(state=State.NAME), Text(text=text))
    assert new.state is State.EMAIL and new.name == text


# -- a name the user already has -----------------------------------------------


def test_a_duplicate_name_is_pointed_out_with_a_choice() -> None:
    facts = Facts(org_names=("Acme Labs",))
    conv = Conversation(state=State.NAME)
    asked, effects = step(conv, Text(text="ACME labs"), facts=facts)
    assert asked.state is State.NAME and asked.pending_name == "ACME labs"
    assert ids(effects) == ["name-duplicate"]
    assert buttons(effects) == ["keep-name", "other-name"]
    kept, effects = step(asked, Choice(value="keep-name"), facts=facts)
    assert kept.state is State.EMAIL and kept.name == "ACME labs"
    other, effects = step(asked, Choice(value="other-name"), facts=facts)
    assert other.state is State.NAME and other.pending_name is None
    assert ids(effects) == ["onboarding-ask-name"]
    retyped, _ = step(asked, Text(text="acme LABS"), facts=facts)
    assert retyped.state is State.EMAIL  # typed again: meant it
    new, _ = step(asked, Text(text="Acme Two"), facts=facts)
    assert new.state is State.EMAIL and new.name == "Acme Two"


# -- truthful endings ----------------------------------------------------------


def test_payments_off_a_confirmed_organization_is_done() -> None:
    new, effects = step(SAVED, EmailConfirmed(org_id=7), facts=NO_PAYMENTS)
    assert new.state is State.DONE
    assert not any(isinstance(e, CreatePaymentLink) for e in effects)
    assert ids(effects) == ["email-confirmed", "onboarding-ready-no-payment"]
    (ready,) = [e for e in effects if isinstance(e, Reply) and e.message_id.startswith("onb")]
    assert ready.args == {"email": "help@example.com"}


def test_payments_off_later_a_payment_step_ends_at_start() -> None:
    new, effects = step(PAYING, Command(name="start"), facts=NO_PAYMENTS)
    assert new.state is State.DONE and ids(effects) == ["onboarding-ready-no-payment"]


def test_payments_on_still_lead_to_the_payment_step() -> None:
    new, effects = step(SAVED, EmailConfirmed(org_id=7))
    assert new.state is State.PAYMENT and CreatePaymentLink(org_id=7) in effects


def test_cancel_says_what_happens_to_each_kind_of_sign_up() -> None:
    _, unsaved = step(FULL, Command(name="cancel"))
    assert ids(unsaved) == ["cancel-confirm"]
    asked, saved = step(SAVED, Command(name="cancel"))
    assert ids(saved) == ["cancel-confirm-saved"]
    _, effects = step(asked, Choice(value="yes"))
    assert AbandonOrganization(org_id=7) in effects and ids(effects) == ["cancel-done"]
    asked, confirmed = step(PAYING, Command(name="cancel"))
    assert ids(confirmed) == ["cancel-confirm-confirmed"]
    new, effects = step(asked, Choice(value="yes"))
    assert not any(isinstance(e, AbandonOrganization) for e in effects)
    assert ids(effects) == ["cancel-done-confirmed"] and new.state is State.CANCELLED


def test_facts_are_never_stored() -> None:
    conv, _ = step(FULL, Text(text="hi"), facts=NO_DESK)
    assert "facts" not in conv.to_data()
    assert Conversation.from_data(conv.state.value, conv.to_data()) == conv


def test_language_picked_through_the_command_answers_the_language_question() -> None:
    conv = Conversation(state=State.LANGUAGE, language="ru")
    picker, _ = step(conv, Command(name="language"))
    new, effects = step(picker, Text(text="Русский"))
    assert new.state is State.NAME and new.language == "ru"
    assert ids(effects) == ["language-changed", "onboarding-ask-name"]
