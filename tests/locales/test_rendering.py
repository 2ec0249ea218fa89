"""Every message, in every locale, rendered through the real Translator with
sample values — each number (1, 2, 5, 21, 1.5, 1 000 000), each amount, and
every variant of every string selector — reads as finished text: no English
left in a translation, no raw placeable, never the id, and every plural select
covers each CLDR category of its language."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel import Locale
from fluent.syntax import FluentParser
from fluent.syntax import ast as fl
from fluent.syntax.visitor import Visitor

from bot.text.i18n import Translator
from conversations import LANGUAGES

from .test_locales import DESK, ENGLISH, SAMPLE_ARGS

LOCALES = Path(__file__).resolve().parents[2] / "locales"
TRANSLATOR = Translator(LOCALES)
NUMBERS = (1, 2, 5, 21, 1.5, 1_000_000)
# Amounts reach Fluent as `<name>_minor` + `<name>_currency` (bot/text/i18n.py).
MONEY = {"amount", "remaining", "credit_left"}
AMOUNTS = ((2500, "USD"), (100, "EUR"), (123456789, "EUR"))
# Sample strings that are English in no language (SAMPLE_ARGS has "Hello there").
STRINGS = {**SAMPLE_ARGS, "text": "Acme 42", "transcript": "Acme 42", "agent": "Dana"}

# Common English words that a translation must not contain. Product and brand
# names (Proficonf, Stripe, SEPA, IBAN, Visa, 3D Secure, CVC, Slack, Telegram)
# and the commands (/start, /onboard status …) are not in the list.
# fmt: off
ENGLISH_WORDS = frozenset({
    "the", "your", "you", "please", "with", "this", "that", "are", "was", "were", "not", "can",
    "can't", "won't", "don't", "will", "have", "has", "from", "our", "we", "here", "there",
    "again", "now", "already", "step", "card", "saved", "payment", "method", "invoice",
    "invoices", "organization", "confirm", "confirmed", "sent", "button", "below", "more",
    "try", "error", "welcome", "thank", "thanks", "sorry", "hour", "hours", "minute", "minutes",
    "second", "seconds", "trial", "credit", "mandate", "debit", "direct", "bank", "link",
    "email",
})
# fmt: on
# Words that are also native (or the usual loanword) in a language.
ALLOWED: dict[str, frozenset[str]] = {
    "ru": frozenset(),
    "it": frozenset({"link", "email"}),  # "il link di pagamento", "l'email"
    "pt-BR": frozenset({"link"}),  # "o link de pagamento"
    "es": frozenset({"error"}),  # "un error de escritura" is Spanish too
}


class _Selects(Visitor):
    """Every select expression on a variable: (variable, variant keys)."""

    def __init__(self) -> None:
        self.found: list[tuple[str, set[str]]] = []

    def visit_SelectExpression(self, node: fl.SelectExpression) -> None:
        if isinstance(node.selector, fl.VariableReference):
            keys = {
                str(v.key.name if isinstance(v.key, fl.Identifier) else v.key.value)
                for v in node.variants
            }
            self.found.append((node.selector.id.name, keys))
        self.generic_visit(node)


def _messages(locale: str) -> dict[str, list[tuple[str, set[str]]]]:
    found: dict[str, list[tuple[str, set[str]]]] = {}
    for path in sorted((LOCALES / locale).glob("*.ftl")):
        for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, fl.Message | fl.Term):
                visitor = _Selects()
                visitor.visit(entry)
                found[("-" if isinstance(entry, fl.Term) else "") + entry.id.name] = visitor.found
    return found


def _number_variables() -> set[str]:
    """Variables the English source documents as `(Number)`, amounts excepted."""
    names: set[str] = set()
    for path in (LOCALES / "en").glob("*.ftl"):
        names |= set(re.findall(r"#\s+\$(\w+) \(Number\)", path.read_text(encoding="utf-8")))
    return names - MONEY


NUMBER_VARIABLES = _number_variables()
SELECTS = {locale: _messages(locale) for locale in LANGUAGES}


def _plural_categories(locale: str) -> set[str]:
    return set(Locale.parse(locale.replace("-", "_")).plural_form.tags) | {"other"}


def _cases(locale: str, key: str) -> Iterator[dict[str, object]]:
    """The sample arguments: each number, each amount, each selector variant."""
    base: dict[str, object] = dict(STRINGS)
    for number in NUMBERS:
        yield {**base, **dict.fromkeys(NUMBER_VARIABLES, number)}
    for minor, currency in AMOUNTS:
        money = {f"{n}_minor": minor for n in MONEY} | {f"{n}_currency": currency for n in MONEY}
        yield {**base, **money}
    # Selects of referenced messages (payment-method-description) count too.
    selects = list(SELECTS[locale].get(key, ()))
    selects += [s for ref in ("payment-method-description",) for s in SELECTS[locale][ref]]
    for variable, keys in selects:
        if variable in NUMBER_VARIABLES:
            continue
        for value in keys:
            yield {**base, variable: value}


def _words(text: str) -> set[str]:
    """Whole words in any script ("notícia" is not "not")."""
    return {w.lower() for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text)}


RAW_PLACEABLE = re.compile(r"[{}]|\$[A-Za-z_]")


@pytest.mark.parametrize("locale", LANGUAGES)
def test_every_message_renders_as_finished_text(locale: str) -> None:
    problems: list[str] = []
    for key in ENGLISH:
        if key.startswith("-") or (locale != "en" and key in DESK):
            continue
        for args in _cases(locale, key):
            text = TRANSLATOR.format(locale, key, args)
            if not text.strip() or key in text:
                problems.append(f"{key}: renders as its id: {text!r}")
            if RAW_PLACEABLE.search(text):
                problems.append(f"{key}: raw placeable in {text!r}")
            if '"' in text:
                problems.append(f"{key}: straight quotes (see locales/STYLE.md) in {text!r}")
            if locale != "en" and not key.startswith("language-native-"):
                english = (_words(text) & ENGLISH_WORDS) - ALLOWED[locale]
                if english:
                    problems.append(f"{key}: English {sorted(english)} in {text!r}")
    assert sorted(set(problems)) == []


@pytest.mark.parametrize("locale", LANGUAGES)
def test_every_plural_select_covers_the_cldr_categories(locale: str) -> None:
    wanted = _plural_categories(locale)
    missing = [
        (key, variable, sorted(wanted - keys))
        for key, selects in SELECTS[locale].items()
        for variable, keys in selects
        if variable in NUMBER_VARIABLES and not wanted <= keys
    ]
    assert missing == []


def test_number_variables_are_known() -> None:
    """The plural check above relies on the `# Variables:` comments."""
    assert {"hours", "seconds", "minutes", "ticket"} <= NUMBER_VARIABLES


def test_the_checks_catch_what_they_are_for() -> None:
    assert _words("Ваш бонус: the trial credit") & ENGLISH_WORDS == {"the", "trial", "credit"}
    assert not _words("Boa notícia, l'email") & {"not", "l"}
    assert RAW_PLACEABLE.search("Hola { $name }") and RAW_PLACEABLE.search("Hola $name")
    assert not RAW_PLACEABLE.search("25,00\u00a0US$ y $25.00")
    assert _plural_categories("ru") == {"one", "few", "many", "other"}
    assert _plural_categories("en") == {"one", "other"}


@pytest.mark.parametrize("locale", LANGUAGES)
def test_ids_are_never_grouped(locale: str) -> None:
    # The desk renders in English; whatever the user's language, #12345 stays whole.
    text = TRANSLATOR.format(locale, "handoff-desk-card", {**STRINGS, "ticket": 12345})
    assert text.startswith("Ticket #12345 ")
    assert "#12345" in TRANSLATOR.format(locale, "handoff-desk-topic", {"ticket": 12345})


def test_russian_dash_does_not_start_a_line() -> None:
    text = TRANSLATOR.format("ru", "help-text")
    assert "\u00a0— " in text and " — " not in text
    assert " — " in TRANSLATOR.format("en", "help-text")
