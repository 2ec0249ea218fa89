"""Typed answers to a question with options: "euro", "Евро", "dólar", "sí",
"Русский", "russian" pick the option as its button would. The core cannot
read the locales, so each option keeps a small table of what people type
for it, per language; English always counts, and the option's own value
too. Matching ignores case, diacritics, punctuation and extra spaces."""

import unicodedata

from .languages import LANGUAGE_REGISTRY

__all__ = ["TALK_WORDS", "match_choice", "normalize"]

# Language names are accepted in every language: the user has not picked one yet.
_LANGUAGE_NAMES = {entry.code: entry.names for entry in LANGUAGE_REGISTRY}

# Per option, per language (English is always added).
_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "USD": {
        "en": ("us dollar", "us dollars", "dollar", "dollars", "$", "us$", "usd $"),
        "ru": ("доллар", "доллары", "долларах", "доллар сша", "доллары сша"),
        "it": ("dollaro", "dollari", "dollaro usa", "dollaro statunitense"),
        "pt-BR": ("dolar", "dolares", "dolar americano"),
        "es": ("dolar", "dolares", "dolar estadounidense"),
    },
    "EUR": {
        "en": ("euro", "euros", "€"),
        "ru": ("евро",),
        "it": ("euro",),
        "pt-BR": ("euro", "euros"),
        "es": ("euro", "euros"),
    },
    "save": {
        "en": ("save", "ok", "done", "confirm"),
        "ru": ("сохранить", "сохрани", "ок", "готово"),
        "it": ("salva", "salvare", "conferma"),
        "pt-BR": ("salvar", "salve", "confirmar"),
        "es": ("guardar", "guarda", "confirmar"),
    },
    "edit-name": {
        "en": ("change name", "edit name", "name"),
        "ru": ("изменить название", "название", "имя"),
        "it": ("cambia nome", "modifica nome", "nome"),
        "pt-BR": ("alterar nome", "mudar nome", "nome"),
        "es": ("cambiar nombre", "nombre"),
    },
    "edit-email": {
        "en": ("change email", "edit email", "email", "e-mail"),
        "ru": ("изменить email", "изменить почту", "изменить адрес", "почта", "адрес"),
        "it": ("cambia email", "modifica email", "indirizzo"),
        "pt-BR": ("alterar e-mail", "alterar email", "mudar e-mail"),
        "es": ("cambiar correo", "cambiar email", "correo"),
    },
    "edit-currency": {
        "en": ("change currency", "edit currency", "currency"),
        "ru": ("изменить валюту", "валюта"),
        "it": ("cambia valuta", "modifica valuta", "valuta"),
        "pt-BR": ("alterar moeda", "mudar moeda", "moeda"),
        "es": ("cambiar moneda", "moneda", "divisa"),
    },
    "edit-language": {
        "en": ("change language", "edit language", "language"),
        "ru": ("изменить язык", "язык"),
        "it": ("cambia lingua", "modifica lingua", "lingua"),
        "pt-BR": ("alterar idioma", "mudar idioma", "idioma"),
        "es": ("cambiar idioma", "idioma"),
    },
    "yes": {
        "en": ("yes", "y", "yeah", "yep", "ok", "sure"),
        "ru": ("да", "д", "ага", "конечно"),
        "it": ("si", "certo"),
        "pt-BR": ("sim", "s", "claro"),
        "es": ("si", "s", "claro"),
    },
    "no": {
        "en": ("no", "n", "nope"),
        "ru": ("нет", "н"),
        "it": ("no",),
        "pt-BR": ("nao", "n"),
        "es": ("no", "n"),
    },
    "resend": {
        "en": ("resend", "send again", "send the email again", "again"),
        "ru": ("отправить снова", "отправить еще раз", "еще раз", "повторить"),
        "it": ("invia di nuovo", "reinvia", "di nuovo"),
        "pt-BR": ("reenviar", "enviar novamente", "enviar de novo"),
        "es": ("reenviar", "enviar de nuevo", "otra vez"),
    },
    "change-email": {
        "en": ("change email", "change address", "another email", "other email"),
        "ru": ("изменить email", "изменить почту", "изменить адрес", "другой адрес"),
        "it": ("cambia email", "cambia indirizzo", "altro indirizzo"),
        "pt-BR": ("alterar e-mail", "alterar email", "outro e-mail"),
        "es": ("cambiar correo", "cambiar email", "otro correo"),
    },
    "new-link": {
        "en": ("new link", "link", "another link"),
        "ru": ("новая ссылка", "ссылка", "новую ссылку"),
        "it": ("nuovo link", "link"),
        "pt-BR": ("novo link", "link"),
        "es": ("nuevo enlace", "enlace", "link"),
    },
    "keep-email": {
        "en": ("keep", "keep it", "keep this address", "keep as typed", "keep this one"),
        "ru": ("оставить", "оставить этот адрес", "оставить как есть"),
        "it": ("mantieni", "tieni", "tieni questo indirizzo", "lascia cosi"),
        "pt-BR": ("manter", "manter este e-mail", "manter como esta"),
        "es": ("mantener", "conservar", "dejar asi", "mantener este correo"),
    },
    "use-suggestion": {
        "en": ("yes", "y", "fix it", "use it", "correct it"),
        "ru": ("да", "исправить", "исправь"),
        "it": ("si", "correggi"),
        "pt-BR": ("sim", "corrigir"),
        "es": ("si", "corregir", "corrige"),
    },
    "keep-name": {
        "en": ("use it anyway", "keep", "keep it", "anyway", "yes"),
        "ru": ("все равно использовать", "оставить", "да"),
        "it": ("usalo comunque", "comunque", "mantieni", "si"),
        "pt-BR": ("usar mesmo assim", "manter", "sim"),
        "es": ("usarlo igual", "usar de todos modos", "mantener", "si"),
    },
    "other-name": {
        "en": ("another name", "other name", "different name", "no"),
        "ru": ("другое название", "нет"),
        "it": ("un altro nome", "altro nome", "no"),
        "pt-BR": ("outro nome", "nao"),
        "es": ("otro nombre", "no"),
    },
}

