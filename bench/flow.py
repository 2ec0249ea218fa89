"""The scripted flow every benchmarked user goes through: language, name,
email, currency, save."""

from conversations import Choice, Command, Event, Text

__all__ = ["flow_events"]


def flow_events(user: int) -> list[Event]:
    return [
        Command(name="start"),
        Choice(value="en"),
        Text(text=f"Bench Org {user}"),
        Text(text=f"user{user}@bench{user % 97}.example.com"),
        Choice(value="EUR"),
        Choice(value="save"),
    ]
