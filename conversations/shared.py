"""The handlers of what every state shares: the guards every event passes
first (a payment number, a person asked for, a message too long, words
naming a button), the commands, and the news any step takes (the email
confirmed, the trial credit, a SEPA mandate active)."""

from dataclasses import replace

from .asking import invalid, support_contact
from .choices import TALK_WORDS, match_choice, normalize
from .credits import CreditStatus, credit_args
from .domains import registrable_domain
from .effects import (
    Button,
    CancelTimers,
    CreatePaymentLink,
    Effect,
    FormRejected,
    RedactUserMessage,
    Reply,
)
from .events import (
    Choice,
    Command,
    CreditExhausted,
    CreditUsed,
    EmailConfirmed,
    Event,
    FormSubmitted,
    MandateActive,
    Text,
)
from .form import payment_fields
from .handoff import HANDOFF_CHOICE, offer_button, start_handoff
from .invitations import team_status, text_limit
from .model import LANGUAGES, Conversation
from .payment import method_args
from .payment_numbers import holds_payment_number
from .states import State
from .table import Flow, Outcome, Turn
from .timer_names import REMINDER
from .validation import display_email

__all__ = [
    "MAX_TEXT",
    "carries_payment_number",
    "credit_exhausted",
    "credit_used",
    "email_confirmed",
    "mandate_active",
    "stop_reminders",
]

MAX_TEXT = 1000


# -- the guards, in the order they apply ----------------------------------------


def carries_payment_number(event: Event) -> bool:
    """Whether anything the user wrote in the event (a message, a command's
    name or argument, a button's value, any field of a form) holds a card
    number or an IBAN."""
    if isinstance(event, Text):
        return holds_payment_number(event.text)
    if isinstance(event, Command):
        return holds_payment_number(f"{event.name} {event.arg}")
    if isinstance(event, Choice):
        return holds_payment_number(event.value)
    if isinstance(event, FormSubmitted):
        return bool(payment_fields(event))
    return False


def refuse_payment_number(_: Turn, conv: Conversation, event: Event) -> Outcome | None:
    """The whole message is refused, whatever the state (a handoff too: it is
    not relayed): nothing changes, the channel deletes it where it can."""
    if not carries_payment_number(event):
        return None
    if isinstance(event, FormSubmitted):
        language = event.language if event.language in LANGUAGES else conv.language
        return conv, [
            RedactUserMessage(),
            FormRejected(errors=payment_fields(event), language=language),
        ]
    return conv, [RedactUserMessage(), Reply(message_id="warning-payment-number")]


def no_desk(turn: Turn, conv: Conversation, event: Event) -> Outcome | None:
    """An old "Talk to a person" button, with no desk now: where to write."""
    if isinstance(event, Choice) and event.value == HANDOFF_CHOICE and not conv.facts.desk:
        return turn.ask(conv, support_contact(conv))
    return None


def too_long(_: Turn, conv: Conversation, event: Event) -> Outcome | None:
    if isinstance(event, Text) and len(event.text) > text_limit(conv, MAX_TEXT):
        return invalid(conv, "error-message-too-long")
    return None


def _live_choices(turn: Turn, conv: Conversation) -> tuple[str, ...]:
    """The options of the question on screen, in the order shown."""
    question = turn.flow.prompt(conv)
    return tuple(b.value for b in question.buttons if b.url is None and b.value != HANDOFF_CHOICE)


def typed_choice(turn: Turn, conv: Conversation, event: Event) -> Outcome | Event | None:
    """Typed text that names an option of the question on screen ("euro",
    "Русский", "sí") is that option; asking for a person where one can
    answer starts a handoff."""
    if not isinstance(event, Text):
        return None
    if conv.facts.desk and conv.handoff is None:
        said = normalize(event.text)
        if said == "?" or (said in TALK_WORDS and _live_choices(turn, conv)):
            return start_handoff(conv)
    value = match_choice(event.text, _live_choices(turn, conv), conv.language)
    return Choice(value=value) if value is not None else None


# -- the commands ---------------------------------------------------------------


