"""Hostile names and addresses, event by event, on every way into the core:
the chat's name and email steps and the one-shot form (the Slack modal). Each
gets its own localized reason and nothing is kept: the conversation is the
same but for the count of invalid answers, and no effect but the reply."""

import pytest

from conversations import Conversation, FormRejected, FormSubmitted, Reply, State, Text, step
from tests.conversations.test_flow import conv_in

HOSTILE_NAMES = [
    ("=?utf-8?q?Urgent=0D=0AReply-To:_x@evil.example?=", "error-name-encoded-word"),
    (
        "=?utf-8?b?DQpDb250ZW50LVR5cGU6IHRleHQvaHRtbA0KDQo8aDE+ZXZpbDwvaDE+?=",
        "error-name-encoded-word",
    ),
    ("ab" + "\u0301" * 600, "error-name-stacked-marks"),
    ("\u3164\u3164\u3164\u3164", "error-name-invisible"),
    ("\u2800\u2800\u2800", "error-name-invisible"),
    ("\u202eemaN", "error-name-invisible"),
    ("\U0001f680" * 300, "error-name-too-long"),
    ("\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466" * 45, "error-name-too-big"),
]
HOSTILE_EMAILS = [
    ("\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a", "error-email-latin-local-part"),
    ("\u00fc@b\u00fccher.de", "error-email-latin-local-part"),
    ("=?utf-8?q?evil?=@acme.com", "error-email-invalid"),
    ('"a b"@acme.com', "error-email-invalid"),
    ("a@[10.0.0.1]", "error-email-invalid"),
]


@pytest.mark.parametrize(("raw", "error"), HOSTILE_NAMES)
@pytest.mark.parametrize("editing", [False, True])
def test_the_name_step_refuses_and_keeps_nothing(editing: bool, raw: str, error: str) -> None:
    conv = conv_in(State.NAME).at(State.NAME, editing=editing)
    new, effects = step(conv, Text(text=raw))
    assert new == conv.at(conv.state, invalid_in_a_row=conv.invalid_in_a_row + 1)
    assert isinstance(effects[0], Reply) and effects[0].message_id == error
    assert all(isinstance(effect, Reply) for effect in effects)


@pytest.mark.parametrize(("raw", "error"), HOSTILE_EMAILS)
def test_the_email_step_refuses_and_keeps_nothing(raw: str, error: str) -> None:
    conv = conv_in(State.EMAIL)
    new, effects = step(conv, Text(text=raw))
    assert new == conv.at(conv.state, invalid_in_a_row=conv.invalid_in_a_row + 1)
    assert isinstance(effects[0], Reply) and effects[0].message_id == error
    assert all(isinstance(effect, Reply) for effect in effects)


def test_an_internationalized_domain_is_kept_in_ascii() -> None:
    new, _ = step(
        Conversation(state=State.EMAIL, name="Acme"),
        Text(text="ivan@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444"),
    )
    assert new.email == "ivan@xn--e1afmkfd.xn--p1ai"


@pytest.mark.parametrize(("name", "name_error"), HOSTILE_NAMES)
@pytest.mark.parametrize(("email", "email_error"), HOSTILE_EMAILS[:3])
def test_the_form_refuses_both_fields_and_keeps_nothing(
    name: str, name_error: str, email: str, email_error: str
) -> None:
    conv = conv_in(State.SUMMARY)
    form = FormSubmitted(name=name, email=email, currency="EUR", language="es")
    new, effects = step(conv, form)
    assert new == conv
    assert effects == [
        FormRejected(errors={"name": name_error, "email": email_error}, language="es")
    ]
