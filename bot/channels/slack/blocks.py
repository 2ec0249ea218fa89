"""Block Kit payloads: a rendered reply as a message, the sign-up modal and
the App Home. Pure functions of already-translated text."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.channels.slack.text import escape, slack_commands
from bot.text.i18n import Translator
from bot.text.render import RenderedMessage
from conversations import CURRENCIES, LANGUAGES
from conversations.credits import trial_args
from conversations.invitees import MAX_INVITEES
from conversations.prompts import CURRENCY_LABELS, LANGUAGE_LABELS
from conversations.validation import display_email
from storage.records import OrganizationRecord

__all__ = [
    "FORM_CALLBACK",
    "INVITE_PICKER",
    "FormPrefill",
    "form_values",
    "form_view",
    "home_view",
    "invite_picker",
    "message_payload",
]

Block = dict[str, Any]
FORM_CALLBACK = "onboard-form"
# Block Kit limits (characters).
SECTION_MAX, BUTTON_MAX, ACTIONS_MAX = 3000, 75, 25
# The workspace's people, picked to invite (`users.info` gives their addresses).
INVITE_PICKER = "invite-users"


def invite_picker(label: str) -> dict[str, Any]:
    """A multi-select of workspace users, as many as one paste may hold."""
    return {
        "type": "actions",
        "elements": [
            {
                "type": "multi_users_select",
                "action_id": INVITE_PICKER,
                "placeholder": plain(label, 150),
                "max_selected_items": MAX_INVITEES,
            }
        ],
    }


def plain(text: str, limit: int = SECTION_MAX) -> dict[str, Any]:
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return {"type": "plain_text", "text": text, "emoji": True}


def message_payload(message: RenderedMessage) -> dict[str, Any]:
    """Arguments for chat.postMessage: blocks, fallback text and the message id
    as metadata (what the core said, for logs and tests)."""
    text = slack_commands(message.text)
    blocks: list[Block] = [{"type": "section", "text": plain(text)}]
    buttons: list[Block] = []
    for number, button in enumerate(message.buttons):
        element: Block = {"type": "button", "text": plain(button.label, BUTTON_MAX)}
        if button.url is not None:
            element |= {"url": button.url, "action_id": f"link-{number}"}
        else:
            element |= {"value": button.value, "action_id": f"choice-{number}"}
        buttons.append(element)
    for start in range(0, len(buttons), ACTIONS_MAX):
        blocks.append({"type": "actions", "elements": buttons[start : start + ACTIONS_MAX]})
    return {
        "text": escape(text),
        "blocks": blocks,
        "metadata": {
            "event_type": "onboarding_message",
            "event_payload": {"message_id": message.message_id},
        },
    }


@dataclass(frozen=True, slots=True)
class FormPrefill:
    name: str | None = None
    email: str | None = None
    currency: str | None = None


def _option(text: str, value: str) -> Block:
    return {"text": plain(text, 75), "value": value}


def form_view(translator: Translator, language: str, prefill: FormPrefill) -> dict[str, Any]:
    """The sign-up modal, labelled in `language` (also pre-selected)."""

    def t(message_id: str, args: dict[str, str | int] | None = None) -> str:
        return translator.format(language, message_id, args)

    name: Block = {"type": "plain_text_input", "action_id": "form-name"}
    if prefill.name:
        name["initial_value"] = prefill.name
    email: Block = {"type": "email_text_input", "action_id": "form-email"}
    if prefill.email:
        email["initial_value"] = prefill.email
    languages = [_option(t(LANGUAGE_LABELS[code]), code) for code in LANGUAGES]
    currencies = [_option(t(CURRENCY_LABELS[code]), code) for code in CURRENCIES]
    currency: Block = {
        "type": "static_select",
        "action_id": "form-currency",
        "placeholder": plain(t("slack-form-currency-placeholder"), 150),
        "options": currencies,
    }
    if prefill.currency in CURRENCIES:
        currency["initial_option"] = currencies[CURRENCIES.index(prefill.currency)]
    blocks: list[Block] = [
        {"type": "section", "text": plain(t("slack-form-intro"))},
        {
            "type": "input",
            "block_id": "name",
            "label": plain(t("slack-form-name-label"), 2000),
            "hint": plain(t("slack-form-name-hint"), 2000),
            "element": name,
        },
        {
            "type": "input",
            "block_id": "email",
            "label": plain(t("slack-form-email-label"), 2000),
            "hint": plain(t("slack-form-email-hint", trial_args()), 2000),
            "element": email,
        },
        {
            "type": "input",
            "block_id": "language",
            # Picking another language relabels the form at once (views.update).
            "dispatch_action": True,
            "label": plain(t("slack-form-language-label"), 2000),
            "element": {
                "type": "static_select",
                "action_id": "form-language",
                "options": languages,
                "initial_option": languages[LANGUAGES.index(language)],
            },
        },
        {
            "type": "input",
            "block_id": "currency",
            "label": plain(t("slack-form-currency-label"), 2000),
            "hint": plain(t("slack-form-currency-hint"), 2000),
            "element": currency,
        },
    ]
    return {
        "type": "modal",
        "callback_id": FORM_CALLBACK,
        "title": plain(t("slack-form-title"), 24),
        "submit": plain(t("slack-form-submit"), 24),
        "close": plain(t("slack-form-close"), 24),
        "private_metadata": language,
        "blocks": blocks,
    }


def form_values(state: dict[str, Any]) -> dict[str, str]:
    """{field: raw value} from a modal's `view.state.values` (missing → "")."""
    values: dict[str, str] = {}
    for field in ("name", "email", "language", "currency"):
        element: Any = next(iter(state.get(field, {}).values()), {})
        if not isinstance(element, dict):
            element = {}
        selected = element.get("selected_option")
        raw = selected.get("value") if isinstance(selected, dict) else element.get("value")
        values[field] = raw if isinstance(raw, str) else ""
    return values


def home_view(
    translator: Translator,
    language: str,
    organizations: Sequence[OrganizationRecord],
    inviting: str | None = None,
) -> dict[str, Any]:
    """`inviting`: the name of the confirmed organization the user is on,
    whose team can be picked here."""

    def t(message_id: str, args: dict[str, str | int] | None = None) -> str:
        return translator.format(language, message_id, args)

    blocks: list[Block] = [{"type": "header", "text": plain(t("slack-home-title"), 150)}]
    for org in organizations:
        text = t(
            "slack-home-organization",
            {
                "name": org.name or "—",
                "email": display_email(org.email or "—"),
                "currency": org.currency,
                "status": org.status,
            },
        )
        blocks += [{"type": "divider"}, {"type": "section", "text": plain(text)}]
    if not organizations:
        blocks.append({"type": "section", "text": plain(t("slack-home-empty"))})
    if inviting is not None:
        blocks += [
            {"type": "divider"},
            {"type": "section", "text": plain(t("slack-home-invite", {"name": inviting}))},
            invite_picker(t("slack-invite-pick")),
        ]
    blocks.append({"type": "context", "elements": [plain(t("slack-home-hint"))]})
    return {"type": "home", "blocks": blocks}
