"""The trial credit in the core, event by event: the decision rule, what the
user is told at confirmation, /status, spend and the one nudge."""

from dataclasses import replace

import pytest

from conversations import (
    Button,
    Choice,
    Command,
    Conversation,
    CreatePaymentLink,
    Credit,
    CreditExhausted,
    CreditStatus,
    CreditUsed,
    EmailConfirmed,
    Reply,
    SetupSucceeded,
    State,
    Text,
    step,
)
from conversations.credits import (
    TRIAL_CREDIT_MINOR,
    credit_args,
    decide_credit,
    qualifies,
)
from conversations.domains import DomainKind
from conversations.payment import SavedMethod

SAVED = Conversation(
    state=State.AWAITING_EMAIL,
    language="en",
    name="Acme",
    email="alice@mail.eu.acme.co.uk",
    currency="EUR",
    org_id=7,
)
VISA = SavedMethod(kind="card", brand="visa", last4="4242")
GRANTED = Credit(status=CreditStatus.GRANTED, amount_minor=2500, remaining_minor=2500)
PAYING = SAVED.at(State.PAYMENT, credit=GRANTED)


def ids(effects: list[object]) -> list[str]:
    return [e.message_id for e in effects if isinstance(e, Reply)]


def reply(effects: list[object], message_id: str) -> Reply:
    (found,) = [e for e in effects if isinstance(e, Reply) and e.message_id == message_id]
    return found


@pytest.mark.parametrize(
    ("kind", "won", "status"),
    [
        (DomainKind.BUSINESS, True, CreditStatus.GRANTED),
        (DomainKind.BUSINESS, False, CreditStatus.ALREADY_USED),
        (DomainKind.FREE, False, CreditStatus.NOT_ELIGIBLE_FREE_MAIL),
        (DomainKind.FREE, True, CreditStatus.NOT_ELIGIBLE_FREE_MAIL),
        (DomainKind.DISPOSABLE, False, CreditStatus.NOT_ELIGIBLE_DISPOSABLE),
    ],
)
def test_decision_rule(kind: DomainKind, won: bool, status: CreditStatus) -> None:
    credit = decide_credit(kind, won_domain=won)
    assert credit.status is status
    granted = status is CreditStatus.GRANTED
    assert credit.amount_minor == credit.remaining_minor == (2500 if granted else 0)
    assert credit.currency == "USD"


def test_only_business_domains_are_worth_an_insert() -> None:
    assert [k for k in DomainKind if qualifies(k)] == [DomainKind.BUSINESS]
    assert TRIAL_CREDIT_MINOR == 2500


@pytest.mark.parametrize(
    ("status", "message_id"),
    [
        (CreditStatus.GRANTED, "credit-granted"),
        (CreditStatus.NOT_ELIGIBLE_FREE_MAIL, "credit-not-eligible-free"),
        (CreditStatus.NOT_ELIGIBLE_DISPOSABLE, "credit-not-eligible-disposable"),
        (CreditStatus.ALREADY_USED, "credit-already-used"),
    ],
)
def test_confirmation_tells_the_credit_before_the_payment_step(
    status: CreditStatus, message_id: str
) -> None:
    credit = decide_credit(
        {
            CreditStatus.GRANTED: DomainKind.BUSINESS,
            CreditStatus.ALREADY_USED: DomainKind.BUSINESS,
            CreditStatus.NOT_ELIGIBLE_FREE_MAIL: DomainKind.FREE,
            CreditStatus.NOT_ELIGIBLE_DISPOSABLE: DomainKind.DISPOSABLE,
        }[status],
        won_domain=status is CreditStatus.GRANTED,
    )
    conv, effects = step(SAVED, EmailConfirmed(org_id=7, credit=credit))
    assert conv.state is State.PAYMENT and conv.credit == credit
    assert ids(effects) == ["email-confirmed", message_id, "payment-ask"]
    news = reply(effects, message_id)
    assert news.args["domain"] == "acme.co.uk"
    assert news.args["credit"] == status.value
    assert effects[-1] == CreatePaymentLink(org_id=7)


