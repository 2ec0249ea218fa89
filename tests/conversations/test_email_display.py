"""An internationalized domain is stored in ASCII (A-labels) but shown to
people in Unicode: `display_email`, and every reply that quotes the address."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conversations import (
    Choice,
    Command,
    Conversation,
    CreateOrganization,
    EmailDeliveryFailed,
    Reply,
    State,
    Text,
    step,
)
from conversations.validation import EmailResult, check_email, display_email, mask_email

STORED = "ivan@xn--e1afmkfd.xn--p1ai"
SHOWN = "ivan@пример.рф"


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        (STORED, SHOWN),
        ("a@xn--bcher-kva.de", "a@bücher.de"),
        ("a@mail.XN--BCHER-KVA.de", "a@mail.bücher.de"),
        ("a@xn--zca.de", "a@ß.de"),  # IDNA 2008: ß is its own letter
        ("alice@acme.com", "alice@acme.com"),
        ("xn--abc", "xn--abc"),  # no address at all
        # Not decodable: the ASCII form is shown rather than nothing or garbage.
        ("a@xn--.de", "a@xn--.de"),
        ("a@xn--zz-.de", "a@xn--zz-.de"),
        ("a@xn--ab-g4t.de", "a@xn--ab-g4t.de"),  # would hold U+202E, a direction override
        ("—", "—"),
        ("", ""),
    ],
)
def test_display_email(stored: str, shown: str) -> None:
    assert display_email(stored) == shown


def test_mask_email_shows_the_unicode_domain() -> None:
    assert mask_email(STORED) == "i…@пример.рф"
    assert mask_email("alice@acme.com") == "a…@acme.com"


@given(st.text(max_size=80))
def test_display_never_fails(text: str) -> None:
    assert isinstance(display_email(text), str)


@given(st.sampled_from(["пример.рф", "bücher.de", "münchen.de", "例え.テスト", "acme.com"]))
def test_what_is_shown_is_accepted_back_as_the_same_address(domain: str) -> None:
    stored = check_email(f"ivan@{domain}")
    assert isinstance(stored, EmailResult)
    again = check_email(display_email(stored.value))
    assert isinstance(again, EmailResult) and again.value == stored.value


def _replies(effects: list[object]) -> list[Reply]:
    found: list[Reply] = []
    for effect in effects:
        if isinstance(effect, Reply):
            found.append(effect)
        found += [a for a in getattr(effect, "announce", ()) if isinstance(a, Reply)]
    return found


def test_the_flow_stores_ascii_and_shows_unicode() -> None:
    conv = Conversation(state=State.EMAIL, language="ru", name="Acme")
    conv, effects = step(conv, Text(text=SHOWN))
    if conv.state is State.EMAIL:  # a note about the domain: keep it
        assert all(STORED not in str(r.args.values()) for r in _replies(effects))
        conv, effects = step(conv, Choice(value="keep-email"))
    assert conv.state is State.CURRENCY and conv.email == STORED
    conv, effects = step(conv, Choice(value="EUR"))
    (summary,) = [r for r in _replies(effects) if r.message_id == "onboarding-summary"]
    assert summary.args["email"] == SHOWN
    conv, effects = step(conv, Choice(value="save"))
    (create,) = [e for e in effects if isinstance(e, CreateOrganization)]
    assert create.email == STORED  # storage and the envelope stay ASCII


def test_replies_after_signing_up_show_unicode() -> None:
    conv = Conversation(
        state=State.AWAITING_EMAIL,
        language="en",
        name="Acme",
        email=STORED,
        currency="EUR",
        org_id=7,
    )
    (status,) = _replies(step(conv, Command(name="status"))[1])
    assert status.args["email"] == SHOWN
    (failed,) = _replies(step(conv, EmailDeliveryFailed(org_id=7, email=STORED))[1])
    assert failed.args["email"] == SHOWN
    resent = _replies(step(conv, Choice(value="resend"))[1])
    assert resent and all(r.args["email"] == "i…@пример.рф" for r in resent)
