"""Inviting the team: the step after a confirmed email. The owner opens it with
/invite (or the button on "done" and in /status), pastes one or many
addresses, reads what was found (new, not usable, already invited, expired,
already members, their own address), then sends, resends or revokes. The
step is an overlay on the payment or done step: news for that step (a saved
card) still lands there. Pure; the shell reads the team into `Facts.team`."""

from .effects import Button, Effect, Reply
from .events import Choice, Command, Event, Text
from .invitation_effects import RevokeInvitations, SendInvitations
from .invitation_events import InvitationAccepted, InvitationsSent, InviteesPicked
from .invitees import MAX_INVITE_TEXT, MAX_INVITEES, invitee_key, parse_invitees
from .model import Conversation
from .states import State
from .table import Outcome, Turn
from .team import Team
from .validation import display_email

__all__ = [
    "FINISH",
    "INVITE_CHOICE",
    "INVITE_CHOICES",
    "INVITE_COMMAND",
    "RESEND",
    "REVOKE",
    "SEND",
    "invitations_sent",
    "invite_button",
    "invite_choice",
    "invite_command",
    "invite_entry",
    "invite_opened",
    "invite_prompt",
    "invite_text",
    "needs_team",
    "team_status",
    "text_limit",
]

INVITE_COMMAND = "invite"
# The button on "done" and in /status that opens the step.
INVITE_CHOICE = "invite"
SEND, RESEND, REVOKE, FINISH = "invite-send", "invite-resend", "invite-revoke", "invite-finish"
INVITE_CHOICES = frozenset({SEND, RESEND, REVOKE, FINISH})
# The steps of a confirmed organization, where its owner may invite.
_CONFIRMED = frozenset({State.PAYMENT, State.DONE})


def invite_button() -> Button:
    return Button(label="invite-button-open", value=INVITE_CHOICE)


def _may_invite(conv: Conversation) -> bool:
    return conv.org_id is not None and conv.step in _CONFIRMED


def needs_team(conv: Conversation, event: Event) -> bool:
    """Whether the shell must read the organization's team for this event."""
    if not _may_invite(conv):
        return False
    if conv.state is State.INVITE or isinstance(event, InviteesPicked):
        return True
    if isinstance(event, Command):
        return event.name in (INVITE_COMMAND, "status")
    return isinstance(event, Choice) and event.value == INVITE_CHOICE


def text_limit(conv: Conversation, default: int) -> int:
    """A pasted list is longer than a chat answer; the cap on addresses is said."""
    return MAX_INVITE_TEXT if conv.state is State.INVITE else default


def _lines(addresses: tuple[str, ...]) -> str:
    return ", ".join(display_email(address) for address in addresses)


def invite_prompt(conv: Conversation) -> Reply:
    """What the step asks: to paste addresses, or, once some were read, what to do."""
    new, again = conv.invite_new, conv.invite_again
    if not new and not again:
        return Reply(
            message_id="invite-ask",
            args={"max": MAX_INVITEES},
            buttons=(Button(label="invite-button-finish", value=FINISH),),
        )
    buttons: list[Button] = []
    if new:
        buttons.append(Button(label="invite-button-send", value=SEND, args={"count": len(new)}))
    if again:
        buttons.append(
            Button(label="invite-button-resend", value=RESEND, args={"count": len(again)})
        )
        buttons.append(
            Button(label="invite-button-revoke", value=REVOKE, args={"count": len(again)})
        )
    buttons.append(Button(label="invite-button-finish", value=FINISH))
    return Reply(
        message_id="invite-confirm" if new else "invite-confirm-again", buttons=tuple(buttons)
    )


def team_status(conv: Conversation) -> list[Effect]:
    """The team's line of /status, with the button to invite: confirmed only."""
    if not _may_invite(conv):
        return []
    team = conv.facts.team or Team()
    return [
        Reply(
            message_id="invite-status",
            args={
                "invited": len(team.invited),
                "joined": len(team.members),
                "expired": len(team.expired),
            },
            buttons=(invite_button(),),
        )
    ]


def _open(turn: Turn, conv: Conversation, pasted: str, *, picked: bool = False) -> Outcome:
    """`picked`: people were chosen from a list, so an empty `pasted` means
    none of them has an address to use, which is said."""
    if not _may_invite(conv):
        return conv, [Reply(message_id="invite-not-yet")]
    inviting = conv.at(State.INVITE, resume=conv.step, invite_new=(), invite_again=())
    if pasted.strip() or picked:
        return invite_text(turn, inviting, Text(text=pasted))
    return inviting, [invite_prompt(inviting)]


def invite_command(turn: Turn, conv: Conversation, event: Command) -> Outcome:
    """/invite, optionally with the addresses after it."""
    return _open(turn, conv, event.arg)


