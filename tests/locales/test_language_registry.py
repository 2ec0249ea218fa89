"""Every language of the registry has every mapping and its locale folder,
and every locale folder is a language of the registry: a new language is
its folder and one registry line, and forgetting either fails here."""

import re
from pathlib import Path

import babel
import pytest

from bot.text.i18n import Translator, match_language
from conversations import LANGUAGES
from conversations.choices import match_choice
from conversations.languages import LANGUAGE_REGISTRY, Language, language
from conversations.prompts import LANGUAGE_LABELS

LOCALES = Path(__file__).resolve().parents[2] / "locales"
# The desk's notices are for the support agents, in English only.
TRANSLATED_FILES = sorted(
    path.name for path in (LOCALES / "en").glob("*.ftl") if path.name != "desk.ftl"
)
ENTRIES = [pytest.param(entry, id=entry.code) for entry in LANGUAGE_REGISTRY]


def test_the_registry_is_the_languages() -> None:
    codes = [entry.code for entry in LANGUAGE_REGISTRY]
    assert len(set(codes)) == len(codes)
    assert tuple(codes) == LANGUAGES
    assert LANGUAGE_REGISTRY[0].code == "en"  # the fallback
    assert set(LANGUAGE_LABELS) == set(codes)


def test_every_locale_folder_is_a_registered_language() -> None:
    folders = {path.name for path in LOCALES.iterdir() if path.is_dir()}
    assert folders == set(LANGUAGES)


@pytest.mark.parametrize("entry", ENTRIES)
def test_every_language_has_its_locale_folder(entry: Language) -> None:
    files = sorted(path.name for path in (LOCALES / entry.code).glob("*.ftl"))
    assert [name for name in files if name != "desk.ftl"] == TRANSLATED_FILES


@pytest.mark.parametrize("entry", ENTRIES)
def test_every_language_has_every_mapping(entry: Language) -> None:
    # Telegram's command menus take ISO 639-1 codes only.
    assert re.fullmatch(r"[a-z]{2}", entry.telegram)
    # Slack's and browsers' locale hints find it.
    assert match_language(entry.slack) == entry.code
    assert match_language(entry.code) == entry.code
    # Stripe Checkout's locales: a language, optionally with its region.
    assert re.fullmatch(r"[a-z]{2}(-[A-Z]{2})?", entry.stripe)
    assert entry.stripe.split("-")[0] == entry.code.split("-")[0].lower()
    # Babel knows the CLDR locale (Fluent would silently fall back otherwise).
    assert str(babel.Locale.parse(entry.cldr)) == entry.cldr
    assert entry.names and entry.label.startswith("language-native-")
    assert language(entry.code) is entry


@pytest.mark.parametrize("entry", ENTRIES)
def test_every_language_is_named_and_picked_by_its_names(entry: Language) -> None:
    translator = Translator(LOCALES)
    for code in LANGUAGES:
        assert translator.has(code, entry.label)
    for name in entry.names:
        assert match_choice(name, LANGUAGES, "en") == entry.code


def test_typed_words_are_kept_for_registered_languages_only() -> None:
    from conversations.choices import _WORDS

    for words in _WORDS.values():
        assert set(words) <= set(LANGUAGES)


def test_an_unknown_code_reads_as_english() -> None:
    assert language("xx") is LANGUAGE_REGISTRY[0]
