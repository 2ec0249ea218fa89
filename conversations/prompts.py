"""What each step asks (the step table in flow.py names one of these per
state), and the questions about an answer before it is taken."""

from .credits import trial_args
from .domains import DomainKind, classify_domain
from .effects import Button, Reply
from .invitations import invite_button
from .languages import LANGUAGE_REGISTRY
from .model import CURRENCIES, LANGUAGES, Conversation
from .payment import method_args
from .table import Sets
from .validation import display_email, mask_email

__all__ = [
    "CURRENCY_LABELS",
    "EMAIL_NOTES",
    "LANGUAGE_LABELS",
    "ask_currency",
    "ask_email",
    "ask_language",
    "ask_name",
    "ask_payment",
    "ask_summary",
    "ask_to_cancel",
    "ask_to_confirm",
    "ask_to_delete",
    "awaiting_buttons",
    "email_question",
    "language_buttons",
    "name_question",
    "summary_args",
    "tell_cancelled",
    "tell_done",
]


LANGUAGE_LABELS = {entry.code: entry.label for entry in LANGUAGE_REGISTRY}
CURRENCY_LABELS = {"USD": "currency-option-usd", "EUR": "currency-option-eur"}
# "Talk to a person" (conversations/handoff.py; the value is its HANDOFF_CHOICE).
_TALK = Button(label="handoff-button-talk", value="handoff")
EMAIL_NOTES = {DomainKind.FREE: "email-note-free", DomainKind.DISPOSABLE: "email-note-disposable"}


def _talk(conv: Conversation) -> tuple[Button, ...]:
    """ "Talk to a person", where a desk is there to answer."""
    return (_TALK,) if conv.facts.desk else ()


def email_question(conv: Conversation) -> Reply | None:
    """The question about an address not taken yet: a mistyped domain
    ("did you mean …?") or a free-mail/disposable one (keep it, or type
    another). None when no address is pending."""
    email = conv.pending_email
    if email is None:
        return None
    keep = Button(label="button-keep-email", value="keep-email")
    if conv.suggestion is not None:
        return Reply(
            message_id="email-did-you-mean",
            args={
                "email": display_email(conv.suggestion),
                "domain": display_email(email).rpartition("@")[2],
            },
            buttons=(
                Button(
                    label="button-use-suggestion",
                    value="use-suggestion",
                    args={"email": display_email(conv.suggestion)},
                ),
                Button(label="button-keep-as-typed", value="keep-email"),
            ),
        )
    domain = email.rpartition("@")[2]
    kind = classify_domain(domain)
    note = EMAIL_NOTES.get(kind, "email-note-free")
    return Reply(message_id=note, args={"domain": domain, **trial_args()}, buttons=(keep,))


def name_question(conv: Conversation) -> Reply | None:
    """Another organization of the user has this name: use it anyway?"""
    if conv.pending_name is None:
        return None
    return Reply(
        message_id="name-duplicate",
        args={"name": conv.pending_name},
        buttons=(
            Button(label="button-use-name-anyway", value="keep-name"),
            Button(label="button-other-name", value="other-name"),
        ),
    )


def ask_to_cancel(conv: Conversation, *, sets: Sets) -> Reply:
    """What /cancel would do, truthfully: discard what was typed, cancel a
    saved organization whose email is not confirmed, or keep a confirmed one."""
    if conv.org_id is None or conv.resume not in sets.with_org:
        return Reply(message_id="cancel-confirm", buttons=_yes_no())
    confirmed = conv.resume in sets.confirmed
    message = "cancel-confirm-confirmed" if confirmed else "cancel-confirm-saved"
    return Reply(message_id=message, args={"name": conv.name or "—"}, buttons=_yes_no())


def language_buttons(current: str | None = None) -> tuple[Button, ...]:
    """One button per language; `current` (pre-selected from the platform's
    locale, or chosen before) is marked as selected."""
    return tuple(
        Button(label=LANGUAGE_LABELS[code], value=code, selected=code == current)
        for code in LANGUAGES
    )


def awaiting_buttons() -> tuple[Button, ...]:
    """What the user can do while the confirmation email is out."""
    return (
        Button(label="button-resend", value="resend"),
        Button(label="button-change-email", value="change-email"),
    )


def _yes_no() -> tuple[Button, ...]:
    return (Button(label="button-yes", value="yes"), Button(label="button-no", value="no"))


def summary_args(conv: Conversation) -> dict[str, str | int]:
    return {
        "name": conv.name or "",
        "email": display_email(conv.email or ""),
        "currency": conv.currency or "",
        "language": conv.language,
    }


def ask_language(conv: Conversation) -> Reply:
    return Reply(message_id="onboarding-ask-language", buttons=language_buttons(conv.language))


def ask_name(conv: Conversation) -> Reply:
    return name_question(conv) or Reply(message_id="onboarding-ask-name")


def ask_email(conv: Conversation) -> Reply:
    return email_question(conv) or Reply(message_id="onboarding-ask-email")


def ask_currency(_: Conversation) -> Reply:
    return Reply(
        message_id="onboarding-ask-currency",
        buttons=tuple(Button(label=f"currency-option-{c.lower()}", value=c) for c in CURRENCIES),
    )


def ask_summary(conv: Conversation) -> Reply:
    return Reply(
        message_id="onboarding-summary",
        args=summary_args(conv),
        buttons=(
            Button(label="button-save", value="save"),
            Button(label="button-edit-name", value="edit-name"),
            Button(label="button-edit-email", value="edit-email"),
            Button(label="button-edit-currency", value="edit-currency"),
            Button(label="button-edit-language", value="edit-language"),
            *_talk(conv),
        ),
    )


def ask_to_confirm(conv: Conversation) -> Reply:
    return Reply(
        message_id="onboarding-awaiting-email",
        args={"email": mask_email(conv.email or "")},
        buttons=(*awaiting_buttons(), *_talk(conv)),
    )


def ask_payment(conv: Conversation) -> Reply:
    return Reply(
        message_id="payment-ask",
        args={"currency": conv.currency or ""},
        buttons=(Button(label="button-new-link", value="new-link"), *_talk(conv)),
    )


def tell_done(conv: Conversation) -> Reply:
    if conv.payment_method is None:
        # Done without a payment step (payments are not available).
        return Reply(
            message_id="onboarding-ready-no-payment",
            args={"email": conv.facts.support_email},
            buttons=(invite_button(),),
        )
    return Reply(
        message_id="onboarding-done",
        args=method_args(conv.payment_method),
        buttons=(invite_button(),),
    )


def tell_cancelled(_: Conversation) -> Reply:
    return Reply(message_id="onboarding-cancelled-hint")


def ask_to_delete(_: Conversation) -> Reply:
    return Reply(message_id="delete-confirm", buttons=_yes_no())