def test_granted_credit_is_passed_as_minor_units_and_currency() -> None:
    _, effects = step(SAVED, EmailConfirmed(org_id=7, credit=GRANTED))
    news = reply(effects, "credit-granted")
    assert news.args["amount_minor"] == 2500 and news.args["amount_currency"] == "USD"
    assert all(isinstance(v, str | int) for v in news.args.values())


def test_confirmation_without_a_decision_says_nothing_about_credit() -> None:
    conv, effects = step(SAVED, EmailConfirmed(org_id=7))
    assert conv.credit is None
    assert ids(effects) == ["email-confirmed", "payment-ask"]


def test_confirmation_of_another_org_keeps_this_credit() -> None:
    conv, effects = step(SAVED, EmailConfirmed(org_id=8, credit=GRANTED))
    assert conv == SAVED
    assert ids(effects) == ["email-confirmed-other"]


def test_confirmation_under_an_overlay_keeps_the_credit() -> None:
    conv, _ = step(SAVED, Command(name="language"))
    conv, effects = step(conv, EmailConfirmed(org_id=7, credit=GRANTED))
    assert conv.state is State.PICK_LANGUAGE and conv.credit == GRANTED
    assert "credit-granted" in ids(effects)


@pytest.mark.parametrize(
    ("conv", "credit"),
    [
        (Conversation(), "pending"),
        (SAVED, "pending"),
        (PAYING, "granted"),
        (SAVED.at(State.PAYMENT, credit=Credit(status=CreditStatus.ALREADY_USED)), "already_used"),
    ],
)
def test_status_carries_the_credit(conv: Conversation, credit: str) -> None:
    new, (reply, *_team) = step(conv, Command(name="status"))
    assert new == conv
    assert isinstance(reply, Reply) and reply.message_id == "status-summary"
    assert reply.args["credit"] == credit
    expected = conv.credit.remaining_minor if conv.credit else 0
    assert reply.args["remaining_minor"] == expected
    assert reply.args["remaining_currency"] == "USD"


@pytest.mark.parametrize("state", list(State))
def test_spend_updates_the_remaining_credit_in_any_state(state: State) -> None:
    conv = PAYING.at(state)
    new, effects = step(conv, CreditUsed(org_id=7, remaining_minor=1800))
    assert effects == []
    assert new == conv.at(state, credit=replace(GRANTED, remaining_minor=1800))


def test_spend_never_shows_below_zero_or_above_the_grant() -> None:
    assert step(PAYING, CreditUsed(org_id=7, remaining_minor=-5))[0].credit == Credit(
        status=CreditStatus.GRANTED, amount_minor=2500, remaining_minor=0
    )
    assert step(PAYING, CreditUsed(org_id=7, remaining_minor=9999))[0].credit == GRANTED


def test_spend_of_another_org_or_without_a_grant_is_ignored() -> None:
    assert step(PAYING, CreditUsed(org_id=8, remaining_minor=0)) == (PAYING, [])
    free = SAVED.at(State.PAYMENT, credit=Credit(status=CreditStatus.NOT_ELIGIBLE_FREE_MAIL))
    assert step(free, CreditUsed(org_id=7, remaining_minor=0)) == (free, [])


def test_exhausted_credit_nudges_towards_a_payment_link() -> None:
    conv, effects = step(PAYING.at(State.PAYMENT, credit=GRANTED), CreditExhausted(org_id=7))
    assert conv.credit is not None and conv.credit.remaining_minor == 0
    assert conv.state is State.PAYMENT
    (nudge,) = effects
    assert isinstance(nudge, Reply) and nudge.message_id == "credit-exhausted"
    assert nudge.buttons == (Button(label="credit-button-add-payment", value="new-link"),)
    assert nudge.args["amount_minor"] == 2500
    # The button is the payment step's own "new link" choice.
    _, effects = step(conv, Choice(value="new-link"))
    assert effects == [CreatePaymentLink(org_id=7, renew=True)]


