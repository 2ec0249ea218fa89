"""Every message exists in every locale, parses cleanly, uses the same variables
as English, and renders to something other than its own id. The support desk's
texts (en/desk.ftl) are English only: the desk reads English."""

import ast as pyast
import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser
from fluent.syntax import ast as fl
from fluent.syntax.visitor import Visitor

from bot.text.i18n import Translator
from conversations import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
SAMPLE_ARGS: dict[str, str | int] = {
    "name": "Acme",
    "email": "a…@acme.com",
    "domain": "gmail.com",
    "currency": "EUR",
    "language": "ru",
    "step": "payment",
    "method_kind": "sepa_debit",
    "method_brand": "visa",
    "method_last4": "3000",
    "method_country": "DE",
    "mandate": "active",
    "reason": "declined",
    "command": "frobnicate",
    "hours": 24,
    "status": "confirmed",
    "seconds": 45,
    "minutes": 23,
    "credit": "granted",
    # Money: `<name>_minor` + `<name>_currency` reach Fluent as `$<name>`.
    "amount_minor": 2500,
    "amount_currency": "USD",
    "remaining_minor": 1800,
    "remaining_currency": "USD",
    "text": "Hello there",
    "agent": "Dana",
    "ticket": 7,
    "channel": "telegram",
    "email_status": "sent",
    "payment": "none",
    "transcript": "user: hi",
    "credit_left_minor": 1800,
    "credit_left_currency": "USD",
    # Invitations (conversations/invitations.py, bot/invitations/).
    "inviter": "ann@acme.com",
    "count": 3,
    "list": "bob@acme.com, carol@acme.com",
    "max": 50,
    "invited": 2,
    "joined": 1,
    "expired": 0,
    "days": 7,
}


class _Variables(Visitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_VariableReference(self, node: fl.VariableReference) -> None:
        self.names.add(node.id.name)


def entries(locale: str, files: str = "*.ftl") -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted((LOCALES / locale).glob(files)):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        junk = [e for e in resource.body if isinstance(e, fl.Junk)]
        assert not junk, f"{locale}/{path.name}: {junk[0].content[:80]!r}"
        for entry in resource.body:
            if isinstance(entry, fl.Message | fl.Term):
                visitor = _Variables()
                visitor.visit(entry)
                key = ("-" if isinstance(entry, fl.Term) else "") + entry.id.name
                assert key not in found, f"{locale}: {key} defined twice"
                found[key] = visitor.names
    return found


ENGLISH = entries("en")
# The desk's texts: English only (bot/handoff/desk.py renders them in DESK_LANGUAGE).
DESK = entries("en", "desk.ftl")
TRANSLATED = {key: names for key, names in ENGLISH.items() if key not in DESK}
# Words that really are spelled the same ("No" in Spanish and Italian, "Euro").
SAME_IN_SOME_LANGUAGES = {
    "brand-name",
    "button-no",
    "currency-option-eur",
    "webchat-action-status",
}


@pytest.mark.parametrize("locale", [code for code in LANGUAGES if code != "en"])
def test_same_ids_and_variables_as_english(locale: str) -> None:
    other = entries(locale)
    assert set(other) == set(TRANSLATED)
    for key, names in TRANSLATED.items():
        assert other[key] == names, key


def test_desk_texts_are_english_only() -> None:
    from bot.handoff.desk import DESK_LANGUAGE

    assert DESK_LANGUAGE == "en"
    assert DESK and all(key.startswith("handoff-desk-") for key in DESK)
    assert not [key for key in TRANSLATED if key.startswith("handoff-desk-")]
    for locale in LANGUAGES:
        assert not (LOCALES / locale / "desk.ftl").exists() or locale == "en"


def _ids_used_in_code() -> set[str]:
    """Message ids the code passes around: string literals shaped like our ids."""
    used: set[str] = set()
    pattern = re.compile(r"^[a-z]+(-[a-z0-9]+)+$")
    for package in ("conversations", "bot"):
        for path in (ROOT / package).rglob("*.py"):
            for node in pyast.walk(pyast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, pyast.Constant)
                    and isinstance(node.value, str)
                    and pattern.match(node.value)
                    and node.value in ENGLISH
                ):
                    used.add(node.value)
    return used


