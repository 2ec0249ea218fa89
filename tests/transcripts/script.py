"""Scripted conversations: what the user does, and the message ids the bot
answers with. Every channel runs the same scripts through its own harness."""

from dataclasses import dataclass
from typing import Protocol

LANGUAGES = ("en", "ru", "it", "pt-BR", "es")
LONG = "x" * 10_000


@dataclass(frozen=True)
class Say:
    """The user types text (a command is text starting with a slash)."""

    text: str


@dataclass(frozen=True)
class Press:
    """The user presses the button (or picks the option) with this value."""

    value: str


@dataclass(frozen=True)
class OpenLink:
    """The user opens the newest confirmation link in a browser and confirms."""


@dataclass(frozen=True)
class JoinLink:
    """Someone invited opens the newest invitation email's link and joins."""


Action = Say | Press | OpenLink | JoinLink
Turn = tuple[Action, tuple[str, ...]]


class Harness(Protocol):
    async def act(self, action: Action) -> list[str]:
        """Do the action; return the message ids the user then sees."""


# With payments not set up (as in these scripts), a confirmed organization
# is done: no payment step that cannot work.
CONFIRMED = ("email-confirmed", "credit-granted", "onboarding-ready-no-payment")


def to_summary(language: str = "en", email: str = "alice@acme.com") -> list[Turn]:
    return [
        (Say("/start"), ("onboarding-welcome", "onboarding-ask-language")),
        (Press(language), ("onboarding-ask-name",)),
        (Say("Acme Labs"), ("onboarding-ask-email",)),
        (Say(email), ("onboarding-ask-currency",)),
        (Press("EUR"), ("onboarding-summary",)),
    ]


def happy_path(language: str) -> list[Turn]:
    return [
        *to_summary(language),
        (Press("save"), ("onboarding-awaiting-email",)),
        (OpenLink(), CONFIRMED),
        (Say("/status"), ("status-summary", "invite-status")),
        (Say("/start"), ("onboarding-ready-no-payment",)),
    ]


FREE_MAIL: list[Turn] = [
    (Say("/start"), ("onboarding-welcome", "onboarding-ask-language")),
    (Press("en"), ("onboarding-ask-name",)),
    (Say("Acme"), ("onboarding-ask-email",)),
    # The note offers what it says: keep the address, or type another one.
    (Say("bob@gmail.com"), ("email-note-free",)),
    (Press("keep-email"), ("onboarding-ask-currency",)),
    (Press("USD"), ("onboarding-summary",)),
    (Press("edit-email"), ("onboarding-ask-email",)),
    (Say("bob@mailinator.com"), ("email-note-disposable",)),
    (Press("keep-email"), ("onboarding-summary",)),
    (Press("edit-email"), ("onboarding-ask-email",)),
    (Say("bob@acme.com"), ("onboarding-summary",)),
]

EDITING: list[Turn] = [
    *to_summary(),
    (Press("edit-name"), ("onboarding-ask-name",)),
    (Say("Acme Europe"), ("onboarding-summary",)),
    (Press("edit-currency"), ("onboarding-ask-currency",)),
    (Press("USD"), ("onboarding-summary",)),
    (Press("edit-language"), ("onboarding-ask-language",)),
    (Press("it"), ("language-changed", "onboarding-summary")),
    (Press("save"), ("onboarding-awaiting-email",)),
    (Press("resend"), ("email-resend-wait",)),  # within a minute of the first email
    (Press("change-email"), ("onboarding-ask-email",)),
    (Say("carol@acme.com"), ("onboarding-awaiting-email",)),
    (OpenLink(), CONFIRMED),
]

# Bad input at every step: a localized answer, and the step stays the same
# (the final good answer proves nothing was changed).
_BAD_TEXT = (
    (Say(""), "error-pick-option"),
    (Say(LONG), "error-message-too-long"),
    (Say("/frobnicate"), "error-unknown-command"),
)