def invite_opened(turn: Turn, conv: Conversation, _: Choice) -> Outcome:
    """The invite button (the guard takes it first, wherever it was shown)."""
    return _open(turn, conv, "")


def invite_entry(turn: Turn, conv: Conversation, event: Event) -> Outcome | None:
    """The events that open the step or concern it from anywhere (a guard of
    the table's `SHARED`); None otherwise."""
    opens = isinstance(event, Choice) and event.value == INVITE_CHOICE
    if opens and conv.state is not State.INVITE:
        return _open(turn, conv, "")
    if isinstance(event, InviteesPicked):
        picked = max(event.picked, len(event.emails))
        if picked > MAX_INVITEES and _may_invite(conv):
            too_many = Reply(
                message_id="invite-too-many", args={"count": picked, "max": MAX_INVITEES}
            )
            return conv, [too_many]
        # Joined by new lines: each picked address is one entry, read as typed.
        return _open(turn, conv, "\n".join(email for email in event.emails if email), picked=True)
    if isinstance(event, InvitationAccepted):
        return conv, [
            Reply(
                message_id="invite-joined",
                args={"email": display_email(event.email), "name": event.name or "—"},
            )
        ]
    return None


_FOUND = (
    ("new", "invite-found-new"),
    ("invited", "invite-found-invited"),
    ("expired", "invite-found-expired"),
    ("member", "invite-found-member"),
)


def invite_text(_: Turn, conv: Conversation, event: Text) -> Outcome:
    """A pasted list: every entry judged, nothing sent yet."""
    pasted = parse_invitees(event.text)
    if pasted.entries > MAX_INVITEES:
        return conv, [
            Reply(message_id="invite-too-many", args={"count": pasted.entries, "max": MAX_INVITEES})
        ]
    if not pasted.entries:
        return conv, [Reply(message_id="invite-none-found"), invite_prompt(conv)]
    team = conv.facts.team or Team()
    own = invitee_key(conv.email or "")
    members, invited, expired = set(team.members), set(team.invited), set(team.expired)
    groups: dict[str, list[str]] = {k: [] for k in ("own", "member", "invited", "expired", "new")}
    for address in pasted.valid:
        if address == own:
            groups["own"].append(address)
        elif address in members:
            groups["member"].append(address)
        elif address in invited:
            groups["invited"].append(address)
        elif address in expired:
            groups["expired"].append(address)
        else:
            groups["new"].append(address)
    said: list[Effect] = []
    for key, message_id in _FOUND:
        found = tuple(groups[key])
        if found:
            said.append(
                Reply(
                    message_id=message_id,
                    args={"count": len(found), "list": _lines(found)},
                )
            )
    if pasted.invalid:
        said.append(
            Reply(
                message_id="invite-found-invalid",
                args={"count": len(pasted.invalid), "list": ", ".join(pasted.invalid)},
            )
        )
    if pasted.repeated:
        said.append(Reply(message_id="invite-found-repeated", args={"count": pasted.repeated}))
    if groups["own"]:
        said.append(Reply(message_id="invite-found-own", args={"email": display_email(own)}))
    checked = conv.at(
        State.INVITE,
        invite_new=tuple(groups["new"]),
        invite_again=(*groups["invited"], *groups["expired"]),
    )
    return checked, [*said, invite_prompt(checked)]


def invite_choice(turn: Turn, conv: Conversation, event: Choice) -> Outcome:
    org_id = conv.org_id
    if event.value == FINISH or org_id is None:
        return turn.ask(
            conv.at(conv.resume or State.DONE, resume=None, invite_new=(), invite_again=())
        )
    cleared = conv.at(State.INVITE, invite_new=(), invite_again=())
    if event.value == SEND and conv.invite_new:
        return cleared, [SendInvitations(org_id=org_id, emails=conv.invite_new)]
    if event.value == RESEND and conv.invite_again:
        return cleared, [SendInvitations(org_id=org_id, emails=conv.invite_again)]
    if event.value == REVOKE and conv.invite_again:
        revoked = Reply(message_id="invite-revoked", args={"count": len(conv.invite_again)})
        return cleared, [
            RevokeInvitations(org_id=org_id, emails=conv.invite_again),
            revoked,
            invite_prompt(cleared),
        ]
    return turn.not_now(conv)


def invitations_sent(_: Turn, conv: Conversation, event: InvitationsSent) -> Outcome:
    said: list[Effect] = []
    if event.sent:
        said.append(Reply(message_id="invite-sent", args={"count": event.sent}))
    if event.limited:
        said.append(
            Reply(
                message_id="invite-limited",
                args={"count": event.limited, "hours": max(1, event.hours)},
            )
        )
    if event.opted_out:
        said.append(Reply(message_id="invite-opted-out", args={"count": event.opted_out}))
    if conv.state is State.INVITE:
        said.append(invite_prompt(conv))
    return conv, said