def test_every_message_is_used_or_a_known_helper() -> None:
    unused = {k for k in ENGLISH if not k.startswith("-")} - _ids_used_in_code()
    assert unused == set()


@pytest.mark.parametrize("locale", LANGUAGES)
def test_every_message_renders(locale: str) -> None:
    translator = Translator(LOCALES)
    for key in ENGLISH:
        if key.startswith("-"):
            continue
        text = translator.format(locale, key, SAMPLE_ARGS)
        assert text.strip() and text != key
        assert "{" not in text and "}" not in text, (locale, key, text)


@pytest.mark.parametrize("locale", [code for code in LANGUAGES if code != "en"])
def test_translations_are_not_english_copies(locale: str) -> None:
    translator = Translator(LOCALES)
    same = [
        key
        for key in TRANSLATED
        if not key.startswith(("-", "language-native-"))
        and key not in SAME_IN_SOME_LANGUAGES
        and translator.format(locale, key, SAMPLE_ARGS) == translator.format("en", key, SAMPLE_ARGS)
    ]
    assert same == []


def test_plurals_follow_each_language() -> None:
    translator = Translator(LOCALES)
    assert "5 часов" in translator.format("ru", "email-confirm-expiry", {"hours": 5})
    assert "21 час" in translator.format("ru", "email-confirm-expiry", {"hours": 21})
    assert "1 hour" in translator.format("en", "email-confirm-expiry", {"hours": 1})
    assert "24 hours" in translator.format("en", "email-confirm-expiry", {"hours": 24})
    assert "через 1 секунду" in translator.format("ru", "email-resend-wait", {"seconds": 1})
    assert "через 3 секунды" in translator.format("ru", "email-resend-wait", {"seconds": 3})
    assert "через 45 секунд" in translator.format("ru", "email-resend-wait", {"seconds": 45})
    assert "in 1 minute." in translator.format("en", "email-send-limit", {"minutes": 1})
    assert "tra 23 minuti" in translator.format("it", "email-send-limit", {"minutes": 23})


NBSP = "\u00a0"
MONEY = {
    "en": ("$25.00", "$18.00"),
    "ru": (f"25,00{NBSP}$", f"18,00{NBSP}$"),
    "it": (f"25,00{NBSP}USD", f"18,00{NBSP}USD"),
    "pt-BR": (f"US${NBSP}25,00", f"US${NBSP}18,00"),
    "es": (f"25,00{NBSP}US$", f"18,00{NBSP}US$"),
}


@pytest.mark.parametrize("locale", LANGUAGES)
def test_money_is_formatted_per_locale(locale: str) -> None:
    translator = Translator(LOCALES)
    amount, remaining = MONEY[locale]
    left = translator.format(locale, "credit-left", SAMPLE_ARGS)
    assert amount in left and remaining in left
    assert "2500" not in left and "1800" not in left
    status = translator.format(locale, "status-summary", SAMPLE_ARGS)
    assert amount in status and remaining in status
    note = translator.format(
        locale,
        "email-note-free",
        {"domain": "gmail.com", "amount_minor": 2500, "amount_currency": "USD"},
    )
    assert amount in note


def test_money_in_other_currencies_and_sizes() -> None:
    translator = Translator(LOCALES)
    args = {**SAMPLE_ARGS, "amount_minor": 123456789, "amount_currency": "EUR"}
    assert "€1,234,567.89" in translator.format("en", "credit-exhausted", args)
    assert f"1.234.567,89{NBSP}€" in translator.format("it", "credit-exhausted", args)
    yen = {**SAMPLE_ARGS, "amount_minor": 2500, "amount_currency": "JPY"}
    assert "¥2,500" in translator.format("en", "credit-exhausted", yen)


@pytest.mark.parametrize(
    ("credit", "words"),
    [
        ("granted", "$18.00 left of $25.00"),
        ("not_eligible_free_mail", "free email"),
        ("not_eligible_disposable", "disposable"),
        ("already_used", "already used"),
        ("pending", "decided when your email is confirmed"),
    ],
)
def test_status_says_each_credit_state(credit: str, words: str) -> None:
    text = Translator(LOCALES).format("en", "status-summary", {**SAMPLE_ARGS, "credit": credit})
    assert words in text
