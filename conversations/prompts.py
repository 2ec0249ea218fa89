"""What the bot says to ask for the current step: one place, so `/start`,
"not now" and every transition ask the same way."""

from .effects import Button, Reply
from .model import CURRENCIES, LANGUAGES, Conversation
from .payment import method_args
from .states import State
from .validation import mask_email

__all__ = ["awaiting_buttons", "language_buttons", "prompt", "summary_args"]


LANGUAGE_LABELS = {
    "en": "language-native-en",
    "ru": "language-native-ru",
    "it": "language-native-it",
    "pt-BR": "language-native-pt-br",
    "es": "language-native-es",
}
CURRENCY_LABELS = {"USD": "currency-option-usd", "EUR": "currency-option-eur"}
# "Talk to a person" (conversations/handoff.py; the value is its HANDOFF_CHOICE).
_TALK = Button(label="handoff-button-talk", value="handoff")


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
        "email": conv.email or "",
        "currency": conv.currency or "",
        "language": conv.language,
    }


def prompt(conv: Conversation) -> Reply:
    state = conv.state
    if state in (State.LANGUAGE, State.PICK_LANGUAGE):
        return Reply(message_id="onboarding-ask-language", buttons=language_buttons(conv.language))
    if state is State.NAME:
        return Reply(message_id="onboarding-ask-name")
    if state is State.EMAIL:
        return Reply(message_id="onboarding-ask-email")
    if state is State.CURRENCY:
        return Reply(
            message_id="onboarding-ask-currency",
            buttons=tuple(
                Button(label=f"currency-option-{c.lower()}", value=c) for c in CURRENCIES
            ),
        )
    if state is State.SUMMARY:
        return Reply(
            message_id="onboarding-summary",
            args=summary_args(conv),
            buttons=(
                Button(label="button-save", value="save"),
                Button(label="button-edit-name", value="edit-name"),
                Button(label="button-edit-email", value="edit-email"),
                Button(label="button-edit-currency", value="edit-currency"),
                Button(label="button-edit-language", value="edit-language"),
                _TALK,
            ),
        )
    if state is State.AWAITING_EMAIL:
        return Reply(
            message_id="onboarding-awaiting-email",
            args={"email": mask_email(conv.email or "")},
            buttons=(*awaiting_buttons(), _TALK),
        )
    if state is State.PAYMENT:
        return Reply(
            message_id="payment-ask",
            args={"currency": conv.currency or ""},
            buttons=(Button(label="button-new-link", value="new-link"), _TALK),
        )
    if state is State.DONE:
        return Reply(message_id="onboarding-done", args=method_args(conv.payment_method))
    if state is State.CANCELLED:
        return Reply(message_id="onboarding-cancelled-hint")
    if state is State.CONFIRM_CANCEL:
        return Reply(message_id="cancel-confirm", buttons=_yes_no())
    return Reply(message_id="delete-confirm", buttons=_yes_no())
