"""The onboarding flow as one table. `STEPS` lists the steps in the order a
user meets them: each one's question, its options and where each leads, the
events it accepts and where each can lead. `SHARED` holds what every state
shares: the guards every event passes first, the commands, the news any
step takes, and the questions asked on top of any step. The sets the rest
of the code asks about (`UNSAVED`, `UNCONFIRMED`) are derived from the
table, and `python -m bot flow` draws it (conversations/diagram.py).

An event a state does not accept leaves the conversation untouched with a
"not now" reply (news nobody asked for is dropped instead). The handlers
(sign_up.py, confirmation.py, paying.py, overlays.py, shared.py,
invitations.py) decide
what an event does at a step; which step comes next is the table's order."""

from datetime import datetime
from functools import partial

from .asking import pick_option
from .confirmation import (
    awaiting_choice,
    awaiting_text,
    delivery_failed,
    email_refused,
    organization_created,
    organization_refused,
    reminder_due,
)
from .effects import Reply
from .events import (
    Choice,
    CreditExhausted,
    CreditUsed,
    EmailConfirmed,
    EmailDeliveryFailed,
    EmailRefused,
    Event,
    FormSubmitted,
    MandateActive,
    MandateInactive,
    OrganizationCreated,
    OrganizationRefused,
    PaymentLinkDelayed,
    PaymentLinkExpired,
    PaymentLinkReady,
    PaymentLinkUnavailable,
    SetupFailed,
    SetupProcessing,
    SetupSucceeded,
    Text,
    Timer,
)
from .facts import Facts
from .handoff import handoff_step
from .invitation_events import InvitationsSent
from .invitations import (
    FINISH,
    INVITE_CHOICE,
    RESEND,
    REVOKE,
    SEND,
    invitations_sent,
    invite_choice,
    invite_command,
    invite_entry,
    invite_opened,
    invite_prompt,
    invite_text,
)
from .model import CURRENCIES, LANGUAGES, Conversation
from .overlays import confirm_cancel, confirm_delete, language_picked
from .paying import (
    finished_text,
    link_delayed,
    link_expired,
    link_ready,
    link_unavailable,
    mandate_inactive,
    payment_choice,
    payment_text,
    setup_failed,
    setup_processing,
    setup_succeeded,
)
from .prompts import (
    ask_currency,
    ask_email,
    ask_language,
    ask_name,
    ask_payment,
    ask_summary,
    ask_to_cancel,
    ask_to_confirm,
    ask_to_delete,
    tell_cancelled,
    tell_done,
)
from .shared import (
    MAX_TEXT,
    cancel,
    carries_payment_number,
    credit_exhausted,
    credit_used,
    delete,
    email_confirmed,
    help_text,
    language,
    mandate_active,
    new,
    no_desk,
    refuse_payment_number,
    start,
    status,
    stop_reminders,
    too_long,
    typed_choice,
    unknown_command,
)
from .sign_up import (
    email_choice,
    email_given,
    form_submitted,
    name_choice,
    name_given,
    option_taken,
    summary_choice,
)
from .sign_up import form_open as _form_open
from .states import State
from .table import Flow, Next, On, Outcome, Sets, Shared, Stage, Step, Turn
from .timer_names import REMINDER

__all__ = [
    "CHOICES",
    "COMMANDS",
    "FLOW",
    "MAX_TEXT",
    "REMINDER",
    "SHARED",
    "STEPS",
    "TRANSITIONS",
    "UNCONFIRMED",
    "UNSAVED",
    "carries_payment_number",
    "form_open",
    "prompt",
    "step",
]

# A sign-up form (Slack's modal) may come at any step before anything is
# saved, and after a sign-up ended (a new organization, as /new).
_FORM = On(form_submitted, to=(State.AWAITING_EMAIL,))
_PICK = On(pick_option)  # text that names none of the options on screen

