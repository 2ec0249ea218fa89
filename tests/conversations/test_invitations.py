"""The invitation step in the core: the pasted list and its summary, the cap,
hostile text in any part of an entry (refused, never kept), the step's
choices, and that nothing but the step's own fields changes."""

from hypothesis import given
from hypothesis import strategies as st

from conversations import (
    Choice,
    Command,
    Conversation,
    InvitationAccepted,
    InvitationsSent,
    InviteesPicked,
    Reply,
    RevokeInvitations,
    SendInvitations,
    State,
    Text,
    step,
)
from conversations.facts import Facts
from conversations.invitees import MAX_INVITEES, parse_invitees
from conversations.team import Team
from conversations.validation import EmailResult, check_email

DONE = Conversation(
    state=State.DONE, language="en", name="Acme", email="alice@acme.com", org_id=4, currency="EUR"
)
TEAM = Team(invited=("ivan@acme.com",), expired=("old@acme.com",), members=("mia@acme.com",))


def ids(effects: list[object]) -> list[str]:
    return [e.message_id for e in effects if isinstance(e, Reply)]


def inviting(team: Team = TEAM) -> Conversation:
    conv, effects = step(DONE, Command(name="invite"), facts=Facts(team=team))
    assert conv.state is State.INVITE and conv.step is State.DONE
    assert ids(effects) == ["invite-ask"]
    return conv


def test_an_address_before_a_named_one_is_its_own_entry() -> None:
    pasted = parse_invitees("bob@acme.com Ann <ann@acme.com>, ann@acme.com <ann@acme.com>")
    assert pasted.valid == ("bob@acme.com", "ann@acme.com") and pasted.repeated == 2


def test_separators_display_names_and_duplicates() -> None:
    pasted = parse_invitees(
        'Ann Smith <Ann@Acme.com>, bob@acme.com; BOB@ACME.COM\r\n"Carol C." <carol@x.io>\n'
        "dan@acme.com\teve@acme.com  fay@xn--e1afmkfd.xn--p1ai"
    )
    assert pasted.valid == (
        "ann@acme.com",
        "bob@acme.com",
        "carol@x.io",
        "dan@acme.com",
        "eve@acme.com",
        "fay@xn--e1afmkfd.xn--p1ai",
    )
    assert pasted.repeated == 1 and pasted.invalid == ()


def test_hostile_entries_are_refused_and_shown_cleaned() -> None:
    hostile = [
        "a@acme.com\rBcc: x@evil.example",  # a lone CR is no line break
        "=?utf-8?q?Ann=0D=0ABcc:_x@evil.example?= <ann@acme.com>",  # encoded word in the name
        "=?utf-8?q?evil?=@acme.com",  # in the address
        "\u202eAnn <ann@acme.com>",  # bidi override in the name
        "ann\u202e@acme.com",
        "Ann\u0007 <ann@acme.com>",
        "ann@acme.com\u2028",
        "Ann <ann@acme.com> <bob@acme.com>",
        "\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a",
        "a" * 300 + "@acme.com",
    ]
    for entry in hostile:
        pasted = parse_invitees(entry)
        assert "ann@acme.com" not in pasted.valid or entry.startswith("Ann <ann@acme.com> <"), entry
        for shown in pasted.invalid:
            assert not any(ch in shown for ch in "\r\n\u202e\u2028\u0007")
            assert "=?" not in shown and len(shown) <= 40


def test_the_summary_sorts_every_kind() -> None:
    conv, effects = step(
        inviting(),
        Text(text="new@acme.com ivan@acme.com old@acme.com mia@acme.com Alice@acme.com nope nope"),
        facts=Facts(team=TEAM),
    )
    assert ids(effects) == [
        "invite-found-new",
        "invite-found-invited",
        "invite-found-expired",
        "invite-found-member",
        "invite-found-invalid",
        "invite-found-own",
        "invite-confirm",
    ]
    assert conv.invite_new == ("new@acme.com",)
    assert conv.invite_again == ("ivan@acme.com", "old@acme.com")
    sent, effects = step(conv, Choice(value="invite-send"))
    assert effects == [SendInvitations(org_id=4, emails=("new@acme.com",))]
    assert sent.invite_new == () and sent.state is State.INVITE
    _, effects = step(sent, InvitationsSent(org_id=4, sent=1, limited=1, hours=3))
    assert ids(effects) == ["invite-sent", "invite-limited", "invite-ask"]
    _, effects = step(conv, Choice(value="invite-revoke"))
    assert effects[0] == RevokeInvitations(org_id=4, emails=("ivan@acme.com", "old@acme.com"))
    _, effects = step(conv, Choice(value="invite-resend"))
    assert effects == [SendInvitations(org_id=4, emails=("ivan@acme.com", "old@acme.com"))]
    back, effects = step(conv, Choice(value="invite-finish"))
    assert back.state is State.DONE and back.invite_new == () and back.resume is None
    assert ids(effects) == ["onboarding-ready-no-payment"]