def _bad_everywhere() -> list[Turn]:
    turns: list[Turn] = [(Say("/start"), ("onboarding-welcome", "onboarding-ask-language"))]
    turns += [
        (Say(""), ("error-pick-option", "onboarding-ask-language")),
        (Say("9"), ("error-pick-option", "onboarding-ask-language")),
        # The third invalid answer in a row: help is offered (once); with no
        # desk configured here, the address to write to, not a person.
        (Say("<b>en</b>"), ("error-pick-option", "onboarding-ask-language", "support-contact")),
        (Say(LONG), ("error-message-too-long",)),
        (Say("/frobnicate"), ("error-unknown-command", "onboarding-ask-language")),
        (Press("save"), ("error-not-now", "onboarding-ask-language")),
        (Press("en"), ("onboarding-ask-name",)),
        (Say(""), ("error-name-empty",)),
        (Say("   "), ("error-name-empty",)),
        (Say("A"), ("error-name-too-short", "support-contact")),
        (Say("N" * 101), ("error-name-too-long",)),
        (Say(LONG), ("error-message-too-long",)),
        (Say("Acme\x00Corp"), ("error-name-invisible",)),
        (Say("Acme\u200bCorp"), ("error-name-invisible",)),
        (Say("<script>alert(1)</script>"), ("error-name-markup",)),
        # Issue 14: text that passed once and broke later (headers, the column).
        (Say("=?utf-8?q?Urgent=0D=0AReply-To:_x@evil.example?="), ("error-name-encoded-word",)),
        (Say("\u3164\u3164\u3164"), ("error-name-invisible",)),
        (Say("\u2800\u2800"), ("error-name-invisible",)),
        (Say("ab" + "\u0301" * 600), ("error-name-stacked-marks",)),
        (Say("\u202eemaN"), ("error-name-invisible",)),
        (Say("/frobnicate"), ("error-unknown-command", "onboarding-ask-name")),
        (Press("USD"), ("error-not-now", "onboarding-ask-name")),
        (Say("Ацме 🚀 Labs"), ("onboarding-ask-email",)),
        (Say(""), ("error-email-empty",)),
        (Say("not an email"), ("error-email-invalid",)),
        (Say("<a@b.com>"), ("error-email-invalid", "support-contact")),
        (Say("a\x07@acme.com"), ("error-email-invalid",)),
        (Say("a" * 300 + "@acme.com"), ("error-email-too-long",)),
        (Say("\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a"), ("error-email-latin-local-part",)),
        (Say("\u00fc@b\u00fccher.de"), ("error-email-latin-local-part",)),
        (Say("=?utf-8?q?evil?=@acme.com"), ("error-email-invalid",)),
        (Say(LONG), ("error-message-too-long",)),
        (Say("/frobnicate"), ("error-unknown-command", "onboarding-ask-email")),
        (Say("Alice@Acme.COM"), ("onboarding-ask-currency",)),
        (Say(""), ("error-pick-option", "onboarding-ask-currency")),
        (Say("7"), ("error-pick-option", "onboarding-ask-currency")),
        (Say("<i>EUR</i>"), ("error-pick-option", "onboarding-ask-currency", "support-contact")),
        (Say(LONG), ("error-message-too-long",)),
        (Press("save"), ("error-not-now", "onboarding-ask-currency")),
        (Press("EUR"), ("onboarding-summary",)),
        (Say(""), ("error-pick-option", "onboarding-summary")),
        (Say("42"), ("error-pick-option", "onboarding-summary")),
        (Say("<b>save</b>"), ("error-pick-option", "onboarding-summary", "support-contact")),
        (Say(LONG), ("error-message-too-long",)),
        (Say("/frobnicate"), ("error-unknown-command", "onboarding-summary")),
        (Press("resend"), ("error-not-now", "onboarding-summary")),
        (Press("save"), ("onboarding-awaiting-email",)),
        (Say(""), ("onboarding-awaiting-hint", "onboarding-awaiting-email")),
        (Say("<b>hi</b>"), ("onboarding-awaiting-hint", "onboarding-awaiting-email")),
        (Say(LONG), ("error-message-too-long",)),
        (Say("/frobnicate"), ("error-unknown-command", "onboarding-awaiting-email")),
        (Press("save"), ("error-not-now", "onboarding-awaiting-email")),
        (Say("/status"), ("status-summary",)),
        (OpenLink(), CONFIRMED),
        (Say("<b>hi</b>"), ("onboarding-ready-no-payment",)),
        (Say(LONG), ("error-message-too-long",)),
        (Press("save"), ("error-not-now", "onboarding-ready-no-payment")),
    ]
    return turns


BAD_INPUT = _bad_everywhere()