def _beneath(conv: Conversation) -> Conversation:
    """The step itself, any question asked on top of it closed."""
    return conv.at(conv.step, resume=None) if conv.step is not conv.state else conv


def _fresh(turn: Turn, conv: Conversation) -> Outcome:
    """A new sign-up, from its first typed answer (the language is kept)."""
    first = Conversation(state=turn.flow.sets.order[0], language=conv.language, facts=conv.facts)
    return turn.ask(first.at(turn.flow.after(first.state, first)))


def start(turn: Turn, conv: Conversation, _: Command) -> Outcome:
    base = _beneath(conv)
    if base.state in turn.flow.sets.ended:
        return _fresh(turn, conv)
    if base.state is State.PAYMENT and not conv.facts.payments:
        # Payments were turned off since: nothing is left to do.
        return turn.ask(base.at(State.DONE))
    first = base.state is turn.flow.sets.order[0]
    welcome = [Reply(message_id="onboarding-welcome")] if first else []
    effects: list[Effect] = [*welcome, turn.flow.prompt(base)]
    if base.state is State.PAYMENT and base.org_id is not None:
        effects.append(CreatePaymentLink(org_id=base.org_id))
    return base, effects


def _status(conv: Conversation) -> Reply:
    return Reply(
        message_id="status-summary",
        args={
            "step": conv.step.value,
            "name": conv.name or "—",
            "email": display_email(conv.email or "—"),
            "currency": conv.currency or "—",
            **method_args(conv.payment_method),
            **credit_args(conv.credit),
        },
    )


def status(_: Turn, conv: Conversation, __: Command) -> Outcome:
    return conv, [_status(conv), *team_status(conv)]


def help_text(_: Turn, conv: Conversation, __: Command) -> Outcome:
    talk = (offer_button(),) if conv.facts.desk else ()
    return conv, [Reply(message_id="help-text", buttons=talk)]


def language(turn: Turn, conv: Conversation, _: Command) -> Outcome:
    return turn.ask(conv.at(State.PICK_LANGUAGE, resume=_beneath(conv).state))


def cancel(turn: Turn, conv: Conversation, _: Command) -> Outcome:
    base = _beneath(conv)
    if base.state in turn.flow.sets.idle:
        return turn.ask(base, Reply(message_id="cancel-nothing"))
    return turn.ask(conv.at(State.CONFIRM_CANCEL, resume=base.state))


def delete(turn: Turn, conv: Conversation, _: Command) -> Outcome:
    return turn.ask(conv.at(State.CONFIRM_DELETE, resume=_beneath(conv).state))


def new(turn: Turn, conv: Conversation, _: Command) -> Outcome:
    base = _beneath(conv)
    if base.state in turn.flow.sets.unsaved:
        return turn.ask(base, Reply(message_id="new-in-progress"))
    return _fresh(turn, conv)


def unknown_command(turn: Turn, conv: Conversation, event: Command) -> Outcome:
    return turn.ask(
        conv, Reply(message_id="error-unknown-command", args={"command": event.name[:32]})
    )


# -- news any step takes -----------------------------------------------------------


def email_confirmed(turn: Turn, conv: Conversation, event: EmailConfirmed) -> Outcome:
    if event.org_id != conv.org_id or conv.step not in turn.flow.sets.unconfirmed:
        # Another of the user's organizations (or a late duplicate): just tell.
        return conv, [Reply(message_id="email-confirmed-other")]
    # Without payments there is no payment step: the organization is done.
    after = State.PAYMENT if conv.facts.payments else State.DONE
    confirmed = (
        conv.at(conv.state, resume=after, editing=False)
        if conv.state in turn.flow.overlays
        else conv.at(after, editing=False)
    )
    confirmed = confirmed.at(
        confirmed.state, credit=event.credit, pending_email=None, suggestion=None
    )
    news: list[Effect] = [
        Reply(message_id="email-confirmed"),
        *_credit_news(confirmed),
        turn.flow.prompt(confirmed.at(after)),
    ]
    if after is State.PAYMENT:
        news.append(CreatePaymentLink(org_id=event.org_id))
    return confirmed, news


