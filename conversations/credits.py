"""The trial credit rule: USD 25.00 once per registrable business domain,
decided when the email is confirmed. Pure: the shell tries the ledger insert
(a unique constraint on the domain) and hands the outcome to `decide_credit`.

Why the credit stays in our own ledger and is not mirrored into Stripe as a
customer balance: a Stripe customer balance has one currency, and a USD credit
there would lock a customer who is invoiced in EUR to USD. Usage is reported to
us by the conferencing platform and charged against this ledger instead."""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .domains import DomainKind

__all__ = [
    "CREDIT_CURRENCY",
    "PENDING",
    "TRIAL_CREDIT_MINOR",
    "Credit",
    "CreditStatus",
    "credit_args",
    "decide_credit",
    "qualifies",
    "trial_args",
]

CREDIT_CURRENCY = "USD"
TRIAL_CREDIT_MINOR = 2500  # USD 25.00, in cents


class CreditStatus(StrEnum):
    """What the user is told about the trial credit. Values are stored."""

    PENDING = "pending"
    GRANTED = "granted"
    NOT_ELIGIBLE_FREE_MAIL = "not_eligible_free_mail"
    NOT_ELIGIBLE_DISPOSABLE = "not_eligible_disposable"
    ALREADY_USED = "already_used"


@dataclass(frozen=True, slots=True, kw_only=True)
class Credit:
    """An organization's trial credit as the user may see it. Amounts are
    integer minor units of `currency`; only a granted credit has any."""

    status: CreditStatus
    amount_minor: int = 0
    remaining_minor: int = 0
    currency: str = CREDIT_CURRENCY

    def to_data(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "amount_minor": self.amount_minor,
            "remaining_minor": self.remaining_minor,
            "currency": self.currency,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "Credit":
        return cls(
            status=CreditStatus(data["status"]),
            amount_minor=int(data.get("amount_minor", 0)),
            remaining_minor=int(data.get("remaining_minor", 0)),
            currency=str(data.get("currency", CREDIT_CURRENCY)),
        )


PENDING = Credit(status=CreditStatus.PENDING)


def qualifies(kind: DomainKind) -> bool:
    """Whether a grant is worth trying at all: only business domains."""
    return kind is DomainKind.BUSINESS


def decide_credit(kind: DomainKind, *, won_domain: bool) -> Credit:
    """`won_domain`: this organization's insert into the ledger was the one the
    domain's unique constraint let through (never true for non-business kinds)."""
    if kind is DomainKind.FREE:
        return Credit(status=CreditStatus.NOT_ELIGIBLE_FREE_MAIL)
    if kind is DomainKind.DISPOSABLE:
        return Credit(status=CreditStatus.NOT_ELIGIBLE_DISPOSABLE)
    if not won_domain:
        return Credit(status=CreditStatus.ALREADY_USED)
    return Credit(
        status=CreditStatus.GRANTED,
        amount_minor=TRIAL_CREDIT_MINOR,
        remaining_minor=TRIAL_CREDIT_MINOR,
    )


def credit_args(credit: Credit | None) -> dict[str, str | int]:
    """Reply arguments describing a credit. Money goes out as `<name>_minor`
    plus `<name>_currency`; the shell's translator turns each pair into a
    locale-formatted currency amount `$<name>` (see bot/text/i18n.py)."""
    credit = credit or PENDING
    return {
        "credit": credit.status.value,
        "amount_minor": credit.amount_minor,
        "amount_currency": credit.currency,
        "remaining_minor": credit.remaining_minor,
        "remaining_currency": credit.currency,
    }


def trial_args() -> dict[str, str | int]:
    """The trial credit on offer, for messages that mention it before a decision."""
    return {"amount_minor": TRIAL_CREDIT_MINOR, "amount_currency": CREDIT_CURRENCY}
