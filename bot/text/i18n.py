"""Fluent bundles for the languages of `conversations/languages.py`. A missing
message is an error, never its id shown to a user (python-fluent would
otherwise echo the id)."""

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from babel.numbers import get_currency_precision
from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import FluentDecimal, FluentNone, FluentNumber, fluent_number

from conversations import LANGUAGES
from conversations.languages import LANGUAGE_REGISTRY, language

__all__ = ["MissingMessage", "Translator", "match_language", "with_money"]

FALLBACK = "en"
NBSP = "\u00a0"
# Typography a translator should not have to type (an invisible character in a
# .ftl file is a trap for the next editor): in Russian a dash never starts a
# line, so the space before it does not break. See locales/STYLE.md. Keyed by
# the CLDR locale (a bundle's `locales[0]`).
_TYPOGRAPHY: dict[str, tuple[tuple[str, str], ...]] = {"ru": ((" —", NBSP + "—"),)}


class MissingMessage(KeyError):
    pass


def with_money(args: Mapping[str, object]) -> dict[str, object]:
    """The money convention of Reply arguments: an integer `<name>_minor` with a
    string `<name>_currency` (ISO 4217) is an amount in minor units. Messages
    see it as `$<name>`, a Fluent currency number, so Babel picks the symbol,
    digits and placement per locale ($25.00, 25,00 $, US$ 25,00)."""
    result = dict(args)
    for key, value in args.items():
        if not key.endswith("_minor") or isinstance(value, bool) or not isinstance(value, int):
            continue
        name = key.removesuffix("_minor")
        currency = args.get(f"{name}_currency")
        if not isinstance(currency, str):
            continue
        amount = Decimal(value).scaleb(-get_currency_precision(currency))
        result[name] = FluentDecimal(amount, style="currency", currency=currency)
    return result


def number(value: object, **options: object) -> FluentNumber | FluentNone:
    """Fluent's NUMBER(). Fluent has no booleans, so the spec's options spell them
    as strings (`useGrouping: "false"` for ids and ticket numbers, as fluent.js
    and fluent-rs read it); python-fluent 0.4 would take the string "false" as
    true, so it is turned into the boolean here."""
    grouping = options.get("useGrouping")
    if isinstance(grouping, str):
        options["useGrouping"] = grouping != "false"
    return fluent_number(value, **options)  # type: ignore[arg-type]


# Bundles built in this process, by their files as they are on disk: a second
# Translator of the same directory (each test builds its own services) shares
# them instead of parsing again, and an edited file makes a new bundle. A
# bundle is only read once built, so sharing it is as safe as one Translator.
_FileStamp = tuple[str, int, int]
_built: dict[tuple[str, str, tuple[_FileStamp, ...]], FluentBundle] = {}


def _bundle_of(locales_dir: Path, code: str) -> FluentBundle:
    paths = sorted((locales_dir / code).glob("*.ftl"))
    stamps = tuple((str(p), (s := p.stat()).st_mtime_ns, s.st_size) for p in paths)
    key = (str(locales_dir.resolve()), code, stamps)
    bundle = _built.get(key)
    if bundle is None:
        # Babel reads the CLDR locale (plural rules, numbers, currencies).
        cldr = language(code).cldr
        bundle = FluentBundle([cldr], use_isolating=False, functions={"NUMBER": number})
        for path in paths:
            bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
        _built[key] = bundle
    return bundle


class Translator:
    """Each language's files are parsed the first time that language is asked
    for: parsing all five took most of `chat`'s start-up (0.6 s of 1.4 s)."""

    def __init__(self, locales_dir: Path) -> None:
        self._dir = locales_dir
        self._bundles: dict[str, FluentBundle] = {}

    def _load(self, code: str) -> FluentBundle:
        bundle = self._bundles.get(code)
        if bundle is None:
            bundle = self._bundles[code] = _bundle_of(self._dir, code)
        return bundle

    def has(self, locale: str, message_id: str) -> bool:
        return self._bundle(locale).has_message(message_id)

    def _bundle(self, locale: str) -> FluentBundle:
        return self._load(locale if locale in LANGUAGES else FALLBACK)

    def format(self, locale: str, message_id: str, args: Mapping[str, object] | None = None) -> str:
        bundle = self._bundle(locale)
        if not bundle.has_message(message_id):
            bundle = self._load(FALLBACK)
            if not bundle.has_message(message_id):
                raise MissingMessage(message_id)
        message = bundle.get_message(message_id)
        if message.value is None:
            raise MissingMessage(message_id)
        text, errors = bundle.format_pattern(message.value, with_money(args or {}))
        if errors:
            raise ValueError(f"{message_id} ({locale}): {errors}")
        result = str(text)
        for plain, typeset in _TYPOGRAPHY.get(bundle.locales[0], ()):
            result = result.replace(plain, typeset)
        return result


def match_language(tag: str | None) -> str | None:
    """`ru_RU.UTF-8`, `pt-br`, `pt-PT`, `es-419` → one of our languages (the
    one of the same primary language), or None."""
    if not tag:
        return None
    primary = tag.split(".")[0].replace("_", "-").split("-")[0].lower()
    return _BY_PRIMARY.get(primary)


_BY_PRIMARY = {entry.code.split("-")[0].lower(): entry.code for entry in LANGUAGE_REGISTRY}