def credits(language: str) -> list[Turn]:
    """Three organizations of one user: the first on acme.com gets the trial
    credit, the second on acme.com finds it used, the one on gmail.com is not
    eligible."""
    confirmed = ("onboarding-ready-no-payment",)
    return [
        *to_summary(language),
        (Say("/status"), ("status-summary",)),
        (Press("save"), ("onboarding-awaiting-email",)),
        (OpenLink(), ("email-confirmed", "credit-granted", *confirmed)),
        (Say("/status"), ("status-summary", "invite-status")),
        (Say("/new"), ("onboarding-ask-name",)),
        (Say("Acme Two"), ("onboarding-ask-email",)),
        (Say("bob@eu.ACME.com"), ("onboarding-ask-currency",)),
        (Press("USD"), ("onboarding-summary",)),
        (Press("save"), ("onboarding-awaiting-email",)),
        (OpenLink(), ("email-confirmed", "credit-already-used", *confirmed)),
        (Say("/status"), ("status-summary", "invite-status")),
        (Say("/new"), ("onboarding-ask-name",)),
        (Say("Carol Consulting"), ("onboarding-ask-email",)),
        (Say("carol@gmail.com"), ("email-note-free",)),
        (Press("keep-email"), ("onboarding-ask-currency",)),
        (Press("EUR"), ("onboarding-summary",)),
        (Press("save"), ("onboarding-awaiting-email",)),
        (OpenLink(), ("email-confirmed", "credit-not-eligible-free", *confirmed)),
        (Say("/status"), ("status-summary", "invite-status")),
    ]


COMMANDS: list[Turn] = [
    (Say("/status"), ("status-summary",)),
    (Say("/help"), ("help-text",)),
    (Say("/cancel"), ("cancel-nothing", "onboarding-ask-language")),
    (Press("ru"), ("onboarding-ask-name",)),
    (Say("Acme"), ("onboarding-ask-email",)),
    (Say("/language"), ("onboarding-ask-language",)),
    (Press("es"), ("language-changed", "onboarding-ask-email")),
    (Say("/new"), ("new-in-progress", "onboarding-ask-email")),
    (Say("/cancel"), ("cancel-confirm",)),
    (Press("no"), ("onboarding-ask-email",)),
    (Say("/cancel"), ("cancel-confirm",)),
    (Say("maybe"), ("error-pick-option", "cancel-confirm")),
    (Press("yes"), ("cancel-done",)),
    (Say("hello"), ("onboarding-cancelled-hint",)),
    (Say("/start"), ("onboarding-ask-name",)),
    (Say("Acme Two"), ("onboarding-ask-email",)),
    (Say("/delete"), ("delete-confirm",)),
    (Press("no"), ("onboarding-ask-email",)),
    (Say("/delete"), ("delete-confirm",)),
    (Press("yes"), ("delete-done",)),
    (Say("/start"), ("onboarding-welcome", "onboarding-ask-language")),
]

PAYMENT_NUMBERS: list[Turn] = [
    (Say("/start"), ("onboarding-welcome", "onboarding-ask-language")),
    (Press("en"), ("onboarding-ask-name",)),
    (Say("4242 4242 4242 4242"), ("warning-payment-number",)),
    (Say("my iban is DE89 3704 0044 0532 0130 00"), ("warning-payment-number",)),
    (Say("Acme"), ("onboarding-ask-email",)),
]

# Typed answers pick options as their buttons would, in the user's language
# or in English, with or without accents (what every channel can type).
TYPED_CHOICES: list[Turn] = [
    (Say("/start"), ("onboarding-welcome", "onboarding-ask-language")),
    (Say("Русский"), ("onboarding-ask-name",)),
    (Say("Acme Labs"), ("onboarding-ask-email",)),
    (Say("alice@acme.com"), ("onboarding-ask-currency",)),
    (Say("Евро"), ("onboarding-summary",)),
    (Say("/status"), ("status-summary",)),
    (Say("изменить валюту"), ("onboarding-ask-currency",)),
    (Say("dollar"), ("onboarding-summary",)),
    (Say("/language"), ("onboarding-ask-language",)),
    (Say("espanol"), ("language-changed", "onboarding-summary")),
    (Say("GUARDAR"), ("onboarding-awaiting-email",)),
    (Say("/cancel"), ("cancel-confirm-saved",)),
    (Say("no"), ("onboarding-awaiting-email",)),
]

