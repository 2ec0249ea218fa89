"""Inviting the team, the shell's side: the invitation email (`email.py`),
sent by its outbox kind (`bot/outbox/kinds/invitation_email.py`, through
`delivery.py`), and the join link (`links.py`). The effects that issue and
revoke invitations are runners in `bot/effects/invitations.py`."""

INVITATION_EMAIL = "invitation_email"

__all__ = ["INVITATION_EMAIL"]