_CREDIT_NEWS = {
    CreditStatus.GRANTED: "credit-granted",
    CreditStatus.NOT_ELIGIBLE_FREE_MAIL: "credit-not-eligible-free",
    CreditStatus.NOT_ELIGIBLE_DISPOSABLE: "credit-not-eligible-disposable",
    CreditStatus.ALREADY_USED: "credit-already-used",
}


def _credit_news(conv: Conversation) -> list[Effect]:
    """What the user learns about the trial credit right after confirming."""
    if conv.credit is None or conv.credit.status not in _CREDIT_NEWS:
        return []
    domain = registrable_domain((conv.email or "").rpartition("@")[2])
    return [
        Reply(
            message_id=_CREDIT_NEWS[conv.credit.status],
            args={**credit_args(conv.credit), "domain": domain},
        )
    ]


def _spent(conv: Conversation, remaining_minor: int) -> Conversation:
    """The conversation's own granted credit, down to what is left."""
    credit = conv.credit
    if credit is None or credit.status is not CreditStatus.GRANTED:
        return conv
    remaining = max(0, min(remaining_minor, credit.amount_minor))
    return conv.at(conv.state, credit=replace(credit, remaining_minor=remaining))


def credit_used(_: Turn, conv: Conversation, event: CreditUsed) -> Outcome:
    return _spent(conv, event.remaining_minor), []


def credit_exhausted(turn: Turn, conv: Conversation, event: CreditExhausted) -> Outcome:
    """Nudge towards a payment method, unless one is saved for that organization
    (as the shell read it from storage, not from this conversation). Whatever
    the user is doing: the credit of an organization they left for another
    (`/new`) runs out all the same. The button: on that organization's payment
    step, its own "new link"; elsewhere its open Checkout link if it has one;
    failing both, a person, since the chat cannot go back to that step."""
    own = event.org_id == conv.org_id
    if own:
        conv = _spent(conv, 0)
    if event.payment_saved:
        return conv, []
    spent = event.credit or (conv.credit if own else None)
    args = credit_args(replace(spent, remaining_minor=0) if spent else None)
    if own and conv.state is State.PAYMENT:
        button = Button(label="credit-button-add-payment", value="new-link")
    elif event.link_url:
        button = Button(
            label="button-open-payment-link", value="open-payment-link", url=event.link_url
        )
    elif conv.facts.desk:
        button = offer_button()
    else:  # nothing to press: where to write instead
        button = None
    shown = (button,) if button is not None else ()
    contact = [] if button is not None else [support_contact(conv)]
    if own:
        return conv, [Reply(message_id="credit-exhausted", args=args, buttons=shown), *contact]
    return conv, [
        Reply(
            message_id="credit-exhausted-org",
            args={**args, "name": event.name or "—"},
            buttons=shown,
        ),
        *contact,
    ]


def mandate_active(_: Turn, conv: Conversation, event: MandateActive) -> Outcome:
    """Good news about a SEPA mandate, whatever the user is doing now: the
    saved method (if it is this one) says "active" from here on."""
    method = conv.payment_method
    if (
        event.org_id == conv.org_id
        and method is not None
        and method.kind == event.method.kind
        and method.last4 == event.method.last4
    ):
        conv = conv.at(conv.state, payment_method=replace(method, mandate="active"))
    args = method_args(event.method)
    return conv, [
        Reply(
            message_id="payment-mandate-active",
            args={"method_country": args["method_country"], "method_last4": args["method_last4"]},
        )
    ]


# -- after every event ---------------------------------------------------------------


def stop_reminders(
    flow: Flow, before: Conversation, after: Conversation, effects: list[Effect]
) -> Outcome:
    """Reminders end the moment the conversation leaves the email wait for
    their organization (confirmed, cancelled, deleted, another organization)."""
    unconfirmed = flow.sets.unconfirmed
    waiting = before.org_id is not None and before.step in unconfirmed
    still = after.org_id == before.org_id and after.step in unconfirmed
    if waiting and not still:
        return after, [CancelTimers(name=REMINDER, org_id=before.org_id), *effects]
    return after, effects