STEPS: tuple[Step, ...] = (
    Step(
        State.LANGUAGE,
        ask=ask_language,
        stage=Stage.START,
        answer="language",
        choices={code: (Next.STEP,) for code in LANGUAGES},
        on={Choice: On(option_taken), Text: _PICK, FormSubmitted: _FORM},
    ),
    Step(
        State.NAME,
        ask=ask_name,
        stage=Stage.SIGN_UP,
        answer="name",
        # Asked when another of the user's organizations has this name.
        choices={"keep-name": (Next.STEP, Next.REVIEW), "other-name": ()},
        on={
            Text: On(name_given, to=(Next.STEP, Next.REVIEW)),
            Choice: On(name_choice),
            FormSubmitted: _FORM,
        },
    ),
    Step(
        State.EMAIL,
        ask=ask_email,
        stage=Stage.SIGN_UP,
        answer="email",
        # Asked about a mistyped, free-mail or disposable domain.
        choices={"keep-email": (Next.STEP, Next.REVIEW), "use-suggestion": (Next.STEP,)},
        on={
            # With the organization saved already: a new address, a new email.
            Text: On(email_given, to=(Next.STEP, Next.REVIEW, State.AWAITING_EMAIL)),
            Choice: On(email_choice, to=(State.AWAITING_EMAIL,)),
            FormSubmitted: _FORM,
        },
    ),
    Step(
        State.CURRENCY,
        ask=ask_currency,
        stage=Stage.SIGN_UP,
        answer="currency",
        choices={code: (Next.STEP,) for code in CURRENCIES},
        on={Choice: On(option_taken), Text: _PICK, FormSubmitted: _FORM},
    ),
    Step(
        State.SUMMARY,
        ask=ask_summary,
        stage=Stage.SIGN_UP,
        choices={
            "save": (State.AWAITING_EMAIL,),
            "edit-name": (State.NAME,),
            "edit-email": (State.EMAIL,),
            "edit-currency": (State.CURRENCY,),
            "edit-language": (State.PICK_LANGUAGE,),
        },
        on={Choice: On(summary_choice), Text: _PICK, FormSubmitted: _FORM},
    ),
    Step(
        State.AWAITING_EMAIL,
        ask=ask_to_confirm,
        stage=Stage.WAITING,
        choices={"resend": (), "change-email": (State.EMAIL,)},
        on={
            OrganizationCreated: On(organization_created),
            # Too many organizations today: back to save again later.
            OrganizationRefused: On(organization_refused, to=(State.SUMMARY,)),
            EmailRefused: On(email_refused, about_org=True),
            # Resend before the organization is saved: nothing to resend, the address
            # can be changed instead.
            Choice: On(awaiting_choice, to=(State.EMAIL,)),
            Text: On(awaiting_text),
            EmailDeliveryFailed: On(delivery_failed, about_org=True),
            Timer: On(reminder_due, about_org=True),
        },
    ),
    Step(
        State.PAYMENT,
        ask=ask_payment,
        stage=Stage.CONFIRMED,
        choices={"new-link": ()},
        on={
            Choice: On(payment_choice),
            Text: On(payment_text),
            SetupSucceeded: On(setup_succeeded, to=(State.DONE,), about_org=True),
            SetupFailed: On(setup_failed, about_org=True),
            SetupProcessing: On(setup_processing, about_org=True),
            PaymentLinkExpired: On(link_expired, about_org=True),
            PaymentLinkReady: On(link_ready, about_org=True),
            PaymentLinkDelayed: On(link_delayed, about_org=True),
            PaymentLinkUnavailable: On(link_unavailable, about_org=True),
        },
    ),
    Step(
        State.DONE,
        ask=tell_done,
        stage=Stage.CONFIRMED,
        final=True,
        # The button that opens inviting the team (its guard, in SHARED, takes it).
        choices={INVITE_CHOICE: (State.INVITE,)},
        on={
            Text: On(finished_text),
            Choice: On(invite_opened, to=(State.INVITE,)),
            FormSubmitted: _FORM,
            # A SEPA mandate turned inactive: a payment method is needed again.
            MandateInactive: On(mandate_inactive, to=(State.PAYMENT,), about_org=True),
        },
    ),
    Step(
        State.CANCELLED,
        ask=tell_cancelled,
        stage=Stage.ENDED,
        final=True,
        on={Text: On(finished_text), FormSubmitted: _FORM},
    ),
)


