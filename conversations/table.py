"""What a step table is made of, and `Flow`, which steps a conversation
through one. The table itself (the onboarding's rows) is in flow.py.

A `Step` row says, for one state: the question it asks, its options and
where each leads, the events it accepts (who handles each, and the states it
can lead to), and its `Stage`, from which the sets the rest of the code asks
about (unsaved, unconfirmed, …) are derived. Which step comes next is the
table's order, never a handler's: a handler that has taken an answer asks
`Turn.next_step`. So a table with one more row is a flow with one more step."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum
from typing import Any

from .effects import Effect, Reply
from .events import Choice, Command, Event, FormSubmitted, Text
from .facts import Facts
from .model import Conversation
from .states import State

__all__ = [
    "Flow",
    "Guard",
    "Handler",
    "Next",
    "On",
    "Outcome",
    "Sets",
    "Shared",
    "Stage",
    "Step",
    "Target",
    "Turn",
]

Outcome = tuple[Conversation, list[Effect]]


class Stage(Enum):
    """Where a step stands in the sign-up: what /new, /cancel and the
    confirmation link may do there."""

    START = "start"  # nothing typed yet
    SIGN_UP = "sign-up"  # answers typed, nothing saved: /new would throw them away
    WAITING = "waiting"  # the organization is saved, its email not confirmed
    CONFIRMED = "confirmed"  # the organization's email is confirmed
    ENDED = "ended"  # this sign-up was cancelled
    OVERLAY = "overlay"  # a question on top of a step (`Conversation.resume`)


class Next(Enum):
    """Where an event leads when that is not one fixed state."""

    STEP = "next step"  # the next step in the table's order whose answer is missing
    REVIEW = "review"  # back to where answers are reviewed (an answer being edited)
    RESUME = "resume"  # the step beneath an overlay


Target = State | Next


@dataclass(frozen=True, slots=True)
class Turn:
    """What a handler gets besides the conversation and the event: the flow
    it runs in (its table) and the time (aware UTC; None: no time rules)."""

    flow: "Flow"
    now: datetime | None

    def ask(self, conv: Conversation, *before: Effect) -> Outcome:
        """`before`, then the question of the conversation's state."""
        return conv, [*before, self.flow.prompt(conv)]

    def not_now(self, conv: Conversation) -> Outcome:
        return self.ask(conv, Reply(message_id="error-not-now"))

    def next_step(self, conv: Conversation) -> State:
        """Where an answer just taken at `conv.state` leads: the next step
        still to answer, or back to the review when one answer was edited."""
        return self.flow.after(conv.state, conv, review=conv.editing)


Handler = Callable[[Turn, Conversation, Any], Outcome]


@dataclass(frozen=True, slots=True)
class On:
    """An event a step accepts: its handler, and the states it can lead to
    besides staying (what the diagram draws; tests hold the handler to it).
    `about_org`: the event is news about one organization, dropped unseen
    when it is about another than the conversation's own (a stale one)."""

    handler: Handler
    to: tuple[Target, ...] = ()
    about_org: bool = False


@dataclass(frozen=True, slots=True)
class Step:
    """One state of the flow. `choices`: each option's value and where it
    leads (its buttons are the question's); `answer`: the `Conversation`
    field this step fills (a step without one is always asked: the summary);
    `final`: nothing is in progress any more (a finished or cancelled sign-up)."""

    state: State
    ask: Callable[[Conversation], Reply]
    stage: Stage
    on: Mapping[type, On]
    choices: Mapping[str, tuple[Target, ...]] = field(default_factory=dict)
    answer: str | None = None
    final: bool = False


@dataclass(frozen=True, slots=True)
class Sets:
    """The sets of states the rules ask about, derived from the steps."""

    order: tuple[State, ...]
    # Answers typed and not saved: /new would throw them away.
    unsaved: frozenset[State]
    # With an organization, its email not confirmed: the waiting step and
    # the steps its options lead to (changing the address).
    unconfirmed: frozenset[State]
    confirmed: frozenset[State]
    ended: frozenset[State]
    # Nothing to cancel: before anything is typed, and once a sign-up is over.
    idle: frozenset[State]

    @property
    def with_org(self) -> frozenset[State]:
        """Where the conversation's organization (`org_id`) exists."""
        return self.unconfirmed | self.confirmed

    @classmethod
    def of(cls, steps: tuple[Step, ...]) -> "Sets":
        def staged(stage: Stage) -> frozenset[State]:
            return frozenset(s.state for s in steps if s.stage is stage)

        waiting = [s for s in steps if s.stage is Stage.WAITING]
        changed = {
            t for s in waiting for to in s.choices.values() for t in to if isinstance(t, State)
        }
        return cls(
            order=tuple(s.state for s in steps if s.stage is not Stage.OVERLAY),
            unsaved=staged(Stage.SIGN_UP),
            unconfirmed=staged(Stage.WAITING) | frozenset(changed),
            confirmed=staged(Stage.CONFIRMED),
            ended=staged(Stage.ENDED),
            idle=staged(Stage.START) | frozenset(s.state for s in steps if s.final),
        )


