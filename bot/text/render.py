"""Reply effects → plain messages a channel can send: text and button labels in
the user's language. Channels format these; they never see Fluent."""

from dataclasses import dataclass

from bot.text.i18n import Translator
from conversations import Reply

__all__ = ["RenderedButton", "RenderedMessage", "render"]


@dataclass(frozen=True, slots=True)
class RenderedButton:
    label: str
    value: str
    url: str | None = None
    selected: bool = False


@dataclass(frozen=True, slots=True)
class RenderedMessage:
    message_id: str
    text: str
    buttons: tuple[RenderedButton, ...] = ()
    # The locale it was rendered in: what a channel adds of its own (Slack's
    # people picker under the invitation question) speaks it too.
    language: str = ""


def render(translator: Translator, locale: str, reply: Reply) -> RenderedMessage:
    return RenderedMessage(
        message_id=reply.message_id,
        text=translator.format(locale, reply.message_id, reply.args),
        buttons=tuple(
            RenderedButton(
                label=translator.format(locale, button.label, button.args),
                value=button.value,
                url=button.url,
                selected=button.selected,
            )
            for button in reply.buttons
        ),
        language=locale,
    )
