"""The sign-up as one form (name, email, language, currency): the same field
rules as the chat, applied to all fields at once so every error can be shown."""

from dataclasses import dataclass

from .events import FormSubmitted
from .model import CURRENCIES, LANGUAGES
from .validation import FieldError, check_email, check_name

__all__ = ["FORM_FIELDS", "FormValues", "check_form"]

FORM_FIELDS = ("name", "email", "language", "currency")


@dataclass(frozen=True, slots=True)
class FormValues:
    name: str
    email: str
    domain: str
    language: str
    currency: str


def check_form(form: FormSubmitted) -> FormValues | dict[str, str]:
    """The cleaned values, or {field: error message id} for every bad field."""
    errors: dict[str, str] = {}
    name = check_name(form.name)
    if isinstance(name, FieldError):
        errors["name"] = name.message_id
    email = check_email(form.email)
    if isinstance(email, FieldError):
        errors["email"] = email.message_id
    if form.language not in LANGUAGES:
        errors["language"] = "error-pick-option"
    if form.currency not in CURRENCIES:
        errors["currency"] = "error-pick-option"
    if errors or isinstance(name, FieldError) or isinstance(email, FieldError):
        return errors
    return FormValues(name.value, email.value, email.domain, form.language, form.currency)
