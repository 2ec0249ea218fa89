"""Inviting the team, the shell's side: the effects that issue and revoke
invitations (`effects.py`), the invitation email (`email.py`) and its outbox
runner (`delivery.py`), and the join link (`links.py`)."""

INVITATION_EMAIL = "invitation_email"

__all__ = ["INVITATION_EMAIL"]
