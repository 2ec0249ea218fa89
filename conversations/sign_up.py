"""The sign-up steps' handlers: the answers (language, name, email, currency),
the summary that saves them, and the whole sign-up as one form. Where an
answer leads is the step table's order (`Turn.next_step`)."""

import re

from .asking import invalid, send_email
from .choices import match_choice, normalize
from .confirmation import organization_refused
from .credits import trial_args
from .domains import DomainKind, classify_domain
from .effects import CreateOrganization, Effect, FormRejected, Reply, UpdateOrganization
from .events import Choice, FormSubmitted, OrganizationRefused, Text
from .form import check_form
from .limits import refusal
from .model import CURRENCIES, LANGUAGES, Conversation
from .policy import organization_refusal
from .prompts import EMAIL_NOTES, email_question, name_question
from .states import State
from .table import Outcome, Turn
from .typos import suggest_address
from .validation import FieldError, check_email, check_name

__all__ = [
    "email_choice",
    "email_given",
    "form_open",
    "form_submitted",
    "name_choice",
    "name_given",
    "option_taken",
    "summary_choice",
]

# Several answers in one message, at the name step.
_SEPARATORS = re.compile(r"[,;\n]")


def _after_field(turn: Turn, conv: Conversation) -> Outcome:
    """Where a valid answer leads: on, or back to the summary when editing."""
    return turn.ask(conv.at(turn.next_step(conv), editing=False))


def option_taken(turn: Turn, conv: Conversation, event: Choice) -> Outcome:
    """The option picked is the step's answer (its language, its currency)."""
    answer = turn.flow.steps[conv.state].answer
    if answer is None:
        raise ValueError(f"{conv.state} keeps no answer")
    answered = conv.at(conv.state, invalid_in_a_row=0, **{answer: event.value})
    return _after_field(turn, answered)


def name_given(turn: Turn, conv: Conversation, event: Text) -> Outcome:
    several = _several_answers(conv, event.text)
    if several is not None:
        return _fill_steps(turn, conv, several)
    result = check_name(event.text)
    if isinstance(result, FieldError):
        return invalid(conv, result.message_id)
    if _duplicate_name(conv, result.value):
        asked = conv.at(conv.state, pending_name=result.value, invalid_in_a_row=0)
        return asked, [name_question(asked) or turn.flow.prompt(asked)]
    return _take_name(turn, conv, result.value)


def _duplicate_name(conv: Conversation, name: str) -> bool:
    """Another of the user's organizations has this name (ignoring case and
    accents), and it is not the name they were already warned about."""
    taken = {normalize(other) for other in conv.facts.org_names}
    retyped = conv.pending_name is not None and normalize(conv.pending_name) == normalize(name)
    return normalize(name) in taken and not retyped


def _take_name(turn: Turn, conv: Conversation, name: str) -> Outcome:
    return _after_field(turn, conv.at(conv.state, name=name, pending_name=None, invalid_in_a_row=0))


def name_choice(turn: Turn, conv: Conversation, event: Choice) -> Outcome:
    """The answer to "another organization has this name": use it, or type another."""
    if conv.pending_name is None:
        return turn.not_now(conv)
    if event.value == "keep-name":
        return _take_name(turn, conv, conv.pending_name)
    return turn.ask(conv.at(conv.state, pending_name=None))


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


def _fill_steps(turn: Turn, conv: Conversation, answers: dict[str, str]) -> Outcome:
    """Each answer goes through its own step's rules, while the flow is on
    the step that takes it; only the question of the step where they stop is
    asked (a refused answer is said, as typed alone)."""
    said: list[Effect] = []
    conv, effects = name_given(turn, conv, Text(text=answers["name"]))
    while (answer := turn.flow.steps[conv.state].answer) in answers and answer != "name":
        said += [e for e in effects if not (isinstance(e, Reply) and e == turn.flow.prompt(conv))]
        # As typed: a typed option ("EUR") is taken as its button would be.
        conv, effects = turn.flow.dispatch(turn, conv, Text(text=answers.pop(answer)))
    return conv, [*said, *effects]


def email_given(turn: Turn, conv: Conversation, event: Text) -> Outcome:
    result = check_email(event.text)
    if isinstance(result, FieldError):
        return invalid(conv, result.message_id)
    return _email_checked(turn, conv, result.value, typo_checked=False)


