"""What a button reads is also what a user may type: every option's label,
rendered in every locale, picks that option when typed. The core matches
typed words from its own table (`conversations/choices.py`) because it cannot
read the locales; this test keeps that table and the `.ftl` labels together."""

import pytest

from bot.text.i18n import Translator
from conversations import HANDOFF_CHOICE, Choice, Conversation, State, Text, prompt, step
from conversations.model import LANGUAGES

from ..conversations.test_flow import conv_in
from .test_rendering import LOCALES

TRANSLATOR = Translator(LOCALES)
WITH_OPTIONS = tuple(s for s in State if prompt(conv_in(s)).buttons)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("state", WITH_OPTIONS, ids=str)
def test_typing_a_label_picks_its_option(state: State, language: str) -> None:
    conv = Conversation(**{**conv_in(state).to_data(), "language": language})
    for button in prompt(conv).buttons:
        if button.url is not None or button.value == HANDOFF_CHOICE:
            continue
        label = TRANSLATOR.format(language, button.label, button.args)
        typed, _ = step(conv, Text(text=label))
        chosen, _ = step(conv, Choice(value=button.value))
        assert typed == chosen, f"{language}: typing {label!r} does not pick {button.value!r}"
