"""The onboarding flow. Everything that decides what happens next lives here:
`step(conversation, event)` looks the state up in TRANSITIONS, and an event a
state does not accept leaves the conversation untouched with a "not now" reply."""

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from .choices import TALK_WORDS, match_choice, normalize
from .credits import CreditStatus, credit_args, trial_args
from .domains import DomainKind, classify_domain, registrable_domain
from .effects import (
    AbandonOrganization,
    Button,
    CancelTimers,
    CreateOrganization,
    CreatePaymentLink,
    DeleteUserData,
    Effect,
    FormRejected,
    RedactUserMessage,
    Reply,
    ScheduleTimer,
    SendConfirmationEmail,
    TellDesk,
    UpdateOrganization,
)
from .events import (
    Choice,
    Command,
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
from .form import check_form, payment_fields
from .handoff import HANDOFF_CHOICE, INVALID_BEFORE_OFFER, handoff_step, offer_button, start_handoff
from .invitations import INVITE_CHOICES, INVITE_ROW, invite_entry, team_status, text_limit
from .limits import recent_sends, refusal
from .model import CURRENCIES, LANGUAGES, Conversation
from .payment import failure_reason, method_args
from .payment_numbers import holds_payment_number
from .prompts import awaiting_buttons, email_question, name_question, prompt
from .states import OVERLAYS, State
from .timer_names import REMINDER
from .typos import suggest_address
from .validation import FieldError, check_email, check_name, display_email, mask_email

__all__ = [
    "CHOICES",
    "COMMANDS",
    "MAX_TEXT",
    "REMINDER",
    "TRANSITIONS",
    "carries_payment_number",
    "form_open",
    "step",
]

Now = datetime | None
Outcome = tuple[Conversation, list[Effect]]
Handler = Callable[[Conversation, Any, Now], Outcome]

# The timer that reminds a user to open the confirmation link.

MAX_TEXT = 1000
_DOMAIN_NOTES = {DomainKind.FREE: "email-note-free", DomainKind.DISPOSABLE: "email-note-disposable"}
COMMANDS = ("start", "status", "language", "cancel", "help", "new", "delete", "invite")
# States whose data the user has not saved yet: /new would throw it away.
_UNSAVED = frozenset({State.NAME, State.EMAIL, State.CURRENCY, State.SUMMARY})
# States where the organization exists but its email is not confirmed.
_UNCONFIRMED = frozenset({State.AWAITING_EMAIL, State.EMAIL})
# Several answers in one message, at the name step.
_SEPARATORS = re.compile(r"[,;\n]")


def _ask(conv: Conversation, *before: Effect) -> Outcome:
    return conv, [*before, prompt(conv)]


def _not_now(conv: Conversation) -> Outcome:
    return _ask(conv, Reply(message_id="error-not-now"))


def _offer_after_invalid(conv: Conversation) -> list[Effect]:
    """The third invalid answer in a row: offer a person (once per streak),
    or, with nobody at a desk to answer, say where to write."""
    if conv.invalid_in_a_row != INVALID_BEFORE_OFFER:
        return []
    if not conv.facts.desk:
        return [_support_contact(conv)]
    return [Reply(message_id="handoff-offer", buttons=(offer_button(),))]


def _support_contact(conv: Conversation) -> Reply:
    return Reply(message_id="support-contact", args={"email": conv.facts.support_email})


def _invalid(conv: Conversation, message_id: str) -> Outcome:
    conv = conv.at(conv.state, invalid_in_a_row=conv.invalid_in_a_row + 1)
    return conv, [Reply(message_id=message_id), *_offer_after_invalid(conv)]


def _pick_option(conv: Conversation, _: Text, _now: Now) -> Outcome:
    conv = conv.at(conv.state, invalid_in_a_row=conv.invalid_in_a_row + 1)
    return conv, [Reply(message_id="error-pick-option"), prompt(conv), *_offer_after_invalid(conv)]


def _after_field(conv: Conversation, next_state: State) -> Outcome:
    """Where a valid answer leads: on, or back to the summary when editing."""
    if conv.editing:
        return _ask(conv.at(State.SUMMARY, editing=False))
    return _ask(conv.at(next_state))


def _send_email(conv: Conversation, org_id: int, now: Now, *announce: Reply) -> Outcome:
    """A new confirmation email: counted for the resend rules, and the
    reminders start over from it. `announce`: what to say once it is queued
    (nothing is said if the address is over its daily limit)."""
    if now is not None:
        conv = conv.at(conv.state, email_sends=(*recent_sends(conv.email_sends, now), now))
    return conv, [
        SendConfirmationEmail(org_id=org_id, announce=announce),
        CancelTimers(name=REMINDER, org_id=org_id),
        ScheduleTimer(name=REMINDER, org_id=org_id),
    ]


# -- the steps ---------------------------------------------------------------


def _language_chosen(conv: Conversation, event: Choice, _now: Now) -> Outcome:
    return _ask(conv.at(State.NAME, language=event.value, invalid_in_a_row=0))


def _name_given(conv: Conversation, event: Text, now: Now) -> Outcome:
    several = _several_answers(conv, event.text)
    if several is not None:
        return _fill_steps(conv, several, now)
    result = check_name(event.text)
    if isinstance(result, FieldError):
        return _invalid(conv, result.message_id)
    if _duplicate_name(conv, result.value):
        asked = conv.at(conv.state, pending_name=result.value, invalid_in_a_row=0)
        return asked, [name_question(asked) or prompt(asked)]
    return _take_name(conv, result.value)


def _duplicate_name(conv: Conversation, name: str) -> bool:
    """Another of the user's organizations has this name (ignoring case and
    accents), and it is not the name they were already warned about."""
    taken = {normalize(other) for other in conv.facts.org_names}
    retyped = conv.pending_name is not None and normalize(conv.pending_name) == normalize(name)
    return normalize(name) in taken and not retyped


def _take_name(conv: Conversation, name: str) -> Outcome:
    return _after_field(
        conv.at(conv.state, name=name, pending_name=None, invalid_in_a_row=0),
        State.CURRENCY if conv.email else State.EMAIL,
    )


def _name_choice(conv: Conversation, event: Choice, _now: Now) -> Outcome:
    """The answer to "another organization has this name": use it, or type another."""
    if conv.pending_name is None:
        return _not_now(conv)
    if event.value == "keep-name":
        return _take_name(conv, conv.pending_name)
    return _ask(conv.at(conv.state, pending_name=None))


def _several_answers(conv: Conversation, text: str) -> dict[str, str] | None:
    """ "Acme Labs, ceo@acme.com, EUR" at the name step: the name, then each
    other part an address or a currency, every one recognized and none
    twice; otherwise None (it is all one name, as "Acme, Inc.")."""
    if conv.editing or conv.state is not State.NAME:
        return None
    parts = [part.strip() for part in _SEPARATORS.split(text) if part.strip()]
    if len(parts) < 2 or isinstance(check_name(parts[0]), FieldError):
        return None
    found = {"name": parts[0]}
    for part in parts[1:]:
        currency = match_choice(part, CURRENCIES, conv.language)
        if currency is not None and "currency" not in found:
            found["currency"] = currency
        elif "@" in part and "email" not in found and not isinstance(check_email(part), FieldError):
            found["email"] = part
        else:
            return None
    return found


def _fill_steps(conv: Conversation, answers: dict[str, str], now: Now) -> Outcome:
    """Each answer goes through its own step's rules; only the question of
    the step where they stop is asked (a refused answer is said, as typed
    alone)."""
    said: list[Effect] = []
    conv, effects = _name_given(conv, Text(text=answers["name"]), now)
    for key, field_state in (("email", State.EMAIL), ("currency", State.CURRENCY)):
        if key not in answers or conv.state is not field_state:
            continue
        said += [e for e in effects if not (isinstance(e, Reply) and e == prompt(conv))]
        if key == "email":
            conv, effects = _email_given(conv, Text(text=answers[key]), now)
        else:
            conv, effects = _currency_chosen(conv, Choice(value=answers[key]), now)
    return conv, [*said, *effects]


def _email_given(conv: Conversation, event: Text, now: Now) -> Outcome:
    result = check_email(event.text)
    if isinstance(result, FieldError):
        return _invalid(conv, result.message_id)
    return _email_checked(conv, result.value, now, typo_checked=False)


def _email_checked(conv: Conversation, email: str, now: Now, *, typo_checked: bool) -> Outcome:
    """A valid address, asked about before it is taken when its domain looks
    mistyped (did you mean …?) or is a free-mail or disposable one (keep it,
    or type another): the user stays on the email step with both choices."""
    suggestion = None if typo_checked else suggest_address(email)
    conv = conv.at(conv.state, invalid_in_a_row=0)
    if suggestion is not None:
        asked = conv.at(conv.state, pending_email=email, suggestion=suggestion)
        return asked, [email_question(asked) or prompt(asked)]
    if classify_domain(email.rpartition("@")[2]) is not DomainKind.BUSINESS:
        asked = conv.at(conv.state, pending_email=email, suggestion=None)
        return asked, [email_question(asked) or prompt(asked)]
    return _take_email(conv, email, now)


def _email_choice(conv: Conversation, event: Choice, now: Now) -> Outcome:
    pending = conv.pending_email
    if pending is None:
        return _not_now(conv)
    if event.value == "use-suggestion" and conv.suggestion is not None:
        return _email_checked(
            conv.at(conv.state, suggestion=None), conv.suggestion, now, typo_checked=True
        )
    if conv.suggestion is not None:  # kept as typed: the domain kind is still told
        return _email_checked(conv.at(conv.state, suggestion=None), pending, now, typo_checked=True)
    return _take_email(conv, pending, now)


def _take_email(conv: Conversation, email: str, now: Now) -> Outcome:
    """A checked address (normalized by `check_email`), taken for good."""
    conv = conv.at(conv.state, pending_email=None, suggestion=None)
    if conv.org_id is not None:
        refused = refusal(conv.email_sends, now, resend=False)
        if refused is not None:
            # Over the hourly cap: the address the last link went to stays.
            return conv.at(State.AWAITING_EMAIL, editing=False, invalid_in_a_row=0), [refused]
    conv = conv.at(conv.state, email=email, invalid_in_a_row=0)
    if conv.org_id is not None:
        # The organization exists already: a new address means a new link.
        awaiting = conv.at(State.AWAITING_EMAIL, editing=False)
        updated, sending = _send_email(awaiting, conv.org_id, now, prompt(awaiting))
        return updated, [UpdateOrganization(org_id=conv.org_id, email=email), *sending]
    return _after_field(conv, State.CURRENCY)


def _currency_chosen(conv: Conversation, event: Choice, _now: Now) -> Outcome:
    return _ask(conv.at(State.SUMMARY, currency=event.value, editing=False, invalid_in_a_row=0))


def _summary_choice(conv: Conversation, event: Choice, _now: Now) -> Outcome:
    if event.value == "save":
        if not (conv.name and conv.email and conv.currency):
            return _not_now(conv)
        return conv.at(State.AWAITING_EMAIL), [
            CreateOrganization(
                name=conv.name, email=conv.email, language=conv.language, currency=conv.currency
            )
        ]
    if event.value == "edit-language":
        return _ask(conv.at(State.PICK_LANGUAGE, resume=State.SUMMARY))
    target = {"edit-name": State.NAME, "edit-email": State.EMAIL, "edit-currency": State.CURRENCY}
    return _ask(conv.at(target[event.value], editing=True))


def form_open(conv: Conversation) -> bool:
    """Whether a sign-up form may be submitted now: before anything is saved, or
    after a sign-up ended (a new organization, as `/new`). Not while the email of
    a saved organization is being changed."""
    if FormSubmitted not in TRANSITIONS[conv.state]:
        return False
    return not (conv.org_id is not None and conv.state in _UNCONFIRMED)


def _form_submitted(conv: Conversation, event: FormSubmitted, _now: Now) -> Outcome:
    """The field rules of `check_form`, then, as at the chat's name step, a name
    the user already has (ignoring case and accents) is pointed out on the
    name field; the same name submitted again is accepted."""
    if not form_open(conv):
        return _not_now(conv)
    checked = check_form(event)
    if isinstance(checked, dict):
        language = event.language if event.language in LANGUAGES else conv.language
        return conv, [FormRejected(errors=checked, language=language)]
    if _duplicate_name(conv, checked.name):
        # As at the chat's name step: pointed out once, next to the field; the
        # same name submitted again is taken (the user has seen the warning).
        warned = conv.at(conv.state, pending_name=checked.name)
        errors = {"name": "slack-form-name-duplicate"}
        return warned, [FormRejected(errors=errors, language=checked.language)]
    saved = Conversation(
        state=State.AWAITING_EMAIL,
        language=checked.language,
        name=checked.name,
        email=checked.email,
        currency=checked.currency,
    )
    kind = classify_domain(checked.domain)
    notes: list[Effect] = []
    if kind is not DomainKind.BUSINESS:
        notes.append(
            Reply(message_id=_DOMAIN_NOTES[kind], args={"domain": checked.domain, **trial_args()})
        )
    create = CreateOrganization(
        name=checked.name, email=checked.email, language=checked.language, currency=checked.currency
    )
    return saved, [*notes, create]


def _organization_created(conv: Conversation, event: OrganizationCreated, now: Now) -> Outcome:
    awaiting = conv.at(State.AWAITING_EMAIL, org_id=event.org_id, email_sends=())
    return _send_email(awaiting, event.org_id, now, prompt(awaiting))


def _organization_refused(conv: Conversation, event: OrganizationRefused, _now: Now) -> Outcome:
    """Too many organizations today: nothing was created; back to the summary,
    everything typed kept, to save again later."""
    if conv.org_id is not None:
        return conv, []  # stale: this organization exists
    back = conv.at(State.SUMMARY, editing=False, invalid_in_a_row=0)
    return _ask(
        back, Reply(message_id="limits-organizations-per-day", args={"hours": max(1, event.hours)})
    )


def _email_refused(conv: Conversation, event: EmailRefused, _now: Now) -> Outcome:
    """The address got too many confirmation emails today: none was queued,
    so no reminder about it either."""
    if event.org_id != conv.org_id:
        return conv, []
    hours = max(1, event.hours)
    effects: list[Effect] = [
        CancelTimers(name=REMINDER, org_id=event.org_id),
        Reply(
            message_id="limits-emails-per-address",
            args={"hours": hours},
            buttons=(Button(label="button-change-email", value="change-email"),),
        ),
    ]
    if conv.handoff is not None:
        # The agent who pressed Resend learns it did not go out, and when it can.
        effects.append(TellDesk(message_id="handoff-desk-email-refused", args={"hours": hours}))
    return conv, effects


def _awaiting_choice(conv: Conversation, event: Choice, now: Now) -> Outcome:
    resend = event.value == "resend"
    refused = refusal(conv.email_sends, now, resend=resend)
    if refused is not None:
        return conv, [refused]
    if resend and conv.org_id is not None:
        resent = Reply(
            message_id="email-resent",
            args={"email": mask_email(conv.email or "")},
            buttons=awaiting_buttons(),
        )
        return _send_email(conv, conv.org_id, now, resent)
    return _ask(conv.at(State.EMAIL, editing=True))


def _reminder_due(conv: Conversation, event: Timer, _now: Now) -> Outcome:
    if event.name != REMINDER or event.org_id != conv.org_id:
        return conv, []  # stale: an older organization, or an unknown timer
    return conv, [
        Reply(
            message_id="email-reminder",
            args={"email": mask_email(conv.email or "")},
            buttons=awaiting_buttons(),
        )
    ]


def _awaiting_text(conv: Conversation, _: Text, _now: Now) -> Outcome:
    return _ask(conv, Reply(message_id="onboarding-awaiting-hint"))


def _delivery_failed(conv: Conversation, event: EmailDeliveryFailed, _now: Now) -> Outcome:
    if event.org_id != conv.org_id:
        return conv, []
    if event.email is not None and event.email != conv.email:
        # An email to an address the user has replaced since: the new one's
        # email is what counts now, and its wait goes on undisturbed.
        return conv, []
    return conv, [
        Reply(
            message_id="email-delivery-failed",
            args={"email": display_email(event.email or conv.email or "")},
            buttons=(Button(label="button-change-email", value="change-email"),),
        )
    ]


def _payment_choice(conv: Conversation, _: Choice, _now: Now) -> Outcome:
    if conv.org_id is None:
        return _not_now(conv)
    return conv, [CreatePaymentLink(org_id=conv.org_id, renew=True)]


def _payment_text(conv: Conversation, _: Text, _now: Now) -> Outcome:
    return _ask(conv, Reply(message_id="payment-hint"))


def _setup_succeeded(conv: Conversation, event: SetupSucceeded, _now: Now) -> Outcome:
    if event.org_id != conv.org_id:
        return conv, []
    done, effects = _ask(conv.at(State.DONE, payment_method=event.method))
    credit = done.credit
    if credit is not None and credit.status is CreditStatus.GRANTED and credit.remaining_minor:
        effects.append(Reply(message_id="credit-left", args=credit_args(credit)))
    return done, effects


def _setup_failed(conv: Conversation, event: SetupFailed, _now: Now) -> Outcome:
    if event.org_id != conv.org_id:
        return conv, []
    return conv, [
        Reply(
            message_id="payment-failed",
            args={"reason": failure_reason(event.reason, event.decline_code)},
        ),
        CreatePaymentLink(org_id=event.org_id, renew=True),
    ]


def _setup_processing(conv: Conversation, event: SetupProcessing, _now: Now) -> Outcome:
    if event.org_id != conv.org_id:
        return conv, []
    return conv, [Reply(message_id="payment-processing")]


def _link_expired(conv: Conversation, event: PaymentLinkExpired, _now: Now) -> Outcome:
    if event.org_id != conv.org_id:
        return conv, []
    return conv, [
        Reply(message_id="payment-link-expired"),
        CreatePaymentLink(org_id=event.org_id, renew=True),
    ]


def _link_ready(conv: Conversation, event: PaymentLinkReady, _now: Now) -> Outcome:
    if event.org_id != conv.org_id:
        return conv, []
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


def _link_delayed(conv: Conversation, event: PaymentLinkDelayed, _now: Now) -> Outcome:
    if event.org_id != conv.org_id:
        return conv, []
    return conv, [Reply(message_id="payment-link-delayed")]


def _link_unavailable(conv: Conversation, event: PaymentLinkUnavailable, _now: Now) -> Outcome:
    if event.org_id != conv.org_id:
        return conv, []
    return conv, [Reply(message_id="payment-link-unavailable")]


def _mandate_inactive(conv: Conversation, event: MandateInactive, _now: Now) -> Outcome:
    if event.org_id != conv.org_id:
        return conv, []
    back = conv.at(State.PAYMENT, payment_method=None)
    return back, [
        Reply(message_id="payment-mandate-inactive"),
        prompt(back),
        CreatePaymentLink(org_id=event.org_id, renew=True),
    ]


def _mandate_active(conv: Conversation, event: MandateActive) -> Outcome:
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


def _finished_text(conv: Conversation, _: Text, _now: Now) -> Outcome:
    return _ask(conv)


def _overlay_language(conv: Conversation, event: Choice, _now: Now) -> Outcome:
    # Picked through /language while the language question was open: that
    # answers it too, rather than asking it again.
    resume = State.NAME if conv.resume in (None, State.LANGUAGE) else conv.resume
    back = conv.at(resume, language=event.value, resume=None)
    effects: list[Effect] = []
    if conv.org_id is not None and back.state in _UNCONFIRMED | {State.PAYMENT, State.DONE}:
        effects.append(UpdateOrganization(org_id=conv.org_id, language=event.value))
    effects.append(Reply(message_id="language-changed"))
    return back, [*effects, *_resume_prompt(back)]


def _confirm_cancel(conv: Conversation, event: Choice, _now: Now) -> Outcome:
    if event.value == "no":
        return _ask(conv.at(conv.resume or State.NAME, resume=None))
    effects: list[Effect] = []
    if conv.org_id is not None and conv.resume in _UNCONFIRMED:
        effects.append(AbandonOrganization(org_id=conv.org_id))
    fresh = Conversation(state=State.CANCELLED, language=conv.language, facts=conv.facts)
    if conv.org_id is not None and conv.resume is State.PAYMENT:
        # Confirmed already: the organization stays; only this sign-up ends.
        done = Reply(message_id="cancel-done-confirmed", args={"name": conv.name or "—"})
        return fresh, [*effects, done]
    return fresh, [*effects, Reply(message_id="cancel-done")]


def _confirm_delete(conv: Conversation, event: Choice, _now: Now) -> Outcome:
    if event.value == "no":
        return _ask(conv.at(conv.resume or State.NAME, resume=None))
    return Conversation(state=State.LANGUAGE, language=conv.language), [
        DeleteUserData(),
        Reply(message_id="delete-done"),
    ]


def _resume_prompt(conv: Conversation) -> list[Effect]:
    return [prompt(conv)]


CHOICES: dict[State, frozenset[str]] = {
    State.LANGUAGE: frozenset(LANGUAGES),
    State.NAME: frozenset({"keep-name", "other-name"}),
    State.EMAIL: frozenset({"keep-email", "use-suggestion"}),
    State.PICK_LANGUAGE: frozenset(LANGUAGES),
    State.CURRENCY: frozenset(CURRENCIES),
    State.SUMMARY: frozenset({"save", "edit-name", "edit-email", "edit-currency", "edit-language"}),
    State.AWAITING_EMAIL: frozenset({"resend", "change-email"}),
    State.PAYMENT: frozenset({"new-link"}),
    State.CONFIRM_CANCEL: frozenset({"yes", "no"}),
    State.CONFIRM_DELETE: frozenset({"yes", "no"}),
    State.INVITE: INVITE_CHOICES,
}

TRANSITIONS: dict[State, dict[type, Handler]] = {
    State.LANGUAGE: {Choice: _language_chosen, Text: _pick_option, FormSubmitted: _form_submitted},
    State.NAME: {Text: _name_given, Choice: _name_choice, FormSubmitted: _form_submitted},
    State.EMAIL: {Text: _email_given, Choice: _email_choice, FormSubmitted: _form_submitted},
    State.CURRENCY: {Choice: _currency_chosen, Text: _pick_option, FormSubmitted: _form_submitted},
    State.SUMMARY: {Choice: _summary_choice, Text: _pick_option, FormSubmitted: _form_submitted},
    State.AWAITING_EMAIL: {
        OrganizationCreated: _organization_created,
        OrganizationRefused: _organization_refused,
        EmailRefused: _email_refused,
        Choice: _awaiting_choice,
        Text: _awaiting_text,
        EmailDeliveryFailed: _delivery_failed,
        Timer: _reminder_due,
    },
    State.PAYMENT: {
        Choice: _payment_choice,
        Text: _payment_text,
        SetupSucceeded: _setup_succeeded,
        SetupFailed: _setup_failed,
        SetupProcessing: _setup_processing,
        PaymentLinkExpired: _link_expired,
        PaymentLinkReady: _link_ready,
        PaymentLinkDelayed: _link_delayed,
        PaymentLinkUnavailable: _link_unavailable,
    },
    State.DONE: {
        Text: _finished_text,
        FormSubmitted: _form_submitted,
        MandateInactive: _mandate_inactive,
    },
    State.CANCELLED: {Text: _finished_text, FormSubmitted: _form_submitted},
    State.PICK_LANGUAGE: {Choice: _overlay_language, Text: _pick_option},
    State.CONFIRM_CANCEL: {Choice: _confirm_cancel, Text: _pick_option},
    State.CONFIRM_DELETE: {Choice: _confirm_delete, Text: _pick_option},
    State.INVITE: INVITE_ROW,
}


# -- events every state shares -------------------------------------------------


def _email_confirmed(conv: Conversation, event: EmailConfirmed) -> Outcome:
    if event.org_id != conv.org_id or conv.step not in _UNCONFIRMED:
        # Another of the user's organizations (or a late duplicate): just tell.
        return conv, [Reply(message_id="email-confirmed-other")]
    # Without payments there is no payment step: the organization is done.
    after = State.PAYMENT if conv.facts.payments else State.DONE
    confirmed = (
        conv.at(conv.state, resume=after, editing=False)
        if conv.state in OVERLAYS
        else conv.at(after, editing=False)
    )
    confirmed = confirmed.at(
        confirmed.state, credit=event.credit, pending_email=None, suggestion=None
    )
    news: list[Effect] = [
        Reply(message_id="email-confirmed"),
        *_credit_news(confirmed),
        prompt(confirmed.at(after)),
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


def _credit_used(conv: Conversation, event: CreditUsed) -> Outcome:
    credit = conv.credit
    if event.org_id != conv.org_id or credit is None or credit.status is not CreditStatus.GRANTED:
        return conv, []
    remaining = max(0, min(event.remaining_minor, credit.amount_minor))
    return conv.at(conv.state, credit=replace(credit, remaining_minor=remaining)), []


def _credit_exhausted(conv: Conversation, event: CreditExhausted) -> Outcome:
    """Nudge towards a payment method, unless one is saved for that organization
    (as the shell read it from storage, not from this conversation). Whatever
    the user is doing: the credit of an organization they left for another
    (`/new`) runs out all the same. The button: on that organization's payment
    step, its own "new link"; elsewhere its open Checkout link if it has one;
    failing both, a person, since the chat cannot go back to that step."""
    conv, _ = _credit_used(conv, CreditUsed(org_id=event.org_id, remaining_minor=0))
    if event.payment_saved:
        return conv, []
    own = event.org_id == conv.org_id
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
    contact = [] if button is not None else [_support_contact(conv)]
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


def _command(conv: Conversation, event: Command) -> Outcome:
    name = event.name
    base = conv.at(conv.step, resume=None) if conv.state in OVERLAYS else conv
    if name == "start":
        if base.state is State.CANCELLED:
            return _ask(Conversation(state=State.NAME, language=conv.language, facts=conv.facts))
        if base.state is State.PAYMENT and not conv.facts.payments:
            # Payments were turned off since: nothing is left to do.
            return _ask(base.at(State.DONE))
        welcome = [Reply(message_id="onboarding-welcome")] if base.state is State.LANGUAGE else []
        effects: list[Effect] = [*welcome, prompt(base)]
        if base.state is State.PAYMENT and base.org_id is not None:
            effects.append(CreatePaymentLink(org_id=base.org_id))
        return base, effects
    if name == "status":
        return conv, [_status(conv), *team_status(conv)]
    if name == "help":
        talk = (offer_button(),) if conv.facts.desk else ()
        return conv, [Reply(message_id="help-text", buttons=talk)]
    if name == "language":
        return _ask(conv.at(State.PICK_LANGUAGE, resume=base.state))
    if name == "cancel":
        if base.state in (State.LANGUAGE, State.CANCELLED, State.DONE):
            return _ask(base, Reply(message_id="cancel-nothing"))
        return _ask(conv.at(State.CONFIRM_CANCEL, resume=base.state))
    if name == "delete":
        return _ask(conv.at(State.CONFIRM_DELETE, resume=base.state))
    if name == "new":
        if base.state in _UNSAVED:
            return _ask(base, Reply(message_id="new-in-progress"))
        return _ask(Conversation(state=State.NAME, language=conv.language, facts=conv.facts))
    return _ask(conv, Reply(message_id="error-unknown-command", args={"command": name[:32]}))


def _stop_reminders(before: Conversation, after: Conversation, effects: list[Effect]) -> Outcome:
    """Reminders end the moment the conversation leaves the email wait for
    their organization (confirmed, cancelled, deleted, another organization)."""
    waiting = before.org_id is not None and before.step in _UNCONFIRMED
    still = after.org_id == before.org_id and after.step in _UNCONFIRMED
    if waiting and not still:
        return after, [CancelTimers(name=REMINDER, org_id=before.org_id), *effects]
    return after, effects


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


def _refuse_payment_number(conv: Conversation, event: Event) -> Outcome:
    """The whole message is refused, whatever the state (a handoff too: it is
    not relayed): nothing changes, the channel deletes it where it can."""
    if isinstance(event, FormSubmitted):
        language = event.language if event.language in LANGUAGES else conv.language
        return conv, [
            RedactUserMessage(),
            FormRejected(errors=payment_fields(event), language=language),
        ]
    return conv, [RedactUserMessage(), Reply(message_id="warning-payment-number")]


def _live_choices(conv: Conversation) -> tuple[str, ...]:
    """The options of the question on screen, in the order shown."""
    question = prompt(conv)
    return tuple(b.value for b in question.buttons if b.url is None and b.value != HANDOFF_CHOICE)


def _as_choice(conv: Conversation, text: str) -> Choice | None:
    """Typed text that names an option of the question on screen ("euro",
    "Русский", "sí"), or asks for a person where one can answer."""
    if conv.facts.desk and conv.handoff is None:
        said = normalize(text)
        if said == "?" or (said in TALK_WORDS and _live_choices(conv)):
            return Choice(value=HANDOFF_CHOICE)
    value = match_choice(text, _live_choices(conv), conv.language)
    return Choice(value=value) if value is not None else None


def _dispatch(conv: Conversation, event: Event, now: Now) -> Outcome:
    if carries_payment_number(event):
        return _refuse_payment_number(conv, event)
    if isinstance(event, Choice) and event.value == HANDOFF_CHOICE and not conv.facts.desk:
        # An old "Talk to a person" button, with no desk now: where to write.
        return _ask(conv, _support_contact(conv))
    handed_off = handoff_step(conv, event, now)
    if handed_off is not None:
        return handed_off
    invited = invite_entry(conv, event, now)
    if invited is not None:
        return invited
    if isinstance(event, Text) and len(event.text) > text_limit(conv, MAX_TEXT):
        return _invalid(conv, "error-message-too-long")
    if isinstance(event, Text):
        typed = _as_choice(conv, event.text)
        if typed is not None and typed.value == HANDOFF_CHOICE:
            return start_handoff(conv)
        if typed is not None:
            event = typed
    if isinstance(event, Command):
        return _command(conv, event)
    if isinstance(event, EmailConfirmed):
        return _email_confirmed(conv, event)
    if isinstance(event, CreditUsed):
        return _credit_used(conv, event)
    if isinstance(event, CreditExhausted):
        return _credit_exhausted(conv, event)
    if isinstance(event, MandateActive):
        return _mandate_active(conv, event)
    if (
        conv.state in OVERLAYS
        and conv.resume is not None
        and not isinstance(event, Text | Choice | Command | FormSubmitted)
        and type(event) in TRANSITIONS[conv.resume]
    ):
        # News (a saved card, a reminder) while the user has a question open
        # on top of a step: it belongs to that step, and the question stays.
        beneath, effects = _dispatch(conv.at(conv.resume, resume=None), event, now)
        if beneath.state in OVERLAYS:
            return beneath, effects
        return beneath.at(conv.state, resume=beneath.state), effects
    handler = TRANSITIONS[conv.state].get(type(event))
    if handler is None:
        # News the user did not ask for right now (a reminder, a bounced email)
        # that no longer fits the state is dropped: a "not now" out of the blue
        # would only confuse. Anything the user did gets "not now".
        unasked = Timer | EmailDeliveryFailed | OrganizationRefused | EmailRefused
        return (conv, []) if isinstance(event, unasked) else _not_now(conv)
    if isinstance(event, Choice) and event.value not in CHOICES.get(conv.state, ()):
        return _not_now(conv)
    return handler(conv, event, now)


def step(
    conv: Conversation, event: Event, *, now: datetime | None = None, facts: Facts | None = None
) -> Outcome:
    """Apply one event. Returns the new conversation and what the shell must do.
    `now` (aware UTC) lets the time rules apply: resend cool-down and hourly cap;
    without it nothing is refused for timing and no send is recorded. `facts`:
    what the shell knows (payments on, a desk, the user's organization names)."""
    if facts is not None:
        conv = replace(conv, facts=facts)
    after, effects = _dispatch(conv, event, now)
    return _stop_reminders(conv, after, effects)