def _email_checked(turn: Turn, conv: Conversation, email: str, *, typo_checked: bool) -> Outcome:
    """A valid address, asked about before it is taken when its domain looks
    mistyped (did you mean …?) or is a free-mail or disposable one (keep it,
    or type another): the user stays on the email step with both choices."""
    suggestion = None if typo_checked else suggest_address(email)
    conv = conv.at(conv.state, invalid_in_a_row=0)
    if suggestion is not None:
        asked = conv.at(conv.state, pending_email=email, suggestion=suggestion)
        return asked, [email_question(asked) or turn.flow.prompt(asked)]
    if classify_domain(email.rpartition("@")[2]) is not DomainKind.BUSINESS:
        asked = conv.at(conv.state, pending_email=email, suggestion=None)
        return asked, [email_question(asked) or turn.flow.prompt(asked)]
    return _take_email(turn, conv, email)


def email_choice(turn: Turn, conv: Conversation, event: Choice) -> Outcome:
    pending = conv.pending_email
    if pending is None:
        return turn.not_now(conv)
    if event.value == "use-suggestion" and conv.suggestion is not None:
        return _email_checked(
            turn, conv.at(conv.state, suggestion=None), conv.suggestion, typo_checked=True
        )
    if conv.suggestion is not None:  # kept as typed: the domain kind is still told
        return _email_checked(
            turn, conv.at(conv.state, suggestion=None), pending, typo_checked=True
        )
    return _take_email(turn, conv, pending)


def _take_email(turn: Turn, conv: Conversation, email: str) -> Outcome:
    """A checked address (normalized by `check_email`), taken for good."""
    conv = conv.at(conv.state, pending_email=None, suggestion=None)
    if conv.org_id is not None:
        refused = refusal(conv.email_sends, turn.now, resend=False)
        if refused is not None:
            # Over the hourly cap: the address the last link went to stays.
            return conv.at(State.AWAITING_EMAIL, editing=False, invalid_in_a_row=0), [refused]
    conv = conv.at(conv.state, email=email, invalid_in_a_row=0)
    if conv.org_id is not None:
        # The organization exists already: a new address means a new link.
        awaiting = conv.at(State.AWAITING_EMAIL, editing=False)
        updated, sending = send_email(turn, awaiting, conv.org_id, turn.flow.prompt(awaiting))
        return updated, [UpdateOrganization(org_id=conv.org_id, email=email), *sending]
    return _after_field(turn, conv)


def summary_choice(turn: Turn, conv: Conversation, event: Choice) -> Outcome:
    if event.value == "save":
        if not (conv.name and conv.email and conv.currency):
            return turn.not_now(conv)
        hours = organization_refusal(conv.facts, turn.now)
        if hours is not None:
            return organization_refused(turn, conv, OrganizationRefused(hours=hours))
        return conv.at(turn.flow.leads_to(conv.state, "save")), [
            CreateOrganization(
                name=conv.name, email=conv.email, language=conv.language, currency=conv.currency
            )
        ]
    target = turn.flow.leads_to(conv.state, event.value)
    if target in turn.flow.overlays:
        return turn.ask(conv.at(target, resume=conv.state))
    return turn.ask(conv.at(target, editing=True))


def form_open(turn: Turn, conv: Conversation) -> bool:
    """Whether a sign-up form may be submitted now: before anything is saved, or
    after a sign-up ended (a new organization, as `/new`). Not while the email of
    a saved organization is being changed."""
    if FormSubmitted not in turn.flow.steps[conv.state].on:
        return False
    return not (conv.org_id is not None and conv.state in turn.flow.sets.unconfirmed)


def form_submitted(turn: Turn, conv: Conversation, event: FormSubmitted) -> Outcome:
    """The field rules of `check_form`, then, as at the chat's name step, a name
    the user already has (ignoring case and accents) is pointed out on the
    name field; the same name submitted again is accepted."""
    if not form_open(turn, conv):
        return turn.not_now(conv)
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
            Reply(message_id=EMAIL_NOTES[kind], args={"domain": checked.domain, **trial_args()})
        )
    hours = organization_refusal(conv.facts, turn.now)
    if hours is not None:
        return organization_refused(turn, saved, OrganizationRefused(hours=hours))
    create = CreateOrganization(
        name=checked.name, email=checked.email, language=checked.language, currency=checked.currency
    )
    return saved, [*notes, create]
