"""The conversation as a value: the state plus what the user has told us so far."""

from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from .credits import Credit
from .facts import Facts
from .languages import LANGUAGE_REGISTRY
from .payment import SavedMethod
from .states import OVERLAYS, State

__all__ = ["CURRENCIES", "LANGUAGES", "Conversation"]

LANGUAGES = tuple(entry.code for entry in LANGUAGE_REGISTRY)
CURRENCIES = ("USD", "EUR")


@dataclass(frozen=True, slots=True, kw_only=True)
class Conversation:
    state: State = State.LANGUAGE
    language: str = "en"
    name: str | None = None
    email: str | None = None
    currency: str | None = None
    org_id: int | None = None
    # True while one field is being changed: the next valid answer goes back
    # to the summary (or, once the organization exists, to the email wait).
    editing: bool = False
    # The step an overlay (language picker, yes/no question) returns to.
    resume: State | None = None
    payment_method: SavedMethod | None = None
    invalid_in_a_row: int = 0
    # When confirmation emails for `org_id` were sent within the last hour
    # (aware UTC datetimes, oldest first): the resend rules read it.
    email_sends: tuple[datetime, ...] = ()
    # A person is involved: "waiting" (ticket open), "taken" (an agent owns the
    # conversation) or "escalated" (nobody came in time; the answer comes by
    # email). The state stays the step the user was on, to resume there.
    handoff: str | None = None

    def __post_init__(self) -> None:
        # Also takes what `to_data` wrote (a list of ISO strings): a conversation
        # built from its own data equals it.
        sends = tuple(
            datetime.fromisoformat(sent) if isinstance(sent, str) else sent
            for sent in self.email_sends
        )
        object.__setattr__(self, "email_sends", sends)
        object.__setattr__(self, "invite_new", tuple(self.invite_new))
        object.__setattr__(self, "invite_again", tuple(self.invite_again))

    # The trial credit of `org_id`, once its email is confirmed.
    credit: Credit | None = None
    # An answer the user is asked about before it is taken: an address on a
    # free-mail domain, or with a mistyped domain (`suggestion` is the fixed
    # address), or a name another of their organizations has.
    pending_email: str | None = None
    suggestion: str | None = None
    pending_name: str | None = None
    # At the invitation step: the new addresses read from the last paste, and
    # those invited before (open or expired: to resend or revoke).
    invite_new: tuple[str, ...] = ()
    invite_again: tuple[str, ...] = ()
    # What the shell knows for this step (see facts.py): set by `step`, never stored.
    facts: Facts = field(default=Facts(), compare=False, repr=False)

    @property
    def step(self) -> State:
        """The step the user is on, looking through any overlay."""
        if self.state in OVERLAYS and self.resume is not None:
            return self.resume
        return self.state

    def at(self, state: State, **changes: Any) -> "Conversation":
        return replace(self, state=state, **changes)

    def to_data(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("state")
        data.pop("facts")
        data["email_sends"] = [sent.isoformat() for sent in self.email_sends]
        data["credit"] = self.credit.to_data() if self.credit else None
        return data

    @classmethod
    def from_data(cls, state: str, data: dict[str, Any]) -> "Conversation":
        fields = cls.__dataclass_fields__
        known = {k: v for k, v in data.items() if k in fields and k not in ("state", "facts")}
        if known.get("resume") is not None:
            known["resume"] = State(known["resume"])
        if isinstance(known.get("payment_method"), dict):
            known["payment_method"] = SavedMethod.from_data(known["payment_method"])
        elif known.get("payment_method") is not None:
            # Stored before methods were structured: keep the user going, drop the text.
            known["payment_method"] = None
        # Data saved before the resend rules existed has no send history.
        known["email_sends"] = known.get("email_sends") or ()
        if known.get("credit") is not None:
            known["credit"] = Credit.from_data(known["credit"])
        return cls(state=State(state), **known)