def _overlays(sets: Sets) -> tuple[Step, ...]:
    """The questions asked on top of any step; each leads back to it."""
    yes_no = ("yes", "no")
    return (
        Step(
            State.PICK_LANGUAGE,
            ask=ask_language,
            stage=Stage.OVERLAY,
            choices={code: (Next.RESUME,) for code in LANGUAGES},
            on={Choice: On(language_picked), Text: _PICK},
        ),
        Step(
            State.CONFIRM_CANCEL,
            ask=partial(ask_to_cancel, sets=sets),
            stage=Stage.OVERLAY,
            choices=dict(zip(yes_no, ((State.CANCELLED,), (Next.RESUME,)), strict=True)),
            on={Choice: On(confirm_cancel), Text: _PICK},
        ),
        Step(
            State.CONFIRM_DELETE,
            ask=ask_to_delete,
            stage=Stage.OVERLAY,
            choices=dict(zip(yes_no, ((sets.order[0],), (Next.RESUME,)), strict=True)),
            on={Choice: On(confirm_delete), Text: _PICK},
        ),
        # The owner of a confirmed organization invites people: pasted
        # addresses are judged, then sent, sent again or revoked.
        Step(
            State.INVITE,
            ask=invite_prompt,
            stage=Stage.OVERLAY,
            choices={SEND: (), RESEND: (), REVOKE: (), FINISH: (Next.RESUME,)},
            on={
                Text: On(invite_text),
                Choice: On(invite_choice, to=(Next.RESUME,)),
                InvitationsSent: On(invitations_sent),
            },
        ),
    )


SHARED = Shared(
    guards=(
        ("a card number or an IBAN: refused", refuse_payment_number),
        ("an old talk-to-a-person button, no desk now", no_desk),
        ("a person involved: handoff mode decides", handoff_step),
        ("a message too long", too_long),
        ("typed words naming a button: that button", typed_choice),
        ("the invite button, people picked to invite, someone joined", invite_entry),
    ),
    commands={
        "start": On(start, to=(State.NAME, State.DONE)),
        "status": On(status),
        "language": On(language, to=(State.PICK_LANGUAGE,)),
        "cancel": On(cancel, to=(State.CONFIRM_CANCEL,)),
        "help": On(help_text),
        "new": On(new, to=(State.NAME,)),
        "delete": On(delete, to=(State.CONFIRM_DELETE,)),
        "invite": On(invite_command, to=(State.INVITE,)),
    },
    unknown_command=unknown_command,
    events={
        EmailConfirmed: On(email_confirmed, to=(State.PAYMENT, State.DONE)),
        CreditUsed: On(credit_used, about_org=True),
        CreditExhausted: On(credit_exhausted),
        MandateActive: On(mandate_active),
    },
    overlays=_overlays,
    dropped=(Timer, EmailDeliveryFailed, OrganizationRefused, EmailRefused),
    settle=stop_reminders,
)

FLOW = Flow(STEPS, SHARED)

COMMANDS = tuple(SHARED.commands)
CHOICES = FLOW.choices
TRANSITIONS = FLOW.transitions
# Answers typed and not saved: /new would throw them away (pre-save).
UNSAVED = FLOW.sets.unsaved
# The organization exists, its email not confirmed.
UNCONFIRMED = FLOW.sets.unconfirmed


def step(
    conv: Conversation, event: Event, *, now: datetime | None = None, facts: Facts | None = None
) -> Outcome:
    """Apply one event. Returns the new conversation and what the shell must do.
    `now` (aware UTC) lets the time rules apply: resend cool-down and hourly cap;
    without it nothing is refused for timing and no send is recorded. `facts`:
    what the shell knows (payments on, a desk, the user's organization names)."""
    return FLOW.step(conv, event, now=now, facts=facts)


def prompt(conv: Conversation) -> Reply:
    """What the conversation's state asks (`Step.ask`)."""
    return FLOW.prompt(conv)


def form_open(conv: Conversation) -> bool:
    """Whether a sign-up form may be submitted now (see sign_up.form_open)."""
    return _form_open(Turn(FLOW, None), conv)