SPENT = replace(GRANTED, remaining_minor=0)
OTHER_ORG = CreditExhausted(org_id=8, name="Old Co", credit=SPENT)
PERSON = Button(label="handoff-button-talk", value="handoff")


@pytest.mark.parametrize("state", [s for s in State if s is not State.PAYMENT])
def test_the_nudge_comes_whatever_the_step(state: State) -> None:
    """Off the payment step there is no "new link" to press: the button is a
    person, and the state is untouched."""
    conv = PAYING.at(state)
    new, effects = step(conv, CreditExhausted(org_id=7, credit=SPENT))
    (nudge,) = effects
    assert isinstance(nudge, Reply) and nudge.message_id == "credit-exhausted"
    assert nudge.buttons == (PERSON,)
    assert new.state is state


def test_another_organizations_credit_is_named_and_its_open_link_offered() -> None:
    """The user moved on (`/new`) and is typing the next organization's name."""
    elsewhere = Conversation(state=State.NAME, language="en")
    new, effects = step(elsewhere, replace(OTHER_ORG, link_url="https://pay.example/s"))
    assert new == elsewhere
    (nudge,) = effects
    assert isinstance(nudge, Reply) and nudge.message_id == "credit-exhausted-org"
    assert nudge.args == {**credit_args(SPENT), "name": "Old Co"}
    assert nudge.buttons == (
        Button(
            label="button-open-payment-link",
            value="open-payment-link",
            url="https://pay.example/s",
        ),
    )
    # On another organization's payment step: its credit is not touched.
    new, effects = step(PAYING, OTHER_ORG)
    assert new == PAYING
    (nudge,) = effects
    assert isinstance(nudge, Reply) and nudge.message_id == "credit-exhausted-org"
    assert nudge.buttons == (PERSON,)


def test_no_nudge_when_storage_says_a_payment_method_is_saved() -> None:
    """Storage decides, not the conversation: a user paying for another
    organization, or on this one's payment step with a card saved meanwhile."""
    assert step(PAYING, replace(OTHER_ORG, payment_saved=True)) == (PAYING, [])
    new, effects = step(PAYING, CreditExhausted(org_id=7, credit=SPENT, payment_saved=True))
    assert effects == []
    assert new.credit == SPENT
    # And a conversation that shows a card while storage says none (a mandate
    # that failed) still gets it.
    done = PAYING.at(State.DONE, payment_method=VISA)
    assert ids(step(done, CreditExhausted(org_id=7))[1]) == ["credit-exhausted"]


def test_done_reminds_of_the_credit_left() -> None:
    conv, _ = step(PAYING, CreditUsed(org_id=7, remaining_minor=700))
    conv, effects = step(conv, SetupSucceeded(org_id=7, method=VISA))
    assert conv.state is State.DONE
    assert ids(effects) == ["onboarding-done", "credit-left"]
    assert effects[1] == Reply(message_id="credit-left", args=credit_args(conv.credit))


def test_done_without_credit_left_says_nothing_more() -> None:
    conv, _ = step(PAYING, CreditUsed(org_id=7, remaining_minor=0))
    _, effects = step(conv, SetupSucceeded(org_id=7, method=VISA))
    assert ids(effects) == ["onboarding-done"]


def test_new_organization_starts_without_credit() -> None:
    conv, _ = step(PAYING, Command(name="new"))
    assert conv.credit is None


def test_free_mail_note_carries_the_trial_amount() -> None:
    conv = Conversation(state=State.EMAIL, name="Acme")
    _, effects = step(conv, Text(text="bob@yandex.ru"))
    note = effects[0]
    assert isinstance(note, Reply) and note.message_id == "email-note-free"
    assert note.args == {"domain": "yandex.ru", "amount_minor": 2500, "amount_currency": "USD"}


def test_credit_survives_serialization() -> None:
    conv, _ = step(PAYING, CreditUsed(org_id=7, remaining_minor=1234))
    data = conv.to_data()
    assert data["credit"] == {
        "status": "granted",
        "amount_minor": 2500,
        "remaining_minor": 1234,
        "currency": "USD",
    }
    assert Conversation.from_data(conv.state.value, data) == conv
