"""Who a Slack user is to us: `TEAM:USER`, so two workspaces never share a
conversation; messages go to the user id (Slack opens the DM)."""

__all__ = ["CHANNEL", "dm_target", "user_key"]

CHANNEL = "slack"


def user_key(team_id: str, user_id: str) -> str:
    return f"{team_id}:{user_id}"


def dm_target(external_id: str) -> str:
    return external_id.rpartition(":")[2]
