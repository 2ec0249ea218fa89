"""The payment step's handlers (Stripe Checkout in setup mode: the link, its
outcome, a SEPA mandate turning inactive), and the finished steps' answer to
text."""

from .credits import CreditStatus, credit_args
from .effects import Button, Reply
from .events import (
    Choice,
    MandateInactive,
    PaymentLinkDelayed,
    PaymentLinkExpired,
    PaymentLinkReady,
    PaymentLinkUnavailable,
    SetupFailed,
    SetupProcessing,
    SetupSucceeded,
    Text,
)
from .model import Conversation
from .payment import failure_reason
from .policy import payment_link
from .states import State
from .table import Outcome, Turn

__all__ = [
    "finished_text",
    "link_delayed",
    "link_expired",
    "link_ready",
    "link_unavailable",
    "mandate_inactive",
    "payment_choice",
    "payment_text",
    "setup_failed",
    "setup_processing",
    "setup_succeeded",
]


def payment_choice(turn: Turn, conv: Conversation, _: Choice) -> Outcome:
    if conv.org_id is None:
        return turn.not_now(conv)
    return conv, [payment_link(conv, conv.org_id, renew=True)]


def payment_text(turn: Turn, conv: Conversation, _: Text) -> Outcome:
    return turn.ask(conv, Reply(message_id="payment-hint"))


def setup_succeeded(turn: Turn, conv: Conversation, event: SetupSucceeded) -> Outcome:
    done, effects = turn.ask(conv.at(State.DONE, payment_method=event.method))
    credit = done.credit
    if credit is not None and credit.status is CreditStatus.GRANTED and credit.remaining_minor:
        effects.append(Reply(message_id="credit-left", args=credit_args(credit)))
    return done, effects


def setup_failed(_: Turn, conv: Conversation, event: SetupFailed) -> Outcome:
    return conv, [
        Reply(
            message_id="payment-failed",
            args={"reason": failure_reason(event.reason, event.decline_code)},
        ),
        payment_link(conv, event.org_id, renew=True),
    ]


def setup_processing(_: Turn, conv: Conversation, __: SetupProcessing) -> Outcome:
    return conv, [Reply(message_id="payment-processing")]


def link_expired(_: Turn, conv: Conversation, event: PaymentLinkExpired) -> Outcome:
    return conv, [
        Reply(message_id="payment-link-expired"),
        payment_link(conv, event.org_id, renew=True),
    ]


def link_ready(_: Turn, conv: Conversation, event: PaymentLinkReady) -> Outcome:
    # SEPA Direct Debit needs EUR invoices: say why a USD user only sees cards,
    # and, truthfully, when the page offers an EUR user cards only too.
    notes = []
    if conv.currency == "USD":
        notes.append(Reply(message_id="payment-card-only-usd"))
    elif event.card_only:
        notes.append(Reply(message_id="payment-card-only-eur"))
    return conv, [
        *notes,
        Reply(
            message_id="payment-link",
            buttons=(
                Button(label="button-open-payment-link", value="open-payment-link", url=event.url),
                Button(label="button-new-link", value="new-link"),
            ),
        ),
    ]


def link_delayed(_: Turn, conv: Conversation, __: PaymentLinkDelayed) -> Outcome:
    return conv, [Reply(message_id="payment-link-delayed")]


def link_unavailable(_: Turn, conv: Conversation, __: PaymentLinkUnavailable) -> Outcome:
    return conv, [Reply(message_id="payment-link-unavailable")]


def mandate_inactive(turn: Turn, conv: Conversation, event: MandateInactive) -> Outcome:
    back = conv.at(State.PAYMENT, payment_method=None)
    return back, [
        Reply(message_id="payment-mandate-inactive"),
        turn.flow.prompt(back),
        payment_link(conv, event.org_id, renew=True),
    ]


def finished_text(turn: Turn, conv: Conversation, _: Text) -> Outcome:
    return turn.ask(conv)
