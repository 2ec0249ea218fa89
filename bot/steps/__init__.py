"""One event, one transaction: the engine that steps the core, the facts it
gathers, replies to and from JSON."""