# A rule applied to every event before the tables, in order: an outcome
# decides the event; another event replaces it (typed words naming a
# button); None lets it through unchanged.
Guard = Callable[[Turn, Conversation, Event], Outcome | Event | None]


@dataclass(frozen=True, slots=True)
class Shared:
    """What every state shares: the guards, the commands, the events any
    state takes (news about the organization wherever the user is), the
    questions asked on top of any step, what happens to an event a state
    does not accept, and what every step's outcome is checked for last."""

    guards: tuple[tuple[str, Guard], ...]
    commands: Mapping[str, On]
    unknown_command: Handler
    events: Mapping[type, On]
    overlays: Callable[[Sets], tuple[Step, ...]]
    # Unaccepted news nobody asked for right now (a late reminder): dropped;
    # anything else unaccepted gets "not now".
    dropped: tuple[type, ...]
    settle: Callable[["Flow", Conversation, Conversation, list[Effect]], Outcome]


_FROM_USER = Text | Choice | Command | FormSubmitted


class Flow:
    """A step table made runnable: `step(conversation, event)`."""

    def __init__(self, steps: tuple[Step, ...], shared: Shared) -> None:
        self.sets = Sets.of(steps)
        self.shared = shared
        rows = (*steps, *shared.overlays(self.sets))
        self.steps: dict[State, Step] = {row.state: row for row in rows}
        self.overlays = frozenset(s.state for s in rows if s.stage is Stage.OVERLAY)

    @property
    def transitions(self) -> dict[State, dict[type, Handler]]:
        return {
            s: {kind: on.handler for kind, on in row.on.items()} for s, row in self.steps.items()
        }

    @property
    def choices(self) -> dict[State, frozenset[str]]:
        return {s: frozenset(row.choices) for s, row in self.steps.items() if row.choices}

    def leads_to(self, state: State, choice: str) -> State:
        """The state an option of `state` leads to, as the table says."""
        return next(to for to in self.steps[state].choices[choice] if isinstance(to, State))

    def prompt(self, conv: Conversation) -> Reply:
        """The question of the conversation's state: one place, so /start,
        "not now" and every transition ask the same way."""
        return self.steps[conv.state].ask(conv)

    def after(self, state: State, conv: Conversation, *, review: bool = False) -> State:
        """The first step after `state` in the table's order that is still to
        be answered (a step that keeps no answer always is); with `review`,
        the first that keeps none."""
        order = self.sets.order
        for later in order[order.index(state) + 1 :]:
            answer = self.steps[later].answer
            if answer is None or (not review and getattr(conv, answer) is None):
                return later
        return state

    def step(
        self,
        conv: Conversation,
        event: Event,
        *,
        now: datetime | None = None,
        facts: Facts | None = None,
    ) -> Outcome:
        if facts is not None:
            conv = replace(conv, facts=facts)
        after, effects = self.dispatch(Turn(self, now), conv, event)
        return self.shared.settle(self, conv, after, effects)

    def dispatch(self, turn: Turn, conv: Conversation, event: Event) -> Outcome:
        for _, guard in self.shared.guards:
            checked = guard(turn, conv, event)
            if isinstance(checked, tuple):
                return checked
            if checked is not None:
                event = checked
        if isinstance(event, Command):
            command = self.shared.commands.get(event.name)
            if command is None:
                return self.shared.unknown_command(turn, conv, event)
            return command.handler(turn, conv, event)
        shared = self.shared.events.get(type(event))
        if shared is not None:
            return _run(shared, turn, conv, event)
        beneath = self.steps[conv.resume] if conv.resume is not None else None
        if (
            conv.state in self.overlays
            and beneath is not None
            and not isinstance(event, _FROM_USER)
            and type(event) in beneath.on
        ):
            # News (a saved card, a reminder) while the user has a question
            # open on top of a step: it belongs to that step, and the question stays.
            under, effects = self.dispatch(turn, conv.at(beneath.state, resume=None), event)
            if under.state in self.overlays:
                return under, effects
            return under.at(conv.state, resume=under.state), effects
        row = self.steps[conv.state]
        accepted = row.on.get(type(event))
        if accepted is None:
            return (conv, []) if isinstance(event, self.shared.dropped) else turn.not_now(conv)
        if isinstance(event, Choice) and event.value not in row.choices:
            return turn.not_now(conv)
        return _run(accepted, turn, conv, event)


def _run(on: On, turn: Turn, conv: Conversation, event: Event) -> Outcome:
    if on.about_org and getattr(event, "org_id", None) != conv.org_id:
        return conv, []  # stale: about another (an older) organization
    return on.handler(turn, conv, event)