def test_the_cap_and_an_empty_paste_change_nothing() -> None:
    conv = inviting()
    many = ", ".join(f"p{i}@acme.com" for i in range(MAX_INVITEES + 1))
    assert step(conv, Text(text=many)) == (
        conv,
        [Reply(message_id="invite-too-many", args={"count": MAX_INVITEES + 1, "max": 50})],
    )
    hundreds = "\n".join(f"p{i}@acme.com" for i in range(400))  # longer than a chat answer
    assert ids(step(conv, Text(text=hundreds))[1]) == ["invite-too-many"]
    assert ids(step(conv, Text(text=" , ;\n"))[1]) == ["invite-none-found", "invite-ask"]
    exactly = ", ".join(f"p{i}@acme.com" for i in range(MAX_INVITEES))
    assert len(step(conv, Text(text=exactly))[0].invite_new) == MAX_INVITEES


def test_a_card_number_in_the_paste_refuses_the_whole_message() -> None:
    conv = inviting()
    assert ids(step(conv, Text(text="ann@acme.com 4242 4242 4242 4242"))[1]) == [
        "warning-payment-number"
    ]
    assert step(conv, Text(text="ann@acme.com 4242 4242 4242 4242"))[0] == conv


def test_only_a_confirmed_organization_invites() -> None:
    for state in (State.NAME, State.AWAITING_EMAIL, State.CANCELLED, State.LANGUAGE):
        conv = DONE.at(state)
        after, effects = step(conv, Command(name="invite", arg="ann@acme.com"))
        assert after == conv and ids(effects) == ["invite-not-yet"]
        after, effects = step(conv, InviteesPicked(emails=("ann@acme.com",)))
        assert after == conv and ids(effects) == ["invite-not-yet"]
    paying = DONE.at(State.PAYMENT)
    assert step(paying, Choice(value="invite"))[0].state is State.INVITE


def test_picked_people_and_the_join_news() -> None:
    conv, effects = step(DONE, InviteesPicked(emails=("ann@acme.com", "", "bob@acme.com")))
    assert conv.invite_new == ("ann@acme.com", "bob@acme.com")
    assert ids(effects) == ["invite-found-new", "invite-confirm"]
    for state in (State.DONE, State.INVITE, State.NAME):
        after, effects = step(
            DONE.at(state), InvitationAccepted(org_id=4, email="ann@acme.com", name="Acme")
        )
        assert after == DONE.at(state) and ids(effects) == ["invite-joined"]


def test_status_tells_the_team_once_confirmed() -> None:
    _, effects = step(DONE, Command(name="status"), facts=Facts(team=TEAM))
    assert ids(effects) == ["status-summary", "invite-status"]
    status = effects[1]
    assert isinstance(status, Reply)
    assert status.args == {"invited": 1, "joined": 1, "expired": 1}
    assert ids(step(DONE.at(State.NAME), Command(name="status"))[1]) == ["status-summary"]


def test_the_step_survives_storage() -> None:
    conv, _ = step(inviting(), Text(text="new@acme.com ivan@acme.com"), facts=Facts(team=TEAM))
    assert Conversation.from_data(conv.state.value, conv.to_data()) == conv


@given(st.text(max_size=400))
def test_any_paste_keeps_only_addresses_the_owners_rule_accepts(text: str) -> None:
    pasted = parse_invitees(text)
    for address in pasted.valid:
        checked = check_email(address)
        assert isinstance(checked, EmailResult) and checked.value.lower() == address
        assert address.isascii() and address == address.lower()
    for shown in pasted.invalid:
        assert "\r" not in shown and "\n" not in shown and "=?" not in shown


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_at_the_step_changes_only_its_own_fields(text: str) -> None:
    # With no desk: "a person" typed here would rightly start a handoff.
    conv = inviting()
    after, effects = step(conv, Text(text=text), facts=Facts(team=TEAM, desk=False))
    assert after.at(State.INVITE, invite_new=(), invite_again=()) == conv
    assert not any(isinstance(e, SendInvitations | RevokeInvitations) for e in effects)