# "Talk to a person" by typing: offered only where a desk is configured.
TALK_WORDS = (
    "?",
    "person",
    "human",
    "talk to a person",
    "agent",
    "operator",
    "человек",
    "оператор",
    "позвать человека",
    "persona",
    "operatore",
    "pessoa",
    "atendente",
    "humano",
)


def normalize(text: str) -> str:
    """Lower case, no diacritics (ё → е, й → и too), punctuation other than
    `?`, `$`, `€`, `-` dropped, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = []
    for ch in decomposed:
        if unicodedata.category(ch) == "Mn":
            continue
        if ch.isalnum() or ch in "?$€-()":
            kept.append(ch)
        else:
            kept.append(" ")
    return " ".join("".join(kept).split())


def _words(value: str, language: str) -> set[str]:
    if value in _LANGUAGE_NAMES:
        words = set(_LANGUAGE_NAMES[value])
    else:
        table = _WORDS.get(value, {})
        words = set(table.get("en", ())) | set(table.get(language, ()))
    return {normalize(w) for w in (*words, value)}


def match_choice(text: str, values: tuple[str, ...], language: str) -> str | None:
    """The one option among `values` that `text` names, or None (no match, or
    more than one: an ambiguous answer picks nothing)."""
    said = normalize(text)
    if not said:
        return None
    found = [v for v in values if said in _words(v, language)]
    if not found and "(" in said:
        # "Euro (EUR)" as the button reads: the part in brackets names it too.
        inner = said.partition("(")[2].rstrip(")").strip()
        found = [v for v in values if inner in _words(v, language)]
    return found[0] if len(found) == 1 else None