# Several answers in one message fill their steps; only what is left is asked.
SEVERAL_ANSWERS: list[Turn] = [
    (Say("/start"), ("onboarding-welcome", "onboarding-ask-language")),
    (Press("en"), ("onboarding-ask-name",)),
    (Say("Acme Labs, ceo@acme.com, EUR"), ("onboarding-summary",)),
    (Press("edit-name"), ("onboarding-ask-name",)),
    (Say("Acme, Inc."), ("onboarding-summary",)),  # not every part an answer: one name
    (Say("/cancel"), ("cancel-confirm",)),
    (Say("yes"), ("cancel-done",)),
    (Say("/start"), ("onboarding-ask-name",)),
    (Say("Beta GmbH; beta@beta.de"), ("onboarding-ask-currency",)),
]

# A mistyped well-known domain is offered corrected; either way the choice is there.
DID_YOU_MEAN: list[Turn] = [
    (Say("/start"), ("onboarding-welcome", "onboarding-ask-language")),
    (Press("en"), ("onboarding-ask-name",)),
    (Say("Acme"), ("onboarding-ask-email",)),
    (Say("bob@gmial.com"), ("email-did-you-mean",)),
    (Press("use-suggestion"), ("email-note-free",)),
    (Say("bob@acme.cmo"), ("email-did-you-mean",)),
    (Press("keep-email"), ("onboarding-ask-currency",)),
    (Press("EUR"), ("onboarding-summary",)),
]

# A second organization with the name of one the user already has.
DUPLICATE_NAME: list[Turn] = [
    *to_summary(),
    (Press("save"), ("onboarding-awaiting-email",)),
    (OpenLink(), CONFIRMED),
    (Say("/new"), ("onboarding-ask-name",)),
    (Say("acme labs"), ("name-duplicate",)),
    (Press("other-name"), ("onboarding-ask-name",)),
    (Say("ACME LABS"), ("name-duplicate",)),
    (Press("keep-name"), ("onboarding-ask-email",)),
]

# No support desk here: nobody is promised; the address to write to is given.
NO_DESK: list[Turn] = [
    (Say("/start"), ("onboarding-welcome", "onboarding-ask-language")),
    (Press("handoff"), ("support-contact", "onboarding-ask-language")),
    (Say("/help"), ("help-text",)),
    (Press("en"), ("onboarding-ask-name",)),
]


def invite_team(language: str) -> list[Turn]:
    """The owner invites people after confirming, with every kind of entry
    in one paste; one of them joins and the owner hears it."""
    return [
        *to_summary(language),
        (Press("save"), ("onboarding-awaiting-email",)),
        (Say("/invite"), ("invite-not-yet",)),  # not confirmed yet
        (OpenLink(), CONFIRMED),
        (Press("invite"), ("invite-ask",)),
        (
            Say("Ann Smith <Ann@Acme.com>, bob@acme.com; BOB@acme.com\nalice@acme.com nope"),
            (
                "invite-found-new",
                "invite-found-invalid",
                "invite-found-repeated",
                "invite-found-own",
                "invite-confirm",
            ),
        ),
        (Press("invite-send"), ("invite-sent", "invite-ask")),
        (
            Say("ann@acme.com, =?utf-8?q?x?= <carol@acme.com>"),
            ("invite-found-invited", "invite-found-invalid", "invite-confirm-again"),
        ),
        (Press("invite-resend"), ("invite-sent", "invite-ask")),
        (JoinLink(), ("invite-joined",)),
        (Say("ann@acme.com"), ("invite-found-member", "invite-ask")),
        (Say(", ".join(f"p{i}@acme.com" for i in range(60))), ("invite-too-many",)),
        (Say("4242 4242 4242 4242"), ("warning-payment-number",)),
        (Say("/status"), ("status-summary", "invite-status")),
        (Press("invite-finish"), ("onboarding-ready-no-payment",)),
        (Say("/invite dan@acme.com"), ("invite-found-new", "invite-confirm")),
        (Press("invite-send"), ("invite-sent", "invite-ask")),
    ]


SCRIPTS: dict[str, list[Turn]] = {
    **{f"happy-path-{lang}": happy_path(lang) for lang in LANGUAGES},
    **{f"credits-{lang}": credits(lang) for lang in LANGUAGES},
    "free-mail": FREE_MAIL,
    "editing": EDITING,
    "bad-input": BAD_INPUT,
    "commands": COMMANDS,
    "payment-numbers": PAYMENT_NUMBERS,
    "typed-choices": TYPED_CHOICES,
    "several-answers": SEVERAL_ANSWERS,
    "did-you-mean": DID_YOU_MEAN,
    "duplicate-name": DUPLICATE_NAME,
    "no-desk": NO_DESK,
    **{f"invite-team-{lang}": invite_team(lang) for lang in LANGUAGES},
}
