"""The sign-up as one form (name, email, language, currency): the same field
rules as the chat, applied to all fields at once so every error can be shown.
A field that holds a card number or an IBAN refuses the whole form. (A name
the user already has is pointed out by the flow, which knows their names.)"""

from dataclasses import dataclass

from .events import FormSubmitted
from .model import CURRENCIES, LANGUAGES
from .payment_numbers import holds_payment_number
from .validation import FieldError, check_email, check_name

__all__ = ["FORM_FIELDS", "PAYMENT_NUMBER_ERROR", "FormValues", "check_form", "payment_fields"]

FORM_FIELDS = ("name", "email", "language", "currency")
PAYMENT_NUMBER_ERROR = "warning-payment-number"


@dataclass(frozen=True, slots=True)
class FormValues:
    name: str
    email: str
    domain: str
    language: str
    currency: str


def check_form(form: FormSubmitted) -> FormValues | dict[str, str]:
    """The cleaned values, or {field: error message id} for every bad field."""
    refused = payment_fields(form)
    if refused:
        return refused
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


def payment_fields(form: FormSubmitted) -> dict[str, str]:
    """{field: the payment-number warning} for every field (any of them, even
    a pick list's value, since a forged submission can put text anywhere)
    that holds a card number or an IBAN."""
    values = zip(FORM_FIELDS, (form.name, form.email, form.language, form.currency), strict=True)
    return {field: PAYMENT_NUMBER_ERROR for field, value in values if holds_payment_number(value)}
