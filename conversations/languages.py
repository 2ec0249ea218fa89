"""The languages the assistant speaks: one line each, read by everything that
names a language (the core's choices and labels, Fluent and Babel, Telegram's
command menus, Slack's and browsers' locale hints, Stripe Checkout). A new
language is its `locales/<code>/` folder and one line here."""

from dataclasses import dataclass

__all__ = ["LANGUAGE_REGISTRY", "Language", "language"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Language:
    # Ours: the conversation's language, the `locales/<code>/` folder, `?lang=`.
    code: str
    # The Fluent id of its name written in itself ("Русский"), on its button.
    label: str
    # Telegram's `language_code` for the command menu (setMyCommands: ISO 639-1).
    telegram: str
    # The Slack user locale (`users.info`) that stands for it.
    slack: str
    # Stripe's locale for Checkout pages and the customer's emails.
    stripe: str
    # The Babel/CLDR locale: plural rules, numbers and currencies in Fluent.
    cldr: str
    # What people type to pick it, in any language (they have not picked one
    # yet): matched ignoring case and accents, its code and English name too.
    names: tuple[str, ...]


LANGUAGE_REGISTRY: tuple[Language, ...] = (
    Language(
        code="en",
        label="language-native-en",
        telegram="en",
        slack="en-US",
        stripe="en",
        cldr="en",
        names=("english", "английский", "inglese", "ingles", "eng"),
    ),
    Language(
        code="ru",
        label="language-native-ru",
        telegram="ru",
        slack="ru-RU",
        stripe="ru",
        cldr="ru",
        names=("русский", "russian", "russo", "ruso", "рус", "по-русски"),
    ),
    Language(
        code="it",
        label="language-native-it",
        telegram="it",
        slack="it-IT",
        stripe="it",
        cldr="it",
        names=("italiano", "italian", "итальянский", "ita"),
    ),
    Language(
        code="pt-BR",
        label="language-native-pt-br",
        telegram="pt",
        slack="pt-BR",
        stripe="pt-BR",
        cldr="pt_BR",
        names=(
            "portugues",
            "portuguese",
            "portugues (brasil)",
            "portugues do brasil",
            "brazilian portuguese",
            "португальский",
            "portoghese",
            "pt",
            "pt-br",
            "ptbr",
        ),
    ),
    Language(
        code="es",
        label="language-native-es",
        telegram="es",
        slack="es-ES",
        stripe="es",
        cldr="es",
        names=("espanol", "spanish", "испанский", "spagnolo", "espanhol", "castellano", "esp"),
    ),
)

_BY_CODE = {entry.code: entry for entry in LANGUAGE_REGISTRY}


def language(code: str) -> Language:
    """The registry line of one of our language codes; English for any other."""
    return _BY_CODE.get(code, LANGUAGE_REGISTRY[0])
