"""The conversation's states. The string values are what the database stores;
never rename one without a migration."""

from enum import StrEnum

__all__ = ["ACTIVE_STEPS", "OVERLAYS", "State"]


class State(StrEnum):
    LANGUAGE = "language"
    NAME = "name"
    EMAIL = "email"
    CURRENCY = "currency"
    SUMMARY = "summary"
    AWAITING_EMAIL = "awaiting_email"
    PAYMENT = "payment"
    DONE = "done"
    CANCELLED = "cancelled"
    # Overlays: questions asked on top of a step; `Conversation.resume` keeps the step.
    PICK_LANGUAGE = "pick_language"
    CONFIRM_CANCEL = "confirm_cancel"
    CONFIRM_DELETE = "confirm_delete"
    # The owner of a confirmed organization invites people (conversations/invitations.py).
    INVITE = "invite"


OVERLAYS = frozenset(
    {State.PICK_LANGUAGE, State.CONFIRM_CANCEL, State.CONFIRM_DELETE, State.INVITE}
)

# The steps a user moves through, in order (used for progress and the funnel):
# the order they are declared in, as in the step table (conversations/flow.py).
ACTIVE_STEPS = tuple(s for s in State if s not in OVERLAYS and s is not State.CANCELLED)
