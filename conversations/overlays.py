"""The questions asked on top of any step (`Conversation.resume` keeps the
step): pick a language, really cancel?, really delete everything?"""

from .effects import AbandonOrganization, DeleteUserData, Effect, Reply, UpdateOrganization
from .events import Choice
from .model import Conversation
from .states import State
from .table import Outcome, Turn

__all__ = ["confirm_cancel", "confirm_delete", "language_picked"]


def _back(turn: Turn, conv: Conversation) -> Outcome:
    # With no step beneath (not expected), the first question typed into.
    return turn.ask(conv.at(conv.resume or State.NAME, resume=None))


def language_picked(turn: Turn, conv: Conversation, event: Choice) -> Outcome:
    beneath = conv.resume or turn.flow.sets.order[0]
    back = conv.at(beneath, language=event.value, resume=None)
    if turn.flow.steps[beneath].answer == "language":
        # Picked through /language while the language question was open:
        # that answers it too, rather than asking it again.
        back = back.at(turn.flow.after(beneath, back))
    effects: list[Effect] = []
    if conv.org_id is not None and back.state in turn.flow.sets.with_org:
        effects.append(UpdateOrganization(org_id=conv.org_id, language=event.value))
    effects.append(Reply(message_id="language-changed"))
    return back, [*effects, turn.flow.prompt(back)]


def confirm_cancel(turn: Turn, conv: Conversation, event: Choice) -> Outcome:
    if event.value == "no":
        return _back(turn, conv)
    sets = turn.flow.sets
    effects: list[Effect] = []
    if conv.org_id is not None and conv.resume in sets.unconfirmed:
        effects.append(AbandonOrganization(org_id=conv.org_id))
    ended = turn.flow.leads_to(conv.state, event.value)
    fresh = Conversation(state=ended, language=conv.language, facts=conv.facts)
    if conv.org_id is not None and conv.resume in sets.confirmed:
        # Confirmed already: the organization stays; only this sign-up ends.
        done = Reply(message_id="cancel-done-confirmed", args={"name": conv.name or "—"})
        return fresh, [*effects, done]
    return fresh, [*effects, Reply(message_id="cancel-done")]


def confirm_delete(turn: Turn, conv: Conversation, event: Choice) -> Outcome:
    if event.value == "no":
        return _back(turn, conv)
    first = turn.flow.leads_to(conv.state, event.value)
    return Conversation(state=first, language=conv.language), [
        DeleteUserData(),
        Reply(message_id="delete-done"),
    ]
